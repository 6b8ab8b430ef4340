package mark

import (
	"bytes"
	"html/template"
	"slices"
	"sort"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/util"
)

// A Span is a sentence for Options.Marks to mark: the plain text Sentence
// (as in Result.Text), the ID and Class of the span that wraps it, and
// After, trusted HTML written behind it (such as a link back to the card
// that quotes the sentence).
type Span struct {
	Sentence, ID, Class string
	After               template.HTML
}

// kindMarkSpan is the node kind of markSpan.
var kindMarkSpan = ast.NewNodeKind("MarkSpan")

// markSpan wraps one piece of a marked sentence: the first piece carries
// the span's id, the last is followed by its After. A sentence is one piece
// unless emphasis or a link crosses one of its ends.
type markSpan struct {
	ast.BaseInline
	span        *Span
	first, last bool
	hidden      *bool // set while Result.Nest renders the page unmarked
}

func (n *markSpan) Kind() ast.NodeKind { return kindMarkSpan }

func (n *markSpan) Dump(source []byte, level int) { ast.DumpHelper(n, source, level, nil, nil) }

func (n *markSpan) write(w util.BufWriter, entering bool) {
	if *n.hidden {
		return
	}
	if entering {
		_, _ = w.WriteString(`<span class="`)
		_, _ = w.WriteString(n.span.Class)
		if n.first {
			_, _ = w.WriteString(`" id="`)
			_, _ = w.WriteString(n.span.ID)
		}
		_, _ = w.WriteString(`">`)
		return
	}
	_, _ = w.WriteString("</span>")
	if n.last {
		_, _ = w.WriteString(string(n.span.After))
	}
}

// Extension renders the pieces of marked sentences, and code spans, whose
// text a mark may cut, in place of goldmark's renderer (priority 100 wins
// over goldmark's 1000). The sentences are marked by Text.Mark, which the
// caller runs from a transformer of its own once it has built the Text.
var Extension goldmark.Extender = extension{}

type extension struct{}

var (
	_ renderer.NodeRenderer = extension{}
	_ ast.Node              = (*markSpan)(nil)
)

func (extension) Extend(m goldmark.Markdown) {
	m.Renderer().AddOptions(renderer.WithNodeRenderers(util.Prioritized(extension{}, 100)))
}

func (extension) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(kindMarkSpan, func(w util.BufWriter, _ []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
		n.(*markSpan).write(w, entering)
		return ast.WalkContinue, nil
	})
	reg.Register(ast.KindCodeSpan, renderCodeSpan)
}

// renderCodeSpan writes a code span as goldmark does, and the marks inside
// it.
func renderCodeSpan(w util.BufWriter, source []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		_, _ = w.WriteString("</code>")
		return ast.WalkContinue, nil
	}
	if n.Attributes() != nil {
		_, _ = w.WriteString("<code")
		html.RenderAttributes(w, n, html.CodeAttributeFilter)
		_ = w.WriteByte('>')
	} else {
		_, _ = w.WriteString("<code>")
	}
	writeCode(w, source, n)
	return ast.WalkSkipChildren, nil
}

func writeCode(w util.BufWriter, source []byte, n ast.Node) {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		switch c := c.(type) {
		case *ast.Text:
			v := c.Segment.Value(source)
			if len(v) > 0 && v[len(v)-1] == '\n' {
				html.DefaultWriter.RawWrite(w, v[:len(v)-1])
				_ = w.WriteByte(' ')
			} else {
				html.DefaultWriter.RawWrite(w, v)
			}
		case *markSpan:
			c.write(w, true)
			writeCode(w, source, c)
			c.write(w, false)
		}
	}
}

// Text is the marking text of a page: its blocks of text (paragraphs,
// headings, tight list items, table cells) as a list of tokens, and as one
// string, v, in which the text of a node is its text as the reader sees it
// and each tag of an inline element is one NUL byte, as is the start of
// each block. It stands for the HTML that MarkAll scanned before sentences
// were marked on the tree, without the rules of goldmark's output that the
// scan relied on: a sentence is found where it was found in the HTML, and
// cut into the same pieces.
//
// The caller builds it in document order with Block, Leaf, Open, Close,
// Void, Image and Break, as it walks the tree, then calls Mark. A nil *Text
// ignores the calls that build it. Reset makes a Text ready for another
// page and keeps its memory, so that one can serve many conversions, one
// at a time.
type Text struct {
	v    []byte
	toks []token
	// txt is the text of v without tags, a NUL at the start of each block
	// and each image, line breaks as spaces; from holds the offset in v of
	// each of its bytes.
	txt  []byte
	from []int
	// Scratch of Mark, kept for the next page.
	marks   []mark
	runs    [][2]int
	needles []byte
	cuts    [][2]int
	frags   []fragment
	at      []int
}

