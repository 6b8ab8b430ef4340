package site

import (
	"fmt"
	"hash/maphash"
	"html/template"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"
	"sync"

	"reportsite/generator/assets"
	"reportsite/generator/content"
	"reportsite/generator/publish"
	"reportsite/generator/render"
	"reportsite/generator/search"
	"reportsite/generator/site/plan"
)

// incremental is what a build knows of the builds before it and keeps for the
// ones after it, and how it reads the content accordingly. A Builder made by
// NewBuilder remembers (*memory): the previous build's pages and the
// signature of every output file's inputs, so that a rebuild renders only the
// files whose inputs changed. A single build (Build) uses single, which keeps
// nothing: it loads front matter only and reads a report's texts again
// while it renders that report.
type incremental interface {
	// caches is what a build can reuse of the previous one when its inputs
	// did not change.
	caches() *cache
	// loadOptions sets how content.Load reads the tree; changed is as for
	// Builder.Build.
	loadOptions(opt *content.LoadOptions, changed []string)
	// indicated is the set of pages (content paths) that state indicators
	// although they were loaded without them.
	indicated() map[string]bool
	// open reads again the texts of a group's pages, if they were loaded
	// without them, and returns the function that drops them afterwards.
	open(fsys fs.FS, g []*plan.Node) (func(), error)
	// sign returns the signature of every output file's inputs.
	sign(p *plan.Plan, src *sources, home []render.Card) map[string]uint64
	// keep publishes file without rendering it when an earlier build left
	// the bytes this one would write (its inputs had signature sig).
	keep(out *publish.Dir, file string, sig uint64) bool
	// keptRefs and keptDoc return the link refs and the search text of a
	// file kept from an earlier build.
	keptRefs(file string, sig uint64) pageRefs
	keptDoc(file string, sig uint64) (searchDoc, bool)
	// reportDone is called when the pages of report r rendered without error.
	reportDone(b *run, r *plan.Node) []error
	// writeSearch publishes the search index: other is the group of pages
	// outside reports, reports the report nodes, newest first.
	writeSearch(b *run, other search.Group, reports []*plan.Node, t *searchTexts) []error
	// commit remembers the build b, just published.
	commit(b *run, tree *content.Section, files []string)
	// abort forgets what a failed build left in the publisher's staging
	// directory.
	abort(out *publish.Dir)
}

var (
	_ incremental = (*memory)(nil)
	_ incremental = (*single)(nil)
)

// cache holds what a rebuild can reuse when its inputs did not change.
type cache struct {
	seed      maphash.Seed // for layoutSig
	tmpl      *render.Templates
	layoutSig uint64
	assets    []assets.File
	chroma    []byte
	fields    template.HTML // the converted 数据说明 of data pages
}

// single is the incremental state of a single build: it knows no earlier
// build and keeps nothing for a later one. It is used for one build.
type single struct {
	cache cache
	mu    sync.Mutex
	// withIndicators is the set of pages that state indicators, taken while
	// they load, for indicated.
	withIndicators map[string]bool
	// parts holds the search parts that reportDone published for each
	// report node.
	parts map[*plan.Node]search.Parts
}

func newSingle() *single { return &single{cache: cache{seed: maphash.MakeSeed()}} }

func (s *single) caches() *cache { return &s.cache }

func (s *single) loadOptions(opt *content.LoadOptions, _ []string) {
	s.withIndicators = map[string]bool{}
	s.parts = map[*plan.Node]search.Parts{}
	opt.Outline = true // texts are read again when rendered
	opt.Loaded = func(pg *content.Page) {
		if pg.Outline || len(pg.Meta.Indicators) > 0 {
			s.mu.Lock()
			s.withIndicators[pg.Path] = true
			s.mu.Unlock()
		}
		pg.Meta.Indicators = nil
	}
}

func (s *single) indicated() map[string]bool { return s.withIndicators }

func (s *single) open(fsys fs.FS, g []*plan.Node) (func(), error) { return readGroup(fsys, g) }

func (s *single) sign(*plan.Plan, *sources, []render.Card) map[string]uint64 {
	return map[string]uint64{} // no next build to compare with
}

func (s *single) keep(*publish.Dir, string, uint64) bool { return false }

func (s *single) keptRefs(string, uint64) pageRefs { return pageRefs{} }

func (s *single) keptDoc(string, uint64) (searchDoc, bool) { return searchDoc{}, false }

