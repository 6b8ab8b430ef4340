// Package source reads the file a report is imported from (a saved web page,
// a Word document, or plain text) and returns the report's text.
//
// Inputs: a file name and its bytes. Outputs: a Document: the report's text
// as UTF-8 lines, one paragraph or block per line, what was left out of it,
// and the metadata fields the document's structure holds (a page's <meta> tags and 信息公开 table, a
// Word file's core properties). Imports: the standard library,
// golang.org/x/net/html (and its charset package) and golang.org/x/text; it
// imports no sibling package. Read is pure: the caller reads the file and
// hands the text to the report importer, which finds the title block, the
// furniture and the structure in it.
//
// # Formats
//
// The format comes from the file name's extension, and from the first bytes
// when the extension names none of these:
//
//   - .txt and any other text: passed through unchanged (the report importer
//     decodes UTF-8, UTF-16 and GB18030 itself).
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
//   - .docx: the main document part's paragraphs in order, with Word's
//     automatic numbering printed as its label ("一、", "（一）", "1.") and
//     each table row on one line; see "Word documents".
//   - .doc and .wps (OLE2 files): an error that says to save it as .docx.
//   - .pdf: an error that says how to make text of it (pdftotext -layout);
//     no Go library we measured extracts Chinese text with its order intact.
//
// # Lines
//
// One block is one line: a paragraph, a heading, a list item, a line ended by
// <br>, a table row. White space is collapsed as a browser does, and a line
// break in the source between two Chinese characters is dropped (CSS Text's
// segment break rule), so no stray space splits a word. A table row becomes
// one line with its cells separated by two ideographic spaces (U+3000
// U+3000), which the importer keeps as text; "|" is never used, because the
// importer drops "|" tool bars. A cell of several lines (a header cell
// "比上年" / "增长(%)") is joined into one when it is short (60 characters);
// a row with a longer cell or a nested table (a layout table) gives its
// blocks line by line instead.
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
// # Word documents
//
// Paragraphs of word/document.xml in order, tables row by row as for HTML,
// text boxes before the paragraph that anchors them; deleted text, field
// instructions and the fallback copy of alternate content are not text.
// A footnote call is printed as its number ("[1]"; endnotes "[i]"), and
// the notes follow the body, one line each ("[1] 预算稳定调节基金：…"), in
// the order they are called.
// Automatic numbering (numbering.xml) is rendered as Word prints it: lvlText
// ("%1、", "（%1）", "%1.%2") with each level's counter in its numFmt
// (chineseCounting 一二…十一, decimal, decimalFullWidth, enclosed circles,
// letters, roman, 甲乙丙…); counters run per list (numId) and level, a start
// override starts a list again, and a level resets the levels below it. A
// paragraph whose style (or its pPr) is a heading (Word's "heading N", "标题
// N", or an outline level) is listed in Document.Headings. From
// docProps/core.xml only the title is used (Meta.Title, which the importer
// uses only when the body has no title block); "created" is when the file
// was made, not when the report was issued, and is kept in Meta.Other.
//
// # Limits
//
// A page or document over 64 MiB, a zip entry that would unpack to more than
// 64 MiB (a zip bomb: reading stops there, whatever the entry claims) or
// whose compression ratio is over 200:1 above 1 MiB, a file that is not a
// zip, a page nested deeper than the HTML parser takes (512 elements), and
// a page or document without text, are errors naming the file.
package source
