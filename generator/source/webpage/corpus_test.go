package webpage

import (
	"bufio"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"reportsite/generator/source/document"
)

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

// norm is the corpus' normalisation (README, comparison rule 1).
func norm(s string) string { return document.Squeeze(s) }

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

// eachCorpusPage reads each saved page of the corpus and runs check on
// what Read makes of it, as a subtest named by the page; base is the
// page's path without ".html", for its expected.toml and w3m .txt.
func eachCorpusPage(t *testing.T, check func(t *testing.T, base string, d *document.Document, texts [][]string)) {
	t.Helper()
	pages, _ := filepath.Glob(filepath.Join(corpus, "*.html"))
	if len(pages) == 0 {
		t.Skip("no corpus at " + corpus)
	}
	for _, page := range pages {
		base := strings.TrimSuffix(page, ".html")
		t.Run(filepath.Base(base), func(t *testing.T) {
			data, err := os.ReadFile(page)
			if err != nil {
				t.Fatal(err)
			}
			d, texts, err := readTexts(filepath.Base(page), data)
			if err != nil {
				t.Fatal(err)
			}
			check(t, base, d, texts)
		})
	}
}

// footerRe matches site footer lines: none may be in the text.
var footerRe = regexp.MustCompile(`ICP备|公网安备|网站标识码|版权所有|Copyright|©|主办单位|网站地图`)

// TestCorpusHTML reads each page of the corpus and checks it against its
// expected.toml and its w3m rendering.
func TestCorpusHTML(t *testing.T) {
	eachCorpusPage(t, func(t *testing.T, base string, d *document.Document, _ [][]string) {
		e := readExpected(t, base+".expected.toml")
		lines := strings.Split(strings.TrimSuffix(string(d.Text), "\n"), "\n")
		var normed []string
		for _, l := range lines {
			normed = append(normed, norm(l))
		}
		text := strings.Join(normed, "\n")

		// The body, from its first characters to its last, in order.
		first, last := e.fields["body_first"], e.fields["body_last"]
		if miss := inOrder(text, []string{first, last}); miss != "" {
			t.Fatalf("body marker %q not found in order", miss)
		}
		// Lossless: every line of the body as w3m shows it.
		fl, _ := strconv.Atoi(e.fields["body_first_line"])
		ll, _ := strconv.Atoi(e.fields["body_last_line"])
		body := txtLines(t, base+".txt", fl, ll)
		if miss := inOrder(strings.ReplaceAll(text, "\n", ""), body); miss != "" {
			t.Errorf("body line lost: %q", miss)
		}
		// The title block opens the text: at most the title's own
		// key line or one furniture line before it.
		title := []rune(e.fields["title"])
		key := string(title[:min(8, len(title))])
		if sub := []rune(e.fields["subtitle"]); e.fields["title"] == "" && len(sub) > 0 {
			key = string(sub[:min(8, len(sub))])
		}
		at := -1
		for i, l := range normed {
			if strings.Contains(l, key) {
				at = i
				break
			}
		}
		if at < 0 || at > 1 {
			t.Errorf("title %q at line %d of the text, want the first", key, at+1)
		}
		// The subtitle and the salutation are text too: the report
		// importer reads the head from the text.
		for _, k := range []string{"subtitle", "salutation"} {
			if v := e.fields[k]; v != "" && !strings.Contains(strings.ReplaceAll(text, "\n", ""), v) {
				t.Errorf("%s %q not in the text", k, v)
			}
		}
		// After the body: no body paragraph again.
		end := strings.Index(text, last) + len(last)
		if strings.Contains(text[end:], first) {
			t.Errorf("body_first %q again after body_last", first)
		}
		// No navigation: no line the page shows before its title,
		// and no footer line.
		raw, _ := os.ReadFile(base + ".txt")
		txt := strings.Split(string(raw), "\n")
		nav := map[string]bool{}
		for _, l := range txt {
			n := norm(l)
			if strings.Contains(n, key) {
				break
			}
			if len([]rune(n)) >= 2 {
				nav[n] = true
			}
		}
		for i, l := range normed {
			if nav[l] {
				t.Errorf("text line %d %q is navigation", i+1, l)
			}
			if footerRe.MatchString(l) {
				t.Errorf("text line %d %q is a footer", i+1, l)
			}
		}
		// Metadata the page holds.
		for _, c := range []struct{ key, got string }{
			{"title", d.Meta.Title}, {"date", d.Meta.Issued}, {"publisher", d.Meta.Publisher}, {"index_no", d.Meta.IndexNo},
		} {
			if want := e.fields[c.key]; want != "" && norm(c.got) != want {
				t.Errorf("meta %s = %q, want %q", c.key, c.got, want)
			}
		}
		t.Logf("%d lines, %d bytes, %s; meta %+v", len(lines), len(d.Text), d.Encoding, d.Meta)
	})
}
