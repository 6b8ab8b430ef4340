package site

import (
	"context"
	"errors"
	"fmt"
	"hash/maphash"
	"html/template"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"sync"

	"reportsite/generator/content"
	"reportsite/generator/markdown"
	"reportsite/generator/publish"
	"reportsite/generator/render"
	"reportsite/generator/search"
	"reportsite/generator/theme"
)

// Options says what to build. Source is required; the zero value of every
// other field is a sensible default.
type Options struct {
	// Source is the site directory holding config.toml, content/, layouts/
	// and assets/.
	Source string
	// Dest is the output directory; Source/public when empty.
	Dest string
	// Drafts includes pages with draft = true.
	Drafts bool
}

// Result describes a finished build.
type Result struct {
	Pages    int      // HTML pages in the site
	Rendered int      // HTML pages rendered by this build; the rest were kept
	Files    int      // all files published, pages included
	Warnings []string // problems that did not stop the build
	// Sources maps each HTML page a successful build published (a slash
	// path under the destination) to the content file it was made from
	// (content/…), for messages about the output, as package check gives.
	Sources map[string]string
}

// Build builds the site described by opt once. On any error nothing is
// published: the previous destination stays as it was. The error joins every
// problem found, each naming its file (and line where known).
//
// A single build streams: it keeps only the front matter that outlines and
// lists need, and reads a report's texts again while it renders that report,
// so memory holds one report per core rather than the whole site.
func Build(ctx context.Context, opt Options) (Result, error) {
	b := NewBuilder(opt)
	b.oneShot = true
	return b.Build(ctx, nil)
}

// MemoryLimit is the soft memory limit (for debug.SetMemoryLimit) that suits
// a single build of a site of n content files: what the build keeps of every
// page (its outline entry, link targets and search filters, 2 to 4 KB), with
// room for the pages in flight. generator build sets it, with GOGC 400; a
// 10,000-page build then peaks at about 82 MB of RSS.
func MemoryLimit(n int) int64 { return 32<<20 + int64(n)*4<<10 }

// Builder builds one site repeatedly, as the dev server does after each
// change: it remembers the previous build's pages and the signature of every
// output file's inputs, and renders again only the files whose inputs
// changed. It is not safe for concurrent use: one build at a time.
type Builder struct {
	opt  Options
	seed maphash.Seed
	// oneShot marks a Builder that builds once: it keeps no state for a
	// next build and streams page texts (see Build).
	oneShot bool
	prev    *state // the last successful build; nil before the first
	// spare is the signatures of the files in the publisher's staging
	// directory (the build before prev), or nil when unknown.
	spare map[string]uint64
	cache cache
}

// cache holds what a rebuild can reuse when its inputs did not change.
type cache struct {
	tmpl      *render.Templates
	layoutSig uint64
	assets    []asset
	chroma    []byte
	fields    template.HTML // the converted 数据说明 of data pages
	search    search.Cache  // the search index's text parts
	// pageSigs holds the hashes of each page's front matter and body,
	// keyed by the page value, which content.Load reuses for unchanged files.
	pageSigs map[*content.Page]pageSig
}

type pageSig struct{ meta, body uint64 }

// touched reports whether a rebuild must reread the files under dir: when
// the changed paths are unknown or one of them lies under dir.
func touched(changed []string, dir string) bool {
	if changed == nil {
		return true
	}
	for _, c := range changed {
		// A path may also name the directory itself, removed or renamed.
		if strings.HasPrefix(c, dir) || c == strings.TrimSuffix(dir, "/") {
			return true
		}
	}
	return false
}

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

// NewBuilder returns a Builder for the site described by opt.
func NewBuilder(opt Options) *Builder {
	if opt.Dest == "" {
		opt.Dest = filepath.Join(opt.Source, "public")
	}
	return &Builder{opt: opt, seed: maphash.MakeSeed(), cache: cache{pageSigs: map[*content.Page]pageSig{}}}
}

