package webpage

import (
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"reportsite/generator/internal/testsite"
	"reportsite/generator/source/document"
)

// norm is the corpus' normalisation (README, comparison rule 1).
func norm(s string) string { return document.Squeeze(s) }

// corpus is the shared corpus of real reports (../shared/corpus/README.md).
const corpus = "../../../../shared/corpus"

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
		e := testsite.ReadExpected(t, base+".expected.toml")
		lines := strings.Split(strings.TrimSuffix(string(d.Text), "\n"), "\n")
		var normed []string
		for _, l := range lines {
			normed = append(normed, norm(l))
		}
		text := strings.Join(normed, "\n")

		// The body, from its first characters to its last, in order.
		first, last := e.Fields["body_first"], e.Fields["body_last"]
		if miss := testsite.InOrder(text, []string{first, last}); miss != "" {
			t.Fatalf("body marker %q not found in order", miss)
		}
		// Lossless: every line of the body as w3m shows it.
		fl, _ := strconv.Atoi(e.Fields["body_first_line"])
		ll, _ := strconv.Atoi(e.Fields["body_last_line"])
		body := testsite.CorpusLines(t, base+".txt", fl, ll, norm)
		if miss := testsite.InOrder(strings.ReplaceAll(text, "\n", ""), body); miss != "" {
			t.Errorf("body line lost: %q", miss)
		}
		// The title block opens the text: at most the title's own
		// key line or one furniture line before it.
		title := []rune(e.Fields["title"])
		key := string(title[:min(8, len(title))])
		if sub := []rune(e.Fields["subtitle"]); e.Fields["title"] == "" && len(sub) > 0 {
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
			if v := e.Fields[k]; v != "" && !strings.Contains(strings.ReplaceAll(text, "\n", ""), v) {
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
			if want := e.Fields[c.key]; want != "" && norm(c.got) != want {
				t.Errorf("meta %s = %q, want %q", c.key, c.got, want)
			}
		}
		t.Logf("%d lines, %d bytes, %s; meta %+v", len(lines), len(d.Text), d.Encoding, d.Meta)
	})
}
