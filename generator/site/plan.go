package site

import (
	"errors"
	"fmt"
	"hash/maphash"
	"html/template"
	"io/fs"
	"path"
	"sort"
	"strings"
	"sync"

	"reportsite/generator/content"
	"reportsite/generator/render"
	"reportsite/generator/search"
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

type siteplan struct {
	cfg     *Config
	site    *render.Site
	nodes   []*node
	reports []*render.Report
	// homeCards are the newest report's headline figures, for the site's
	// home; taken before any page is read again in a single build.
	homeCards []render.Card
	assets    map[string]string
	sigs      map[string]uint64 // output file → signature of its inputs
	seed      maphash.Seed      // the Builder's, for signatures of outputs

	fieldsHTML template.HTML // the 数据说明 section of data pages
	// stream, when set, is the content directory to read each page's text
	// from again while its group renders (pages were loaded without it).
	stream fs.FS
	// contentFS is the content directory, read for the line of a card that
	// the sanity checks hold back.
	contentFS fs.FS
	held      []string // warnings of cards held back, see holdBack

	mu       sync.Mutex
	refs     map[string]pageRefs    // output file → ids and links of its Markdown
	prevRefs [2]map[string]pageRefs // the same, from the previous two builds
	docs     map[string]searchDoc   // output file → its text for the search index
	// searchCache holds the search index's text parts between builds; nil
	// in a single build.
	searchCache *search.Cache
	// searchParts, in a single build, holds the search parts that
	// writeReportSearch published for each report node.
	searchParts map[*node]search.Parts
	prevDocs    [2]map[string]searchDoc // the same, from the previous build and the one before
}

// plan turns the content tree into output pages, with their URLs, outline and
// neighbours, before any Markdown is converted.
func plan(cfg *Config, tree *content.Section, withIndicators map[string]bool) (*siteplan, error) {
	p := &siteplan{cfg: cfg, site: &render.Site{
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
			PoliceCode:   digits.FindString(cfg.Identity.PoliceRecord),
		},
		Portal: sitePortal(&cfg.Identity),
	}}
	var errs []error
	owner := map[string]string{} // output path → source file
	claim := func(n *node) {
		if prev, dup := owner[n.path]; dup {
			errs = append(errs, content.Errorf(n.src, 0, "its output %s is also produced by %s: rename one of them", n.outFile(), prev))
			return
		}
		owner[n.path] = n.src
	}

	var walk func(s *content.Section, parent *node, rep *node) *node
	walk = func(s *content.Section, parent *node, rep *node) *node {
		n := &node{kind: "section", sec: s, page: s.Index, parent: parent, rnode: rep}
		if s.Dir == "." {
			n.kind, n.path, n.src = "home", "", "content/_index.md"
			n.title = cfg.Title
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
		claim(n)
		p.nodes = append(p.nodes, n)
		for _, pg := range s.Pages {
			c := &node{kind: "page", page: pg, parent: n, rnode: rep,
				path: strings.TrimSuffix(pg.Path, ".md") + ".html", src: "content/" + pg.Path,
				label: pg.Meta.Label, title: pg.Meta.Title}
			if strings.TrimSpace(c.title) == "" {
				c.title = path.Base(strings.TrimSuffix(pg.Path, ".md"))
			}
			claim(c)
			p.nodes = append(p.nodes, c)
			n.kids = append(n.kids, c)
		}
		for _, sub := range s.Sections {
			n.kids = append(n.kids, walk(sub, n, rep))
		}
		// Sections and pages are siblings; keep them in weight order together.
		sort.SliceStable(n.kids, func(i, j int) bool { return weight(n.kids[i]) < weight(n.kids[j]) })
		return n
	}
	walk(tree, nil, nil)

	for _, n := range p.nodes {
		if n.kind != "report" {
			continue
		}
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
		full := &node{kind: "full", parent: n, rnode: n, path: r.FullPath, src: n.src, title: "全文"}
		n.full = full
		claim(full)
		p.nodes = append(p.nodes, full)
		p.reports = append(p.reports, r)
		if !hasIndicators(n.reading, withIndicators) {
			r.DataPath = ""
			continue
		}
		data := &node{kind: "data", parent: n, rnode: n, path: r.DataPath, src: n.src, title: "主要指标与开放数据"}
		n.data = data
		claim(data)
		p.nodes = append(p.nodes, data)
	}
	for _, n := range portalNodes(cfg, p.nodes[0]) {
		claim(n)
		p.nodes = append(p.nodes, n)
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
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	return p, nil
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

// hasIndicators reports whether a page among nodes states indicators, by its
// front matter or, for pages loaded without it, by the set known.
// maxOutline is the most entries an outline shows on every page; a longer
// report shows the subsections of the current part only.
const maxOutline = 60

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

// sign computes the signature of every output page's inputs into p.sigs: the
// site-wide inputs (site), the front matter of every page that the page's
// outline, neighbours and lists show (its report, or all pages outside
// reports), and its own text. Two builds give a page the same signature only
// if they would render it to the same bytes.
func (p *siteplan) sign(b *Builder, site uint64) {
	own := make(map[*node]uint64, len(p.nodes))
	group := map[*node]uint64{} // report node (nil: outside reports) → signature
	groupHash := map[*node]*maphash.Hash{}
	for _, n := range p.nodes {
		h := b.newHash()
		h.WriteString(n.kind)
		h.WriteString(n.path)
		if n.page != nil {
			ps := b.pageSig(n.page)
			g := groupHash[n.rnode]
			if g == nil {
				g = b.newHash()
				groupHash[n.rnode] = g
			}
			g.WriteString(n.path)
			maphash.WriteComparable(g, ps.meta)
			maphash.WriteComparable(h, ps)
		}
		own[n] = h.Sum64()
	}
	for r, g := range groupHash {
		group[r] = g.Sum64()
	}
	p.sigs = make(map[string]uint64, len(p.nodes)+1)
	for _, n := range p.nodes {
		h := b.newHash()
		maphash.WriteComparable(h, site)
		if n.kind != "sitemap" && n.kind != "contact" { // they list no pages outside reports
			maphash.WriteComparable(h, group[n.rnode])
		}
		maphash.WriteComparable(h, own[n])
		if n.kind == "sitemap" { // lists every report and section
			for _, m := range p.nodes {
				if m.kind == "report" || m.kind == "section" {
					h.WriteString(m.path)
					if m.kind == "report" {
						h.WriteString(m.report.DataPath) // set by the indicators of its pages
					}
					h.WriteString(m.label) // what the 网站地图 shows of it
					h.WriteString(m.title)
				}
			}
		}
		for _, m := range []*node{n, n.rnode} { // the full text shows its report's
			if m != nil && m.portal != nil && (m == n || n.kind == "full") {
				for _, a := range m.portal.attach {
					h.WriteString(a.out)
				}
			}
		}
		if n.kind == "full" {
			for _, m := range n.rnode.reading {
				maphash.WriteComparable(h, own[m])
			}
		}
		if n.kind == "home" {
			p.signHome(h)
		}
		p.sigs[n.outFile()] = h.Sum64()
	}
	p.sigs["404.html"] = site
	for _, n := range p.nodes {
		if n.kind == "data" {
			p.sigs[n.rnode.path+"indicators.json"] = p.sigs[n.outFile()]
			p.sigs[n.rnode.path+"indicators.csv"] = p.sigs[n.outFile()]
		}
	}
}

// pageSig returns the hashes of a page's front matter and body, computed
// once per page value.
func (b *Builder) pageSig(pg *content.Page) pageSig {
	if ps, ok := b.cache.pageSigs[pg]; ok {
		return ps
	}
	h := b.newHash()
	h.WriteString(fmt.Sprintf("%#v", pg.Meta))
	ps := pageSig{meta: h.Sum64()}
	h.Reset()
	h.Write(pg.Body)
	ps.body = h.Sum64()
	b.cache.pageSigs[pg] = ps
	return ps
}

// signHome writes what the home shows of the reports into h: each report's
// title, paths and metadata, and the newest report's headline cards.
func (p *siteplan) signHome(h *maphash.Hash) {
	for _, r := range p.reports {
		for _, v := range []string{r.Title, r.Path, r.FullPath, r.DataPath, r.Meta.Kind, r.Meta.Issued, r.Meta.Publisher} {
			h.WriteString(v)
			h.WriteByte(0)
		}
		maphash.WriteComparable(h, r.Meta.Year)
	}
	for _, c := range p.homeCards {
		maphash.WriteComparable(h, c)
	}
}

// newestHeadlines returns the headline cards of the newest report, which
// the site's home shows. In a single build, whose pages were loaded without
// their indicators, it reads that report's pages again.
func (p *siteplan) newestHeadlines() ([]render.Card, error) {
	if len(p.reports) == 0 {
		return nil, nil
	}
	for _, m := range p.nodes {
		if m.kind != "report" || m.path != p.reports[0].Path {
			continue
		}
		if p.stream != nil {
			restore, err := p.readGroup(m.reading)
			defer restore()
			if err != nil {
				return nil, err
			}
		}
		cards := headlines(m)
		// The home has no outline to find a card's section in: the card
		// names it by its labels (一、（一）), as the report's home does.
		for i := range cards {
			path, _, _ := strings.Cut(cards[i].Path, "#")
			for _, k := range m.reading {
				if k.path == path {
					if l := labelChain(k); l != "" {
						cards[i].Page = l
					}
				}
			}
		}
		return cards, nil
	}
	return nil, nil
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
