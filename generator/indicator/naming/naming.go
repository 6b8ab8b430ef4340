package naming

import (
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"reportsite/generator/indicator/figure"
)

// Bullets open a list item or a line of a list; they are no part of a name
// or a sentence.
const Bullets = "─—-－•●■◆★▲―"

// footnote is a note mark left in the text: 调整预算^[4^]的.
var footnote = regexp.MustCompile(`\^\[\d+\^\]?`)

// DropFootnotes drops the note marks of s: 调整预算^[4^]的 → 调整预算的.
func DropFootnotes(s string) string { return footnote.ReplaceAllString(s, "") }

// A Phrase is the text before a figure read as name, verb and bound.
type Phrase struct {
	Name     string
	Kind     string // level, change, share, completion, comparison, rank or ratio
	Dir      string // up, down or "" for a change
	Verb     string // the sentence's verb for the figure, as printed
	Base     string // what a change or comparison is measured against
	PreBound string // 超过, 不低于 …
	PerUnit  string // a base of the unit written before the number: 每人每月 → /人·月
	Budgeted bool   // the figure is a budget figure: 年初预算…, 调整为…
	Year     string // the year written before the figure: 从2020年的9.6年
	From     string // 从 or 由 before the figure: the start of a from…to change
	Each     bool   // 均: the figure holds for each of the names
}

var (
	yearBefore = regexp.MustCompile(`(\d{4})\s*年(?:的|底|末)$`)
	streak     = regexp.MustCompile(`连续[\d一二三四五六七八九十两]+年$`)
	bothScopes = regexp.MustCompile(`^全(?:市|省|区|县)(?:和|及|与)(?:市级|市本级|省级|省本级|区级|县级|本级)`)
	baseOn     = regexp.MustCompile(`在[^在，,]{1,12}基础上$`)
	// ownScope inside a name starts it: what comes before is a
	// circumstance (限额增加后|全市政府债务限额, 截至年底|全省…).
	ownScope = regexp.MustCompile(`(?:后|底|末|内|时|来)(全(?:市|省|区|县))`)
	arranged = regexp.MustCompile(`^(市级|市本级|县级|市县财政|财政)?(?:相应)?安排(\p{Han}{3,})`)
)

// Read reads the text before a figure.
func Read(s string) Phrase {
	p := Phrase{Kind: "level"}
	s = TrimPunct(SqueezeHan(DropFootnotes(s)))
	s = p.cutStart(s)
	s = p.cutVerb(s)
	s = p.cutScope(s)
	s = p.verbBeforeName(s)
	p.Name = Unquote(s)
	return p
}

// cutStart cuts from the end of s what opens the figure: a year (从2020年
// 的), 从 or 由, and a per-unit base (每人每月).
func (p *Phrase) cutStart(s string) string {
	if m := yearBefore.FindStringSubmatchIndex(s); m != nil {
		p.Year, s = s[m[2]:m[3]], strings.TrimSuffix(TrimPunct(s[:m[0]]), "从")
	} else if t, ok := strings.CutSuffix(s, "从"); ok {
		s, p.From = TrimPunct(t), "从"
	} else if t, ok := strings.CutSuffix(s, "由"); ok {
		s, p.From = TrimPunct(t), "由"
	}
	for changed := true; changed; {
		changed = false
		for _, q := range perUnit {
			if t, ok := strings.CutSuffix(s, q.written); ok {
				s, changed = t, true
				p.PerUnit = q.unit + p.PerUnit
				break
			}
		}
	}
	s = TrimPunct(s)
	if p.From == "" && p.PerUnit != "" {
		// 由每人每年490元提高至520元: 由 before the per-unit base.
		for _, w := range []string{"从", "由"} {
			if t, ok := strings.CutSuffix(s, w); ok {
				s, p.From = TrimPunct(t), w
				break
			}
		}
	}
	return s
}

