package site_test

import (
	"bytes"
	"context"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/BurntSushi/toml"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"reportsite/generator/check"
	"reportsite/generator/config"
	"reportsite/generator/content"
	"reportsite/generator/internal/testsite"
	"reportsite/generator/site"
)

// These tests are external (package site_test) so that they can verify
// the built sites with package check, which imports site; export_test.go
// lends them the helpers of the internal tests.
var (
	testSite       = site.TestSite
	build          = site.BuildSite
	readOut        = site.ReadOut
	assertContains = site.AssertContains
)

const (
	miniSite    = testsite.Mini
	portalPages = testsite.Portal
)

// Hostile and odd content (issue 9). Every case builds the mini site with
// one hostile or unusual input. Either the build succeeds, every page is
// inert (assertInert), well-formed with working links (check.Published) and shows
// the input as text, or the build fails with a message naming the file.

// evil packs the usual ways to make a page run code into one string.
const evil = `<script>alert(1)</script><iframe src="javascript:alert(2)"></iframe>` +
	`<img src=x onerror=alert(3)><a href="javascript:alert(4)">a</a> javascript:alert(5) ` +
	`data:text/html;base64,PHNjcmlwdD5hbGVydCg2KTwvc2NyaXB0Pg== "' onmouseover=alert(7) x="`

// themeScript matches the only scripts a page may load: the theme's own.
var themeScript = regexp.MustCompile(`^(\.\./)*(/sub/)?assets/(site|portal)\.[0-9a-f]{8}\.js$`)

// urlAttrs are the attributes whose value a browser, or the theme's
// script, follows or loads.
var urlAttrs = map[string]bool{"href": true, "src": true, "action": true, "formaction": true, "poster": true,
	"background": true, "cite": true, "data": true, "srcset": true, "ping": true, "codebase": true, "manifest": true,
	"data-script": true, "data-index": true}

// activeScheme reports whether a URL attribute's value runs code or embeds a
// document, reading the scheme as a browser does: leading controls and
// spaces skipped, tabs and newlines removed, case ignored.
func activeScheme(v string) bool {
	v = strings.Map(func(r rune) rune {
		if r == '\t' || r == '\n' || r == '\r' {
			return -1
		}
		return r
	}, v)
	v = strings.ToLower(strings.TrimLeft(v, "\x00\x01\x02\x03\x04\x05\x06\x07\x08\x0b\x0c\x0e\x0f\x10\x11\x12\x13\x14\x15\x16\x17\x18\x19\x1a\x1b\x1c\x1d\x1e\x1f "))
	for _, s := range []string{"javascript:", "vbscript:", "data:"} {
		if strings.HasPrefix(v, s) {
			return true
		}
	}
	return false
}

// inertProblems parses one page as a browser would and lists its active
// content: a script other than the theme's, an element that embeds a
// document or changes the base URL, an event handler attribute, a meta
// refresh, or a URL with a javascript:, vbscript: or data: scheme.
func inertProblems(page []byte) []string {
	doc, err := html.Parse(bytes.NewReader(page))
	if err != nil {
		return []string{"does not parse: " + err.Error()}
	}
	var out []string
	for n := range doc.Descendants() {
		if n.Type != html.ElementNode {
			continue
		}
		tag := n.Data
		if n.Namespace != "" {
			tag = n.Namespace + " " + n.Data
		}
		switch n.DataAtom {
		case atom.Script:
			if src := attrOf(n, "src"); n.Namespace != "" || !themeScript.MatchString(src) || n.FirstChild != nil {
				out = append(out, fmt.Sprintf("<%s src=%q>", tag, src))
			}
		case atom.Form:
			if attrOf(n, "class") != "search" { // the theme's search box
				out = append(out, "<"+tag+">")
			}
		case atom.Iframe, atom.Frame, atom.Frameset, atom.Object, atom.Embed, atom.Applet, atom.Base, atom.Style:
			out = append(out, "<"+tag+">")
		case atom.Meta:
			if strings.EqualFold(attrOf(n, "http-equiv"), "refresh") {
				out = append(out, "<meta http-equiv=refresh>")
			}
		}
		for _, a := range n.Attr {
			k := strings.ToLower(a.Key)
			switch {
			case strings.HasPrefix(k, "on"):
				out = append(out, fmt.Sprintf("<%s %s=%q>", tag, a.Key, a.Val))
			case urlAttrs[k] && activeScheme(a.Val):
				out = append(out, fmt.Sprintf("<%s %s=%q>", tag, a.Key, a.Val))
			case k == "style" && (strings.Contains(strings.ToLower(a.Val), "javascript:") || strings.Contains(strings.ToLower(a.Val), "expression(")):
				out = append(out, fmt.Sprintf("<%s style=%q>", tag, a.Val))
			}
		}
	}
	return out
}