// Build builds the site and publishes it atomically. changed lists the
// slash-separated paths, relative to the source directory, that changed since
// the previous Build; nil means unknown, and every file is read again. The
// output is always byte-identical to a full build of the current tree.
func (b *Builder) Build(ctx context.Context, changed []string) (Result, error) {
	var res Result
	opt := b.opt
	// The publisher lists its staging directory while the build runs:
	// start it first.
	out, err := publish.New(opt.Dest)
	if err != nil {
		return res, err
	}
	ok := false
	defer func() {
		if !ok {
			out.Abort()
			if out.Files() > 0 {
				b.spare = nil // the staging directory holds a partial build now
			}
		}
	}()
	src := os.DirFS(opt.Source)
	cfg, warns, err := LoadConfig(src)
	if err != nil {
		return res, err
	}
	res.Warnings = warns

	var errs []error
	lopt := content.LoadOptions{Drafts: opt.Drafts, Reuse: b.reuse(changed)}
	withIndicators := map[string]bool{}
	var mu sync.Mutex
	if b.oneShot {
		lopt.Outline = true // texts are read again when rendered
		lopt.Loaded = func(pg *content.Page) {
			if pg.Outline || len(pg.Meta.Indicators) > 0 {
				mu.Lock()
				withIndicators[pg.Path] = true
				mu.Unlock()
			}
			pg.Meta.Indicators = nil
		}
	}
	lopt.Files = b.sameFiles(changed)
	tree, files, err := loadContent(filepath.Join(opt.Source, "content"), lopt)
	if err != nil {
		errs = append(errs, err)
	}
	// Layouts and assets are parsed and minified again only when a file
	// under layouts/ or assets/ changed.
	c := &b.cache
	if c.tmpl == nil || touched(changed, "layouts/") {
		c.tmpl = nil
		layouts := readDirFS(filepath.Join(opt.Source, "layouts"))
		tmpl, err := render.Parse(
			render.Layer{FS: layouts, Dir: "layouts"},
			render.Layer{FS: theme.Layouts(), Dir: "(built-in theme)/layouts", Theme: true},
		)
		if err != nil {
			errs = append(errs, err)
		} else {
			h := b.newHash()
			hashFS(h, layouts)
			c.tmpl, c.layoutSig = tmpl, h.Sum64()
		}
	}
	if c.assets == nil || touched(changed, "assets/") {
		c.assets = nil
		if c.chroma == nil {
			c.chroma = markdown.ChromaCSS()
		}
		assets, err := loadAssets(readDirFS(filepath.Join(opt.Source, "assets")), theme.Assets(), c.chroma)
		if err != nil {
			errs = append(errs, err)
		} else {
			c.assets = assets
		}
	}
	tmpl, assets := c.tmpl, c.assets
	if len(errs) > 0 {
		return res, errors.Join(errs...)
	}

	p, err := plan(cfg, tree, withIndicators)
	if err != nil {
		return res, err
	}
	p.contentFS = os.DirFS(filepath.Join(opt.Source, "content"))
	if b.oneShot {
		p.stream = p.contentFS
	}
	if p.homeCards, err = p.newestHeadlines(); err != nil {
		return res, err
	}
	p.assets = make(map[string]string, len(assets))
	for _, a := range assets {
		p.assets[a.src] = a.out
	}
	if err := checkBadge(src, cfg, p.assets); err != nil {
		return res, err
	}
	contentFS := os.DirFS(filepath.Join(opt.Source, "content"))
	if errs := p.readAttachments(contentFS); len(errs) > 0 {
		return res, errors.Join(errs...)
	}
	// Every page shows the configuration, the layouts and the asset names;
	// a change to any of them changes every page.
	h := b.newHash()
	maphash.WriteComparable(h, c.layoutSig)
	h.WriteString(fmt.Sprintf("%#v", *cfg))
	for _, a := range assets {
		h.WriteString(a.out)
	}
	for _, n := range p.nodes { // the home page lists the reports
		if n.kind == "report" {
			h.WriteString(n.title)
			h.WriteString(n.path)
			maphash.WriteComparable(h, b.pageSig(n.page).meta)
		}
	}
	if b.oneShot {
		p.sigs = map[string]uint64{} // no next build to compare with
	} else {
		p.sign(b, h.Sum64())
	}
	if c.fields == "" {
		r, err := markdown.New().Convert([]byte(fieldsDoc), markdown.Options{IDPrefix: "data-"})
		if err != nil {
			return res, err
		}
		c.fields = r.HTML
	}
	p.fieldsHTML = c.fields
	if b.oneShot {
		p.searchParts = map[*node]search.Parts{}
	} else {
		p.searchCache = &c.search
	}
	p.refs = make(map[string]pageRefs, len(p.nodes))
	p.docs = make(map[string]searchDoc, len(p.nodes))
	p.seed = b.seed
	if b.prev != nil {
		p.prevRefs = b.prev.refs
		p.prevDocs = b.prev.docs
	}

	// keep publishes a file without rendering it when the staging directory
	// or the live site already holds the bytes this build would write.
	keep := func(file string, sig uint64) bool {
		if s, known := b.spare[file]; known && s == sig && out.Keep(file) == nil {
			return true
		}
		if b.prev == nil {
			return false
		}
		s, known := b.prev.sigs[file]
		return known && s == sig && out.CopyLive(file) == nil
	}
	for _, a := range assets {
		if keep(a.out, 0) {
			continue
		}
		if err := out.WriteFile(a.out, a.data); err != nil {
			return res, err
		}
	}
	if err := p.writeAttachments(contentFS, out, keep); err != nil {
		return res, err
	}
	rendered, err := p.renderAll(ctx, markdown.New(), tmpl, out, keep)
	slices.Sort(p.held)
	res.Warnings = append(res.Warnings, p.held...)
	if err != nil {
		return res, err
	}
	// The sitemap lists every page: a rebuild after an edit that adds,
	// removes or renames none keeps it.
	h.Reset()
	h.WriteString(cfg.BaseURL)
	robotsSig := h.Sum64()
	for _, n := range p.nodes {
		h.WriteString(n.path)
		h.WriteByte(0)
	}
	for _, f := range []struct {
		name string
		sig  uint64
		data func() []byte
	}{
		{"sitemap.xml", h.Sum64(), p.sitemap},
		{"robots.txt", robotsSig, p.robots},
	} {
		if !b.oneShot {
			p.sigs[f.name] = f.sig
		}
		if keep(f.name, f.sig) {
			continue
		}
		if err := out.WriteFile(f.name, f.data()); err != nil {
			return res, err
		}
	}
	if err := ctx.Err(); err != nil {
		return res, err
	}
	res.Pages = len(p.nodes) + 1 // and 404.html
	res.Rendered = rendered
	res.Files = out.Files()
	if err := out.Commit(); err != nil {
		return res, err
	}
	ok = true
	res.Sources = make(map[string]string, len(p.nodes))
	for _, n := range p.nodes {
		res.Sources[n.outFile()] = n.src
	}
	if b.oneShot {
		return res, nil
	}

	next := &state{pages: map[string]*content.Page{}, sigs: p.sigs, refs: [2]map[string]pageRefs{p.refs, p.prevRefs[0]}, docs: [2]map[string]searchDoc{p.docs, p.prevDocs[0]}}
	for _, a := range assets {
		next.sigs[a.out] = 0
	}
	walkPages(tree, func(pg *content.Page) { next.pages[pg.Path] = pg })
	next.files = make(map[string]bool, len(files))
	for _, f := range files {
		next.files[f] = true
	}
	next.fileList = files
	// Forget the hashes of pages that are gone or were read again.
	for pg := range b.cache.pageSigs {
		if next.pages[pg.Path] != pg {
			delete(b.cache.pageSigs, pg)
		}
	}
	if b.prev != nil {
		b.spare = b.prev.sigs
	}
	b.prev = next
	return res, nil
}

