package testsite

import (
	"bufio"
	"os"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// The corpus of real reports (../shared/corpus/README.md) as the readers'
// tests use it: each NAME.expected.toml and the .txt beside it.

// Expected is the part of a NAME.expected.toml the readers are tested on.
type Expected struct {
	Fields   map[string]string
	Headings []Heading
}

// Heading is one [[headings]] table of an expected.toml.
type Heading struct{ Label, Text string }

// ReadExpected reads the flat keys and the headings of an expected.toml
// (the schema of the corpus README: strings, integers and [[headings]]
// tables; arrays are skipped).
func ReadExpected(t testing.TB, name string) Expected {
	t.Helper()
	f, err := os.Open(name)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	e := Expected{Fields: map[string]string{}}
	inHeading := false
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line == "[[headings]]" {
			inHeading = true
			e.Headings = append(e.Headings, Heading{})
			continue
		}
		k, v, ok := strings.Cut(line, "=")
		if !ok {
			continue
		}
		k, v = strings.TrimSpace(k), strings.TrimSpace(v)
		if i := strings.Index(v, `"  #`); i >= 0 {
			v = v[:i+1]
		}
		if strings.HasPrefix(v, `"`) {
			s, err := strconv.Unquote(v)
			if err != nil {
				t.Fatalf("%s: %s: %v", name, line, err)
			}
			v = s
		}
		if inHeading {
			h := &e.Headings[len(e.Headings)-1]
			switch k {
			case "label":
				h.Label = v
			case "text":
				h.Text = v
			}
			continue
		}
		e.Fields[k] = v
	}
	return e
}

// w3mMarks are what w3m adds to a page's text: "^" before a superscript,
// "[alt]" for an image; the lossless test compares without them.
var w3mMarks = regexp.MustCompile(`\^|\[(?:img|logo|image|[a-z0-9_]*\.(?:png|jpg|gif))\]`)

// CorpusLines returns the lines first through last (1-based, inclusive)
// of a corpus .txt, without w3m's marks, each normalised by norm, the
// empty ones left out.
func CorpusLines(t testing.TB, name string, first, last int, norm func(string) string) []string {
	t.Helper()
	data, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(string(data), "\n")
	var out []string
	for i := first - 1; i < last && i < len(lines); i++ {
		if s := norm(w3mMarks.ReplaceAllString(lines[i], "")); s != "" {
			out = append(out, s)
		}
	}
	return out
}

// InOrder reports the first of want that is not found in text after the
// previous one, or "".
func InOrder(text string, want []string) string {
	pos := 0
	for _, w := range want {
		i := strings.Index(text[pos:], w)
		if i < 0 {
			return w
		}
		pos += i + len(w)
	}
	return ""
}
