package mark

import (
	"bytes"
	"slices"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"
)

// cuttable reports whether every piece can be cut out of the tree: each
// end falls between two nodes, or inside a Text or String between two of
// its units, or right before the <br> of a hard line break. An autolink's
// label and raw HTML shown as text are never cut, nor a piece ended at the
// edge of an autolink's label (the span would have to go inside its <a>).
func (m *Text) cuttable(pieces [][2]int, source []byte) bool {
	for _, p := range pieces {
		for _, at := range p {
			if !m.cutsAt(at, source) {
				return false
			}
		}
	}
	return true
}

func (m *Text) cutsAt(p int, source []byte) bool {
	if p > 0 {
		if b := m.tokenAt(p - 1); b >= 0 {
			t := m.toks[b]
			if t.kind == tokBreak {
				return false // between a <br> and its newline
			}
			if _, auto := t.node.(*ast.AutoLink); auto && t.kind == tokText && p == t.end {
				return false
			}
		}
	}
	k := m.tokenAt(p)
	if k < 0 {
		return true
	}
	t := m.toks[k]
	if _, auto := t.node.(*ast.AutoLink); auto && t.kind == tokText {
		return false
	}
	if t.at == p {
		return true
	}
	if t.kind != tokText {
		return false
	}
	_, ok := splitOffset(t.node, p-t.at, source)
	return ok
}

// splitOffset returns where a Text or String node is cut so that its first
// part shows off bytes of its text, as an offset in its segment or value.
func splitOffset(n ast.Node, off int, source []byte) (int, bool) {
	switch n := n.(type) {
	case *ast.Text:
		return sourceOffset(n.Segment.Value(source), n.IsRaw(), off)
	case *ast.String:
		return sourceOffset(n.Value, n.IsRaw() || n.IsCode(), off)
	}
	return 0, false
}

// sourceOffset returns the offset in value of the unit whose text starts at
// off in the text leafText makes of it.
func sourceOffset(value []byte, raw bool, off int) (int, bool) {
	if bytes.IndexByte(value, 0) < 0 && (raw || bytes.IndexByte(value, '\\') < 0 && bytes.IndexByte(value, '&') < 0) {
		return off, off <= len(value) // each byte is its own unit
	}
	n, at := 0, -1
	visit := func(from, _ int, t []byte) {
		if n == off && at < 0 {
			at = from
		}
		n += len(t)
	}
	if raw {
		for i, c := range value {
			if c == 0 {
				visit(i, i+1, replacement)
			} else {
				visit(i, i+1, value[i:i+1])
			}
		}
	} else {
		eachUnit(value, visit)
	}
	if at < 0 && n == off {
		at = len(value)
	}
	return at, at >= 0
}

// A fragment is one part of the cut Text or String node of token tok, from
// the byte off of its text on.
type fragment struct {
	tok, off int
	node     ast.Node
}

// apply cuts the nodes at the ends of every piece and wraps each piece in
// a markSpan. The new nodes of a page are allocated together.
func (m *Text) apply(marks []mark, spans []Span, source []byte, hidden *bool) {
	cuts := m.cuts[:0] // token, offset in its text
	for _, mk := range marks {
		for _, p := range mk.pieces {
			for _, at := range p {
				if k := m.tokenAt(at); k >= 0 && m.toks[k].kind == tokText && m.toks[k].at < at {
					cuts = append(cuts, [2]int{k, at - m.toks[k].at})
				} else if k := m.tokenAt(at - 1); at > 0 && k >= 0 && m.toks[k].kind == tokText {
					if t, ok := m.toks[k].node.(*ast.Text); ok && t.HardLineBreak() {
						cuts = append(cuts, [2]int{k, at - m.toks[k].at})
					}
				}
			}
		}
	}
	slices.SortFunc(cuts, func(a, b [2]int) int { return cmpPair(a, b) })
	cuts = slices.Compact(cuts)
	m.cuts = cuts
	frags := slices.Grow(m.frags[:0], 2*len(cuts)) // by token, then offset
	nodes := nodePool{texts: make([]ast.Text, 0, len(cuts)), at: m.at}
	for i := 0; i < len(cuts); {
		j := i
		for j < len(cuts) && cuts[j][0] == cuts[i][0] {
			j++
		}
		frags = nodes.split(frags, cuts[i][0], m.toks[cuts[i][0]].node, cuts[i:j], source)
		i = j
	}
	m.frags, m.at = frags, nodes.at
	// nodeOf returns the node, or the part of a cut node, that holds v[at]
	// (or v[at-1], for the end of a piece).
	nodeOf := func(at int, end bool) ast.Node {
		k := m.tokenAt(at)
		if end {
			k = m.tokenAt(at - 1)
		}
		brk := m.toks[k].kind == tokBreak || m.toks[k].kind == tokNewline
		if brk {
			k = m.textToken(k)
		}
		lo, _ := slices.BinarySearchFunc(frags, k, func(f fragment, k int) int { return f.tok - k })
		if lo == len(frags) || frags[lo].tok != k {
			return m.toks[k].node
		}
		hi := lo
		for hi+1 < len(frags) && frags[hi+1].tok == k {
			hi++
		}
		if brk {
			return frags[hi].node
		}
		off := at - m.toks[k].at
		for hi > lo && (frags[hi].off > off || end && frags[hi].off == off) {
			hi--
		}
		return frags[hi].node
	}
	n := 0
	for _, mk := range marks {
		n += len(mk.pieces)
	}
	wraps, k := make([]markSpan, n), 0
	for _, mk := range marks {
		sp := &spans[mk.span]
		for i, p := range mk.pieces {
			first, last := nodeOf(p[0], false), nodeOf(p[1], true)
			if first.Parent() != last.Parent() {
				continue // not well nested: cannot happen
			}
			w := &wraps[k]
			k++
			*w = markSpan{span: sp, first: i == 0, last: i == len(mk.pieces)-1, hidden: hidden}
			wrap(first, last, w)
		}
	}
}

