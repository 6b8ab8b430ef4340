package report

import (
	"sort"
	"strings"
	"unicode/utf8"
)

// A span says that the text of a unit from byte offset off on comes from
// line:col of a file (col counts runes, 1-based). A unit's spans are sorted by
// off; the first has off 0.
type span struct {
	off, line, col int
}

// A unit is a piece of text (a paragraph, a heading, a front matter value)
// that knows where each of its characters came from, so that a warning found
// in it can name the file position.
type unit struct {
	text  string
	spans []span
}

// pos returns the file position of byte offset off in u.
func (u unit) pos(off int) (line, col int) {
	if len(u.spans) == 0 {
		return 0, 0
	}
	// The last span that starts at or before off.
	i := sort.Search(len(u.spans), func(i int) bool { return u.spans[i].off > off }) - 1
	if i < 0 {
		i = 0
	}
	s := u.spans[i]
	if off < s.off {
		off = s.off
	}
	return s.line, s.col + utf8.RuneCountInString(u.text[s.off:off])
}

// slice returns the part of u between byte offsets i and j.
func (u unit) slice(i, j int) unit {
	out := unit{text: u.text[i:j]}
	if len(u.spans) == 0 {
		return out
	}
	l, c := u.pos(i)
	out.spans = append(out.spans, span{0, l, c})
	k := sort.Search(len(u.spans), func(k int) bool { return u.spans[k].off > i })
	for ; k < len(u.spans) && u.spans[k].off < j; k++ {
		s := u.spans[k]
		out.spans = append(out.spans, span{s.off - i, s.line, s.col})
	}
	return out
}

// trimSpace returns u without leading and trailing white space.
func (u unit) trimSpace() unit {
	t := strings.TrimLeftFunc(u.text, isSpace)
	i := len(u.text) - len(t)
	t = strings.TrimRightFunc(t, isSpace)
	return u.slice(i, i+len(t))
}

// concat joins units into one, keeping every piece's positions.
func concat(us ...unit) unit {
	var j joiner
	for _, u := range us {
		j.add(u, false)
	}
	return j.unit()
}

// A joiner builds a unit from many, in time linear in their length.
type joiner struct {
	b     strings.Builder
	spans []span
}

// add appends u; with sep, it first inserts the space that a line break
// between two Latin letters stood for.
func (j *joiner) add(u unit, sep bool) {
	if sep && j.b.Len() > 0 && needsSpace(j.b.String(), u.text) {
		j.b.WriteByte(' ')
	}
	for _, s := range u.spans {
		s.off += j.b.Len()
		if n := len(j.spans); n > 0 && j.spans[n-1].off == s.off {
			j.spans[n-1] = s
			continue
		}
		j.spans = append(j.spans, s)
	}
	j.b.WriteString(u.text)
}

func (j *joiner) unit() unit {
	return unit{text: j.b.String(), spans: j.spans}
}