// Reset empties m for another page, keeping its memory but no node of the
// last page's tree.
func (m *Text) Reset() {
	clear(m.toks)
	clear(m.frags)
	m.v, m.toks, m.txt, m.from = m.v[:0], m.toks[:0], m.txt[:0], m.from[:0]
	m.marks, m.runs, m.needles, m.cuts, m.frags = m.marks[:0], m.runs[:0], m.needles[:0], m.cuts[:0], m.frags[:0]
}

// Grow makes room for the marking text of a page of n bytes of source.
func (m *Text) Grow(n int) {
	m.v = slices.Grow(m.v, n+n/8)
	m.toks = slices.Grow(m.toks, n/32)
}

type tokKind uint8

const (
	tokText     tokKind = iota // text of node
	tokNewline                 // the newline written after a hard line break
	tokOpen                    // an inline element opens
	tokClose                   // and closes
	tokVoid                    // an element never cut: footnote reference, back link
	tokBreak                   // the <br> of a hard line break
	tokUnclosed                // an image: scanned as an element that never closes
	tokBlock                   // the start of a block
)

// A token is a piece of v[at:end] and the node it belongs to.
type token struct {
	kind    tokKind
	at, end int
	node    ast.Node
}

func (m *Text) add(kind tokKind, n ast.Node, b []byte) {
	if m == nil {
		return
	}
	at := len(m.v)
	m.v = append(m.v, b...)
	m.toks = append(m.toks, token{kind: kind, at: at, end: len(m.v), node: n})
}

var nul, newline = []byte{0}, []byte{'\n'}

// Block starts the block of text n (paragraph, heading, tight list item,
// table cell).
func (m *Text) Block(n ast.Node) { m.add(tokBlock, n, nul) }

// Leaf adds the text b that the inline node n shows (see AppendLeaf).
func (m *Text) Leaf(n ast.Node, b []byte) { m.add(tokText, n, b) }

// Open and Close add the tags of the inline element n: emphasis, a link,
// an autolink, a code span.
func (m *Text) Open(n ast.Node)  { m.add(tokOpen, n, nul) }
func (m *Text) Close(n ast.Node) { m.add(tokClose, n, nul) }

// Void adds an element that is never cut: a footnote reference or back
// link.
func (m *Text) Void(n ast.Node) { m.add(tokVoid, n, nul) }

// Image adds an image, read as an element that never closes.
func (m *Text) Image(n ast.Node) { m.add(tokUnclosed, n, nul) }

// Break adds the hard line break at the end of the Text n, after its text:
// the <br> and the newline written after it.
func (m *Text) Break(n ast.Node) {
	m.add(tokBreak, n, nul)
	m.add(tokNewline, n, newline)
}

// A mark is where one span goes: the pieces [from, to) of v that it
// wraps, in order.
type mark struct {
	span   int
	pieces [][2]int
}

// Mark finds each span's sentence, at its first occurrence that no earlier
// span's covers, wraps it in nodes of the span (rendered by Extension, and
// left out while *hidden is true) and reports which sentences it found. A sentence written as one run of text
// (no inline element inside) is preferred; otherwise it is found in the
// text as a reader sees it, through emphasis, links and inline code, never
// across two blocks, and cut into pieces where an element crosses its ends.
func (m *Text) Mark(spans []Span, source []byte, hidden *bool) []bool {
	found := make([]bool, len(spans))
	marks := slices.Grow(m.marks[:0], len(spans))
	runs := slices.Grow(m.runs[:0], len(spans)) // the one piece of each sentence written as one run
	n := 0
	for _, sp := range spans {
		n += len(sp.Sentence)
	}
	needles := slices.Grow(m.needles[:0], n) // the sentences as bytes
	defer func() { m.marks, m.runs, m.needles = marks[:0], runs[:0], needles[:0] }()
	for k, sp := range spans {
		if sp.Sentence == "" {
			continue
		}
		needles = append(needles, sp.Sentence...)
		needle := needles[len(needles)-len(sp.Sentence):]
		if i, ok := m.findRun(needle, marks, source); ok {
			runs = append(runs, [2]int{i, i + len(sp.Sentence)})
			marks = append(marks, mark{span: k, pieces: runs[len(runs)-1 : len(runs) : len(runs)]})
			found[k] = true
			continue
		}
		if len(m.txt) == 0 {
			m.index()
		}
		for from := 0; ; {
			first, last, ok := m.find(needle, from)
			if !ok {
				break
			}
			if start, end := m.widen(first, last); !overlaps(marks, start, end) {
				if ps := m.pieces(start, end); m.cuttable(ps, source) {
					marks = append(marks, mark{span: k, pieces: ps})
					found[k] = true
					break
				}
			}
			from = first + 1
		}
	}
	if len(marks) > 0 {
		m.apply(marks, spans, source, hidden)
	}
	return found
}

