package figure

import (
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// A Figure is a figure found in a clause.
type Figure struct {
	Start, End int    // byte span in the clause, from 第 or the number to the end of the bound
	Value      string // as written
	Unit       string
	Bound      string // written after the number: 以上, 以内, 余 …
	Kind       string // "ratio", "rank" or "" for a figure with a unit
	Qualifier  bool   // a threshold naming what is counted: 500万元以上技术改造项目
	Attribute  bool   // followed by 的: 总投资341亿元的重点项目
}

// IsDigit reports an ASCII or full-width digit.
func IsDigit(r rune) bool { return r >= '0' && r <= '9' || r >= '０' && r <= '９' }

// IsLatin reports an ASCII letter.
func IsLatin(r rune) bool { return r < utf8.RuneSelf && unicode.IsLetter(r) }

// IsHan reports a Chinese character.
func IsHan(r rune) bool { return unicode.Is(unicode.Han, r) }

// IsRate reports a unit of a rate: %, ％, 个百分点, 百分点.
func IsRate(unit string) bool {
	return unit == "%" || unit == "％" || unit == "个百分点" || unit == "百分点"
}

// BoundBefore reports whether a bound is written before the number (不低于7%)
// rather than after it (7%以上, 20余场次).
func BoundBefore(bound string) bool {
	return slices.Contains(preBounds, bound)
}

// CutPreBound cuts a bound written before a number from the end of s: 稳定超过
// gives 稳定 and 超过.
func CutPreBound(s string) (rest, bound string) {
	for _, b := range preBounds {
		if t, ok := strings.CutSuffix(s, b); ok {
			return t, b
		}
	}
	return s, ""
}

// EndsWithObjectVerb reports a name whose object follows the figure:
// 每年向下游输送|800亿立方米|源头活水.
func EndsWithObjectVerb(name string) bool { return EndsAny(name, objectVerbs) }

// BareUnit is unit without its multipliers: 亿元 → 元.
func BareUnit(unit string) string {
	for _, m := range multipliers {
		unit = strings.TrimPrefix(unit, m)
	}
	return unit
}

// EndsAny reports whether s ends with one of suffixes; StartsAny and
// ContainsAny likewise. The three stages of extraction read clauses with
// them.
func EndsAny(s string, suffixes []string) bool {
	for _, p := range suffixes {
		if strings.HasSuffix(s, p) {
			return true
		}
	}
	return false
}

// ContainsAny reports whether s holds one of words.
func ContainsAny(s string, words []string) bool {
	for _, w := range words {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

// StartsAny reports whether s starts with one of prefixes.
func StartsAny(s string, prefixes []string) bool {
	for _, p := range prefixes {
		if strings.HasPrefix(s, p) {
			return true
		}
	}
	return false
}

// numberEnd returns the end of the number that starts at i: digits, groups
// of three digits after a thousands separator (52,015 or 31，737, when the
// first group has at most three digits), and a decimal point followed by
// digits.
func numberEnd(s string, i int) int {
	digits := func(i int) (int, int) {
		n := 0
		for i < len(s) {
			r, w := utf8.DecodeRuneInString(s[i:])
			if !IsDigit(r) {
				break
			}
			i += w
			n++
		}
		return i, n
	}
	i, n := digits(i)
	if n <= 3 {
		for {
			sep := ""
			for _, c := range []string{",", "，"} {
				if strings.HasPrefix(s[i:], c) {
					sep = c
				}
			}
			if sep == "" {
				break
			}
			j, m := digits(i + len(sep))
			if m != 3 {
				break
			}
			i = j
		}
	}
	for _, dot := range []string{".", "．"} {
		if strings.HasPrefix(s[i:], dot) {
			if r, _ := utf8.DecodeRuneInString(s[i+len(dot):]); IsDigit(r) {
				j, _ := digits(i + len(dot))
				return j
			}
		}
	}
	return i
}

// skipSpace returns the end of the white space at i: PDF text puts spaces
// between a number and its unit ("876819 万元", "2.9亿  元").
func skipSpace(s string, i int) int {
	for i < len(s) {
		r, n := utf8.DecodeRuneInString(s[i:])
		if !unicode.IsSpace(r) {
			break
		}
		i += n
	}
	return i
}

// chineseDigits are the numerals a rank may be written in: 第二, 首位.
const chineseDigits = "一二三四五六七八九十"

// Scan finds the figures of a clause. Numbers inside quotation marks are
// part of a name (“3个100万”).
func Scan(c string) []Figure {
	var toks []Figure
	quoted := 0
	for i := 0; i < len(c); {
		r, n := utf8.DecodeRuneInString(c[i:])
		switch r {
		case '“', '「', '《':
			quoted++
		case '”', '」', '》':
			if quoted > 0 {
				quoted--
			}
		}
		if tk, ok := chineseRank(c, i); ok && quoted == 0 {
			toks = append(toks, tk)
			i = tk.End
			continue
		}
		if !IsDigit(r) || quoted > 0 {
			i += n
			continue
		}
		tk, ok, next := number(c, i)
		if ok {
			toks = append(toks, tk)
		}
		i = next
	}
	return toks
}

// number reads the figure whose number starts at i. It returns the figure,
// whether the number is one, and where reading goes on.
func number(c string, i int) (Figure, bool, int) {
	prev, _ := utf8.DecodeLastRuneInString(c[:i])
	j := numberEnd(c, i)
	next, _ := utf8.DecodeRuneInString(c[j:])
	if glued(c, i, prev, next) {
		return Figure{}, false, j
	}
	// A ratio: two or more numbers joined by colons. Two numbers need a
	// word of proportion before them (比例, 之比), so that a time (10:26)
	// or a label (附件1：2018) is no ratio.
	if k, terms := ratioEnd(c, j); k > j {
		if terms >= 3 || strings.Contains(c[:i], "比") {
			return Figure{Start: i, End: k, Value: c[i:k], Kind: "ratio"}, true, k
		}
		return Figure{}, false, k
	}
	if prev == '第' && (next == '位' || next == '名') {
		end := j + utf8.RuneLen(next)
		return Figure{Start: i - len("第"), End: end, Value: c[i:j], Unit: string(next), Kind: "rank"}, true, end
	}
	return withUnit(c, i, j)
}

// glued reports a number that touches a Latin letter, "+", "-", "·" or a
// comparison sign (PM10, “5+N”, 2020-01-12, “9·5”), or the rest of a number
// cut by a line break (".3 亿元" at the start of a clause): not a figure.
func glued(c string, i int, prev, next rune) bool {
	return IsLatin(prev) || prev == '+' || IsLatin(next) || next == '+' || prev == '-' || next == '-' || prev == '·' || next == '·' ||
		(prev == '.' || prev == '．') && i == len(string(prev)) || strings.ContainsRune("<>＜＞≤≥", prev)
}

// ratioEnd returns the end of the further terms of a ratio after the
// number that ends at j, and the number of terms (1 when there are none).
func ratioEnd(c string, j int) (int, int) {
	k, terms := j, 1
	for {
		q, qn := utf8.DecodeRuneInString(c[k:])
		if q != ':' && q != '：' {
			break
		}
		if d, _ := utf8.DecodeRuneInString(c[k+qn:]); !IsDigit(d) {
			break
		}
		k = numberEnd(c, k+qn)
		terms++
	}
	return k, terms
}

// withUnit reads the unit and bounds after the number c[i:j]. A number
// with no unit, or one followed by 级 (3A级, 500亿级), is no figure.
func withUnit(c string, i, j int) (Figure, bool, int) {
	tk := Figure{Start: i, Value: c[i:j]}
	k := skipSpace(c, j)
	if next, _ := utf8.DecodeRuneInString(c[k:]); next == '余' || next == '多' {
		tk.Bound = string(next)
		k = skipSpace(c, k+utf8.RuneLen(next))
	}
	unit, w := unitAt(c, i, j, k)
	if unit == "" {
		return Figure{}, false, j
	}
	tk.Unit = unit
	k += w
	if strings.HasPrefix(c[k:], "级") {
		return Figure{}, false, k
	}
	k = tk.afterUnit(c, k)
	tk.Attribute = strings.HasPrefix(c[k:], "的")
	tk.End = k
	return tk, true, k
}

// unitAt returns the unit at k after the number c[i:j] and its length.
func unitAt(c string, i, j, k int) (string, int) {
	unit, w := matchUnit(c[k:])
	if unit == "" && strings.HasPrefix(c[k:], "年") && (strings.ContainsAny(c[i:j], ".．") || j-i <= 2 && strings.Contains(c[:i], "年限")) {
		unit, w = "年", len("年") // 受教育年限10.2年: a decimal is no year
	}
	if unit == "" && strings.HasPrefix(c[k:], "万") && StartsAny(c[k+len("万"):], peopleNouns) && EndsAny(strings.TrimSpace(c[:i]), objectVerbs) {
		unit, w = "万", len("万") // 带动3.78万农牧民就业增收: the people reached
	}
	return unit, w
}

// afterUnit reads what may follow the unit at k, a base (5000元/人) and a
// bound (以上, 以内 …), into tk, and returns where they end.
func (tk *Figure) afterUnit(c string, k int) int {
	if strings.HasPrefix(c[k:], "/") {
		if b, bn := utf8.DecodeRuneInString(c[k+1:]); IsHan(b) {
			tk.Unit += "/" + string(b)
			k += 1 + bn
		}
	}
	for _, b := range postBounds {
		if strings.HasPrefix(c[k:], b) {
			tk.Bound += b
			k += len(b)
			if b == "以上" || b == "以下" {
				q, _ := utf8.DecodeRuneInString(c[k:])
				tk.Qualifier = IsHan(q) && q != '的'
			}
			break
		}
	}
	return k
}

// chineseRank reads a rank in Chinese numerals at i: 第二位, 首位, and 第一,
// 第三 at the end of a clause after a word of ranking (居, 排名, 位列),
// never an ordinal (第二批, 第三轮).
func chineseRank(c string, i int) (Figure, bool) {
	if strings.HasPrefix(c[i:], "首位") {
		return Figure{Start: i, End: i + len("首位"), Value: "首", Unit: "位", Kind: "rank"}, true
	}
	if !strings.HasPrefix(c[i:], "第") {
		return Figure{}, false
	}
	j := i + len("第")
	k := j
	for k < len(c) {
		r, n := utf8.DecodeRuneInString(c[k:])
		if !strings.ContainsRune(chineseDigits, r) {
			break
		}
		k += n
	}
	if k == j {
		return Figure{}, false
	}
	tk := Figure{Start: i, End: k, Value: c[j:k], Unit: "位", Kind: "rank"}
	if next, n := utf8.DecodeRuneInString(c[k:]); next == '位' || next == '名' {
		tk.Unit, tk.End = string(next), k+n
		return tk, true
	}
	before := c[:i]
	if strings.TrimSpace(c[k:]) == "" && (strings.Contains(before, "居") || strings.Contains(before, "排名") || strings.Contains(before, "位列") || strings.Contains(before, "排") ||
		EndsAny(before, []string{"全国", "全省", "全市", "全区", "全县"})) {
		return tk, true
	}
	return Figure{}, false
}

// matchUnit returns the longest unit s starts with and its length in s,
// which may hold spaces between the characters of the unit (letter-spaced
// PDF text: "亿  元").
func matchUnit(s string) (string, int) {
	// Read up to eight characters, without spaces, remembering where each
	// one ends in s.
	var flat []rune
	var ends []int
	for i := 0; i < len(s) && len(flat) < 8; {
		r, n := utf8.DecodeRuneInString(s[i:])
		i += n
		if unicode.IsSpace(r) {
			if len(flat) == 0 {
				continue
			}
			// Spaces inside a unit only where the text is letter-spaced.
			if j := skipSpace(s, i); j-i+n < 2 {
				break
			}
			i = skipSpace(s, i)
			continue
		}
		flat = append(flat, r)
		ends = append(ends, i)
	}
	f := string(flat)
	best := ""
	try := func(u string) {
		if len(u) > len(best) && strings.HasPrefix(f, u) {
			best = u
		}
	}
	for _, u := range units {
		try(u)
		for _, m := range multipliers {
			try(m + u)
		}
	}
	if best == "" {
		// A bare 万 or 亿 ("45亿,") is a unit; "500亿级" is a name.
		for _, m := range []string{"万亿", "亿", "万"} {
			if strings.HasPrefix(f, m) {
				if r, _ := utf8.DecodeRuneInString(f[len(m):]); !IsHan(r) && !IsLatin(r) {
					best = m
					break
				}

			}
		}
	}
	if best == "" {
		return "", 0
	}
	return best, ends[utf8.RuneCountInString(best)-1]
}

// IsClassifier reports whether a unit counts things, so that the thing may
// follow the count ("22个项目").
func IsClassifier(unit string) bool {
	return slices.Contains(classifiers, BareUnit(unit))
}

// ParseNumber parses a value written with ASCII or full-width digits.
func ParseNumber(v string) (float64, bool) {
	if v == "" {
		return 0, false
	}
	s := strings.Map(func(r rune) rune {
		switch {
		case r >= '０' && r <= '９':
			return '0' + r - '０'
		case r == '．':
			return '.'
		}
		return r
	}, v)
	for _, r := range s {
		if !(r >= '0' && r <= '9' || r == '.') {
			return 0, false
		}
	}
	f, err := strconv.ParseFloat(s, 64)
	return f, err == nil
}
