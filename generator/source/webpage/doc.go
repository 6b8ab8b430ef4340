// Package webpage reads a saved web page (.html, .htm, .shtml, .xhtml) or
// web archive (.mht, .mhtml) for package source: its article's text, one
// block a line, the metadata the page holds and what was left out.
//
// Inputs: the file's bytes. Outputs: a *document.Document (Read,
// ReadMHTML), or an error wrapping ErrBadHTML, ErrNoPage or
// document.ErrTooLarge; package source adds the file's name. Imports: the
// standard library, golang.org/x/net/html (and its charset package),
// golang.org/x/text and reportsite/generator/source/document.
//
// # Formats
//
//   - .html, .htm, .shtml, .xhtml: the page is decoded in the charset it
//     declares (<meta charset>, http-equiv Content-Type, a BOM; GB2312 and
//     GBK are read as GB18030, their superset; a page that is valid UTF-8
//     with non-ASCII text is UTF-8 whatever it declares, as a converted page
//     keeps its old declaration; an undeclared page is UTF-8 when valid,
//     GB18030 otherwise), parsed as a browser would, and cut down
//     to the article: see "Finding the article" below.
//   - .mht, .mhtml (a page saved as "a single file", a MIME message): its
//     first text/html part, decoded from quoted-printable or base64, in the
//     charset its part header names, read as a page.
//
// # Lines
//
// White space is collapsed as a browser does, and a line break in the
// source between two Chinese characters is dropped (CSS Text's segment
// break rule), so no stray space splits a word; see package document for
// one block a line and table rows.
//
// # Finding the article
//
// Each line is scored by its sentence text: the Chinese characters outside
// links, when the line has at least 8 of them and a sentence mark
// (。！？；，) and at most a third of its text is link text. The article is
// the deepest element that holds at least 85% of the page's score. The text
// starts at the article's title: the line nearest before the first sentence
// line that is (or holds, or is a part of) the title the page's metadata
// names (标题, ArticleTitle, the longest part of <title> unless it is the
// site's name), alone, after a 标题 key or before its meeting in
// parentheses, joined backwards over a title printed on several lines;
// without one, at the nearest heading element (h1-h6) just above the text;
// without one, at the article's first line. It ends at the article's end.
// Lines made mostly of links are dropped between the title and the first
// sentence line and after the last one (tool bars, attachment and
// related-article lists); inside the text nothing is dropped.
//
// Scripts, styles, forms' controls, embedded objects, <head> and elements
// hidden with display:none or the hidden attribute are not text.
//
// # What is left out
//
// Document.Dropped lists, in document order, what the reader left out of
// Text, and DroppedSummary puts it on one line for the import command. A
// page's left-out lines are grouped in runs of one place (before the
// article, in it, after it) and one reason, each with the lines of the
// .html file its elements start on, its number of blocks and the first 30
// characters of its text. The reason is the outermost element around the
// run that is not around the article and names furniture by its tag (nav,
// header, footer, aside, form), its ARIA role, or a word of its id or class
// names ("nav", "menu", "crumb", "weizhi" navigation; "header", "top",
// "banner", "logo" page header; "footer", "foot", "bottom", "copyright"
// footer; "share", "bdshare" share widget; "search" search; "link",
// "related" link list; "sidebar", "side" sidebar; a utility class such as
// "bd-bottom" names nothing); else "link list" for a line mostly of links;
// else the place. Hidden elements, controls and embedded objects with text
// are runs of their own ("hidden", "form control", "embedded object"),
// unless they stand inside a run of left-out lines or inside furniture.
// Scripts and styles are one count. The parser keeps no positions, so the
// page is tokenized once more with each start tag marked with its line and
// the two trees are matched node by node; a page saved as .mht names its
// runs by element path instead ("body > div#nav"), as the lines of its HTML
// part are not the file's. A Word file's page headers, footers and comments
// (its header*.xml, footer*.xml, comments*.xml parts) and its tracked
// deletions are listed too.
//
// # Metadata
//
// From <meta> tags: ArticleTitle (title), PubDate (issued), ContentSource
// (publisher, when it names an organisation: it ends in 局, 处, 厅, 委, …).
// From the lines before the article's first sentence: 信息公开 fields, "key：
// value" (several on a line), a key alone followed by its value (the next
// line or table cell), keys letter-spaced with spaces or U+3000: 标题
// (title), 索引号, 文号 (doc_no), 发布机构/发文机关/来源 (publisher), 发文日期,
// 发布日期/发布时间/日期/生成日期 (issued, in that order of preference),
// 成文日期 (written); the other keys of such blocks are kept in Meta.Other.
// The fields between the title and the text (the article's info line) come
// before those above the title, except that a 发文日期 or 发布日期 (a
// 信息公开 table's) is the issue date wherever it stands; <meta> tags fill
// only what no field gives. A title found only as the article's title line
// loses its layout spaces.
// Dates are written YYYY-MM-DD. A title that ends with its meeting in
// parentheses ("…的报告（2026年1月21日在…会议上）") loses the parentheses.
//
// # Limits
//
// A page nested deeper than the HTML parser takes (512 elements) is
// ErrBadHTML; the HTML part of a web archive over 64 MiB is
// document.ErrTooLarge.
package webpage
