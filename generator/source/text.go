package source

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// isHan reports a Chinese character (the CJK unified ideographs and their
// extension A and compatibility blocks).
func isHan(r rune) bool {
	return r >= 0x4E00 && r <= 0x9FFF || r >= 0x3400 && r <= 0x4DBF || r >= 0xF900 && r <= 0xFAFF
}

// isWide reports a character that a line break between two of is no space
// in Chinese text: ideographs, kana, full-width forms and CJK punctuation.
func isWide(r rune) bool {
	return isHan(r) || r >= 0x3000 && r <= 0x30FF || r >= 0xFF00 && r <= 0xFFEF || r == '“' || r == '”' || r == '‘' || r == '’' || r == '—' || r == '…'
}

// isSentenceMark reports the punctuation that tells a sentence from a menu
// entry or a title.
func isSentenceMark(r rune) bool {
	switch r {
	case '。', '！', '？', '；', '，':
		return true
	}
	return false
}

// isLayoutSpace reports white space that norm removes: ASCII white space,
// no-break, ideographic, zero-width spaces and the BOM.
func isLayoutSpace(r rune) bool {
	return unicode.IsSpace(r) || r == 0x3000 || r == 0x00A0 || r == 0x200B || r == 0xFEFF || r == 0x2002 || r == 0x2003
}

// collapse turns HTML source white space into rendered text: a run of ASCII
// white space becomes one space, or nothing when it holds a line break and
// stands between two wide characters; other spaces (no-break, ideographic)
// are kept as printed.
func collapse(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	var prev rune
	for i := 0; i < len(s); {
		if !isHTMLSpace(s[i]) {
			r, n := utf8.DecodeRuneInString(s[i:])
			b.WriteRune(r)
			prev = r
			i += n
			continue
		}
		j, brk := i, false
		for j < len(s) && isHTMLSpace(s[j]) {
			brk = brk || s[j] == '\n' || s[j] == '\r'
			j++
		}
		next, _ := utf8.DecodeRuneInString(s[j:])
		if prev != 0 && j < len(s) && !(brk && isWide(prev) && isWide(next)) {
			b.WriteByte(' ')
			prev = ' '
		}
		i = j
	}
	return b.String()
}

func isHTMLSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'
}

// squeeze removes layout spaces: every run of white space goes, except one
// space between two ASCII letters or digits (the corpus' norm).
func squeeze(s string) string {
	var b strings.Builder
	var prev rune
	pending := false
	for _, r := range s {
		if isLayoutSpace(r) {
			pending = true
			continue
		}
		if pending && isASCIIAlnum(prev) && isASCIIAlnum(r) {
			b.WriteByte(' ')
		}
		pending = false
		b.WriteRune(r)
		prev = r
	}
	return b.String()
}

func isASCIIAlnum(r rune) bool {
	return r < utf8.RuneSelf && (r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z')
}

// maxCell is the longest text, in characters, of a table cell whose lines
// are joined into one when its row is put on one line: a data table's
// header cell ("比上年" / "增长(%)"), never a layout table's column.
const maxCell = 60

// joinLines joins the lines of one table cell: without a space between
// two wide characters, with one otherwise.
func joinLines(lines []string) string {
	var b strings.Builder
	for i, l := range lines {
		if i > 0 {
			prev, _ := utf8.DecodeLastRuneInString(b.String())
			next, _ := utf8.DecodeRuneInString(l)
			if !(isWide(prev) && isWide(next)) {
				b.WriteByte(' ')
			}
		}
		b.WriteString(l)
	}
	return b.String()
}

// rowCells returns the text of each cell of a table row on one line, or
// false when a cell is too long to be a data table's (a layout table).
func rowCells(cells [][]string) ([]string, bool) {
	var out []string
	for _, c := range cells {
		if len(c) == 0 {
			continue
		}
		s := joinLines(c)
		if len(c) > 1 && utf8.RuneCountInString(s) > maxCell {
			return nil, false
		}
		out = append(out, s)
	}
	return out, true
}