func attrOf(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

// assertInert checks every page of the site built in dir: no active content
// (inertProblems) and nothing generator check would report.
func assertInert(t *testing.T, dir string) {
	t.Helper()
	assertNoActiveContent(t, dir)
	for _, f := range check.Published(os.DirFS(filepath.Join(dir, "public")), nil) {
		t.Errorf("check: %s", f)
	}
}

// assertNoActiveContent checks every page of the site built in dir with
// inertProblems.
func assertNoActiveContent(t *testing.T, dir string) {
	t.Helper()
	public := filepath.Join(dir, "public")
	err := filepath.WalkDir(public, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || path.Ext(p) != ".html" {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(public, p)
		for _, m := range inertProblems(b) {
			t.Errorf("%s: active content %s", filepath.ToSlash(rel), m)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// parsed returns the parsed output file name of the site in dir.
func parsed(t *testing.T, dir, name string) *html.Node {
	t.Helper()
	doc, err := html.Parse(strings.NewReader(readOut(t, dir, name)))
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

// find returns the first element of doc with the tag, and attribute
// key=val when key is set.
func find(doc *html.Node, tag atom.Atom, key, val string) *html.Node {
	for n := range doc.Descendants() {
		if n.Type == html.ElementNode && n.DataAtom == tag && (key == "" || attrOf(n, key) == val) {
			return n
		}
	}
	return nil
}

// textOf is the text a reader sees in n.
func textOf(n *html.Node) string {
	if n == nil {
		return ""
	}
	var b strings.Builder
	for c := range n.Descendants() {
		if c.Type == html.TextNode {
			b.WriteString(c.Data)
		}
	}
	return b.String()
}

// assertShows checks that the element of page has exactly text among its text.
func assertShows(t *testing.T, dir, page string, tag atom.Atom, key, val, text string) {
	t.Helper()
	n := find(parsed(t, dir, page), tag, key, val)
	if n == nil {
		t.Errorf("%s: no <%s %s=%q>", page, tag, key, val)
		return
	}
	got := textOf(n)
	if tag == atom.Meta {
		got = attrOf(n, "content")
	}
	if !strings.Contains(got, text) {
		t.Errorf("%s: <%s> shows %.200q, want it to contain %.200q", page, tag, got, text)
	}
}

// writePage writes a content file with the given front matter and body,
// encoded as the importer does, so that any string survives TOML quoting.
func writePage(t *testing.T, dir, name string, meta content.Meta, body string) {
	t.Helper()
	b, err := content.Marshal(&content.Page{Path: name, Meta: meta, Body: []byte(body)})
	if err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(dir, "content", filepath.FromSlash(name))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, b, 0o644); err != nil {
		t.Fatal(err)
	}
}

// reportMeta is the front matter of the mini site's report.
func reportMeta() content.Meta {
	return content.Meta{Title: "关于某某区2020年度计划执行情况的报告", Weight: 1, Report: &content.Report{
		Kind: "plan-report", Year: 2020, IndexNo: "11370306004220465W/2021-5169256", Issued: "2021-03-12",
		Publisher: "某某区发展和改革局", Meeting: "——2021年3月12日在某某区人民代表大会上",
		Speaker: "区发展改革局局长  张三", Salutation: "各位代表：",
	}}
}

// gdp is a valid indicator of the mini site's page r/01/01.md.
func gdp() content.Indicator {
	return content.Indicator{Name: "地区生产总值", Value: "4.9", Number: 4.9, Unit: "%", Kind: "change",
		Direction: "up", Period: "2020", Headline: true, Anchor: "i-aaaa0001",
		Sentence: "全区地区生产总值同比增长4.9%，增幅居全市第2位；"}
}

const gdpBody = "全区地区生产总值同比增长4.9%，\n增幅居全市第2位；\n"

func TestHostileMarkdown(t *testing.T) {
	for _, tc := range []struct{ name, body, shows string }{
		{"script", "<script>alert(1)</script>\n\n正文。", "<script>alert(1)</script>"},
		{"inline script", "文字<script>alert(1)</script>文字。", "<script>alert(1)</script>"},
		{"iframe", `<iframe src="https://evil.example/"></iframe>`, "<iframe"},
		{"img onerror", "<img src=x onerror=alert(3)>", "onerror=alert(3)"},
		{"inline onclick", `点<span onclick="alert(1)">这里</span>。`, `onclick="alert(1)"`},
		{"raw anchor", `<a href="javascript:alert(1)">链接</a>`, "javascript:alert(1)"},
		{"svg script", "<svg><script>alert(1)</script></svg>", "<svg>"},
		{"svg onload", "<svg onload=alert(1)>", "onload=alert(1)"},
		{"math mXSS", "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style>", "<math>"},
		{"comment", "<!-- <script>alert(1)</script> -->\n\n正文。", "正文。"},
		{"object and embed", `<object data="x.swf"></object><embed src="x.swf">`, "<object"},
		{"meta refresh", `<meta http-equiv="refresh" content="0;url=javascript:alert(1)">`, "refresh"},
		{"base", `<base href="https://evil.example/">`, "<base"},
		{"form", `<form action="https://evil.example/"><input name=a></form>`, "<form"},
		{"style element", "<style>body{background:url(javascript:alert(1))}</style>", "<style>"},
		{"javascript link", "[点我](javascript:alert(1))", "点我"},
		{"javascript link upper case", "[点我](JaVaScRiPt:alert(1))", "点我"},
		{"javascript link entity", "[点我](&#106;avascript:alert(1))", "点我"},
		{"javascript link tab", "[点我](java&#9;script:alert(1))", "点我"},
		{"javascript link space", "[点我](< javascript:alert(1)>)", "点我"},
		{"javascript reference link", "[点我][r]\n\n[r]: javascript:alert(1)", "点我"},
		{"javascript autolink", "<javascript:alert(1)>", "javascript:alert(1)"},
		{"vbscript link", "[点我](vbscript:msgbox(1))", "点我"},
		{"data link", "[点我](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)", "点我"},
		{"data image", "![图](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)", ""},
		{"link title breaks out", `[点我](https://www.gov.cn/ "a\" onmouseover=\"alert(1)")`, "点我"},
		{"image title breaks out", `![图](https://www.gov.cn/a.png "a\" onerror=\"alert(1)")`, ""},
		{"heading with markup", "## <img src=x onerror=alert(1)>标题\n\n正文。", "onerror=alert(1)"},
		{"table cell", "| a |\n| --- |\n| <script>alert(1)</script> |", "<script>alert(1)</script>"},
		{"footnote", "正文[^1]。\n\n[^1]: <script>alert(1)</script>[x](javascript:alert(2))", "<script>alert(1)</script>"},
		{"code block", "```html\n<script>alert(1)</script>\n```", "<script>alert(1)</script>"},
		{"children marker", "前文\n<!--children-->\n<script>alert(1)</script>", "<script>alert(1)</script>"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := testSite(t, miniSite)
			writePage(t, dir, "r/01/01.md", content.Meta{Title: "经济运行稳步回升", Label: "（一）", Weight: 1}, tc.body+"\n")
			if _, err := build(t, dir); err != nil {
				t.Fatalf("build failed: %v", err)
			}
			assertInert(t, dir)
			if tc.shows != "" {
				assertShows(t, dir, "r/01/01.html", atom.Main, "", "", tc.shows)
				assertShows(t, dir, "r/full.html", atom.Main, "", "", tc.shows)
			}
		})
	}
}

func TestHostileFrontMatter(t *testing.T) {
	type check struct {
		page     string
		tag      atom.Atom
		key, val string
	}
	for _, tc := range []struct {
		name   string
		setup  func(t *testing.T, dir string)
		checks []check
	}{{
		name: "page title",
		setup: func(t *testing.T, dir string) {
			writePage(t, dir, "r/01/01.md", content.Meta{Title: evil, Label: "（一）", Weight: 1}, "正文。\n")
		},
		checks: []check{{"r/01/01.html", atom.H1, "", ""}, {"r/01/01.html", atom.Title, "", ""},
			{"r/01/01.html", atom.Meta, "name", "ArticleTitle"}, {"r/01/index.html", atom.Ol, "class", "children"},
			{"r/01/02.html", atom.Nav, "class", "pager"}, {"r/full.html", atom.Main, "", ""}},
	}, {
		name: "label",
		setup: func(t *testing.T, dir string) {
			writePage(t, dir, "r/01/01.md", content.Meta{Title: "经济运行稳步回升", Label: evil, Weight: 1}, "正文。\n")
		},
		checks: []check{{"r/01/01.html", atom.H1, "", ""}, {"r/index.html", atom.Nav, "class", "outline"}},
	}, {
		name: "description",
		setup: func(t *testing.T, dir string) {
			writePage(t, dir, "r/01/01.md", content.Meta{Title: "经济运行稳步回升", Description: evil, Weight: 1}, "正文。\n")
		},
		checks: []check{{"r/01/01.html", atom.Meta, "name", "description"}},
	}, {
		name: "report title",
		setup: func(t *testing.T, dir string) {
			m := reportMeta()
			m.Title = evil
			writePage(t, dir, "r/_index.md", m, "正文。\n<!--children-->\n结尾。\n")
		},
		checks: []check{{"index.html", atom.Main, "", ""}, {"r/index.html", atom.H1, "", ""},
			{"r/01/01.html", atom.Title, "", ""}, {"r/index.html", atom.Table, "class", "xxgk-meta"}},
	}, {
		name: "report fields",
		setup: func(t *testing.T, dir string) {
			m := reportMeta()
			r := m.Report
			r.IndexNo, r.DocNo, r.Publisher, r.Meeting, r.Speaker, r.Salutation = evil, evil, evil, evil, evil, evil
			r.Heading, r.Written, r.Kind = evil, evil, evil
			r.Other = map[string]string{evil: evil}
			writePage(t, dir, "r/_index.md", m, "正文。\n<!--children-->\n结尾。\n")
		},
		checks: []check{{"r/index.html", atom.Header, "class", "title-block"}, {"r/index.html", atom.Table, "class", "xxgk-meta"},
			{"r/index.html", atom.P, "class", "salutation"}, {"r/01/01.html", atom.Meta, "name", "ContentSource"}},
	}, {
		name: "issued date",
		setup: func(t *testing.T, dir string) {
			m := reportMeta()
			m.Report.Issued = evil
			writePage(t, dir, "r/_index.md", m, "正文。\n")
		},
		checks: []check{{"r/index.html", atom.Table, "class", "xxgk-meta"}, {"r/01/01.html", atom.Meta, "name", "PubDate"}},
	}, {
		name: "indicator fields",
		setup: func(t *testing.T, dir string) {
			ind := gdp()
			ind.Name, ind.Unit, ind.Bound, ind.Period, ind.Anchor = evil, evil, evil, evil, evil
			writePage(t, dir, "r/01/01.md", content.Meta{Title: "经济运行稳步回升", Weight: 1, Indicators: []content.Indicator{ind}}, gdpBody)
		},
		checks: []check{{"r/01/01.html", atom.Main, "", ""}, {"r/index.html", atom.Main, "", ""}, {"r/data.html", atom.Main, "", ""}},
	}, {
		name: "indicator sentence",
		setup: func(t *testing.T, dir string) {
			ind := gdp()
			ind.Sentence = "全区" + evil + "增长4.9%。"
			writePage(t, dir, "r/01/01.md", content.Meta{Title: "经济运行稳步回升", Weight: 1, Indicators: []content.Indicator{ind}},
				strings.ReplaceAll(ind.Sentence, "\\", "\\\\")+"\n")
		},
		checks: []check{{"r/01/01.html", atom.Span, "class", "ind-src"}},
	}, {
		name: "config",
		setup: func(t *testing.T, dir string) {
			var b bytes.Buffer
			c := config.Config{Title: evil, BaseURL: "https://example.gov.cn/sub/", Identity: config.Identity{
				SiteName: evil, SiteDomain: evil, SiteIDCode: "3703060001", Sponsor: evil, Contact: evil, ICP: evil,
				PoliceRecord: evil + " 37030602000001号"}}
			if err := toml.NewEncoder(&b).Encode(c); err != nil {
				t.Fatal(err)
			}
			os.WriteFile(filepath.Join(dir, "config.toml"), b.Bytes(), 0o644)
		},
		checks: []check{{"index.html", atom.Header, "", ""}, {"index.html", atom.Footer, "", ""},
			{"r/01/01.html", atom.Title, "", ""}, {"r/01/01.html", atom.Meta, "name", "SiteName"}},
	}} {
		t.Run(tc.name, func(t *testing.T) {
			dir := testSite(t, miniSite)
			tc.setup(t, dir)
			if _, err := build(t, dir); err != nil {
				t.Fatalf("build failed: %v", err)
			}
			assertInert(t, dir)
			for _, c := range tc.checks {
				assertShows(t, dir, c.page, c.tag, c.key, c.val, evil)
			}
			if strings.Contains(readOut(t, dir, "sitemap.xml"), "<script>") {
				t.Error("sitemap.xml holds an unescaped <script>")
			}
		})
	}
}

// TestOddStrings: front matter strings that break naive quoting or
// templating, or are very long, are shown exactly as written.
func TestOddStrings(t *testing.T) {
	long := strings.Repeat("关于推进", 2500) // 10,000 characters
	for _, tc := range []struct{ name, s string }{
		{"quotes", `"双引号" 'single' “全角引号” ‘’ \backslash`},
		{"closing script tag", `</script><script>alert(1)</script>`},
		{"template syntax", `{{.Site.Title}} {{template "main" .}} {{/* x */}} {{printf "%s" "x"}}`},
		{"10000 characters", long},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := testSite(t, miniSite)
			writePage(t, dir, "r/01/01.md", content.Meta{Title: tc.s, Label: tc.s, Description: tc.s, Weight: 1},
				"正文。\n\n## "+strings.ReplaceAll(tc.s, "\\", "\\\\")+"\n\n正文。\n")
			m := reportMeta()
			m.Report.Meeting = tc.s
			writePage(t, dir, "r/_index.md", m, "正文。\n")
			if _, err := build(t, dir); err != nil {
				t.Fatalf("build failed: %v", err)
			}
			assertInert(t, dir)
			assertShows(t, dir, "r/01/01.html", atom.H1, "", "", tc.s+tc.s) // label, then title
			assertShows(t, dir, "r/01/01.html", atom.Meta, "name", "description", tc.s)
			assertShows(t, dir, "r/01/01.html", atom.H2, "", "", tc.s)
			assertShows(t, dir, "r/index.html", atom.P, "class", "meeting", tc.s)
			if id := attrOf(find(parsed(t, dir, "r/01/01.html"), atom.H2, "", ""), "id"); len([]rune(id)) > 40 {
				t.Errorf("heading id of %d runes", len([]rune(id)))
			}
		})
	}
}

func TestUnicodeContent(t *testing.T) {
	for _, tc := range []struct{ name, s string }{
		{"zero-width space", "经济\u200b运行\u200c稳步\u200d回升\ufeff"},
		{"bidi controls", "经济\u202e运行\u202c稳步\u2066回升\u2069\u200f"},
		{"combining marks", "Cafe\u0301 经\u0301济 a\u0308\u0304\u0323"},
		{"outside the BMP", "𠮷野家 𝟘𝟙 😀 \U000E0041"},
		{"full-width digits", "增长５．２％，第２位，２０２１年"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := testSite(t, miniSite)
			writePage(t, dir, "r/01/01.md", content.Meta{Title: tc.s, Label: "（一）", Weight: 1},
				tc.s+"\n\n## "+tc.s+"\n\n## "+tc.s+"\n")
			if _, err := build(t, dir); err != nil {
				t.Fatalf("build failed: %v", err)
			}
			assertInert(t, dir)
			// Shown exactly as written: not normalized, not stripped.
			assertShows(t, dir, "r/01/01.html", atom.H1, "", "", tc.s)
			assertShows(t, dir, "r/01/01.html", atom.Title, "", "", tc.s)
			assertShows(t, dir, "r/01/01.html", atom.Main, "", "", tc.s+"\n"+tc.s) // the table of contents
			assertShows(t, dir, "r/full.html", atom.Main, "", "", tc.s)
		})
	}
	t.Run("empty titles", func(t *testing.T) {
		dir := testSite(t, miniSite)
		m := reportMeta()
		m.Title = ""
		writePage(t, dir, "r/_index.md", m, "正文。\n")
		writePage(t, dir, "r/01/01.md", content.Meta{Weight: 1}, "正文。\n\n## \n\n## \u200b\n")
		if _, err := build(t, dir); err != nil {
			t.Fatalf("build failed: %v", err)
		}
		assertInert(t, dir)
		for _, p := range []string{"r/index.html", "r/01/01.html", "index.html"} {
			doc := parsed(t, dir, p)
			if strings.TrimSpace(textOf(find(doc, atom.Title, "", ""))) == "" {
				t.Errorf("%s: empty <title>", p)
			}
			if strings.TrimSpace(textOf(find(doc, atom.H1, "", ""))) == "" {
				t.Errorf("%s: empty <h1>", p)
			}
		}
	})
}

// buildWithin builds the site in dir and fails the test if the build takes
// longer than limit (a loop followed forever).
func buildWithin(t *testing.T, dir string, limit time.Duration) (site.Result, error) {
	t.Helper()
	type done struct {
		res site.Result
		err error
	}
	ch := make(chan done, 1)
	go func() {
		res, err := site.Build(context.Background(), site.Options{Source: dir})
		ch <- done{res, err}
	}()
	select {
	case d := <-ch:
		return d.res, d.err
	case <-time.After(limit):
		t.Fatalf("build still running after %v", limit)
		return site.Result{}, nil
	}
}

// hrefTarget resolves an internal link of the output page from (a
// slash path under public/) to the file it opens, the way a browser
// opening the site from disk does.
func hrefTarget(t *testing.T, from, href string) string {
	t.Helper()
	u, err := url.Parse(href)
	if err != nil {
		t.Fatalf("%s: link %q: %v", from, href, err)
	}
	p := path.Join(path.Dir(from), u.Path)
	if strings.HasSuffix(u.Path, "/") || u.Path == "" {
		p += "/index.html"
	}
	return strings.TrimPrefix(p, "/")
}

func TestAttachmentErrors(t *testing.T) {
	for _, c := range []struct{ name, edit, want string }{
		{"missing file", "-- content/r/原文.txt --\n", ""},
		// A link could copy a file from outside the site into it.
		{"symbolic link", "", `content/r/原文.txt: is a symbolic link; links are not followed`},
		{"outside the tree", strings.Replace(portalPages, `file = "原文.txt"`, `file = "../../config.toml"`, 1), `content/r/_index.md:14: [[attachments]] file "../../config.toml" is not a path inside content/`},
		{"broken related link", strings.Replace(portalPages, `url = "01/02.html"`, `url = "01/09.html"`, 1), `content/r/_index.md:22: broken link "01/09.html"`},
		{"javascript related link", strings.Replace(portalPages, `url = "01/02.html"`, `url = "javascript:alert(1)"`, 1), `content/r/_index.md:22: [[related]] url "javascript:alert(1)" is neither`},
	} {
		t.Run(c.name, func(t *testing.T) {
			dir := testSite(t, miniSite)
			testsite.Write(t, dir, portalPages)
			if c.name == "symbolic link" {
				os.Remove(filepath.Join(dir, "content/r/原文.txt"))
				if err := os.Symlink(filepath.Join(dir, "config.toml"), filepath.Join(dir, "content/r/原文.txt")); err != nil {
					t.Skip(err)
				}
			} else if c.want == "" {
				os.Remove(filepath.Join(dir, "content/r/原文.txt"))
				c.want = `content/r/_index.md:14: [[attachments]] file "原文.txt": no such file: put it beside the page (content/r/原文.txt)`
			} else if c.edit != "" {
				testsite.Write(t, dir, c.edit)
			}
			_, err := build(t, dir)
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Errorf("err = %v\nwant it to contain %q", err, c.want)
			}
			// generator check reports the same, as a build error.
			if _, err := check.Run(context.Background(), check.Options{Source: dir}); err == nil || !strings.Contains(err.Error(), c.want) {
				t.Errorf("check: err = %v", err)
			}
		})
	}
}

