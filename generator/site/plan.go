package site

import (
	"errors"
	"path"
	"sort"
	"strings"

	"reportsite/generator/config"
	"reportsite/generator/content"
	"reportsite/generator/render"
)

// node is one output page.
type node struct {
	kind    string // home, report, section, page, full
	page    *content.Page
	sec     *content.Section
	path    string // site-root-relative URL path: "" (home), "a/b/" (section), "a/b.html" (page)
	out     string // the published file (outFile), set once the plan is made
	src     string // source file for messages, e.g. "content/a/b.md"
	label   string
	title   string
	parent  *node
	kids    []*node
	report  *render.Report
	order   int // position in its report's reading order
	rnode   *node
	reading []*node     // on report nodes: the report's pages in reading order
	full    *node       // on report nodes: the full-text page
	data    *node       // on report nodes: the indicators and open data page
	portal  *nodePortal // attachments and related links (portal.go)
}

// siteplan is the site's output pages: what exists, where, and how the
// pages link to each other. It is made before any Markdown is converted.
type siteplan struct {
	cfg     *config.Config
	site    *render.Site
	nodes   []*node
	reports []*render.Report  // newest first
	owner   map[string]string // output path → source file, while planning
	errs    []error           // of planning
}

// plan turns the content tree into output pages, with their URLs, outline and
// neighbours. withIndicators lists the pages that state indicators although
// they were loaded without them.
func plan(cfg *config.Config, tree *content.Section, withIndicators map[string]bool) (*siteplan, error) {
	p := &siteplan{cfg: cfg, site: siteView(cfg), owner: map[string]string{}}
	p.walk(tree, nil, nil)
	for _, n := range p.nodes {
		if n.kind == "report" {
			p.planReport(n, withIndicators)
		}
	}
	for _, n := range portalNodes(cfg, p.nodes[0]) {
		p.add(n)
	}
	for _, n := range p.nodes {
		if n.rnode != nil {
			n.report = n.rnode.report
		}
		n.out = n.outFile()
	}
	sort.SliceStable(p.reports, func(i, j int) bool {
		if p.reports[i].Meta.Issued != p.reports[j].Meta.Issued {
			return p.reports[i].Meta.Issued > p.reports[j].Meta.Issued
		}
		return p.reports[i].Path < p.reports[j].Path
	})
	if len(p.errs) > 0 {
		return nil, errors.Join(p.errs...)
	}
	p.owner = nil
	return p, nil
}

// siteView is the site-wide part of every page, from the config.
func siteView(cfg *config.Config) *render.Site {
	return &render.Site{
		Title:   cfg.Title,
		Lang:    cfg.Language,
		BaseURL: cfg.BaseURL,
		Identity: render.Identity{
			SiteName:     cfg.Identity.SiteName,
			SiteDomain:   cfg.Identity.SiteDomain,
			SiteIDCode:   cfg.Identity.SiteIDCode,
			Sponsor:      cfg.Identity.Sponsor,
			Contact:      cfg.Identity.Contact,
			ICP:          cfg.Identity.ICP,
			PoliceRecord: cfg.Identity.PoliceRecord,
			PoliceCode:   cfg.Identity.PoliceCode(),
		},
		Portal: sitePortal(&cfg.Identity),
	}
}

// add adds page n to the plan; a page whose output path another page has
// is an error of the plan.
func (p *siteplan) add(n *node) {
	if prev, dup := p.owner[n.path]; dup {
		p.errs = append(p.errs, content.Errorf(n.src, 0, "its output %s is also produced by %s: rename one of them", n.outFile(), prev))
	} else {
		p.owner[n.path] = n.src
	}
	p.nodes = append(p.nodes, n)
}

