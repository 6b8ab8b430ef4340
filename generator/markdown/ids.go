package markdown

import (
	"strconv"
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
)

const (
	// maxIDRunes keeps a shared link readable: a Chinese heading of up to
	// 32 characters keeps its whole text.
	maxIDRunes = 32
	// emptyID stands for a heading whose text has no letter or digit.
	emptyID = "section"
)

// ids generates the heading IDs of one page. A new one is made for every
// conversion and reaches the parser through parser.WithIDs, so a Converter
// shared by many goroutines holds no per-page state.
type ids struct {
	prefix string
	used   map[string]struct{}
}

var _ parser.IDs = (*ids)(nil)

func newIDs(prefix string) *ids {
	return &ids{prefix: prefix}
}

// Generate returns the prefixed, page-unique ID for the plain text value.
func (s *ids) Generate(value []byte, _ ast.NodeKind) []byte {
	id := make([]byte, 0, len(s.prefix)+len(value)+3)
	id = append(id, s.prefix...)
	id = appendSlug(id, value)
	if s.used == nil {
		s.used = make(map[string]struct{})
	}
	base := len(id)
	for n := 1; ; n++ {
		if _, dup := s.used[string(id)]; !dup {
			break
		}
		id = strconv.AppendInt(append(id[:base], '-'), int64(n), 10)
	}
	s.used[string(id)] = struct{}{}
	return id
}

// Put records an ID that is already in use.
func (s *ids) Put(value []byte) {
	if s.used == nil {
		s.used = make(map[string]struct{})
	}
	s.used[string(value)] = struct{}{}
}

// appendSlug appends the ID form of the heading text s to dst: Unicode
// letters and numbers are kept (full-width ASCII ones folded to ASCII, all
// lower-cased), runs of spaces and hyphens become one "-", anything else is
// dropped, and the result is cut at maxIDRunes runes. It appends emptyID if
// nothing is left.
func appendSlug(dst, s []byte) []byte {
	start := len(dst)
	n := 0
	dash := false
loop:
	for len(s) > 0 && n < maxIDRunes {
		r, size := utf8.DecodeRune(s)
		s = s[size:]
		if r >= '！' && r <= '～' {
			r -= '！' - '!' // full-width ASCII forms, e.g. "２０２０" → "2020"
		}
		switch {
		case r == '_' || unicode.IsLetter(r) || unicode.IsNumber(r) || (n > 0 && unicode.IsMark(r)):
			if dash {
				if n+1 == maxIDRunes {
					break loop
				}
				dst = append(dst, '-')
				n++
				dash = false
			}
			dst = utf8.AppendRune(dst, unicode.ToLower(r))
			n++
		case r == '-' || unicode.IsSpace(r):
			dash = n > 0
		}
	}
	if len(dst) == start {
		dst = append(dst, emptyID...)
	}
	return dst
}
