package site

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"reportsite/generator/internal/testsite"
)

// miniSite is a complete small site used by most tests.
const miniSite = testsite.Mini

// testSite writes a txtar archive into a temporary directory and returns it.
func testSite(t *testing.T, archive string) string {
	t.Helper()
	dir := t.TempDir()
	testsite.Write(t, dir, archive)
	return dir
}

func build(t *testing.T, dir string) (Result, error) {
	t.Helper()
	return Build(context.Background(), Options{Source: dir})
}

func mustBuild(t *testing.T, dir string) Result {
	t.Helper()
	res, err := build(t, dir)
	if err != nil {
		t.Fatalf("build failed: %v", err)
	}
	return res
}

func readOut(t *testing.T, dir, name string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(dir, "public", filepath.FromSlash(name)))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func assertContains(t *testing.T, file, got string, wants ...string) {
	t.Helper()
	for _, w := range wants {
		if !strings.Contains(got, w) {
			t.Errorf("%s: missing %q", file, w)
		}
	}
}

func TestBuildMiniSite(t *testing.T) {
	dir := testSite(t, miniSite)
	res := mustBuild(t, dir)
	if res.Pages != 10 { // home, report, 2 parts, 2 pages, full, 网站地图, 联系我们, 404
		t.Errorf("pages = %d, want 10", res.Pages)
	}
	if len(res.Warnings) != 0 {
		t.Errorf("unexpected warnings: %q", res.Warnings)
	}
	files := testsite.MustSnapshot(t, filepath.Join(dir, "public"))
	for _, want := range []string{"index.html", "404.html", "sitemap.xml", "robots.txt",
		"r/index.html", "r/full.html", "r/01/index.html", "r/01/01.html", "r/01/02.html", "r/02/index.html"} {
		if _, ok := files[want]; !ok {
			t.Errorf("missing output %s", want)
		}
	}
	if _, ok := files["r/03/draft.html"]; ok {
		t.Error("a draft page was published")
	}

	page := readOut(t, dir, "r/01/01.html")
	assertContains(t, "r/01/01.html", page,
		`<html lang="zh-CN">`,
		`<title>（一）经济运行稳步回升 - 关于某某区2020年度计划执行情况的报告 - 测试站点</title>`,
		`<meta name="SiteIDCode" content="3703060001">`,
		`<meta name="ArticleTitle" content="（一）经济运行稳步回升">`,
		`<meta name="PubDate" content="2021-03-12">`,
		`<h1><span class="label">（一）</span>经济运行稳步回升</h1>`,
		// No space is added at the soft line break after a full-width ；or ，.
		"同比增长4.9%，增幅居全市第2位；",
		`<link rel="canonical" href="https://example.gov.cn/sub/r/01/01.html">`,
		// Relative links with explicit index.html work from disk.
		`href="../../index.html"`,
		`href="index.html" rel="prev"`,
		`href="02.html" rel="next"`,
		`<a href="01.html" aria-current="page">`,
	)
	assertContains(t, "index.html", readOut(t, dir, "index.html"), `<a href="r/index.html">关于某某区2020年度计划执行情况的报告</a>`)
	report := readOut(t, dir, "r/index.html")
	assertContains(t, "r/index.html", report,
		`<th scope="row">索引号</th><td>11370306004220465W/2021-5169256</td>`,
		`<time datetime="2021-03-12">2021-03-12</time>`,
		"——2021年3月12日在某某区人民代表大会上",
		"受区人民政府委托，现向大会作报告，请予审议。",
		"各位代表，实干赢得未来。",
		`<a href="full.html">阅读全文</a>`,
	)
	if strings.Index(report, "各位代表，实干赢得未来。") < strings.Index(report, "报告目录") {
		t.Error("closing text is not after the list of parts")
	}
	full := readOut(t, dir, "r/full.html")
	assertContains(t, "r/full.html", full, "全区地区生产总值同比增长4.9%", "制定推进全区", "──地区生产总值增长7%以上。")
	if i, j := strings.Index(full, "2020年是极不平凡"), strings.Index(full, "各位代表，实干赢得未来。"); i < 0 || j < i {
		t.Error("full text out of order")
	}

	css := regexpFind(t, page, `assets/site\.[0-9a-f]{8}\.css`)
	if _, ok := files[css]; !ok {
		t.Errorf("stylesheet %s referenced but not published", css)
	}
	footer := func(s string) string { return s[strings.Index(s, "<footer"):] }
	if footer(page) != footer(report) || footer(page) != footer(readOut(t, dir, "index.html")) {
		t.Error("footer differs between pages")
	}
	assertContains(t, "footer", footer(page), "主办单位：某某区人民政府办公室", "网站标识码：3703060001",
		`<a href="https://beian.miit.gov.cn/" rel="noopener">鲁ICP备12345678号-1</a>`,
		`code=37030602000001`)
	assertContains(t, "sitemap.xml", files["sitemap.xml"], "<loc>https://example.gov.cn/sub/r/01/01.html</loc>")
	assertContains(t, "404.html", files["404.html"], `href="/sub/index.html"`)
}

