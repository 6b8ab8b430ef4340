package search_test

import (
	"context"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"reportsite/generator/search"
	"reportsite/generator/site"
)

// The goals of the search, checked on the committed seed site as published
// by site.Build: recall (every substring of two or more characters of the
// body text is found, on its page and under its heading, and the result
// lands on a paragraph that holds it) and precision (a query that occurs
// nowhere finds nothing). The text to sample is read from the published
// pages with an HTML parser, not from the markdown package's syntax tree.

// paragraph is one numbered block of a published page, as a reader sees it.
type paragraph struct {
	file    string // the page, relative to the site root
	heading string // the heading above it inside the text; "" for none
	id      string
	text    string
}

var paragraphID = regexp.MustCompile(`^(end-)?p-\d+$`)

// published builds the seed site and returns the index read back, every
// paragraph of the pages the index covers, and their titles.
func published(t *testing.T) (*search.Index, []paragraph, []string) {
	t.Helper()
	root := filepath.Join("..", "..")
	if _, err := os.Stat(filepath.Join(root, "content")); err != nil {
		t.Skip("no committed seed content:", err)
	}
	dest := filepath.Join(t.TempDir(), "public")
	if _, err := site.Build(context.Background(), site.Options{Source: root, Dest: dest}); err != nil {
		t.Fatal(err)
	}
	ix, err := search.Load(os.DirFS(dest))
	if err != nil {
		t.Fatal(err)
	}
	var paras []paragraph
	var titles []string
	err = filepath.WalkDir(dest, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || filepath.Ext(p) != ".html" {
			return err
		}
		switch filepath.Base(p) {
		case "full.html", "data.html", "404.html":
			return nil // repeats of the text, or none
		}
		raw, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		doc, err := html.Parse(strings.NewReader(string(raw)))
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dest, p)
		heading := ""
		for n := range doc.Descendants() {
			if n.DataAtom == atom.H1 {
				titles = append(titles, textOf(n))
			}
			if n.Type != html.ElementNode || !inBody(n) {
				continue
			}
			switch n.DataAtom {
			case atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
				heading = textOf(n)
			}
			if id := attr(n, "id"); paragraphID.MatchString(id) {
				paras = append(paras, paragraph{filepath.ToSlash(rel), heading, id, textOf(n)})
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(paras) < 20 {
		t.Fatalf("only %d paragraphs in the seed site", len(paras))
	}
	return ix, paras, titles
}

// inBody reports whether n lies in the text of the page (a div.body).
func inBody(n *html.Node) bool {
	for a := n.Parent; a != nil; a = a.Parent {
		if a.DataAtom == atom.Div && strings.Contains(" "+attr(a, "class")+" ", " body ") {
			return true
		}
	}
	return false
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

// textOf is the text of n as a reader sees it, each run of white space one
// space, without what the build adds to the Markdown's words: footnote
// numbers and the ↑ links from an indicator's sentence to its card.
func textOf(n *html.Node) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.DataAtom == atom.Sup && strings.Contains(attr(n, "id"), "fnref") || n.DataAtom == atom.A && attr(n, "class") == "ind-back" {
			return
		}
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return strings.Join(strings.Fields(b.String()), " ")
}

// sample returns a substring of two to maxLen characters of a paragraph
// chosen in proportion to its length, trimmed of spaces.
func sample(rng *rand.Rand, paras []paragraph, total int, maxLen int) (paragraph, string) {
	for {
		k := rng.IntN(total)
		var p paragraph
		for _, p = range paras {
			if k < len([]rune(p.text)) {
				break
			}
			k -= len([]rune(p.text))
		}
		r := []rune(p.text)
		n := 2 + rng.IntN(maxLen-1)
		if len(r) < n {
			continue
		}
		start := rng.IntN(len(r) - n + 1)
		q := strings.TrimSpace(string(r[start : start+n]))
		if len([]rune(q)) >= 2 {
			return p, q
		}
	}
}

func TestSeedRecall(t *testing.T) {
	ix, paras, _ := published(t)
	total := 0
	for _, p := range paras {
		total += len([]rune(p.text))
	}
	rng := rand.New(rand.NewPCG(8, 2026))
	const samples = 1000
	misses := 0
	for range samples {
		p, q := sample(rng, paras, total, 16)
		terms := search.Terms(q)
		found := false
		for _, h := range ix.Search(q) {
			if h.Path != p.file || h.Heading != p.heading {
				continue
			}
			found = true
			// The result lands on a block or heading that holds the query.
			if len(terms) == 1 && !strings.Contains(fold(h.Text), terms[0]) {
				t.Errorf("%q: the result on %s lands on #%s, which does not hold it: %q", q, h.Path, h.Anchor, h.Text)
			}
		}
		if !found {
			misses++
			if misses <= 10 {
				t.Errorf("%q (in %s#%s under %q) is not found there", q, p.file, p.id, p.heading)
			}
		}
	}
	t.Logf("%d substrings of %d paragraphs searched, %d missed", samples, len(paras), misses)
}

func TestSeedPrecision(t *testing.T) {
	ix, paras, titles := published(t)
	var all strings.Builder // every text the index holds, folded
	alphabet := []rune{}
	total := 0
	for _, p := range paras {
		all.WriteString(fold(p.text) + "\n")
		alphabet = append(alphabet, []rune(p.text)...)
		total += len([]rune(p.text))
	}
	// Titles and headings hold text too; a query found there is not absent.
	for _, title := range titles {
		all.WriteString(fold(title) + "\n")
	}
	for _, p := range paras {
		all.WriteString(fold(p.heading) + "\n")
	}
	haystack := all.String()
	absent := func(q string) bool {
		for _, t := range search.Terms(q) {
			if strings.Contains(haystack, t) {
				return false
			}
		}
		return len(search.Terms(q)) > 0
	}

	rng := rand.New(rand.NewPCG(4, 9))
	const samples = 1000
	made, candidates := 0, 0
	for made < samples {
		var q string
		switch made % 3 {
		case 0: // one character changed
			_, s := sample(rng, paras, total, 8)
			r := []rune(s)
			if len(r) < 3 {
				continue
			}
			r[1+rng.IntN(len(r)-2)] = alphabet[rng.IntN(len(alphabet))]
			q = string(r)
		case 1: // the end of one paragraph's phrase joined to another's
			_, a := sample(rng, paras, total, 5)
			_, b := sample(rng, paras, total, 5)
			q = a + b
		case 2: // a phrase backwards
			_, s := sample(rng, paras, total, 6)
			r := []rune(s)
			for i, j := 0, len(r)-1; i < j; i, j = i+1, j-1 {
				r[i], r[j] = r[j], r[i]
			}
			q = string(r)
		}
		q = strings.ReplaceAll(q, " ", "")
		if strings.ContainsAny(q, `"“”`) || !absent(q) {
			continue
		}
		made++
		candidates += ix.Candidates(q)
		if hits := ix.Search(q); len(hits) > 0 {
			t.Errorf("%q occurs nowhere, yet %d results: first %s#%s %q", q, len(hits), hits[0].Path, hits[0].Anchor, hits[0].Text)
		}
		if hits := ix.Search(`"` + q + `"`); len(hits) > 0 {
			t.Errorf("quoted %q occurs nowhere, yet %d results", q, len(hits))
		}
	}
	t.Logf("%d absent queries: no results; their filters passed %d sections, which the text then rejected", made, candidates)
}

// fold is search's folding, as a test sees it: through Terms.
func fold(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r >= 0xFF01 && r <= 0xFF5E:
			r -= 0xFEE0
		}
		if r >= 'A' && r <= 'Z' {
			r += 'a' - 'A'
		}
		b.WriteRune(r)
	}
	return b.String()
}
