package markdown

import (
	"bytes"

	"github.com/yuin/goldmark/ast"
	extast "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// appendText appends the plain text of a parsed page to dst: the text of
// every paragraph, heading and table cell as a reader sees it (markup gone,
// escapes and entities resolved, see appendInlineText), one block a line.
// A line break inside a block (a soft break kept between Latin words, or a
// hard break) is a space. Code blocks, which state no prose, and
// HTML comments are left out; an HTML block, shown as text, is a line.
func appendText(dst []byte, doc ast.Node, source []byte) []byte {
	// newline starts a line, after a newline unless it is the first; line
	// settles the line written from at on: line breaks as spaces, no space
	// at either end, NUL as goldmark writes it; an empty one is dropped.
	line := func(start, at int) {
		b := dst[at:]
		for i, c := range b {
			if c == '\n' {
				b[i] = ' '
			}
		}
		b = bytes.TrimSpace(b)
		if len(b) == 0 {
			dst = dst[:start]
			return
		}
		dst = dst[:at+copy(dst[at:], b)]
		if bytes.IndexByte(dst[at:], 0) >= 0 { // written as goldmark writes NUL
			dst = append(dst[:at], bytes.ReplaceAll(dst[at:], []byte{0}, []byte("\uFFFD"))...)
		}
	}
	newline := func() (start, at int) {
		start = len(dst)
		if start > 0 {
			dst = append(dst, '\n')
		}
		return start, len(dst)
	}
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Paragraph, *ast.TextBlock, *ast.Heading, *extast.TableCell:
			start, at := newline()
			dst = appendInlineText(dst, n, source)
			line(start, at)
			return ast.WalkSkipChildren, nil
		case *ast.HTMLBlock:
			if n.HTMLBlockType != ast.HTMLBlockType2 {
				for i := 0; i < n.Lines().Len(); i++ {
					seg := n.Lines().At(i)
					start, at := newline()
					dst = append(dst, seg.Value(source)...)
					line(start, at)
				}
				if n.HasClosure() {
					closure := n.ClosureLine
					start, at := newline()
					dst = append(dst, closure.Value(source)...)
					line(start, at)
				}
			}
			return ast.WalkSkipChildren, nil
		case *ast.CodeBlock, *ast.FencedCodeBlock:
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	return dst
}

// PlainText returns the plain text of a Markdown page, one block a line, as
// Convert's Result.Text gives it: the one definition of a page's text, that
// the importer finds indicators in and the build verifies them against.
func (c *Converter) PlainText(src []byte) string {
	src = bytes.TrimPrefix(src, []byte(bom))
	pc := parser.NewContext(parser.WithIDs(newIDs("")))
	doc := c.md.Parser().Parse(text.NewReader(src), parser.WithContext(pc))
	return string(appendText(make([]byte, 0, len(src)), doc, src))
}
