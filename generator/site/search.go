package site

import (
	"fmt"
	"hash/fnv"

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
	pg := search.NewPage(file, n.label+n.title, string(c.body.HTML), string(c.closing.HTML))
	p.mu.Lock()
	p.docs[file] = searchDoc{sig: p.sigs[file], page: pg}
	p.mu.Unlock()
}

// writeSearchIndex publishes the search index of the whole site: the text
// of every page that has text of its own (not the full-text and data pages,
// which repeat it), a report's pages in reading order, newest report first,
// the pages outside reports before them.
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
	for _, r := range p.reports {
		rn := reports[r.Path]
		g := search.Group{Title: rn.title}
		for _, n := range rn.reading {
			g.Pages = append(g.Pages, page(n))
		}
		groups = append(groups, g)
	}
	if len(errs) > 0 {
		return errs
	}

	for _, f := range p.searchCache.Build(groups) {
		h := fnv.New64a()
		h.Write(f.Data)
		sig := h.Sum64()
		p.sigs[f.Name] = sig
		if keep(f.Name, sig) {
			continue
		}
		if err := out.WriteFile(f.Name, f.Data); err != nil {
			errs = append(errs, fmt.Errorf("search index: %w", err))
		}
	}
	return errs
}
