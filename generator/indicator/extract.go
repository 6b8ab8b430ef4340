package indicator

import (
	"fmt"
	"hash/fnv"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"reportsite/generator/content"
)

// Options tells Extract what a page's text states. The zero value extracts
// results with an empty Period.
type Options struct {
	ResultYear int  // the year results are stated for (2020); Period of a result
	TargetYear int  // the year targets are set for (2021); Period of a target
	Targets    bool // the text states targets (主要预期目标) rather than results
	// Plan says that the text reviews a whole five-year plan (results of
	// ResultYear-4—ResultYear) or, with Targets, sets its targets
	// (TargetYear—TargetYear+4).
	Plan bool
	// Budget says that the text is part of a budget or final accounts
	// report; Stage (预算, 执行 or 决算) is the stage of its figures, which a
	// sentence may override (年初预算…, 调整预算为…: 预算).
	Budget bool
	Stage  string
}

func (o Options) period(multi bool) string {
	if o.Targets {
		if o.TargetYear == 0 {
			return ""
		}
		if o.Plan || multi {
			return years(o.TargetYear, o.TargetYear+4)
		}
		return strconv.Itoa(o.TargetYear)
	}
	if o.ResultYear == 0 {
		return ""
	}
	if o.Plan || multi {
		return years(o.ResultYear-4, o.ResultYear)
	}
	return strconv.Itoa(o.ResultYear)
}

// years writes a period of several years: "2016—2020".
func years(from, to int) string { return strconv.Itoa(from) + "—" + strconv.Itoa(to) }

// Extract returns the indicators stated in text, in reading order. text is
// plain text, one paragraph a line (see PlainText).
func Extract(text string, opt Options) []content.Indicator {
	var out []content.Indicator
	heading := false // the paragraph before was "这是…的五年。"
	for _, para := range strings.Split(text, "\n") {
		pc := paraContext{
			plan:  containsAny(para, plans) || strings.Contains(para, "五年"),
			multi: heading || startsFiveYears(para),
		}
		for _, s := range sentences(para) {
			o := opt
			if m := leadingYear.FindStringSubmatch(s); m != nil && !opt.Targets && opt.ResultYear > 0 {
				// 2025年，预计全市社会保险基金收入174.1亿元: the sentence
				// names the year of its figures.
				if y, _ := strconv.Atoi(m[1]); y >= opt.ResultYear-1 && y <= opt.ResultYear+1 {
					if opt.Budget && y > opt.ResultYear {
						o.Stage = "预算"
					}
					o.ResultYear = y
				}
			}
			inds, subject := extractSentence(s, o, pc)
			out = append(out, inds...)
			if subject != "" {
				pc.subject = subject
			}
		}
		heading = fiveYearHeading(para)
	}
	return out
}

// leadingYear is a year that opens a sentence: "2025年，…".
var leadingYear = regexp.MustCompile(`^(\d{4})\s*年\s*[，,]`)

// A paraContext is what a sentence's figures take from its paragraph.
type paraContext struct {
	plan    bool   // the paragraph names a five-year plan or 五年
	multi   bool   // every result of the paragraph is of several years
	subject string // the subject of the sentence before: 支出 after 一般公共预算收入
}

// startsFiveYears reports a paragraph that reviews five years: "五年来，…".
func startsFiveYears(para string) bool {
	p := trimPunct(para)
	return strings.HasPrefix(p, "五年来") || strings.HasPrefix(p, "过去五年") || strings.HasPrefix(p, "回望过去五年")
}

// fiveYearHeading reports a heading paragraph "这是…的五年。" whose next
// paragraph reviews five years.
func fiveYearHeading(para string) bool {
	p := strings.TrimRight(strings.TrimSpace(para), "。！!")
	return strings.HasPrefix(p, "这是") && strings.HasSuffix(p, "五年") && utf8.RuneCountInString(p) <= 30
}

// Anchor returns the id of a sentence: "i-" and 8 hex digits of its FNV-1a
// hash.
func Anchor(sentence string) string {
	h := fnv.New32a()
	h.Write([]byte(sentence))
	return fmt.Sprintf("i-%08x", h.Sum32())
}

// HasNumber reports whether ind.Value is a number, as against a ratio
// ("4.1:43.1:52.8") or a benchmark ("全市平均水平").
func HasNumber(ind content.Indicator) bool {
	_, ok := parseNumber(ind.Value)
	return ok
}

// BoundBefore reports whether a bound is written before the number (不低于7%)
// rather than after it (7%以上, 20余场次).
func BoundBefore(bound string) bool {
	return slices.Contains(preBounds, bound)
}

// sentences cuts text into trimmed sentences. A closing quote or bracket
// after a sentence mark stays with its sentence.
func sentences(text string) []string {
	var out []string
	add := func(s string) {
		s = strings.TrimLeftFunc(s, func(r rune) bool { return unicode.IsSpace(r) || strings.ContainsRune(bullets, r) })
		s = strings.TrimRightFunc(s, unicode.IsSpace)
		if s != "" {
			out = append(out, s)
		}
	}
	for _, para := range strings.Split(text, "\n") {
		start := 0
		for i := 0; i < len(para); {
			r, n := utf8.DecodeRuneInString(para[i:])
			i += n
			if !strings.ContainsRune(sentenceEnds, r) {
				continue
			}
			for i < len(para) {
				r, n := utf8.DecodeRuneInString(para[i:])
				if !strings.ContainsRune(sentenceEnds+"”’」』）)", r) {
					break
				}
				i += n
			}
			add(para[start:i])
			start = i
		}
		add(para[start:])
	}
	return out
}

const (
	sentenceEnds = "。；;！？!?"
	bullets      = "─—-－•●■◆★▲―"
)

// clauses cuts a sentence at commas, colons and sentence marks. A colon
// between digits belongs to a ratio.
func clauses(s string) []string {
	var out []string
	start := 0
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		cut := strings.ContainsRune("，,"+sentenceEnds, r)
		if (r == ',' || r == '，') && isThousands(s, i, n) {
			cut = false
		}
		if r == ':' || r == '：' {
			p, _ := utf8.DecodeLastRuneInString(s[:i])
			q, _ := utf8.DecodeRuneInString(s[i+n:])
			cut = !(isDigit(p) && isDigit(q))
		}
		if cut {
			out = append(out, s[start:i])
			start = i + n
		}
		i += n
	}
	return append(out, s[start:])
}

// isThousands reports whether the comma of width n at i separates
// thousands: 1 to 3 digits before it, exactly 3 after it (31，737).
func isThousands(s string, i, n int) bool {
	before := 0
	for j := i; j > 0; {
		r, w := utf8.DecodeLastRuneInString(s[:j])
		if !isDigit(r) {
			break
		}
		before++
		j -= w
	}
	after := 0
	for j := i + n; j < len(s); {
		r, w := utf8.DecodeRuneInString(s[j:])
		if !isDigit(r) {
			break
		}
		after++
		j += w
	}
	return before >= 1 && before <= 3 && after == 3
}

// A token is a figure found in a clause.
type token struct {
	start, end int    // byte span in the clause, from 第 or the number to the end of the bound
	value      string // as written
	unit       string
	bound      string // written after the number: 以上, 以内, 余 …
	kind       string // "ratio", "rank" or "" for a figure with a unit
	qualifier  bool   // a threshold naming what is counted: 500万元以上技术改造项目
	// rateQualifier marks a count that says which things a rate covers:
	// 43处农村饮用水源地水质达标率.
	rateQualifier bool
	attribute     bool // followed by 的: 总投资341亿元的重点项目
	// named is the name of a count whose things pass a threshold written
	// after it: 7个县（区）地方一般公共预算收入超5亿元.
	named, verb string
}

