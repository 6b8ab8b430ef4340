package rebuild

import (
	"fmt"
	"hash/maphash"

	"reportsite/generator/content"
	"reportsite/generator/render"
	"reportsite/generator/site/plan"
)

func (m *Memory) newHash() *maphash.Hash {
	var h maphash.Hash
	h.SetSeed(m.seed)
	return &h
}

// Sign computes the signature of every output file's inputs: the site-wide
// inputs (siteSig: the configuration, layoutSig of the layouts, the assets'
// published names), the front matter of every page that the page's outline,
// neighbours and lists show (its report, or all pages outside reports), and
// its own text. Two builds give a page the same signature only if they would
// render it to the same bytes.
// home is the newest report's headline cards, which the home shows.
func (m *Memory) Sign(p *plan.Plan, layoutSig uint64, assets []string, home []render.Card) map[string]uint64 {
	own := make(map[*plan.Node]uint64, len(p.Nodes))
	groupHash := map[*plan.Node]*maphash.Hash{} // report node (nil: outside reports) → signature
	for _, n := range p.Nodes {
		h := m.newHash()
		h.WriteString(n.Kind)
		h.WriteString(n.Path)
		if n.Page != nil {
			ps := m.pageSig(n.Page)
			g := groupHash[n.ReportNode]
			if g == nil {
				g = m.newHash()
				groupHash[n.ReportNode] = g
			}
			g.WriteString(n.Path)
			maphash.WriteComparable(g, ps.meta)
			maphash.WriteComparable(h, ps)
		}
		own[n] = h.Sum64()
	}
	group := make(map[*plan.Node]uint64, len(groupHash))
	for r, g := range groupHash {
		group[r] = g.Sum64()
	}
	site := m.siteSig(p, layoutSig, assets)
	sigs := make(map[string]uint64, len(p.Nodes)+1)
	for _, n := range p.Nodes {
		h := m.newHash()
		maphash.WriteComparable(h, site)
		if n.Kind != "sitemap" && n.Kind != "contact" { // they list no pages outside reports
			maphash.WriteComparable(h, group[n.ReportNode])
		}
		maphash.WriteComparable(h, own[n])
		signShown(h, p, n, own)
		if n.Kind == "home" {
			signHome(h, p.Reports, home)
		}
		sigs[n.OutFile()] = h.Sum64()
	}
	sigs["404.html"] = site
	// The sitemap lists every page: a rebuild after an edit that adds,
	// removes or renames none keeps it.
	h := m.newHash()
	h.WriteString(p.Cfg.BaseURL)
	sigs["robots.txt"] = h.Sum64()
	for _, n := range p.Nodes {
		h.WriteString(n.Path)
		h.WriteByte(0)
	}
	sigs["sitemap.xml"] = h.Sum64()
	for _, n := range p.Nodes {
		if n.Kind == "data" {
			sigs[n.ReportNode.Path+"indicators.json"] = sigs[n.OutFile()]
			sigs[n.ReportNode.Path+"indicators.csv"] = sigs[n.OutFile()]
		}
	}
	return sigs
}

// siteSig is the signature of what every page shows: the configuration, the
// layouts and the asset names; a change to any of them changes every page.
func (m *Memory) siteSig(p *plan.Plan, layoutSig uint64, assets []string) uint64 {
	h := m.newHash()
	maphash.WriteComparable(h, layoutSig)
	h.WriteString(fmt.Sprintf("%#v", *p.Cfg))
	for _, a := range assets {
		h.WriteString(a)
	}
	for _, n := range p.Nodes { // the home page lists the reports
		if n.Kind == "report" {
			h.WriteString(n.Title)
			h.WriteString(n.Path)
			maphash.WriteComparable(h, m.pageSig(n.Page).meta)
		}
	}
	return h.Sum64()
}

// signShown writes into h what page n shows of other pages besides its
// group's front matter: the sitemap's reports and sections, the
// attachments, and the full text's pages (own is each page's signature).
func signShown(h *maphash.Hash, p *plan.Plan, n *plan.Node, own map[*plan.Node]uint64) {
	if n.Kind == "sitemap" { // lists every report and section
		for _, m := range p.Nodes {
			if m.Kind == "report" || m.Kind == "section" {
				h.WriteString(m.Path)
				if m.Kind == "report" {
					h.WriteString(m.Report.DataPath) // set by the indicators of its pages
				}
				h.WriteString(m.Label) // what the 网站地图 shows of it
				h.WriteString(m.Title)
			}
		}
	}
	for _, m := range []*plan.Node{n, n.ReportNode} { // the full text shows its report's
		if m != nil && m.Portal != nil && (m == n || n.Kind == "full") {
			for _, a := range m.Portal.Attach {
				h.WriteString(a.Out)
			}
		}
	}
	if n.Kind == "full" {
		for _, m := range n.ReportNode.Reading {
			maphash.WriteComparable(h, own[m])
		}
	}
}

// pageSig returns the hashes of a page's front matter and body, computed
// once per page value.
func (m *Memory) pageSig(pg *content.Page) pageSig {
	if ps, ok := m.pageSigs[pg]; ok {
		return ps
	}
	h := m.newHash()
	h.WriteString(fmt.Sprintf("%#v", pg.Meta))
	ps := pageSig{meta: h.Sum64()}
	h.Reset()
	h.Write(pg.Body)
	ps.body = h.Sum64()
	m.pageSigs[pg] = ps
	return ps
}

// signHome writes what the home shows of the reports into h: each report's
// title, paths and metadata, and the newest report's headline cards.
func signHome(h *maphash.Hash, reports []*render.Report, home []render.Card) {
	for _, r := range reports {
		for _, v := range []string{r.Title, r.Path, r.FullPath, r.DataPath, r.Meta.Kind, r.Meta.Issued, r.Meta.Publisher} {
			h.WriteString(v)
			h.WriteByte(0)
		}
		maphash.WriteComparable(h, r.Meta.Year)
	}
	for _, c := range home {
		maphash.WriteComparable(h, c)
	}
}
