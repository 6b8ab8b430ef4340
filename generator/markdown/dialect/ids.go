package dialect

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

// IDs generates the heading IDs of one page. A new one is made for every
// conversion and reaches the parser through parser.WithIDs, so a Converter
// shared by many goroutines holds no per-page state. The zero value, with
// Prefix set, is ready to use.
type IDs struct {
	// Prefix goes in front of every ID (Options.IDPrefix).
	Prefix string
	used   map[string]struct{}
	// paragraphs is the number of paragraph IDs, Prefix+"p-1" to
	// Prefix+"p-N", that Paragraphs gave out: reserved without a map entry
	// each (see taken).
	paragraphs int
}

var _ parser.IDs = (*IDs)(nil)

// Generate returns the prefixed, page-unique ID for the plain text value.
func (s *IDs) Generate(value []byte, _ ast.NodeKind) []byte {
	id := make([]byte, 0, len(s.Prefix)+len(value)+3)
	id = append(id, s.Prefix...)
	id = appendSlug(id, value)
	if s.used == nil {
		s.used = make(map[string]struct{})
	}
	base := len(id)
	for n := 1; s.taken(id); n++ {
		id = strconv.AppendInt(append(id[:base], '-'), int64(n), 10)
	}
	s.used[string(id)] = struct{}{}
	return id
}

// taken reports whether id is in use: recorded, or a paragraph's.
func (s *IDs) taken(id []byte) bool {
	if _, dup := s.used[string(id)]; dup {
		return true
	}
	if s.paragraphs == 0 || len(id) <= len(s.Prefix)+2 || string(id[:len(s.Prefix)]) != s.Prefix {
		return false
	}
	num := id[len(s.Prefix):]
	if num[0] != 'p' || num[1] != '-' || num[2] == '0' {
		return false
	}
	n := 0
	for _, c := range num[2:] {
		if c < '0' || c > '9' || n > s.paragraphs {
			return false
		}
		n = n*10 + int(c-'0')
	}
	return n <= s.paragraphs
}

// Put records an ID that is already in use.
func (s *IDs) Put(value []byte) {
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

// Paragraphs returns the number of paragraph IDs given out so far.
func (s *IDs) Paragraphs() int { return s.paragraphs }
