package proofread

import (
	"fmt"
	"sort"
	"strings"
	"unicode/utf8"

	"reportsite/generator/report/lex"
)

// Warning is a proofreading finding: damage in the source text that import
// keeps as it is and reports, or a problem with the report's structure.
// Line and Col (1-based; Col counts characters, not bytes) are positions in
// the imported file for Import, and in the content file for Body, File and FS.
type Warning struct {
	Path      string
	Line, Col int
	Kind      string // one of the Kind constants
	Message   string
	Context   string // the text around the position
	// Suggest is the correction the text makes obvious, if any
	// ("2021年3月12日" for 2021312日). It is never applied: fix corrects
	// punctuation only.
	Suggest string
}

// String formats w as "path:line:col: message (context: …)".
func (w Warning) String() string {
	s := w.Path
	if w.Line > 0 {
		s += fmt.Sprintf(":%d:%d", w.Line, w.Col)
	}
	s += ": " + w.Message
	if w.Suggest != "" {
		s += " → " + w.Suggest + "?"
	}
	if w.Context != "" {
		s += " (context: " + w.Context + ")"
	}
	return s
}

// Kinds of warnings.
const (
	KindQuote         = "quote"          // a quotation mark without its partner: 六稳”“六保
	KindBracket       = "bracket"        // a bracket without its partner: (AED急救设备。
	KindMergedDate    = "merged-date"    // a date that lost 年 and 月: 2021312日
	KindMergedNumber  = "merged-number"  // a count too long to be one: 39888293名
	KindMergedFigures = "merged-figures" // two figures with no separator: 65.7%50%
	KindNumbering     = "numbering"      // numbering that skips, repeats or goes back
	KindHalfWidth     = "half-width"     // half-width , ( : ; in Chinese text
	KindEncoding      = "encoding"       // a character the decoder could not read
	KindStructure     = "structure"      // structure import could not recognise
	KindMetadata      = "metadata"       // a metadata value that is not what its key says
)

// Checker collects the warnings of one file.
type Checker struct {
	Path string
	Out  []Warning
	// While a unit is being checked (between begin and end), the last
	// position found in it: finding the positions of many warnings in one
	// long paragraph, in order, takes linear time.
	cur  bool
	last struct{ off, span, line, col int }
}

// begin starts the checks of one unit; every add until end is about u.
func (c *Checker) begin() { c.cur, c.last.off, c.last.span = true, -1, -1 }

func (c *Checker) end() { c.cur = false }

func (c *Checker) Add(u lex.Unit, i, j int, kind, msg string) {
	line, col := c.pos(u, i)
	c.Out = append(c.Out, Warning{Path: c.Path, Line: line, Col: col, Kind: kind, Message: msg, Context: Context(u.Text, i, j)})
}

// pos is u.pos(off), counting on from the last position found when that is
// in the same span of the unit being checked.
func (c *Checker) pos(u lex.Unit, off int) (int, int) {
	if len(u.Spans) == 0 {
		return 0, 0
	}
	k := max(0, sort.Search(len(u.Spans), func(k int) bool { return u.Spans[k].Off > off })-1)
	l := &c.last
	if c.cur && l.span == k && l.off <= off {
		l.col += utf8.RuneCountInString(u.Text[l.off:off])
		l.off = off
		return l.line, l.col
	}
	line, col := u.Pos(off)
	if c.cur && off >= u.Spans[k].Off {
		l.off, l.span, l.line, l.col = off, k, line, col
	}
	return line, col
}

// Context returns s[i:j] with up to ten characters on either side; a long
// s[i:j] is cut after twenty.
func Context(s string, i, j int) string {
	const n = 10
	cut := false
	if k := cutAfter(s[i:j], 2*n); k < j-i {
		j, cut = i+k, true
	}
	a := i
	for k := 0; k < n && a > 0; k++ {
		_, size := utf8.DecodeLastRuneInString(s[:a])
		a -= size
	}
	b := j
	if !cut {
		b += cutAfter(s[j:], n)
	}
	out := s[a:b]
	if a > 0 {
		out = "…" + out
	}
	if b < len(s) {
		out += "…"
	}
	return out
}

// figureUnits are the units a figure may carry, longest first.
var figureUnits = [...]string{"万平方米", "平方米", "万元", "亿元", "万人", "人次", "万吨", "万亩", "公里", "千米", "场次",
	"%", "％", "‰", "元", "人", "名", "个", "家", "项", "处", "吨", "亩", "户", "场", "座", "所", "件", "条", "辆", "台", "套", "倍"}

// figureUnit returns the unit s starts with, or "".
func figureUnit(s string) string {
	for _, u := range figureUnits {
		if strings.HasPrefix(s, u) {
			return u
		}
	}
	return ""
}

