package search

import (
	"bytes"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"slices"
	"strconv"
	"unicode"
)

const (
	// bitsPerPair is the size of a section's filter per distinct character
	// pair; with probes hashes each, a pair that is absent passes one time
	// in seven, (1 − e^(−probes/bitsPerPair))^probes. A query of n
	// characters tests n−1 pairs, so a false candidate is already rare at
	// four characters, and the text then rejects it.
	bitsPerPair = 4
	probes      = 3
	// maxPart bounds a text part, in bytes of JSON: a report larger than
	// that is split at a page boundary, so that a query fetches less.
	maxPart = 256 << 10

	// IndexFile is the published file the client fetches first.
	IndexFile = "search/index.json"
	// formatVersion is the "v" of IndexFile; the client refuses others.
	formatVersion = 1
)

// Page is one published page, ready to index. NewPage computes the filters of
// its sections once, so that a rebuild that keeps the page reuses them.
type Page struct {
	Path  string // published file, relative to the site root: "r/01/01.html"
	Title string // as its heading shows it: "（一）经济运行稳步回升"
	// Sections[0] is the text above the first heading; the page's title is
	// its heading.
	Sections []Section
	filters  [][]byte // one per section
	size     int      // bytes of text, as split counts them
}

// NewPage returns the page at path with the given title and text: the
// sections of each piece of Markdown that the page shows, in order (an
// index page's text before and after its list of children), as
// markdown.Result.Sections gives them.
func NewPage(path, title string, pieces ...[]Section) *Page {
	p := &Page{Path: path, Title: title}
	for i, secs := range pieces {
		if len(secs) == 0 {
			continue
		}
		if i > 0 && len(secs[0].Blocks) == 0 {
			secs = secs[1:] // a later piece opens with a heading: nothing above it
		}
		p.Sections = append(p.Sections, secs...)
	}
	if len(p.Sections) == 0 {
		p.Sections = []Section{{}}
	}
	p.filters = make([][]byte, len(p.Sections))
	p.size = len(p.Path) + len(p.Title)
	for i, s := range p.Sections {
		p.filters[i] = newFilter(p.texts(i))
		p.size += len(s.Heading) + len(s.ID)
		for _, b := range s.Blocks {
			p.size += len(b.ID) + len(b.Text) + 6
		}
	}
	return p
}

// texts returns the texts of section i: its heading (the page's title for
// the first section), then its blocks.
func (p *Page) texts(i int) []string {
	s := p.Sections[i]
	out := make([]string, 0, 1+len(s.Blocks))
	if i == 0 {
		out = append(out, p.Title)
	} else {
		out = append(out, s.Heading)
	}
	for _, b := range s.Blocks {
		out = append(out, b.Text)
	}
	return out
}

// newFilter returns the Bloom filter of every pair of adjacent characters
// of texts, after fold; pairs with a space are left out, as the query
// splits at spaces.
func newFilter(texts []string) []byte {
	var hs []uint32
	for _, t := range texts {
		hs = appendPairs(hs, fold(t))
	}
	slices.Sort(hs)
	hs = slices.Compact(hs)
	f := make([]byte, max(1, (len(hs)*bitsPerPair+7)/8))
	m := uint32(len(f) * 8)
	for _, h := range hs {
		for i := range uint32(probes) {
			pos := probe(h, i, m)
			f[pos>>3] |= 1 << (pos & 7)
		}
	}
	return f
}

// appendPairs appends the hash of every pair of adjacent characters of the
// folded text s that are both indexed.
func appendPairs(hs []uint32, s string) []uint32 {
	prev := ' '
	for _, r := range s {
		if indexed(prev) && indexed(r) {
			hs = append(hs, pairHash(prev, r))
		}
		prev = r
	}
	return hs
}

// indexed reports whether pairs with r go into the filters: letters (汉字
// among them), digits, and the point and percent sign of numbers. A pair
// with punctuation or a space is left out: it would cost a sixth of the
// filter and narrow little, and the text still checks it.
func indexed(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsNumber(r) || r == '.' || r == '%'
}

