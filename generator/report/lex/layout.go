package lex

import (
	"strings"
	"unicode/utf8"
)

// Letter spacing. PDF extraction of justified or letter-spaced text puts
// white space between the characters of a line ("关  于  岳  阳  市"). White
// space is layout in Chinese text, so it goes, except in Latin text, where
// one space stays: the lossless check compares text without it.

// spacedGaps counts the gaps of white space between two Chinese characters,
// and the pairs of Chinese characters that touch, in s.
func spacedGaps(s string) (gaps, touching int) {
	prev := rune(-1)
	space := false
	for _, r := range s {
		if IsSpace(r) {
			space = true
			continue
		}
		if prev >= 0 && IsHan(prev) && IsHan(r) {
			if space {
				gaps++
			} else {
				touching++
			}
		}
		prev, space = r, false
	}
	return gaps, touching
}

// letterSpaced reports a line set with space between its characters: at
// least three such gaps, and more gaps than characters that touch.
func letterSpaced(s string) bool {
	if !strings.ContainsAny(s, " \t\u3000") {
		return false
	}
	g, t := spacedGaps(s)
	return g >= 3 && g > t
}

// Despace removes the letter spacing of s: white space between two
// characters goes unless they are Latin text (latinSpace), where one space
// stays.
func Despace(s string) string {
	var b strings.Builder
	prev := rune(-1)
	space := false
	for _, r := range s {
		if IsSpace(r) {
			space = true
			continue
		}
		if space && prev >= 0 && latinSpace(prev, r) {
			b.WriteByte(' ')
		}
		b.WriteRune(r)
		prev, space = r, false
	}
	return b.String()
}

// latinSpace reports two characters of Latin text that a space between
// them separates: both ASCII letters or digits, or ASCII with a letter
// ("says, growth").
func latinSpace(a, b rune) bool {
	return IsASCIIAlnum(a) && IsASCIIAlnum(b) ||
		a < 0x80 && b < 0x80 && a > ' ' && b > ' ' && (IsASCIILetter(a) || IsASCIILetter(b))
}

// LetterSpacedFile reports a file whose text is letter-spaced throughout:
// most of its lines of some length are.
func LetterSpacedFile(lines []Line) bool {
	n, spaced := 0, 0
	for _, l := range lines {
		if utf8.RuneCountInString(l.Text) < 6 {
			continue
		}
		n++
		if letterSpaced(l.Text) {
			spaced++
		}
	}
	return n > 0 && spaced*2 > n
}

// Unspace removes the letter spacing of the lines from from on; of every
// line that has white space when all is true (a file letter-spaced
// throughout). Warnings about such a line count columns in the line without
// its spaces.
func Unspace(lines []Line, from int, drop []string, all bool) {
	for i := from; i < len(lines); i++ {
		if drop[i] != "" {
			continue
		}
		if all && strings.ContainsFunc(lines[i].Text, IsSpace) || letterSpaced(lines[i].Text) {
			lines[i].Text = Despace(lines[i].Text)
		}
	}
}

// PdfPages counts the form feeds that begin lines: the pages of PDF text,
// where white space inside a line is the layout of justified lines.
func PdfPages(lines []Line) int {
	n := 0
	for _, l := range lines {
		if l.Page {
			n++
		}
	}
	return n
}
