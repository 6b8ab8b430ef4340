package lex

import "strings"

// StripHeading removes the marks of an ATX heading.
func StripHeading(l string) string {
	t := strings.TrimLeft(l, "#")
	if k := len(l) - len(t); k >= 1 && k <= 6 && (t == "" || t[0] == ' ' || t[0] == '\t') {
		return strings.TrimSpace(t)
	}
	return l
}

// Unescape undoes a backslash escape of ASCII punctuation, as CommonMark
// reads it.
func Unescape(s string) string {
	if !strings.Contains(s, `\`) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '\\' && i+1 < len(s) && IsASCIIPunct(s[i+1]) {
			i++
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

func IsASCIIPunct(c byte) bool {
	return c >= '!' && c <= '/' || c >= ':' && c <= '@' || c >= '[' && c <= '`' || c >= '{' && c <= '~'
}