// pairHash is the hash of the characters a and b (code points), with 32-bit
// arithmetic that search.js repeats with Math.imul: a multiply, then the
// finaliser of MurmurHash3.
func pairHash(a, b rune) uint32 {
	h := uint32(a)*0x9E3779B1 ^ uint32(b)
	h ^= h >> 15
	h *= 0x85EBCA6B
	h ^= h >> 13
	h *= 0xC2B2AE35
	h ^= h >> 16
	return h
}

// probe is the bit of a filter of m bits that the i-th hash of h sets:
// double hashing, the second hash being h rotated by 16 bits, made odd.
func probe(h, i, m uint32) uint32 {
	h2 := (h>>16 | h<<16) | 1
	return (h + i*h2) % m
}

// Group is the pages of one report, or the pages outside reports, in
// reading order. A group's text is published together, in one part or a
// few.
type Group struct {
	Title string // the report's title, shown with each result; "" outside reports
	Pages []*Page
}

// File is one published file of the index.
type File struct {
	Name string // relative to the site root: "search/index.json"
	Data []byte
}

// Build returns the files of the search index of groups: IndexFile, and the
// text parts it names. A part is named by the hash of its content, so a
// browser may keep it as long as it likes; IndexFile keeps its name.
func Build(groups []Group) []File { return (*Cache)(nil).Build(groups) }

// Parts is one group's text parts: the files to publish, and what IndexFile
// needs of them (their names and sizes, and the sections' filters). A build
// that writes each group's parts as soon as the group is rendered keeps only
// this much of its text.
type Parts struct {
	Files   []File
	entries []partEntry
	sizes   [][]int  // bytes of each section's filter, a slice a part
	filter  [][]byte // the sections' filters concatenated, a slice a part
}

// partEntry is what the index file says of one part.
type partEntry struct {
	name         string // "search/<hash>.json": ASCII
	units, bytes int
}

// BuildParts returns the text parts of one group.
func BuildParts(g Group) Parts { return (*Cache)(nil).group(g, nil) }

// group builds the parts of g, reusing those c holds and recording every
// part in next (when c is not nil).
func (c *Cache) group(g Group, next map[*Page]cachedPart) Parts {
	var ps Parts
	for _, chunk := range split(g.Pages) {
		cp, ok := c.lookup(g.Title, chunk)
		if !ok {
			cp = newPart(g.Title, chunk)
		}
		if next != nil {
			next[chunk[0]] = cp
		}
		ps.Files = append(ps.Files, File{Name: cp.name, Data: cp.data})
		ps.entries = append(ps.entries, partEntry{cp.name, cp.units, len(cp.data)})
		ps.sizes = append(ps.sizes, cp.sizes)
		ps.filter = append(ps.filter, cp.filter)
	}
	return ps
}

// newPart encodes the text part of a report's pages.
func newPart(report string, pages []*Page) cachedPart {
	cp := cachedPart{report: report, pages: pages}
	cp.data, cp.units = partJSON(report, pages)
	sum := sha256.Sum256(cp.data)
	cp.name = "search/" + hex.EncodeToString(sum[:4]) + ".json"
	for _, p := range pages {
		for _, f := range p.filters {
			cp.sizes = append(cp.sizes, len(f))
			cp.filter = append(cp.filter, f...)
		}
	}
	return cp
}

// lookup returns the part c holds for exactly these pages of report.
func (c *Cache) lookup(report string, pages []*Page) (cachedPart, bool) {
	if c == nil || len(pages) == 0 {
		return cachedPart{}, false
	}
	cp, ok := c.parts[pages[0]]
	if !ok || cp.report != report || len(cp.pages) != len(pages) {
		return cachedPart{}, false
	}
	for i, p := range pages {
		if cp.pages[i] != p {
			return cachedPart{}, false
		}
	}
	return cp, true
}

