package markdown

import (
	"bytes"
	"strconv"
	"strings"

	"github.com/alecthomas/chroma/v2/lexers"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	extast "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"

	"reportsite/generator/markdown/dialect"
	"reportsite/generator/markdown/mark"
	"reportsite/generator/search"
)

// A Link is the URL of a link or an image of a page, as its href or src
// attribute holds it (percent-encoded, HTML-escaped), and the 1-based line
// of the file where it is written.
type Link struct {
	URL  string
	Line int
}

// A Section is the text of a page from one heading to the next, as search
// indexes it: Heading and ID are the heading's text and id ("" for the text
// above the first heading). Its Blocks are the section's paragraphs, list
// items, tables, code blocks and HTML blocks: each one's id ("" when it has
// none) and its text as the reader sees it, each run of white space one
// space; footnote numbers and back links are not text. They are search's
// own types, so that a page's sections go to the index as they are.
type Section = search.Section

// A Block is one block of a Section.
type Block = search.Block

// results is the transformer that runs last: it walks the finished tree
// once for what Result holds besides the HTML (collector), then marks the
// sentences of Options.Marks with the marking text the walk built.
type results struct{}

// resultKey holds a conversion's *conversion in its parser.Context. It is
// made once, when the package is initialised, because
// parser.NewContextKey changes a goldmark counter without a lock.
var resultKey = parser.NewContextKey()

var (
	_ goldmark.Extender     = results{}
	_ parser.ASTTransformer = results{}
)

func (results) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(parser.WithASTTransformers(util.Prioritized(results{}, 2000)))
}

func (results) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	cv, _ := pc.Get(resultKey).(*conversion)
	if cv == nil {
		return
	}
	res, src, spans := &cv.res, reader.Source(), cv.opt.Marks
	res.Headings = dialect.Headings(pc)
	sc := cv.conv.getScratch()
	defer cv.conv.putScratch(sc)
	var marks *mark.Text
	if len(spans) > 0 {
		marks = &sc.marks
		marks.Grow(len(src))
	}
	res.IDs = room(cv.roomIDs[:], len(res.Headings)+cv.ids.Paragraphs()+len(spans))
	sc.buf = cv.col.collect(doc, cv, sc.buf, marks)
	// A heading's text is the text a reader sees, as the plain text has
	// it: "\&amp;" shows "&amp;" (Outline resolved the escape first). Its
	// id is left as Outline made it from its own reading, so links stay.
	for i := range res.Headings {
		if i+1 < len(res.Sections) && res.Headings[i].Text != res.Sections[i+1].Heading {
			res.Headings[i].Text = res.Sections[i+1].Heading
		}
	}
	if marks == nil {
		return
	}
	res.Marked = marks.Mark(spans, src, &cv.hidden)
	for k, found := range res.Marked {
		if found {
			res.IDs = append(res.IDs, spans[k].ID)
		}
	}
}

// collector walks a converted page's tree once and gathers what Result
// holds besides the HTML: the plain text, the search sections, the ids,
// the links and whether code is highlighted; and, when sentences are to be
// marked, the marking text of every block (see mark.Text).
type collector struct {
	src      []byte
	prefix   string // Options.IDPrefix, in front of footnote ids
	res      *Result
	cv       *conversion
	text     strings.Builder // the plain text, with Options.Text
	wantText bool
	// The search text being read (see Section): the heading's, or that of
	// the block whose id is block.
	buf     []byte
	block   string
	heading bool
	marks   *mark.Text // nil unless sentences are to be marked
	lines   lineCounter
	// strs holds the text of the sections' headings and blocks and the
	// ids, all for one allocation or a few: a string taken from it stays as
	// it is, for a strings.Builder only ever appends.
	strs strings.Builder
	// all holds the blocks of every section, which take their part of it;
	// from is where the current section's start.
	all  []Block
	from int
}

// collect walks doc and fills cv.res, reading the search text into buf,
// which it returns for the next page.
func (c *collector) collect(doc ast.Node, cv *conversion, buf []byte, marks *mark.Text) []byte {
	opt, src := &cv.opt, cv.src
	*c = collector{src: src, buf: buf[:0], prefix: opt.IDPrefix, res: &cv.res, cv: cv, wantText: opt.Text, marks: marks,
		lines: lineCounter{src: src, first: max(opt.FirstLine, 1), line: max(opt.FirstLine, 1)}}
	if c.wantText {
		c.text.Grow(len(src))
	}
	c.strs.Grow(len(src))
	c.all = room(cv.roomBlocks[:], doc.ChildCount())
	c.res.Sections = room(cv.roomSections[:], len(c.res.Headings)+1)[:1]
	c.blocks(doc)
	c.flush()
	c.endSection()
	if c.wantText {
		c.res.Text = c.text.String()
	}
	buf = c.buf
	*c = collector{}
	return buf
}

