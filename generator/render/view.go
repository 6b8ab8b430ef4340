package render

import (
	"html/template"
	"net/url"
	"strings"

	"reportsite/generator/content"
)

// The titles of the pages a site generates besides its content pages.
const (
	FullTitle     = "全文"
	DataTitle     = "主要指标与开放数据"
	NotFoundTitle = "页面不存在"
	SitemapTitle  = "网站地图"
	ContactTitle  = "联系我们"
)

// Entry is what a site's plan knows of one output page: where it is, what it
// was made from and how it links to the pages around it. NewPage turns it
// into the Page a layout shows.
type Entry struct {
	Kind  string // home, report, section, page, full, data, sitemap, contact, 404
	Path  string // site-root-relative URL path, see Page.Path
	Out   string // the published file, e.g. "r/01/index.html"
	Title string
	Label string
	Page  *content.Page // the content page; nil for a generated page
	// Report is the report the page belongs to, if any.
	Report *Report
	// Place is the labels of the page's parents inside its report
	// (一、（一）), or inside the site outside reports.
	Place     string
	Ancestors []Link // the page's parents, the site's home first
	Children  []Link
	Prev      *Link // the neighbours in the report's reading order
	Next      *Link
}

// NewPage is the view of entry e on site s, with its assets (source name →
// published path): the position, breadcrumbs, canonical address and the
// cards of the page's indicators. The caller adds what the plan alone does
// not give: the converted text, the portal and the kind's own data.
func NewPage(s *Site, e *Entry, assets map[string]string) *Page {
	pg := &Page{
		Kind:     e.Kind,
		Path:     e.Path,
		Title:    e.Title,
		Label:    e.Label,
		Site:     s,
		Report:   e.Report,
		Root:     strings.Repeat("../", strings.Count(e.Out, "/")),
		Assets:   assets,
		Children: e.Children,
		Prev:     e.Prev,
		Next:     e.Next,
	}
	switch e.Kind {
	case "full":
		pg.Where = FullTitle
	case "section", "page":
		pg.Where = e.Place + e.Title
	case "404":
		// A server shows 404.html at any depth, so its links start at the
		// site's root path instead of being relative.
		pg.Base = "/"
		if u, err := url.Parse(s.BaseURL); err == nil && u.Path != "" {
			pg.Base = u.Path
		}
	}
	if s.BaseURL != "" && e.Kind != "404" {
		pg.Canonical = s.BaseURL + e.Path
	}
	if e.Page != nil {
		pg.Description = e.Page.Meta.Description
		pg.TitleEnd = e.Page.Meta.TitleEnd
		for i, ind := range e.Page.Meta.Indicators {
			pg.Cards = append(pg.Cards, CardOf(ind, e.Path, i))
		}
	}
	if len(e.Ancestors) > 0 {
		pg.Crumbs = make([]Link, 0, len(e.Ancestors)+1)
		pg.Crumbs = append(pg.Crumbs, e.Ancestors...)
		pg.Crumbs[0].Text = "首页"
		pg.Crumbs = append(pg.Crumbs, Link{Path: e.Path, Label: e.Label, Text: e.Title, Current: true})
	}
	return pg
}

// SentenceBack is the link that follows an indicator's sentence in the text,
// back to the card of the page's i-th indicator, named name.
func SentenceBack(i int, name string) template.HTML {
	return template.HTML(`<a class="ind-back" href="#` + CardID(i) + `" aria-label="` +
		template.HTMLEscapeString("查看指标："+name) + `">指标</a>`)
}

// Feedback is the 【我要纠错】 link of a page titled title: the site's form
// (f, a URL), or, when f is an e-mail address (email), a mailto: link with
// the page in the subject and its canonical address, if any, in the body.
func Feedback(f string, email bool, title, canonical string) string {
	if !email {
		return f
	}
	q := "subject=" + url.PathEscape("纠错："+title)
	if canonical != "" {
		q += "&body=" + url.PathEscape("页面："+canonical+"\n")
	}
	return "mailto:" + f + "?" + q
}
