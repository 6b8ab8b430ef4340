package mark

import (
	"testing"

	"github.com/yuin/goldmark/ast"
)

// TestUnits: the text of a String is read unit by unit as goldmark's HTML
// writer reads it, a backslash escape before a character reference, and a
// node is cut only between units.
func TestUnits(t *testing.T) {
	for _, tc := range []struct {
		value, text string
		cuts        map[int]int // offset in the text: offset in the value, or -1 if not a cut
	}{
		{`\&amp;`, "&amp;", map[int]int{1: 2, 5: 6}},
		{`&amp;x`, "&x", map[int]int{1: 5, 2: 6}},
		{`\*`, "*", map[int]int{1: 2}},
		{`&#x4E00;`, "一", map[int]int{1: -1, 3: 8}},
		{"a\x00b", "a\uFFFDb", map[int]int{1: 1, 2: -1, 4: 2}},
	} {
		got, _ := AppendLeaf(nil, ast.NewString([]byte(tc.value)), nil)
		if string(got) != tc.text {
			t.Errorf("%q: text %q, want %q", tc.value, got, tc.text)
		}
		for off, want := range tc.cuts {
			at, ok := sourceOffset([]byte(tc.value), false, off)
			if !ok {
				at = -1
			}
			if at != want {
				t.Errorf("%q: cut at %d of its text is %d of its value, want %d", tc.value, off, at, want)
			}
		}
	}
}
