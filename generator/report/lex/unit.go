package lex

import (
	"sort"
	"strings"
	"unicode/utf8"
)

// A Span says that the text of a unit from byte offset off on comes from
// line:col of a file (col counts runes, 1-based). A unit's spans are sorted by
// off; the first has off 0.
type Span struct {
	Off, Line, Col int
}

// A Unit is a piece of text (a paragraph, a heading, a front matter value)
// that knows where each of its characters came from, so that a warning found
// in it can name the file position.
type Unit struct {
	Text  string
	Spans []Span
}

// Pos returns the file position of byte offset off in u.
func (u Unit) Pos(off int) (line, col int) {
	if len(u.Spans) == 0 {
		return 0, 0
	}
	// The last span that starts at or before off.
	i := sort.Search(len(u.Spans), func(i int) bool { return u.Spans[i].Off > off }) - 1
	if i < 0 {
		i = 0
	}
	s := u.Spans[i]
	if off < s.Off {
		off = s.Off
	}
	return s.Line, s.Col + utf8.RuneCountInString(u.Text[s.Off:off])
}

// Slice returns the part of u between byte offsets i and j.
func (u Unit) Slice(i, j int) Unit {
	out := Unit{Text: u.Text[i:j]}
	if len(u.Spans) == 0 {
		return out
	}
	l, c := u.Pos(i)
	out.Spans = append(out.Spans, Span{0, l, c})
	k := sort.Search(len(u.Spans), func(k int) bool { return u.Spans[k].Off > i })
	for ; k < len(u.Spans) && u.Spans[k].Off < j; k++ {
		s := u.Spans[k]
		out.Spans = append(out.Spans, Span{s.Off - i, s.Line, s.Col})
	}
	return out
}

// TrimSpace returns u without leading and trailing white space.
func (u Unit) TrimSpace() Unit {
	t := strings.TrimLeftFunc(u.Text, IsSpace)
	i := len(u.Text) - len(t)
	t = strings.TrimRightFunc(t, IsSpace)
	return u.Slice(i, i+len(t))
}

// Concat joins units into one, keeping every piece's positions.
func Concat(us ...Unit) Unit {
	var j Joiner
	for _, u := range us {
		j.Add(u, false)
	}
	return j.Unit()
}

// A Joiner builds a unit from many, in time linear in their length.
type Joiner struct {
	b     strings.Builder
	spans []Span
}

// Add appends u; with sep, it first inserts the space that a line break
// between two Latin letters stood for.
func (j *Joiner) Add(u Unit, sep bool) {
	if sep && j.b.Len() > 0 && needsSpace(j.b.String(), u.Text) {
		j.b.WriteByte(' ')
	}
	for _, s := range u.Spans {
		s.Off += j.b.Len()
		if n := len(j.spans); n > 0 && j.spans[n-1].Off == s.Off {
			j.spans[n-1] = s
			continue
		}
		j.spans = append(j.spans, s)
	}
	j.b.WriteString(u.Text)
}

func (j *Joiner) Unit() Unit {
	return Unit{Text: j.b.String(), Spans: j.spans}
}
