package site

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"net/url"
	"path"
	"runtime"
	"sort"
	"strings"
	"sync"

	"reportsite/generator/content"
	"reportsite/generator/indicator"
	"reportsite/generator/markdown"
	"reportsite/generator/publish"
	"reportsite/generator/render"
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
func convert(md *markdown.Converter, n *node, dirty bool) (converted, error) {
	var c converted
	if n.page == nil {
		return c, nil
	}
	body := n.page.Body
	var closing []byte
	if n.page.IsIndex() {
		body, closing = content.SplitChildren(body)
	}
	var err error
	// Indicator sentences are verified against the text as the page shows it.
	text := dirty && len(n.page.Meta.Indicators) > 0
	if text {
		c.spans = sentenceSpans(n.page.Meta.Indicators)
	}
	opt := markdown.Options{ParagraphIDs: true, Text: text, Marks: c.spans, FirstLine: n.page.BodyLine}
	if c.body, err = md.Convert(body, opt); err != nil {
		return c, &content.Error{Path: n.src, Err: err}
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
		line := n.page.BodyLine + bytes.Count(n.page.Body[:len(n.page.Body)-len(closing)], []byte("\n"))
		opt = markdown.Options{IDPrefix: "end-", ParagraphIDs: true, Text: text, Marks: rest, FirstLine: line}
		if c.closing, err = md.Convert(closing, opt); err != nil {
			return c, &content.Error{Path: n.src, Err: err}
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
func (p *siteplan) renderAll(ctx context.Context, md *markdown.Converter, t *render.Templates, out *publish.Dir, keep func(string, uint64) bool) (int, error) {
	var groups [][]*node
	for _, n := range p.nodes {
		switch {
		case n.kind == "report":
			g := append([]*node(nil), n.reading...)
			if n.data != nil {
				g = append(g, n.data)
			}
			groups = append(groups, append(g, n.full))
		case n.rnode == nil:
			groups = append(groups, []*node{n})
		}
	}
	groups = append(groups, []*node{{kind: "404", path: "", src: "(404 page)", title: "页面不存在"}})

	var (
		mu       sync.Mutex
		errs     []error
		rendered int
		wg       sync.WaitGroup
	)
	work := make(chan []*node)
	for range runtime.GOMAXPROCS(0) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var buf bytes.Buffer
			for g := range work {
				n, gerrs := p.renderGroup(md, t, out, keep, g, &buf)
				mu.Lock()
				rendered += n
				errs = append(errs, gerrs...)
				mu.Unlock()
			}
		}()
	}
	for _, g := range groups {
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
	for _, n := range p.nodes {
		files[n.outFile()] = true
	}
	for _, a := range p.assets {
		files[a] = true
	}
	// The link check and the search index share no data: one runs on
	// each core.
	var linkErrs []error
	var linksDone sync.WaitGroup
	linksDone.Go(func() { linkErrs = checkLinks(p.refs, files) })
	errs = append(errs, p.writeSearchIndex(out, keep)...)
	linksDone.Wait()
	errs = append(errs, linkErrs...)
	// Report problems in the order of the source files, whatever order the
	// workers finished in.
	sort.SliceStable(errs, func(i, j int) bool { return errs[i].Error() < errs[j].Error() })
	return rendered, errors.Join(errs...)
}

// renderGroup renders the pages of one group (a report with its full-text
// page last, or a single page), keeping those whose inputs did not change.
func (p *siteplan) renderGroup(md *markdown.Converter, t *render.Templates, out *publish.Dir, keep func(string, uint64) bool, g []*node, buf *bytes.Buffer) (int, []error) {
	var errs []error
	if p.stream != nil {
		restore, err := p.readGroup(g)
		if err != nil {
			return 0, []error{err}
		}
		defer restore()
	}
	defer p.holdBack(g)()
	rendered := 0
	write := func(n *node, c converted, parts []render.Part) {
		buf.Reset()
		err := p.renderOne(t, n, c, parts, buf)
		if err == nil {
			if err = out.WriteFile(n.outFile(), buf.Bytes()); err != nil {
				err = &content.Error{Path: n.src, Err: err}
			}
		}
		if err != nil {
			errs = append(errs, err)
		}
		rendered++
	}
	var full *node
	if last := g[len(g)-1]; last.kind == "full" {
		full, g = last, g[:len(g)-1]
		if keep(full.outFile(), p.sigs[full.outFile()]) {
			full = nil
		}
	}
	var conv map[*node]converted
	if full != nil {
		conv = make(map[*node]converted, len(g))
	}
	// The refs of the group's pages go into p.refs together, at the end.
	refs := make([]pageRefs, 0, len(g))
	defer func() {
		p.mu.Lock()
		for _, r := range refs {
			if r.src != "" {
				p.refs[r.out] = r
			}
		}
		p.mu.Unlock()
	}()
	for _, n := range g {
		dirty := !keep(n.outFile(), p.sigs[n.outFile()])
		if !dirty && full == nil {
			kr := p.keptRefs(n)
			kr.out = n.outFile()
			refs = append(refs, kr)
			if n.kind == "data" {
				errs = append(errs, p.writeOpenData(n.rnode, out, keep)...)
			}
			continue
		}
		c, err := convert(md, n, dirty)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		if n.page != nil {
			r := refsOf(n.page, c.body, c.closing)
			relatedRefs(n, &r)
			r.sig, r.out = p.sigs[n.outFile()], n.outFile()
			refs = append(refs, r)
			p.indexPage(n, c)
		}
		if full != nil {
			conv[n] = c // the full text shows no cards: Nest leaves out the marks
		}
		// A kept page was verified when it was written.
		if dirty && n.page != nil && len(n.page.Meta.Indicators) > 0 {
			if merrs := markSentences(n.page, n.src, c); len(merrs) > 0 {
				errs = append(errs, merrs...)
				continue
			}
		}
		if dirty {
			write(n, c, nil)
		}
		if n.kind == "data" {
			errs = append(errs, p.writeOpenData(n.rnode, out, keep)...)
		}
	}
	if full != nil && len(errs) == 0 {
		var code converted // whether a page of the full text has code
		for _, c := range conv {
			code.body.HasCode = code.body.HasCode || c.body.HasCode || c.closing.HasCode
		}
		write(full, code, fullParts(full.rnode, conv))
	}
	if p.searchParts != nil && g[0].kind == "report" && len(errs) == 0 {
		errs = append(errs, p.writeReportSearch(g[0], out)...)
	}
	return rendered, errs
}

func (p *siteplan) renderOne(t *render.Templates, n *node, c converted, parts []render.Part, buf *bytes.Buffer) error {
	pg := &render.Page{
		Kind:   n.kind,
		Path:   n.path,
		Title:  n.title,
		Label:  n.label,
		Site:   p.site,
		Report: n.report,
		Root:   strings.Repeat("../", strings.Count(n.outFile(), "/")),
		Assets: p.assets,
	}
	switch n.kind {
	case "full":
		pg.Where = "全文"
	case "section", "page":
		pg.Where = labelChain(n) + n.title
	}
	if p.cfg.BaseURL != "" && n.kind != "404" {
		pg.Canonical = p.cfg.BaseURL + n.path
	}
	var err error
	if pg.Portal, err = p.portalOf(n, pg.Canonical); err != nil {
		return err
	}
	if n.page != nil {
		pg.Description = n.page.Meta.Description
		pg.TitleEnd = n.page.Meta.TitleEnd
		pg.Content, pg.Headings, pg.Closing = c.body.HTML, c.body.Headings, c.closing.HTML
	}
	if n.page != nil {
		for i, ind := range n.page.Meta.Indicators {
			pg.Cards = append(pg.Cards, cardOf(ind, n.path, i))
		}
	}
	switch n.kind {
	case "report":
		pg.Dashboard = headlines(n)
	case "data":
		pg.Data = p.dataView(n.rnode)
	case "home":
		pg.Reports = p.reports
		pg.Dashboard = p.homeCards
	case "404":
		// A server shows 404.html at any depth, so its links start at the
		// site's root path instead of being relative.
		pg.Base = "/"
		if u, err := url.Parse(p.cfg.BaseURL); err == nil && u.Path != "" {
			pg.Base = u.Path
		}
	case "full":
		pg.Parts = parts
	}
	for _, k := range n.kids {
		pg.Children = append(pg.Children, *link(k))
	}
	for a := n.parent; a != nil; a = a.parent {
		pg.Crumbs = append([]render.Link{*link(a)}, pg.Crumbs...)
	}
	if len(pg.Crumbs) > 0 {
		pg.Crumbs[0].Text = "首页"
		pg.Crumbs = append(pg.Crumbs, render.Link{Path: n.path, Label: n.label, Text: n.title, Current: true})
	}
	if r := n.rnode; r != nil && n.kind != "full" {
		if n.order > 0 {
			pg.Prev = link(r.reading[n.order-1])
		}
		if n.order+1 < len(r.reading) {
			pg.Next = link(r.reading[n.order+1])
		}
	}
	pg.HasCode = c.body.HasCode || c.closing.HasCode

	layout := n.kind
	if n.page != nil && n.page.Meta.Layout != "" {
		layout = n.page.Meta.Layout
		if !t.Has(layout) {
			return content.Errorf(n.src, 1, "layout %q: no file layouts/%s.html: add it or remove the layout key", layout, layout)
		}
	}
	if err := t.Execute(buf, layout, pg); err != nil {
		return &content.Error{Path: n.src, Err: err}
	}
	return nil
}

// readGroup reads the full pages of a group again (they were loaded with
// front matter only) and returns the function that drops them afterwards.
func (p *siteplan) readGroup(g []*node) (func(), error) {
	light := make(map[*node]*content.Page, len(g))
	for _, n := range g {
		if n.page == nil {
			continue
		}
		src, err := fs.ReadFile(p.stream, n.page.Path)
		if err != nil {
			return func() {}, &content.Error{Path: n.src, Err: err}
		}
		full, err := content.Parse(n.page.Path, src)
		if err != nil {
			return func() {}, err
		}
		light[n] = n.page
		n.page = full
	}
	return func() {
		for n, pg := range light {
			n.page = pg
		}
	}, nil
}

// writeOpenData publishes a report's indicators as JSON and CSV beside its
// data page, unless keep finds them unchanged.
func (p *siteplan) writeOpenData(r *node, out *publish.Dir, keep func(string, uint64) bool) []error {
	sig := p.sigs[r.data.outFile()]
	var data []indicator.Row // made once, when a file is written
	open := func() []indicator.Row {
		if data == nil {
			data = p.openData(r)
		}
		return data
	}
	rows := []struct {
		file string
		data func() []byte
	}{
		{r.path + "indicators.json", func() []byte { return indicator.JSON(open()) }},
		{r.path + "indicators.csv", func() []byte { return indicator.CSV(open()) }},
	}
	var errs []error
	for _, f := range rows {
		if keep(f.file, sig) {
			continue
		}
		if err := out.WriteFile(f.file, f.data()); err != nil {
			errs = append(errs, fmt.Errorf("%s: %w", r.src, err))
		}
	}
	return errs
}

// keptRefs returns the link refs of a page kept from an earlier build: from
// whichever of the last two builds produced the file as it is now.
func (p *siteplan) keptRefs(n *node) pageRefs {
	file := n.outFile()
	for _, prev := range p.prevRefs {
		if r, ok := prev[file]; ok && r.sig == p.sigs[file] {
			return r
		}
	}
	return pageRefs{}
}

// fullParts lays out the pages of report r on one page, in reading order,
// with the converted HTML of each nested: IDs prefixed by the page's position
// so that they stay unique, headings moved below the page's own heading.
func fullParts(r *node, conv map[*node]converted) []render.Part {
	parts := make([]render.Part, 0, len(r.reading)+4)
	var add func(n *node, depth int, id string)
	add = func(n *node, depth int, id string) {
		c := conv[n]
		// The page's own links are relative to its directory.
		base := strings.TrimPrefix(path.Dir(n.outFile())+"/", path.Dir(r.outFile())+"/")
		part := render.Part{ID: id, Depth: depth, Label: n.label, Content: c.body.Nest(id+"-", depth, base)}
		if depth > 0 {
			part.Title = n.title
			if n.page != nil {
				part.TitleEnd = n.page.Meta.TitleEnd
			}
		}
		parts = append(parts, part)
		for i, k := range n.kids {
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

func (p *siteplan) sitemap() []byte {
	var b bytes.Buffer
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n")
	b.WriteString(`<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">` + "\n")
	paths := make([]string, 0, len(p.nodes))
	for _, n := range p.nodes {
		paths = append(paths, n.path)
	}
	sort.Strings(paths)
	for _, s := range paths {
		b.WriteString("<url><loc>")
		template.HTMLEscape(&b, []byte(p.cfg.BaseURL+s))
		b.WriteString("</loc></url>\n")
	}
	b.WriteString("</urlset>\n")
	return b.Bytes()
}

func (p *siteplan) robots() []byte {
	s := "User-agent: *\nAllow: /\n"
	if p.cfg.BaseURL != "" {
		s += "Sitemap: " + p.cfg.BaseURL + "sitemap.xml\n"
	}
	return []byte(s)
}

// headlines returns the cards of a report's headline indicators, in reading
// order, each with the section it comes from.
func headlines(r *node) []render.Card {
	var cards []render.Card
	for _, m := range r.reading {
		if m.page == nil {
			continue
		}
		for i, ind := range m.page.Meta.Indicators {
			if ind.Headline {
				c := cardOf(ind, m.path, i)
				c.Page = m.label + m.title
				cards = append(cards, c)
			}
		}
	}
	return cards
}
