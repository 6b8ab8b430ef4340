// Package dialect holds the goldmark extensions that make reportsite's
// Markdown dialect, each in its own file in the shape of goldmark's
// strikethrough.go (node kind, transformer, renderer, Extend), with its
// priority stated where it is wired:
//
//   - ids.go: IDs, the parser.IDs of one page. Heading IDs keep Unicode
//     letters and digits, so "一、2020年国民经济和社会发展计划执行情况"
//     becomes "一2020年国民经济和社会发展计划执行情况" rather than
//     goldmark's "2020". Punctuation is dropped, spaces become "-", letters
//     are lower-cased, the ID is cut at 32 runes, an empty one becomes
//     "section", and a repeated one gets "-1", "-2", … IDs.Prefix goes in
//     front of every heading ID.
//   - paragraphs.go: Paragraphs, on with WithParagraphIDs, gives every
//     paragraph, tight list item and table the ID "p-1", "p-2", … in
//     document order (after IDs.Prefix), reserved before heading IDs are
//     made, so that a search result lands on its paragraph.
//   - outline.go: Outline gives every heading its ID and collects the
//     outline (Headings), as Hugo's toc.go does.
//   - linebreak.go: LineBreaks renders a soft line break next to a Chinese
//     character or full-width punctuation as nothing, so that browsers show
//     no space inside Chinese text; between Latin words it stays a newline.
//     goldmark's CJK extension (EastAsianLineBreaksCSS3Draft) is enabled
//     too, but its renderer only sees a break when the next node is plain
//     text, and it also joins "end.\nNext" into "end.Next". The transformer
//     therefore settles every soft break before rendering.
//   - safety.go: Safety never passes raw HTML through. Inline and block
//     HTML is shown as escaped text, so no words are lost; HTML comments are
//     dropped. Links and images whose URL scheme is not http, https, mailto
//     or tel (javascript:, vbscript:, data:, file:, …) lose the link and
//     keep their text; links that leave the site get class="external".
//   - table.go: Tables wraps every table in a focusable, scrollable region
//     (<div class="table-wrap" role="region" tabindex="0" aria-label="表格">)
//     so a wide table scrolls on its own on a phone.
//
// Input: goldmark's syntax tree of one page, in the transformers' and
// renderers' calls. Output: the tree changed in place, the HTML written by
// the renderers, and Headings. All state of one conversion lives in its
// parser.Context and its IDs, so the extensions are safe for concurrent
// use.
//
// Imports: reportsite/generator/content, goldmark and the standard library.
// Only reportsite/generator/markdown imports it.
package dialect
