package dialect

import (
	"bytes"
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"

	"reportsite/generator/content"
)

// headingsKey holds the []content.Heading of one conversion in its
// parser.Context. It is made once, when the package is initialised, because
// parser.NewContextKey changes a goldmark counter without a lock.
var headingsKey = parser.NewContextKey()

// Outline gives every heading an ID from the page's parser.IDs and collects
// the headings in document order (see Headings), as Hugo's toc.go does. It
// runs after LineBreaks, so a soft break inside a setext heading is already
// settled.
var Outline goldmark.Extender = outline{}

type outline struct{}

var _ parser.ASTTransformer = outline{}

// Headings returns the headings that Outline collected in the conversion
// of pc.
func Headings(pc parser.Context) []content.Heading {
	h, _ := pc.Get(headingsKey).([]content.Heading)
	return h
}

func (outline) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(parser.WithASTTransformers(util.Prioritized(outline{}, 1000)))
}

func (outline) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	source := reader.Source()
	var headings []content.Heading
	var buf []byte
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		h, ok := n.(*ast.Heading)
		if !entering || !ok {
			return ast.WalkContinue, nil
		}
		buf = appendPlainText(buf[:0], h, source)
		title := string(buf)
		var id []byte
		if v, ok := h.AttributeString("id"); ok {
			id, _ = v.([]byte)
		}
		if id == nil {
			id = pc.IDs().Generate(buf, ast.KindHeading)
			h.SetAttributeString("id", id)
		}
		headings = append(headings, content.Heading{Level: h.Level, ID: string(id), Text: title})
		return ast.WalkSkipChildren, nil
	})
	pc.Set(headingsKey, headings)
}

// appendPlainText appends the text of n's inline children as a reader sees
// it: markup gone, escapes and entities resolved, every run of white space
// one space, no space at either end.
func appendPlainText(dst []byte, n ast.Node, source []byte) []byte {
	start := len(dst)
	dst = appendInlineText(dst, n, source)
	return collapseSpace(dst, start)
}

func appendInlineText(dst []byte, n ast.Node, source []byte) []byte {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		switch c := c.(type) {
		case *ast.Text:
			v := c.Segment.Value(source)
			if !c.IsRaw() && bytes.ContainsAny(v, `\&`) {
				v = util.ResolveEntityNames(util.ResolveNumericReferences(util.UnescapePunctuations(v)))
			}
			dst = append(dst, v...)
			if c.SoftLineBreak() || c.HardLineBreak() {
				dst = append(dst, ' ')
			}
		case *ast.String:
			dst = append(dst, c.Value...)
		case *ast.CodeSpan:
			for t := c.FirstChild(); t != nil; t = t.NextSibling() {
				if t, ok := t.(*ast.Text); ok {
					dst = append(dst, t.Segment.Value(source)...)
				}
			}
		case *ast.AutoLink:
			dst = append(dst, c.Label(source)...)
		case *ast.RawHTML:
			// Shown as text by rawHTMLRenderer, so part of the title too;
			// comments are not shown.
			if !isHTMLComment(c, source) {
				for i := 0; i < c.Segments.Len(); i++ {
					seg := c.Segments.At(i)
					dst = append(dst, seg.Value(source)...)
				}
			}
		default:
			dst = appendInlineText(dst, c, source)
		}
	}
	return dst
}

// collapseSpace turns each run of white space in b[start:] into one space
// and trims both ends, in place.
func collapseSpace(b []byte, start int) []byte {
	out := start
	space := false
	for i := start; i < len(b); {
		r, size := utf8.DecodeRune(b[i:])
		if unicode.IsSpace(r) {
			space = out > start
			i += size
			continue
		}
		if space {
			b[out] = ' '
			out++
			space = false
		}
		out += copy(b[out:], b[i:i+size])
		i += size
	}
	return b[:out]
}
