package dialect

import (
	"strconv"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	extast "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// paragraphIDsKey marks, in a conversion's parser.Context, that
// Options.ParagraphIDs is on. It is made once, when the package is
// initialised, for the reason given at headingsKey.
var paragraphIDsKey = parser.NewContextKey()

// WithParagraphIDs turns Paragraphs on for the conversion of pc.
func WithParagraphIDs(pc parser.Context) { pc.Set(paragraphIDsKey, true) }

// Paragraphs gives every block of text an ID, "p-1", "p-2", … in document
// order (after IDs.Prefix), so that a search result or a shared link
// can point at one paragraph. A block of text is a paragraph, the item of a
// tight list (whose text has no <p> of its own) or a table. The numbers
// depend only on the Markdown, so they stay the same from build to build.
//
// It runs before Outline and reserves its IDs in the page's parser.IDs, so
// a heading whose text is "P 1" gets "p-1-1" instead of a duplicate.
var Paragraphs goldmark.Extender = paragraphs{}

type paragraphs struct{}

var _ parser.ASTTransformer = paragraphs{}

func (paragraphs) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(parser.WithASTTransformers(util.Prioritized(paragraphs{}, 990)))
}

func (paragraphs) Transform(doc *ast.Document, _ text.Reader, pc parser.Context) {
	if on, _ := pc.Get(paragraphIDsKey).(bool); !on {
		return
	}
	var prefix string
	s, ours := pc.IDs().(*IDs)
	if ours {
		prefix = s.Prefix
	}
	n := 0
	var buf []byte // the ids, a few hundred bytes to an allocation
	next := func() []byte {
		n++
		if cap(buf)-len(buf) < len(prefix)+2+20 {
			buf = make([]byte, 0, max(512, len(prefix)+22))
		}
		at := len(buf)
		buf = strconv.AppendInt(append(append(buf, prefix...), "p-"...), int64(n), 10)
		id := buf[at:len(buf):len(buf)]
		if !ours {
			pc.IDs().Put(id)
		}
		return id
	}
	if ours {
		defer func() { s.paragraphs = n }()
	}
	_ = ast.Walk(doc, func(node ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch node.Kind() {
		case ast.KindParagraph, extast.KindTable:
			node.SetAttributeString("id", next())
			if node.Kind() == extast.KindTable {
				return ast.WalkSkipChildren, nil
			}
		case ast.KindListItem:
			if _, tight := node.FirstChild().(*ast.TextBlock); tight {
				node.SetAttributeString("id", next())
			}
		}
		return ast.WalkContinue, nil
	})
}
