package check

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"reportsite/generator/internal/testsite"
)

// TestCheckNamesKeys: a report without 发文日期 and 发布机构 makes pages
// without their meta tags; check names the front matter key to fill, once,
// at the report's _index.md and the key's line, not each page's meta tag.
func TestCheckNamesKeys(t *testing.T) {
	dir := t.TempDir()
	testsite.Write(t, dir, testsite.Mini)
	index := filepath.Join(dir, "content", "r", "_index.md")
	src, err := os.ReadFile(index)
	if err != nil {
		t.Fatal(err)
	}
	s := strings.Replace(string(src), `issued = "2021-03-12"`, `issued = ""`, 1)
	s = strings.Replace(s, "publisher = \"某某区发展和改革局\"\n", "", 1)
	os.WriteFile(index, []byte(s), 0o644)
	res, err := Run(context.Background(), Options{Source: dir})
	if err != nil {
		t.Fatal(err)
	}
	findings := res.Findings
	var got []string
	for _, f := range findings {
		got = append(got, f.Key+" "+f.String())
	}
	if len(findings) != 2 ||
		!strings.HasPrefix(got[0], `report.issued content/r/_index.md:9: [report] issued (发文日期, as YYYY-MM-DD) is empty: fill it in; `) ||
		!strings.HasPrefix(got[1], `report.publisher content/r/_index.md:4: [report] publisher (发布机构) is empty`) {
		t.Errorf("findings:\n%s", strings.Join(got, "\n"))
	}
}

// TestRunStrictAndProofreading: the build's warnings are warnings, or with
// Strict findings at their config.toml line; proofreading warnings name
// the content file under the source, and are never findings.
func TestRunStrictAndProofreading(t *testing.T) {
	dir := t.TempDir()
	testsite.Write(t, dir, testsite.Mini)
	testsite.Write(t, dir, "-- config.toml --\ntitle = \"t\"\n[identity]\nsite_name = \"某某区人民政府\"\n")
	testsite.Write(t, dir, "-- content/r/01/02.md --\n+++\ntitle = \"新旧动能转换提质增效\"\nlabel = \"（二）\"\nweight = 2\n+++\n制定推进全区新旧动能转换重大工程实施方案,加快发展.\n")
	res, err := Run(context.Background(), Options{Source: dir})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Findings) != 0 || len(res.Warnings) != 1 || !strings.HasPrefix(res.Warnings[0], "config.toml:2: [identity] fields empty") {
		t.Errorf("findings %q, warnings %q: want no finding and the identity warning", res.Findings, res.Warnings)
	}
	if len(res.Proofreading) == 0 {
		t.Fatal("no proofreading warning for the half-width comma")
	}
	for _, w := range res.Proofreading {
		if w.Path != "content/r/01/02.md" {
			t.Errorf("proofreading warning %s: want it at content/r/01/02.md", w)
		}
	}
	strict, err := Run(context.Background(), Options{Source: dir, Strict: true})
	if err != nil {
		t.Fatal(err)
	}
	if len(strict.Warnings) != 0 || len(strict.Findings) != 1 || strict.Findings[0].Path != "config.toml" || strict.Findings[0].Line != 2 ||
		!strings.HasPrefix(strict.Findings[0].Message, "[identity] fields empty") {
		t.Errorf("strict: findings %q, warnings %q: want the identity warning as a finding at config.toml:2", strict.Findings, strict.Warnings)
	}
}

// TestRunBuildError: a site that does not build gives the build's error,
// naming the file and line, and no findings.
func TestRunBuildError(t *testing.T) {
	dir := t.TempDir()
	testsite.Write(t, dir, testsite.Mini)
	testsite.Write(t, dir, "-- content/r/01/02.md --\n+++\ntitle = \"x\"\nweight = 2\n+++\n见[下节](09.html)。\n")
	res, err := Run(context.Background(), Options{Source: dir})
	if err == nil || !strings.Contains(err.Error(), `content/r/01/02.md:5: broken link "09.html"`) {
		t.Errorf("err = %v, want the broken link at its line", err)
	}
	if len(res.Findings) != 0 {
		t.Errorf("findings %q on a site that does not build", res.Findings)
	}
}

