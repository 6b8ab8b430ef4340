package markdown

import (
	"slices"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"
)

// cuttable reports whether every piece can be cut out of the tree: each
// end falls between two nodes, or inside a Text or String between two of
// its units, or right before the <br> of a hard line break. An autolink's
// label and raw HTML shown as text are never cut, nor a piece ended at the
// edge of an autolink's label (the span would have to go inside its <a>).
func (m *markText) cuttable(pieces [][2]int, source []byte) bool {
	for _, p := range pieces {
		for _, at := range p {
			if !m.cutsAt(at, source) {
				return false
			}
		}
	}
	return true
}

func (m *markText) cutsAt(p int, source []byte) bool {
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

// A fragment is one part of a cut Text or String node, from the byte off
// of its text on.
type fragment struct {
	off  int
	node ast.Node
}

// apply cuts the nodes at the ends of every piece and wraps each piece in
// a markSpan.
func (m *markText) apply(marks []mark, spans []Span, source []byte, hidden *bool) {
	cuts := map[int][]int{} // token index → offsets in its text
	for _, mk := range marks {
		for _, p := range mk.pieces {
			for _, at := range p {
				if k := m.tokenAt(at); k >= 0 && m.toks[k].kind == tokText && m.toks[k].at < at {
					cuts[k] = append(cuts[k], at-m.toks[k].at)
				} else if k := m.tokenAt(at - 1); at > 0 && k >= 0 && m.toks[k].kind == tokText && m.toks[k].at < at {
					if t, ok := m.toks[k].node.(*ast.Text); ok && t.HardLineBreak() {
						cuts[k] = append(cuts[k], at-m.toks[k].at)
					}
				}
			}
		}
	}
	frags := make(map[int][]fragment, len(cuts))
	for k, offs := range cuts {
		slices.Sort(offs)
		frags[k] = split(m.toks[k].node, slices.Compact(offs), source)
	}
	// nodeOf returns the node, or the part of a cut node, that holds v[at]
	// (or v[at-1], for the end of a piece).
	nodeOf := func(at int, end bool) ast.Node {
		k := m.tokenAt(at)
		if end {
			k = m.tokenAt(at - 1)
		}
		if kind := m.toks[k].kind; kind == tokBreak || kind == tokNewline {
			if fs, ok := frags[m.textToken(k)]; ok {
				return fs[len(fs)-1].node
			}
			return m.toks[k].node
		}
		fs, ok := frags[k]
		if !ok {
			return m.toks[k].node
		}
		off := at - m.toks[k].at
		i := len(fs) - 1
		for i > 0 && (fs[i].off > off || end && fs[i].off == off) {
			i--
		}
		return fs[i].node
	}
	for _, mk := range marks {
		sp := &spans[mk.span]
		for i, p := range mk.pieces {
			first, last := nodeOf(p[0], false), nodeOf(p[1], true)
			if first.Parent() != last.Parent() {
				continue // not well nested: cannot happen
			}
			wrap(first, last, &markSpan{span: sp, first: i == 0, last: i == len(mk.pieces)-1, hidden: hidden})
		}
	}
}

// textToken returns the token of the text of the Text node whose <br> or
// newline token k is.
func (m *markText) textToken(k int) int {
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

// split cuts the Text or String n at the given offsets of its text (each
// more than 0) and returns its parts; the first is n itself. A hard line
// break stays with the last part.
func split(n ast.Node, offs []int, source []byte) []fragment {
	out := []fragment{{0, n}}
	parent := n.Parent()
	prev := n
	switch n := n.(type) {
	case *ast.Text:
		seg := n.Segment
		hard := n.HardLineBreak()
		cut := make([]int, len(offs))
		for i, off := range offs {
			cut[i], _ = splitOffset(n, off, source)
		}
		n.Segment = text.NewSegment(seg.Start, seg.Start+cut[0])
		n.SetHardLineBreak(false)
		for i, off := range offs {
			stop := seg.Stop
			if i+1 < len(cut) {
				stop = seg.Start + cut[i+1]
			}
			t := ast.NewTextSegment(text.NewSegment(seg.Start+cut[i], stop))
			t.SetRaw(n.IsRaw())
			if i == len(offs)-1 {
				t.SetHardLineBreak(hard)
			}
			parent.InsertAfter(parent, prev, t)
			prev = t
			out = append(out, fragment{off, t})
		}
	case *ast.String:
		v := n.Value
		cut := make([]int, len(offs))
		for i, off := range offs {
			cut[i], _ = splitOffset(n, off, source)
		}
		n.Value = v[:cut[0]]
		for i, off := range offs {
			stop := len(v)
			if i+1 < len(cut) {
				stop = cut[i+1]
			}
			s := ast.NewString(v[cut[i]:stop])
			s.SetRaw(n.IsRaw())
			s.SetCode(n.IsCode())
			parent.InsertAfter(parent, prev, s)
			prev = s
			out = append(out, fragment{off, s})
		}
	}
	return out
}