// reuse returns the Reuse function for content.Load: a page of the previous
// build is reused unless its file is in changed. With changed nil, nothing is
// reused.
func (b *Builder) reuse(changed []string) func(string) *content.Page {
	if b.prev == nil || changed == nil {
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
		return b.prev.pages[p]
	}
}

// sameFiles returns the content files of the previous build when changed
// shows that none was added or removed: every changed path under content/ is
// a file the previous build listed, and still a regular file. Otherwise it
// returns nil, and the tree is listed again.
func (b *Builder) sameFiles(changed []string) []string {
	if b.prev == nil || changed == nil {
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
		if !b.prev.files[rel] {
			return nil
		}
		st, err := os.Lstat(filepath.Join(b.opt.Source, filepath.FromSlash(c)))
		if err != nil || !st.Mode().IsRegular() {
			return nil
		}
	}
	return b.prev.fileList
}

func (b *Builder) newHash() *maphash.Hash {
	var h maphash.Hash
	h.SetSeed(b.seed)
	return &h
}

// hashFS feeds every file name and content of fsys to h, in a fixed order.
func hashFS(h *maphash.Hash, fsys fs.FS) {
	if fsys == nil {
		return
	}
	var names []string
	fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			names = append(names, p)
		}
		return nil
	})
	sort.Strings(names)
	for _, n := range names {
		data, _ := fs.ReadFile(fsys, n)
		h.WriteString(n)
		h.Write(data)
	}
}

func walkPages(s *content.Section, f func(*content.Page)) {
	if s == nil {
		return
	}
	if s.Index != nil {
		f(s.Index)
	}
	for _, p := range s.Pages {
		f(p)
	}
	for _, c := range s.Sections {
		walkPages(c, f)
	}
}

// loadContent loads the content tree under dir. It lists the files unless
// opt.Files does, and returns the list with the tree.
func loadContent(dir string, opt content.LoadOptions) (*content.Section, []string, error) {
	fsys := readDirFS(dir)
	if fsys == nil {
		return nil, nil, fmt.Errorf("content/: missing: create content/ with Markdown files, or run \"generator import REPORT.txt\"")
	}
	var errs []error
	if opt.Files == nil {
		files, err := content.List(fsys)
		if err != nil {
			errs = append(errs, err)
		}
		opt.Files = files
	}
	tree, err := content.Load(fsys, opt)
	if err != nil {
		errs = append(errs, err)
	}
	if len(errs) > 0 {
		return nil, nil, prefixPaths(errors.Join(errs...), "content/")
	}
	if tree.Index == nil && len(tree.Pages) == 0 && len(tree.Sections) == 0 {
		return nil, nil, fmt.Errorf("content/: no content files: add Markdown files with front matter, or run \"generator import REPORT.txt\"")
	}
	return tree, opt.Files, nil
}

// prefixPaths rewrites the content-relative paths of content errors so that
// messages name files relative to the site directory.
func prefixPaths(err error, prefix string) error {
	var out []error
	for _, e := range content.Errors(err) {
		var ce *content.Error
		if errors.As(e, &ce) {
			c := *ce
			c.Path = prefix + c.Path
			out = append(out, &c)
			continue
		}
		out = append(out, e)
	}
	return errors.Join(out...)
}