// BuildIndex returns the index file (IndexFile) of the groups whose parts are
// all, in the order of the groups. It writes the JSON itself, as
// encoding/json would write the same map (keys sorted), because at 10,000
// pages the filters are 2 MB of base64 that a rebuild writes after every
// edit.
func BuildIndex(all []Parts) File {
	n := 0
	for _, ps := range all {
		for _, f := range ps.filter {
			n += len(f)
		}
	}
	b := make([]byte, 0, base64.StdEncoding.EncodedLen(n)+64*len(all)+256)
	b = append(b, `{"f":"`...)
	b = base64.StdEncoding.AppendEncode(b, concatFilters(all, n))
	b = append(b, `","k":`...)
	b = strconv.AppendInt(b, probes, 10)
	b = append(b, `,"m":[`...)
	first := true
	for _, ps := range all {
		for _, sizes := range ps.sizes {
			for _, size := range sizes {
				if !first {
					b = append(b, ',')
				}
				first = false
				b = strconv.AppendInt(b, int64(size), 10)
			}
		}
	}
	b = append(b, `],"parts":[`...)
	first = true
	for _, ps := range all {
		for _, e := range ps.entries {
			if !first {
				b = append(b, ',')
			}
			first = false
			b = append(b, '[')
			b = strconv.AppendQuote(b, e.name)
			b = append(b, ',')
			b = strconv.AppendInt(b, int64(e.units), 10)
			b = append(b, ',')
			b = strconv.AppendInt(b, int64(e.bytes), 10)
			b = append(b, ']')
		}
	}
	b = append(b, `],"v":`...)
	b = strconv.AppendInt(b, formatVersion, 10)
	b = append(b, '}')
	return File{Name: IndexFile, Data: b}
}

func concatFilters(all []Parts, n int) []byte {
	f := make([]byte, 0, n)
	for _, ps := range all {
		for _, pf := range ps.filter {
			f = append(f, pf...)
		}
	}
	return f
}

// Cache remembers the text parts of earlier builds, so that a rebuild after
// a one-page edit encodes only the part that holds that page. A part is
// reused when it holds the same Page values in the same order: pages are
// never changed after NewPage, and a changed page is a new value. The zero
// value is ready; a nil *Cache caches nothing.
type Cache struct {
	parts map[*Page]cachedPart // by the part's first page
}

// cachedPart is one encoded text part.
type cachedPart struct {
	report string
	pages  []*Page
	name   string // "search/<hash of data>.json"
	data   []byte
	units  int
	sizes  []int  // bytes of each section's filter
	filter []byte // the sections' filters, concatenated
}

// Build is the package function Build, reusing the parts c holds; it keeps
// only the parts of this build for the next.
func (c *Cache) Build(groups []Group) []File {
	var next map[*Page]cachedPart
	if c != nil {
		next = map[*Page]cachedPart{}
		defer func() { c.parts = next }()
	}
	all := make([]Parts, 0, len(groups))
	files := []File{{}}
	for _, g := range groups {
		ps := c.group(g, next)
		all = append(all, ps)
		files = append(files, ps.Files...)
	}
	files[0] = BuildIndex(all)
	return files
}

// split cuts a group's pages into runs whose text stays under maxPart.
func split(pages []*Page) [][]*Page {
	var out [][]*Page
	start, size := 0, 0
	for i, p := range pages {
		if size+p.size > maxPart && i > start {
			out = append(out, pages[start:i])
			start, size = i, 0
		}
		size += p.size
	}
	if start < len(pages) || len(out) == 0 {
		out = append(out, pages[start:])
	}
	return out
}

// partJSON writes the text of pages as one part, and returns it with the
// number of sections ("units") it holds.
//
//	{"report": "…", "pages": [[path, title], …],
//	 "units": [[page, heading, id, blockID, blockText, blockID, blockText, …], …]}
func partJSON(report string, pages []*Page) ([]byte, int) {
	var ps [][2]string
	var units [][]any
	for i, p := range pages {
		ps = append(ps, [2]string{p.Path, p.Title})
		for _, s := range p.Sections {
			u := []any{i, s.Heading, s.ID}
			for _, b := range s.Blocks {
				u = append(u, b.ID, b.Text)
			}
			units = append(units, u)
		}
	}
	return marshal(map[string]any{"report": report, "pages": ps, "units": units}), len(units)
}

// marshal writes v as JSON without escaping <, > and &: the files are
// fetched as data, never placed in a page.
func marshal(v any) []byte {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		panic(err) // unreachable: strings, numbers and slices of them
	}
	return bytes.TrimSuffix(b.Bytes(), []byte("\n"))
}