func cmpPair(a, b [2]int) int {
	if a[0] != b[0] {
		return a[0] - b[0]
	}
	return a[1] - b[1]
}

// textToken returns the token of the text of the Text node whose <br> or
// newline token k is.
func (m *Text) textToken(k int) int {
	for k > 0 && m.toks[k].kind != tokText {
		k--
	}
	return k
}

// wrap moves first, the siblings after it up to last, into span.
func wrap(first, last ast.Node, span *markSpan) {
	parent := first.Parent()
	parent.InsertBefore(parent, first, span)
	for c := first; ; {
		next := c.NextSibling()
		span.AppendChild(span, c)
		if c == last {
			break
		}
		c = next
	}
}

// nodePool hands out the Text nodes of one page's cuts from one slice,
// whose length is the number of cuts: each cut makes at most one node.
type nodePool struct {
	texts []ast.Text
	at    []int // scratch of split
}

func (p *nodePool) text(seg text.Segment) *ast.Text {
	p.texts = append(p.texts, ast.Text{Segment: seg})
	return &p.texts[len(p.texts)-1]
}

// split cuts the Text or String n, of token tok, at the offsets of its text
// in cuts (each more than 0), and appends its parts to frags; the first is
// n itself. A hard line break stays with the last part.
func (p *nodePool) split(frags []fragment, tok int, n ast.Node, cuts [][2]int, source []byte) []fragment {
	frags = append(frags, fragment{tok, 0, n})
	at := p.at[:0] // where n is cut, in its segment or value
	for _, c := range cuts {
		o, _ := splitOffset(n, c[1], source)
		at = append(at, o)
	}
	p.at = at
	parent, prev := n.Parent(), n
	for i, c := range cuts {
		var part ast.Node
		switch n := n.(type) {
		case *ast.Text:
			seg := n.Segment
			stop := seg.Stop
			if i+1 < len(at) {
				stop = seg.Start + at[i+1]
			}
			t := p.text(text.NewSegment(seg.Start+at[i], stop))
			t.SetRaw(n.IsRaw())
			t.SetHardLineBreak(i == len(cuts)-1 && n.HardLineBreak())
			part = t
		case *ast.String:
			v := n.Value
			stop := len(v)
			if i+1 < len(at) {
				stop = at[i+1]
			}
			str := ast.NewString(v[at[i]:stop])
			str.SetRaw(n.IsRaw())
			str.SetCode(n.IsCode())
			part = str
		}
		parent.InsertAfter(parent, prev, part)
		prev = part
		frags = append(frags, fragment{tok, c[1], part})
	}
	// n keeps its first part.
	switch n := n.(type) {
	case *ast.Text:
		n.Segment = text.NewSegment(n.Segment.Start, n.Segment.Start+at[0])
		n.SetHardLineBreak(false)
	case *ast.String:
		n.Value = n.Value[:at[0]]
	}
	return frags
}
