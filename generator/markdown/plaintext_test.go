package markdown

import (
	"strings"
	"testing"
)

// TestPlainTextAsShown: the plain text of a page is the text a reader sees
// of its HTML: a backslash escape is resolved before character references,
// so "\&amp;" shows "&amp;" and "&amp;" shows "&".
func TestPlainTextAsShown(t *testing.T) {
	c := New()
	for _, tc := range []struct{ src, want string }{
		{`甲\&amp;乙`, "甲&amp;乙"},
		{`甲&amp;乙`, "甲&乙"},
		{`甲\*乙\*`, "甲*乙*"},
		{`甲&#x4E00;乙`, "甲一乙"},
		{"# 标题\\&amp;&amp;\\*&#x4E00;", "标题&amp;&*一"},
		{"- 项\\&amp;&amp;\\*&#x4E00;", "项&amp;&*一"},
		{"| 表\\&amp; |\n|---|\n| &amp;\\*&#x4E00; |", "表&amp;\n&*一"},
	} {
		r, err := c.Convert([]byte(tc.src), Options{Text: true})
		if err != nil {
			t.Fatal(err)
		}
		if got := c.PlainText([]byte(tc.src)); got != tc.want || r.Text != tc.want {
			t.Errorf("%q: PlainText %q, Result.Text %q, want %q", tc.src, got, r.Text, tc.want)
		}
		for _, h := range r.Headings {
			if h.Text != tc.want {
				t.Errorf("%q: heading %q, want %q", tc.src, h.Text, tc.want)
			}
		}
		shown := strings.Join(strings.Fields(textOf(string(r.HTML))), "\n")
		if got := strings.Join(strings.Fields(r.Text), "\n"); got != shown {
			t.Errorf("%q: plain text %q, the page shows %q", tc.src, got, shown)
		}
	}
}
