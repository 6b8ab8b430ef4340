package site

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"runtime"
	"sort"
	"strings"
	"sync"

	"reportsite/generator/content"
	"reportsite/generator/indicator"
	"reportsite/generator/linkcheck"
	"reportsite/generator/markdown"
	"reportsite/generator/render"
	"reportsite/generator/site/plan"
	"reportsite/generator/site/rebuild"
)

// converted is a page's Markdown as HTML: the body, and for an index page the
// closing text after its children; spans are the page's indicator sentences
// that conversion marked (see sentenceSpans), found which of them it found.
type converted struct {
	body, closing markdown.Result
	spans         []markdown.Span
	found         []bool
}

// convert converts page n; a page to write (dirty) gets its indicator
// sentences marked and its plain text to verify them against.
func convert(md *markdown.Converter, n *plan.Node, dirty bool) (converted, error) {
	var c converted
	if n.Page == nil {
		return c, nil
	}
	body := n.Page.Body
	var closing []byte
	if n.Page.IsIndex() {
		body, closing = content.SplitChildren(body)
	}
	var err error
	// Indicator sentences are verified against the text as the page shows it.
	text := dirty && len(n.Page.Meta.Indicators) > 0
	if text {
		c.spans = sentenceSpans(n.Page.Meta.Indicators)
	}
	opt := markdown.Options{ParagraphIDs: true, Text: text, Marks: c.spans, FirstLine: n.Page.BodyLine}
	if c.body, err = md.Convert(body, opt); err != nil {
		return c, &content.Error{Path: n.Src, Err: err}
	}
	c.found = c.body.Marked
	if len(closing) > 0 {
		// A sentence not in the lead is marked in the closing.
		var rest []markdown.Span
		var at []int
		for k, ok := range c.found {
			if !ok {
				rest, at = append(rest, c.spans[k]), append(at, k)
			}
		}
		line := n.Page.BodyLine + bytes.Count(n.Page.Body[:len(n.Page.Body)-len(closing)], []byte("\n"))
		opt = markdown.Options{IDPrefix: "end-", ParagraphIDs: true, Text: text, Marks: rest, FirstLine: line}
		if c.closing, err = md.Convert(closing, opt); err != nil {
			return c, &content.Error{Path: n.Src, Err: err}
		}
		for k, ok := range c.closing.Marked {
			c.found[at[k]] = ok
		}
	}
	return c, nil
}

// renderAll renders every page that keep does not keep from the previous
// build, on all cores. Work is handed out a report at a time, so that the
// full-text page reuses the HTML of the report's pages and memory holds one
// report per core, never the whole site. It returns how many pages it
// rendered.
func (p *run) renderAll(ctx context.Context) (int, error) {
	var (
		mu       sync.Mutex
		errs     []error
		rendered int
		wg       sync.WaitGroup
	)
	work := make(chan []*plan.Node)
	for range runtime.GOMAXPROCS(0) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var buf bytes.Buffer
			for g := range work {
				n, gerrs := p.renderGroup(g, &buf)
				mu.Lock()
				rendered += n
				errs = append(errs, gerrs...)
				mu.Unlock()
			}
		}()
	}
	for _, g := range p.Groups() {
		if ctx.Err() != nil {
			break
		}
		work <- g
	}
	close(work)
	wg.Wait()
	if err := ctx.Err(); err != nil {
		return rendered, err
	}
	files := map[string]bool{"404.html": true, "sitemap.xml": true, "robots.txt": true}
	for _, n := range p.Nodes {
		files[n.OutFile()] = true
	}
	for _, a := range p.assets {
		files[a] = true
	}
	// The link check and the search index share no data: one runs on
	// each core.
	var linkErrs []error
	var linksDone sync.WaitGroup
	linksDone.Go(func() {
		refs := make([]*linkcheck.Refs, 0, len(p.refs))
		for _, r := range p.refs {
			refs = append(refs, r.Refs)
		}
		linkErrs = linkcheck.Check(refs, files)
	})
	errs = append(errs, p.writeSearchIndex()...)
	linksDone.Wait()
	errs = append(errs, linkErrs...)
	// Report problems in the order of the source files, whatever order the
	// workers finished in.
	sort.SliceStable(errs, func(i, j int) bool { return errs[i].Error() < errs[j].Error() })
	return rendered, errors.Join(errs...)
}

