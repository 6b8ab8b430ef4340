package document

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// CellSep separates the cells of a table row on its line: two ideographic
// spaces, which the importer keeps as text (it drops lines of "|").
const CellSep = "\u3000\u3000"

// IsHan reports a Chinese character (the CJK unified ideographs and their
// extension A and compatibility blocks).
func IsHan(r rune) bool {
	return r >= 0x4E00 && r <= 0x9FFF || r >= 0x3400 && r <= 0x4DBF || r >= 0xF900 && r <= 0xFAFF
}

// IsWide reports a character that a line break between two of is no space
// in Chinese text: ideographs, kana, full-width forms and CJK punctuation.
func IsWide(r rune) bool {
	return IsHan(r) || r >= 0x3000 && r <= 0x30FF || r >= 0xFF00 && r <= 0xFFEF || r == '“' || r == '”' || r == '‘' || r == '’' || r == '—' || r == '…'
}

// IsLayoutSpace reports white space that norm removes: ASCII white space,
// no-break, ideographic, zero-width spaces and the BOM.
func IsLayoutSpace(r rune) bool {
	return unicode.IsSpace(r) || r == 0x3000 || r == 0x00A0 || r == 0x200B || r == 0xFEFF || r == 0x2002 || r == 0x2003
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
			if !(IsWide(prev) && IsWide(next)) {
				b.WriteByte(' ')
			}
		}
		b.WriteString(l)
	}
	return b.String()
}

// RowCells returns the text of each cell of a table row on one line, or
// false when a cell is too long to be a data table's (a layout table).
func RowCells(cells [][]string) ([]string, bool) {
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

var dateRe = regexp.MustCompile(`(\d{4})\s*[-年./／]\s*(\d{1,2})\s*[-月./／]\s*(\d{1,2})`)

// ISODate returns the first date in s as YYYY-MM-DD, or "".
func ISODate(s string) string {
	m := dateRe.FindStringSubmatch(s)
	if m == nil {
		return ""
	}
	y, _ := strconv.Atoi(m[1])
	mo, _ := strconv.Atoi(m[2])
	d, _ := strconv.Atoi(m[3])
	if mo < 1 || mo > 12 || d < 1 || d > 31 {
		return ""
	}
	return fmt.Sprintf("%04d-%02d-%02d", y, mo, d)
}

// meetingRe matches a meeting in parentheses at the end of a title.
var meetingRe = regexp.MustCompile(`\s*[（(][^（）()]*会议[^（）()]*[）)]\s*$`)

// CleanTitle trims a title and removes zero-width characters and a meeting
// in parentheses at its end.
func CleanTitle(s string) string {
	s = strings.Map(func(r rune) rune {
		if r == 0x200B || r == 0xFEFF || r == 0x200C || r == 0x200D {
			return -1
		}
		return r
	}, s)
	s = strings.TrimSpace(strings.Join(strings.Fields(s), " "))
	return strings.TrimSpace(meetingRe.ReplaceAllString(s, ""))
}

// Squeeze removes layout spaces: every run of white space goes, except one
// space between two ASCII letters or digits (the corpus' norm).
func Squeeze(s string) string {
	var b strings.Builder
	var prev rune
	pending := false
	for _, r := range s {
		if IsLayoutSpace(r) {
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
