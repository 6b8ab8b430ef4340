package site

import (
	"fmt"
	"html/template"
	"io/fs"
	"slices"
	"strings"

	"reportsite/generator/content"
	"reportsite/generator/indicator"
	"reportsite/generator/markdown"
	"reportsite/generator/render"
	"reportsite/generator/site/plan"
)

// sentenceSpans returns the spans that mark a page's indicator sentences
// when it is converted: each sentence once (indicators may share one),
// with its anchor and a link back to its first card.
func sentenceSpans(inds []content.Indicator) []markdown.Span {
	spans := make([]markdown.Span, 0, len(inds))
	marked := map[string]bool{}
	for i, ind := range inds {
		if marked[ind.Anchor] || ind.Sentence == "" {
			continue
		}
		marked[ind.Anchor] = true
		back := render.SentenceBack(i, ind.Name)
		// The anchor is front matter, written into an attribute as is.
		spans = append(spans, markdown.Span{Sentence: ind.Sentence, ID: template.HTMLEscapeString(ind.Anchor), Class: "ind-src", After: back})
	}
	return spans
}

// markSentences verifies a page's indicators against its plain text (the
// Text of its converted lead and closing) and checks that conversion
// marked each source sentence (in its lead, or else, in an index page, its
// closing). Every problem names the page's file and the indicator.
func markSentences(pg *content.Page, src string, c converted) []error {
	inds := pg.Meta.Indicators
	if len(inds) == 0 {
		return nil
	}
	var errs []error
	text := c.body.Text
	if c.closing.Text != "" {
		text += "\n" + c.closing.Text
	}
	if err := indicator.VerifyPage(inds, text); err != nil {
		for _, e := range content.Errors(err) {
			errs = append(errs, &content.Error{Path: src, Err: e})
		}
	}
	spans := c.spans
	if k := slices.Index(c.found, false); k >= 0 && len(errs) == 0 {
		i := slices.IndexFunc(inds, func(ind content.Indicator) bool { return template.HTMLEscapeString(ind.Anchor) == spans[k].ID })
		errs = append(errs, &content.Error{Path: src, Err: fmt.Errorf(
			"indicator %q: its sentence %q is not one run of text on the page: fix the sentence in front matter or remove the indicator",
			inds[i].Name, short(spans[k].Sentence))})
	}
	return errs
}

func short(s string) string {
	r := []rune(s)
	if len(r) > 40 {
		return string(r[:40]) + "…"
	}
	return s
}

// dataView builds the data page of report r.
func (p *run) dataView(r *plan.Node) *render.DataView {
	v := render.NewDataView(plan.IndicatorPages(r), p.fields)
	v.JSONPath, v.CSVPath = r.Path+"indicators.json", r.Path+"indicators.csv"
	return v
}

// newestHeadlines returns the headline cards of the newest report, which
// the site's home shows. In a single build, whose pages were loaded without
// their indicators, it reads that report's pages again.
func (p *run) newestHeadlines() ([]render.Card, error) {
	if len(p.Reports) == 0 {
		return nil, nil
	}
	for _, m := range p.Nodes {
		if m.Kind != "report" || m.Path != p.Reports[0].Path {
			continue
		}
		restore, err := p.inc.open(p.contentFS, m.Reading)
		defer restore()
		if err != nil {
			return nil, err
		}
		cards := render.Headlines(plan.IndicatorPages(m))
		// The home has no outline to find a card's section in: the card
		// names it by its labels (一、（一）), as the report's home does.
		for i := range cards {
			path, _, _ := strings.Cut(cards[i].Path, "#")
			for _, k := range m.Reading {
				if k.Path == path {
					if l := plan.LabelChain(k); l != "" {
						cards[i].Page = l
					}
				}
			}
		}
		return cards, nil
	}
	return nil, nil
}

// holdBack runs the sanity checks of indicator.Sanity on the indicators of
// a group of pages (a report, or one page) and, while the group renders,
// gives its pages copies without the cards held back: they are not shown,
// not paired and not in the open data. Each one is a warning at the line of
// its [[indicators]] entry. The returned function restores the pages.
func (p *run) holdBack(g []*plan.Node) func() {
	type at struct {
		n *plan.Node
		i int
	}
	var inds []content.Indicator
	var where []at
	for _, n := range g {
		if n.Page == nil || n.Kind == "full" || n.Kind == "data" {
			continue
		}
		for i, ind := range n.Page.Meta.Indicators {
			inds = append(inds, ind)
			where = append(where, at{n, i})
		}
	}
	reasons := indicator.Sanity(inds)
	drop := map[*plan.Node]map[int]bool{}
	var warns []string
	for k, r := range reasons {
		if r == "" {
			continue
		}
		w := where[k]
		if drop[w.n] == nil {
			drop[w.n] = map[int]bool{}
		}
		drop[w.n][w.i] = true
		ind := inds[k]
		loc := w.n.Src
		if line := p.indicatorLine(w.n.Page.Path, w.i); line > 0 {
			loc = fmt.Sprintf("%s:%d", loc, line)
		}
		warns = append(warns, fmt.Sprintf("%s: indicator %q (%s%s, %s): %s; its card is held back from publication: correct the text and the indicator, or set confirmed = true if it is right",
			loc, ind.Name, ind.Value, ind.Unit, ind.Period, r))
	}
	if len(drop) == 0 {
		return func() {}
	}
	p.mu.Lock()
	p.held = append(p.held, warns...)
	p.mu.Unlock()
	orig := make(map[*plan.Node]*content.Page, len(drop))
	for n, d := range drop {
		cp := *n.Page
		cp.Meta.Indicators = make([]content.Indicator, 0, len(n.Page.Meta.Indicators)-len(d))
		for i, ind := range n.Page.Meta.Indicators {
			if !d[i] {
				cp.Meta.Indicators = append(cp.Meta.Indicators, ind)
			}
		}
		orig[n] = n.Page
		n.Page = &cp
	}
	return func() {
		for n, pg := range orig {
			n.Page = pg
		}
	}
}

// indicatorLine returns the line of the i-th [[indicators]] entry of a
// content file, or 0 if it cannot be read.
func (p *run) indicatorLine(path string, i int) int {
	if p.contentFS == nil {
		return 0
	}
	src, err := fs.ReadFile(p.contentFS, path)
	if err != nil {
		return 0
	}
	return content.TableLine(src, "indicators", i, "")
}
