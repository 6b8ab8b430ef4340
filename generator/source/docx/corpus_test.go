package docx

import (
	"bufio"
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"reportsite/generator/source/document"
)

// norm is the corpus' normalisation (README, comparison rule 1).
func norm(s string) string { return document.Squeeze(s) }

// corpus is the shared corpus of real reports (../shared/corpus/README.md).
const corpus = "../../../../shared/corpus"

// expected is the part of a NAME.expected.toml the readers are tested on.
type expected struct {
	fields   map[string]string
	headings []struct{ label, text string }
}

// readExpected reads the flat keys and the headings of an expected.toml
// (the schema of the corpus README: strings, integers and [[headings]]
// tables; arrays are skipped). The test reads it itself: only content and
// site import a TOML library.
func readExpected(t *testing.T, name string) expected {
	t.Helper()
	f, err := os.Open(name)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	e := expected{fields: map[string]string{}}
	inHeading := false
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line == "[[headings]]" {
			inHeading = true
			e.headings = append(e.headings, struct{ label, text string }{})
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
			h := &e.headings[len(e.headings)-1]
			switch k {
			case "label":
				h.label = v
			case "text":
				h.text = v
			}
			continue
		}
		e.fields[k] = v
	}
	return e
}

// w3mMarks are what w3m adds to a page's text: "^" before a superscript,
// "[alt]" for an image; the lossless test compares without them.
var w3mMarks = regexp.MustCompile(`\^|\[(?:img|logo|image|[a-z0-9_]*\.(?:png|jpg|gif))\]`)

// txtLines returns the normalised, non-empty lines first through last
// (1-based, inclusive) of a corpus .txt.
func txtLines(t *testing.T, name string, first, last int) []string {
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

// inOrder reports the first of want that is not found in text after the
// previous one, or "".
func inOrder(text string, want []string) string {
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

// TestCorpusDocx reads the corpus' Word file and checks it against its
// expected.toml and LibreOffice's text of it.
func TestCorpusDocx(t *testing.T) {
	base := filepath.Join(corpus, "chengde_2025_budget")
	data, err := os.ReadFile(base + ".docx")
	if os.IsNotExist(err) {
		t.Skip("no corpus at " + corpus)
	}
	if err != nil {
		t.Fatal(err)
	}
	d, err := Read(data)
	if err != nil {
		t.Fatal(err)
	}
	e := readExpected(t, base+".expected.toml")
	lines := strings.Split(strings.TrimSuffix(string(d.Text), "\n"), "\n")
	var normed []string
	for _, l := range lines {
		normed = append(normed, norm(l))
	}
	text := strings.Join(normed, "\n")
	for _, k := range []string{"title", "subtitle", "speaker", "salutation"} {
		if v := e.fields[k]; !strings.Contains(strings.ReplaceAll(text, "\n", ""), v) {
			t.Errorf("%s %q not in the text", k, v)
		}
	}
	if miss := inOrder(text, []string{e.fields["body_first"], e.fields["body_last"]}); miss != "" {
		t.Fatalf("body marker %q not found in order", miss)
	}
	fl, _ := strconv.Atoi(e.fields["body_first_line"])
	ll, _ := strconv.Atoi(e.fields["body_last_line"])
	body := txtLines(t, base+".txt", fl, ll)
	if miss := inOrder(strings.ReplaceAll(text, "\n", ""), body); miss != "" {
		t.Errorf("body line lost: %q", miss)
	}
	// Every heading starts a line, with its label, in order.
	i := 0
	for _, h := range e.headings {
		want := h.label + h.text
		for i < len(normed) && !strings.HasPrefix(normed[i], want) {
			i++
		}
		if i == len(normed) {
			t.Fatalf("heading %q is not a line of its own (in order)", want)
		}
	}
	if !bytes.Contains(d.Text, []byte("\n附表1\n")) {
		t.Errorf("the tables after the report are lost")
	}
	t.Logf("%d lines, %d headings", len(lines), len(e.headings))
}