// isCountUnit reports the measure words of counted things, after which a
// number of seven digits is not one count.
func isCountUnit(r rune) bool {
	return strings.ContainsRune("名人户个家项处场次所件台辆套座条村亩", r)
}

func isASCIIDigit(c byte) bool { return c >= '0' && c <= '9' }

// number returns the end of the number (digits, then a decimal part) that
// starts at i.
func number(s string, i int) int {
	for i < len(s) && isASCIIDigit(s[i]) {
		i++
	}
	if i+1 < len(s) && s[i] == '.' && isASCIIDigit(s[i+1]) {
		i++
		for i < len(s) && isASCIIDigit(s[i]) {
			i++
		}
	}
	return i
}

// figures checks the numbers of a unit: a date that lost 年 and 月
// (2021312日, 20213月), a count too long to be one (39888293名), and a
// figure with its unit followed at once by another (65.7%50%, 577.2公里89个;
// not a count of things of a size, 3个100万).
// It reads each number once, so it takes time linear in the text.
func (c *Checker) figures(u lex.Unit) {
	s := u.Text
	for i := 0; i < len(s); {
		if !isASCIIDigit(s[i]) {
			i++
			continue
		}
		j := i
		for j < len(s) && isASCIIDigit(s[j]) {
			j++
		}
		prev, _ := utf8.DecodeLastRuneInString(s[:i])
		if i > 0 && (prev == '.' || lex.IsASCIIAlnum(prev)) {
			i = number(s, j)
			continue
		}
		digits := s[i:j]
		next, n := utf8.DecodeRuneInString(s[j:])
		year := strings.HasPrefix(digits, "19") || strings.HasPrefix(digits, "20")
		switch {
		case year && next == '日' && len(digits) >= 6 && len(digits) <= 8 && monthDay(digits[4:]) && prev != '．' && !lex.IsDigit(prev):
			c.Add(u, i, j+n, KindMergedDate, fmt.Sprintf("date %s looks merged: 年 and 月 lost?", s[i:j+n]))
			if m, d, ok := oneMonthDay(digits[4:]); ok {
				c.Out[len(c.Out)-1].Suggest = digits[:4] + "年" + m + "月" + d + "日"
			}
		case year && next == '月' && len(digits) >= 5 && len(digits) <= 6 && prev != '．' && !lex.IsDigit(prev) && month(digits[4:]):
			c.Add(u, i, j+n, KindMergedDate, fmt.Sprintf("date %s looks merged: 年 lost?", s[i:j+n]))
			c.Out[len(c.Out)-1].Suggest = digits[:4] + "年" + digits[4:] + "月"
		case len(digits) >= 7 && isCountUnit(next) && !strings.ContainsRune("-/_", prev):
			c.Add(u, i, j+n, KindMergedNumber, fmt.Sprintf("%s is too long for one count: two figures merged?", s[i:j+n]))
		}
		k := number(s, i)
		unit := figureUnit(s[k:])
		if unit == "" || k+len(unit) >= len(s) || !isASCIIDigit(s[k+len(unit)]) {
			i = k
			continue
		}
		end := number(s, k+len(unit))
		if r, _ := utf8.DecodeRuneInString(s[end:]); utf8.RuneCountInString(unit) == 1 && isCountUnit([]rune(unit)[0]) && strings.ContainsRune("万亿千百", r) {
			// A count of things of a size: 3个100万, 14个750千伏.
			i = end
			continue
		}
		end += len(figureUnit(s[end:]))
		c.Add(u, i, end, KindMergedFigures, fmt.Sprintf("figures %s run together: a separator lost?", s[i:end]))
		i = end
	}
}

func month(s string) bool {
	m, _ := lex.Arabic(s)
	return m >= 1 && m <= 12
}

// Text runs the checks that read one unit of text on its own.
func (c *Checker) Text(u lex.Unit) {
	c.begin()
	defer c.end()
	s := u.Text
	c.quotes(u, '“', '”')
	c.quotes(u, '‘', '’')
	c.brackets(u)
	c.figures(u)
	c.halfWidth(u)
	if k := strings.IndexRune(s, utf8.RuneError); k >= 0 {
		c.Add(u, k, k+len("\uFFFD"), KindEncoding, "a character of the source could not be decoded (U+FFFD)")
	}
}

// quoteSpan is the longest quote, in characters, that an opening mark
// suspected of damage may close: quoted phrases in reports are short.
const quoteSpan = 30

