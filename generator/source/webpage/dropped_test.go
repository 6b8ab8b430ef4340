package webpage

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/net/html"

	"reportsite/generator/internal/testsite"
	"reportsite/generator/source/document"
)

// dumpDropped writes a document's drops as their golden file shows them:
// one drop a line, then the summary.
func dumpDropped(d *document.Document) string {
	var b strings.Builder
	for _, x := range d.Dropped {
		fmt.Fprintf(&b, "%s | %s | %s | %d | %q\n", x.Place, x.Where, x.Reason, x.Blocks, x.Sample)
	}
	fmt.Fprintf(&b, "summary: %s\n", d.DroppedSummary())
	return b.String()
}

// TestDroppedGolden lists what Read leaves out of each page and Word
// document of testdata and compares it with NAME.dropped (go test -update
// rewrites them; review the diff). furniture.html has a page header with
// its menu, a search form, a breadcrumb, hidden text in the article, a share
// widget, print links, a sidebar, a footer, a noscript and scripts.
func TestDroppedGolden(t *testing.T) { goldenFixtures(t, ".dropped", dumpDropped) }

// TestDroppedLines: every line of a page, as the reader makes them, is
// either in Text or in one drop's run; the runs name page lines in document
// order; samples are at most sampleLen characters.
func TestDroppedLines(t *testing.T) {
	pages, _ := filepath.Glob(filepath.Join(corpus, "*.html"))
	local, _ := filepath.Glob("testdata/*.html")
	for _, page := range append(pages, local...) {
		t.Run(filepath.Base(page), func(t *testing.T) {
			data, err := os.ReadFile(page)
			if err != nil {
				t.Fatal(err)
			}
			d, texts, err := readTexts(filepath.Base(page), data)
			if err != nil {
				t.Fatal(err)
			}
			have := map[string]int{}
			for _, l := range strings.Split(string(d.Text), "\n") {
				have[l]++
			}
			prev := 0
			for i, x := range d.Dropped {
				for _, l := range texts[i] {
					have[l]++
				}
				if utf8.RuneCountInString(x.Sample) > document.SampleLen {
					t.Errorf("sample %q is over %d characters", x.Sample, document.SampleLen)
				}
				if x.Reason == document.ReasonScripts {
					continue
				}
				if len(texts[i]) != x.Blocks || x.Sample == "" {
					t.Errorf("%s: %d blocks, %d texts", x, x.Blocks, len(texts[i]))
				}
				lo, hi, ok := whereLines(x.Where)
				if !ok || lo < prev || hi < lo {
					t.Errorf("%s: not page lines in order (after line %d)", x, prev)
				}
				prev = lo
			}
			// The page's lines, as readHTML makes them.
			text, _ := decodeHTML(data)
			root, err := html.Parse(strings.NewReader(text))
			if err != nil {
				t.Fatal(err)
			}
			w := &walker{ranges: map[*html.Node][2]int{}}
			w.walk(root)
			w.mergeRows()
			for i, l := range w.lines {
				if have[l.text] == 0 {
					t.Errorf("line %d %q is neither text nor listed as dropped", i+1, l.text)
				}
				have[l.text]--
			}
		})
	}
}

// whereLines reads the page lines of a Drop.Where: "line 3", "lines 3–9".
func whereLines(s string) (lo, hi int, ok bool) {
	s, found := strings.CutPrefix(s, "lines ")
	if !found {
		if s, found = strings.CutPrefix(s, "line "); !found {
			return 0, 0, false
		}
	}
	a, b, two := strings.Cut(s, "–")
	lo, err := strconv.Atoi(a)
	if err != nil {
		return 0, 0, false
	}
	hi = lo
	if two {
		if hi, err = strconv.Atoi(b); err != nil {
			return 0, 0, false
		}
	}
	return lo, hi, true
}

// TestCorpusDropped: on each page of the corpus, the summary names runs
// before and after the article, and no run holds a line of the report's
// body (the normalised lines of its w3m text from body_first_line to
// body_last_line).
func TestCorpusDropped(t *testing.T) {
	eachCorpusPage(t, func(t *testing.T, base string, d *document.Document, texts [][]string) {
		sum := d.DroppedSummary()
		for _, p := range []string{document.PlaceBefore + ": line", document.PlaceAfter + ": line"} {
			if !strings.Contains(sum, p) {
				t.Errorf("summary names no run %s…:\n%s", p, sum)
			}
		}
		e := testsite.ReadExpected(t, base+".expected.toml")
		fl, _ := strconv.Atoi(e.Fields["body_first_line"])
		ll, _ := strconv.Atoi(e.Fields["body_last_line"])
		body := testsite.CorpusLines(t, base+".txt", fl, ll, norm)
		if len(body) == 0 {
			t.Fatal("no body lines")
		}
		for i, x := range d.Dropped {
			for _, l := range texts[i] {
				n := norm(l)
				for _, b := range body {
					// A paragraph: a short line ("单位：亿元") may be
					// furniture's too.
					if utf8.RuneCountInString(b) >= 12 && strings.Contains(n, b) {
						t.Errorf("%s holds the body line %q", x, b)
					}
				}
			}
		}
		t.Logf("dropped from the page: %s", sum)
	})
}

// TestSourceLines: each element gets the line its start tag is on, also in
// a page the parser repairs (implied tbody, misnested formatting, content
// moved out of a table, a tag over two lines).
func TestSourceLines(t *testing.T) {
	page := "<!DOCTYPE html>\n<html><head><title>t</title></head>\n<body>\n" +
		"<div id=\"4\">\n<p id=\"5\"><b id=\"5b\">粗<i id=\"5i\">斜</b>体</i></p>\n" +
		"<table id=\"6\"><tr id=\"6r\"><td id=\"6d\">格</td></tr>\n<span id=\"7\">表外</span>\n</table>\n" +
		"<p\n id=\"9\">两行</p>\n</div>\n<!-- <p id=\"x\"> -->\n<script>var s = \"<p id='y'>\";</script><p id=\"13\">完</p>\n</body></html>\n"
	root, err := html.Parse(strings.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	lines := sourceLines(page, root)
	if lines == nil {
		t.Fatal("no lines")
	}
	n := 0
	eachNode(root, func(c *html.Node) bool {
		id := attr(c, "id")
		if c.Type != html.ElementNode || id == "" {
			return true
		}
		n++
		want, _ := strconv.Atoi(strings.TrimRight(id, "bird"))
		if got := lines[c]; got != want {
			t.Errorf("<%s id=%s> at line %d, want %d", c.Data, id, got, want)
		}
		return true
	})
	if n != 11 { // <i> twice: the parser reopens it after </b>
		t.Errorf("%d elements with an id, want 11", n)
	}
}
