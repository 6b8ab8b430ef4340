package content

import (
	"bytes"
	"slices"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/pelletier/go-toml/v2/unstable"
)

// A Value is a scalar value of a TOML document: a string's text (escapes
// resolved), or a number's, boolean's or date's as written.
type Value struct {
	Text string
	// Pos are where Text's pieces are in the file: the text from Pos[i].Off
	// on starts at Pos[i].Line and Pos[i].Col. A string has a new piece
	// after each escape, since an escape is longer than what it stands for.
	Pos []Pos
}

// Pos is the position, in a file, of the text of a Value from byte Off
// of its Text on. Line and Col are 1-based; Col counts characters.
type Pos struct{ Off, Line, Col int }

// Values reads the scalar values of the TOML document src, whose first
// line is line firstLine of its file, with their positions, keyed by their
// dotted path: "title", "report.heading". For a key of an array of tables
// the last entry's value is kept. Multi-line strings, arrays and inline
// tables are left out. After a syntax error, the values before it are
// returned: the decoder reports the error.
//
// Values, KeyLine and TableLine read TOML with go-toml/v2's parser, the
// decoder's own, so that they find what the decoder decodes.
func Values(src []byte, firstLine int) map[string]Value {
	out := map[string]Value{}
	var p unstable.Parser
	p.Reset(src)
	lines := newLineIndex(src, firstLine)
	var table []string
	for p.NextExpression() {
		e := p.Expression()
		switch e.Kind {
		case unstable.Table, unstable.ArrayTable:
			table = keyPath(nil, e.Key())
		case unstable.KeyValue:
			v := e.Value()
			raw := p.Raw(v.Raw)
			if v.Kind == unstable.Array || v.Kind == unstable.InlineTable ||
				bytes.HasPrefix(raw, []byte(`"""`)) || bytes.HasPrefix(raw, []byte("'''")) {
				continue
			}
			key := strings.Join(keyPath(slices.Clone(table), e.Key()), ".")
			out[key] = value(v, raw, lines)
		}
	}
	return out
}

// FrontMatterValues reads the values of a content file's front matter
// (Values) and returns its body and the body's first line. A file without
// front matter is all body; one whose front matter is not closed has no
// body.
func FrontMatterValues(src []byte) (map[string]Value, []byte, int) {
	fm, body, bodyLine, err := splitFrontMatter(src)
	if err == ErrNoFrontMatter {
		return map[string]Value{}, bytes.TrimPrefix(src, []byte("\uFEFF")), 1
	}
	return Values(fm, 2), body, bodyLine
}

// keyPath appends the parts of the key it iterates over to path.
func keyPath(path []string, it unstable.Iterator) []string {
	for it.Next() {
		path = append(path, string(it.Node().Data))
	}
	return path
}

// value is the Value of the scalar node v, whose bytes in the file are raw.
func value(v *unstable.Node, raw []byte, lines lineIndex) Value {
	off := int(v.Raw.Offset)
	text := string(v.Data)
	if v.Kind != unstable.String {
		return Value{Text: text, Pos: []Pos{lines.pos(off, 0)}}
	}
	val := Value{Text: text, Pos: []Pos{lines.pos(off+1, 0)}}
	if raw[0] == '\'' || !bytes.ContainsRune(raw, '\\') {
		return val
	}
	// An escape stands for one character of Text: walk both together.
	at := 0
	for i := 1; i < len(raw)-1; {
		n, esc := 1, raw[i] == '\\'
		if esc {
			switch raw[i+1] {
			case 'u':
				n = 6
			case 'U':
				n = 10
			case 'x':
				n = 4
			default:
				n = 2
			}
		} else {
			_, n = utf8.DecodeRune(raw[i:])
		}
		_, size := utf8.DecodeRuneInString(text[at:])
		at += size
		i += n
		if esc {
			val.Pos = append(val.Pos, lines.pos(off+i, at))
		}
	}
	return val
}

// lineIndex finds the line and column of a byte offset of a document.
type lineIndex struct {
	src    []byte
	starts []int // offsets at which lines start
	first  int   // the line of src's first byte
}

func newLineIndex(src []byte, first int) lineIndex {
	x := lineIndex{src: src, starts: []int{0}, first: first}
	for i, c := range src {
		if c == '\n' {
			x.starts = append(x.starts, i+1)
		}
	}
	return x
}

// pos is the position of the byte at off, as the start of the text from
// byte textOff of a Value on.
func (x lineIndex) pos(off, textOff int) Pos {
	i := sort.SearchInts(x.starts, off+1) - 1
	return Pos{Off: textOff, Line: x.first + i, Col: utf8.RuneCount(x.src[x.starts[i]:off]) + 1}
}

// keyLines calls f with the kind (Table, ArrayTable or KeyValue), path and
// 1-based line of every table header and key of src, in order, until f
// returns false. src is a TOML file, or a content file whose front matter
// it reads.
func keyLines(src []byte, f func(kind unstable.Kind, path []string, line int) bool) {
	first := 1
	if fm, _, _, err := splitFrontMatter(src); err != ErrNoFrontMatter {
		src, first = fm, 2
	}
	var p unstable.Parser
	p.Reset(src)
	lines := newLineIndex(src, first)
	var table []string
	for p.NextExpression() {
		e := p.Expression()
		it := e.Key()
		if !it.Next() {
			continue
		}
		line := lines.pos(int(it.Node().Raw.Offset), 0).Line
		path := table
		switch e.Kind {
		case unstable.Table, unstable.ArrayTable:
			table = keyPath(nil, e.Key())
			path = table
		case unstable.KeyValue:
			path = keyPath(slices.Clone(table), e.Key())
		default:
			continue
		}
		if !f(e.Kind, path, line) {
			return
		}
	}
}

// KeyLine returns the 1-based line of src on which the key with the given
// path (table names, then the key) is defined, or the line of the table
// header with that path; 1 when neither can be found. Decoders use it to
// place errors about valid TOML with wrong values. src is a TOML file or
// a content file.
func KeyLine(src []byte, k ...string) int {
	found := 1
	keyLines(src, func(_ unstable.Kind, path []string, line int) bool {
		if slices.Equal(path, k) {
			found = line
			return false
		}
		return true
	})
	return found
}

// TableLine returns the 1-based line of src on which the i-th (0-based)
// [[table]] of an array of tables starts, or, when key is not empty, the
// line of key inside that table; 0 when it cannot be found. Error messages
// about an entry of [[indicators]] or [[attachments]] of a content file
// use it.
func TableLine(src []byte, table string, i int, key string) int {
	seen, found := -1, 0
	keyLines(src, func(kind unstable.Kind, path []string, line int) bool {
		name := strings.Join(path, ".")
		switch {
		case kind == unstable.ArrayTable && name == table:
			seen++
			if seen == i && key == "" {
				found = line
				return false
			}
		case kind != unstable.KeyValue:
			return seen != i // another table ends the entry
		case seen == i && name == table+"."+key:
			found = line
			return false
		}
		return true
	})
	return found
}
