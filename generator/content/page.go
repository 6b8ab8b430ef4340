package content

import (
	"bytes"
	"errors"
	"fmt"
	"strings"

	"github.com/BurntSushi/toml"
)

// Page is one content file: its front matter and its Markdown body.
type Page struct {
	// Path is the file's slash-separated path relative to the content root,
	// e.g. "2020-plan-report/01/_index.md".
	Path string
	Meta Meta
	// Body is the Markdown after the closing "+++" line.
	Body []byte
	// BodyLine is the 1-based line of the file on which Body starts, so that
	// positions found in Body can be reported as positions in the file.
	BodyLine int
	// Outline marks a page loaded for outlines only (LoadOptions.Outline)
	// whose front matter has indicators that were not decoded.
	Outline bool
}

// IsIndex reports whether p is a section's "_index.md".
func (p *Page) IsIndex() bool {
	return p.Path == "_index.md" || strings.HasSuffix(p.Path, "/_index.md")
}

// Meta is the front matter of a page. Every key a content file may use is a
// field here; any other key is an error.
type Meta struct {
	// Title is the heading of the page without its numbering label.
	Title string `toml:"title"`
	// Label is the numbering as the report prints it ("一、", "（一）"), shown
	// before the title by layouts.
	Label string `toml:"label,omitempty"`
	// Weight orders siblings (ascending); ties are broken by file name.
	Weight int `toml:"weight,omitempty"`
	// Draft pages are left out of a build unless drafts are asked for.
	Draft bool `toml:"draft,omitempty"`
	// Layout names the layout to render the page with instead of the default
	// one for its kind.
	Layout string `toml:"layout,omitempty"`
	// Description is a one-line summary for search engines and link previews.
	Description string `toml:"description,omitempty"`
	// Report holds the document metadata; it is set on the "_index.md" of a
	// report's section and makes that section a report.
	Report *Report `toml:"report,omitempty"`
	// TitleEnd is the sentence mark that closed a run-in heading in the
	// source: in "（一）经济运行稳步回升。全区…" the heading is the title and "。"
	// is TitleEnd. Layouts print it after the title so that the text reads as
	// printed; the importer's lossless check counts it as text.
	TitleEnd string `toml:"title_end,omitempty"`
	// Attachments are files offered after the text under 附件: the original
	// the report was imported from, a PDF, a spreadsheet.
	Attachments []Attachment `toml:"attachments,omitempty"`
	// Related are links shown after the text under 相关链接: 政策解读, 图解,
	// the previous year's report.
	Related []Related `toml:"related,omitempty"`
	// Indicators are the figures this page's text states, shown as cards
	// and checked against the text by every build.
	Indicators []Indicator `toml:"indicators,omitempty"`
}

// Report is the document metadata of one government report: the 信息公开 fields
// and the title block, kept exactly as the source prints them.
type Report struct {
	Kind       string `toml:"kind,omitempty"`       // plan-report, work-report, budget-report
	Year       int    `toml:"year,omitempty"`       // the year reported on
	IndexNo    string `toml:"index_no"`             // 索引号
	DocNo      string `toml:"doc_no"`               // 文号 (empty allowed)
	Issued     string `toml:"issued"`               // 发文日期, YYYY-MM-DD
	Written    string `toml:"written,omitempty"`    // 成文日期, YYYY-MM-DD
	Publisher  string `toml:"publisher"`            // 发布机构
	Meeting    string `toml:"meeting,omitempty"`    // ——2021年3月12日在…会议上
	Speaker    string `toml:"speaker,omitempty"`    // 区发展改革局局长  董建生
	Salutation string `toml:"salutation,omitempty"` // 各位代表：
	// Heading is the title as the report's title block prints it, when that
	// differs from 标题 (a spaced-out "政 府 工 作 报 告", a shorter form).
	Heading string `toml:"heading,omitempty"`
	// Other holds the remaining 信息公开 fields the source printed (主题分类,
	// 来源, a 发布日期 that differs from 发文日期, …), keyed as printed.
	Other map[string]string `toml:"other,omitempty"`
}

