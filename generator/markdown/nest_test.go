package markdown

import (
	"strings"
	"testing"
)

func TestNest(t *testing.T) {
	c := New()
	src := []byte("正文[^1]见[投资](#投资)。\n\n## 投资\n\n### 细目\n\n[^1]: 注释。\n")
	once, err := c.Convert(src, Options{})
	if err != nil {
		t.Fatal(err)
	}
	direct, err := c.Convert(src, Options{IDPrefix: "s-1-", HeadingShift: 2})
	if err != nil {
		t.Fatal(err)
	}
	nested := once.Nest("s-1-", 2, "")
	for _, want := range []string{`<h4 id="s-1-投资">投资</h4>`, `<h5 id="s-1-细目">细目</h5>`, `href="#s-1-%E6%8A%95%E8%B5%84"`} {
		if !strings.Contains(string(nested), want) {
			t.Errorf("missing %s in\n%s", want, nested)
		}
	}
	// Nest must agree with a fresh conversion, except for in-page links,
	// which only Nest prefixes.
	fixed := strings.ReplaceAll(string(nested), `href="#s-1-%E6%8A%95%E8%B5%84"`, `href="#%E6%8A%95%E8%B5%84"`)
	if fixed != string(direct.HTML) {
		t.Errorf("Nest differs from converting with the options:\n%s\n---\n%s", fixed, direct.HTML)
	}
	nest := func(src, prefix string, shift int, base string) string {
		t.Helper()
		r, err := c.Convert([]byte(src), Options{})
		if err != nil {
			t.Fatal(err)
		}
		return string(r.Nest(prefix, shift, base))
	}
	if got := nest(`<h2 id="x">`, "p-", 1, "01/"); got != "<p>&lt;h2 id=&quot;x&quot;&gt;</p>\n" {
		t.Errorf("escaped text was rewritten: %s", got)
	}
	if got := nest("###### x", "", 3, ""); got != `<h6 id="x">x</h6>`+"\n" {
		t.Errorf("levels are not capped at 6: %s", got)
	}
}

func TestNestRebasesLinks(t *testing.T) {
	in := "[a](02.html#x)[b](../index.html)[c](sub/)[d](https://www.gov.cn/)[e](#y)![f](img/a.png)\n"
	want := `<p><a href="01/02.html#x">a</a><a href="index.html">b</a><a href="01/sub/">c</a>` +
		`<a href="https://www.gov.cn/" class="external" rel="noopener">d</a><a href="#p-y">e</a><img src="01/img/a.png" alt="f"></p>` + "\n"
	r, err := New().Convert([]byte(in), Options{})
	if err != nil {
		t.Fatal(err)
	}
	got := r.Nest("p-", 0, "01/")
	if string(got) != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
	if again := r.Nest("p-", 0, "01/"); again != got {
		t.Errorf("a second Nest differs:\n%s", again)
	}
}
