package mark

import (
	"bytes"
	"strconv"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/util"
)

// replacement is what goldmark writes for a NUL.
var replacement = []byte("\uFFFD")

// eachUnit calls f for each unit of value, the text of an ast.Text or
// ast.String that goldmark's HTML writer resolves (html.Writer.Write): a
// backslash escape, a character reference, a NUL or one other byte, with
// the offsets of the unit in value and the text a reader sees for it. A
// Text node may be cut between two units and render the same.
func eachUnit(value []byte, f func(from, to int, text []byte)) {
	for i := 0; i < len(value); {
		switch c := value[i]; {
		case c == '\\' && i+1 < len(value) && util.IsPunct(value[i+1]):
			f(i, i+2, value[i+1:i+2])
			i += 2
			continue
		case c == 0:
			f(i, i+1, replacement)
			i++
			continue
		case c == '&':
			if to, text, ok := charRef(value, i); ok {
				f(i, to, text)
				i = to
				continue
			}
		}
		f(i, i+1, value[i:i+1])
		i++
	}
}

// charRef reads the character reference at value[i] ("&amp;", "&#20013;",
// "&#x4e2d;") as goldmark's HTML writer does, and returns its end and text.
func charRef(value []byte, i int) (int, []byte, bool) {
	limit := len(value)
	next := i + 1
	if next < limit && value[next] == '#' {
		nnext := next + 1
		if nnext >= limit {
			return 0, nil, false
		}
		base, start, pred, maxLen := 10, nnext, util.IsNumeric, 8
		if nc := value[nnext]; nc == 'x' || nc == 'X' {
			base, start, pred, maxLen = 16, nnext+1, util.IsHexDecimal, 7
		} else if nc < '0' || nc > '9' {
			return 0, nil, false
		}
		j, ok := util.ReadWhile(value, [2]int{start, limit}, pred)
		if !ok || j >= limit || value[j] != ';' || j-start >= maxLen {
			return 0, nil, false
		}
		v, _ := strconv.ParseUint(string(value[start:j]), base, 32)
		return j + 1, utf8.AppendRune(nil, util.ToValidRune(rune(v))), true
	}
	j, ok := util.ReadWhile(value, [2]int{next, limit}, util.IsAlphaNumeric)
	if !ok || j >= limit || value[j] != ';' {
		return 0, nil, false
	}
	entity, ok := util.LookUpHTML5EntityByName(string(value[next:j]))
	if !ok {
		return 0, nil, false
	}
	return j + 1, entity.Characters, true
}

// appendValue appends the text a reader sees of value, written by
// goldmark's HTML writer (see eachUnit).
func appendValue(dst, value []byte) []byte {
	if bytes.IndexByte(value, '\\') < 0 && bytes.IndexByte(value, '&') < 0 && bytes.IndexByte(value, 0) < 0 {
		return append(dst, value...)
	}
	eachUnit(value, func(_, _ int, text []byte) { dst = append(dst, text...) })
	return dst
}

// AppendRaw appends value, written as it is (code, raw HTML shown as
// text), with a NUL as the text shows it.
func AppendRaw(dst, value []byte) []byte {
	if bytes.IndexByte(value, 0) < 0 {
		return append(dst, value...)
	}
	return append(dst, bytes.ReplaceAll(value, []byte{0}, replacement)...)
}

// AppendLeaf appends the text a reader sees of an inline node that shows
// text of its own (Text, String, an autolink's label, raw HTML shown as
// text) and reports whether n is one. A hard line break is not included.
func AppendLeaf(dst []byte, n ast.Node, source []byte) ([]byte, bool) {
	switch n := n.(type) {
	case *ast.Text:
		v := n.Segment.Value(source)
		if n.IsRaw() {
			if _, code := n.Parent().(*ast.CodeSpan); code && len(v) > 0 && v[len(v)-1] == '\n' {
				return append(AppendRaw(dst, v[:len(v)-1]), ' '), true
			}
			return AppendRaw(dst, v), true
		}
		return appendValue(dst, v), true
	case *ast.String:
		if n.IsCode() || n.IsRaw() {
			return AppendRaw(dst, n.Value), true
		}
		return appendValue(dst, n.Value), true
	case *ast.AutoLink:
		return AppendRaw(dst, n.Label(source)), true
	case *ast.RawHTML:
		if !isHTMLComment(n, source) {
			for i := 0; i < n.Segments.Len(); i++ {
				seg := n.Segments.At(i)
				dst = AppendRaw(dst, seg.Value(source))
			}
		}
		return dst, true
	}
	return dst, false
}

// isHTMLComment reports whether n is an HTML comment, which the dialect's
// safety extension drops rather than shows as text.
func isHTMLComment(n *ast.RawHTML, source []byte) bool {
	if n.Segments.Len() == 0 {
		return false
	}
	first := n.Segments.At(0)
	return bytes.HasPrefix(first.Value(source), []byte("<!--"))
}
