package markdown

import (
	"bytes"

	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// PlainText returns the plain text of a Markdown page, one block a line, as
// Convert's Result.Text gives it: the one definition of a page's text, that
// the importer finds indicators in, the build verifies them against and
// Options.Marks finds their sentences in. It parses the page without
// rendering it.
func (c *Converter) PlainText(src []byte) string {
	src = bytes.TrimPrefix(src, []byte(bom))
	opt := Options{Text: true}
	var res Result
	pc := parser.NewContext(parser.WithIDs(newIDs("")))
	pc.Set(resultKey, &conversion{opt: &opt, res: &res, hidden: new(bool)})
	c.md.Parser().Parse(text.NewReader(src), parser.WithContext(pc))
	return res.Text
}