func TestOddFiles(t *testing.T) {
	t.Run("symlink loop", func(t *testing.T) {
		dir := testSite(t, miniSite)
		if err := os.Symlink(".", filepath.Join(dir, "content/r/loop")); err != nil {
			t.Skip("no symlinks:", err)
		}
		os.Symlink("b.md", filepath.Join(dir, "content/r/01/a.md"))
		os.Symlink("a.md", filepath.Join(dir, "content/r/01/b.md"))
		_, err := buildWithin(t, dir, 30*time.Second)
		if err == nil {
			t.Fatal("build succeeded")
		}
		for _, want := range []string{"content/r/loop: is a symbolic link", "content/r/01/a.md: is a symbolic link", "content/r/01/b.md: is a symbolic link"} {
			if !strings.Contains(err.Error(), want) {
				t.Errorf("error\n%v\ndoes not contain %q", err, want)
			}
		}
	})

	// Outside a report a page shows no outline of its siblings; inside one
	// every page shows the report's outline, so the output grows with the
	// square of the pages (see TestManyPagesInReport).
	t.Run("2000 files in one directory", func(t *testing.T) {
		dir := testSite(t, miniSite)
		const n = 2000
		for i := range n {
			writePage(t, dir, fmt.Sprintf("notices/p%04d.md", i), content.Meta{Title: fmt.Sprintf("第%d号通知", i+1), Weight: i + 1},
				fmt.Sprintf("第%d号通知正文，见[上一号](p%04d.html)。\n", i+1, max(i-1, 0)))
		}
		start := time.Now()
		res, err := buildWithin(t, dir, 2*time.Minute)
		if err != nil {
			t.Fatal(err)
		}
		t.Logf("%d pages built in %v", res.Pages, time.Since(start).Round(time.Millisecond))
		if res.Pages != 10+n+1 { // and the section notices/
			t.Errorf("pages = %d, want %d", res.Pages, 10+n+1)
		}
		if got := strings.Count(readOut(t, dir, "notices/index.html"), `<li><a href="p`); got != n {
			t.Errorf("notices/index.html lists %d pages, want %d", got, n)
		}
		assertInert(t, dir)
	})

	t.Run("directory nested 100 deep", func(t *testing.T) {
		dir := testSite(t, miniSite)
		rel := "r/03"
		for i := range 100 {
			rel += fmt.Sprintf("/d%d", i+1)
		}
		writePage(t, dir, rel+"/deep.md", content.Meta{Title: "最深处"}, "见[报告](../"+strings.Repeat("../", 99)+"index.html)。\n")
		if _, err := buildWithin(t, dir, time.Minute); err != nil {
			t.Fatal(err)
		}
		out := rel + "/deep.html"
		page := readOut(t, dir, out)
		doc := parsed(t, dir, out)
		crumbs := 0
		for n := range doc.Descendants() {
			if n.DataAtom == atom.A && n.Parent != nil && n.Parent.DataAtom == atom.Li && strings.HasPrefix(attrOf(n, "href"), "../") {
				crumbs++
			}
		}
		if crumbs < 100 {
			t.Errorf("%d links up the tree, want at least 100 (the breadcrumbs)", crumbs)
		}
		assertContains(t, out, page, `href="`+strings.Repeat("../", 102)+"index.html")
		assertInert(t, dir) // every link, 102 levels up, resolves
	})

	// A relative link to "javascript:alert(1).html" reads as a URL with a
	// scheme; html/template replaces it with "#ZgotmplZ". The page is safe,
	// but the links to it are broken until render's Rel writes "./" before
	// a first segment holding a colon; generator check reports them.
	t.Run("name that reads as a URL scheme", func(t *testing.T) {
		dir := testSite(t, miniSite)
		writePage(t, dir, "r/01/javascript:alert(1).md", content.Meta{Title: "冒号", Weight: 3}, "正文。\n")
		if _, err := build(t, dir); err != nil {
			t.Fatal(err)
		}
		assertNoActiveContent(t, dir)
	})

	t.Run("names with spaces and Chinese characters", func(t *testing.T) {
		dir := testSite(t, miniSite)
		writePage(t, dir, "r/01/第三节 经济.md", content.Meta{Title: "空格与中文", Weight: 3}, "## 投资 项目\n\n正文。\n")
		writePage(t, dir, "r/数据 目录/_index.md", content.Meta{Title: "数据目录", Weight: 3}, "正文。\n")
		writePage(t, dir, "r/数据 目录/表 1.md", content.Meta{Title: "表一"}, "正文。\n")
		writePage(t, dir, "r/01/02.md", content.Meta{Title: "新旧动能转换提质增效", Weight: 2},
			"见[第三节](第三节%20经济.html)、[投资](<第三节 经济.html#投资-项目>)和[表一](../数据%20目录/表%201.html)。\n")
		if _, err := build(t, dir); err != nil {
			t.Fatal(err)
		}
		assertInert(t, dir)
		for _, f := range []string{"r/01/第三节 经济.html", "r/数据 目录/index.html", "r/数据 目录/表 1.html"} {
			if _, err := os.Stat(filepath.Join(dir, "public", filepath.FromSlash(f))); err != nil {
				t.Errorf("output %s: %v", f, err)
			}
		}
		// Every link to the new pages, written by a layout or by Markdown,
		// opens the page.
		linked := map[string]bool{}
		for _, from := range []string{"r/01/02.html", "r/01/index.html", "r/index.html", "r/01/01.html"} {
			for n := range parsed(t, dir, from).Descendants() {
				href := attrOf(n, "href")
				if n.DataAtom != atom.A || !strings.Contains(href, "%") {
					continue
				}
				target := hrefTarget(t, from, href)
				if _, err := os.Stat(filepath.Join(dir, "public", filepath.FromSlash(target))); err != nil {
					t.Errorf("%s: link %q opens nothing: %v", from, href, err)
				}
				linked[target] = true
			}
		}
		for _, f := range []string{"r/01/第三节 经济.html", "r/数据 目录/index.html", "r/数据 目录/表 1.html"} {
			if !linked[f] {
				t.Errorf("no link to %s found", f)
			}
		}
	})
}

