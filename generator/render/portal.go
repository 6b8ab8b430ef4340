package render

import "html/template"

// Portal is what a page offers around its text, as a government portal's
// article page does (GOV-PAGE.md B.9 正文后): 附件, 相关链接, 【我要纠错】 and
// 扫码阅读. The partial partials/after-text.html shows it.
type Portal struct {
	Attachments []Attachment
	Related     []Related
	// Feedback is the 【我要纠错】 link for this page (mailto: with the page
	// in the subject, or the site's form); "" when the site names none.
	Feedback string
	// QR is an inline <svg> of the page's canonical URL; "" without base_url.
	QR template.HTML
	// SiteMap, on the 网站地图 page, is every report with its parts and
	// every section outside reports.
	SiteMap []Link
}

// Attachment is one file offered for download under 附件.
type Attachment struct {
	Title string
	Path  string // the published file, site-root relative
	Type  string // 文本, PDF, Word 文档…
	Size  string // 12.3 KB
}

// Related is one link under 相关链接.
type Related struct {
	Title    string
	URL      string // absolute, or relative to the page as written
	External bool
}

// SitePortal is the site-wide furniture of a government portal that comes
// from config.toml (GOV-PAGE.md B.10 底部功能区): the 党政机关网站标识 badge and
// the 网站地图 and 联系我们 pages. Empty fields are left out.
type SitePortal struct {
	Badge    string // the badge image, an asset name
	BadgeURL string // the site's 开办 record the badge links to
	Sitemap  string // path of the 网站地图 page
	Contact  string // path of the 联系我们 page; "" when config names no contact
	Address  string
	Postcode string
	Phone    string
	Email    string
}