// groupRun is the rendering of one group of pages.
type groupRun struct {
	*run
	buf *bytes.Buffer
	// conv holds the converted pages for the full-text page, unmarked; nil
	// when the full-text page is kept.
	conv     map[*plan.Node]converted
	refs     []rebuild.Refs
	errs     []error
	rendered int
}

// renderGroup renders the pages of one group (a report with its full-text
// page last, or a single page), keeping those whose inputs did not change.
func (p *run) renderGroup(g []*plan.Node, buf *bytes.Buffer) (int, []error) {
	restore, err := p.inc.open(p.contentFS, g)
	if err != nil {
		return 0, []error{err}
	}
	defer restore()
	defer p.holdBack(g)()
	gr := &groupRun{run: p, buf: buf}
	var full *plan.Node
	if last := g[len(g)-1]; last.Kind == "full" {
		full, g = last, g[:len(g)-1]
		if p.keep(full.OutFile(), p.sigs[full.OutFile()]) {
			full = nil
		}
	}
	if full != nil {
		gr.conv = make(map[*plan.Node]converted, len(g))
	}
	// The refs of the group's pages go into p.refs together, at the end.
	gr.refs = make([]rebuild.Refs, 0, len(g))
	defer func() {
		p.mu.Lock()
		for _, r := range gr.refs {
			if r.Refs != nil {
				p.refs[r.Refs.Out] = r
			}
		}
		p.mu.Unlock()
	}()
	for _, n := range g {
		gr.page(n)
	}
	if full != nil && len(gr.errs) == 0 {
		var code converted // whether a page of the full text has code
		for _, c := range gr.conv {
			code.body.HasCode = code.body.HasCode || c.body.HasCode || c.closing.HasCode
		}
		gr.write(full, code, fullParts(full.ReportNode, gr.conv))
	}
	if g[0].Kind == "report" && len(gr.errs) == 0 {
		gr.errs = append(gr.errs, p.inc.reportDone(p, g[0])...)
	}
	return gr.rendered, gr.errs
}

// page renders page n of the group unless it is kept, and converts it
// anyway when the full-text page needs it.
func (gr *groupRun) page(n *plan.Node) {
	p := gr.run
	dirty := !p.keep(n.OutFile(), p.sigs[n.OutFile()])
	if !dirty && gr.conv == nil {
		gr.refs = append(gr.refs, p.inc.keptRefs(n.OutFile(), p.sigs[n.OutFile()]))
		if n.Kind == "data" {
			gr.errs = append(gr.errs, p.writeOpenData(n.ReportNode)...)
		}
		return
	}
	c, err := convert(p.md, n, dirty)
	if err != nil {
		gr.errs = append(gr.errs, err)
		return
	}
	if n.Page != nil {
		r := linkcheck.Collect(n.OutFile(), n.Page.Path, c.body, c.closing)
		relatedRefs(n, r)
		gr.refs = append(gr.refs, rebuild.Refs{Sig: p.sigs[n.OutFile()], Refs: r})
		p.indexPage(n, c)
	}
	if gr.conv != nil {
		gr.conv[n] = c // the full text shows no cards: Nest leaves out the marks
	}
	// A kept page was verified when it was written.
	if dirty && n.Page != nil && len(n.Page.Meta.Indicators) > 0 {
		if merrs := markSentences(n.Page, n.Src, c); len(merrs) > 0 {
			gr.errs = append(gr.errs, merrs...)
			return
		}
	}
	if dirty {
		gr.write(n, c, nil)
	}
	if n.Kind == "data" {
		gr.errs = append(gr.errs, p.writeOpenData(n.ReportNode)...)
	}
}

// write renders page n, converted as c (the full-text page: of parts), and
// publishes it.
func (gr *groupRun) write(n *plan.Node, c converted, parts []render.Part) {
	gr.buf.Reset()
	err := gr.renderOne(n, c, parts, gr.buf)
	if err == nil {
		if err = gr.out.WriteFile(n.OutFile(), gr.buf.Bytes()); err != nil {
			err = &content.Error{Path: n.Src, Err: err}
		}
	}
	if err != nil {
		gr.errs = append(gr.errs, err)
	}
	gr.rendered++
}