// cutVerb cuts from the end of s the bound, adverbs and verb before the
// figure, the budget words and the base of comparison.
func (p *Phrase) cutVerb(s string) string {
	s, p.PreBound = figure.CutPreBound(s)
	s, adv := cutAdverbs(s)
	p.Each = adv == "均"
	matched := false
	for _, v := range levelVerbs {
		if t, ok := strings.CutSuffix(s, v); ok {
			// 分别达到|65.7%: a verb alone names nothing but is the verb.
			s, matched, p.Verb = t, true, v
			break
		}
	}
	if !matched {
		for _, v := range changeVerbs {
			if t, ok := strings.CutSuffix(s, v.word); ok {
				s, p.Kind, p.Dir, p.Verb = t, "change", v.dir, v.word
				break
			}
		}
	}
	if p.Verb != "" {
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
	if p.Verb != "" && (adv == "年均" || adv == "同比" || adv == "累计" || adv == "稳定") {
		p.Verb = adv + p.Verb
	}
	if p.PreBound != "" && p.Verb == "" {
		p.Verb = p.PreBound
	}
	for _, w := range budgetWords {
		if t, ok := strings.CutSuffix(s, w); ok {
			s, p.Budgeted = t, true
			break
		}
	}
	if strings.HasSuffix(s, "预算") || strings.HasSuffix(s, "预算数") || strings.HasSuffix(s, "预算代编数") {
		p.Budgeted = true // 支出预算调整为…, 支出预算代编数…: a budget figure
	}
	s, p.Base = cutBase(s)
	s, _ = cutAdverbs(s)
	// 提高高中阶段国家助学金资助标准至: a verb around the name.
	if t, ok := strings.CutSuffix(s, "至"); ok {
		for _, v := range []string{"提高", "提升", "增加", "降低", "调整", "扩大"} {
			if u, ok := strings.CutPrefix(t, v); ok && u != "" {
				s, p.Verb = u, v+"至"
				break
			}
		}
	}
	return s
}

// cutScope drops from s what stands before the name: an approval (批准的),
// a circumstance before the report's own scope, both scopes, a manner, lead
// words, 安排 before a fund, 实现 before what is earned, a list before 等.
func (p *Phrase) cutScope(s string) string {
	if i := strings.LastIndex(s, "批准的"); i >= 0 {
		s, p.Budgeted = s[i+len("批准的"):], true
	}
	if m := ownScope.FindAllStringSubmatchIndex(s, -1); m != nil {
		if i := m[len(m)-1][2]; utf8.RuneCountInString(TrimLead(s[i:])) >= 4 {
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
		if t, ok := strings.CutPrefix(s, w); ok && figure.StartsAny(t, []string{"打造", "建设", "建成", "新建", "改造", "推进", "完成"}) {
			s = t
		}
	}
	s = TrimLead(s)
	if m := arranged.FindStringSubmatch(s); m != nil && m[2] != "资金" && m[2] != "支出" {
		// 市级安排扶贫专项资金: the fund, not the act; a scope other than
		// the report's own stays (市级预算支出).
		s = TrimLead(m[2])
		if m[1] == "市级" || m[1] == "市本级" || m[1] == "县级" {
			s = m[1] + s
		}
	}
	if i := strings.Index(s, "相应安排"); i > 0 {
		s = s[:i] + s[i+len("相应安排"):] // 政府性基金预算相应安排支出
	} else if i := strings.Index(s, "安排"); i > 0 && (s[i+len("安排"):] == "收入" || s[i+len("安排"):] == "支出") && figure.EndsAny(s[:i], []string{"基金", "预算", "资金"}) {
		s = s[:i] + s[i+len("安排"):] // 政府性基金安排收入
	} else if t, ok := strings.CutPrefix(s, "安排"); ok && (t == "收入" || t == "支出") {
		s = t // 安排支出 after 政府性基金收入: the budget's other side
	}
	// “桃花江竹海”项目实现出让收益: what the subject earned is the name.
	if i := strings.Index(s, "实现"); i > 0 && figure.EndsAny(s, []string{"收入", "收益", "利润", "产值", "增加值", "销售额"}) {
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
	return s
}

// verbBeforeName reads a change verb written before the name with none
// after it.
func (p *Phrase) verbBeforeName(s string) string {
	// 增加政府债务限额394024万元, 压减三公经费31.7%: a change verb before
	// the name with none after it; not 增加值, and not a name of the rate
	// itself (压减幅度, 压减比例).
	if p.Kind == "level" && p.Verb == "" {
		for _, v := range []string{"增加", "减少", "压减", "降低"} {
			if t, ok := strings.CutPrefix(s, v); ok && utf8.RuneCountInString(t) >= 2 && !strings.HasPrefix(t, "值") && !figure.EndsAny(t, []string{"幅度", "比例", "率"}) {
				s, p.Kind, p.Verb = t, "change", v
				for _, c := range changeVerbs {
					if c.word == v {
						p.Dir = c.dir
					}
				}
				break
			}
		}
	}
	return s
}

// IsLeadWord reports a word that is dropped from the start of a name (全市,
// 累计, 完成 …) and so names nothing alone.
func IsLeadWord(s string) bool { return slices.Contains(leadWords, s) }

// TrimAdverbs drops each adverb once from the start of s, in the order of
// the list: 稳定实现 → 实现.
func TrimAdverbs(s string) string {
	for _, a := range adverbs {
		s = strings.TrimPrefix(s, a)
	}
	return s
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

// TrimLead drops lead words, years, a place, punctuation and a 的 left by
// an attribute from the start of a name.
func TrimLead(s string) string {
	for changed := true; changed; {
		changed = false
		for _, w := range leadWords {
			if t, ok := strings.CutPrefix(s, w); ok && t != "" {
				s, changed = t, true
			}
		}
		if t, ok := strings.CutPrefix(s, "将"); ok && t != "" && !figure.StartsAny(t, []string{"军", "来", "近"}) {
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
		if loc := place.FindStringIndex(s); loc != nil && utf8.RuneCountInString(s[loc[1]:]) >= 2 && !figure.StartsAny(s, []string{"城市", "新增", "到位", "全", "本", "各", "该", "我", "都", "县"}) {
			s, changed = s[loc[1]:], true
		}
		if t := strings.TrimPrefix(TrimPunct(s), "的"); t != s {
			s, changed = t, true
		}
	}
	return s
}

// Tidy is the last touch to a name: no years inside (市本级2025年一般
// 公共预算收入), no spaces between Chinese characters (letter-spaced text).
func Tidy(name string) string {
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
	return SqueezeHan(name)
}

// SqueezeHan drops white space next to Chinese characters (letter-spaced
// PDF text), not between Latin words.
func SqueezeHan(name string) string {
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
			prevHan := i > 0 && !unicode.IsSpace(rs[i-1]) && (figure.IsHan(rs[i-1]) || unicode.IsPunct(rs[i-1]))
			var next rune
			for _, q := range rs[i+1:] {
				if !unicode.IsSpace(q) {
					next = q
					break
				}
			}
			nextHan := figure.IsHan(next) || unicode.IsPunct(next)
			// A space inside a number ("2 .3") stays: numbers stay as
			// written, and a value read across it would not be in the
			// sentence.
			if (prevHan || nextHan) && !(i > 0 && inNumber(rs[i-1]) && inNumber(next)) {
				continue
			}
		}
		b.WriteRune(r)
	}
	return strings.TrimSpace(b.String())
}

// inNumber reports a character a number is written with: an ASCII digit
// or the decimal point.
func inNumber(r rune) bool { return '0' <= r && r <= '9' || r == '.' }

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
		return s[:i], Unquote(s[i:])
	}
	return s, ""
}

// Split splits the names before 分别 into n names: at 、, then at 和, 及
// and 与, and completes each name with the tail it shares with the last one.
func Split(s string, n int) []string {
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
		names[i] = Read(names[i]).Name
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
	if len(er) == 2 && len(lr) > 4 && figure.IsHan(er[0]) && figure.IsHan(lr[0]) && !strings.ContainsRune(last, end) {
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

// Topic is the part of a name that a generic measure word attaches to:
// "粮食播种面积" → "粮食", for "总产".
func Topic(subject string) string {
	for _, m := range []string{"播种面积", "面积", "产量", "总产"} {
		if t, ok := strings.CutSuffix(subject, m); ok && t != "" {
			return t
		}
	}
	return subject
}

func TrimPunct(s string) string {
	return strings.TrimFunc(s, func(r rune) bool {
		return unicode.IsSpace(r) || unicode.IsPunct(r) && !strings.ContainsRune("“”‘’（）()《》", r) || strings.ContainsRune(Bullets, r)
	})
}

func Unquote(s string) string {
	return strings.Map(func(r rune) rune {
		if strings.ContainsRune("“”‘’\"", r) {
			return -1
		}
		return r
	}, s)
}
