package lex

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/width"
)

// A Line is one line of the decoded source after the normalisations of the
// package doc: trimmed, with its position in the file.
type Line struct {
	Text   string // without leading and trailing white space
	Num    int    // 1-based line number in the file
	Col    int    // 1-based rune column of text's first rune
	Indent int    // display columns of the white space before text
	Page   bool   // a form feed (a new page) comes right before the line
}

func (l Line) Unit() Unit {
	return Unit{Text: l.Text, Spans: []Span{{0, l.Num, l.Col}}}
}

func (l Line) Blank() bool { return l.Text == "" }

// SplitLines cuts text into lines. CRLF, CR and LF end a line; a form feed
// ends a line too but not a file line, so the positions stay those an editor
// shows. White space at both ends of a line is dropped, no-break and other
// typographic spaces become ASCII spaces, U+FEFF and U+200B are dropped, and
// so are control characters other than tab.
func SplitLines(text string) []Line {
	lines := make([]Line, 0, strings.Count(text, "\n")+1)
	var b strings.Builder
	num, col := 1, 1
	start := 1 // column of the first rune of the line
	page := false
	changed := false // b differs from the raw slice
	rawStart := 0
	flush := func(end int) {
		var s string
		if changed {
			s = b.String()
		} else {
			s = text[rawStart:end]
		}
		t := strings.TrimLeftFunc(s, IsSpace)
		indent := displayWidthSpace(s[:len(s)-len(t)])
		lead := utf8.RuneCountInString(s[:len(s)-len(t)])
		t = strings.TrimRightFunc(t, IsSpace)
		lines = append(lines, Line{Text: t, Num: num, Col: start + lead, Indent: indent, Page: page})
		b.Reset()
		changed = false
		page = false
	}
	for i := 0; i < len(text); {
		r, n := utf8.DecodeRuneInString(text[i:])
		switch {
		case r == '\n' || r == '\r':
			flush(i)
			if r == '\r' && i+1 < len(text) && text[i+1] == '\n' {
				n = 2
			}
			num++
			col, start = 1, 1
			i += n
			rawStart = i
			continue
		case r == '\f':
			flush(i)
			page = true
			col++
			start = col
			i += n
			rawStart = i
			continue
		}
		var keep rune = r
		switch {
		case r == '\uFEFF' || r == '\u200B':
			keep = -1
		case r == '\t':
		case r == utf8.RuneError && n == 1:
			keep = utf8.RuneError
		case unicode.IsControl(r):
			keep = -1
		case r == '\u00A0' || r == '\u202F' || r == '\u205F' || (r >= '\u2000' && r <= '\u200A'):
			keep = ' '
		}
		if keep != r && !changed {
			b.WriteString(text[rawStart:i])
			changed = true
		}
		if changed && keep >= 0 {
			b.WriteRune(keep)
		}
		col++
		i += n
	}
	flush(len(text))
	return lines
}

// IsSpace reports white space, including U+3000 (the full-width space used
// to indent Chinese paragraphs) and no-break spaces.
func IsSpace(r rune) bool {
	return unicode.IsSpace(r) || r == '\u200B' || r == '\uFEFF'
}

func displayWidthSpace(s string) int {
	w := 0
	for _, r := range s {
		switch r {
		case '\u3000':
			w += 2
		case '\t':
			w += 4
		default:
			w++
		}
	}
	return w
}

// DisplayWidth is the width of s in columns: East Asian wide, full-width and
// ambiguous characters (which Chinese fonts draw wide) count two.
func DisplayWidth(s string) int {
	w := 0
	for _, r := range s {
		w += RuneWidth(r)
	}
	return w
}

func RuneWidth(r rune) int {
	if r < 0x1100 {
		if r >= 0x80 && (r == '“' || r == '”' || r == '‘' || r == '’' || r == '·' || r == '—' || r == '…') {
			return 2
		}
		return 1
	}
	switch width.LookupRune(r).Kind() {
	case width.EastAsianWide, width.EastAsianFullwidth, width.EastAsianAmbiguous:
		return 2
	}
	return 1
}

// IsHan reports a Chinese character.
func IsHan(r rune) bool {
	return unicode.Is(unicode.Han, r)
}

// IsCJK reports a Chinese character or a full-width or CJK punctuation mark:
// the company that makes a half-width mark look out of place.
func IsCJK(r rune) bool {
	switch {
	case r < 0x2000:
		return false
	case IsHan(r):
		return true
	case r >= 0x3000 && r <= 0x303F, r >= 0xFF01 && r <= 0xFF60, r >= 0xFE30 && r <= 0xFE4F:
		return true
	case r == '“' || r == '”' || r == '‘' || r == '’' || r == '…' || r == '—' || r == '─':
		return true
	}
	return false
}

func IsASCIIAlnum(r rune) bool {
	return r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z'
}

func IsASCIILetter(r rune) bool {
	return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z'
}

// needsSpace reports whether joining the lines a and b of one paragraph
// needs a space: a line break in Chinese text is layout and goes, but between
// two Latin letters it stood for a space.
func needsSpace(a, b string) bool {
	ra, _ := utf8.DecodeLastRuneInString(a)
	rb, _ := utf8.DecodeRuneInString(b)
	return IsASCIILetter(ra) && IsASCIILetter(rb)
}

// IsDigit reports an ASCII or a full-width digit.
func IsDigit(r rune) bool {
	return r >= '0' && r <= '9' || r >= '０' && r <= '９'
}

func digitValue(r rune) int {
	if r >= '０' && r <= '９' {
		return int(r - '０')
	}
	return int(r - '0')
}

// Han counts the Han characters of s.
func Han(s string) int {
	n := 0
	for _, r := range s {
		if IsHan(r) {
			n++
		}
	}
	return n
}

// IsDigitAt reports a digit at byte offset i of s.
func IsDigitAt(s string, i int) bool {
	return i < len(s) && s[i] >= '0' && s[i] <= '9'
}

// LastRune returns the last character of s.
func LastRune(s string) string {
	_, n := utf8.DecodeLastRuneInString(s)
	return s[len(s)-n:]
}