// walk adds section s, below parent and inside report rep, with its pages
// and subsections, and returns its node.
func (p *siteplan) walk(s *content.Section, parent *node, rep *node) *node {
	n := &node{kind: "section", sec: s, page: s.Index, parent: parent, rnode: rep}
	if s.Dir == "." {
		n.kind, n.path, n.src = "home", "", "content/_index.md"
		n.title = p.cfg.Title
	} else {
		n.path = s.Dir + "/"
		n.src = "content/" + s.Dir + "/_index.md"
		n.title = path.Base(s.Dir)
	}
	if s.Index != nil {
		if strings.TrimSpace(s.Index.Meta.Title) != "" {
			n.title = s.Index.Meta.Title
		}
		n.label = s.Index.Meta.Label
		if s.Index.Meta.Report != nil && n.kind != "home" {
			n.kind = "report"
			rep = n
			n.rnode = n
		}
	}
	p.add(n)
	for _, pg := range s.Pages {
		c := &node{kind: "page", page: pg, parent: n, rnode: rep,
			path: strings.TrimSuffix(pg.Path, ".md") + ".html", src: "content/" + pg.Path,
			label: pg.Meta.Label, title: pg.Meta.Title}
		if strings.TrimSpace(c.title) == "" {
			c.title = path.Base(strings.TrimSuffix(pg.Path, ".md"))
		}
		p.add(c)
		n.kids = append(n.kids, c)
	}
	for _, sub := range s.Sections {
		n.kids = append(n.kids, p.walk(sub, n, rep))
	}
	// Sections and pages are siblings; keep them in weight order together.
	sort.SliceStable(n.kids, func(i, j int) bool { return weight(n.kids[i]) < weight(n.kids[j]) })
	return n
}

// planReport gives report node n its reading order, its outline, its
// full-text page and, when its pages state indicators, its data page.
func (p *siteplan) planReport(n *node, withIndicators map[string]bool) {
	meta := *n.page.Meta.Report
	r := &render.Report{Title: n.title, Path: n.path, FullPath: n.path + "full.html", DataPath: n.path + "data.html", Meta: meta}
	n.report = r
	var order func(m *node)
	order = func(m *node) {
		m.order = len(n.reading)
		n.reading = append(n.reading, m)
		for _, k := range m.kids {
			order(k)
		}
	}
	order(n)
	r.Outline = outline(n.kids, 2)
	r.Compact = len(n.reading) > maxOutline
	n.full = &node{kind: "full", parent: n, rnode: n, path: r.FullPath, src: n.src, title: render.FullTitle}
	p.add(n.full)
	p.reports = append(p.reports, r)
	if !hasIndicators(n.reading, withIndicators) {
		r.DataPath = ""
		return
	}
	n.data = &node{kind: "data", parent: n, rnode: n, path: r.DataPath, src: n.src, title: render.DataTitle}
	p.add(n.data)
}

// outFile is the published file of n.
func (n *node) outFile() string {
	if n.out != "" {
		return n.out
	}
	if n.kind == "404" {
		return "404.html"
	}
	if strings.HasSuffix(n.path, ".html") {
		return n.path
	}
	return n.path + "index.html"
}

// maxOutline is the most entries an outline shows on every page; a longer
// report shows the subsections of the current part only.
const maxOutline = 60

// hasIndicators reports whether a page among nodes states indicators, by its
// front matter or, for pages loaded without it, by the set known.
func hasIndicators(nodes []*node, known map[string]bool) bool {
	for _, n := range nodes {
		if n.page != nil && (len(n.page.Meta.Indicators) > 0 || known[n.page.Path]) {
			return true
		}
	}
	return false
}

func weight(n *node) int {
	if n.page == nil {
		return 0
	}
	return n.page.Meta.Weight
}

func outline(kids []*node, depth int) []render.Link {
	if depth == 0 || len(kids) == 0 {
		return nil
	}
	out := make([]render.Link, 0, len(kids))
	for _, k := range kids {
		out = append(out, render.Link{Path: k.path, Label: k.label, Text: k.title, Children: outline(k.kids, depth-1)})
	}
	return out
}

func link(n *node) *render.Link {
	if n == nil {
		return nil
	}
	return &render.Link{Path: n.path, Label: n.label, Text: n.title}
}

// labelChain is the labels of a page and its parents inside its report
// (一、（一）).
func labelChain(n *node) string {
	labels := n.label
	for a := n.parent; a != nil && a != n.rnode && a.kind != "home"; a = a.parent {
		labels = a.label + labels
	}
	return labels
}
