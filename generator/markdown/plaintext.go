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
	line := func(b []byte) {
		if len(b) == 0 {
			return
		}
		if len(dst) > 0 {
			dst = append(dst, '\n')
		}
		if bytes.IndexByte(b, 0) >= 0 {
			b = bytes.ReplaceAll(b, []byte{0}, []byte("\uFFFD")) // as goldmark writes NUL
		}
		dst = append(dst, b...)
	}
	var buf []byte
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Paragraph, *ast.TextBlock, *ast.Heading, *extast.TableCell:
			buf = appendInlineText(buf[:0], n, source)
			for i, b := range buf {
				if b == '\n' {
					buf[i] = ' '
				}
			}
			line(bytes.TrimSpace(buf))
			return ast.WalkSkipChildren, nil
		case *ast.HTMLBlock:
			if n.HTMLBlockType != ast.HTMLBlockType2 {
				for i := 0; i < n.Lines().Len(); i++ {
					seg := n.Lines().At(i)
					line(bytes.TrimSpace(seg.Value(source)))
				}
				if n.HasClosure() {
					closure := n.ClosureLine
					line(bytes.TrimSpace(closure.Value(source)))
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
