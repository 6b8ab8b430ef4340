package linkcheck

import (
	"strings"
	"testing"

	"reportsite/generator/markdown"
)

func TestResolve(t *testing.T) {
	files := map[string]bool{"index.html": true, "r/index.html": true, "r/01.html": true, "a.pdf": true}
	ids := map[string]map[string]bool{"r/01.html": {"一、总体": true, "p-1": true}}
	for _, c := range []struct{ out, link, want string }{
		{"r/index.html", "01.html", ""},
		{"r/index.html", "01.html#p-1", ""},
		{"r/index.html", "01.html#%E4%B8%80%E3%80%81%E6%80%BB%E4%BD%93", ""},
		{"r/01.html", "../a.pdf?x=1", ""},
		{"r/01.html", "../r/", ""},
		{"r/01.html", "../r", ""},
		{"r/01.html", "#p-1", ""},
		{"r/01.html", "#p-2", `no heading or anchor "p-2" on r/01.html`},
		{"r/01.html", "02.html", "no page or file r/02.html in the site"},
		{"r/01.html", "/r/01.html", "root-relative links break when the site is published under a sub-path: write a relative link"},
		{"r/01.html", "../../x.html", "points outside the site"},
		{"r/01.html", "%zz", "not a valid URL path"},
		{"index.html", "r/index.html#anything", ""}, // no ids known for it
	} {
		if got := Resolve(c.out, c.link, files, ids); got != c.want {
			t.Errorf("Resolve(%q, %q) = %q, want %q", c.out, c.link, got, c.want)
		}
	}
}

func TestInternal(t *testing.T) {
	for u, want := range map[string]bool{"a.html": true, "#x": true, "//example.com/": false, "https://example.com/": false, "mailto:a@b.cn": false} {
		if Internal(u) != want {
			t.Errorf("Internal(%q) = %v", u, !want)
		}
	}
}

func TestCheck(t *testing.T) {
	a := Collect("a.html", "a.md", markdown.Result{
		IDs:   []string{"x"},
		Links: []markdown.Link{{URL: "b.html#y", Line: 3}, {URL: "https://example.com/", Line: 4}, {URL: "#x", Line: 5}, {URL: "#top", Line: 6}},
	})
	a.Add("c.html", 2)
	b := Collect("b.html", "b.md", markdown.Result{IDs: []string{"y"}})
	files := map[string]bool{"a.html": true, "b.html": true}
	errs := Check([]*Refs{b, a}, files)
	if len(errs) != 1 || !strings.HasPrefix(errs[0].Error(), "content/a.md:2: broken link \"c.html\"") {
		t.Fatalf("Check = %v, want one broken link at content/a.md:2", errs)
	}
	// The id sets are kept for the next check.
	if a.idset == nil || !a.idset["x"] || !a.idset["main"] {
		t.Errorf("id set of a = %v", a.idset)
	}
}
