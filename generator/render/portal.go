package render

import (
	"fmt"
	"html/template"
	"path"
	"strings"
)

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

// NewAttachment is an attachment titled title, published at path (site-root
// relative), made from the file name with size bytes: its type is named by
// the file's extension, its size as portals print it.
func NewAttachment(title, path, name string, size int64) Attachment {
	return Attachment{Title: title, Path: path, Type: fileType(name), Size: fileSize(size)}
}

// fileType names a file's type for readers by its extension.
func fileType(name string) string {
	ext := strings.ToLower(path.Ext(name))
	switch ext {
	case ".txt":
		return "文本"
	case ".pdf":
		return "PDF"
	case ".doc", ".docx":
		return "Word 文档"
	case ".wps":
		return "WPS 文档"
	case ".xls", ".xlsx":
		return "Excel 表格"
	case ".csv":
		return "CSV 表格"
	case ".html", ".htm", ".mht", ".mhtml":
		return "网页"
	case ".ofd":
		return "OFD 文档"
	case ".zip", ".rar", ".7z":
		return "压缩包"
	case ".jpg", ".jpeg", ".png", ".gif", ".webp", ".svg":
		return "图片"
	case "":
		return "文件"
	}
	return strings.ToUpper(ext[1:])
}

// fileSize is a size as portals print it: 812 B, 56.5 KB, 1.2 MB.
func fileSize(n int64) string {
	switch {
	case n < 1024:
		return fmt.Sprintf("%d B", n)
	case n < 1024*1024:
		return fmt.Sprintf("%.1f KB", float64(n)/1024)
	}
	return fmt.Sprintf("%.1f MB", float64(n)/(1024*1024))
}