func TestDeterministic(t *testing.T) {
	dir := testSite(t, miniSite)
	mustBuild(t, dir)
	first := testsite.MustSnapshot(t, filepath.Join(dir, "public"))
	if _, err := Build(context.Background(), Options{Source: dir, Dest: filepath.Join(dir, "again")}); err != nil {
		t.Fatal(err)
	}
	second := testsite.MustSnapshot(t, filepath.Join(dir, "again"))
	if len(first) != len(second) {
		t.Fatalf("%d files, then %d", len(first), len(second))
	}
	for name, b := range first {
		if second[name] != b {
			t.Errorf("%s differs between two builds", name)
		}
	}
}

func TestFailedBuildLeavesOutputUntouched(t *testing.T) {
	dir := testSite(t, miniSite)
	mustBuild(t, dir)
	before := testsite.MustSnapshot(t, filepath.Join(dir, "public"))
	// Also a stale file from "an earlier build" must survive a failed build.
	testsite.Write(t, dir, `
-- content/r/02/_index.md --
+++
title = "2021年主要预期目标"
label = "二、"
weight = 2
layout = "broken"
+++
text
-- layouts/broken.html --
{{define "main"}}{{.NoSuchField}}{{end}}
`)
	_, err := build(t, dir)
	if err == nil {
		t.Fatal("build with a template error succeeded")
	}
	after := testsite.MustSnapshot(t, filepath.Join(dir, "public"))
	if len(after) != len(before) {
		t.Fatalf("public/ had %d files, now %d", len(before), len(after))
	}
	for name, b := range before {
		if after[name] != b {
			t.Errorf("%s changed after a failed build", name)
		}
	}
	leftovers, _ := filepath.Glob(filepath.Join(dir, ".publish-public-old*"))
	if len(leftovers) > 0 {
		t.Errorf("staging directories left behind: %v", leftovers)
	}
}

func TestStaleFilesRemoved(t *testing.T) {
	dir := testSite(t, miniSite)
	mustBuild(t, dir)
	os.Remove(filepath.Join(dir, "content/r/01/02.md"))
	mustBuild(t, dir)
	if _, err := os.Stat(filepath.Join(dir, "public/r/01/02.html")); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("page of a deleted file is still published (err=%v)", err)
	}
}

