package search

import (
	"encoding/base64"
	"encoding/json"
	"fmt"
	"io/fs"
	"slices"
	"strings"
	"unicode/utf8"
)

// Index is a published search index read back, for searching from Go the
// way search.js searches in the browser. The tests use it to check recall
// and precision on the published files.
type Index struct {
	k     uint32
	bits  []byte
	units []unit
}

// unit is one section of one page.
type unit struct {
	off, size int // its filter: bytes of Index.bits
	path      string
	title     string
	report    string
	heading   string // "" for the text above the first heading
	texts     []string
	folded    []string
	anchors   []string // the id each text lands on; "" is the top of the page
}

// Hit is one result: a section that holds every term of the query.
type Hit struct {
	Path    string // the page, relative to the site root
	Title   string // the page's title
	Report  string // the report's title; "" outside reports
	Heading string // the section's heading; "" for the text above the first heading
	Anchor  string // the id the result links to; "" for the top of the page
	Text    string // the heading or block it lands on
	Score   int    // 4: the query as one phrase; +2: in the heading; +1: a whole number or word
}

// Load reads the index that Build wrote into fsys (a published site).
func Load(fsys fs.FS) (*Index, error) {
	var head struct {
		V     int
		K     uint32
		Parts [][3]json.RawMessage
		M     []int
		F     string
	}
	if err := readJSON(fsys, IndexFile, &head); err != nil {
		return nil, err
	}
	if head.V != formatVersion {
		return nil, fmt.Errorf("%s: format version %d, want %d", IndexFile, head.V, formatVersion)
	}
	bits, err := base64.StdEncoding.DecodeString(head.F)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", IndexFile, err)
	}
	ix := &Index{k: head.K, bits: bits}
	off := 0
	for _, pt := range head.Parts {
		var name string
		var count int
		if err := json.Unmarshal(pt[0], &name); err != nil {
			return nil, fmt.Errorf("%s: %w", IndexFile, err)
		}
		if err := json.Unmarshal(pt[1], &count); err != nil {
			return nil, fmt.Errorf("%s: %w", IndexFile, err)
		}
		if off, err = ix.loadPart(fsys, name, count, head.M, off); err != nil {
			return nil, err
		}
	}
	if off != len(bits) || len(ix.units) != len(head.M) {
		return nil, fmt.Errorf("%s: filters do not match the sections", IndexFile)
	}
	return ix, nil
}

// loadPart reads the part file name, which the index says holds count
// sections, and adds its sections to ix; sizes are the filter sizes of
// every section of the index, off the offset of the part's first filter.
// It returns the offset past the part's last filter.
func (ix *Index) loadPart(fsys fs.FS, name string, count int, sizes []int, off int) (int, error) {
	var part struct {
		Report string
		Pages  [][2]string
		Units  [][]json.RawMessage
	}
	if err := readJSON(fsys, name, &part); err != nil {
		return 0, err
	}
	if len(part.Units) != count {
		return 0, fmt.Errorf("%s: %d sections, the index says %d", name, len(part.Units), count)
	}
	prev := -1
	for _, raw := range part.Units {
		var page int
		var fields []string
		if len(raw) < 3 || json.Unmarshal(raw[0], &page) != nil || page < 0 || page >= len(part.Pages) {
			return 0, fmt.Errorf("%s: bad section", name)
		}
		for _, r := range raw[1:] {
			var s string
			if err := json.Unmarshal(r, &s); err != nil {
				return 0, fmt.Errorf("%s: %w", name, err)
			}
			fields = append(fields, s)
		}
		n := len(ix.units)
		if n >= len(sizes) {
			return 0, fmt.Errorf("%s: more sections than filters", IndexFile)
		}
		u := unit{off: off, size: sizes[n], path: part.Pages[page][0], title: part.Pages[page][1], report: part.Report}
		off += u.size
		u.read(fields, page != prev)
		prev = page
		ix.units = append(ix.units, u)
	}
	return off, nil
}

// read fills the texts and anchors of a section from its fields (heading,
// its id, then id and text of each block); the first section of a page has
// the page's title as its heading.
func (u *unit) read(fields []string, first bool) {
	u.texts = append(u.texts, fields[0])
	if first {
		u.texts[0] = u.title
	} else {
		u.heading = fields[0]
	}
	u.anchors = append(u.anchors, fields[1])
	for i := 2; i+1 < len(fields); i += 2 {
		id := fields[i]
		if id == "" {
			id = fields[1]
		}
		u.anchors = append(u.anchors, id)
		u.texts = append(u.texts, fields[i+1])
	}
	for _, t := range u.texts {
		u.folded = append(u.folded, fold(t))
	}
}

func readJSON(fsys fs.FS, name string, v any) error {
	data, err := fs.ReadFile(fsys, name)
	if err != nil {
		return err
	}
	if err := json.Unmarshal(data, v); err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	return nil
}