// Attachment is one file offered for download after a page's text. The
// build publishes it with a content hash in its name and fails when it is
// missing.
type Attachment struct {
	// File is the file's slash path relative to the page's folder, e.g.
	// "原文.docx"; it may not leave the content tree.
	File  string `toml:"file"`
	Title string `toml:"title,omitempty"` // the name shown; File's name when empty
}

// Related is one link shown after a page's text under 相关链接.
type Related struct {
	Title string `toml:"title"`
	// URL is an absolute http(s) URL, or a path relative to the page, as a
	// link in the page's Markdown would be written.
	URL string `toml:"url"`
}

// Indicator is one figure stated in a page's text: a level, a change, a rank,
// a ratio or a target. Value is the number exactly as written; the build
// fails when Value no longer appears in Sentence or Sentence no longer
// appears in the page.
type Indicator struct {
	Name      string  `toml:"name"`                // 地区生产总值
	Value     string  `toml:"value"`               // "4.9", as written
	Number    float64 `toml:"number"`              // 4.9, parsed from Value
	Unit      string  `toml:"unit,omitempty"`      // %, 亿元, 个百分点, 元 …
	Kind      string  `toml:"kind"`                // level, change, rank, ratio, target, comparison, share, completion
	Direction string  `toml:"direction,omitempty"` // up or down, for changes
	Bound     string  `toml:"bound,omitempty"`     // 以上, 以内, 不低于 …, for targets
	// Period is the year the figure belongs to: "2020" for a result, "2021"
	// for a target, "2016—2020" for a figure of several years (十三五, 累计).
	Period   string `toml:"period"`
	Headline bool   `toml:"headline,omitempty"` // shown on the report's dashboard
	// Verb is the sentence's own verb for the figure, as printed (增长, 下降,
	// 提高, 达到, 控制在, 完成预算): cards show it, never one derived from
	// Direction.
	Verb string `toml:"verb,omitempty"`
	// Base is what a change or comparison is measured against, as printed
	// (比十二五末, 全市, 上年), when it is not the previous year.
	Base string `toml:"base,omitempty"`
	// Stage says which figure of a budget report this is: 预算 (budgeted),
	// 执行 (outturn) or 决算 (final accounts); empty for other reports.
	Stage string `toml:"stage,omitempty"`
	// Confirmed is set by an editor to publish a card that the build's
	// sanity checks hold back (an implausible count, a name that does not
	// fit its unit).
	Confirmed bool `toml:"confirmed,omitempty"`
	// Anchor is the id of the source sentence in the page, stable across
	// builds; indicators from one sentence share it.
	Anchor   string `toml:"anchor"`
	Sentence string `toml:"sentence"` // the source sentence, verbatim
}

// ChildrenMarker is a line that may appear in the body of an "_index.md": the
// text before it leads into the section, the text after it closes the section
// and is shown after the section's children (pages and subsections).
const ChildrenMarker = "<!--children-->"

// SplitChildren splits an index page's body at ChildrenMarker into the lead
// and the closing text. Without a marker the whole body is the lead.
func SplitChildren(body []byte) (lead, closing []byte) {
	m := []byte(ChildrenMarker)
	for off := 0; off < len(body); {
		end := bytes.IndexByte(body[off:], '\n')
		line := body[off:]
		if end >= 0 {
			line = body[off : off+end]
		}
		if bytes.Equal(bytes.TrimSpace(line), m) {
			if end < 0 {
				return body[:off], nil
			}
			return body[:off], body[off+end+1:]
		}
		if end < 0 {
			break
		}
		off += end + 1
	}
	return body, nil
}

const delim = "+++"

// Parse reads one content file. path is used for errors and stored in Page.Path.
func Parse(path string, src []byte) (*Page, error) {
	return parse(path, src, false)
}

// indicatorsHeader opens each table of a page's indicators.
var indicatorsHeader = []byte("[[indicators]]")

