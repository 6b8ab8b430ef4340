package lex

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// labelKind is a level of the numbering of GB/T 9704: 一、 parts, （一）
// subsections, 1. items, （1） sub-items; ① is common practice below that.
type labelKind int

const (
	NoLabel      labelKind = iota
	PartLabel              // 一、
	SubLabel               // （一） or (一)
	ItemLabel              // 1. 1． 1、
	SubitemLabel           // （1） or (1)
	circledLabel           // ①
	EnumLabel              // 一是, inline
)

// A Label is the numbering at the start of a heading or paragraph, as printed.
type Label struct {
	Kind labelKind
	Text string
	Num  int
}

// LabelAt returns the numbering label that s starts with, or a label of kind
// noLabel.
func LabelAt(s string) Label {
	r, n := utf8.DecodeRuneInString(s)
	switch {
	case r == '（' || r == '(':
		rest := s[n:]
		end := strings.IndexAny(rest, ")）")
		if end <= 0 || end > 9 {
			return Label{}
		}
		inner := rest[:end]
		_, cn := utf8.DecodeRuneInString(rest[end:])
		text := s[:n+end+cn]
		if v, ok := CnNumber(inner); ok {
			return Label{SubLabel, text, v}
		}
		if v, ok := Arabic(inner); ok && len([]rune(inner)) <= 2 {
			return Label{SubitemLabel, text, v}
		}
	case r >= '①' && r <= '⑳':
		return Label{circledLabel, s[:n], int(r-'①') + 1}
	case IsDigit(r):
		i := 0
		for i < len(s) {
			d, dn := utf8.DecodeRuneInString(s[i:])
			if !IsDigit(d) {
				break
			}
			i += dn
		}
		if utf8.RuneCountInString(s[:i]) > 2 {
			return Label{}
		}
		p, pn := utf8.DecodeRuneInString(s[i:])
		if p != '.' && p != '．' && p != '、' {
			return Label{}
		}
		// "1.5万亩" and "1、2月" are numbers, not numbering.
		next, _ := utf8.DecodeRuneInString(s[i+pn:])
		if IsDigit(next) || next == '.' || next == '．' || next == '、' || next == '%' {
			return Label{}
		}
		v, _ := Arabic(s[:i])
		return Label{ItemLabel, s[:i+pn], v}
	case strings.ContainsRune(CnDigits, r):
		end := strings.Index(s, "、")
		if end <= 0 || end > 9 {
			return Label{}
		}
		v, ok := CnNumber(s[:end])
		if !ok {
			return Label{}
		}
		rest := s[end+len("、"):]
		// "一、二季度" and "一、二、三产业" count quarters and sectors.
		if k := strings.IndexFunc(rest, func(r rune) bool { return !strings.ContainsRune(CnDigits, r) }); k > 0 {
			for _, w := range []string{"、", "季度", "产业", "类", "级", "等"} {
				if strings.HasPrefix(rest[k:], w) {
					return Label{}
				}
			}
		}
		return Label{PartLabel, s[:end+len("、")], v}
	}
	return Label{}
}

const CnDigits = "一二三四五六七八九十"

// CnNumber reads a Chinese numeral from 一 to 九十九.
func CnNumber(s string) (int, bool) {
	rs := []rune(s)
	digit := func(r rune) int {
		i := strings.IndexRune("一二三四五六七八九", r)
		if i < 0 {
			return -1
		}
		return i/len("一") + 1
	}
	switch len(rs) {
	case 1:
		if rs[0] == '十' {
			return 10, true
		}
		if d := digit(rs[0]); d > 0 {
			return d, true
		}
	case 2:
		if rs[0] == '十' {
			if d := digit(rs[1]); d > 0 {
				return 10 + d, true
			}
		}
		if rs[1] == '十' {
			if d := digit(rs[0]); d > 1 {
				return d * 10, true
			}
		}
	case 3:
		if rs[1] == '十' {
			if a, b := digit(rs[0]), digit(rs[2]); a > 1 && b > 0 {
				return a*10 + b, true
			}
		}
	}
	return 0, false
}

// cnNumeral writes n (1 to 99) as a Chinese numeral.
func cnNumeral(n int) string {
	const d = "〇一二三四五六七八九"
	dig := func(i int) string { r := []rune(d); return string(r[i]) }
	switch {
	case n <= 0 || n > 99:
		return "?"
	case n < 10:
		return dig(n)
	case n == 10:
		return "十"
	case n < 20:
		return "十" + dig(n-10)
	case n%10 == 0:
		return dig(n/10) + "十"
	}
	return dig(n/10) + "十" + dig(n%10)
}

func Arabic(s string) (int, bool) {
	if s == "" {
		return 0, false
	}
	v := 0
	for _, r := range s {
		if !IsDigit(r) {
			return 0, false
		}
		v = v*10 + digitValue(r)
	}
	return v, true
}

// WithNum returns how the label l would print number n, keeping l's style:
// the label expected after "(二)" is "(三)".
func (l Label) WithNum(n int) string {
	switch l.Kind {
	case PartLabel:
		return cnNumeral(n) + "、"
	case SubLabel:
		o, _ := utf8.DecodeRuneInString(l.Text)
		c, _ := utf8.DecodeLastRuneInString(l.Text)
		return string(o) + cnNumeral(n) + string(c)
	case ItemLabel:
		p, _ := utf8.DecodeLastRuneInString(l.Text)
		return Itoa(n) + string(p)
	case SubitemLabel:
		o, _ := utf8.DecodeRuneInString(l.Text)
		c, _ := utf8.DecodeLastRuneInString(l.Text)
		return string(o) + Itoa(n) + string(c)
	case EnumLabel:
		return cnNumeral(n) + "是"
	case circledLabel:
		if n >= 1 && n <= 20 {
			return string(rune('①' + n - 1))
		}
	}
	return Itoa(n)
}

func Itoa(n int) string { return strconv.Itoa(n) }
