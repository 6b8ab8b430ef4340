package markdown

// PlainText returns the plain text of a Markdown page, one block a line, as
// Convert's Result.Text gives it: the one definition of a page's text, that
// the importer finds indicators in, the build verifies them against and
// Options.Marks finds their sentences in. It parses the page without
// rendering it.
func (c *Converter) PlainText(src []byte) string {
	return c.parse(src, Options{Text: true}).res.Text
}