// endSection gives the last section its blocks.
func (c *collector) endSection() {
	if len(c.all) > c.from {
		c.res.Sections[len(c.res.Sections)-1].Blocks = c.all[c.from:len(c.all):len(c.all)]
	}
	c.from = len(c.all)
}

func (c *collector) blocks(parent ast.Node) {
	for n := parent.FirstChild(); n != nil; n = n.NextSibling() {
		c.blockNode(n)
	}
}

func (c *collector) blockNode(n ast.Node) {
	switch n := n.(type) {
	case *ast.Heading:
		c.flush()
		c.endSection()
		id := c.id(n)
		c.res.Sections = append(c.res.Sections, Section{ID: id})
		c.heading = true
		c.textBlock(n)
		c.flush()
		c.heading = false
	case *ast.Paragraph:
		c.open(c.id(n))
		c.textBlock(n)
		c.flush()
	case *ast.TextBlock:
		c.textBlock(n)
		if n.NextSibling() != nil && n.FirstChild() != nil {
			c.buf = append(c.buf, '\n')
		}
	case *ast.ListItem:
		c.open(c.id(n))
		c.blocks(n)
		c.flush()
	case *extast.Table:
		c.open(c.id(n))
		c.blocks(n)
		c.flush()
	case *extast.TableHeader, *extast.TableRow:
		c.buf = append(c.buf, ' ')
		c.blocks(n)
		c.buf = append(c.buf, ' ')
	case *extast.TableCell:
		c.buf = append(c.buf, ' ')
		c.textBlock(n)
		c.buf = append(c.buf, ' ')
	case *extast.Footnote:
		c.cv.footnotes = true
		id := c.prefix + "fn:" + strconv.Itoa(n.Index)
		c.res.IDs = append(c.res.IDs, id)
		c.open(id)
		c.blocks(n)
		c.flush()
	case *ast.FencedCodeBlock, *ast.CodeBlock:
		c.open("")
		lines := n.Lines()
		for i := 0; i < lines.Len(); i++ {
			seg := lines.At(i)
			c.buf = append(c.buf, seg.Value(c.src)...)
		}
		c.flush()
		if f, ok := n.(*ast.FencedCodeBlock); ok && highlighted(f, c.src) {
			c.res.HasCode = true
		}
	case *ast.HTMLBlock:
		c.htmlBlock(n)
	default:
		// Lists, block quotes, thematic breaks, the table's and the
		// footnotes' wrappers: elements that end the text before them.
		c.open("")
		c.blocks(n)
		c.flush()
	}
}

// htmlBlock reads a block of raw HTML, shown as a paragraph of text (see
// renderHTMLBlock); an HTML comment shows nothing.
func (c *collector) htmlBlock(n *ast.HTMLBlock) {
	if n.HTMLBlockType == ast.HTMLBlockType2 {
		return
	}
	c.open("")
	add := func(v []byte) {
		at := len(c.buf)
		c.buf = mark.AppendRaw(c.buf, bytes.TrimRight(v, "\r\n"))
		if c.wantText {
			c.addLine(c.buf[at:])
		}
		c.buf = append(c.buf, '\n')
	}
	for i := 0; i < n.Lines().Len(); i++ {
		seg := n.Lines().At(i)
		add(seg.Value(c.src))
	}
	if n.HasClosure() {
		add(n.ClosureLine.Value(c.src))
	}
	c.flush()
}

// textBlock reads the inline content of a paragraph, heading, tight list
// item or table cell: one line of the plain text, and a block of the
// marking text.
func (c *collector) textBlock(n ast.Node) {
	c.marks.Block(n)
	at := len(c.buf)
	c.inlines(n)
	if c.wantText {
		c.addLine(c.buf[at:])
	}
}

// addLine adds a line to the plain text: line breaks as spaces, no space at
// either end; an empty line is left out.
func (c *collector) addLine(l []byte) {
	l = bytes.TrimSpace(l)
	if len(l) == 0 {
		return
	}
	if c.text.Len() > 0 {
		c.text.WriteByte('\n')
	}
	for {
		i := bytes.IndexByte(l, '\n')
		if i < 0 {
			c.text.Write(l)
			return
		}
		c.text.Write(l[:i])
		c.text.WriteByte(' ')
		l = l[i+1:]
	}
}