// renderOne renders page n, converted as c, with its layout into buf.
func (p *run) renderOne(n *plan.Node, c converted, parts []render.Part, buf *bytes.Buffer) error {
	e := plan.Entry(n)
	pg := render.NewPage(p.Site, &e, p.assets)
	var err error
	if pg.Portal, err = p.portalOf(n, pg.Canonical); err != nil {
		return err
	}
	if n.Page != nil {
		pg.Content, pg.Headings, pg.Closing = c.body.HTML, c.body.Headings, c.closing.HTML
	}
	switch n.Kind {
	case "report":
		pg.Dashboard = render.Headlines(plan.IndicatorPages(n))
	case "data":
		pg.Data = p.dataView(n.ReportNode)
	case "home":
		pg.Reports = p.Reports
		pg.Dashboard = p.homeCards
	case "full":
		pg.Parts = parts
	}
	pg.HasCode = c.body.HasCode || c.closing.HasCode

	layout := n.Kind
	if n.Page != nil && n.Page.Meta.Layout != "" {
		layout = n.Page.Meta.Layout
		if !p.tmpl.Has(layout) {
			return content.Errorf(n.Src, 1, "layout %q: no file layouts/%s.html: add it or remove the layout key", layout, layout)
		}
	}
	if err := p.tmpl.Execute(buf, layout, pg); err != nil {
		return &content.Error{Path: n.Src, Err: err}
	}
	return nil
}

// readGroup reads the full pages of a group again (they were loaded with
// front matter only) and returns the function that drops them afterwards.
func readGroup(fsys fs.FS, g []*plan.Node) (func(), error) {
	light := make(map[*plan.Node]*content.Page, len(g))
	for _, n := range g {
		if n.Page == nil {
			continue
		}
		src, err := fs.ReadFile(fsys, n.Page.Path)
		if err != nil {
			return func() {}, &content.Error{Path: n.Src, Err: err}
		}
		full, err := content.Parse(n.Page.Path, src)
		if err != nil {
			return func() {}, err
		}
		light[n] = n.Page
		n.Page = full
	}
	return func() {
		for n, pg := range light {
			n.Page = pg
		}
	}, nil
}

// writeOpenData publishes a report's indicators as JSON and CSV beside its
// data page, unless keep finds them unchanged.
func (p *run) writeOpenData(r *plan.Node) []error {
	sig := p.sigs[r.Data.OutFile()]
	var data []indicator.Row // made once, when a file is written
	open := func() []indicator.Row {
		if data == nil {
			data = p.OpenData(r)
		}
		return data
	}
	rows := []struct {
		file string
		data func() []byte
	}{
		{r.Path + "indicators.json", func() []byte { return indicator.JSON(open()) }},
		{r.Path + "indicators.csv", func() []byte { return indicator.CSV(open()) }},
	}
	var errs []error
	for _, f := range rows {
		if p.keep(f.file, sig) {
			continue
		}
		if err := p.out.WriteFile(f.file, f.data()); err != nil {
			errs = append(errs, fmt.Errorf("%s: %w", r.Src, err))
		}
	}
	return errs
}

// fullParts lays out the pages of report r on one page, in reading order,
// with the converted HTML of each nested: IDs prefixed by the page's position
// so that they stay unique, headings moved below the page's own heading.
func fullParts(r *plan.Node, conv map[*plan.Node]converted) []render.Part {
	parts := make([]render.Part, 0, len(r.Reading)+4)
	var add func(n *plan.Node, depth int, id string)
	add = func(n *plan.Node, depth int, id string) {
		c := conv[n]
		// The page's own links are relative to its directory.
		base := strings.TrimPrefix(path.Dir(n.OutFile())+"/", path.Dir(r.OutFile())+"/")
		part := render.Part{ID: id, Depth: depth, Label: n.Label, Content: c.body.Nest(id+"-", depth, base)}
		if depth > 0 {
			part.Title = n.Title
			if n.Page != nil {
				part.TitleEnd = n.Page.Meta.TitleEnd
			}
		}
		parts = append(parts, part)
		for i, k := range n.Kids {
			add(k, depth+1, fmt.Sprintf("%s-%d", id, i+1))
		}
		if c.closing.HTML != "" {
			// The closing text was converted with the prefix "end-".
			parts = append(parts, render.Part{ID: id + "-end", Depth: depth, Content: c.closing.Nest(id+"-", depth, base)})
		}
	}
	add(r, 0, "s")
	return parts
}
