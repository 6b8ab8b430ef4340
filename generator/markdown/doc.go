// Package markdown turns the Markdown body of one page into HTML and the
// outline of its headings.
//
// Input: the body of a content file (UTF-8 Markdown, front matter already
// removed) and Options. Output: Result, the HTML as template.HTML, the
// headings as []content.Heading, in document order, and with Options.Text
// the page's plain text. ChromaCSS returns the stylesheet that goes with
// the highlighted code.
//
// plaintext.go holds the one definition of a page's plain text
// (Converter.PlainText, Result.Text): the text of every paragraph, heading,
// list item and table cell as a reader sees it, one block a line, taken
// from the syntax tree. The importer finds indicators in it
// (indicator.PlainText) and the build verifies them against it. MarkAll
// (mark.go) finds a page's indicator sentences, given in that text, in its
// HTML and wraps each in a span, writing the page once: through inline
// markup (emphasis, links, inline code) and entities, never across a block,
// in pieces where emphasis crosses a sentence's ends. FuzzMark checks that
// every stretch of a line of the plain text is found. (Marking on the tree,
// as an AST transformer, is what issue 13 asks for; this marks the HTML
// Convert wrote, relying on every "<" of the text being escaped.)
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
//
// A Converter is safe for concurrent use: all state of one conversion lives
// in its parser.Context and Document.
package markdown