// TestManyPagesInReport: a report part of a thousand pages builds. Every
// page of a report shows the report's outline two levels deep, so output
// and time grow with the square of the pages in a part: 1,000 pages give
// about 50 MB, 2,000 about 190 MB in 20 s.
func TestManyPagesInReport(t *testing.T) {
	if testing.Short() {
		t.Skip("writes about 50 MB")
	}
	dir := testSite(t, miniSite)
	const n = 1000
	for i := range n {
		writePage(t, dir, fmt.Sprintf("r/03/p%04d.md", i), content.Meta{Title: fmt.Sprintf("第%d节", i+1), Weight: i + 1},
			fmt.Sprintf("第%d段正文，见[上一节](p%04d.html)。\n", i+1, max(i-1, 0)))
	}
	start := time.Now()
	res, err := buildWithin(t, dir, 2*time.Minute)
	if err != nil {
		t.Fatal(err)
	}
	size := int64(0)
	filepath.WalkDir(filepath.Join(dir, "public"), func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			if st, err := d.Info(); err == nil {
				size += st.Size()
			}
		}
		return nil
	})
	t.Logf("%d pages built in %v, %d MB", res.Pages, time.Since(start).Round(time.Millisecond), size>>20)
	children := 0
	for c := range find(parsed(t, dir, "r/03/index.html"), atom.Ol, "class", "children").ChildNodes() {
		if c.DataAtom == atom.Li {
			children++
		}
	}
	if children != n {
		t.Errorf("r/03/index.html lists %d pages, want %d", children, n)
	}
	for _, f := range check.Published(os.DirFS(filepath.Join(dir, "public")), nil) {
		t.Errorf("check: %s", f)
	}
}

