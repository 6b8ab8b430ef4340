package markdown

import (
	"bytes"
	"fmt"
	"html/template"
	"strings"
	"sync"

	chromahtml "github.com/alecthomas/chroma/v2/formatters/html"
	"github.com/yuin/goldmark"
	highlighting "github.com/yuin/goldmark-highlighting/v2"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"

	"reportsite/generator/content"
	"reportsite/generator/markdown/dialect"
	"reportsite/generator/markdown/mark"
)

// A Span is a sentence for Options.Marks to mark: the plain text Sentence
// (as in Result.Text), the ID and Class of the span that wraps it, and
// After, trusted HTML written behind it (such as a link back to the card
// that quotes the sentence).
type Span = mark.Span

// Options controls one conversion. The zero value is ready to use.
type Options struct {
	// IDPrefix is put in front of every heading ID and footnote ID, so that
	// pages concatenated into one document keep their IDs unique
	// (for example "p1-2-").
	IDPrefix string
	// HeadingShift is added to the level of every heading (capped at 6), for
	// pages shown nested inside another document, as on the full-text page.
	HeadingShift int
	// ParagraphIDs gives every paragraph, tight list item and table an ID,
	// "p-1", "p-2", … in document order, after IDPrefix, so that a link (a
	// search result) can land on one paragraph.
	ParagraphIDs bool
	// Text asks for Result.Text.
	Text bool
	// Marks are the sentences to mark (see Span and Result.Marked).
	Marks []Span
	// FirstLine is the line of the file on which src starts, for the lines
	// of Result.Links; 0 counts as 1.
	FirstLine int
}

// Result is the output of one conversion: the HTML and, from one walk of
// the same syntax tree, what later stages need of the page.
type Result struct {
	HTML     template.HTML
	Headings []content.Heading
	// Text is the page's plain text, one block a line, when Options.Text
	// asks for it: the text that indicator sentences are verified against
	// and that Options.Marks finds them in (see collect.go).
	Text string
	// IDs holds every id attribute of HTML: headings, paragraphs, list
	// items, tables, footnotes and marked sentences.
	IDs []string
	// Links holds the URL of every link and image, in document order,
	// with its line.
	Links []Link
	// Sections is the text of the page for search, split at its headings;
	// the first holds the text above the first heading.
	Sections []Section
	// HasCode reports whether a code block is highlighted, so that the
	// page needs chroma's stylesheet.
	HasCode bool
	// Marked reports, for each of Options.Marks, whether its sentence was
	// found and marked.
	Marked []bool

	// What Nest renders again.
	doc *ast.Document
	cv  *conversion
}

// Converter converts Markdown to HTML. It is safe for concurrent use.
type Converter struct {
	md goldmark.Markdown
	// scratch holds *scratch: memory that one conversion at a time uses
	// and none keeps, handed from page to page.
	scratch sync.Pool
}

// scratch is the memory of one conversion that outlives none: the marking
// text, the search text being read, and what Nest changes for the while.
type scratch struct {
	marks   mark.Text
	buf     []byte
	changes []change
	ids     []byte
}

// conversion is the state of one conversion, in one allocation: the
// parser's IDs, the collector, what Nest needs, and Result being filled.
type conversion struct {
	opt       Options
	res       Result
	conv      *Converter
	src       []byte
	ids       dialect.IDs
	col       collector
	hidden    bool // marks are left out (see Nest)
	footnotes bool // the page has footnotes, whose ids need idPrefixAttr
	// Room for the slices of Result on a typical page (no heading, a
	// dozen paragraphs), so that they take no allocation of their own.
	roomSections [1]Section
	roomIDs      [16]string
	roomBlocks   [16]Block
}

// room returns an empty slice with room for n elements: arr's, when they
// are enough.
func room[T any](arr []T, n int) []T {
	if n <= len(arr) {
		return arr[:0]
	}
	return make([]T, 0, n)
}

func (c *Converter) getScratch() *scratch {
	if s, ok := c.scratch.Get().(*scratch); ok {
		return s
	}
	return new(scratch)
}

func (c *Converter) putScratch(s *scratch) {
	s.marks.Reset()
	clear(s.changes)
	s.buf, s.changes, s.ids = s.buf[:0], s.changes[:0], s.ids[:0]
	c.scratch.Put(s)
}