// Search returns the sections that hold every term of query, best first:
// the query as one phrase before its terms apart, a match in a heading
// before one in the text, a whole number or word before part of one; then
// in the order of the site. It returns nil for a query with no term of two
// characters, which the client asks to lengthen.
func (ix *Index) Search(query string) []Hit {
	terms := Terms(query)
	if !searchable(terms) {
		return nil
	}
	var pairs []uint32
	for _, t := range terms {
		pairs = appendPairs(pairs, t)
	}
	var hits []Hit
	for i := range ix.units {
		u := &ix.units[i]
		if !ix.mayHold(u, pairs) {
			continue
		}
		if h, ok := match(u, terms); ok {
			hits = append(hits, h)
		}
	}
	slices.SortStableFunc(hits, func(a, b Hit) int { return b.Score - a.Score })
	return hits
}

// candidates counts the sections whose filter passes the query, for tests.
func (ix *Index) candidates(query string) int {
	var pairs []uint32
	for _, t := range Terms(query) {
		pairs = appendPairs(pairs, t)
	}
	n := 0
	for i := range ix.units {
		if ix.mayHold(&ix.units[i], pairs) {
			n++
		}
	}
	return n
}

// mayHold reports whether u's filter holds every pair.
func (ix *Index) mayHold(u *unit, pairs []uint32) bool {
	f := ix.bits[u.off : u.off+u.size]
	m := uint32(len(f) * 8)
	for _, h := range pairs {
		for i := range ix.k {
			pos := probe(h, i, m)
			if f[pos>>3]&(1<<(pos&7)) == 0 {
				return false
			}
		}
	}
	return true
}

// Terms splits a query into the terms that must all occur, folded as the
// text is. A query wrapped in "…" or “…” is one phrase, spaces included;
// otherwise spaces separate terms. Other quotation marks are characters to
// find, as in “十四五”规划.
func Terms(query string) []string {
	q := collapse(fold(query))
	if r, n := utf8.DecodeRuneInString(q); n > 0 && len(q) > n {
		l, m := utf8.DecodeLastRuneInString(q)
		if (r == '"' && l == '"') || (r == '“' && l == '”') {
			if t := collapse(q[n : len(q)-m]); t != "" {
				return []string{t}
			}
			return nil
		}
	}
	var out []string
	for _, t := range strings.Split(q, " ") {
		if t != "" && !slices.Contains(out, t) {
			out = append(out, t)
		}
	}
	return out
}

// searchable reports whether some term has two characters. (A query whose
// pairs are all punctuation, such as "，”", passes every filter: the text
// alone decides.)
func searchable(terms []string) bool {
	for _, t := range terms {
		if utf8.RuneCountInString(t) >= 2 {
			return true
		}
	}
	return false
}

// match checks u's text for terms and ranks it.
func match(u *unit, terms []string) (Hit, bool) {
	for _, t := range terms {
		found := false
		for _, f := range u.folded {
			if strings.Contains(f, t) {
				found = true
				break
			}
		}
		if !found {
			return Hit{}, false
		}
	}
	phrases := terms[:1]
	if len(terms) > 1 {
		phrases = []string{strings.Join(terms, ""), strings.Join(terms, " ")}
	}
	type textRank struct{ phrase, all, whole, any bool }
	ranks := make([]textRank, len(u.folded))
	phrase := false
	for i, f := range u.folded {
		r := &ranks[i]
		for _, p := range phrases {
			if strings.Contains(f, p) {
				r.phrase = true
				r.whole = r.whole || wholeIn(f, p)
			}
		}
		r.all = true
		for _, t := range terms {
			if strings.Contains(f, t) {
				r.any = true
			} else {
				r.all = false
			}
		}
		phrase = phrase || r.phrase
	}
	if !phrase {
		for i, f := range u.folded {
			ranks[i].whole = wholeIn(f, terms[0])
		}
	}
	h := Hit{Path: u.path, Title: u.title, Report: u.report, Heading: u.heading}
	if phrase {
		h.Score += 4
	}
	land := 0
	if ranks[0].phrase || ranks[0].all {
		h.Score += 2
	} else {
		best := -1
		for i := 1; i < len(ranks); i++ {
			r := ranks[i]
			s := b2i(r.phrase)*8 + b2i(r.all)*4 + b2i(r.whole)*2 + b2i(r.any)
			if s > best {
				best, land = s, i
			}
		}
	}
	for _, r := range ranks {
		if r.whole {
			h.Score++
			break
		}
	}
	h.Anchor, h.Text = u.anchors[land], u.texts[land]
	return h, true
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

// wholeIn reports whether t occurs in s as a whole number or word at least
// once: not inside a longer run of ASCII letters, digits and points, so
// that 4.9% is whole in 增长4.9%，and not in 14.9%.
func wholeIn(s, t string) bool {
	if t == "" {
		return false
	}
	first, _ := utf8.DecodeRuneInString(t)
	last, _ := utf8.DecodeLastRuneInString(t)
	for from := 0; ; {
		i := strings.Index(s[from:], t)
		if i < 0 {
			return false
		}
		i += from
		before, _ := utf8.DecodeLastRuneInString(s[:i])
		after, _ := utf8.DecodeRuneInString(s[i+len(t):])
		if !(isWord(first) && isWord(before)) && !(isWord(last) && isWord(after)) {
			return true
		}
		from = i + 1
	}
}

func isWord(r rune) bool {
	return r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r == '.'
}