func TestBadInput(t *testing.T) {
	for _, tc := range []struct {
		name  string
		edit  string
		setup func(t *testing.T, dir string)
		want  []string
	}{{
		name: "malformed front matter",
		edit: "-- content/r/01/01.md --\n+++\ntitle = \"x\nweight = 1\n+++\nbody\n",
		want: []string{"content/r/01/01.md:2: invalid TOML"},
	}, {
		name: "unclosed front matter",
		edit: "-- content/r/01/01.md --\n+++\ntitle = \"x\"\n",
		want: []string{`content/r/01/01.md:1: front matter opened with "+++" is never closed`},
	}, {
		name: "unknown front matter key",
		edit: "-- content/r/01/01.md --\n+++\ntitle = \"x\"\ntitel = \"y\"\n+++\nbody\n",
		want: []string{`content/r/01/01.md:3: unknown key "titel": remove it or check its spelling`},
	}, {
		name: "unknown config key",
		edit: "-- config.toml --\ntitle = \"t\"\nbaseurl = \"https://x/\"\n",
		want: []string{`config.toml:2: unknown key "baseurl": remove it or check its spelling`},
	}, {
		name: "wrong config type",
		edit: "-- config.toml --\ntitle = 3\n",
		want: []string{"config.toml:1: invalid TOML"},
	}, {
		name: "missing layout",
		edit: "-- content/r/01/01.md --\n+++\ntitle = \"x\"\nlayout = \"nosuch\"\n+++\nbody\n",
		want: []string{`content/r/01/01.md:1: layout "nosuch": no file layouts/nosuch.html`},
	}, {
		name: "template parse error",
		edit: "-- layouts/page.html --\n{{define \"main\"}}\n{{if}}\n{{end}}\n",
		want: []string{"layouts/page.html: template: page.html:2: missing value for if"},
	}, {
		name: "template execution error",
		edit: "-- layouts/page.html --\n{{define \"main\"}}\n{{.Nope}}\n{{end}}\n",
		want: []string{"content/r/01/01.md: rendering with layouts/page.html: template: page.html:2:2: executing", "can't evaluate field Nope"},
	}, {
		name: "two pages with one output path",
		edit: "-- content/r/full.md --\n+++\ntitle = \"全文\"\n+++\n",
		want: []string{"content/r/_index.md: its output r/full.html is also produced by content/r/full.md: rename one of them"},
	}, {
		name: "non-UTF-8 content",
		edit: "-- content/r/01/01.md --\n+++\ntitle = \"x\"\n+++\n\xb9\xd8\xd3\xda\n",
		want: []string{"content/r/01/01.md:4: not valid UTF-8: save the file as UTF-8"},
	}, {
		name: "empty content directory",
		setup: func(t *testing.T, dir string) {
			os.RemoveAll(filepath.Join(dir, "content"))
			os.Mkdir(filepath.Join(dir, "content"), 0o755)
		},
		want: []string{"content/: no content files"},
	}, {
		name: "symlink pointing outside the tree",
		setup: func(t *testing.T, dir string) {
			outside := filepath.Join(t.TempDir(), "secret.md")
			os.WriteFile(outside, []byte("+++\ntitle = \"secret\"\n+++\nsecret text\n"), 0o644)
			if err := os.Symlink(outside, filepath.Join(dir, "content/r/01/03.md")); err != nil {
				t.Skip("no symlinks:", err)
			}
		},
		want: []string{"content/r/01/03.md: is a symbolic link; links are not followed"},
	}, {
		name: "broken link to a page",
		edit: "-- content/r/01/01.md --\n+++\ntitle = \"x\"\n+++\n正文。\n\n见[第三节](../03/index.html)。\n",
		want: []string{`content/r/01/01.md:6: broken link "../03/index.html": no page or file r/03/index.html in the site`},
	}, {
		name: "broken link to a heading",
		edit: "-- content/r/01/01.md --\n+++\ntitle = \"x\"\n+++\n见[投资](02.html#投资)和[本页](#没有)。\n",
		want: []string{`content/r/01/01.md:4: broken link "02.html#%E6%8A%95%E8%B5%84": no heading or anchor "投资" on r/01/02.html`,
			`broken link "#%E6%B2%A1%E6%9C%89": no heading or anchor "没有" on r/01/01.html`},
	}, {
		name: "root-relative link",
		edit: "-- content/r/01/01.md --\n+++\ntitle = \"x\"\n+++\n[首页](/index.html)\n",
		want: []string{`broken link "/index.html": root-relative links break`},
	}, {
		name: "missing front matter",
		edit: "-- content/r/01/01.md --\njust text\n",
		want: []string{"content/r/01/01.md:1: missing front matter"},
	}} {
		t.Run(tc.name, func(t *testing.T) {
			dir := testSite(t, miniSite)
			if tc.edit != "" {
				testsite.Write(t, dir, tc.edit)
			}
			if tc.setup != nil {
				tc.setup(t, dir)
			}
			_, err := build(t, dir)
			if err == nil {
				t.Fatal("build succeeded")
			}
			for _, w := range tc.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error\n%v\ndoes not contain\n%s", err, w)
				}
			}
			if _, err := os.Stat(filepath.Join(dir, "public")); !errors.Is(err, fs.ErrNotExist) {
				t.Error("a failed first build created public/")
			}
		})
	}
}

