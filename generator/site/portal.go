package site

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"io/fs"
	"net/url"
	"path"
	"strings"

	"reportsite/generator/config"
	"reportsite/generator/content"
	"reportsite/generator/linkcheck"
	"reportsite/generator/render"
)

// This file holds what a government portal's article page offers around the
// text (GOV-PAGE.md B.9 and B.10): attachments and related links from front
// matter, the 党政机关网站标识 badge, the 网站地图 and 联系我们 pages and the
// 【我要纠错】 link from config.toml, and the QR code of each page (render.QRSVG).
// Package config checks the keys these read.

// Paths of the generated pages.
const (
	sitemapPath = "sitemap.html"
	contactPath = "contact.html"
)

// nodePortal is what a page node carries for the furniture around its text.
type nodePortal struct {
	attach   []attachFile
	related  []render.Related
	relLines []int // the front-matter line of each related link
}

// attachFile is one attachment of a page: where it is read from, where it is
// published, and a signature of its bytes.
type attachFile struct {
	src   string // path in the content tree
	out   string // published path, with a content hash in its name
	title string
	size  int64
	sig   uint64
}

// sitePortal is the site-wide furniture the layouts show.
func sitePortal(id *config.Identity) render.SitePortal {
	sp := render.SitePortal{Sitemap: sitemapPath, Address: id.Address, Postcode: id.Postcode, Phone: id.Phone, Email: id.Email}
	if id.Badge != "" && id.BadgeURL != "" {
		sp.Badge, sp.BadgeURL = id.Badge, id.BadgeURL
	}
	if id.HasContact() {
		sp.Contact = contactPath
	}
	return sp
}

// portalNodes returns the generated pages: 网站地图 always, 联系我们 when
// the config names a contact.
func portalNodes(cfg *config.Config, home *node) []*node {
	ns := []*node{{kind: "sitemap", path: sitemapPath, src: "(网站地图)", title: render.SitemapTitle, parent: home}}
	if cfg.Identity.HasContact() {
		ns = append(ns, &node{kind: "contact", path: contactPath, src: "config.toml", title: render.ContactTitle, parent: home})
	}
	return ns
}

// siteMap lists every report with its parts, and every section outside
// reports, for the 网站地图 page.
func (p *siteplan) siteMap() []render.Link {
	var sections func(kids []*node, depth int) []render.Link
	sections = func(kids []*node, depth int) []render.Link {
		var out []render.Link
		for _, k := range kids {
			if k.kind != "section" && k.kind != "report" {
				continue
			}
			l := render.Link{Path: k.path, Label: k.label, Text: k.title}
			if depth > 1 {
				l.Children = sections(k.kids, depth-1)
			}
			if k.kind == "report" {
				l.Children = append(l.Children, render.Link{Path: k.report.FullPath, Text: k.full.title})
				if k.data != nil {
					l.Children = append(l.Children, render.Link{Path: k.report.DataPath, Text: k.data.title})
				}
			}
			out = append(out, l)
		}
		return out
	}
	for _, n := range p.nodes {
		if n.kind == "home" {
			return sections(n.kids, 3)
		}
	}
	return nil
}

