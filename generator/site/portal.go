package site

import (
	"io/fs"

	"reportsite/generator/content"
	"reportsite/generator/linkcheck"
	"reportsite/generator/render"
	"reportsite/generator/site/plan"
)

// This file publishes what a government portal's article page offers around
// the text: the attachments, and the view of the furniture the plan read
// (plan.Portal), the 【我要纠错】 link and the QR code of each page.

// writeAttachments publishes every attachment, unless keep finds it already
// published.
func (p *run) writeAttachments() error {
	for _, n := range p.Nodes {
		if n.Portal == nil {
			continue
		}
		for _, a := range n.Portal.Attach {
			p.sigs[a.Out] = a.Sig
			if p.keep(a.Out, a.Sig) {
				continue
			}
			data, err := fs.ReadFile(p.contentFS, a.Src)
			if err == nil {
				err = p.out.WriteFile(a.Out, data)
			}
			if err != nil {
				return &content.Error{Path: n.Src, Err: err}
			}
		}
	}
	return nil
}

// relatedRefs adds a page's relative related links to its refs, so that the
// link check finds a broken one at its front-matter line.
func relatedRefs(n *plan.Node, r *linkcheck.Refs) {
	if n.Portal == nil {
		return
	}
	for i, l := range n.Portal.Related {
		if !l.External {
			r.Add(l.URL, n.Portal.RelLines[i])
		}
	}
}

// portalOf is what page n shows around its text.
func (p *run) portalOf(n *plan.Node, canonical string) (render.Portal, error) {
	var pt render.Portal
	own := n.Portal
	if n.Kind == "full" && n.ReportNode != nil {
		own = n.ReportNode.Portal // the whole report offers the report's
	}
	if own != nil {
		for _, a := range own.Attach {
			pt.Attachments = append(pt.Attachments, render.NewAttachment(a.Title, a.Out, a.Src, a.Size))
		}
		pt.Related = own.Related
	}
	if n.Kind == "sitemap" {
		pt.SiteMap = p.SiteMap()
	}
	if f := p.Cfg.Identity.Feedback; f != "" && n.Kind != "404" {
		pt.Feedback = render.Feedback(f, p.Cfg.Identity.FeedbackIsEmail(), n.Label+n.Title, canonical)
	}
	if canonical != "" {
		svg, err := render.QRSVG(canonical)
		if err != nil {
			return pt, &content.Error{Path: n.Src, Err: err}
		}
		pt.QR = svg
	}
	return pt, nil
}
