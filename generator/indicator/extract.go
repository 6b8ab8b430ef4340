package indicator

import (
	"fmt"
	"hash/fnv"
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
}

func (o Options) period() string {
	y := o.ResultYear
	if o.Targets {
		y = o.TargetYear
	}
	if y == 0 {
		return ""
	}
	return strconv.Itoa(y)
}

// Extract returns the indicators stated in text, in reading order. text is
// plain text, one paragraph a line (see PlainText).
func Extract(text string, opt Options) []content.Indicator {
	var out []content.Indicator
	for _, s := range sentences(text) {
		out = append(out, extractSentence(s, opt)...)
	}
	return out
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

// A token is a figure found in a clause.
type token struct {
	start, end int    // byte span in the clause, from 第 or the number to the end of the bound
	value      string // as written
	unit       string
	bound      string // written after the number: 以上, 以内, 余 …
	kind       string // "ratio", "rank" or "" for a figure with a unit
	qualifier  bool   // a threshold naming what is counted: 500万元以上技术改造项目
	attribute  bool   // followed by 的: 总投资341亿元的重点项目
}

func isDigit(r rune) bool { return r >= '0' && r <= '9' || r >= '０' && r <= '９' }

func isLatin(r rune) bool { return r < utf8.RuneSelf && unicode.IsLetter(r) }

func isHan(r rune) bool { return unicode.Is(unicode.Han, r) }

// numberEnd returns the end of the number that starts at i: digits, and a
// decimal point followed by digits.
func numberEnd(s string, i int) int {
	digits := func(i int) int {
		for i < len(s) {
			r, n := utf8.DecodeRuneInString(s[i:])
			if !isDigit(r) {
				break
			}
			i += n
		}
		return i
	}
	i = digits(i)
	for _, dot := range []string{".", "．"} {
		if strings.HasPrefix(s[i:], dot) {
			if r, _ := utf8.DecodeRuneInString(s[i+len(dot):]); isDigit(r) {
				return digits(i + len(dot))
			}
		}
	}
	return i
}

// scan finds the figures of a clause.
func scan(c string) []token {
	var toks []token
	for i := 0; i < len(c); {
		r, n := utf8.DecodeRuneInString(c[i:])
		if !isDigit(r) {
			i += n
			continue
		}
		prev, _ := utf8.DecodeLastRuneInString(c[:i])
		j := numberEnd(c, i)
		next, _ := utf8.DecodeRuneInString(c[j:])
		if isLatin(prev) || prev == '+' || isLatin(next) || next == '+' {
			i = j
			continue
		}
		// A ratio: two or more numbers joined by colons.
		k := j
		for {
			q, qn := utf8.DecodeRuneInString(c[k:])
			if q != ':' && q != '：' {
				break
			}
			if d, _ := utf8.DecodeRuneInString(c[k+qn:]); !isDigit(d) {
				break
			}
			k = numberEnd(c, k+qn)
		}
		if k > j {
			toks = append(toks, token{start: i, end: k, value: c[i:k], kind: "ratio"})
			i = k
			continue
		}
		if prev == '第' && (next == '位' || next == '名') {
			toks = append(toks, token{start: i - len("第"), end: j + utf8.RuneLen(next), value: c[i:j], unit: string(next), kind: "rank"})
			i = j + utf8.RuneLen(next)
			continue
		}
		tk := token{start: i, value: c[i:j]}
		if next == '余' || next == '多' {
			tk.bound = string(next)
			k += utf8.RuneLen(next)
		}
		tk.unit = matchUnit(c[k:])
		if tk.unit == "" {
			i = j
			continue
		}
		k += len(tk.unit)
		if strings.HasPrefix(c[k:], "级") {
			i = k
			continue
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

// matchUnit returns the longest unit s starts with.
func matchUnit(s string) string {
	best := ""
	try := func(u string) {
		if len(u) > len(best) && strings.HasPrefix(s, u) {
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
			if strings.HasPrefix(s, m) {
				if r, _ := utf8.DecodeRuneInString(s[len(m):]); !isHan(r) && !isLatin(r) {
					return m
				}
			}
		}
	}
	return best
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
	sentence string
	subject  string   // base name of the last level or change
	group    []string // names of the last 分别 group
	out      []content.Indicator
}

func extractSentence(s string, opt Options) []content.Indicator {
	st := &sentenceState{opt: opt, sentence: s}
	for _, c := range clauses(s) {
		toks := scan(c)
		var figures []token
		for _, tk := range toks {
			if !tk.qualifier {
				figures = append(figures, tk)
			}
		}
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
			if tk.qualifier {
				continue
			}
			prevEnd := 0
			if i > 0 {
				prevEnd = toks[i-1].end
			}
			nextStart := len(c)
			if i+1 < len(toks) {
				nextStart = toks[i+1].start
			}
			st.figure(c[prevEnd:tk.start], tk, c[tk.end:nextStart])
		}
	}
	return st.out
}

// add appends an indicator built from a token.
func (st *sentenceState) add(name string, tk token, kind, dir, preBound string) {
	if name == "" {
		return // a card needs a label; "增长4.9%" alone names nothing
	}
	bound := tk.bound
	if preBound != "" {
		bound = preBound + bound
	}
	if st.opt.Targets && (kind == "level" || kind == "change") {
		kind = "target"
	}
	num, _ := parseNumber(tk.value)
	st.out = append(st.out, content.Indicator{
		Name:      name,
		Value:     tk.value,
		Number:    num,
		Unit:      tk.unit,
		Kind:      kind,
		Direction: dir,
		Bound:     bound,
		Period:    st.opt.period(),
		Headline:  isHeadline(name, kind),
		Anchor:    Anchor(st.sentence),
		Sentence:  st.sentence,
	})
}

// figure names one figure from the clause text before it and after it.
func (st *sentenceState) figure(before string, tk token, after string) {
	switch tk.kind {
	case "ratio":
		st.add(cleanName(before).name, tk, "ratio", "", "")
		return
	case "rank":
		st.add(st.rankName(before), tk, "rank", "", "")
		return
	}
	if isRate(tk.unit) {
		if name, dir, ok := st.comparison(before); ok {
			st.add(name, tk, "change", dir, "")
			return
		}
	}
	if isClassifier(tk.unit) {
		a := strings.TrimSpace(after)
		if r, _ := utf8.DecodeRuneInString(a); isHan(r) && r != '的' {
			st.countFirst(before, tk, a)
			return
		}
	}
	p := cleanName(before)
	name := p.name
	if tk.attribute && tk.bound == "" && utf8.RuneCountInString(name) <= 3 {
		// 总投资341亿元的重点项目: the figure belongs to the noun after 的. A
		// bound (75万吨以内的任务目标) or a full name before it says otherwise.
		noun := cleanName(strings.TrimPrefix(after, "的")).name
		name = noun + name
	}
	name = st.complete(name)
	st.subject = name
	if p.kind == "change" && p.dir == "" {
		name += p.verb // 改善6.3%: the word carries the meaning
	}
	st.add(name, tk, p.kind, p.dir, p.preBound)
}

// complete fills in a name that depends on the figure before it.
func (st *sentenceState) complete(name string) string {
	switch {
	case name == "":
		return st.subject
	case slices.Contains(genericNames, name):
		return topic(st.subject) + name
	case slices.Contains(stageNames, name):
		return name + st.subject
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
	var name string
	switch {
	case slices.Contains(selectVerbs, verb):
		name = strings.TrimPrefix(pred, verb)
		for _, w := range []string{"名单", "单子"} {
			name = strings.TrimSuffix(name, w)
		}
	case verb == "" || verb == "和" || verb == "及" || verb == "并":
		name = noun
	case utf8.RuneCountInString(noun) <= 2:
		for _, a := range adverbs {
			pred = strings.TrimPrefix(pred, a)
		}
		pred = strings.TrimPrefix(pred, "实现")
		if noun == "" && (tk.unit == "户" || tk.unit == "人" || tk.unit == "名") {
			noun = tk.unit
		}
		name = pred + noun
	default:
		name = noun
	}
	name = strings.TrimSuffix(unquote(name), "建设")
	if b := strings.TrimSpace(before); strings.HasSuffix(b, "的") {
		b = strings.TrimSuffix(b, "的")
		for _, p := range []string{"对", "在", "为"} {
			b = strings.TrimPrefix(b, p)
		}
		name = cleanName(b).name + name
	}
	st.add(name, tk, "level", "", "")
	st.subject = name
}

// rankName names a rank from the text before 第: "增幅居全市" after a figure of
// 地区生产总值 gives 地区生产总值增幅全市排名.
func (st *sentenceState) rankName(before string) string {
	b := trimPunct(before)
	metric, scope := b, ""
	if i := strings.LastIndex(b, "居"); i >= 0 {
		metric, scope = b[:i], b[i+len("居"):]
		metric = strings.TrimSuffix(metric, "位")
	}
	for _, w := range []string{"排名", "位列", "排在", "排"} {
		metric = strings.TrimSuffix(metric, w)
	}
	metric = unquote(trimLead(strings.ReplaceAll(metric, "同比", "")))
	if metric == "" || slices.Contains(genericNames, metric) {
		metric = topic(st.subject) + metric
	}
	return metric + scope + "排名"
}

// comparison recognises a figure against a benchmark: "好于全市5.7个百分点".
func (st *sentenceState) comparison(before string) (name, dir string, ok bool) {
	b := trimPunct(before)
	for _, c := range comparators {
		i := strings.Index(b, c.word)
		if i < 0 {
			continue
		}
		scope := b[i+len(c.word):]
		if utf8.RuneCountInString(scope) > 8 {
			continue
		}
		base := cleanName(b[:i]).name
		if base == "" {
			base = st.subject
		}
		return base + c.word + scope, c.dir, true
	}
	return "", "", false
}

// respectively handles a 分别 clause: names before 分别, figures after it, in
// order. It reports whether it did.
func (st *sentenceState) respectively(c string, figures []token) bool {
	at := strings.Index(c, "分别")
	if at < 0 || at > figures[0].start {
		return false
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
		name := names[i]
		if p.kind == "change" && p.dir == "" {
			name += p.verb
		}
		st.add(name, tk, p.kind, p.dir, p.preBound)
	}
	st.group = names
	st.subject = names[len(names)-1]
	return true
}

// benchmark finds a target without a number: "社会消费品零售总额增长不低于全市平均水平".
func (st *sentenceState) benchmark(c string) {
	for _, b := range preBounds {
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
		st.add(p.name, token{value: rest}, "target", p.dir, b)
		return
	}
}

// A phrase is the text before a figure read as name, verb and bound.
type phrase struct {
	name     string
	kind     string // level or change
	dir      string // up, down or "" for a change
	verb     string // the change verb, for a change without direction (改善)
	preBound string // 超过, 不低于 …
}

// cleanName reads the text before a figure.
func cleanName(s string) phrase {
	p := phrase{kind: "level"}
	s = trimPunct(s)
	for changed := true; changed; {
		changed = false
		for _, q := range perUnit {
			if t, ok := strings.CutSuffix(s, q); ok {
				s, changed = t, true
			}
		}
	}
	for _, b := range preBounds {
		if t, ok := strings.CutSuffix(s, b); ok {
			s, p.preBound = t, b
			break
		}
	}
	s = trimAdverbs(s)
	matched := false
	for _, v := range levelVerbs {
		if t, ok := strings.CutSuffix(s, v); ok && t != "" {
			s, matched = t, true
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
	s = trimAdverbs(s)
	s = cutBase(s)
	s = trimLead(trimAdverbs(s))
	if strings.Contains(s, "、") {
		if i := strings.LastIndex(s, "等"); i >= 0 && i+len("等") < len(s) {
			s = s[i+len("等"):]
		}
	}
	p.name = unquote(s)
	return p
}

// trimLead drops lead words, punctuation and a 的 left by an attribute from
// the start of a name.
func trimLead(s string) string {
	for changed := true; changed; {
		changed = false
		for _, w := range leadWords {
			if t, ok := strings.CutPrefix(s, w); ok && t != "" {
				s, changed = t, true
			}
		}
		if t := strings.TrimPrefix(trimPunct(s), "的"); t != s {
			s, changed = t, true
		}
	}
	return s
}

func trimAdverbs(s string) string {
	for changed := true; changed; {
		changed = false
		for _, a := range adverbs {
			if t, ok := strings.CutSuffix(s, a); ok {
				s, changed = t, true
			}
		}
	}
	return s
}

// cutBase cuts a base of comparison: "空气优良天数比十二五末" → "空气优良天数".
// 占比, 同比, 环比 and the like are words, not a base.
func cutBase(s string) string {
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
		return s[:i]
	}
	return s
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
