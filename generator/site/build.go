package site

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"html/template"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"

	"reportsite/generator/content"
	"reportsite/generator/markdown"
	"reportsite/generator/publish"
	"reportsite/generator/render"
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
	Pages    int      // HTML pages written
	Files    int      // all files written, pages included
	Warnings []string // problems that did not stop the build
}

// Build builds the site described by opt once. On any error nothing is
// published: the previous destination stays as it was. The error joins every
// problem found, each naming its file (and line where known).
func Build(ctx context.Context, opt Options) (Result, error) {
	return NewBuilder(opt).Build(ctx, nil)
}

// Builder builds one site repeatedly, as the dev server does after each
// change. It is not safe for concurrent use: one build at a time.
type Builder struct {
	opt Options
}

// NewBuilder returns a Builder for the site described by opt.
func NewBuilder(opt Options) *Builder {
	if opt.Dest == "" {
		opt.Dest = filepath.Join(opt.Source, "public")
	}
	return &Builder{opt: opt}
}

// Build builds the site and publishes it atomically. changed lists the
// slash-separated paths, relative to the source directory, that changed since
// the previous Build (nil means unknown: everything). The output is always
// byte-identical to a full build of the current tree.
func (b *Builder) Build(ctx context.Context, changed []string) (Result, error) {
	var res Result
	opt := b.opt
	cfg, warns, err := LoadConfig(os.DirFS(opt.Source))
	if err != nil {
		return res, err
	}
	res.Warnings = warns

	var errs []error
	tree, err := loadContent(filepath.Join(opt.Source, "content"), opt.Drafts)
	if err != nil {
		errs = append(errs, err)
	}
	tmpl, err := render.Parse(
		render.Layer{FS: readDirFS(filepath.Join(opt.Source, "layouts")), Dir: "layouts"},
		render.Layer{FS: theme.Layouts(), Dir: "(built-in theme)/layouts"},
	)
	if err != nil {
		errs = append(errs, err)
	}
	assets, err := loadAssets(readDirFS(filepath.Join(opt.Source, "assets")), theme.Assets(), markdown.ChromaCSS())
	if err != nil {
		errs = append(errs, err)
	}
	if len(errs) > 0 {
		return res, errors.Join(errs...)
	}

	p, err := plan(cfg, tree)
	if err != nil {
		return res, err
	}
	p.assets = make(map[string]string, len(assets))
	for _, a := range assets {
		p.assets[a.src] = a.out
	}

	out, err := publish.New(opt.Dest)
	if err != nil {
		return res, err
	}
	ok := false
	defer func() {
		if !ok {
			out.Abort()
		}
	}()
	for _, a := range assets {
		if err := out.WriteFile(a.out, a.data); err != nil {
			return res, err
		}
	}
	if err := p.renderAll(ctx, markdown.New(), tmpl, out); err != nil {
		return res, err
	}
	for name, data := range map[string][]byte{
		"sitemap.xml": p.sitemap(),
		"robots.txt":  p.robots(),
	} {
		if err := out.WriteFile(name, data); err != nil {
			return res, err
		}
	}
	if err := ctx.Err(); err != nil {
		return res, err
	}
	res.Pages = len(p.nodes)
	res.Files = out.Files()
	if err := out.Commit(); err != nil {
		return res, err
	}
	ok = true
	return res, nil
}