func (c *collector) inlines(parent ast.Node) {
	for n := parent.FirstChild(); n != nil; n = n.NextSibling() {
		c.inline(n)
	}
}

func (c *collector) inline(n ast.Node) {
	switch n := n.(type) {
	case *ast.Text:
		at := len(c.buf)
		c.buf, _ = mark.AppendLeaf(c.buf, n, c.src)
		c.marks.Leaf(n, c.buf[at:])
		if n.HardLineBreak() {
			c.marks.Break(n)
			c.buf = append(c.buf, '\n')
		}
	case *ast.String, *ast.RawHTML:
		at := len(c.buf)
		c.buf, _ = mark.AppendLeaf(c.buf, n, c.src)
		c.marks.Leaf(n, c.buf[at:])
	case *ast.AutoLink:
		c.link(n, autoLinkURL(n, c.src))
		c.marks.Open(n)
		at := len(c.buf)
		c.buf, _ = mark.AppendLeaf(c.buf, n, c.src)
		c.marks.Leaf(n, c.buf[at:])
		c.marks.Close(n)
	case *ast.Image:
		c.link(n, linkURL(n.Destination))
		c.marks.Image(n)
	case *extast.FootnoteLink:
		c.cv.footnotes = true
		is := strconv.Itoa(n.Index)
		c.res.IDs = append(c.res.IDs, c.prefix+"fnref"+refIndex(n.RefIndex)+":"+is)
		c.link(n, "#"+c.prefix+"fn:"+is)
		c.marks.Void(n)
	case *extast.FootnoteBacklink:
		c.link(n, "#"+c.prefix+"fnref"+refIndex(n.RefIndex)+":"+strconv.Itoa(n.Index))
		c.marks.Void(n)
	default: // emphasis, links, code spans
		if l, ok := n.(*ast.Link); ok {
			c.link(n, linkURL(l.Destination))
		}
		c.marks.Open(n)
		c.inlines(n)
		c.marks.Close(n)
	}
}

func refIndex(i int) string {
	if i > 0 {
		return strconv.Itoa(i)
	}
	return ""
}

// open starts a block-level element: the text read so far ends, and what
// follows belongs to the block with the given id.
func (c *collector) open(id string) {
	c.flush()
	c.block = id
}

// flush ends the heading or block being read, as search.Sections did on
// the HTML: the heading gets its text, a block with text is added.
func (c *collector) flush() {
	t := c.collapse(c.buf)
	c.buf = c.buf[:0]
	switch {
	case c.heading:
		c.res.Sections[len(c.res.Sections)-1].Heading = t
	case t != "":
		c.all = append(c.all, Block{ID: c.block, Text: t})
	}
	c.block = ""
}

// id returns the id attribute of n, recorded among the page's ids.
func (c *collector) id(n ast.Node) string {
	v, ok := n.AttributeString("id")
	if !ok {
		return ""
	}
	b, _ := v.([]byte)
	id := c.str(b)
	c.res.IDs = append(c.res.IDs, id)
	return id
}

// link records a link of the page at n's line.
func (c *collector) link(n ast.Node, url string) {
	c.res.Links = append(c.res.Links, Link{URL: url, Line: c.lines.at(n.Pos())})
}

// str returns b as a string taken from c.strs.
func (c *collector) str(b []byte) string {
	if len(b) == 0 {
		return ""
	}
	at := len(c.strs.String())
	c.strs.Write(b)
	return c.strs.String()[at:]
}

// collapse returns s collapsed (see writeCollapsed), taken from c.strs.
func (c *collector) collapse(s []byte) string {
	at := c.strs.Len()
	writeCollapsed(&c.strs, s)
	if c.strs.Len() == at {
		return ""
	}
	return c.strs.String()[at:]
}

// collapse returns s with each run of white space one space and no space
// at either end (see writeCollapsed).
func collapse(s []byte) string {
	var b strings.Builder
	writeCollapsed(&b, s)
	return b.String()
}

