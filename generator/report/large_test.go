package report

import (
	"bytes"
	"fmt"
	"os"
	"reflect"
	"strings"
	"testing"
	"time"

	"reportsite/generator/report/lex"
)

// largeInputs makes inputs of about size bytes in three shapes: the seed's
// web text repeated, the same text hard-wrapped into PDF pages with form
// feeds and page numbers, and one paragraph on one line.
func largeInputs(t testing.TB, size int) map[string][]byte {
	seed, err := os.ReadFile("testdata/seed.txt")
	if err != nil {
		t.Fatal(err)
	}
	head, body, _ := bytes.Cut(seed, []byte("各位代表:\n"))
	head = append(head, "各位代表:\n"...)

	web := bytes.NewBuffer(head)
	for web.Len() < size {
		web.Write(body)
	}

	pdf := &bytes.Buffer{}
	var line []rune
	n, page := 0, 1
	for pdf.Len() < size {
		for _, p := range strings.Split(string(body), "\n") {
			if p == "" {
				continue
			}
			line = append(line[:0], []rune("\u3000\u3000"+p)...)
			for len(line) > 0 {
				k := min(28, len(line))
				pdf.WriteString(string(line[:k]) + "\n")
				line = line[k:]
				if n++; n%22 == 0 {
					fmt.Fprintf(pdf, "\n- %d -\n\f某某市人民政府文件\n", page)
					page++
				}
			}
		}
	}

	one := bytes.NewBuffer(head)
	for one.Len() < size {
		one.Write(bytes.ReplaceAll(body, []byte("\n"), nil))
	}
	return map[string][]byte{"web": web.Bytes(), "pdf": pdf.Bytes(), "one line": one.Bytes()}
}

// TestLargeInput imports 1 MB and 10 MB inputs of each shape: every one
// passes the lossless check, and ten times the input takes about ten times
// as long (linear, with room for noise), not a hundred.
func TestLargeInput(t *testing.T) {
	if testing.Short() {
		t.Skip("imports 33 MB")
	}
	small, large := largeInputs(t, 1<<20), largeInputs(t, 10<<20)
	for _, name := range []string{"web", "pdf", "one line"} {
		// The fastest of a few runs: a busy machine slows some down.
		d1 := timeImport(t, small[name], 3)
		d10 := timeImport(t, large[name], 2)
		t.Logf("%s: 1 MB in %v, 10 MB (%d bytes) in %v", name, d1, len(large[name]), d10)
		if d10 > 30*d1+time.Second {
			t.Errorf("%s: 10 MB took %v, 1 MB %v: not linear", name, d10, d1)
		}
	}
}

func timeImport(t *testing.T, in []byte, runs int) time.Duration {
	best := time.Duration(-1)
	for range runs {
		start := time.Now()
		res, err := Import("large.txt", in)
		d := time.Since(start)
		if err != nil {
			t.Fatal(err)
		}
		if res.Stats.Compared < len(in)/4 {
			t.Errorf("compared %d characters of %d bytes", res.Stats.Compared, len(in))
		}
		if best < 0 || d < best {
			best = d
		}
	}
	return best
}

func BenchmarkImport10MB(b *testing.B) {
	in := largeInputs(b, 10<<20)["web"]
	b.SetBytes(int64(len(in)))
	for b.Loop() {
		if _, err := Import("large.txt", in); err != nil {
			b.Fatal(err)
		}
	}
}

// wrapLines hard-wraps text at width columns, as PDF extraction leaves it.
func wrapLines(text string, width int) []string {
	var out []string
	var line strings.Builder
	w := 0
	for _, r := range text {
		if rw := lex.RuneWidth(r); w+rw > width {
			out = append(out, line.String())
			line.Reset()
			w = 0
		}
		line.WriteRune(r)
		w += lex.RuneWidth(r)
	}
	return append(out, line.String())
}

// TestWrappedSeed imports the seed as PDF extraction would leave it: every
// paragraph indented and hard-wrapped at 40 characters, no blank lines,
// pages of 22 lines with a running header and a page number. The pages must
// be those of the seed itself.
func TestWrappedSeed(t *testing.T) {
	seed, err := os.ReadFile("testdata/seed.txt")
	if err != nil {
		t.Fatal(err)
	}
	head, body, _ := bytes.Cut(seed, []byte("各位代表:\n"))
	var pdf bytes.Buffer
	pdf.Write(head)
	pdf.WriteString("各位代表:\n")
	n, page := 0, 1
	for _, p := range strings.Split(string(body), "\n") {
		if p == "" {
			continue
		}
		for _, l := range wrapLines("\u3000\u3000"+p, 80) {
			pdf.WriteString(l + "\n")
			if n++; n%22 == 0 {
				fmt.Fprintf(&pdf, "\n- %d -\n\f周村区人民政府\n\n", page)
				page++
			}
		}
	}
	want, err := Import("seed.txt", seed)
	if err != nil {
		t.Fatal(err)
	}
	got, err := Import("wrapped.txt", pdf.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	if got.Stats.WrapWidth == 0 {
		t.Fatal("the wrapped seed was not seen as wrapped")
	}
	if len(got.Pages) != len(want.Pages) {
		t.Fatalf("%d pages, want %d", len(got.Pages), len(want.Pages))
	}
	for i, p := range got.Pages {
		if !reflect.DeepEqual(p.Meta, want.Pages[i].Meta) || !bytes.Equal(p.Body, want.Pages[i].Body) {
			t.Errorf("%s differs from the seed's:\n%+v\n%s\nwant\n%+v\n%s", p.Path, p.Meta, p.Body, want.Pages[i].Meta, want.Pages[i].Body)
		}
	}
	if len(got.Dropped) != len(want.Dropped)+2*(page-1) {
		t.Errorf("dropped %d lines, want the seed's %d and %d page numbers and headers", len(got.Dropped), len(want.Dropped), 2*(page-1))
	}
}