func loadContent(dir string, drafts bool) (*content.Section, error) {
	fsys := readDirFS(dir)
	if fsys == nil {
		return nil, fmt.Errorf("content/: missing: create content/ with Markdown files, or run \"generator import REPORT.txt\"")
	}
	tree, err := content.Load(fsys, content.LoadOptions{Drafts: drafts})
	if err != nil {
		return nil, prefixPaths(err, "content/")
	}
	if tree.Index == nil && len(tree.Pages) == 0 && len(tree.Sections) == 0 {
		return nil, fmt.Errorf("content/: no content files: add Markdown files with front matter, or run \"generator import REPORT.txt\"")
	}
	return tree, nil
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

// node is one output page.
type node struct {
	kind    string // home, report, section, page, full
	page    *content.Page
	sec     *content.Section
	path    string // site-root-relative URL path, "" or "a/b/"
	src     string // source file for messages, e.g. "content/a/b.md"
	label   string
	title   string
	parent  *node
	kids    []*node
	report  *render.Report
	order   int // position in its report's reading order
	rnode   *node
	reading []*node // on report nodes: the report's pages in reading order
}

type siteplan struct {
	cfg     *Config
	site    *render.Site
	nodes   []*node
	reports []*render.Report
	assets  map[string]string
}

// plan turns the content tree into output pages, with their URLs, outline and
// neighbours, before any Markdown is converted.
func plan(cfg *Config, tree *content.Section) (*siteplan, error) {
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
	}}
	var errs []error
	owner := map[string]string{} // output path → source file
	claim := func(n *node) {
		if prev, dup := owner[n.path]; dup {
			errs = append(errs, fmt.Errorf("%s: its output %sindex.html is also produced by %s: rename one of them", n.src, n.path, prev))
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
			if s.Index.Meta.Title != "" {
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
				path: strings.TrimSuffix(pg.Path, ".md") + "/", src: "content/" + pg.Path,
				label: pg.Meta.Label, title: pg.Meta.Title}
			if c.title == "" {
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
		r := &render.Report{Title: n.title, Path: n.path, FullPath: n.path + "full/", Meta: meta}
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
		full := &node{kind: "full", parent: n, rnode: n, path: r.FullPath, src: n.src, title: "全文"}
		claim(full)
		p.nodes = append(p.nodes, full)
		p.reports = append(p.reports, r)
	}
	for _, n := range p.nodes {
		if n.rnode != nil {
			n.report = n.rnode.report
		}
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
	if n.kind == "404" {
		return "404.html"
	}
	return n.path + "index.html"
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

// renderAll converts and renders every page on all cores.
func (p *siteplan) renderAll(ctx context.Context, md *markdown.Converter, t *render.Templates, out *publish.Dir) error {
	var (
		mu   sync.Mutex
		errs []error
		wg   sync.WaitGroup
	)
	work := make(chan *node)
	for range runtime.GOMAXPROCS(0) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var buf bytes.Buffer
			for n := range work {
				buf.Reset()
				if err := p.renderOne(md, t, n, &buf); err == nil {
					err = out.WriteFile(n.outFile(), buf.Bytes())
					if err != nil {
						err = fmt.Errorf("%s: %w", n.src, err)
					}
					if err != nil {
						mu.Lock()
						errs = append(errs, err)
						mu.Unlock()
					}
				} else {
					mu.Lock()
					errs = append(errs, err)
					mu.Unlock()
				}
			}
		}()
	}
	extra := []*node{{kind: "404", path: "", src: "(404 page)", title: "页面不存在"}}
	for _, n := range append(p.nodes, extra...) {
		if ctx.Err() != nil {
			break
		}
		work <- n
	}
	close(work)
	wg.Wait()
	if err := ctx.Err(); err != nil {
		return err
	}
	// Report problems in the order of the source files, whatever order the
	// workers finished in.
	sort.SliceStable(errs, func(i, j int) bool { return errs[i].Error() < errs[j].Error() })
	return errors.Join(errs...)
}

func (p *siteplan) renderOne(md *markdown.Converter, t *render.Templates, n *node, buf *bytes.Buffer) error {
	pg := &render.Page{
		Kind:   n.kind,
		Path:   n.path,
		Title:  n.title,
		Label:  n.label,
		Site:   p.site,
		Report: n.report,
		Root:   strings.Repeat("../", strings.Count(n.path, "/")),
		Assets: p.assets,
	}
	switch n.kind {
	case "full":
		pg.Where = "全文"
	case "section", "page":
		labels := n.label
		for a := n.parent; a != nil && a != n.rnode && a.kind != "home"; a = a.parent {
			labels = a.label + labels
		}
		pg.Where = labels + n.title
	}
	if p.cfg.BaseURL != "" && n.kind != "404" {
		pg.Canonical = p.cfg.BaseURL + n.path
	}
	if n.page != nil {
		pg.Description = n.page.Meta.Description
		body := n.page.Body
		var closing []byte
		if n.page.IsIndex() {
			body, closing = content.SplitChildren(body)
		}
		r, err := md.Convert(body, markdown.Options{})
		if err != nil {
			return fmt.Errorf("%s: %w", n.src, err)
		}
		pg.Content, pg.Headings = r.HTML, r.Headings
		if len(closing) > 0 {
			c, err := md.Convert(closing, markdown.Options{IDPrefix: "end-"})
			if err != nil {
				return fmt.Errorf("%s: %w", n.src, err)
			}
			pg.Closing = c.HTML
		}
	}
	switch n.kind {
	case "home":
		pg.Reports = p.reports
	case "404":
		// A server shows 404.html at any depth, so its links start at the
		// site's root path instead of being relative.
		pg.Base = "/"
		if u, err := url.Parse(p.cfg.BaseURL); err == nil && u.Path != "" {
			pg.Base = u.Path
		}
	case "full":
		parts, hasCode, err := p.fullParts(md, n.rnode)
		if err != nil {
			return err
		}
		pg.Parts, pg.HasCode = parts, hasCode
	}
	for _, k := range n.kids {
		pg.Children = append(pg.Children, *link(k))
	}
	for a := n.parent; a != nil; a = a.parent {
		pg.Crumbs = append([]render.Link{*link(a)}, pg.Crumbs...)
	}
	if len(pg.Crumbs) > 0 {
		pg.Crumbs[0].Text = "首页"
		pg.Crumbs = append(pg.Crumbs, render.Link{Path: n.path, Label: n.label, Text: n.title, Current: true})
	}
	if r := n.rnode; r != nil && n.kind != "full" {
		if n.order > 0 {
			pg.Prev = link(r.reading[n.order-1])
		}
		if n.order+1 < len(r.reading) {
			pg.Next = link(r.reading[n.order+1])
		}
	}
	pg.HasCode = pg.HasCode || strings.Contains(string(pg.Content), `class="chroma"`) || strings.Contains(string(pg.Closing), `class="chroma"`)

	layout := n.kind
	if n.page != nil && n.page.Meta.Layout != "" {
		layout = n.page.Meta.Layout
		if !t.Has(layout) {
			return content.Errorf(n.src, 1, "layout %q: no file layouts/%s.html: add it or remove the layout key", layout, layout)
		}
	}
	if err := t.Execute(buf, layout, pg); err != nil {
		return fmt.Errorf("%s: %w", n.src, err)
	}
	return nil
}

// fullParts converts every page of a report again, with IDs prefixed by the
// page's position so that they stay unique on the one full-text page.
func (p *siteplan) fullParts(md *markdown.Converter, r *node) ([]render.Part, bool, error) {
	parts := make([]render.Part, 0, len(r.reading)*2)
	hasCode := false
	var add func(n *node, depth int, id string) error
	add = func(n *node, depth int, id string) error {
		part := render.Part{ID: id, Depth: depth, Label: n.label}
		if depth > 0 {
			part.Title = n.title
		}
		var closing []byte
		if n.page != nil {
			body := n.page.Body
			if n.page.IsIndex() {
				body, closing = content.SplitChildren(body)
			}
			c, err := md.Convert(body, markdown.Options{IDPrefix: id + "-", HeadingShift: depth})
			if err != nil {
				return fmt.Errorf("%s: %w", n.src, err)
			}
			part.Content = c.HTML
		}
		parts = append(parts, part)
		for i, k := range n.kids {
			if err := add(k, depth+1, fmt.Sprintf("%s-%d", id, i+1)); err != nil {
				return err
			}
		}
		if len(closing) > 0 {
			c, err := md.Convert(closing, markdown.Options{IDPrefix: id + "-end-", HeadingShift: depth})
			if err != nil {
				return fmt.Errorf("%s: %w", n.src, err)
			}
			parts = append(parts, render.Part{ID: id + "-end", Depth: depth, Content: c.HTML})
		}
		return nil
	}
	if err := add(r, 0, "s"); err != nil {
		return nil, false, err
	}
	for _, pt := range parts {
		if strings.Contains(string(pt.Content), `class="chroma"`) {
			hasCode = true
		}
	}
	return parts, hasCode, nil
}

func (p *siteplan) sitemap() []byte {
	var b bytes.Buffer
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n")
	b.WriteString(`<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">` + "\n")
	paths := make([]string, 0, len(p.nodes))
	for _, n := range p.nodes {
		paths = append(paths, n.path)
	}
	sort.Strings(paths)
	for _, s := range paths {
		b.WriteString("<url><loc>")
		template.HTMLEscape(&b, []byte(p.cfg.BaseURL+s))
		b.WriteString("</loc></url>\n")
	}
	b.WriteString("</urlset>\n")
	return b.Bytes()
}

func (p *siteplan) robots() []byte {
	s := "User-agent: *\nAllow: /\n"
	if p.cfg.BaseURL != "" {
		s += "Sitemap: " + p.cfg.BaseURL + "sitemap.xml\n"
	}
	return []byte(s)
}
