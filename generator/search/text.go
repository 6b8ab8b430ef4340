package search

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Section is the text of a page from one heading to the next. Its fields
// are those of markdown.Section, which the build copies in: search imports
// no package of the project.
type Section struct {
	// Heading is the text of the heading that opens the section; "" for the
	// text above the first heading.
	Heading string
	// ID is the heading's id; "" for the text above the first heading.
	ID     string
	Blocks []Block
}

// Block is one paragraph, list item or table: the unit a result lands on.
type Block struct {
	ID   string // its id, "" when it has none (code); a result then lands on the section
	Text string // as the reader sees it, each run of white space one space
}

// collapse makes each run of white space one space and trims both ends.
// U+3000 (ideographic space) and no-break spaces count as white space:
// they set text apart on screen, so no phrase runs across them.
func collapse(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		if unicode.IsSpace(r) {
			space = b.Len() > 0
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(r)
	}
	return b.String()
}

// fold returns s as search compares it: ASCII letters in lower case and
// full-width ASCII forms (Ｇ, ４, ％, ，) as ASCII, so that a query typed at
// either width finds the other, as the reports mix them (CJK.md, trap 7).
// Every other character is kept, and one character stays one character (in
// UTF-16 too, so that search.js can map a match back to the text it shows).
func fold(s string) string {
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if foldRune(r) != r {
			var b strings.Builder
			b.Grow(len(s))
			b.WriteString(s[:i])
			for _, r := range s[i:] {
				b.WriteRune(foldRune(r))
			}
			return b.String()
		}
		i += size
	}
	return s
}

func foldRune(r rune) rune {
	if r >= 0xFF01 && r <= 0xFF5E {
		r -= 0xFEE0
	}
	if r >= 'A' && r <= 'Z' {
		r += 'a' - 'A'
	}
	return r
}
