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
// as goldmark's HTML writer resolves them, mark/text.go), one block a line. The
// importer finds indicators in it (indicator.PlainText), the build verifies
// them against it, and Options.Marks finds their sentences in it, so an
// editor's emphasis inside a sentence or across its ends changes none of
// the three.
//
// Sentences are marked on the tree by the subpackage mark, after every
// other transformer, from the marking text that the walk of collect.go
// builds; its package doc gives the rules. Result.Nest shows the page
// unmarked.
//
// The dialect is CommonMark with GFM tables, GFM autolinks (linkify) and
// footnotes. GFM strikethrough is left out on purpose: goldmark strikes
// through single tildes, and the reports write ranges as "增长3~5%，力争6~8%".
// The rules of the dialect (Unicode heading IDs and the outline, paragraph
// IDs, soft line breaks in Chinese text, raw HTML shown as text and unsafe
// links dropped, scrollable tables) are goldmark extensions in the
// subpackage dialect, one file each, in the shape of goldmark's
// strikethrough.go (node kind, transformer, renderer, Extend); New wires
// them with their priorities. This package keeps:
//
//   - markdown.go: New, Convert, Options and Result, the facade;
//   - collect.go: the last transformer, which walks the tree once for
//     Result and runs the marking;
//   - nest.go: Result.Nest;
//   - chroma.go: fenced code is highlighted by chroma with CSS classes,
//     never inline styles, and ChromaCSS is its stylesheet.
//
// Imports: reportsite/generator/content, search (for its Section and Block
// types only: a page's sections go to the index as they are), its
// subpackages dialect and mark,
// goldmark, goldmark-highlighting and chroma, and the standard library. It
// and its subpackages are the only packages that import goldmark or
// chroma, and it is the only one that imports its subpackages.
//
// Options.IDPrefix goes in front of every heading, paragraph and footnote
// ID.
//
// A Converter is safe for concurrent use: all state of one conversion lives
// in its parser.Context, its Document and one conversion value; memory
// that no conversion keeps (the marking text, the search text being read,
// Nest's changes) is handed from one conversion to the next through a
// sync.Pool on the Converter.
package markdown
