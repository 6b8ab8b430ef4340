package dialect

import (
	"bytes"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// Safety keeps a page's Markdown from carrying active content. goldmark's
// defaults already refuse raw HTML and javascript: links, but they replace
// raw HTML with a comment (losing its words), allow data:image URLs and
// leave an empty <a href=""> behind. Instead, raw HTML is shown as escaped
// text (comments are dropped), and a link or image with a URL scheme other
// than http, https, mailto or tel is replaced by its text.
var Safety goldmark.Extender = safety{}

type safety struct{}

var (
	_ parser.ASTTransformer = safety{}
	_ renderer.NodeRenderer = safety{}
)

func (safety) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(parser.WithASTTransformers(util.Prioritized(safety{}, 800)))
	// A lower number wins: this replaces goldmark's renderer (1000) for
	// raw HTML.
	m.Renderer().AddOptions(renderer.WithNodeRenderers(util.Prioritized(safety{}, 100)))
}

// Transform unwraps links, autolinks and images whose URL is not allowed.
func (safety) Transform(doc *ast.Document, reader text.Reader, _ parser.Context) {
	source := reader.Source()
	var unsafe []ast.Node
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		var url []byte
		switch n := n.(type) {
		case *ast.Link:
			url = n.Destination
		case *ast.Image:
			url = n.Destination
		case *ast.AutoLink:
			if n.AutoLinkType == ast.AutoLinkEmail {
				return ast.WalkContinue, nil
			}
			url = n.URL(source)
		default:
			return ast.WalkContinue, nil
		}
		if !allowedURL(url) {
			unsafe = append(unsafe, n)
		} else if _, isImage := n.(*ast.Image); !isImage && isExternal(url) {
			// Links that leave the site are marked (GOV-PAGE row 14): the
			// stylesheet adds a visible "外部链接" label to this class.
			n.SetAttributeString("class", []byte("external"))
			n.SetAttributeString("rel", []byte("noopener"))
		}
		return ast.WalkContinue, nil
	})
	// Nodes are replaced after the walk, which would stop early if the
	// node it stands on lost its siblings.
	for _, n := range unsafe {
		parent := n.Parent()
		if a, ok := n.(*ast.AutoLink); ok {
			label := ast.NewString(a.Label(source))
			label.SetRaw(true)
			parent.ReplaceChild(parent, n, label)
			continue
		}
		for c := n.FirstChild(); c != nil; {
			next := c.NextSibling()
			parent.InsertBefore(parent, n, c)
			c = next
		}
		parent.RemoveChild(parent, n)
	}
}

// allowedURL reports whether a link destination is relative or uses an
// allowed scheme. It reads the scheme the way a browser does: after
// resolving character references, skipping leading controls and spaces and
// removing tabs and newlines.
func allowedURL(url []byte) bool {
	if bytes.IndexByte(url, '&') >= 0 {
		url = util.ResolveEntityNames(util.ResolveNumericReferences(url))
	}
	var buf [16]byte
	n := 0 // scheme bytes seen; the first len(buf) are kept
	for _, c := range url {
		switch {
		case c == '\t' || c == '\n' || c == '\r':
			continue
		case c <= ' ' && n == 0:
			continue
		case c == ':':
			return n == 0 || (n <= len(buf) && allowedScheme(buf[:n]))
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z':
		case ('0' <= c && c <= '9') || c == '+' || c == '-' || c == '.':
			if n == 0 {
				return true
			}
		default:
			return true
		}
		if n < len(buf) {
			buf[n] = c | 0x20 // lower case; digits and "+-." are unchanged
		}
		n++
	}
	return true
}

func allowedScheme(s []byte) bool {
	switch string(s) {
	case "http", "https", "mailto", "tel":
		return true
	}
	return false
}

// RegisterFuncs replaces goldmark's renderers of raw HTML.
func (safety) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(ast.KindRawHTML, renderRawHTML)
	reg.Register(ast.KindHTMLBlock, renderHTMLBlock)
}

func renderRawHTML(w util.BufWriter, source []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	n := node.(*ast.RawHTML)
	if entering && !isHTMLComment(n, source) {
		for i := 0; i < n.Segments.Len(); i++ {
			seg := n.Segments.At(i)
			html.DefaultWriter.RawWrite(w, seg.Value(source))
		}
	}
	return ast.WalkSkipChildren, nil
}

// renderHTMLBlock shows a block of raw HTML as the escaped text of a
// paragraph.
func renderHTMLBlock(w util.BufWriter, source []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	n := node.(*ast.HTMLBlock)
	if !entering || n.HTMLBlockType == ast.HTMLBlockType2 {
		return ast.WalkSkipChildren, nil
	}
	lines := n.Lines()
	_, _ = w.WriteString("<p>")
	for i := 0; i < lines.Len(); i++ {
		seg := lines.At(i)
		writeLine(w, seg.Value(source), i > 0)
	}
	if n.HasClosure() {
		writeLine(w, n.ClosureLine.Value(source), lines.Len() > 0)
	}
	_, _ = w.WriteString("</p>\n")
	return ast.WalkSkipChildren, nil
}

func writeLine(w util.BufWriter, line []byte, newline bool) {
	line = bytes.TrimRight(line, "\r\n")
	if newline {
		_ = w.WriteByte('\n')
	}
	html.DefaultWriter.RawWrite(w, line)
}

func isHTMLComment(n *ast.RawHTML, source []byte) bool {
	if n.Segments.Len() == 0 {
		return false
	}
	first := n.Segments.At(0)
	return bytes.HasPrefix(first.Value(source), []byte("<!--"))
}

// isExternal reports whether url is absolute (http, https or
// protocol-relative): every link inside a site is relative.
func isExternal(url []byte) bool {
	return bytes.HasPrefix(url, []byte("//")) || bytes.HasPrefix(bytes.ToLower(url[:min(len(url), 8)]), []byte("https://")) ||
		bytes.HasPrefix(bytes.ToLower(url[:min(len(url), 7)]), []byte("http://"))
}