// TestLargeMarkdownFile: a 50 MB page builds, or fails with a message; the
// time and the memory it takes are logged.
func TestLargeMarkdownFile(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a 50 MB page")
	}
	dir := testSite(t, miniSite)
	var b strings.Builder
	para := strings.Repeat("全区地区生产总值同比增长4.9%，增幅居全市第2位；固定资产投资同比增长13%。", 10) + "\n\n"
	for i := 0; b.Len() < 50<<20; i++ {
		if i%200 == 0 {
			fmt.Fprintf(&b, "## 第%d部分\n\n", i/200+1)
		}
		b.WriteString(para)
	}
	writePage(t, dir, "r/01/01.md", content.Meta{Title: "经济运行稳步回升", Label: "（一）", Weight: 1}, b.String())
	var before runtime.MemStats
	runtime.ReadMemStats(&before)
	start := time.Now()
	res, err := buildWithin(t, dir, 5*time.Minute)
	var after runtime.MemStats
	runtime.ReadMemStats(&after)
	if err != nil {
		t.Fatalf("build failed after %v: %v", time.Since(start), err)
	}
	st, _ := os.Stat(filepath.Join(dir, "public/r/01/01.html"))
	t.Logf("%d MB of Markdown: %d pages built in %v, page %d MB, %d MB allocated, heap system memory %d MB",
		b.Len()>>20, res.Pages, time.Since(start).Round(time.Millisecond), st.Size()>>20,
		(after.TotalAlloc-before.TotalAlloc)>>20, after.HeapSys>>20)
	if st.Size() < 50<<20 {
		t.Errorf("page is %d bytes, want the whole text", st.Size())
	}
}

// TestMiniSiteInert: the mini site, with every piece of portal furniture
// (TestPortalFurniture), passes generator check's page checks.
func TestMiniSiteInert(t *testing.T) {
	dir := testSite(t, miniSite)
	if _, err := build(t, dir); err != nil {
		t.Fatal(err)
	}
	assertInert(t, dir)
}
