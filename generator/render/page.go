package render

import (
	"html/template"
	"strings"

	"reportsite/generator/content"
)

// Page is everything a layout can show for one output page. Paths (Path,
// Link.Path, Report.Path…) are relative to the site root, "" being the home
// page and a trailing "/" marking a directory page; layouts turn them into
// links relative to the current page with Rel, so that the site works at the
// web root, under a sub-path and from disk.
type Page struct {
	Kind        string // home, report, section, page, full, 404
	Path        string // this page's path, e.g. "2020-plan-report/01/"
	Title       string
	Label       string // numbering as printed, e.g. "一、"
	TitleEnd    string // punctuation that ended a run-in heading in the source
	Where       string // position in the report, e.g. "三、（二）加力提速科技创新发展"
	Description string
	Content     template.HTML
	Closing     template.HTML // an index page's text after its children
	Headings    []content.Heading
	HasCode     bool
	Canonical   string

	Site     *Site
	Report   *Report   // the report this page belongs to, if any
	Reports  []*Report // on the home page: every report, newest first
	Crumbs   []Link
	Children []Link
	Prev     *Link
	Next     *Link
	Parts    []Part // on the full-text page: the report's pages in order

	Cards     []Card    // this page's indicators, above its text
	Dashboard []Card    // on a report's home: its headline indicators
	Data      *DataView // on a report's data page
	Portal    Portal    // 附件, 相关链接, 纠错 and QR code (portal.go)

	// Root is the way from this page to the site root: "", "../", "../../"…
	Root string
	// Base, when set, is an absolute path that replaces relative links.
	Base string
	// Assets maps an asset's source name ("site.css") to its published,
	// content-hashed path relative to the site root.
	Assets map[string]string
}

// Site is the site-wide part of every page.
type Site struct {
	Title    string
	Lang     string
	BaseURL  string
	Identity Identity
	Portal   SitePortal // badge, 网站地图, 联系我们 (portal.go)
}

// Identity is the government website identity shown in every page's head and
// footer. An empty field is left out of the page.
type Identity struct {
	SiteName     string // 网站名称
	SiteDomain   string
	SiteIDCode   string // 网站标识码
	Sponsor      string // 主办单位
	Contact      string // 联系方式
	ICP          string // ICP备案号
	PoliceRecord string // 公安机关备案号, as printed
	PoliceCode   string // its digits, for the query link
}

// Report is one report: its metadata and its outline.
type Report struct {
	Title    string
	Path     string
	FullPath string // the whole report on one page
	DataPath string // the report's indicators, charts and open data
	Meta     content.Report
	Outline  []Link // parts, each with its subsections as Children
	// Compact asks layouts to show only the current part's subsections:
	// the outline is too long to repeat whole on every page.
	Compact bool
}

// Link is an entry of an outline, a breadcrumb trail or a pager.
type Link struct {
	Path     string
	Label    string
	Text     string
	Current  bool
	Children []Link
}

// Part is one page of a report inside the full-text page.
type Part struct {
	ID       string
	Depth    int // 0 report, 1 part, 2 subsection
	Label    string
	Title    string
	TitleEnd string
	Content  template.HTML
}

// Rel returns the shortest link from this page to the site-root-relative
// target path. Directory paths get an explicit "index.html" so that links
// also work when the site is opened from disk. When Base is set (the 404 page,
// which a server shows at any depth), links start from Base instead.
func (p *Page) Rel(target string) string {
	frag := ""
	if i := strings.IndexByte(target, '#'); i >= 0 {
		target, frag = target[:i], target[i:]
	}
	if target == "" || strings.HasSuffix(target, "/") {
		target += "index.html"
	}
	if p.Base != "" {
		return p.Base + target + frag
	}
	if frag != "" && (target == p.Path || target == p.Path+"index.html") {
		return frag // on this very page
	}
	// Drop the directories the page and the target share, then climb out of
	// the rest of the page's directories.
	from := p.Path
	for {
		i := strings.IndexByte(from, '/')
		if i < 0 || !strings.HasPrefix(target, from[:i+1]) {
			break
		}
		from, target = from[i+1:], target[i+1:]
	}
	up := strings.Repeat("../", strings.Count(from, "/"))
	if up == "" {
		// A first segment with a colon would read as a URL scheme.
		if seg, _, _ := strings.Cut(target, "/"); strings.Contains(seg, ":") {
			up = "./"
		}
	}
	return up + target + frag
}

// Asset returns the link to a published asset by its source name.
func (p *Page) Asset(name string) string {
	if h, ok := p.Assets[name]; ok {
		name = h
	}
	if p.Base != "" {
		return p.Base + name
	}
	return p.Root + name
}

// DocTitle is the text of the <title> element.
func (p *Page) DocTitle() string {
	parts := []string{}
	if p.Kind != "home" {
		parts = append(parts, p.Label+p.Title)
		if p.Report != nil && p.Kind != "report" {
			parts = append(parts, p.Report.Title)
		}
	}
	parts = append(parts, p.Site.Title)
	return strings.Join(parts, " - ")
}

// ArticleTitle is the article title for the government meta tags.
func (p *Page) ArticleTitle() string {
	if p.Kind == "report" || p.Kind == "full" || p.Report == nil {
		if p.Report != nil {
			return p.Report.Title
		}
		return p.Title
	}
	return p.Label + p.Title
}

// IsList reports whether the page lists other pages (a 栏目页).
func (p *Page) IsList() bool { return p.Kind == "home" || p.Kind == "section" }

// Card is one indicator as a layout shows it: the figure large with its
// unit, the sentence's own verb (增长, 下降, 提高, 控制在…) so that the sense
// is in words, and a link to the sentence that states it.
//
// CardHTML and Figure show Verb when it is set. Without it they never make
// a verb up from Dir: a change is shown with its sign (+4.9%, −7.1%), which
// the sentence linked from the card words its own way. Word is shown only
// for kinds whose word does not come from a direction (居第 for a rank).
type Card struct {
	ID     string // id of the card, for the sentence's link back
	Name   string // 地区生产总值
	Verb   string // the sentence's verb as printed (content.Indicator.Verb)
	Word   string // the kind's word: 居第 for a rank; may be empty
	Value  string // 4.9, exactly as written
	Unit   string // %, 亿元…
	Bound  string // 以上, 以内…, shown after the value
	Before string // 不低于…, a bound shown before the value
	Period string // 2020年, 2021年目标
	Kind   string // level, change, rank, ratio, target, comparison, share, completion
	Dir    string // up, down or ""
	Base   string // what a change is measured against (比十二五末), if printed
	Stage  string // 预算, 执行 or 决算 in a budget report
	Path   string // the sentence: page path and #anchor, site-root relative
	Page   string // title of the page that states it, on the dashboard
}

// DataView is the content of a report's data page: every indicator, the
// plan-versus-result pairs, charts written at build time, and the open data.
type DataView struct {
	Cards     []Card
	Pairs     []PairRow
	PairChart template.HTML // an inline <svg>
	Ratios    []RatioChart
	JSONPath  string
	CSVPath   string
	Fields    template.HTML // the 数据说明 section, converted Markdown
}

// PairRow is a target of the plan year beside the result of the report year.
type PairRow struct {
	Name   string
	Result Card
	Target Card
}

// RatioChart is a structure ratio (三次产业比例) drawn as a stacked bar, with
// the same numbers in a table.
type RatioChart struct {
	Card  Card
	SVG   template.HTML
	Terms []RatioTerm
}

// RatioTerm is one term of a ratio.
type RatioTerm struct{ Name, Value string }
