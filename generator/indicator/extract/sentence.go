package extract

import (
	"regexp"
	"slices"
	"strings"
	"unicode/utf8"

	"reportsite/generator/content"
	"reportsite/generator/indicator/figure"
	"reportsite/generator/indicator/naming"
)

// A token is a figure of a clause with what the clause around it says of it.
type token struct {
	figure.Figure
	// rateQualifier marks a count that says which things a rate covers:
	// 43处农村饮用水源地水质达标率.
	rateQualifier bool
	// named is the name of a count whose things pass a threshold written
	// after it: 7个县（区）地方一般公共预算收入超5亿元.
	named, verb string
}

// scan returns the figures of a clause as tokens.
func scan(c string) []token {
	figs := figure.Scan(c)
	if figs == nil {
		return nil
	}
	toks := make([]token, len(figs))
	for i, f := range figs {
		toks[i].Figure = f
	}
	return toks
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
	if figure.ContainsAny(s, []string{"五年来", "过去五年", "年均"}) {
		return true
	}
	u := naming.Unquote(s)
	for _, p := range plans {
		if figure.ContainsAny(u, []string{"比" + p + "末", "比" + p + "时期", "较" + p + "末", p + "以来", p + "期间", p + "时期"}) {
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
			c = naming.SqueezeHan(c) // letter-spaced PDF text; numbers stay as written
		}
		st.planGoal = !opt.Targets && figure.ContainsAny(c, plans) && strings.Contains(c, "完成") && strings.Contains(c, "目标")
		toks := scan(c)
		rateQualifiers(c, toks)
		thresholdCounts(c, toks)
		var figures []token
		for _, tk := range toks {
			if !tk.Qualifier && !tk.rateQualifier {
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
			if tk.Qualifier || tk.rateQualifier {
				continue
			}
			prevEnd := 0
			if i > 0 {
				prevEnd = toks[i-1].End
			}
			before := c[prevEnd:tk.Start]
			if i > 0 && toks[i-1].rateQualifier {
				// 2处集中式饮用水水源地和43处农村饮用水源地水质达标率: the rate
				// is named by the nouns after its qualifying counts.
				k := i - 1
				for k > 0 && toks[k-1].rateQualifier {
					k--
				}
				var b strings.Builder
				for ; k < i; k++ {
					next := tk.Start
					if k+1 < i {
						next = toks[k+1].Start
					}
					b.WriteString(c[toks[k].End:next])
				}
				before = b.String()
			}
			// The text after a figure runs to the next figure; a threshold
			// between belongs to it (12个百亿元、70个|30亿元以上|项目).
			nextStart := len(c)
			for j := i + 1; j < len(toks); j++ {
				if !toks[j].Qualifier {
					nextStart = toks[j].Start
					break
				}
			}
			st.rest = c[tk.End:]
			if tk.named != "" {
				st.add(tk.named, tk, naming.Phrase{Kind: "level", Verb: tk.verb})
				continue
			}
			st.figure(before, tk, c[tk.End:nextStart])
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
		if toks[i].Kind != "" || toks[i].Qualifier || !figure.IsClassifier(toks[i].Unit) {
			i++
			continue
		}
		j := i
		for j < len(toks) && toks[j].Kind == "" && !toks[j].Qualifier && figure.IsClassifier(toks[j].Unit) {
			j++
		}
		if j < len(toks) && figure.IsRate(toks[j].Unit) && strings.Contains(c[toks[j-1].End:toks[j].Start], "率") {
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
		if tk.Kind != "" || th.Kind != "" || tk.Qualifier || th.Qualifier || !figure.IsClassifier(tk.Unit) || figure.IsClassifier(th.Unit) || figure.IsRate(th.Unit) {
			continue
		}
		if strings.TrimSpace(c[th.End:]) != "" {
			continue
		}
		gap := naming.SqueezeHan(strings.TrimSpace(c[tk.End:th.Start]))
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
		tk.named = measure + verb + th.Value + th.Unit + "的" + noun
		tk.verb = verb
		th.Qualifier = true
	}
}

// add appends an indicator built from a token.
func (st *sentenceState) add(name string, tk token, p naming.Phrase) {
	name = naming.Tidy(name)
	if name == "" {
		return // a card needs a label; "增长4.9%" alone names nothing
	}
	kind := p.Kind
	if kind == "level" && (strings.HasSuffix(name, "占比") || strings.HasSuffix(name, "比重")) {
		kind = "share"
	}
	if kind == "share" && st.opt.Targets && !strings.HasSuffix(name, "占比") && !strings.HasSuffix(name, "比重") {
		// 确保民间投资占固定资产投资比重达40%以上: a target's name says that
		// it is a share, since its kind says target.
		name += "占比"
	}
	bound := tk.Bound
	if p.PreBound != "" {
		bound = p.PreBound + bound
	}
	period := st.opt.period(st.multi)
	if p.Year != "" && !st.opt.Targets {
		period = p.Year
	}
	switch {
	case st.opt.Targets && kind != "rank" && kind != "ratio":
		kind = "target"
	case st.planGoal && (kind == "level" || kind == "change") && st.opt.ResultYear > 0:
		kind, period = "target", years(st.opt.ResultYear-4, st.opt.ResultYear)
	}
	dir := p.Dir
	if kind != "change" && kind != "target" && kind != "comparison" {
		dir = ""
	}
	stage := ""
	if st.opt.Budget {
		stage = st.opt.Stage
		if p.Budgeted {
			stage = "预算"
		}
	}
	base := p.Base
	if base == "比上年" || base == "较上年" || base == "同比" {
		base = ""
	}
	num, _ := figure.ParseNumber(tk.Value)
	st.out = append(st.out, content.Indicator{
		Name:      name,
		Value:     tk.Value,
		Number:    num,
		Unit:      tk.Unit + p.PerUnit,
		Kind:      kind,
		Direction: dir,
		Bound:     bound,
		Period:    period,
		Headline:  isHeadline(name, kind),
		Verb:      p.Verb,
		Base:      base,
		Stage:     stage,
		Anchor:    Anchor(st.sentence),
		Sentence:  st.sentence,
	})
}

var (
	// slogan is a slogan in Chinese numerals: 五通十有.
	slogan = regexp.MustCompile(`[一二三四五六七八九十两]\p{Han}{1,2}[一二三四五六七八九十两]\p{Han}`)
	// completionRe reads the text before a completion rate: 为预算的,
	// 占调整预算的, 完成年初预算的.
	completionRe = regexp.MustCompile(`^(\p{Han}{4,}?)?(?:实际)?(为|占|完成|达到|达)((?:调整及变动|调整后|调整|年初|变动|年度)?(?:预算数?|计划|任务))的?$`)
	// shareRe reads the text before a share: 占支出的, 占总支出的比重为,
	// 冻鳟鱼出口占全国同类产品出口总值的.
	shareRe = regexp.MustCompile(`^(.*?)占([^占]{1,24}?)(?:的|的?比重|的?比例)(?:为|达到|达)?$`)
)

// figure names one figure from the clause text before it and after it.
func (st *sentenceState) figure(before string, tk token, after string) {
	if st.ofForm(before, tk, after) {
		return
	}
	if strings.Contains(after, "）") && !strings.Contains(before, "（") {
		// (其中：开发区1.1亿元): an aside keeps the sentence's subject.
		keep := st.subject
		defer func() { st.subject = keep }()
	}
	p := naming.Read(before)
	name := st.complete(nameAround(p.Name, tk, after))
	if p.From != "" && (p.From == "从" || strings.ContainsAny(after, "至到")) {
		// 比重从17.9%提升到35.5%: with no year of its own the starting
		// value is the base of the figure it rises or falls to, not a
		// second card of the same name and year.
		st.from, st.fromPer = p.From+tk.Value+tk.Unit, p.PerUnit
		st.subject = name
		return
	}
	if st.from != "" && p.Base == "" {
		if p.PerUnit == "" {
			p.PerUnit = st.fromPer // 由每人每年94元提高至99元: 元/人·年 both
		}
		// 专项数量从97个精简为75个: the verb between the two values is
		// the verb, the name the subject of the starting value.
		if p.Name != "" && utf8.RuneCountInString(p.Name) <= 2 {
			name, p.Verb = st.subject, p.Name+p.Verb
		}
		p.Base, st.from = st.from, ""
	}
	st.addEach(name, tk, p)
}

// ofForm names a figure of a form of its own: a ratio, a rank, a
// completion rate, a share, a comparison or a count before its noun. It
// reports whether the figure was one (a rate applied, 按50%, is no figure).
func (st *sentenceState) ofForm(before string, tk token, after string) bool {
	switch tk.Kind {
	case "ratio":
		p := naming.Read(before)
		p.Kind = "ratio"
		st.add(p.Name, tk, p)
		return true
	case "rank":
		name, scope := st.rankName(before)
		st.add(name, tk, naming.Phrase{Kind: "rank", Verb: "居", Base: scope})
		return true
	}
	b := naming.TrimPunct(naming.DropFootnotes(before))
	if strings.HasSuffix(b, "按") {
		return true // 按50%税额幅度减征: a rate applied, not a figure of the year
	}
	if m := completionRe.FindStringSubmatch(b); m != nil {
		// 为预算的96.4%: the subject's; 隐性债务化解完成年度计划的166.9%: the
		// work named before the verb.
		name := st.subject
		if m[1] != "" {
			if n := naming.Read(m[1]).Name; n != "" {
				name = n
			}
		}
		st.add(name, tk, naming.Phrase{Kind: "completion", Verb: m[2] + m[3], Base: m[3]})
		return true
	}
	if b == "占比" || b == "占比为" || b == "占比达" {
		st.add(st.subject, tk, naming.Phrase{Kind: "share", Verb: "占比"})
		return true
	}
	if m := shareRe.FindStringSubmatch(b); m != nil && !figure.StartsAny(m[2], []string{"用", "地", "有", "领", "据"}) {
		name := naming.Read(m[1]).Name
		if name == "" {
			name = st.subject
		} else {
			st.subject = name
		}
		st.add(name, tk, naming.Phrase{Kind: "share", Verb: "占", Base: m[2]})
		return true
	}
	if p, ok := st.comparison(b); ok {
		st.add(p.Name, tk, p)
		return true
	}
	if figure.IsClassifier(tk.Unit) && !strings.HasSuffix(b, "从") {
		a := strings.TrimSpace(after)
		if r, _ := utf8.DecodeRuneInString(a); (figure.IsHan(r) || figure.IsDigit(r)) && r != '的' {
			st.countFirst(before, tk, a)
			return true
		}
	}
	return false
}

// nameAround completes the name before a figure with the noun after it: of
// an attribute (总投资341亿元的重点项目), the object of a verb (输送800亿立方
// 米源头活水) or of a work verb alone (巩固提升80万亩蔬菜应急保供基地).
func nameAround(name string, tk token, after string) string {
	if tk.Attribute && tk.Bound == "" && utf8.RuneCountInString(name) <= 3 {
		// 总投资341亿元的重点项目: the figure belongs to the noun after 的. A
		// bound (75万吨以内的任务目标) or a full name before it says otherwise.
		noun := naming.Read(strings.TrimPrefix(after, "的")).Name
		name = noun + name
	} else if noun := nounAfter(after); noun != "" && !tk.Attribute && figure.EndsWithObjectVerb(name) {
		// 每年向下游输送800亿立方米源头活水: the object completes the name.
		name += noun
	} else if slices.Contains(workVerbs, name) && !tk.Attribute {
		// 巩固提升80万亩蔬菜应急保供基地: a verb alone before the figure, the
		// noun after it.
		if noun := nounAfter(after); noun != "" {
			name = noun
		}
	}
	return name
}

// addEach adds the figure for each name it holds for: 旅游人次和花费增长均超
// 20%, 开工率和投资完成率两个100%; else for name.
func (st *sentenceState) addEach(name string, tk token, p naming.Phrase) {
	if x, y, ok := strings.Cut(name, "和"); ok && p.Each && utf8.RuneCountInString(y) < utf8.RuneCountInString(x) && !strings.Contains(y, "和") {
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
		if !figure.IsHan(r) && !figure.IsLatin(r) && !figure.IsDigit(r) || r == '的' || figure.StartsAny(s[i:], nounStops) {
			stop = i
			break
		}
		i += n
	}
	return naming.Unquote(s[:stop])
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
		return naming.Topic(st.subject) + name
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
	noun, verb, pred := st.countNoun(after)
	name := ownedBy(before, countName(before, tk, noun, verb, pred))
	// A list of counts: 63个区重点、37个市重大、11个省级重点项目.
	// The text before a count of a list is the noun of the count before it
	// and a separator: 区重点、|37个.
	gap := strings.TrimSpace(before)
	if len(st.list) > 0 && figure.EndsAny(gap, []string{"、", "和", "及", "与"}) {
		st.list = append(st.list, len(st.out))
	} else {
		st.completeList()
		st.list = []int{len(st.out)}
	}
	st.add(name, tk, naming.Phrase{Kind: "level"})
	if len(st.out) == 0 || st.out[len(st.out)-1].Value != tk.Value {
		st.list = st.list[:len(st.list)-1]
	}
	st.subject = name
}

// countNoun cuts the text after a count into the noun of what is counted,
// the word that ends it (a verb, 和, 及 …) and the predicate.
func (st *sentenceState) countNoun(after string) (noun, verb, pred string) {
	stop := len(after)
	for i := 0; i < len(after); {
		for _, v := range nounStops {
			if strings.HasPrefix(after[i:], v) {
				if v == "和" || v == "及" {
					// 19个老旧小区和3条背街小巷, but 国际及地区客货运航线.
					if d, _ := utf8.DecodeRuneInString(after[i+len(v):]); !figure.IsDigit(d) && i+len(v) < len(after) {
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
	noun = after[:stop]
	pred = after[stop:]
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
		if r, _ := utf8.DecodeRuneInString(st.rest[len(after):]); figure.IsDigit(r) {
			next := st.rest[len(after):]
			for i := 0; i < len(next); {
				// 8所高校14个学科入选…名单: 入选…名单高校.
				if figure.StartsAny(next[i:], []string{"实现", "完成", "入选", "进入", "获批", "纳入", "列入"}) {
					verb, pred = "实现", next[i:]
					break
				}
				_, n := utf8.DecodeRuneInString(next[i:])
				i += n
			}
		}
	}
	return noun, verb, pred
}

// countName names a count from its noun, the word that ends the noun and
// the predicate.
func countName(before string, tk token, noun, verb, pred string) string {
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
		if b := naming.Read(before); figure.EndsAny(b.Name, reachVerbs) {
			name = b.Name + noun
		} else if b.Name != "" && slices.Contains(reachVerbs, b.Verb) {
			name = b.Name + b.Verb + noun // 绿电外送拓展至22个省区市
		}
	case utf8.RuneCountInString(noun) <= 2:
		pred = naming.TrimAdverbs(pred)
		pred = strings.TrimSuffix(strings.TrimSuffix(strings.TrimPrefix(pred, "实现"), "任务"), "名单")
		if i := strings.Index(pred, "进行"); i > 0 {
			// 对18家获得省级名牌产品的中小企业进行奖励: what is done to
			// them is not what they are.
			pred = pred[:i]
		}
		if noun == "" && (tk.Unit == "户" || tk.Unit == "人" || tk.Unit == "名") {
			noun = tk.Unit
		}
		name = pred + noun
	default:
		name = noun
		// 自贸试验区159项改革试验任务: a noun before the count owns the
		// things counted.
		if b := naming.Read(before); b.Name != "" && b.Verb == "" && b.PreBound == "" && !strings.ContainsAny(before, "，,、的等") &&
			!naming.IsLeadWord(b.Name) && !figure.EndsAny(b.Name, []string{"全市", "全区", "全省", "全县"}) {
			name = b.Name + noun
		}
	}
	return name
}

// ownedBy completes a count's name with what owns the things counted,
// written before the count and 的 (对新增的557家规上企业).
func ownedBy(before, name string) string {
	name = naming.Unquote(name)
	for _, w := range []string{"建设", "进度"} {
		name = strings.TrimSuffix(name, w)
	}
	if b := strings.TrimSpace(before); strings.HasSuffix(b, "的") {
		b = strings.TrimSuffix(b, "的")
		for _, p := range []string{"对", "在", "为"} {
			b = strings.TrimPrefix(b, p)
		}
		if c := naming.Read(b); c.Name != "" {
			name = c.Name + "的" + name
		} else if c.Verb != "" && !strings.ContainsAny(b, "，,、") {
			name = c.Verb + name // 新增的规上企业: the work done stays
		}
	}
	return name
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
	b := naming.TrimPunct(before)
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
	metric = naming.Unquote(naming.TrimLead(strings.ReplaceAll(metric, "同比", "")))
	if metric == "" || slices.Contains(genericNames, metric) {
		metric = naming.Topic(st.subject) + metric
	}
	return metric + scope + "排名", scope
}

// comparison recognises a figure against a benchmark: "好于全市5.7个百分点"
// (name 一般公共预算收入 from the figure before, verb 好于, base 全市),
// "超目标任务31.9亿元".
func (st *sentenceState) comparison(b string) (naming.Phrase, bool) {
	for _, c := range comparators {
		i := strings.Index(b, c.word)
		if i < 0 {
			continue
		}
		scope := b[i+len(c.word):]
		if scope == "" || utf8.RuneCountInString(scope) > 8 {
			continue
		}
		if c.word == "超" && !figure.ContainsAny(scope, []string{"目标", "计划", "预期"}) {
			continue
		}
		base := naming.Read(b[:i]).Name
		if base == "" {
			base = st.subject
		}
		return naming.Phrase{Name: base, Kind: "comparison", Dir: c.dir, Verb: c.word, Base: scope}, true
	}
	return naming.Phrase{}, false
}

// respectively handles a 分别 clause: names before 分别, figures after it, in
// order. It reports whether it did.
func (st *sentenceState) respectively(c string, figures []token) bool {
	at := strings.Index(c, "分别")
	if at < 0 || at > figures[0].Start {
		return false
	}
	if st.fromTo(c, at, figures) {
		return true
	}
	p := naming.Read(c[at+len("分别") : figures[0].Start])
	names := naming.Split(naming.Read(c[:at]).Name, len(figures))
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
	lead := strings.TrimSpace(c[at+len("分别") : figures[0].Start])
	k := len(figures) / 2
	if !figure.StartsAny(lead, []string{"从", "由"}) || len(figures)%2 != 0 || k < 2 {
		return false
	}
	from := lead[:len("从")] // 从 or 由, both three bytes
	subject := naming.Read(c[:at]).Name
	names := naming.Split(subject, k)
	if names == nil {
		// One name for all: the values must tell themselves apart by
		// their units (645元/月、4318元/年).
		units := map[string]bool{}
		for _, tk := range figures[k:] {
			units[tk.Unit] = true
		}
		if subject == "" || len(units) != k {
			return false
		}
		for range k {
			names = append(names, subject)
		}
	}
	start := naming.Read(lead)
	end := naming.Read(c[figures[k-1].End:figures[k].Start])
	if end.Verb == "" {
		return false
	}
	if end.PerUnit == "" {
		end.PerUnit = start.PerUnit // 由每人每月151元…提高至171元
	}
	for i := range k {
		e := end
		if start.Year != "" {
			st.add(names[i], figures[i], naming.Phrase{Kind: "level", Year: start.Year, PerUnit: start.PerUnit})
		} else {
			e.Base = from + figures[i].Value + figures[i].Unit
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
		if rest == "" || utf8.RuneCountInString(rest) > 12 || strings.ContainsFunc(rest, figure.IsDigit) {
			continue
		}
		p := naming.Read(c[:i])
		if p.Name == "" {
			continue
		}
		p.PreBound = b
		st.add(p.Name, token{Figure: figure.Figure{Value: rest}}, p)
		return
	}
}

func isHeadline(name, kind string) bool {
	return (kind == "level" || kind == "change" || kind == "target") && slices.Contains(headlineNames, name)
}