// quotes reports a closing mark without an opening one, and an opening mark
// not closed by the end of the paragraph. In 六稳”“六保 the two outer marks
// were lost: the ” is reported, and the “ after it is not reported again.
func (c *Checker) quotes(u lex.Unit, open, close rune) {
	s := u.Text
	if !strings.ContainsRune(s, open) && !strings.ContainsRune(s, close) {
		return
	}
	type mark struct {
		at     int
		paired bool
	}
	var opens []mark
	after := -1
	for i, r := range s {
		switch r {
		case open:
			opens = append(opens, mark{i, i == after})
		case close:
			if close == '’' && i > 0 {
				// An apostrophe: don’t.
				p, _ := utf8.DecodeLastRuneInString(s[:i])
				n, _ := utf8.DecodeRuneInString(s[i+len(string(r)):])
				if lex.IsASCIILetter(p) && lex.IsASCIILetter(n) {
					continue
				}
			}
			// An opening mark that followed a lost one (”“) is likely to have
			// lost its closing mark too: it does not pair with a closing
			// mark far away, which closes a quote whose opening was lost.
			for len(opens) > 0 && opens[len(opens)-1].paired && far(s[opens[len(opens)-1].at:i], quoteSpan) {
				opens = opens[:len(opens)-1]
			}
			if len(opens) > 0 {
				opens = opens[:len(opens)-1]
				continue
			}
			c.Add(u, i, i+utf8.RuneLen(r), KindQuote, fmt.Sprintf("closing %c without an opening %c", close, open))
			after = i + utf8.RuneLen(r)
		}
	}
	for _, m := range opens {
		if !m.paired {
			c.Add(u, m.at, m.at+utf8.RuneLen(open), KindQuote, fmt.Sprintf("opening %c not closed in this paragraph", open))
		}
	}
}

// brackets reports unpaired parentheses (either width; mixed widths pair)
// and book-title marks.
func (c *Checker) brackets(u lex.Unit) {
	s := u.Text
	if !strings.ContainsAny(s, "()（）《》") {
		return
	}
	var stack []int
	var books []int
	for i, r := range s {
		switch r {
		case '(', '（':
			stack = append(stack, i)
		case ')', '）':
			if len(stack) > 0 {
				stack = stack[:len(stack)-1]
				continue
			}
			if i > 0 && strings.TrimFunc(s[:i], func(r rune) bool { return lex.IsDigit(r) || strings.ContainsRune(lex.CnDigits, r) }) == "" {
				// "1）" numbering.
				continue
			}
			c.Add(u, i, i+utf8.RuneLen(r), KindBracket, fmt.Sprintf("closing %c without an opening bracket", r))
		case '《':
			books = append(books, i)
		case '》':
			if len(books) > 0 {
				books = books[:len(books)-1]
				continue
			}
			c.Add(u, i, i+utf8.RuneLen(r), KindBracket, "closing 》 without an opening 《")
		}
	}
	for _, i := range stack {
		r, size := utf8.DecodeRuneInString(s[i:])
		c.Add(u, i, i+size, KindBracket, fmt.Sprintf("opening %c not closed in this paragraph", r))
	}
	for _, i := range books {
		c.Add(u, i, i+len("《"), KindBracket, "opening 《 not closed in this paragraph")
	}
}

// halfWidth reports, once per unit, the half-width punctuation that stands
// in Chinese text (between or next to Chinese characters), where the
// full-width form belongs. A mark between two ASCII letters or digits (the
// ratio 4.1:43.1, the number 1,000) is not reported.
func (c *Checker) halfWidth(u lex.Unit) {
	s := u.Text
	if !strings.ContainsAny(s, ",;:()?!") {
		return
	}
	first := -1
	var order []rune
	count := map[rune]int{}
	prev := rune(-1)
	for i, r := range s {
		if strings.ContainsRune(",;:()?!", r) {
			next, _ := utf8.DecodeRuneInString(s[i+1:])
			if (lex.IsCJK(prev) || lex.IsCJK(next)) && !(lex.IsASCIIAlnum(prev) && lex.IsASCIIAlnum(next)) {
				if first < 0 {
					first = i
				}
				if count[r] == 0 {
					order = append(order, r)
				}
				count[r]++
			}
		}
		prev = r
	}
	if first < 0 {
		return
	}
	var parts []string
	total := 0
	for _, r := range order {
		total += count[r]
		if count[r] == 1 {
			parts = append(parts, fmt.Sprintf("%q", string(r)))
		} else {
			parts = append(parts, fmt.Sprintf("%q ×%d", string(r), count[r]))
		}
	}
	c.Add(u, first, first+1, KindHalfWidth, "half-width "+strings.Join(parts, ", ")+" in Chinese text")
}

// A Sequence checks that the labels of one level run 1, 2, 3…
type Sequence struct {
	prev lex.Label
}