// TestPublished reads hand-written pages with the faults a theme or a
// layout could bring, and names each on the content file it came from.
func TestPublished(t *testing.T) {
	const foot = `<footer><p>主办单位：某某区人民政府办公室</p></footer>`
	page := func(body string) *fstest.MapFile {
		return &fstest.MapFile{Data: []byte(`<!DOCTYPE html><html lang="zh-CN"><head><title>t</title></head><body>` + body + `</body></html>`)}
	}
	fsys := fstest.MapFS{
		"index.html":   page(`<h1>站点</h1><a href="r/a.html#s">a</a><a href="r/b.html">b</a><a href="https://www.gov.cn/">外站</a>` + foot),
		"r/a.html":     page(`<h1>甲</h1><h2 id="s">节</h2><h2 id="s">又</h2><p>段</div>` + foot),
		"404.html":     page(`<h1>404</h1><a href="/missing.html">首页</a>` + foot),
		"r/c.html":     page(`<h1>丙</h1><h1>丁</h1><a href="a.html#none">甲</a><footer>别的</footer>`),
		"assets/x.css": &fstest.MapFile{Data: []byte("p{}")},
		"r/d.html":     {Data: []byte(`<html><body><h1>戊</h1><meta name="ArticleTitle" content="戊"><meta name="PubDate" content="">` + foot + `</body></html>`)},
		"r/e.html":     page(`<h1>己</h1><meta name="SiteName" content="">` + foot),
		"r/f.html":     page(`<h1>庚</h1><a href="../../up.html">上</a>`),
		"r/g.html":     page(`<h1>辛</h1><a href="/r/a.html">根</a>` + foot),
		"r/i.html":     {Data: []byte(`<html lang="zh-CN"><body><h1>癸</h1><section>` + foot)},
		"r/h.html": page(`<h1>壬</h1><meta name="SiteName" content="a"><meta name="SiteName" content="a"><meta name="SiteDomain" content="b">` +
			`<meta name="SiteDomain" content="b"><meta name="ArticleTitle" content="壬"><meta name="PubDate" content="2021-03-12">` +
			`<meta name="PubDate" content="2021-03-12"><meta name="ContentSource" content="某局"><div>` + foot),
	}
	sources := map[string]string{"r/a.html": "content/r/a.md", "r/c.html": "content/r/c.md", "r/d.html": "content/r/d.md"}
	var got []string
	for _, f := range Published(fsys, sources) {
		got = append(got, f.String())
	}
	// In page order, then the empty fields by key, then links and footers.
	want := []string{
		`content/r/a.md (r/a.html): id "s" is used twice`,
		`content/r/a.md (r/a.html): stray </div> while <p> is open`,
		`content/r/a.md (r/a.html): stray </body> while <p> is open`,
		`content/r/c.md (r/c.html): 2 <h1> elements, want exactly one`,
		`content/r/d.md (r/d.html): <html> has no lang`,
		`r/e.html: <meta name="SiteName"> is empty`,
		`r/f.html: no <footer>: the site identity (主办单位, 网站标识码, 备案号) belongs in it`,
		`r/h.html: stray </body> while <div> is open`, // and closes the <div>
		`r/h.html: <meta name="PubDate"> appears 2 times, want once`,
		`r/h.html: <meta name="SiteDomain"> appears 2 times, want once`,
		`r/h.html: <meta name="SiteName"> appears 2 times, want once`,
		`r/h.html: article page: <meta name="PubDate"> appears 2 times, want once`,
		`r/i.html: <html> is never closed`,
		`r/i.html: <body> is never closed`,
		`r/i.html: <section> is never closed`,
		`content/r/_index.md: [report] issued (发文日期, as YYYY-MM-DD) is empty: fill it in; 1 page(s) have no <meta name="PubDate">`,
		`content/r/_index.md: [report] publisher (发布机构) is empty: fill it in; 1 page(s) have no <meta name="ContentSource">`,
		`index.html: broken link "r/b.html": no page or file r/b.html in the site`,
		`content/r/c.md (r/c.html): broken link "a.html#none": no heading or anchor "none" on r/a.html`,
		`content/r/c.md (r/c.html): the footer differs from the footer of 404.html: it must be identical on every page`,
		`r/f.html: broken link "../../up.html": points outside the site`,
		`r/f.html: the footer differs from the footer of 404.html: it must be identical on every page`,
		`r/g.html: broken link "/r/a.html": root-relative links break when the site is published under a sub-path: write a relative link`,
	}
	if !slices.Equal(got, want) {
		t.Errorf("findings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
