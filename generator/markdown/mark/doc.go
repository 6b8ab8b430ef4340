// Package mark marks sentences of a page on goldmark's syntax tree: each
// indicator sentence the build quotes is wrapped in <span class id>, with
// trusted HTML (a link back to its card) behind it.
//
// Input: a Text, built by the caller from the tree of one page in document
// order (its blocks of text, the text a reader sees of each inline node,
// the tags of inline elements), the page's source and the Spans to mark.
// Output: Text.Mark changes the tree, wrapping each sentence in nodes of
// its own kind, and reports which sentences it found; Extension renders
// those nodes, and code spans, whose text a mark may cut. AppendLeaf and
// AppendRaw give the text a reader sees of an inline node, resolved unit by
// unit as goldmark's HTML writer resolves it (text.go): the one definition
// of a page's plain text, which the caller builds from them.
//
// Each sentence is marked at its first occurrence that no earlier one
// covers, preferring one run of text, through inline markup (emphasis,
// links, inline code), never across a block, in pieces where an element
// crosses a sentence's ends, the id on the first piece and the span's After
// behind the last. Text nodes are cut between the units goldmark's writer
// reads, so the HTML is the same with the marks left out. Three limits,
// where no report puts a sentence: a sentence is not found in code blocks
// or raw HTML blocks, never across an image (whose alt text is no part of
// the plain text), and never ends inside an autolink's label or inline raw
// HTML.
//
// A Text serves one conversion at a time and can be Reset for the next; the
// nodes Mark adds are new for every page, since the tree outlives the Text.
//
// Imports: goldmark and the standard library. Only
// reportsite/generator/markdown imports it.
package mark
