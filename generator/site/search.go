package site

import (
	"fmt"
	"hash/maphash"

	"reportsite/generator/markdown"
	"reportsite/generator/publish"
	"reportsite/generator/search"
)

// searchDoc is a page's text for the search index and the signature of the
// inputs it was made from (p.sigs of its output file).
type searchDoc struct {
	sig  uint64
	page *search.Page
}

// indexPage records the text of page n, converted as c, for the search
// index. It is called for every page whose Markdown this build converted;
// pages kept from the previous build keep their entry from then.
func (p *siteplan) indexPage(n *node, c converted) {
	file := n.outFile()
	pg := search.NewPage(file, n.label+n.title, searchText(c.body.Sections), searchText(c.closing.Sections))
	p.mu.Lock()
	p.docs[file] = searchDoc{sig: p.sigs[file], page: pg}
	p.mu.Unlock()
}

// searchText copies the sections of a converted page for search, which
// imports no package of the project.
func searchText(secs []markdown.Section) []search.Section {
	n := 0
	for _, s := range secs {
		n += len(s.Blocks)
	}
	out := make([]search.Section, len(secs))
	blocks := make([]search.Block, 0, n) // of every section, in one allocation
	for i, s := range secs {
		at := len(blocks)
		for _, b := range s.Blocks {
			blocks = append(blocks, search.Block(b))
		}
		out[i] = search.Section{Heading: s.Heading, ID: s.ID, Blocks: blocks[at:len(blocks):len(blocks)]}
	}
	return out
}

// reportSearch returns the search group of report node r: its pages in
// reading order, with the texts that indexPage recorded (page supplies
// them).
func reportSearch(r *node, page func(*node) *search.Page) search.Group {
	g := search.Group{Title: r.title}
	for _, n := range r.reading {
		g.Pages = append(g.Pages, page(n))
	}
	return g
}

// writeReportSearch publishes the search index's text parts of report r as
// soon as its pages are converted, in a single build: the build then keeps
// the filters of the report's text rather than the text itself until the
// end, when writeSearchIndex writes the index file.
func (p *siteplan) writeReportSearch(r *node, out *publish.Dir) []error {
	p.mu.Lock()
	g := reportSearch(r, func(n *node) *search.Page {
		file := n.outFile()
		d, ok := p.docs[file]
		delete(p.docs, file)
		if !ok {
			return search.NewPage(file, n.label+n.title)
		}
		return d.page
	})
	p.mu.Unlock()
	parts := search.BuildParts(g)
	errs := writeSearchFiles(out, parts.Files...)
	parts.Files = nil
	p.mu.Lock()
	p.searchParts[r] = parts
	p.mu.Unlock()
	return errs
}

// writeSearchIndex publishes the search index of the whole site: the text
// of every page that has text of its own (not the full-text and data pages,
// which repeat it), a report's pages in reading order, newest report first,
// the pages outside reports before them. The parts of reports that
// writeReportSearch published already are only named in the index.
func (p *siteplan) writeSearchIndex(out *publish.Dir, keep func(string, uint64) bool) []error {
	var errs []error
	// A page this build kept without converting it was kept from the live
	// site (the previous build) or from the publisher's spare directory
	// (the build before): its text is that build's, with the same signature.
	page := func(n *node) *search.Page {
		file := n.outFile()
		sig := p.sigs[file]
		d, ok := p.docs[file]
		for _, prev := range p.prevDocs {
			if !ok {
				d, ok = prev[file]
				ok = ok && d.sig == sig
			}
		}
		if !ok {
			if n.page != nil {
				errs = append(errs, fmt.Errorf("%s: no text for the search index (internal error)", n.src))
			}
			d = searchDoc{sig: sig, page: search.NewPage(file, n.label+n.title)}
		}
		p.docs[file] = d
		return d.page
	}

	var groups []search.Group
	other := search.Group{}
	reports := map[string]*node{}
	for _, n := range p.nodes {
		switch {
		case n.kind == "report":
			reports[n.path] = n
		case n.rnode == nil && (n.kind == "home" || n.kind == "section" || n.kind == "page"):
			other.Pages = append(other.Pages, page(n))
		}
	}
	if len(other.Pages) > 0 {
		groups = append(groups, other)
	}
	if p.searchParts != nil {
		// A single build: the reports' parts are out already.
		all := make([]search.Parts, 0, len(p.reports)+1)
		for _, g := range groups {
			ps := search.BuildParts(g)
			all = append(all, ps)
			errs = append(errs, writeSearchFiles(out, ps.Files...)...)
		}
		for _, r := range p.reports {
			all = append(all, p.searchParts[reports[r.Path]])
		}
		return append(errs, writeSearchFiles(out, search.BuildIndex(all))...)
	}
	for _, r := range p.reports {
		groups = append(groups, reportSearch(reports[r.Path], page))
	}
	if len(errs) > 0 {
		return errs
	}

	for _, f := range p.searchCache.Build(groups) {
		// A text part's name is a hash of its content already; only the
		// index file needs hashing.
		sig := maphash.String(p.seed, f.Name)
		if f.Name == search.IndexFile {
			sig = maphash.Bytes(p.seed, f.Data)
		}
		p.sigs[f.Name] = sig
		if !keep(f.Name, sig) {
			errs = append(errs, writeSearchFiles(out, f)...)
		}
	}
	return errs
}

// writeSearchFiles publishes files of the search index.
func writeSearchFiles(out *publish.Dir, files ...search.File) []error {
	var errs []error
	for _, f := range files {
		if err := out.WriteFile(f.Name, f.Data); err != nil {
			errs = append(errs, fmt.Errorf("search index: %w", err))
		}
	}
	return errs
}
