package site

import (
	"hash/maphash"
	"html/template"
	"io/fs"
	"sync"

	"reportsite/generator/assets"
	"reportsite/generator/content"
	"reportsite/generator/publish"
	"reportsite/generator/render"
	"reportsite/generator/search"
	"reportsite/generator/site/plan"
	"reportsite/generator/site/rebuild"
)

// incremental is what a build knows of the builds before it and keeps for the
// ones after it, and how it reads the content accordingly. A Builder made by
// NewBuilder remembers (*memory, over package rebuild): the previous build's
// pages and the signature of every output file's inputs, so that a rebuild
// renders only the files whose inputs changed. A single build (Build) uses single, which keeps
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
	keptRefs(file string, sig uint64) rebuild.Refs
	keptDoc(file string, sig uint64) (rebuild.Doc, bool)
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

func (s *single) keptRefs(string, uint64) rebuild.Refs { return rebuild.Refs{} }

func (s *single) keptDoc(string, uint64) (rebuild.Doc, bool) { return rebuild.Doc{}, false }

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
		return d.Page
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
// repeatedly: the caches, and rebuild.Memory, what the last successful
// build left and what the build before it left in the publisher's staging
// directory.
type memory struct {
	mem   *rebuild.Memory
	cache cache
}

func newMemory(source string) *memory {
	m := rebuild.New(source)
	return &memory{mem: m, cache: cache{seed: m.Seed()}}
}

func (m *memory) caches() *cache { return &m.cache }

func (m *memory) loadOptions(opt *content.LoadOptions, changed []string) {
	m.mem.LoadOptions(opt, changed)
}

func (m *memory) indicated() map[string]bool { return nil }

func (m *memory) open(fs.FS, []*plan.Node) (func(), error) { return func() {}, nil }

func (m *memory) sign(p *plan.Plan, src *sources, home []render.Card) map[string]uint64 {
	names := make([]string, len(src.assets))
	for i, a := range src.assets {
		names[i] = a.Out
	}
	return m.mem.Sign(p, src.layoutSig, names, home)
}

func (m *memory) keep(out *publish.Dir, file string, sig uint64) bool {
	return m.mem.Keep(out, file, sig)
}

func (m *memory) keptRefs(file string, sig uint64) rebuild.Refs { return m.mem.KeptRefs(file, sig) }

func (m *memory) keptDoc(file string, sig uint64) (rebuild.Doc, bool) {
	return m.mem.KeptDoc(file, sig)
}

func (m *memory) reportDone(*run, *plan.Node) []error { return nil }

// writeSearch publishes the files of the search index that changed.
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
	return writeSearchFiles(b.out, m.mem.Search(b.out, groups, b.sigs)...)
}

func (m *memory) commit(b *run, tree *content.Section, files []string) {
	unsigned := make([]string, len(b.assetList))
	for i, a := range b.assetList {
		unsigned[i] = a.Out
	}
	m.mem.Commit(rebuild.Build{Tree: tree, Files: files, Sigs: b.sigs, Unsigned: unsigned, Refs: b.refs, Docs: b.docs})
}

func (m *memory) abort(out *publish.Dir) { m.mem.Abort(out) }
