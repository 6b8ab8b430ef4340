package markdown

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

// paragraphs gives every block of text an ID, "p-1", "p-2", … in document
// order (after Options.IDPrefix), so that a search result or a shared link
// can point at one paragraph. A block of text is a paragraph, the item of a
// tight list (whose text has no <p> of its own) or a table. The numbers
// depend only on the Markdown, so they stay the same from build to build.
//
// It runs before outline and reserves its IDs in the page's parser.IDs, so
// a heading whose text is "P 1" gets "p-1-1" instead of a duplicate.
type paragraphs struct{}

var (
	_ goldmark.Extender     = paragraphs{}
	_ parser.ASTTransformer = paragraphs{}
)

func (paragraphs) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(parser.WithASTTransformers(util.Prioritized(paragraphs{}, 990)))
}

func (paragraphs) Transform(doc *ast.Document, _ text.Reader, pc parser.Context) {
	if on, _ := pc.Get(paragraphIDsKey).(bool); !on {
		return
	}
	var prefix string
	if s, ok := pc.IDs().(*ids); ok {
		prefix = s.prefix
	}
	n := 0
	next := func() []byte {
		n++
		id := strconv.AppendInt(append([]byte(prefix), "p-"...), int64(n), 10)
		pc.IDs().Put(id)
		return id
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
