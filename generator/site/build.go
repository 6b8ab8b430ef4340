package site

import (
	"context"
	"errors"
	"fmt"
	"hash/maphash"
	"html/template"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"sync"

	"reportsite/generator/assets"
	"reportsite/generator/config"
	"reportsite/generator/content"
	"reportsite/generator/markdown"
	"reportsite/generator/publish"
	"reportsite/generator/render"
	"reportsite/generator/site/plan"
	"reportsite/generator/site/rebuild"
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
	b.inc = newSingle()
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
	opt Options
	inc incremental // what the builds before left; see memory and single
}

// NewBuilder returns a Builder for the site described by opt.
func NewBuilder(opt Options) *Builder {
	if opt.Dest == "" {
		opt.Dest = filepath.Join(opt.Source, "public")
	}
	return &Builder{opt: opt, inc: newMemory(opt.Source)}
}

// sources is what a build reads of the site directory before it plans.
type sources struct {
	cfg       *config.Config
	warns     []string
	tree      *content.Section
	files     []string // the content files as content.List found them
	tmpl      *render.Templates
	layoutSig uint64 // the signature of the site's layouts
	assets    []assets.File
}

// run is one build in progress: the plan, where it publishes, and what it
// gathers while it renders.
type run struct {
	*plan.Plan
	inc       incremental
	out       *publish.Dir
	md        *markdown.Converter
	tmpl      *render.Templates
	assetList []assets.File
	assets    map[string]string // an asset's source name → its published path
	fields    template.HTML     // the 数据说明 section of data pages
	// contentFS is the content directory: read again for the texts of a
	// single build (incremental.open) and for the line of a card that the
	// sanity checks hold back.
	contentFS fs.FS
	// homeCards are the newest report's headline figures, for the site's
	// home; taken before any page is read again in a single build.
	homeCards []render.Card
	sigs      map[string]uint64 // output file → signature of its inputs

	mu   sync.Mutex
	held []string                // warnings of cards held back, see holdBack
	refs map[string]rebuild.Refs // output file → ids and links of its Markdown
	docs map[string]rebuild.Doc  // output file → its text for the search index
}

// Build builds the site and publishes it atomically. changed lists the
// slash-separated paths, relative to the source directory, that changed since
// the previous Build; nil means unknown, and every file is read again. The
// output is always byte-identical to a full build of the current tree.
func (b *Builder) Build(ctx context.Context, changed []string) (Result, error) {
	var res Result
	// The publisher lists its staging directory while the build runs:
	// start it first.
	out, err := publish.New(b.opt.Dest)
	if err != nil {
		return res, err
	}
	ok := false
	defer func() {
		if !ok {
			out.Abort()
			b.inc.abort(out)
		}
	}()
	src, err := b.read(changed)
	if src != nil {
		res.Warnings = src.warns
	}
	if err != nil {
		return res, err
	}
	r, err := b.prepare(src, out)
	if err != nil {
		return res, err
	}
	rendered, err := r.publishAll(ctx)
	res.Warnings = append(res.Warnings, r.held...)
	if err != nil {
		return res, err
	}
	res.Pages = len(r.Nodes) + 1 // and 404.html
	res.Rendered = rendered
	res.Files = out.Files()
	if err := out.Commit(); err != nil {
		return res, err
	}
	ok = true
	res.Sources = make(map[string]string, len(r.Nodes))
	for _, n := range r.Nodes {
		res.Sources[n.OutFile()] = n.Src
	}
	b.inc.commit(r, src.tree, src.files)
	return res, nil
}

// read reads the configuration, the content tree, the layouts and the
// assets. With an error it returns what it read (the config's warnings)
// when it got that far.
func (b *Builder) read(changed []string) (*sources, error) {
	cfg, warns, err := config.Load(os.DirFS(b.opt.Source))
	if err != nil {
		return nil, err
	}
	src := &sources{cfg: cfg, warns: warns}
	var errs []error
	lopt := content.LoadOptions{Drafts: b.opt.Drafts}
	b.inc.loadOptions(&lopt, changed)
	src.tree, src.files, err = loadContent(filepath.Join(b.opt.Source, "content"), lopt)
	if err != nil {
		errs = append(errs, err)
	}
	c := b.inc.caches()
	errs = append(errs, c.load(b.opt.Source, changed)...)
	src.tmpl, src.layoutSig, src.assets = c.tmpl, c.layoutSig, c.assets
	return src, errors.Join(errs...)
}