// reportDone publishes the search index's text parts of report r as soon as
// its pages are converted: the build then keeps the filters of the report's
// text rather than the text itself until writeSearch writes the index file.
func (s *single) reportDone(b *run, r *plan.Node) []error {
	b.mu.Lock()
	g := reportSearch(r, func(n *plan.Node) *search.Page {
		file := n.OutFile()
		d, ok := b.docs[file]
		delete(b.docs, file)
		if !ok {
			return search.NewPage(file, n.Label+n.Title)
		}
		return d.page
	})
	b.mu.Unlock()
	parts := search.BuildParts(g)
	errs := writeSearchFiles(b.out, parts.Files...)
	parts.Files = nil
	s.mu.Lock()
	s.parts[r] = parts
	s.mu.Unlock()
	return errs
}

// writeSearch publishes the parts of the pages outside reports and the
// index file, which names the reports' parts that reportDone published.
func (s *single) writeSearch(b *run, other search.Group, reports []*plan.Node, t *searchTexts) []error {
	errs := t.errs
	all := make([]search.Parts, 0, len(reports)+1)
	if len(other.Pages) > 0 {
		ps := search.BuildParts(other)
		all = append(all, ps)
		errs = append(errs, writeSearchFiles(b.out, ps.Files...)...)
	}
	for _, r := range reports {
		all = append(all, s.parts[r])
	}
	return append(errs, writeSearchFiles(b.out, search.BuildIndex(all))...)
}

func (s *single) commit(*run, *content.Section, []string) {}

func (s *single) abort(*publish.Dir) {}

// memory is the incremental state of a Builder that builds one site
// repeatedly: what the last successful build left, and what the build
// before it left in the publisher's staging directory.
type memory struct {
	source string // the site directory
	seed   maphash.Seed
	cache  cache
	search search.Cache // the search index's text parts
	// pageSigs holds the hashes of each page's front matter and body,
	// keyed by the page value, which content.Load reuses for unchanged files.
	pageSigs map[*content.Page]pageSig
	prev     *state // the last successful build; nil before the first
	// spare is the signatures of the files in the publisher's staging
	// directory (the build before prev), or nil when unknown.
	spare map[string]uint64
}

type pageSig struct{ meta, body uint64 }

// state is what a successful build leaves for the next one.
type state struct {
	pages map[string]*content.Page // by content path
	// fileList is the content files as content.List found them, and files
	// the same as a set.
	fileList []string
	files    map[string]bool
	sigs     map[string]uint64 // output file → signature of its inputs
	// refs maps each output file to the ids and links of its Markdown, from
	// this build and the one before (whose files the spare directory holds).
	refs [2]map[string]pageRefs
	// docs maps each output file to its text for the search index, from this
	// build and the one before (whose files the publisher's spare holds).
	docs [2]map[string]searchDoc
}

func newMemory(source string) *memory {
	seed := maphash.MakeSeed()
	return &memory{source: source, seed: seed, cache: cache{seed: seed}, pageSigs: map[*content.Page]pageSig{}}
}

func (m *memory) caches() *cache { return &m.cache }

func (m *memory) loadOptions(opt *content.LoadOptions, changed []string) {
	opt.Reuse = m.reuse(changed)
	opt.Files = m.sameFiles(changed)
}

func (m *memory) indicated() map[string]bool { return nil }

func (m *memory) open(fs.FS, []*plan.Node) (func(), error) { return func() {}, nil }

func (m *memory) keep(out *publish.Dir, file string, sig uint64) bool {
	if s, known := m.spare[file]; known && s == sig && out.Keep(file) == nil {
		return true
	}
	if m.prev == nil {
		return false
	}
	s, known := m.prev.sigs[file]
	return known && s == sig && out.CopyLive(file) == nil
}

// keptRefs returns the link refs of a page kept from an earlier build: from
// whichever of the last two builds produced the file as it is now.
func (m *memory) keptRefs(file string, sig uint64) pageRefs {
	if m.prev == nil {
		return pageRefs{}
	}
	for _, prev := range m.prev.refs {
		if r, ok := prev[file]; ok && r.sig == sig {
			return r
		}
	}
	return pageRefs{}
}

// keptDoc returns the search text of a page kept from the live site (the
// previous build) or from the publisher's spare directory (the build
// before): that build's, with the same signature.
func (m *memory) keptDoc(file string, sig uint64) (searchDoc, bool) {
	if m.prev == nil {
		return searchDoc{}, false
	}
	for _, prev := range m.prev.docs {
		if d, ok := prev[file]; ok && d.sig == sig {
			return d, true
		}
	}
	return searchDoc{}, false
}

func (m *memory) reportDone(*run, *plan.Node) []error { return nil }