// New returns a Converter configured with the dialect described in the
// package documentation.
func New() *Converter {
	c := &Converter{}
	c.md = goldmark.New(
		goldmark.WithExtensions(
			// align="right" rather than style="text-align:right", so that a
			// Content-Security-Policy without 'unsafe-inline' keeps working.
			extension.NewTable(extension.WithTableCellAlignMethod(extension.TableCellAlignAttribute)),
			extension.Linkify,
			extension.NewFootnote(extension.WithFootnoteIDPrefixFunction(footnoteIDPrefix)),
			extension.NewCJK(extension.WithEastAsianLineBreaks(extension.EastAsianLineBreaksCSS3Draft)),
			highlighting.NewHighlighting(
				highlighting.WithFormatOptions(chromaOptions()...),
				highlighting.WithGuessLanguage(false),
			),
			// Priorities of the transformers, run from low to high: Safety
			// 800, LineBreaks 900, Tables 950, Paragraphs 990, Outline
			// 1000, results 2000 (it marks sentences with mark.Text).
			dialect.Safety,
			dialect.LineBreaks,
			dialect.Tables,
			dialect.Paragraphs,
			dialect.Outline,
			mark.Extension,
			results{},
		),
	)
	return c
}

// idPrefixAttr is the Document attribute that carries Options.IDPrefix to
// the footnote renderer, whose options are fixed when New runs.
const idPrefixAttr = "reportsite-id-prefix"

func footnoteIDPrefix(n ast.Node) []byte {
	doc := n.OwnerDocument()
	if doc == nil {
		return nil
	}
	if v, ok := doc.AttributeString(idPrefixAttr); ok {
		return v.([]byte)
	}
	return nil
}

// bom is the UTF-8 byte order mark, which text saved by Windows editors
// often starts with; left in place it would keep a first "# heading" from
// being a heading.
const bom = "\uFEFF"

// Convert renders src as HTML and returns it with what later stages need
// of the page (see Result).
func (c *Converter) Convert(src []byte, opt Options) (Result, error) {
	cv := c.parse(src, opt)
	doc := cv.res.doc
	if opt.IDPrefix != "" && cv.footnotes {
		doc.SetAttributeString(idPrefixAttr, []byte(opt.IDPrefix))
	}
	if opt.HeadingShift != 0 {
		_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
			if h, ok := n.(*ast.Heading); ok && entering {
				h.Level = min(max(h.Level+opt.HeadingShift, 1), 6)
				return ast.WalkSkipChildren, nil
			}
			return ast.WalkContinue, nil
		})
	}
	h, err := c.render(doc, cv.src)
	if err != nil {
		return Result{}, err
	}
	cv.res.HTML = h
	return cv.res, nil
}

// parse parses src, runs the transformers (results fills cv.res) and
// returns the conversion, with the tree in cv.res.doc.
func (c *Converter) parse(src []byte, opt Options) *conversion {
	src = bytes.TrimPrefix(src, []byte(bom))
	cv := &conversion{opt: opt, conv: c, src: src}
	cv.ids.Prefix = opt.IDPrefix
	cv.res.cv = cv
	pc := parser.NewContext(parser.WithIDs(&cv.ids))
	if opt.ParagraphIDs {
		dialect.WithParagraphIDs(pc)
	}
	pc.Set(resultKey, cv)
	cv.res.doc = c.md.Parser().Parse(text.NewReader(src), parser.WithContext(pc)).(*ast.Document)
	return cv
}

func (c *Converter) render(doc ast.Node, src []byte) (template.HTML, error) {
	// Chinese prose grows by a few percent of tags, so one allocation
	// usually suffices; goldmark writes straight into it (see builder).
	var b builder
	b.Grow(len(src) + len(src)/8 + 512)
	if err := c.md.Renderer().Render(&b, src, doc); err != nil {
		return "", fmt.Errorf("rendering markdown: %w", err)
	}
	return template.HTML(b.String()), nil
}

// builder is a strings.Builder that goldmark's renderer writes to without
// a bufio.Writer of its own in between (it wraps any io.Writer that is not
// a util.BufWriter in one): no 4 KB buffer and no copy per conversion. A
// strings.Builder hands over its bytes without a copy.
type builder struct{ strings.Builder }

var _ util.BufWriter = (*builder)(nil)

func (b *builder) Available() int { return b.Cap() - b.Len() }
func (b *builder) Buffered() int  { return 0 }
func (b *builder) Flush() error   { return nil }

// chromaOptions are the formatter options shared by code blocks and
// ChromaCSS, so that the classes in the HTML match the stylesheet.
func chromaOptions() []chromahtml.Option {
	return []chromahtml.Option{chromahtml.WithClasses(true), chromahtml.WithCSSComments(false)}
}
