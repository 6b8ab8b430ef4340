// Package markdown turns the Markdown body of one page into HTML and what
// the later stages need of the page, from one walk of its syntax tree.
//
// Input: the body of a content file (UTF-8 Markdown, front matter already
// removed) and Options. Output: Result, the HTML as template.HTML and,
// gathered from the same tree rather than by scanning the HTML again
// (collect.go): the headings as []content.Heading in document order; every
// id the HTML defines; every link and image URL with the line of the file
// it is written on; the page's text for search, split at its headings into
// blocks (paragraph, list item, table, code) with their ids; whether a
// code block is highlighted; with Options.Text the page's plain text; and
// with Options.Marks which indicator sentences were marked. Result.Nest
// renders the same tree again for the full-text page: ids and in-page
// links prefixed, headings shifted, relative links rebased, sentences
// unmarked. ChromaCSS returns the stylesheet that goes with the
// highlighted code.
//
// The plain text (Result.Text, Converter.PlainText) is the one definition
// of a page's text: the text of every paragraph, heading, list item and
// table cell as a reader sees it (escapes and character references resolved
// as goldmark's HTML writer resolves them, text.go), one block a line. The
// importer finds indicators in it (indicator.PlainText), the build verifies
// them against it, and Options.Marks finds their sentences in it, so an
// editor's emphasis inside a sentence or across its ends changes none of
// the three.
//
// mark.go marks sentences on the tree, after every other transformer: each
// at its first occurrence that no earlier one covers, preferring one run of
// text, through inline markup (emphasis, links, inline code), never across
// a block, in pieces where an element crosses a sentence's ends, the id on
// the first piece and the span's After behind the last. Text nodes are cut
// between the units goldmark's writer reads, so the HTML is the same with
// the marks left out. Two limits, where no report puts a sentence's end: a
// sentence is not found in code blocks or raw HTML blocks, and never ends
// inside an autolink's label or inline raw HTML.
//
// Imports: reportsite/generator/content, goldmark, goldmark-highlighting and
// chroma, and the standard library. It is the only package that imports
// goldmark or chroma.
//
// The dialect is CommonMark with GFM tables, GFM autolinks (linkify) and
// footnotes. GFM strikethrough is left out on purpose: goldmark strikes
// through single tildes, and the reports write ranges as "增长3~5%，力争6~8%".
//
// Each rule below is a small goldmark extension in its own file, in the
// shape of goldmark's strikethrough.go (node kind, transformer, renderer,
// Extend):
//
//   - ids.go: heading IDs keep Unicode letters and digits, so
//     "一、2020年国民经济和社会发展计划执行情况" becomes
//     "一2020年国民经济和社会发展计划执行情况" rather than goldmark's "2020".
//     Punctuation is dropped, spaces become "-", letters are lower-cased,
//     the ID is cut at 32 runes, an empty one becomes "section", and a
//     repeated one gets "-1", "-2", … Options.IDPrefix goes in front of every
//     heading and footnote ID.
//   - paragraphs.go: with Options.ParagraphIDs, every paragraph, tight
//     list item and table gets the ID "p-1", "p-2", … in document order
//     (after IDPrefix), reserved before heading IDs are made, so that a
//     search result lands on its paragraph.
//   - outline.go: an AST transformer gives every heading its ID and collects
//     the outline, as Hugo's toc.go does.
//   - linebreak.go: a soft line break next to a Chinese character or
//     full-width punctuation renders as nothing, so that browsers show no
//     space inside Chinese text; between Latin words it stays a newline.
//     goldmark's CJK extension (EastAsianLineBreaksCSS3Draft) is enabled
//     too, but its renderer only sees a break when the next node is plain
//     text, and it also joins "end.\nNext" into "end.Next". The transformer
//     therefore settles every soft break before rendering.
//   - safety.go: raw HTML is never passed through. Inline and block HTML is
//     shown as escaped text, so no words are lost; HTML comments are
//     dropped. Links and images whose URL scheme is not http, https, mailto
//     or tel (javascript:, vbscript:, data:, file:, …) lose the link and
//     keep their text.
//   - table.go: every table is wrapped in a focusable, scrollable region
//     (<div class="table-wrap" role="region" tabindex="0" aria-label="表格">)
//     so a wide table scrolls on its own on a phone. Column alignment is an
//     align attribute, not a style attribute.
//   - chroma.go: fenced code is highlighted by chroma with CSS classes,
//     never inline styles.
//   - mark.go, markapply.go: sentences of Options.Marks are wrapped in
//     markSpan nodes, rendered as <span class id> with the span's After.
//   - collect.go: the last transformer walks the tree once for Result.
//
// A Converter is safe for concurrent use: all state of one conversion lives
// in its parser.Context and Document.
package markdown