// Next checks lab, found at byte offset off of u.
func (q *Sequence) Next(c *Checker, lab lex.Label, u lex.Unit, off int) {
	prev := q.prev
	q.prev = lab
	at := func(msg string) { c.Add(u, off, off+len(lab.Text), KindNumbering, msg) }
	switch {
	case prev.Kind == lex.NoLabel:
		if lab.Num != 1 {
			at(fmt.Sprintf("numbering starts at %s, not %s", lab.Text, lab.WithNum(1)))
		}
	case lab.Num == prev.Num+1:
	case lab.Num == prev.Num:
		at(fmt.Sprintf("numbering repeats %s", lab.Text))
	case lab.Num > prev.Num+1:
		missing := lab.WithNum(prev.Num + 1)
		if lab.Num > prev.Num+2 {
			missing += "…" + lab.WithNum(lab.Num-1)
		}
		at(fmt.Sprintf("numbering skips from %s to %s: %s missing", prev.Text, lab.Text, missing))
	default:
		at(fmt.Sprintf("numbering goes back from %s to %s", prev.Text, lab.Text))
	}
}

// enumStop are the characters that, before a numeral and 是, make a word
// rather than an enumeration: 统一是, 唯一是, 之一是, 第一是.
const enumStop = "统唯之万单同专划逐合归均再不第一二三四五六七八九十"

// EnumMarks returns the byte ranges of the inline enumeration marks of s:
// 一是, 二是, … 十一是.
func EnumMarks(s string) [][2]int {
	var out [][2]int
	for off := 0; ; {
		k := strings.Index(s[off:], "是")
		if k < 0 {
			return out
		}
		end := off + k + len("是")
		start := off + k
		for n := 0; n < 3 && start > 0; n++ {
			r, size := utf8.DecodeLastRuneInString(s[:start])
			if !strings.ContainsRune(lex.CnDigits, r) {
				break
			}
			start -= size
		}
		off = end
		if start == end-len("是") {
			continue
		}
		if start > 0 {
			if r, _ := utf8.DecodeLastRuneInString(s[:start]); strings.ContainsRune(enumStop, r) {
				continue
			}
		}
		if _, ok := lex.CnNumber(s[start : end-len("是")]); ok {
			out = append(out, [2]int{start, end})
		}
	}
}

// Body checks the blocks of one page body: each block's text, the numbering
// of its items and sub-items, and its inline enumerations.
func (c *Checker) Body(units []lex.Unit) {
	var items, subitems, enums Sequence
	text := false // a paragraph without a label since the last sub-item
	for _, u := range units {
		c.Text(u)
		lab := lex.LabelAt(u.Text)
		switch lab.Kind {
		case lex.ItemLabel:
			items.Next(c, lab, u, 0)
			subitems = Sequence{}
		case lex.SubitemLabel:
			if text && lab.Num == 1 {
				// A new list after a paragraph that introduces it.
				subitems = Sequence{}
			}
			subitems.Next(c, lab, u, 0)
		}
		text = lab.Kind == lex.NoLabel
		c.begin()
		for _, m := range EnumMarks(u.Text) {
			v, _ := lex.CnNumber(u.Text[m[0] : m[1]-len("是")])
			lab := lex.Label{Kind: lex.EnumLabel, Text: u.Text[m[0]:m[1]], Num: v}
			if v == 1 {
				enums = Sequence{}
			}
			enums.Next(c, lab, u, m[0])
		}
		c.end()
	}
}

// monthDay reports whether the digits s read as a month and a day: "312"
// is 3月12日.
func monthDay(s string) bool {
	for k := 1; k <= 2 && k < len(s); k++ {
		m, _ := lex.Arabic(s[:k])
		d, _ := lex.Arabic(s[k:])
		if len(s)-k <= 2 && m >= 1 && m <= 12 && d >= 1 && d <= 31 {
			return true
		}
	}
	return false
}

// oneMonthDay returns the month and day the digits s read as, when they
// read as only one ("312" is 3月12日; "112" may be 1月12日 or 11月2日).
func oneMonthDay(s string) (string, string, bool) {
	var m, d string
	n := 0
	for k := 1; k <= 2 && k < len(s); k++ {
		mv, _ := lex.Arabic(s[:k])
		dv, _ := lex.Arabic(s[k:])
		if len(s)-k <= 2 && mv >= 1 && mv <= 12 && dv >= 1 && dv <= 31 && s[0] != '0' && s[k] != '0' {
			m, d = s[:k], s[k:]
			n++
		}
	}
	return m, d, n == 1
}

// cutAfter returns the byte offset after n runes of s, or len(s).
func cutAfter(s string, n int) int {
	off := 0
	for k := 0; k < n && off < len(s); k++ {
		_, size := utf8.DecodeRuneInString(s[off:])
		off += size
	}
	return off
}

// far reports whether s is longer than n runes, looking at no more than
// needed.
func far(s string, n int) bool {
	return len(s) > n*utf8.UTFMax || cutAfter(s, n) < len(s)
}
