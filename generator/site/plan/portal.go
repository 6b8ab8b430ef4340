package plan

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

// Portal is what a page node carries for the furniture around its text.
type Portal struct {
	Attach   []Attachment
	Related  []render.Related
	RelLines []int // the front-matter line of each related link
}

// Attachment is one attachment of a page: where it is read from, where it is
// published, and a signature of its bytes.
type Attachment struct {
	Src   string // path in the content tree
	Out   string // published path, with a content hash in its name
	Title string
	Size  int64
	Sig   uint64
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
func portalNodes(cfg *config.Config, home *Node) []*Node {
	ns := []*Node{{Kind: "sitemap", Path: sitemapPath, Src: "(网站地图)", Title: render.SitemapTitle, Parent: home}}
	if cfg.Identity.HasContact() {
		ns = append(ns, &Node{Kind: "contact", Path: contactPath, Src: "config.toml", Title: render.ContactTitle, Parent: home})
	}
	return ns
}

// SiteMap lists every report with its parts, and every section outside
// reports, for the 网站地图 page.
func (p *Plan) SiteMap() []render.Link {
	var sections func(kids []*Node, depth int) []render.Link
	sections = func(kids []*Node, depth int) []render.Link {
		var out []render.Link
		for _, k := range kids {
			if k.Kind != "section" && k.Kind != "report" {
				continue
			}
			l := render.Link{Path: k.Path, Label: k.Label, Text: k.Title}
			if depth > 1 {
				l.Children = sections(k.Kids, depth-1)
			}
			if k.Kind == "report" {
				l.Children = append(l.Children, render.Link{Path: k.Report.FullPath, Text: k.Full.Title})
				if k.Data != nil {
					l.Children = append(l.Children, render.Link{Path: k.Report.DataPath, Text: k.Data.Title})
				}
			}
			out = append(out, l)
		}
		return out
	}
	for _, n := range p.Nodes {
		if n.Kind == "home" {
			return sections(n.Kids, 3)
		}
	}
	return nil
}

// ReadAttachments finds, hashes and names every attachment and reads the
// related links of every page. A missing attachment is an error at the line
// of its file key.
func (p *Plan) ReadAttachments(fsys fs.FS) []error {
	var errs []error
	for _, n := range p.Nodes {
		pg := n.Page
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
		np := &Portal{}
		dir := path.Dir(pg.Path)
		for i, a := range pg.Meta.Attachments {
			name := path.Join(dir, a.File)
			if a.File == "" || !fs.ValidPath(name) || strings.HasPrefix(a.File, "/") || strings.Contains(a.File, `\`) {
				errs = append(errs, content.Errorf(n.Src, line("attachments", i, "file"), "[[attachments]] file %q is not a path inside content/ relative to the page", a.File))
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
				errs = append(errs, content.Errorf(n.Src, line("attachments", i, "file"), "[[attachments]] file %q: %s", a.File, msg))
				continue
			}
			sum := sha256.Sum256(data)
			ext := path.Ext(name)
			title := a.Title
			if title == "" {
				title = strings.TrimSuffix(path.Base(a.File), ext)
			}
			np.Attach = append(np.Attach, Attachment{
				Src:   name,
				Out:   strings.TrimSuffix(name, ext) + "." + hex.EncodeToString(sum[:4]) + ext,
				Title: title,
				Size:  int64(len(data)),
				Sig:   binary.LittleEndian.Uint64(sum[:8]),
			})
		}
		for i, r := range pg.Meta.Related {
			u, err := url.Parse(r.URL)
			switch {
			case strings.TrimSpace(r.Title) == "" || r.URL == "":
				errs = append(errs, content.Errorf(n.Src, line("related", i, "title"), "[[related]] needs both title and url"))
				continue
			case err != nil || (u.Scheme != "" && u.Scheme != "http" && u.Scheme != "https") || (u.Scheme != "" && u.Host == ""):
				errs = append(errs, content.Errorf(n.Src, line("related", i, "url"), "[[related]] url %q is neither an absolute http(s) URL nor a relative link", r.URL))
				continue
			}
			np.Related = append(np.Related, render.Related{Title: r.Title, URL: r.URL, External: u.Scheme != ""})
			np.RelLines = append(np.RelLines, line("related", i, "url"))
		}
		n.Portal = np
	}
	return errs
}
