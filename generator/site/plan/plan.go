// Package plan decides a site's output pages before any Markdown is
// converted: which pages exist (a content page or section, a report's
// full-text and data pages, 404, 网站地图 and 联系我们), where they are
// published, and how they link (outline, parents, neighbours in reading
// order). It is site's first step after reading the sources.
//
// Inputs: the configuration and the content tree (front matter is enough:
// New never reads a page's body), and for ReadAttachments the content
// directory. Outputs: a Plan of Nodes; what render.NewPage needs of a node
// (Entry), the groups a build renders together (Groups), a report's
// indicators and open-data rows, the 网站地图's links, sitemap.xml and
// robots.txt. A build may swap a node's Page for the same page with its
// text read again (site does, for a single build, and to hold back cards).
//
// Imports: config, content, render (the view types it fills), indicator
// (the open-data rows) and the standard library. Only site imports plan.
package plan

import (
	"errors"
	"path"
	"sort"
	"strings"

	"reportsite/generator/config"
	"reportsite/generator/content"
	"reportsite/generator/render"
)

// Node is one output page.
type Node struct {
	Kind   string // home, report, section, page, full, data, sitemap, contact, 404
	Page   *content.Page
	Sec    *content.Section
	Path   string // site-root-relative URL path: "" (home), "a/b/" (section), "a/b.html" (page)
	out    string // the published file (OutFile), set once the plan is made
	Src    string // source file for messages, e.g. "content/a/b.md"
	Label  string
	Title  string
	Parent *Node
	Kids   []*Node
	Report *render.Report // the report the page belongs to, or nil
	Order  int            // position in its report's reading order
	// ReportNode is the node of the report the page belongs to (the report
	// node itself for a report), or nil outside reports.
	ReportNode *Node
	Reading    []*Node // on report nodes: the report's pages in reading order
	Full       *Node   // on report nodes: the full-text page
	Data       *Node   // on report nodes: the indicators and open data page
	Portal     *Portal // attachments and related links (portal.go)
}

// Plan is the site's output pages: what exists, where, and how the
// pages link to each other. It is made before any Markdown is converted.
type Plan struct {
	Cfg     *config.Config
	Site    *render.Site      // the site-wide part of every page
	Nodes   []*Node           // home first, in the order of the content tree
	Reports []*render.Report  // newest first
	owner   map[string]string // output path → source file, while planning
	errs    []error           // of planning
}