// prepare plans the site and reads what its pages show besides their own
// text: the home's headline figures and the attachments. It signs every
// output file's inputs.
func (b *Builder) prepare(src *sources, out *publish.Dir) (*run, error) {
	p, err := plan.New(src.cfg, src.tree, b.inc.indicated())
	if err != nil {
		return nil, err
	}
	r := &run{Plan: p, inc: b.inc, out: out, md: markdown.New(), tmpl: src.tmpl, assetList: src.assets,
		contentFS: os.DirFS(filepath.Join(b.opt.Source, "content"))}
	if r.homeCards, err = r.newestHeadlines(); err != nil {
		return nil, err
	}
	r.assets = make(map[string]string, len(src.assets))
	for _, a := range src.assets {
		r.assets[a.Src] = a.Out
	}
	if err := src.cfg.CheckBadge(os.DirFS(b.opt.Source), r.assets); err != nil {
		return nil, err
	}
	if errs := p.ReadAttachments(r.contentFS); len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	r.sigs = b.inc.sign(p, src, r.homeCards)
	if r.fields, err = b.inc.caches().dataFields(); err != nil {
		return nil, err
	}
	r.refs = make(map[string]rebuild.Refs, len(p.Nodes))
	r.docs = make(map[string]rebuild.Doc, len(p.Nodes))
	return r, nil
}

// publishAll publishes the assets, the attachments, every page, the search
// index, the sitemap and robots.txt, each unless an earlier build left it
// as this one would write it. It returns how many pages it rendered.
func (p *run) publishAll(ctx context.Context) (int, error) {
	for _, a := range p.assetList {
		if p.keep(a.Out, 0) {
			continue
		}
		if err := p.out.WriteFile(a.Out, a.Data); err != nil {
			return 0, err
		}
	}
	if err := p.writeAttachments(); err != nil {
		return 0, err
	}
	rendered, err := p.renderAll(ctx)
	slices.Sort(p.held)
	if err != nil {
		return rendered, err
	}
	for _, f := range []struct {
		name string
		data func() []byte
	}{
		{"sitemap.xml", p.SitemapXML},
		{"robots.txt", p.RobotsTxt},
	} {
		if p.keep(f.name, p.sigs[f.name]) {
			continue
		}
		if err := p.out.WriteFile(f.name, f.data()); err != nil {
			return rendered, err
		}
	}
	return rendered, ctx.Err()
}

// keep publishes file without rendering it when an earlier build left the
// bytes this one would write.
func (p *run) keep(file string, sig uint64) bool { return p.inc.keep(p.out, file, sig) }

// load parses the layouts and minifies the assets, again only when a file
// under layouts/ or assets/ changed since they were cached.
func (c *cache) load(source string, changed []string) []error {
	var errs []error
	if c.tmpl == nil || touched(changed, "layouts/") {
		c.tmpl = nil
		layouts := readDirFS(filepath.Join(source, "layouts"))
		tmpl, err := render.Parse(
			render.Layer{FS: layouts, Dir: "layouts"},
			render.Layer{FS: theme.Layouts(), Dir: "(built-in theme)/layouts", Theme: true},
		)
		if err != nil {
			errs = append(errs, err)
		} else {
			var h maphash.Hash
			h.SetSeed(c.seed)
			hashFS(&h, layouts)
			c.tmpl, c.layoutSig = tmpl, h.Sum64()
		}
	}
	if c.assets == nil || touched(changed, "assets/") {
		c.assets = nil
		if c.chroma == nil {
			c.chroma = markdown.ChromaCSS()
		}
		files, err := assets.Load(readDirFS(filepath.Join(source, "assets")), theme.Assets(), c.chroma)
		if err != nil {
			errs = append(errs, err)
		} else {
			c.assets = files
		}
	}
	return errs
}

// dataFields is the 数据说明 of data pages, render.DataFields converted.
func (c *cache) dataFields() (template.HTML, error) {
	if c.fields == "" {
		r, err := markdown.New().Convert([]byte(render.DataFields), markdown.Options{IDPrefix: "data-"})
		if err != nil {
			return "", err
		}
		c.fields = r.HTML
	}
	return c.fields, nil
}

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

// readDirFS returns os.DirFS(dir) when dir exists, or nil.
func readDirFS(dir string) fs.FS {
	if st, err := os.Stat(dir); err != nil || !st.IsDir() {
		return nil
	}
	return os.DirFS(dir)
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
