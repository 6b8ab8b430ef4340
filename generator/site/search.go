package site

import (
	"fmt"

	"reportsite/generator/publish"
	"reportsite/generator/search"
	"reportsite/generator/site/plan"
	"reportsite/generator/site/rebuild"
)

// indexPage records the text of page n, converted as c, for the search
// index. It is called for every page whose Markdown this build converted;
// pages kept from the previous build keep their entry from then.
func (p *run) indexPage(n *plan.Node, c converted) {
	file := n.OutFile()
	pg := search.NewPage(file, n.Label+n.Title, c.body.Sections, c.closing.Sections)
	p.mu.Lock()
	p.docs[file] = rebuild.Doc{Sig: p.sigs[file], Page: pg}
	p.mu.Unlock()
}

// reportSearch returns the search group of report node r: its pages in
// reading order, with the texts that indexPage recorded (page supplies
// them).
func reportSearch(r *plan.Node, page func(*plan.Node) *search.Page) search.Group {
	g := search.Group{Title: r.Title}
	for _, n := range r.Reading {
		g.Pages = append(g.Pages, page(n))
	}
	return g
}

// searchTexts gives the search index the text of each page: the one this
// build recorded (indexPage), or, for a page it kept without converting it,
// the one of the build that wrote the file.
type searchTexts struct {
	p    *run
	errs []error // of pages with no text
}

func (t *searchTexts) page(n *plan.Node) *search.Page {
	p := t.p
	file := n.OutFile()
	sig := p.sigs[file]
	d, ok := p.docs[file]
	if !ok {
		d, ok = p.inc.keptDoc(file, sig)
	}
	if !ok {
		if n.Page != nil {
			t.errs = append(t.errs, fmt.Errorf("%s: no text for the search index (internal error)", n.Src))
		}
		d = rebuild.Doc{Sig: sig, Page: search.NewPage(file, n.Label+n.Title)}
	}
	p.docs[file] = d
	return d.Page
}

// writeSearchIndex publishes the search index of the whole site: the text
// of every page that has text of its own (not the full-text and data pages,
// which repeat it), a report's pages in reading order, newest report first,
// the pages outside reports before them.
func (p *run) writeSearchIndex() []error {
	t := &searchTexts{p: p}
	other := search.Group{}
	reports := map[string]*plan.Node{}
	for _, n := range p.Nodes {
		switch {
		case n.Kind == "report":
			reports[n.Path] = n
		case n.ReportNode == nil && (n.Kind == "home" || n.Kind == "section" || n.Kind == "page"):
			other.Pages = append(other.Pages, t.page(n))
		}
	}
	newest := make([]*plan.Node, 0, len(p.Reports))
	for _, r := range p.Reports {
		newest = append(newest, reports[r.Path])
	}
	return p.inc.writeSearch(p, other, newest, t)
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