// New turns the content tree into output pages, with their URLs, outline and
// neighbours. withIndicators lists the pages that state indicators although
// they were loaded without them.
func New(cfg *config.Config, tree *content.Section, withIndicators map[string]bool) (*Plan, error) {
	p := &Plan{Cfg: cfg, Site: siteView(cfg), owner: map[string]string{}}
	p.walk(tree, nil, nil)
	for _, n := range p.Nodes {
		if n.Kind == "report" {
			p.planReport(n, withIndicators)
		}
	}
	for _, n := range portalNodes(cfg, p.Nodes[0]) {
		p.add(n)
	}
	for _, n := range p.Nodes {
		if n.ReportNode != nil {
			n.Report = n.ReportNode.Report
		}
		n.out = n.OutFile()
	}
	sort.SliceStable(p.Reports, func(i, j int) bool {
		if p.Reports[i].Meta.Issued != p.Reports[j].Meta.Issued {
			return p.Reports[i].Meta.Issued > p.Reports[j].Meta.Issued
		}
		return p.Reports[i].Path < p.Reports[j].Path
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
func (p *Plan) add(n *Node) {
	if prev, dup := p.owner[n.Path]; dup {
		p.errs = append(p.errs, content.Errorf(n.Src, 0, "its output %s is also produced by %s: rename one of them", n.OutFile(), prev))
	} else {
		p.owner[n.Path] = n.Src
	}
	p.Nodes = append(p.Nodes, n)
}

// walk adds section s, below parent and inside report rep, with its pages
// and subsections, and returns its node.
func (p *Plan) walk(s *content.Section, parent *Node, rep *Node) *Node {
	n := &Node{Kind: "section", Sec: s, Page: s.Index, Parent: parent, ReportNode: rep}
	if s.Dir == "." {
		n.Kind, n.Path, n.Src = "home", "", "content/_index.md"
		n.Title = p.Cfg.Title
	} else {
		n.Path = s.Dir + "/"
		n.Src = "content/" + s.Dir + "/_index.md"
		n.Title = path.Base(s.Dir)
	}
	if s.Index != nil {
		if strings.TrimSpace(s.Index.Meta.Title) != "" {
			n.Title = s.Index.Meta.Title
		}
		n.Label = s.Index.Meta.Label
		if s.Index.Meta.Report != nil && n.Kind != "home" {
			n.Kind = "report"
			rep = n
			n.ReportNode = n
		}
	}
	p.add(n)
	for _, pg := range s.Pages {
		c := &Node{Kind: "page", Page: pg, Parent: n, ReportNode: rep,
			Path: strings.TrimSuffix(pg.Path, ".md") + ".html", Src: "content/" + pg.Path,
			Label: pg.Meta.Label, Title: pg.Meta.Title}
		if strings.TrimSpace(c.Title) == "" {
			c.Title = path.Base(strings.TrimSuffix(pg.Path, ".md"))
		}
		p.add(c)
		n.Kids = append(n.Kids, c)
	}
	for _, sub := range s.Sections {
		n.Kids = append(n.Kids, p.walk(sub, n, rep))
	}
	// Sections and pages are siblings; keep them in weight order together.
	sort.SliceStable(n.Kids, func(i, j int) bool { return weight(n.Kids[i]) < weight(n.Kids[j]) })
	return n
}

// planReport gives report node n its reading order, its outline, its
// full-text page and, when its pages state indicators, its data page.
func (p *Plan) planReport(n *Node, withIndicators map[string]bool) {
	meta := *n.Page.Meta.Report
	r := &render.Report{Title: n.Title, Path: n.Path, FullPath: n.Path + "full.html", DataPath: n.Path + "data.html", Meta: meta}
	n.Report = r
	var order func(m *Node)
	order = func(m *Node) {
		m.Order = len(n.Reading)
		n.Reading = append(n.Reading, m)
		for _, k := range m.Kids {
			order(k)
		}
	}
	order(n)
	r.Outline = outline(n.Kids, 2)
	r.Compact = len(n.Reading) > maxOutline
	n.Full = &Node{Kind: "full", Parent: n, ReportNode: n, Path: r.FullPath, Src: n.Src, Title: render.FullTitle}
	p.add(n.Full)
	p.Reports = append(p.Reports, r)
	if !hasIndicators(n.Reading, withIndicators) {
		r.DataPath = ""
		return
	}
	n.Data = &Node{Kind: "data", Parent: n, ReportNode: n, Path: r.DataPath, Src: n.Src, Title: render.DataTitle}
	p.add(n.Data)
}

// OutFile is the published file of n.
func (n *Node) OutFile() string {
	if n.out != "" {
		return n.out
	}
	if n.Kind == "404" {
		return "404.html"
	}
	if strings.HasSuffix(n.Path, ".html") {
		return n.Path
	}
	return n.Path + "index.html"
}

// maxOutline is the most entries an outline shows on every page; a longer
// report shows the subsections of the current part only.
const maxOutline = 60

// hasIndicators reports whether a page among nodes states indicators, by its
// front matter or, for pages loaded without it, by the set known.
func hasIndicators(nodes []*Node, known map[string]bool) bool {
	for _, n := range nodes {
		if n.Page != nil && (len(n.Page.Meta.Indicators) > 0 || known[n.Page.Path]) {
			return true
		}
	}
	return false
}

func weight(n *Node) int {
	if n.Page == nil {
		return 0
	}
	return n.Page.Meta.Weight
}

func outline(kids []*Node, depth int) []render.Link {
	if depth == 0 || len(kids) == 0 {
		return nil
	}
	out := make([]render.Link, 0, len(kids))
	for _, k := range kids {
		out = append(out, render.Link{Path: k.Path, Label: k.Label, Text: k.Title, Children: outline(k.Kids, depth-1)})
	}
	return out
}

func link(n *Node) *render.Link {
	if n == nil {
		return nil
	}
	return &render.Link{Path: n.Path, Label: n.Label, Text: n.Title}
}

// LabelChain is the labels of a page and its parents inside its report
// (一、（一）).
func LabelChain(n *Node) string {
	labels := n.Label
	for a := n.Parent; a != nil && a != n.ReportNode && a.Kind != "home"; a = a.Parent {
		labels = a.Label + labels
	}
	return labels
}