// writeSearch publishes the files of the search index that changed: the
// cache keeps the text parts of the reports whose pages did not change.
func (m *memory) writeSearch(b *run, other search.Group, reports []*plan.Node, t *searchTexts) []error {
	var groups []search.Group
	if len(other.Pages) > 0 {
		groups = append(groups, other)
	}
	for _, r := range reports {
		groups = append(groups, reportSearch(r, t.page))
	}
	if len(t.errs) > 0 {
		return t.errs
	}
	var errs []error
	for _, f := range m.search.Build(groups) {
		// A text part's name is a hash of its content already; only the
		// index file needs hashing.
		sig := maphash.String(m.seed, f.Name)
		if f.Name == search.IndexFile {
			sig = maphash.Bytes(m.seed, f.Data)
		}
		b.sigs[f.Name] = sig
		if !m.keep(b.out, f.Name, sig) {
			errs = append(errs, writeSearchFiles(b.out, f)...)
		}
	}
	return errs
}

func (m *memory) commit(b *run, tree *content.Section, files []string) {
	next := &state{pages: map[string]*content.Page{}, sigs: b.sigs, refs: [2]map[string]pageRefs{b.refs, nil}, docs: [2]map[string]searchDoc{b.docs, nil}}
	if m.prev != nil {
		next.refs[1], next.docs[1] = m.prev.refs[0], m.prev.docs[0]
	}
	for _, a := range b.assetList {
		next.sigs[a.Out] = 0
	}
	walkPages(tree, func(pg *content.Page) { next.pages[pg.Path] = pg })
	next.files = make(map[string]bool, len(files))
	for _, f := range files {
		next.files[f] = true
	}
	next.fileList = files
	// Forget the hashes of pages that are gone or were read again.
	for pg := range m.pageSigs {
		if next.pages[pg.Path] != pg {
			delete(m.pageSigs, pg)
		}
	}
	if m.prev != nil {
		m.spare = m.prev.sigs
	}
	m.prev = next
}

func (m *memory) abort(out *publish.Dir) {
	if out.Files() > 0 {
		m.spare = nil // the staging directory holds a partial build now
	}
}

// reuse returns the Reuse function for content.Load: a page of the previous
// build is reused unless its file is in changed. With changed nil, nothing is
// reused.
func (m *memory) reuse(changed []string) func(string) *content.Page {
	if m.prev == nil || changed == nil {
		return nil
	}
	dirty := map[string]bool{}
	for _, c := range changed {
		rel, err := filepath.Rel("content", filepath.FromSlash(c))
		if err == nil {
			dirty[filepath.ToSlash(rel)] = true
		}
	}
	return func(p string) *content.Page {
		// A changed path may be a directory: everything under it changed.
		for d := p; d != "." && d != "/"; d = path.Dir(d) {
			if dirty[d] {
				return nil
			}
		}
		return m.prev.pages[p]
	}
}

// sameFiles returns the content files of the previous build when changed
// shows that none was added or removed: every changed path under content/ is
// a file the previous build listed, and still a regular file. Otherwise it
// returns nil, and the tree is listed again.
func (m *memory) sameFiles(changed []string) []string {
	if m.prev == nil || changed == nil {
		return nil
	}
	for _, c := range changed {
		if c == "content" {
			return nil // the directory itself
		}
		rel, ok := strings.CutPrefix(c, "content/")
		if !ok {
			continue
		}
		if !m.prev.files[rel] {
			return nil
		}
		st, err := os.Lstat(filepath.Join(m.source, filepath.FromSlash(c)))
		if err != nil || !st.Mode().IsRegular() {
			return nil
		}
	}
	return m.prev.fileList
}

func (m *memory) newHash() *maphash.Hash {
	var h maphash.Hash
	h.SetSeed(m.seed)
	return &h
}

// sign computes the signature of every output page's inputs: the site-wide
// inputs (siteSig), the front matter of every page that the page's outline,
// neighbours and lists show (its report, or all pages outside reports), and
// its own text. Two builds give a page the same signature only if they would
// render it to the same bytes.
func (m *memory) sign(p *plan.Plan, src *sources, home []render.Card) map[string]uint64 {
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
	site := m.siteSig(p, src)
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
func (m *memory) siteSig(p *plan.Plan, src *sources) uint64 {
	h := m.newHash()
	maphash.WriteComparable(h, src.layoutSig)
	h.WriteString(fmt.Sprintf("%#v", *p.Cfg))
	for _, a := range src.assets {
		h.WriteString(a.Out)
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
func (m *memory) pageSig(pg *content.Page) pageSig {
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