// readAttachments finds, hashes and names every attachment and reads the
// related links of every page. A missing attachment is an error at the line
// of its file key.
func (p *siteplan) readAttachments(fsys fs.FS) []error {
	var errs []error
	for _, n := range p.nodes {
		pg := n.page
		if pg == nil || (len(pg.Meta.Attachments) == 0 && len(pg.Meta.Related) == 0) {
			continue
		}
		var src []byte // the page's file, read for the lines of errors
		line := func(table string, i int, key string) int {
			if src == nil {
				src, _ = fs.ReadFile(fsys, pg.Path)
			}
			return max(content.TableLine(src, table, i, key), 1)
		}
		np := &nodePortal{}
		dir := path.Dir(pg.Path)
		for i, a := range pg.Meta.Attachments {
			name := path.Join(dir, a.File)
			if a.File == "" || !fs.ValidPath(name) || strings.HasPrefix(a.File, "/") || strings.Contains(a.File, `\`) {
				errs = append(errs, content.Errorf(n.src, line("attachments", i, "file"), "[[attachments]] file %q is not a path inside content/ relative to the page", a.File))
				continue
			}
			// A symbolic link anywhere under content/ fails the build
			// before this (content.List), so nothing outside is copied.
			data, err := fs.ReadFile(fsys, name)
			if err != nil {
				msg := "cannot be read: " + err.Error()
				if errors.Is(err, fs.ErrNotExist) {
					msg = "no such file: put it beside the page (content/" + name + ") or fix the name"
				}
				errs = append(errs, content.Errorf(n.src, line("attachments", i, "file"), "[[attachments]] file %q: %s", a.File, msg))
				continue
			}
			sum := sha256.Sum256(data)
			ext := path.Ext(name)
			title := a.Title
			if title == "" {
				title = strings.TrimSuffix(path.Base(a.File), ext)
			}
			np.attach = append(np.attach, attachFile{
				src:   name,
				out:   strings.TrimSuffix(name, ext) + "." + hex.EncodeToString(sum[:4]) + ext,
				title: title,
				size:  int64(len(data)),
				sig:   binary.LittleEndian.Uint64(sum[:8]),
			})
		}
		for i, r := range pg.Meta.Related {
			u, err := url.Parse(r.URL)
			switch {
			case strings.TrimSpace(r.Title) == "" || r.URL == "":
				errs = append(errs, content.Errorf(n.src, line("related", i, "title"), "[[related]] needs both title and url"))
				continue
			case err != nil || (u.Scheme != "" && u.Scheme != "http" && u.Scheme != "https") || (u.Scheme != "" && u.Host == ""):
				errs = append(errs, content.Errorf(n.src, line("related", i, "url"), "[[related]] url %q is neither an absolute http(s) URL nor a relative link", r.URL))
				continue
			}
			np.related = append(np.related, render.Related{Title: r.Title, URL: r.URL, External: u.Scheme != ""})
			np.relLines = append(np.relLines, line("related", i, "url"))
		}
		n.portal = np
	}
	return errs
}

// writeAttachments publishes every attachment, unless keep finds it already
// published.
func (p *run) writeAttachments() error {
	for _, n := range p.nodes {
		if n.portal == nil {
			continue
		}
		for _, a := range n.portal.attach {
			p.sigs[a.out] = a.sig
			if p.keep(a.out, a.sig) {
				continue
			}
			data, err := fs.ReadFile(p.contentFS, a.src)
			if err == nil {
				err = p.out.WriteFile(a.out, data)
			}
			if err != nil {
				return &content.Error{Path: n.src, Err: err}
			}
		}
	}
	return nil
}

// relatedRefs adds a page's relative related links to its refs, so that the
// link check finds a broken one at its front-matter line.
func relatedRefs(n *node, r *linkcheck.Refs) {
	if n.portal == nil {
		return
	}
	for i, l := range n.portal.related {
		if !l.External {
			r.Add(l.URL, n.portal.relLines[i])
		}
	}
}

// portalOf is what page n shows around its text.
func (p *run) portalOf(n *node, canonical string) (render.Portal, error) {
	var pt render.Portal
	own := n.portal
	if n.kind == "full" && n.rnode != nil {
		own = n.rnode.portal // the whole report offers the report's
	}
	if own != nil {
		for _, a := range own.attach {
			pt.Attachments = append(pt.Attachments, render.NewAttachment(a.title, a.out, a.src, a.size))
		}
		pt.Related = own.related
	}
	if n.kind == "sitemap" {
		pt.SiteMap = p.siteMap()
	}
	if f := p.cfg.Identity.Feedback; f != "" && n.kind != "404" {
		pt.Feedback = render.Feedback(f, p.cfg.Identity.FeedbackIsEmail(), n.label+n.title, canonical)
	}
	if canonical != "" {
		svg, err := render.QRSVG(canonical)
		if err != nil {
			return pt, &content.Error{Path: n.src, Err: err}
		}
		pt.QR = svg
	}
	return pt, nil
}