func TestGoodLinksPass(t *testing.T) {
	dir := testSite(t, miniSite)
	testsite.Write(t, dir, "-- content/r/01/02.md --\n+++\ntitle = \"x\"\nweight = 2\n+++\n见[上节投资](01.html#投资)、[本报告](../index.html)、[全文](../full.html)、[外站](https://www.gov.cn/)和[注释][^1]。\n\n[^1]: 注。\n")
	mustBuild(t, dir)
}

func TestEmptyIdentityWarns(t *testing.T) {
	dir := testSite(t, miniSite)
	testsite.Write(t, dir, "-- config.toml --\ntitle = \"t\"\n[identity]\nsite_name = \"某某区人民政府\"\n")
	res := mustBuild(t, dir)
	// One warning, at the [identity] table, names every empty key.
	if len(res.Warnings) != 1 || !strings.HasPrefix(res.Warnings[0], "config.toml:2: [identity] fields empty") {
		t.Fatalf("want one identity warning at config.toml:2, got %q", res.Warnings)
	}
	for _, k := range []string{"site_id_code", "icp", "police_record", "sponsor", "contact"} {
		if !strings.Contains(res.Warnings[0], k+" (") {
			t.Errorf("the warning does not name the empty %s", k)
		}
	}
	if strings.Contains(res.Warnings[0], "site_name") {
		t.Error("the warning names site_name, which is filled")
	}
	page := readOut(t, dir, "r/01/01.html")
	if strings.Contains(page, "网站标识码") || strings.Contains(page, "SiteIDCode") {
		t.Error("an empty 网站标识码 appears on the page")
	}
}

func TestRawHTMLNotPassedThrough(t *testing.T) {
	dir := testSite(t, miniSite)
	testsite.Write(t, dir, "-- content/r/01/01.md --\n+++\ntitle = \"<script>alert(1)</script>\"\n+++\n<script>alert(2)</script>\n\n<img src=x onerror=alert(3)>\n")
	mustBuild(t, dir)
	page := readOut(t, dir, "r/01/01.html")
	for _, bad := range []string{"<script>alert", "<img src=x"} {
		if strings.Contains(page, bad) {
			t.Errorf("page contains %q", bad)
		}
	}
}

func regexpFind(t *testing.T, s, expr string) string {
	t.Helper()
	m := mustCompile(expr).FindString(s)
	if m == "" {
		t.Fatalf("no match for %s", expr)
	}
	return m
}

func mustCompile(expr string) *regexp.Regexp { return regexp.MustCompile(expr) }

// TestLongReportOutline: a report too long to repeat its whole outline on
// every page lists every part, and the subsections of the current part only.
func TestLongReportOutline(t *testing.T) {
	dir := testSite(t, miniSite)
	var b strings.Builder
	for i := 3; i <= 70; i++ {
		fmt.Fprintf(&b, "-- content/r/02/%02d.md --\n+++\ntitle = \"第%d节\"\nweight = %d\n+++\n正文%d。\n", i, i, i, i)
	}
	testsite.Write(t, dir, b.String())
	mustBuild(t, dir)
	page := readOut(t, dir, "r/01/01.html")
	if !strings.Contains(page, ">新旧动能转换提质增效</a>") || strings.Contains(page, ">第35节</a>") {
		t.Error("a page of part 一 should list part 一's subsections and not part 二's")
	}
	if page := readOut(t, dir, "r/02/35.html"); !strings.Contains(page, ">第36节</a>") || strings.Contains(page, ">新旧动能转换提质增效</a>") {
		t.Error("a page of part 二 should list part 二's subsections and not part 一's")
	}
}