// writeCollapsed writes s to b with each run of white space one space and
// no space at either end. U+3000 (ideographic space) and no-break spaces
// count as white space: they set text apart on screen, so no phrase runs
// across them. The text of most blocks needs no change and is only copied.
func writeCollapsed(b *strings.Builder, s []byte) {
	if !needsCollapse(s) {
		b.Write(s)
		return
	}
	start := b.Len()
	run := 0         // the start of the text not written yet
	pending := false // a space goes before the next text
	for i := 0; i < len(s); {
		n := 0
		if c := s[i]; c <= ' ' || c >= 0xC2 && c <= 0xE3 {
			n = spaceLen(s, i)
		}
		if n == 0 {
			i++
			continue
		}
		if i > run {
			if pending {
				b.WriteByte(' ')
			}
			b.Write(s[run:i])
		}
		pending = b.Len() > start
		i += n
		run = i
	}
	if len(s) > run {
		if pending {
			b.WriteByte(' ')
		}
		b.Write(s[run:])
	}
}

// needsCollapse reports whether collapse changes s.
func needsCollapse(s []byte) bool {
	prev := true // at the start, a space is trimmed
	for i := 0; i < len(s); {
		if c := s[i]; c > ' ' && c < 0xC2 || c > 0xE3 {
			prev = false
			i++
			continue
		}
		n := spaceLen(s, i)
		if n == 0 {
			prev = false
			i++
			continue
		}
		if prev || n > 1 || s[i] != ' ' {
			return true
		}
		prev = true
		i++
	}
	return prev && len(s) > 0
}

// spaceLen returns the length of the white space character (as
// unicode.IsSpace has it) at s[i], or 0. It reads bytes, not runes: in
// UTF-8 no other character starts with the bytes it compares.
func spaceLen(s []byte, i int) int {
	switch s[i] {
	case ' ', '\t', '\n', '\v', '\f', '\r':
		return 1
	case 0xC2: // U+0085, U+00A0
		if i+1 < len(s) && (s[i+1] == 0x85 || s[i+1] == 0xA0) {
			return 2
		}
	case 0xE1: // U+1680
		if i+2 < len(s) && s[i+1] == 0x9A && s[i+2] == 0x80 {
			return 3
		}
	case 0xE2: // U+2000–U+200A, U+2028, U+2029, U+202F, U+205F
		if i+2 < len(s) {
			b1, b2 := s[i+1], s[i+2]
			if b1 == 0x80 && (0x80 <= b2 && b2 <= 0x8A || b2 == 0xA8 || b2 == 0xA9 || b2 == 0xAF) || b1 == 0x81 && b2 == 0x9F {
				return 3
			}
		}
	case 0xE3: // U+3000
		if i+2 < len(s) && s[i+1] == 0x80 && s[i+2] == 0x80 {
			return 3
		}
	}
	return 0
}

// highlighted reports whether goldmark-highlighting highlights the fenced
// code block n with chroma, as its renderer decides: a language that
// chroma knows, and no nohl attribute.
func highlighted(n *ast.FencedCodeBlock, src []byte) bool {
	lang := n.Language(src)
	if lang == nil || lexers.Get(string(lang)) == nil {
		return false
	}
	if n.Info == nil {
		return true
	}
	info := n.Info.Segment.Value(src)
	if i := bytes.IndexByte(info, '{'); i > 0 {
		if attrs, ok := parser.ParseAttributes(text.NewReader(info[i:])); ok {
			for _, a := range attrs {
				if string(a.Name) == "nohl" {
					return false
				}
			}
		}
	}
	return true
}

// lineCounter turns offsets in src into 1-based lines of the file, counting
// on from the last offset asked for.
type lineCounter struct {
	src        []byte
	first      int // the line of src[0]
	line, from int // the line of src[from]
}

func (l *lineCounter) at(pos int) int {
	if pos < 0 || pos > len(l.src) {
		return 0
	}
	if pos < l.from {
		l.line, l.from = l.first, 0
	}
	l.line += bytes.Count(l.src[l.from:pos], []byte{'\n'})
	l.from = pos
	return l.line
}

// linkURL returns the href or src goldmark writes for a link's or an
// image's destination.
func linkURL(dest []byte) string {
	u := util.URLEscape(dest, true)
	if html.IsDangerousURL(u) {
		return ""
	}
	return string(util.EscapeHTML(u))
}

// autoLinkURL returns the href goldmark writes for an autolink.
func autoLinkURL(n *ast.AutoLink, src []byte) string {
	u := util.URLEscape(n.URL(src), false)
	mailto := ""
	if n.AutoLinkType == ast.AutoLinkEmail && !bytes.HasPrefix(bytes.ToLower(u), []byte("mailto:")) {
		mailto = "mailto:"
	}
	if html.IsDangerousURL(u) {
		return mailto
	}
	return mailto + string(util.EscapeHTML(u))
}