// parse is Parse; with outline set it decodes the front matter only up to
// its first [[indicators]] table, when nothing but indicator tables follows
// it, and leaves the body out. Outlines and lists need no more, and the
// indicator tables are most of a report page's front matter.
func parse(path string, src []byte, outline bool) (*Page, error) {
	fm, body, bodyLine, err := splitFrontMatter(src)
	switch {
	case err == ErrNoFrontMatter:
		return nil, &Error{Path: path, Line: 1, Err: ErrNoFrontMatter}
	case err != nil:
		return nil, Errorf(path, 1, "%v", err)
	}
	p := &Page{Path: path, Body: body, BodyLine: bodyLine}
	if outline {
		p.Body = nil
		if cut, ok := beforeIndicators(fm); ok {
			p.Outline = len(cut) < len(fm)
			fm = cut
		}
	}
	if err := DecodeTOML(path, 2, fm, &p.Meta); err != nil {
		return nil, err
	}
	return p, nil
}

// errUnclosed is splitFrontMatter's error for a front matter never closed.
var errUnclosed = errors.New(`front matter opened with "+++" is never closed: add a line "+++" after the last key`)

// splitFrontMatter cuts a content file (a BOM aside) into its TOML front
// matter, between the "+++" lines, and its body, whose first line in the
// file it returns too. The error is ErrNoFrontMatter or errUnclosed.
func splitFrontMatter(src []byte) (fm, body []byte, bodyLine int, err error) {
	src = bytes.TrimPrefix(src, []byte("\ufeff"))
	first, rest, _ := bytes.Cut(src, []byte("\n"))
	if string(bytes.TrimRight(first, "\r \t")) != delim {
		return nil, nil, 0, ErrNoFrontMatter
	}
	off := len(src) - len(rest)
	for line := 2; off < len(src); line++ {
		end := bytes.IndexByte(src[off:], '\n')
		next := len(src)
		if end >= 0 {
			next = off + end + 1
		}
		if string(bytes.TrimRight(src[off:next], "\r\n \t")) == delim {
			return src[len(src)-len(rest) : off], src[next:], line + 1, nil
		}
		off = next
	}
	return src[len(src)-len(rest):], nil, 0, errUnclosed
}

// beforeIndicators returns the front matter before its first [[indicators]]
// line, and whether only [[indicators]] tables follow it (so that nothing
// else is lost by the cut). It scans lines rather than using the TOML
// parser on purpose: what it saves is parsing the indicator tables.
func beforeIndicators(fm []byte) ([]byte, bool) {
	start := -1
	for off := 0; off < len(fm); {
		end := bytes.IndexByte(fm[off:], '\n')
		next := len(fm)
		if end >= 0 {
			next = off + end + 1
		}
		line := bytes.TrimSpace(fm[off:next])
		if len(line) > 0 && line[0] == '[' {
			switch {
			case bytes.Equal(line, indicatorsHeader):
				if start < 0 {
					start = off
				}
			case start >= 0:
				return fm, false // another table after the indicators
			}
		}
		off = next
	}
	if start < 0 {
		return fm, true
	}
	return fm[:start], true
}

// Marshal returns the file form of p: front matter, then body. Keys come in the
// order of Meta's fields and empty optional keys are left out, so the same page
// always gives the same bytes.
func Marshal(p *Page) ([]byte, error) {
	var b bytes.Buffer
	b.WriteString(delim + "\n")
	enc := toml.NewEncoder(&b)
	enc.Indent = ""
	if err := enc.Encode(p.Meta); err != nil {
		return nil, fmt.Errorf("%s: encoding front matter: %w", p.Path, err)
	}
	b.WriteString(delim + "\n")
	b.Write(p.Body)
	return b.Bytes(), nil
}

// Heading is one heading of a rendered page, for outlines and tables of
// contents. Text is plain text, without markup.
type Heading struct {
	Level int
	ID    string
	Text  string
}
