package plan

import (
	"bytes"
	"html/template"
	"sort"

	"reportsite/generator/indicator"
	"reportsite/generator/render"
)

// Groups is the pages in the groups they render in: each report's pages in
// reading order, its data page and its full-text page last; every page
// outside reports alone; and the 404 page.
func (p *Plan) Groups() [][]*Node {
	var groups [][]*Node
	for _, n := range p.Nodes {
		switch {
		case n.Kind == "report":
			g := append([]*Node(nil), n.Reading...)
			if n.Data != nil {
				g = append(g, n.Data)
			}
			groups = append(groups, append(g, n.Full))
		case n.ReportNode == nil:
			groups = append(groups, []*Node{n})
		}
	}
	return append(groups, []*Node{{Kind: "404", Path: "", Src: "(404 page)", Title: render.NotFoundTitle}})
}

// Entry is what the plan knows of page n, for render.NewPage.
func Entry(n *Node) render.Entry {
	e := render.Entry{Kind: n.Kind, Path: n.Path, Out: n.OutFile(), Title: n.Title, Label: n.Label,
		Page: n.Page, Report: n.Report, Place: LabelChain(n)}
	for _, k := range n.Kids {
		e.Children = append(e.Children, *link(k))
	}
	for a := n.Parent; a != nil; a = a.Parent {
		e.Ancestors = append([]render.Link{*link(a)}, e.Ancestors...)
	}
	if r := n.ReportNode; r != nil && n.Kind != "full" {
		if n.Order > 0 {
			e.Prev = link(r.Reading[n.Order-1])
		}
		if n.Order+1 < len(r.Reading) {
			e.Next = link(r.Reading[n.Order+1])
		}
	}
	return e
}

func (p *Plan) SitemapXML() []byte {
	var b bytes.Buffer
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n")
	b.WriteString(`<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">` + "\n")
	paths := make([]string, 0, len(p.Nodes))
	for _, n := range p.Nodes {
		paths = append(paths, n.Path)
	}
	sort.Strings(paths)
	for _, s := range paths {
		b.WriteString("<url><loc>")
		template.HTMLEscape(&b, []byte(p.Cfg.BaseURL+s))
		b.WriteString("</loc></url>\n")
	}
	b.WriteString("</urlset>\n")
	return b.Bytes()
}

func (p *Plan) RobotsTxt() []byte {
	s := "User-agent: *\nAllow: /\n"
	if p.Cfg.BaseURL != "" {
		s += "Sitemap: " + p.Cfg.BaseURL + "sitemap.xml\n"
	}
	return []byte(s)
}

// IndicatorPages is the indicators of the pages of report r, in reading
// order.
func IndicatorPages(r *Node) []render.IndicatorPage {
	var pages []render.IndicatorPage
	for _, n := range r.Reading {
		if n.Page != nil && len(n.Page.Meta.Indicators) > 0 {
			pages = append(pages, render.IndicatorPage{Path: n.Path, Title: n.Label + n.Title, Indicators: n.Page.Meta.Indicators})
		}
	}
	return pages
}

// OpenData returns the indicators of report r as JSON and CSV rows, each
// with the absolute (or, without a base URL, site-relative) page address.
func (p *Plan) OpenData(r *Node) []indicator.Row {
	n := 0
	for _, m := range r.Reading {
		if m.Page != nil {
			n += len(m.Page.Meta.Indicators)
		}
	}
	rows := make([]indicator.Row, 0, n)
	for _, n := range r.Reading {
		if n.Page == nil {
			continue
		}
		for _, ind := range n.Page.Meta.Indicators {
			rows = append(rows, indicator.Row{Page: p.Cfg.BaseURL + n.Path, Indicator: ind})
		}
	}
	return rows
}
