package content

import (
	"bytes"
	"errors"
	"testing"
	"unicode/utf8"
)

// FuzzParse feeds Parse any file: it must not panic, every error must be an
// *Error that names the file and a line inside it, and a page it accepts
// must survive Marshal and Parse again unchanged, with its body and body
// line where the file puts them. Seeds: testdata/fuzz/FuzzParse.
func FuzzParse(f *testing.F) {
	f.Add([]byte("+++\ntitle = \"经济运行稳步回升\"\nlabel = \"（一）\"\nweight = 1\n+++\n全区地区生产总值同比增长4.9%。\n"))
	f.Fuzz(func(t *testing.T, src []byte) {
		const name = "fuzz.md"
		p, err := Parse(name, src)
		lines := bytes.Count(src, []byte("\n")) + 1
		if err != nil {
			for _, e := range Errors(err) {
				var ce *Error
				if !errors.As(e, &ce) {
					t.Fatalf("error %q is not a *content.Error", e)
				}
				if ce.Path != name || ce.Line < 0 || ce.Line > lines {
					t.Fatalf("error %q is not at a line of the %d-line file", e, lines)
				}
			}
			return
		}
		if !bytes.HasSuffix(src, p.Body) {
			t.Fatalf("body %q is not the end of the file", p.Body)
		}
		head := bytes.TrimPrefix(src[:len(src)-len(p.Body)], []byte("\ufeff"))
		// A closing "+++" on the last line, without a newline, leaves an
		// empty body that nominally starts on the next line.
		if want := bytes.Count(head, []byte("\n")) + 1; p.BodyLine != want && (len(p.Body) > 0 || p.BodyLine != want+1) {
			t.Fatalf("BodyLine = %d, want %d", p.BodyLine, want)
		}
		if !utf8.Valid(src) {
			return // Load refuses such files before parsing them
		}
		b, err := Marshal(p)
		if err != nil {
			t.Fatalf("Marshal of a parsed page: %v", err)
		}
		q, err := Parse(name, b)
		if err != nil {
			t.Fatalf("Marshal wrote a file Parse refuses: %v\n%s", err, b)
		}
		if !bytes.Equal(q.Body, p.Body) {
			t.Fatalf("body changed on the round trip: %q, then %q", p.Body, q.Body)
		}
		if b2, err := Marshal(q); err != nil || !bytes.Equal(b, b2) {
			t.Fatalf("front matter changed on the round trip (%v):\n%s\n%s", err, b, b2)
		}
	})
}
