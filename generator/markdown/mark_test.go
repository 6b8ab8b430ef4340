package markdown

import (
	"html/template"
	"slices"
	"strings"
	"testing"
)

// markAll converts src with spans to mark, as the build does, and returns
// the HTML and which sentences were marked.
func markAll(t testing.TB, c *Converter, src string, spans []Span) (template.HTML, []bool) {
	t.Helper()
	r, err := c.Convert([]byte(src), Options{Text: true, Marks: spans})
	if err != nil {
		t.Fatal(err)
	}
	return r.HTML, r.Marked
}

// markOne marks one sentence, as markAll does.
func markOne(t testing.TB, c *Converter, src, sentence, id, class string, after template.HTML) (template.HTML, bool) {
	h, found := markAll(t, c, src, []Span{{Sentence: sentence, ID: id, Class: class, After: after}})
	return h, found[0]
}

func TestMark(t *testing.T) {
	c := New()
	src := "全区地区生产总值同比增长4.9%,增幅居全市第2位;固定资产投资同比增长13%。\n\n见[增长4.9%](x.html \"增长4.9%\")。\n"
	got, ok := markOne(t, c, src, "全区地区生产总值同比增长4.9%,增幅居全市第2位;", "i-1", "ind-src", `<a href="#card-1">↑</a>`)
	if !ok {
		t.Fatal("sentence not found")
	}
	want := `<p><span class="ind-src" id="i-1">全区地区生产总值同比增长4.9%,增幅居全市第2位;</span><a href="#card-1">↑</a>固定资产投资同比增长13%。</p>`
	if string(got)[:len(want)] != want {
		t.Errorf("got\n%s\nwant prefix\n%s", got, want)
	}
	// Text inside an attribute is never marked.
	got, ok = markOne(t, c, `[链接](x.html "增长4.9%")`, "增长4.9%", "i-2", "ind-src", "")
	if ok {
		t.Errorf("marked inside an attribute: %s", got)
	}
	if _, ok := markOne(t, c, src, "没有这句话。", "i-3", "ind-src", ""); ok {
		t.Error("marked a sentence that is not there")
	}
}

// TestMarkAcrossMarkup: a sentence is found in the text as a reader sees it,
// through inline markup and entities, never across blocks, and the marked
// HTML stays well nested when emphasis crosses the sentence's end.
func TestMarkAcrossMarkup(t *testing.T) {
	c := New()
	for _, tc := range []struct{ src, sentence, want string }{
		{"同比**增长4.9%**，居第2位；其后。", "同比增长4.9%，居第2位；",
			`<p><span class="s" id="i">同比<strong>增长4.9%</strong>，居第2位；</span><a>↑</a>其后。</p>`},
		{"R&D投入`<1%`，较低。", "R&D投入<1%，",
			`<p><span class="s" id="i">R&amp;D投入<code>&lt;1%</code>，</span><a>↑</a>较低。</p>`},
		{"甲*乙。丙*丁。", "乙。丙",
			`<p>甲<em><span class="s" id="i">乙。丙</span><a>↑</a></em>丁。</p>`},
		{"甲*乙。丙*丁。", "丙丁。",
			`<p>甲<em>乙。<span class="s" id="i">丙</span></em><span class="s">丁。</span><a>↑</a></p>`},
		{"其前。同比**增长4.9%**", "同比增长4.9%",
			`<p>其前。<span class="s" id="i">同比<strong>增长4.9%</strong></span><a>↑</a></p>`},
		{"**同比增长**4.9%。其后。", "同比增长4.9%。",
			`<p><span class="s" id="i"><strong>同比增长</strong>4.9%。</span><a>↑</a>其后。</p>`},
		{"a\nb *c* d", "a b c",
			"<p><span class=\"s\" id=\"i\">a\nb <em>c</em></span><a>↑</a> d</p>"},
	} {
		r, err := c.Convert([]byte(tc.src), Options{Text: true})
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(r.Text, tc.sentence) {
			t.Errorf("%q: sentence %q not in the plain text %q", tc.src, tc.sentence, r.Text)
		}
		got, ok := markOne(t, c, tc.src, tc.sentence, "i", "s", "<a>↑</a>")
		if got := strings.TrimSpace(string(got)); !ok || got != tc.want {
			t.Errorf("%q: got %v\n%s\nwant\n%s", tc.src, ok, got, tc.want)
		}
	}
	// Not across two paragraphs or into a footnote reference, in the text
	// as in the HTML.
	src := "甲乙。\n\n丙丁[^1]。\n\n[^1]: 注。\n"
	r, _ := c.Convert([]byte(src), Options{Text: true})
	for _, s := range []string{"乙。丙", "丁1。"} {
		if strings.Contains(r.Text, s) {
			t.Errorf("%q is in the plain text %q", s, r.Text)
		}
		if _, ok := markOne(t, c, src, s, "i", "s", ""); ok {
			t.Errorf("marked %q in %s", s, r.HTML)
		}
	}
	if got, ok := markOne(t, c, src, "丙丁。", "i", "s", ""); !ok || !strings.Contains(string(got), `<span class="s" id="i">丙丁<sup`) {
		t.Errorf("a sentence with a footnote reference: %v %s", ok, got)
	}
	if want := "甲乙。\n丙丁。\n注。"; r.Text != want {
		t.Errorf("Text = %q, want %q", r.Text, want)
	}
}

// TestMarkAll marks several sentences in one copy of the page: each at its
// first occurrence that no earlier sentence covers, in document order
// whatever the order of the spans, and never one inside another.
func TestMarkAll(t *testing.T) {
	got, found := markAll(t, New(), "甲增长1%。乙**增长2%**。甲增长1%。\n", []Span{
		{Sentence: "乙增长2%。", ID: "b", Class: "s", After: "<i></i>"},
		{Sentence: "甲增长1%。", ID: "a", Class: "s"},
		{Sentence: "甲增长1%。", ID: "c", Class: "s"},
		{Sentence: "增长1%", ID: "d", Class: "s"},
		{Sentence: "丙", ID: "e", Class: "s"},
	})
	want := `<p><span class="s" id="a">甲增长1%。</span><span class="s" id="b">乙<strong>增长2%</strong>。</span><i></i>` +
		`<span class="s" id="c">甲增长1%。</span></p>`
	if strings.TrimSpace(string(got)) != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
	if wantFound := []bool{true, true, true, false, false}; !slices.Equal(found, wantFound) {
		t.Errorf("found %v, want %v", found, wantFound)
	}
}
