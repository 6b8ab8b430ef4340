package webpage

import (
	"strings"
	"unicode/utf8"

	"reportsite/generator/source/document"
)

// isSentenceMark reports the punctuation that tells a sentence from a menu
// entry or a title.
func isSentenceMark(r rune) bool {
	switch r {
	case '。', '！', '？', '；', '，':
		return true
	}
	return false
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
		if prev != 0 && j < len(s) && !(brk && document.IsWide(prev) && document.IsWide(next)) {
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