func overlaps(marks []mark, start, end int) bool {
	for _, m := range marks {
		if start < m.pieces[len(m.pieces)-1][1] && m.pieces[0][0] < end {
			return true
		}
	}
	return false
}

// findRun returns the offset in v of the first occurrence of sentence
// outside every mark that can be cut out of the tree.
func (m *Text) findRun(sentence []byte, marks []mark, source []byte) (int, bool) {
	for from := 0; ; {
		i := bytes.Index(m.v[from:], sentence)
		if i < 0 {
			return 0, false
		}
		i += from
		j := i + len(sentence)
		if !overlaps(marks, i, j) && m.cutsAt(i, source) && m.cutsAt(j, source) {
			return i, true
		}
		from = i + 1
	}
}

func (m *Text) index() {
	txt := slices.Grow(m.txt[:0], len(m.v))
	m.from = slices.Grow(m.from[:0], len(m.v))
	for _, t := range m.toks {
		switch t.kind {
		case tokText, tokNewline:
			for i := t.at; i < t.end; i++ {
				c := m.v[i]
				if c == '\n' {
					c = ' '
				}
				txt, m.from = append(txt, c), append(m.from, i)
			}
		case tokBlock, tokUnclosed:
			txt, m.from = append(txt, 0), append(m.from, t.at)
		}
	}
	m.txt = txt
}

// find finds sentence in the text at or after the offset from in v, and
// returns the offsets in v of its first and past its last byte.
func (m *Text) find(sentence []byte, from int) (start, end int, ok bool) {
	k0, _ := slices.BinarySearch(m.from, from)
	k := bytes.Index(m.txt[k0:], sentence)
	if k < 0 || len(sentence) == 0 {
		return 0, 0, false
	}
	k += k0
	return m.from[k], m.from[k+len(sentence)-1] + 1, true
}

// tokenAt returns the index of the token that holds v[i], or -1.
func (m *Text) tokenAt(i int) int {
	k := sort.Search(len(m.toks), func(k int) bool { return m.toks[k].end > i })
	if k == len(m.toks) || m.toks[k].at > i {
		return -1
	}
	return k
}

// tag is a tag token in a stretch of v, marked cut when its element is not
// wholly inside.
type tag struct {
	tok          int
	closing, cut bool
}

func (m *Text) tags(start, end int) []tag {
	var out []tag
	var open []int // indexes in out of the elements open so far
	for k := sort.Search(len(m.toks), func(k int) bool { return m.toks[k].end > start }); k < len(m.toks) && m.toks[k].at < end; k++ {
		t := m.toks[k]
		switch t.kind {
		case tokOpen, tokUnclosed:
			open = append(open, len(out))
			out = append(out, tag{tok: k})
		case tokClose:
			g := tag{tok: k, closing: true}
			if len(open) > 0 && m.toks[out[open[len(open)-1]].tok].node == t.node {
				open = open[:len(open)-1]
			} else {
				g.cut = true
			}
			out = append(out, g)
		case tokVoid, tokBreak:
			out = append(out, tag{tok: k})
		}
	}
	for _, k := range open {
		out[k].cut = true
	}
	return out
}

// widen takes into v[start:end] the tags right before and after it that
// open or close an element crossing its ends, so that "同比<strong>增长。"
// followed by "</strong>" is wrapped whole.
func (m *Text) widen(start, end int) (int, int) {
	for {
		ts := m.tags(start, end)
		grown := false
		if k := slices.IndexFunc(ts, func(t tag) bool { return t.cut && t.closing }); k >= 0 && start > 0 {
			if b := m.tokenAt(start - 1); b >= 0 && m.toks[b].kind == tokOpen && m.toks[b].node == m.toks[ts[k].tok].node {
				start, grown = m.toks[b].at, true
			}
		}
		if k := slices.IndexFunc(ts, func(t tag) bool { return t.cut && !t.closing }); k >= 0 && !grown {
			last := ts[k]
			for _, t := range ts[k:] {
				if t.cut && !t.closing {
					last = t
				}
			}
			if a := m.tokenAt(end); a >= 0 && m.toks[a].kind == tokClose && m.toks[a].node == m.toks[last.tok].node {
				end, grown = m.toks[a].end, true
			}
		}
		if !grown {
			return start, end
		}
	}
}

// pieces cuts v[start:end] at every tag whose element crosses its ends, so
// that each piece, wrapped in a span, keeps the HTML well nested. Empty
// pieces are dropped.
func (m *Text) pieces(start, end int) [][2]int {
	var out [][2]int
	at := start
	for _, t := range m.tags(start, end) {
		if t.cut {
			tk := m.toks[t.tok]
			if tk.at > at {
				out = append(out, [2]int{at, tk.at})
			}
			at = tk.end
		}
	}
	if end > at {
		out = append(out, [2]int{at, end})
	}
	return out
}