func isDigit(r rune) bool { return r >= '0' && r <= '9' || r >= '０' && r <= '９' }

func isLatin(r rune) bool { return r < utf8.RuneSelf && unicode.IsLetter(r) }

func isHan(r rune) bool { return unicode.Is(unicode.Han, r) }

// numberEnd returns the end of the number that starts at i: digits, groups
// of three digits after a thousands separator (52,015 or 31，737, when the
// first group has at most three digits), and a decimal point followed by
// digits.
func numberEnd(s string, i int) int {
	digits := func(i int) (int, int) {
		n := 0
		for i < len(s) {
			r, w := utf8.DecodeRuneInString(s[i:])
			if !isDigit(r) {
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
			if r, _ := utf8.DecodeRuneInString(s[i+len(dot):]); isDigit(r) {
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

// scan finds the figures of a clause. Numbers inside quotation marks are
// part of a name (“3个100万”).
func scan(c string) []token {
	var toks []token
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
			i = tk.end
			continue
		}
		if !isDigit(r) || quoted > 0 {
			i += n
			continue
		}
		prev, _ := utf8.DecodeLastRuneInString(c[:i])
		j := numberEnd(c, i)
		next, _ := utf8.DecodeRuneInString(c[j:])
		if isLatin(prev) || prev == '+' || isLatin(next) || next == '+' || prev == '-' || next == '-' || prev == '·' || next == '·' ||
			(prev == '.' || prev == '．') && i == len(string(prev)) || strings.ContainsRune("<>＜＞≤≥", prev) {
			// ".3 亿元" at the start of a clause: the rest of a number cut
			// by a line break, not a figure.
			i = j
			continue
		}
		// A ratio: two or more numbers joined by colons. Two numbers need a
		// word of proportion before them (比例, 之比), so that a time (10:26)
		// or a label (附件1：2018) is no ratio.
		k, terms := j, 1
		for {
			q, qn := utf8.DecodeRuneInString(c[k:])
			if q != ':' && q != '：' {
				break
			}
			if d, _ := utf8.DecodeRuneInString(c[k+qn:]); !isDigit(d) {
				break
			}
			k = numberEnd(c, k+qn)
			terms++
		}
		if k > j {
			if terms >= 3 || strings.Contains(c[:i], "比") {
				toks = append(toks, token{start: i, end: k, value: c[i:k], kind: "ratio"})
			}
			i = k
			continue
		}
		if prev == '第' && (next == '位' || next == '名') {
			toks = append(toks, token{start: i - len("第"), end: j + utf8.RuneLen(next), value: c[i:j], unit: string(next), kind: "rank"})
			i = j + utf8.RuneLen(next)
			continue
		}
		tk := token{start: i, value: c[i:j]}
		k = skipSpace(c, k)
		if next, _ := utf8.DecodeRuneInString(c[k:]); next == '余' || next == '多' {
			tk.bound = string(next)
			k = skipSpace(c, k+utf8.RuneLen(next))
		}
		unit, w := matchUnit(c[k:])
		if unit == "" && strings.HasPrefix(c[k:], "年") && (strings.ContainsAny(c[i:j], ".．") || j-i <= 2 && strings.Contains(c[:i], "年限")) {
			unit, w = "年", len("年") // 受教育年限10.2年: a decimal is no year
		}
		if unit == "" && strings.HasPrefix(c[k:], "万") && startsAny(c[k+len("万"):], peopleNouns) && endsAny(strings.TrimSpace(c[:i]), objectVerbs) {
			unit, w = "万", len("万") // 带动3.78万农牧民就业增收: the people reached
		}
		if unit == "" {
			i = j
			continue
		}
		tk.unit = unit
		k += w
		if strings.HasPrefix(c[k:], "级") {
			i = k
			continue
		}
		// A base written after the unit: 5000元/人.
		if strings.HasPrefix(c[k:], "/") {
			if b, bn := utf8.DecodeRuneInString(c[k+1:]); isHan(b) {
				tk.unit += "/" + string(b)
				k += 1 + bn
			}
		}
		for _, b := range postBounds {
			if strings.HasPrefix(c[k:], b) {
				tk.bound += b
				k += len(b)
				if b == "以上" || b == "以下" {
					q, _ := utf8.DecodeRuneInString(c[k:])
					tk.qualifier = isHan(q) && q != '的'
				}
				break
			}
		}
		tk.attribute = strings.HasPrefix(c[k:], "的")
		tk.end = k
		toks = append(toks, tk)
		i = k
	}
	return toks
}

// chineseRank reads a rank in Chinese numerals at i: 第二位, 首位, and 第一,
// 第三 at the end of a clause after a word of ranking (居, 排名, 位列),
// never an ordinal (第二批, 第三轮).
func chineseRank(c string, i int) (token, bool) {
	if strings.HasPrefix(c[i:], "首位") {
		return token{start: i, end: i + len("首位"), value: "首", unit: "位", kind: "rank"}, true
	}
	if !strings.HasPrefix(c[i:], "第") {
		return token{}, false
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
		return token{}, false
	}
	tk := token{start: i, end: k, value: c[j:k], unit: "位", kind: "rank"}
	if next, n := utf8.DecodeRuneInString(c[k:]); next == '位' || next == '名' {
		tk.unit, tk.end = string(next), k+n
		return tk, true
	}
	before := c[:i]
	if strings.TrimSpace(c[k:]) == "" && (strings.Contains(before, "居") || strings.Contains(before, "排名") || strings.Contains(before, "位列") || strings.Contains(before, "排") ||
		endsAny(before, []string{"全国", "全省", "全市", "全区", "全县"})) {
		return tk, true
	}
	return token{}, false
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
				if r, _ := utf8.DecodeRuneInString(f[len(m):]); !isHan(r) && !isLatin(r) {
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

// isClassifier reports whether a unit counts things, so that the thing may
// follow the count ("22个项目").
func isClassifier(unit string) bool {
	for _, m := range multipliers {
		unit = strings.TrimPrefix(unit, m)
	}
	return slices.Contains(classifiers, unit)
}

// A sentenceState carries what a clause may borrow from the clauses before
// it in the same sentence.
type sentenceState struct {
	opt      Options
	pc       paraContext
	sentence string
	multi    bool     // the sentence's results are of several years
	planGoal bool     // 完成十三五…的任务目标: its figures are the plan's targets
	subject  string   // base name of the last level or change
	group    []string // names of the last 分别 group
	out      []content.Indicator
	rest     string // the clause after the current figure
	list     []int  // indices in out of a list of counts written before their nouns
	from     string // 从17.9%提升到35.5%: the starting value, the base of the next figure
	fromPer  string // the per-unit base written before the starting value
}

// multiYear reports a sentence whose results are of several years: 五年来,
// 年均, a base at the end of a plan (比十二五末, 比“十三五”时期), 以来 after a
// plan, or 累计 in a paragraph that names a plan or five years.
func multiYear(s string, pc paraContext) bool {
	if containsAny(s, []string{"五年来", "过去五年", "年均"}) {
		return true
	}
	u := unquote(s)
	for _, p := range plans {
		if containsAny(u, []string{"比" + p + "末", "比" + p + "时期", "较" + p + "末", p + "以来", p + "期间", p + "时期"}) {
			return true
		}
	}
	return pc.plan && strings.Contains(s, "累计")
}

func extractSentence(s string, opt Options, pc paraContext) ([]content.Indicator, string) {
	st := &sentenceState{opt: opt, pc: pc, sentence: s}
	st.multi = pc.multi || multiYear(s, pc)
	for _, c := range clauses(s) {
		if strings.Contains(c, "  ") {
			c = squeezeHan(c) // letter-spaced PDF text; numbers stay as written
		}
		st.planGoal = !opt.Targets && containsAny(c, plans) && strings.Contains(c, "完成") && strings.Contains(c, "目标")
		toks := scan(c)
		rateQualifiers(c, toks)
		thresholdCounts(c, toks)
		var figures []token
		for _, tk := range toks {
			if !tk.qualifier && !tk.rateQualifier {
				figures = append(figures, tk)
			}
		}
		st.list = nil
		st.from = ""
		if len(figures) == 0 {
			if opt.Targets {
				st.benchmark(c)
			}
			continue
		}
		if st.respectively(c, figures) {
			continue
		}
		for i, tk := range toks {
			if tk.qualifier || tk.rateQualifier {
				continue
			}
			prevEnd := 0
			if i > 0 {
				prevEnd = toks[i-1].end
			}
			before := c[prevEnd:tk.start]
			if i > 0 && toks[i-1].rateQualifier {
				// 2处集中式饮用水水源地和43处农村饮用水源地水质达标率: the rate
				// is named by the nouns after its qualifying counts.
				k := i - 1
				for k > 0 && toks[k-1].rateQualifier {
					k--
				}
				var b strings.Builder
				for ; k < i; k++ {
					next := tk.start
					if k+1 < i {
						next = toks[k+1].start
					}
					b.WriteString(c[toks[k].end:next])
				}
				before = b.String()
			}
			// The text after a figure runs to the next figure; a threshold
			// between belongs to it (12个百亿元、70个|30亿元以上|项目).
			nextStart := len(c)
			for j := i + 1; j < len(toks); j++ {
				if !toks[j].qualifier {
					nextStart = toks[j].start
					break
				}
			}
			st.rest = c[tk.end:]
			if tk.named != "" {
				st.add(tk.named, tk, phrase{kind: "level", verb: tk.verb})
				continue
			}
			st.figure(before, tk, c[tk.end:nextStart])
		}
		st.completeList()
	}
	if len(st.out) > 0 {
		return st.out, st.out[0].Name
	}
	return st.out, ""
}

// rateQualifiers marks the counts that qualify the subject of a rate rather
// than state a figure: "43处农村饮用水源地水质达标率稳定在100%".
func rateQualifiers(c string, toks []token) {
	for i := 0; i < len(toks); {
		if toks[i].kind != "" || toks[i].qualifier || !isClassifier(toks[i].unit) {
			i++
			continue
		}
		j := i
		for j < len(toks) && toks[j].kind == "" && !toks[j].qualifier && isClassifier(toks[j].unit) {
			j++
		}
		if j < len(toks) && isRate(toks[j].unit) && strings.Contains(c[toks[j-1].end:toks[j].start], "率") {
			for k := i; k < j; k++ {
				toks[k].rateQualifier = true
			}
		}
		i = j + 1
	}
}

// thresholdCounts names the counts whose things pass a threshold that ends
// the clause: "7个县（区）地方一般公共预算收入超5亿元" counts 地方一般公共预算收入
// 超5亿元的县（区）, "3个县超10亿元" 超10亿元的县; the threshold is no figure.
func thresholdCounts(c string, toks []token) {
	for i := 0; i+1 < len(toks); i++ {
		tk, th := &toks[i], &toks[i+1]
		if tk.kind != "" || th.kind != "" || tk.qualifier || th.qualifier || !isClassifier(tk.unit) || isClassifier(th.unit) || isRate(th.unit) {
			continue
		}
		if strings.TrimSpace(c[th.end:]) != "" {
			continue
		}
		gap := squeezeHan(strings.TrimSpace(c[tk.end:th.start]))
		var verb string
		for _, v := range []string{"超过", "突破", "超"} {
			if strings.HasSuffix(gap, v) {
				verb = v
				break
			}
		}
		if verb == "" || strings.ContainsAny(gap, "，,、") || strings.Contains(gap, "人均") {
			// 3988名建档立卡贫困人口年人均纯收入稳定超过4700元: each one's
			// income is the figure, not a threshold of what is counted.
			continue
		}
		noun := strings.TrimSuffix(gap, verb)
		measure := ""
		if i := strings.Index(noun, "地方一般公共预算收入"); i > 0 {
			noun, measure = noun[:i], noun[i:]
		} else {
			for _, m := range thresholdMeasures {
				if i := strings.Index(noun, m); i > 0 {
					noun, measure = noun[:i], noun[i:]
					break
				}
			}
		}
		if noun == "" {
			continue
		}
		tk.named = measure + verb + th.value + th.unit + "的" + noun
		tk.verb = verb
		th.qualifier = true
	}
}

// add appends an indicator built from a token.
func (st *sentenceState) add(name string, tk token, p phrase) {
	name = tidyName(name)
	if name == "" {
		return // a card needs a label; "增长4.9%" alone names nothing
	}
	kind := p.kind
	if kind == "level" && (strings.HasSuffix(name, "占比") || strings.HasSuffix(name, "比重")) {
		kind = "share"
	}
	if kind == "share" && st.opt.Targets && !strings.HasSuffix(name, "占比") && !strings.HasSuffix(name, "比重") {
		// 确保民间投资占固定资产投资比重达40%以上: a target's name says that
		// it is a share, since its kind says target.
		name += "占比"
	}
	bound := tk.bound
	if p.preBound != "" {
		bound = p.preBound + bound
	}
	period := st.opt.period(st.multi)
	if p.year != "" && !st.opt.Targets {
		period = p.year
	}
	switch {
	case st.opt.Targets && kind != "rank" && kind != "ratio":
		kind = "target"
	case st.planGoal && (kind == "level" || kind == "change") && st.opt.ResultYear > 0:
		kind, period = "target", years(st.opt.ResultYear-4, st.opt.ResultYear)
	}
	dir := p.dir
	if kind != "change" && kind != "target" && kind != "comparison" {
		dir = ""
	}
	stage := ""
	if st.opt.Budget {
		stage = st.opt.Stage
		if p.budgeted {
			stage = "预算"
		}
	}
	base := p.base
	if base == "比上年" || base == "较上年" || base == "同比" {
		base = ""
	}
	num, _ := parseNumber(tk.value)
	st.out = append(st.out, content.Indicator{
		Name:      name,
		Value:     tk.value,
		Number:    num,
		Unit:      tk.unit + p.perUnit,
		Kind:      kind,
		Direction: dir,
		Bound:     bound,
		Period:    period,
		Headline:  isHeadline(name, kind),
		Verb:      p.verb,
		Base:      base,
		Stage:     stage,
		Anchor:    Anchor(st.sentence),
		Sentence:  st.sentence,
	})
}

var (
	// completionRe reads the text before a completion rate: 为预算的,
	// 占调整预算的, 完成年初预算的.
	completionRe = regexp.MustCompile(`^(\p{Han}{4,}?)?(?:实际)?(为|占|完成|达到|达)((?:调整及变动|调整后|调整|年初|变动|年度)?(?:预算数?|计划|任务))的?$`)
	// footnote is a note mark left in the text: 调整预算^[4^]的.
	footnote = regexp.MustCompile(`\^\[\d+\^\]?`)
	// shareRe reads the text before a share: 占支出的, 占总支出的比重为,
	// 冻鳟鱼出口占全国同类产品出口总值的.
	shareRe = regexp.MustCompile(`^(.*?)占([^占]{1,24}?)(?:的|的?比重|的?比例)(?:为|达到|达)?$`)
)

// figure names one figure from the clause text before it and after it.
func (st *sentenceState) figure(before string, tk token, after string) {
	switch tk.kind {
	case "ratio":
		p := cleanName(before)
		p.kind = "ratio"
		st.add(p.name, tk, p)
		return
	case "rank":
		name, scope := st.rankName(before)
		st.add(name, tk, phrase{kind: "rank", verb: "居", base: scope})
		return
	}
	b := trimPunct(footnote.ReplaceAllString(before, ""))
	if strings.HasSuffix(b, "按") {
		return // 按50%税额幅度减征: a rate applied, not a figure of the year
	}
	if m := completionRe.FindStringSubmatch(b); m != nil {
		// 为预算的96.4%: the subject's; 隐性债务化解完成年度计划的166.9%: the
		// work named before the verb.
		name := st.subject
		if m[1] != "" {
			if n := cleanName(m[1]).name; n != "" {
				name = n
			}
		}
		st.add(name, tk, phrase{kind: "completion", verb: m[2] + m[3], base: m[3]})
		return
	}
	if b == "占比" || b == "占比为" || b == "占比达" {
		st.add(st.subject, tk, phrase{kind: "share", verb: "占比"})
		return
	}
	if m := shareRe.FindStringSubmatch(b); m != nil && !startsAny(m[2], []string{"用", "地", "有", "领", "据"}) {
		name := cleanName(m[1]).name
		if name == "" {
			name = st.subject
		} else {
			st.subject = name
		}
		st.add(name, tk, phrase{kind: "share", verb: "占", base: m[2]})
		return
	}
	if p, ok := st.comparison(b); ok {
		st.add(p.name, tk, p)
		return
	}
	if isClassifier(tk.unit) && !strings.HasSuffix(b, "从") {
		a := strings.TrimSpace(after)
		if r, _ := utf8.DecodeRuneInString(a); (isHan(r) || isDigit(r)) && r != '的' {
			st.countFirst(before, tk, a)
			return
		}
	}
	p := cleanName(before)
	name := p.name
	if strings.Contains(after, "）") && !strings.Contains(before, "（") {
		// (其中：开发区1.1亿元): an aside keeps the sentence's subject.
		keep := st.subject
		defer func() { st.subject = keep }()
	}
	if tk.attribute && tk.bound == "" && utf8.RuneCountInString(name) <= 3 {
		// 总投资341亿元的重点项目: the figure belongs to the noun after 的. A
		// bound (75万吨以内的任务目标) or a full name before it says otherwise.
		noun := cleanName(strings.TrimPrefix(after, "的")).name
		name = noun + name
	} else if noun := nounAfter(after); noun != "" && !tk.attribute && endsAny(name, objectVerbs) {
		// 每年向下游输送800亿立方米源头活水: the object completes the name.
		name += noun
	} else if slices.Contains(workVerbs, name) && !tk.attribute {
		// 巩固提升80万亩蔬菜应急保供基地: a verb alone before the figure, the
		// noun after it.
		if noun := nounAfter(after); noun != "" {
			name = noun
		}
	}
	name = st.complete(name)
	if p.from != "" && (p.from == "从" || strings.ContainsAny(after, "至到")) {
		// 比重从17.9%提升到35.5%: with no year of its own the starting
		// value is the base of the figure it rises or falls to, not a
		// second card of the same name and year.
		st.from, st.fromPer = p.from+tk.value+tk.unit, p.perUnit
		st.subject = name
		return
	}
	if st.from != "" && p.base == "" {
		if p.perUnit == "" {
			p.perUnit = st.fromPer // 由每人每年94元提高至99元: 元/人·年 both
		}
		// 专项数量从97个精简为75个: the verb between the two values is
		// the verb, the name the subject of the starting value.
		if p.name != "" && utf8.RuneCountInString(p.name) <= 2 {
			name, p.verb = st.subject, p.name+p.verb
		}
		p.base, st.from = st.from, ""
	}
	if x, y, ok := strings.Cut(name, "和"); ok && p.each && utf8.RuneCountInString(y) < utf8.RuneCountInString(x) && !strings.Contains(y, "和") {
		// 旅游人次和花费增长均超20%: each of the two, the second with the
		// head of the first.
		xr := []rune(x)
		y = string(xr[:len(xr)-utf8.RuneCountInString(y)]) + y
		st.add(x, tk, p)
		st.add(y, tk, p)
		st.subject = y
		return
	}
	if strings.HasSuffix(name, "两个") || strings.HasSuffix(name, "两项") {
		// 开工率和投资完成率两个100%: one value for both names.
		both := strings.TrimSuffix(strings.TrimSuffix(name, "两个"), "两项")
		if x, y, ok := strings.Cut(both, "和"); ok {
			st.add(x, tk, p)
			st.add(y, tk, p)
			st.subject = y
			return
		}
	}
	st.subject = name
	st.add(name, tk, p)
}

// nounAfter returns the noun phrase at the start of s: up to a comma, 的 or
// a verb.
func nounAfter(s string) string {
	s = strings.TrimSpace(s)
	stop := len(s)
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if !isHan(r) && !isLatin(r) && !isDigit(r) || r == '的' || startsAny(s[i:], nounStops) {
			stop = i
			break
		}
		i += n
	}
	return unquote(s[:stop])
}

func endsAny(s string, suffixes []string) bool {
	for _, p := range suffixes {
		if strings.HasSuffix(s, p) {
			return true
		}
	}
	return false
}

func startsAny(s string, prefixes []string) bool {
	for _, p := range prefixes {
		if strings.HasPrefix(s, p) {
			return true
		}
	}
	return false
}

// complete fills in a name that depends on the figure before it or on the
// sentence before: 支出 after 一般公共预算收入 is 一般公共预算支出.
func (st *sentenceState) complete(name string) string {
	switch {
	case name == "":
		if st.subject == "" {
			return counterpart(name, st.pc.subject)
		}
		return st.subject
	case name == "余额":
		return counterpart(name, st.subject)
	case name == "支出" || name == "收入" || name == "支出预算" || name == "收入预算":
		subj := st.subject
		if subj == "" {
			subj = st.pc.subject
		}
		side := strings.TrimSuffix(name, "预算")
		if strings.HasSuffix(subj, side) && subj != side {
			return subj // 支出预算调整为… after 一般公共预算支出
		}
		if c := counterpart(side, subj); c != side {
			return c
		}
		return name
	case slices.Contains(genericNames, name):
		return topic(st.subject) + name
	case slices.Contains(stageNames, name):
		return name + st.subject
	}
	return name
}

// counterpart names 支出 or 收入 after the subject of the other side of the
// same budget: 一般公共预算收入 → 一般公共预算支出.
func counterpart(name, subject string) string {
	// 税收收入 and 非税收入 are kinds of revenue, not a budget: nothing is
	// spent on their side (支出 after 非税收入4.7亿元 is the budget's).
	if strings.HasSuffix(subject, "税收入") || strings.HasSuffix(subject, "税收收入") {
		return name
	}
	// 一般公共预算地方收入 is the share of revenue kept locally; spending
	// has no such share: its other side is 一般公共预算支出.
	if t, ok := strings.CutSuffix(subject, "地方收入"); ok && name == "支出" && t != "" {
		return t + "支出"
	}
	for _, pair := range [][2]string{{"收入", "支出"}, {"支出", "收入"}, {"限额", "余额"}} {
		if name == pair[1] {
			if t, ok := strings.CutSuffix(subject, pair[0]); ok && t != "" {
				return t + pair[1]
			}
		}
	}
	return name
}

// countFirst names a count written before its noun: "22个项目列为省级重点项目",
// "102个村完成生活污水治理", "对首批可下沉的123项事项".
func (st *sentenceState) countFirst(before string, tk token, after string) {
	// "4个片区、19个老旧小区": the noun of a count in a list ends at 、.
	after, _, _ = strings.Cut(after, "、")
	stop, verb := len(after), ""
	for i := 0; i < len(after); {
		for _, v := range nounStops {
			if strings.HasPrefix(after[i:], v) {
				if v == "和" || v == "及" {
					// 19个老旧小区和3条背街小巷, but 国际及地区客货运航线.
					if d, _ := utf8.DecodeRuneInString(after[i+len(v):]); !isDigit(d) && i+len(v) < len(after) {
						continue
					}
				}
				stop, verb = i, v
				break
			}
		}
		if verb != "" {
			break
		}
		_, n := utf8.DecodeRuneInString(after[i:])
		i += n
	}
	noun := after[:stop]
	pred := after[stop:]
	if j := strings.Index(pred, "并"); j > 0 {
		pred = pred[:j]
	}
	// A count's noun stops at a slogan in Chinese numerals whose quotes
	// were lost: 15个省定扶贫工作重点村|五通十有全部达标.
	if loc := slogan.FindStringIndex(noun); loc != nil && loc[0] > 0 {
		noun = noun[:loc[0]]
	}
	// A count's noun stops at a measure: 39888293名建档立卡贫困人口年人均纯收入.
	for _, m := range countMeasures {
		if i := strings.Index(noun, m); i > 0 {
			noun, verb, pred = noun[:i], "", ""
			break
		}
	}
	if verb == "" && utf8.RuneCountInString(noun) <= 2 && len(st.rest) > len(after) {
		// 89个村居8122户实现冬季清洁取暖: the next count's predicate is
		// this one's too.
		if r, _ := utf8.DecodeRuneInString(st.rest[len(after):]); isDigit(r) {
			next := st.rest[len(after):]
			for i := 0; i < len(next); {
				// 8所高校14个学科入选…名单: 入选…名单高校.
				if startsAny(next[i:], []string{"实现", "完成", "入选", "进入", "获批", "纳入", "列入"}) {
					verb, pred = "实现", next[i:]
					break
				}
				_, n := utf8.DecodeRuneInString(next[i:])
				i += n
			}
		}
	}
	var name string
	switch {
	case slices.Contains(selectVerbs, verb):
		name = strings.TrimPrefix(pred, verb)
		for _, w := range []string{"名单", "单子"} {
			name = strings.TrimSuffix(name, w)
		}
	case verb == "进行":
		// 对1228处平交道口进行硬化: the work done stays in the name.
		name = noun + strings.TrimPrefix(pred, "进行")
	case verb == "" || verb == "和" || verb == "及" || verb == "并" || verb == "上缴" || verb == "共上缴" || verb == "给予" || verb == "兑现":
		name = noun
		// 农产品远销54个国家和地区: what reaches that many places names
		// the count.
		if b := cleanName(before); endsAny(b.name, reachVerbs) {
			name = b.name + noun
		} else if b.name != "" && slices.Contains(reachVerbs, b.verb) {
			name = b.name + b.verb + noun // 绿电外送拓展至22个省区市
		}
	case utf8.RuneCountInString(noun) <= 2:
		for _, a := range adverbs {
			pred = strings.TrimPrefix(pred, a)
		}
		pred = strings.TrimSuffix(strings.TrimSuffix(strings.TrimPrefix(pred, "实现"), "任务"), "名单")
		if i := strings.Index(pred, "进行"); i > 0 {
			// 对18家获得省级名牌产品的中小企业进行奖励: what is done to
			// them is not what they are.
			pred = pred[:i]
		}
		if noun == "" && (tk.unit == "户" || tk.unit == "人" || tk.unit == "名") {
			noun = tk.unit
		}
		name = pred + noun
	default:
		name = noun
		// 自贸试验区159项改革试验任务: a noun before the count owns the
		// things counted.
		if b := cleanName(before); b.name != "" && b.verb == "" && b.preBound == "" && !strings.ContainsAny(before, "，,、的等") &&
			!slices.Contains(leadWords, b.name) && !endsAny(b.name, []string{"全市", "全区", "全省", "全县"}) {
			name = b.name + noun
		}
	}
	name = unquote(name)
	for _, w := range []string{"建设", "进度"} {
		name = strings.TrimSuffix(name, w)
	}
	if b := strings.TrimSpace(before); strings.HasSuffix(b, "的") {
		b = strings.TrimSuffix(b, "的")
		for _, p := range []string{"对", "在", "为"} {
			b = strings.TrimPrefix(b, p)
		}
		if c := cleanName(b); c.name != "" {
			name = c.name + "的" + name
		} else if c.verb != "" && !strings.ContainsAny(b, "，,、") {
			name = c.verb + name // 新增的规上企业: the work done stays
		}
	}
	// A list of counts: 63个区重点、37个市重大、11个省级重点项目.
	// The text before a count of a list is the noun of the count before it
	// and a separator: 区重点、|37个.
	gap := strings.TrimSpace(before)
	if len(st.list) > 0 && endsAny(gap, []string{"、", "和", "及", "与"}) {
		st.list = append(st.list, len(st.out))
	} else {
		st.completeList()
		st.list = []int{len(st.out)}
	}
	st.add(name, tk, phrase{kind: "level"})
	if len(st.out) == 0 || st.out[len(st.out)-1].Value != tk.value {
		st.list = st.list[:len(st.list)-1]
	}
	st.subject = name
}

// completeList gives the items of a list of counts the tail they share with
// the last one: 区重点 with 省级重点项目 → 区重点项目, 片区 with
// 背街小巷改造提升工程 → 片区改造提升工程.
func (st *sentenceState) completeList() {
	defer func() { st.list = nil }()
	if len(st.list) < 2 {
		return
	}
	last := st.out[st.list[len(st.list)-1]].Name
	for _, tail := range listTails {
		if !strings.HasSuffix(last, tail) || last == tail {
			continue
		}
		for _, i := range st.list[:len(st.list)-1] {
			n := st.out[i].Name
			if strings.HasSuffix(n, tail) {
				continue
			}
			if tail == "项目" {
				if r, _ := utf8.DecodeLastRuneInString(n); !strings.ContainsRune("点大级类元", r) {
					continue
				}
			}
			st.out[i].Name = n + tail
			st.out[i].Headline = isHeadline(st.out[i].Name, st.out[i].Kind)
		}
		return
	}
}

// rankName names a rank from the text before 第: "增幅居全市" after a figure of
// 地区生产总值 gives 地区生产总值增幅全市排名 and the scope 全市.
func (st *sentenceState) rankName(before string) (name, scope string) {
	b := trimPunct(before)
	metric := b
	for _, w := range []string{"稳居", "位居", "居", "排名", "位列", "排在", "排"} {
		if i := strings.LastIndex(b, w); i >= 0 {
			metric, scope = b[:i], b[i+len(w):]
			break
		}
	}
	metric = strings.TrimSuffix(metric, "位")
	for _, w := range []string{"排名", "位列", "排在", "排", "、"} {
		metric = strings.TrimSuffix(metric, w)
	}
	if scope == "" {
		// 增速全省第一: the scope ends the text.
		for _, w := range []string{"全国", "全省", "全市", "全区", "中西部", "西部", "东北"} {
			if t, ok := strings.CutSuffix(metric, w); ok {
				metric, scope = t, w
				break
			}
		}
	}
	metric = unquote(trimLead(strings.ReplaceAll(metric, "同比", "")))
	if metric == "" || slices.Contains(genericNames, metric) {
		metric = topic(st.subject) + metric
	}
	return metric + scope + "排名", scope
}

// comparison recognises a figure against a benchmark: "好于全市5.7个百分点"
// (name 一般公共预算收入 from the figure before, verb 好于, base 全市),
// "超目标任务31.9亿元".
func (st *sentenceState) comparison(b string) (phrase, bool) {
	for _, c := range comparators {
		i := strings.Index(b, c.word)
		if i < 0 {
			continue
		}
		scope := b[i+len(c.word):]
		if scope == "" || utf8.RuneCountInString(scope) > 8 {
			continue
		}
		if c.word == "超" && !containsAny(scope, []string{"目标", "计划", "预期"}) {
			continue
		}
		base := cleanName(b[:i]).name
		if base == "" {
			base = st.subject
		}
		return phrase{name: base, kind: "comparison", dir: c.dir, verb: c.word, base: scope}, true
	}
	return phrase{}, false
}

// respectively handles a 分别 clause: names before 分别, figures after it, in
// order. It reports whether it did.
func (st *sentenceState) respectively(c string, figures []token) bool {
	at := strings.Index(c, "分别")
	if at < 0 || at > figures[0].start {
		return false
	}
	if st.fromTo(c, at, figures) {
		return true
	}
	p := cleanName(c[at+len("分别") : figures[0].start])
	names := splitNames(cleanName(c[:at]).name, len(figures))
	if len(names) == 0 && len(st.group) == len(figures) {
		names = st.group
	}
	if len(names) != len(figures) {
		return false
	}
	for i, tk := range figures {
		st.add(names[i], tk, p)
	}
	st.group = names
	st.subject = names[len(names)-1]
	return true
}

// fromTo handles "分别从A1、A2提高到B1、B2": the names before 分别 (one
// for all, or one each), the starting values first, then the values they
// rise or fall to. A start with a year of its own (从2020年的645元/月) is a
// card of that year; one without is the base of its end value.
func (st *sentenceState) fromTo(c string, at int, figures []token) bool {
	lead := strings.TrimSpace(c[at+len("分别") : figures[0].start])
	k := len(figures) / 2
	if !startsAny(lead, []string{"从", "由"}) || len(figures)%2 != 0 || k < 2 {
		return false
	}
	from := lead[:len("从")] // 从 or 由, both three bytes
	subject := cleanName(c[:at]).name
	names := splitNames(subject, k)
	if names == nil {
		// One name for all: the values must tell themselves apart by
		// their units (645元/月、4318元/年).
		units := map[string]bool{}
		for _, tk := range figures[k:] {
			units[tk.unit] = true
		}
		if subject == "" || len(units) != k {
			return false
		}
		for range k {
			names = append(names, subject)
		}
	}
	start := cleanName(lead)
	end := cleanName(c[figures[k-1].end:figures[k].start])
	if end.verb == "" {
		return false
	}
	if end.perUnit == "" {
		end.perUnit = start.perUnit // 由每人每月151元…提高至171元
	}
	for i := range k {
		e := end
		if start.year != "" {
			st.add(names[i], figures[i], phrase{kind: "level", year: start.year, perUnit: start.perUnit})
		} else {
			e.base = from + figures[i].value + figures[i].unit
		}
		st.add(names[i], figures[k+i], e)
	}
	st.group = names
	st.subject = names[k-1]
	return true
}

// benchmark finds a target without a number: "社会消费品零售总额增长不低于全市平均水平".
func (st *sentenceState) benchmark(c string) {
	for _, b := range []string{"不低于", "不少于", "不超过", "不高于"} {
		i := strings.Index(c, b)
		if i <= 0 {
			continue
		}
		rest := strings.TrimSpace(c[i+len(b):])
		if rest == "" || utf8.RuneCountInString(rest) > 12 || strings.ContainsFunc(rest, isDigit) {
			continue
		}
		p := cleanName(c[:i])
		if p.name == "" {
			continue
		}
		p.preBound = b
		st.add(p.name, token{value: rest}, p)
		return
	}
}

// A phrase is the text before a figure read as name, verb and bound.
type phrase struct {
	name     string
	kind     string // level, change, share, completion, comparison, rank or ratio
	dir      string // up, down or "" for a change
	verb     string // the sentence's verb for the figure, as printed
	base     string // what a change or comparison is measured against
	preBound string // 超过, 不低于 …
	perUnit  string // a base of the unit written before the number: 每人每月 → /人·月
	budgeted bool   // the figure is a budget figure: 年初预算…, 调整为…
	year     string // the year written before the figure: 从2020年的9.6年
	from     string // 从 or 由 before the figure: the start of a from…to change
	each     bool   // 均: the figure holds for each of the names
}

var (
	slogan     = regexp.MustCompile(`[一二三四五六七八九十两]\p{Han}{1,2}[一二三四五六七八九十两]\p{Han}`)
	yearBefore = regexp.MustCompile(`(\d{4})\s*年(?:的|底|末)$`)
	streak     = regexp.MustCompile(`连续[\d一二三四五六七八九十两]+年$`)
	bothScopes = regexp.MustCompile(`^全(?:市|省|区|县)(?:和|及|与)(?:市级|市本级|省级|省本级|区级|县级|本级)`)
	baseOn     = regexp.MustCompile(`在[^在，,]{1,12}基础上$`)
	// ownScope inside a name starts it: what comes before is a
	// circumstance (限额增加后|全市政府债务限额, 截至年底|全省…).
	ownScope = regexp.MustCompile(`(?:后|底|末|内|时|来)(全(?:市|省|区|县))`)
	arranged = regexp.MustCompile(`^(市级|市本级|县级|市县财政|财政)?(?:相应)?安排(\p{Han}{3,})`)
)

// cleanName reads the text before a figure.
func cleanName(s string) phrase {
	p := phrase{kind: "level"}
	s = trimPunct(squeezeHan(footnote.ReplaceAllString(s, "")))
	if m := yearBefore.FindStringSubmatchIndex(s); m != nil {
		p.year, s = s[m[2]:m[3]], strings.TrimSuffix(trimPunct(s[:m[0]]), "从")
	} else if t, ok := strings.CutSuffix(s, "从"); ok {
		s, p.from = trimPunct(t), "从"
	} else if t, ok := strings.CutSuffix(s, "由"); ok {
		s, p.from = trimPunct(t), "由"
	}
	for changed := true; changed; {
		changed = false
		for _, q := range perUnit {
			if t, ok := strings.CutSuffix(s, q.written); ok {
				s, changed = t, true
				p.perUnit = q.unit + p.perUnit
				break
			}
		}
	}
	s = trimPunct(s)
	if p.from == "" && p.perUnit != "" {
		// 由每人每年490元提高至520元: 由 before the per-unit base.
		for _, w := range []string{"从", "由"} {
			if t, ok := strings.CutSuffix(s, w); ok {
				s, p.from = trimPunct(t), w
				break
			}
		}
	}
	for _, b := range preBounds {
		if t, ok := strings.CutSuffix(s, b); ok {
			s, p.preBound = t, b
			break
		}
	}
	s, adv := cutAdverbs(s)
	p.each = adv == "均"
	matched := false
	for _, v := range levelVerbs {
		if t, ok := strings.CutSuffix(s, v); ok {
			// 分别达到|65.7%: a verb alone names nothing but is the verb.
			s, matched, p.verb = t, true, v
			break
		}
	}
	if !matched {
		for _, v := range changeVerbs {
			if t, ok := strings.CutSuffix(s, v.word); ok {
				s, p.kind, p.dir, p.verb = t, "change", v.dir, v.word
				break
			}
		}
	}
	if p.verb != "" {
		// 均按增长2%左右安排: the rate a budget is drawn up at.
		for _, w := range []string{"按照", "按"} {
			if t, ok := strings.CutSuffix(s, w); ok {
				s = t
				break
			}
		}
	}
	s, adv2 := cutAdverbs(streak.ReplaceAllString(s, ""))
	if adv == "" {
		adv = adv2
	}
	if p.verb != "" && (adv == "年均" || adv == "同比" || adv == "累计" || adv == "稳定") {
		p.verb = adv + p.verb
	}
	if p.preBound != "" && p.verb == "" {
		p.verb = p.preBound
	}
	for _, w := range budgetWords {
		if t, ok := strings.CutSuffix(s, w); ok {
			s, p.budgeted = t, true
			break
		}
	}
	if strings.HasSuffix(s, "预算") || strings.HasSuffix(s, "预算数") || strings.HasSuffix(s, "预算代编数") {
		p.budgeted = true // 支出预算调整为…, 支出预算代编数…: a budget figure
	}
	s, p.base = cutBase(s)
	s, _ = cutAdverbs(s)
	// 提高高中阶段国家助学金资助标准至: a verb around the name.
	if t, ok := strings.CutSuffix(s, "至"); ok {
		for _, v := range []string{"提高", "提升", "增加", "降低", "调整", "扩大"} {
			if u, ok := strings.CutPrefix(t, v); ok && u != "" {
				s, p.verb = u, v+"至"
				break
			}
		}
	}
	if i := strings.LastIndex(s, "批准的"); i >= 0 {
		s, p.budgeted = s[i+len("批准的"):], true
	}
	if m := ownScope.FindAllStringSubmatchIndex(s, -1); m != nil {
		if i := m[len(m)-1][2]; utf8.RuneCountInString(trimLead(s[i:])) >= 4 {
			s = s[i:]
		}
	}
	// 全市和市级一般公共预算地方收入: the figure of the report's own scope
	// and of its own level; the name is the measure.
	if loc := bothScopes.FindStringIndex(s); loc != nil && loc[1] < len(s) {
		s = s[loc[1]:]
	}
	// 高标准打造幸福河湖: a manner before the work done.
	for _, w := range []string{"高标准", "高质量", "高水平"} {
		if t, ok := strings.CutPrefix(s, w); ok && startsAny(t, []string{"打造", "建设", "建成", "新建", "改造", "推进", "完成"}) {
			s = t
		}
	}
	s = trimLead(s)
	if m := arranged.FindStringSubmatch(s); m != nil && m[2] != "资金" && m[2] != "支出" {
		// 市级安排扶贫专项资金: the fund, not the act; a scope other than
		// the report's own stays (市级预算支出).
		s = trimLead(m[2])
		if m[1] == "市级" || m[1] == "市本级" || m[1] == "县级" {
			s = m[1] + s
		}
	}
	if i := strings.Index(s, "相应安排"); i > 0 {
		s = s[:i] + s[i+len("相应安排"):] // 政府性基金预算相应安排支出
	} else if i := strings.Index(s, "安排"); i > 0 && (s[i+len("安排"):] == "收入" || s[i+len("安排"):] == "支出") && endsAny(s[:i], []string{"基金", "预算", "资金"}) {
		s = s[:i] + s[i+len("安排"):] // 政府性基金安排收入
	} else if t, ok := strings.CutPrefix(s, "安排"); ok && (t == "收入" || t == "支出") {
		s = t // 安排支出 after 政府性基金收入: the budget's other side
	}
	// “桃花江竹海”项目实现出让收益: what the subject earned is the name.
	if i := strings.Index(s, "实现"); i > 0 && endsAny(s, []string{"收入", "收益", "利润", "产值", "增加值", "销售额"}) {
		s = s[:i] + s[i+len("实现"):]
	}
	s = strings.TrimPrefix(s, "相应")
	if i := strings.LastIndex(s, "等"); i >= 0 && (utf8.RuneCountInString(s[i+len("等"):]) >= 3 ||
		strings.Contains(s[:i], "、") && utf8.RuneCountInString(s[i+len("等"):]) >= 2) {
		// 贵阳“青云市集”等夜间消费聚集区: the class after 等 names the figure
		// (not 高等教育, 中等职业学校, 等级).
		p, _ := utf8.DecodeLastRuneInString(s[:i])
		q, _ := utf8.DecodeRuneInString(s[i+len("等"):])
		if !strings.ContainsRune("高中初同平对均相", p) && !strings.ContainsRune("级教职学", q) {
			s = s[i+len("等"):]
		}
	}
	// 增加政府债务限额394024万元, 压减三公经费31.7%: a change verb before
	// the name with none after it; not 增加值, and not a name of the rate
	// itself (压减幅度, 压减比例).
	if p.kind == "level" && p.verb == "" {
		for _, v := range []string{"增加", "减少", "压减", "降低"} {
			if t, ok := strings.CutPrefix(s, v); ok && utf8.RuneCountInString(t) >= 2 && !strings.HasPrefix(t, "值") && !endsAny(t, []string{"幅度", "比例", "率"}) {
				s, p.kind, p.verb = t, "change", v
				for _, c := range changeVerbs {
					if c.word == v {
						p.dir = c.dir
					}
				}
				break
			}
		}
	}
	p.name = unquote(s)
	return p
}

// cutAdverbs drops adverbs from the end of s and returns the last one cut
// nearest the verb.
func cutAdverbs(s string) (string, string) {
	first := ""
	for changed := true; changed; {
		changed = false
		for _, a := range adverbs {
			if t, ok := strings.CutSuffix(s, a); ok {
				if first == "" {
					first = a
				}
				s, changed = t, true
			}
		}
	}
	return s, first
}

var (
	// listLabel is the label of a list item: 1．, （3）, 一、.
	listLabel = regexp.MustCompile(`^(?:\d{1,2}\s*[．.、]|[（(]\d{1,2}[）)]|[一二三四五六七八九十]{1,2}、|[（(][一二三四五六七八九十]{1,2}[）)])\s*`)
	leadYear  = regexp.MustCompile(`^\d{4}\s*年度?`)
	innerYear = regexp.MustCompile(`\d{4}\s*年度?`)
	// place is a city or province named at the start of a name: 承德市,
	// 阜新市. A report's own place is its scope, as 全市 is.
	place = regexp.MustCompile(`^\p{Han}{2,3}市`)
)

// trimLead drops lead words, years, a place, punctuation and a 的 left by
// an attribute from the start of a name.
func trimLead(s string) string {
	for changed := true; changed; {
		changed = false
		for _, w := range leadWords {
			if t, ok := strings.CutPrefix(s, w); ok && t != "" {
				s, changed = t, true
			}
		}
		if t, ok := strings.CutPrefix(s, "将"); ok && t != "" && !startsAny(t, []string{"军", "来", "近"}) {
			s, changed = t, true // 将…标准提高至: the object of 将 is the name
		}
		if strings.HasPrefix(s, "加上") && !strings.HasPrefix(s, "加上解") {
			s, changed = strings.TrimPrefix(s, "加上"), true
		} else if t, ok := strings.CutPrefix(s, "加"); ok && t != "" && !strings.HasPrefix(t, "强") && !strings.HasPrefix(t, "快") {
			s, changed = t, true
		}
		if loc := listLabel.FindStringIndex(s); loc != nil && loc[1] < len(s) {
			s, changed = s[loc[1]:], true
		}
		if loc := leadYear.FindStringIndex(s); loc != nil && loc[1] < len(s) {
			s, changed = s[loc[1]:], true
		}
		if loc := place.FindStringIndex(s); loc != nil && utf8.RuneCountInString(s[loc[1]:]) >= 2 && !startsAny(s, []string{"城市", "新增", "到位", "全", "本", "各", "该", "我", "都", "县"}) {
			s, changed = s[loc[1]:], true
		}
		if t := strings.TrimPrefix(trimPunct(s), "的"); t != s {
			s, changed = t, true
		}
	}
	return s
}

// tidyName is the last touch to a name: no years inside (市本级2025年一般
// 公共预算收入), no spaces between Chinese characters (letter-spaced text).
func tidyName(name string) string {
	name = innerYear.ReplaceAllString(name, "")
	if i := strings.Index(name, "全年"); i > 0 && utf8.RuneCountInString(name[i+len("全年"):]) >= 2 {
		name = name[:i] + name[i+len("全年"):] // 市级全年评审资金: a time, as a year is
	}
	// 减去当年支出, 加上级补助: what is added or taken away is the name.
	for _, w := range []string{"减去", "扣除", "加上"} {
		if i := strings.LastIndex(name, w); i > 0 && !strings.HasPrefix(name[i+len(w):], "解") {
			name = name[i+len(w):]
		}
	}
	// 企业共上缴国有资本经营预算收入: 共 marks the total of the subject.
	if i := strings.Index(name, "共"); i > 0 {
		p, _ := utf8.DecodeLastRuneInString(name[:i])
		q, _ := utf8.DecodeRuneInString(name[i+len("共"):])
		if p != '公' && !strings.ContainsRune("同享建有识青性产", q) && utf8.RuneCountInString(name[i:]) >= 5 {
			name = name[i+len("共"):]
		}
	}
	return squeezeHan(name)
}

// squeezeHan drops white space next to Chinese characters (letter-spaced
// PDF text), not between Latin words.
func squeezeHan(name string) string {
	for _, o := range []string{"（", "("} {
		// an opening bracket whose closing one is not in the name
		if t, ok := strings.CutPrefix(name, o); ok && !strings.ContainsAny(t, "）)") {
			name = t
		}
	}
	// the end of an aside before the name, the start of one after it:
	// "）、下级上解收入（" is 下级上解收入.
	if i := strings.LastIndexAny(name, "）)"); i >= 0 && !strings.ContainsAny(name[:i], "（(") {
		name = strings.TrimLeft(name[i:], "）)、，, ")
	}
	if i := strings.IndexAny(name, "（("); i >= 0 && !strings.ContainsAny(name[i:], "）)") {
		name = strings.TrimRight(name[:i], "、，, ")
	}
	var b strings.Builder
	rs := []rune(name)
	for i, r := range rs {
		if unicode.IsSpace(r) {
			prevHan := i > 0 && !unicode.IsSpace(rs[i-1]) && (isHan(rs[i-1]) || unicode.IsPunct(rs[i-1]))
			nextHan := false
			for _, q := range rs[i+1:] {
				if !unicode.IsSpace(q) {
					nextHan = isHan(q) || unicode.IsPunct(q)
					break
				}
			}
			if prevHan || nextHan {
				continue
			}
		}
		b.WriteRune(r)
	}
	return strings.TrimSpace(b.String())
}

// cutBase cuts a base of comparison: "空气优良天数比十二五末" → "空气优良天数",
// "比十二五末". 占比, 同比, 环比 and the like are words, not a base.
func cutBase(s string) (string, string) {
	// 一般性支出在2023年基础上压减10%: the base is where the change starts.
	if m := baseOn.FindStringIndex(s); m != nil && m[0] > 0 {
		return s[:m[0]], s[m[0]:]
	}
	for _, w := range []string{"较", "比"} {
		i := strings.LastIndex(s, w)
		if i < 0 {
			continue
		}
		p, _ := utf8.DecodeLastRuneInString(s[:i])
		q, _ := utf8.DecodeRuneInString(s[i+len(w):])
		if w == "比" && (strings.ContainsRune("占同环对相之类无正反百", p) || strings.ContainsRune("例重率值", q)) {
			continue
		}
		if w == "较" && p == '比' {
			continue
		}
		return s[:i], unquote(s[i:])
	}
	return s, ""
}

// splitNames splits the names before 分别 into n names: at 、, then at 和, 及
// and 与, and completes each name with the tail it shares with the last one.
func splitNames(s string, n int) []string {
	if s == "" {
		return nil
	}
	names := strings.Split(s, "、")
	for _, sep := range []string{"和", "及", "与"} {
		if len(names) >= n {
			break
		}
		var more []string
		for _, x := range names {
			more = append(more, strings.Split(x, sep)...)
		}
		names = more
	}
	if len(names) == 1 && n >= 2 {
		// 一二三产增加值分别增长3.5%、6%、5%: a run of numerals before a
		// shared tail names one item each (一产增加值, 二产增加值 …).
		r := []rune(s)
		if len(r) > n && strings.HasPrefix("一二三四五六七八九", string(r[:n])) && !strings.ContainsRune("一二三四五六七八九十", r[n]) {
			names = nil
			for _, d := range r[:n] {
				names = append(names, string(d)+string(r[n:]))
			}
		}
	}
	if len(names) != n {
		return nil
	}
	last := names[n-1]
	for i := range names[:n-1] {
		names[i] = shareTail(names[i], last)
	}
	for _, q := range []string{"规模以上", "限额以上", "规上"} {
		if strings.HasPrefix(names[0], q) {
			for i := 1; i < n; i++ {
				if !strings.HasPrefix(names[i], q) {
					names[i] = q + names[i]
				}
			}
		}
	}
	for i := range names {
		names[i] = cleanName(names[i]).name
		if names[i] == "" {
			return nil
		}
	}
	return names
}

// shareTail completes a name with the tail of the last name of its list:
// "城镇居民" with "农村居民人均可支配收入" gives "城镇居民人均可支配收入" (both end
// a word in 民), "COD" with "氨氮浓度" gives "COD浓度" (a known measure).
func shareTail(e, last string) string {
	er, lr := []rune(e), []rune(last)
	if len(er) == 0 {
		return e
	}
	end := er[len(er)-1]
	if len(er) == 2 && len(lr) > 4 && isHan(er[0]) && isHan(lr[0]) && !strings.ContainsRune(last, end) {
		// 城镇 with 农村常住居民人均可支配收入: two parallel modifiers of
		// two characters share what follows them.
		return e + string(lr[2:])
	}
	for k := len(lr) - 1; k >= 1; k-- {
		if lr[k-1] == end {
			if tail := string(lr[k:]); !strings.HasSuffix(e, tail) {
				return e + tail
			}
			return e
		}
	}
	for _, m := range measures {
		if strings.HasSuffix(last, m) && !strings.HasSuffix(e, m) {
			return e + m
		}
	}
	for _, w := range workTails {
		// 省级政务信息系统、…、政务移动应用整合: the work shared by the list.
		if strings.HasSuffix(last, w) && !strings.HasSuffix(e, w) && len(last) > len(w) {
			return e + w
		}
	}
	return e
}

// topic is the part of a name that a generic measure word attaches to:
// "粮食播种面积" → "粮食", for "总产".
func topic(subject string) string {
	for _, m := range []string{"播种面积", "面积", "产量", "总产"} {
		if t, ok := strings.CutSuffix(subject, m); ok && t != "" {
			return t
		}
	}
	return subject
}

func trimPunct(s string) string {
	return strings.TrimFunc(s, func(r rune) bool {
		return unicode.IsSpace(r) || unicode.IsPunct(r) && !strings.ContainsRune("“”‘’（）()《》", r) || strings.ContainsRune(bullets, r)
	})
}

func unquote(s string) string {
	return strings.Map(func(r rune) rune {
		if strings.ContainsRune("“”‘’\"", r) {
			return -1
		}
		return r
	}, s)
}

// parseNumber parses a value written with ASCII or full-width digits.
func parseNumber(v string) (float64, bool) {
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

func isHeadline(name, kind string) bool {
	return (kind == "level" || kind == "change" || kind == "target") && slices.Contains(headlineNames, name)
}
