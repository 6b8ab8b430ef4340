package frame

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"unicode/utf8"

	"reportsite/generator/content"
	"reportsite/generator/report/lex"
	"reportsite/generator/report/proofread"
)

// metaKeys are the metadata keys of the 信息公开 block and of an article
// page's info line, longest first so that 发文日期 wins over 发文.
var metaKeys = []string{"发文日期", "发文机关", "发文字号", "发文单位", "发布日期", "发布时间", "发布机构", "发布单位", "成文日期",
	"文件名称", "文件编号", "信息来源", "主题分类", "体裁分类", "组配分类", "服务对象", "公文种类", "生效日期", "废止日期", "效力状态",
	"公开方式", "公开形式", "公开范围", "公开时限", "所属机构", "浏览次数", "生成日期", "责任编辑", "网络编辑", "文字大小", "字体大小",
	"责任部门", "点击数", "浏览量", "索引号", "有效性", "主题词", "关键词", "标题", "名称", "文号", "来源", "作者", "日期", "时间",
	"摘要", "浏览", "字体", "字号"}

// metaKeyRe finds a key: at the start of a line or after white space or a
// bar, followed by a colon, white space or the line's end; or anywhere,
// followed by a colon ("来源：预算处发布时间：…"). A key may be printed with
// spaces between its characters ("索  引  号").
var metaKeyRe = func() *regexp.Regexp {
	spaced := make([]string, len(metaKeys))
	for i, k := range metaKeys {
		rs := []rune(k)
		parts := make([]string, len(rs))
		for j, r := range rs {
			parts[j] = string(r)
		}
		spaced[i] = strings.Join(parts, `[ \t\x{3000}]*`)
	}
	keys := strings.Join(spaced, "|")
	return regexp.MustCompile(`(?:^|[\s|｜]+)(` + keys + `)[ \t\x{3000}]*(?:[:：]|$|[ \t\x{3000}])|(` + strings.Join(metaKeys, "|") + `)[ \t\x{3000}]*[:：]`)
}()

// metaField says where the value of a metadata key goes: a Report field,
// "title", "published" (compared with 发文日期), "drop" (counters) or, for
// the other keys, "other".
func metaField(key string) string {
	switch key {
	case "标题", "名称", "文件名称":
		return "title"
	case "索引号":
		return "index_no"
	case "文号", "发文字号", "文件编号":
		return "doc_no"
	case "发文日期":
		return "issued"
	case "成文日期":
		return "written"
	case "发布机构", "发文机关", "发文单位", "发布单位":
		return "publisher"
	case "发布日期", "发布时间", "生成日期", "日期", "时间":
		return "published"
	case "来源", "信息来源":
		return "source"
	case "浏览次数", "点击数", "浏览量", "浏览", "字体", "字号", "字体大小", "文字大小", "责任编辑", "网络编辑", "作者", "摘要":
		return "drop"
	}
	return "other"
}

var (
	dateRe = regexp.MustCompile(`^([0-9]{4})\s*[-年/.．]\s*([0-9]{1,2})\s*[-月/.．]\s*([0-9]{1,2})\s*日?`)
	// The meeting line under the title: "——2021年3月12日在…会议上", or the
	// same in parentheses, or a bare date.
	meetingRe = regexp.MustCompile(`^(?:[—─―－\-~～]{1,2}\s*\S|[0-9０-９]{4}年[0-9０-９]{1,2}月[0-9０-９]{1,2}日在|在\p{Han}.{0,40}(?:会议|大会)上$|[（(].*(?:会议|大会|[0-9０-９]{4}年).*[）)]$|[0-9０-９]{4}年.*(?:会议|大会)|[0-9０-９]{4}年[0-9０-９]{1,2}月[0-9０-９]{1,2}日$)`)
	// The speaker line: an office and a name, "区发展改革局局长  董建生".
	speakerRe = regexp.MustCompile(`^[^\s。，,；;：:！!？?]{1,30}(?:长|主任|书记|主席|委员|厅长|局长|部长|秘书长|主任委员|负责人)[ \t\x{3000}]*[\p{Han}·]{2,5}$`)
	// The salutation: "各位代表：", "各位代表、各位委员：", "同志们：".
	salutationRe = regexp.MustCompile(`^(?:尊敬的)?(?:各位|同志们)[^。，,；;]{0,20}[:：!！]?$`)
	// A salutation that names several offices: "主任、各位副主任、秘书长、各位委员：".
	salutation2Re = regexp.MustCompile(`^(?:尊敬的)?(?:\p{Han}{1,8}[、，,])+(?:各位|同志们)[^。，,；;！!？?]{0,20}[:：]$`)
	// A date alone on a line, with or without a time: the page's date.
	dateLineRe = regexp.MustCompile(`^[0-9０-９]{4}\s*[-年/.]\s*[0-9０-９]{1,2}\s*[-月/.]\s*[0-9０-９]{1,2}\s*日?(?:\s+[0-9]{1,2}\s*[:时]\s*[0-9]{1,2}(?:\s*[:分]\s*(?:[0-9]{1,2}\s*秒?)?)?)?$`)
	// A title followed by the meeting line in parentheses on its line.
	titleMeetingRe = regexp.MustCompile(`^(.*报告)[（(][^（）()]*(?:会议|大会)上?[）)]$`)
	// The document header of a meeting's papers: "市十五届人大五次",
	// "会议文件（十二）".
	docHeaderRe = regexp.MustCompile(`文件\s*[（(]|^\p{Han}{0,12}届人大\p{Han}{0,6}$|^[（(]?[0-9０-９一二三四五六七八九十]+[）)]$`)
	// A title set with a space between its characters: "政 府 工 作 报 告".
	spacedRe   = regexp.MustCompile(`^(?:\p{Han}[ \t\x{3000}]+){2,}\p{Han}$`)
	sentenceRe = regexp.MustCompile(`[。，,；;！!？?]`)
	orgRe      = regexp.MustCompile(`(?:局|委|委员会|办公室|办|人民政府|政府|厅|部|网|网站|门户网站|门户|中心|院|人大|政协)$`)
	docNoRe    = regexp.MustCompile(`[〔\[［(（][0-9０-９]{4}[〕\]］)）]|[0-9０-９]+号$`)
	indexNoRe  = regexp.MustCompile(`^[0-9A-Za-z][0-9A-Za-z\-/_.]*$`)
)

// A Field is a text value of the title block kept in front matter, with its
// source, for proofreading.
type Field struct {
	key  string // the front matter key: "title", "report.meeting", …
	Unit lex.Unit
}

// Head is what the lines before the report's text say about it.
type Head struct {
	Title    string // 标题, or the title block's title
	Report   content.Report
	Fields   []Field
	End      int   // index of the first body line
	Text     []int // head lines that are none of the above: kept as text
	Warnings []proofread.Warning
}

func isMetaLine(s string) bool {
	m := metaKeyRe.FindStringIndex(s)
	return m != nil && m[0] == 0
}

// metaPairs cuts a metadata line into key and value pairs: "索引号: X 文号:"
// gives (索引号, X) and (文号, "").
func metaPairs(s string) (keys, values []string) {
	ms := metaKeyRe.FindAllStringSubmatchIndex(s, -1)
	for i, m := range ms {
		end := len(s)
		if i+1 < len(ms) {
			end = ms[i+1][0]
		}
		k := m[2:4]
		if k[0] < 0 {
			k = m[4:6]
		}
		keys = append(keys, lex.Despace(s[k[0]:k[1]]))
		values = append(values, strings.TrimFunc(s[m[1]:end], func(r rune) bool { return lex.IsSpace(r) || r == '|' || r == '｜' }))
	}
	return keys, values
}

// plausible reports whether v, found on the line after a key that stands
// alone, can be that key's value.
func plausible(field, v string) bool {
	n := utf8.RuneCountInString(v)
	switch field {
	case "title":
		return n <= 100 && !strings.Contains(v, "。")
	case "index_no":
		return indexNoRe.MatchString(v)
	case "doc_no":
		return n <= 40 && docNoRe.MatchString(v)
	case "issued", "written", "published":
		return IsoDate(v) != ""
	case "drop":
		_, ok := lex.Arabic(strings.TrimSuffix(v, "次"))
		return ok
	case "source", "publisher":
		return n <= 40 && lex.Han(v) >= 2 && !sentenceRe.MatchString(v) && !meetingRe.MatchString(v) && IsoDate(v) == ""
	}
	return n <= 40 && !sentenceRe.MatchString(v) && !meetingRe.MatchString(v) && !speakerRe.MatchString(v)
}

// IsoDate returns the date that s starts with as YYYY-MM-DD, or "".
func IsoDate(s string) string {
	s = FoldDigits(s)
	m := dateRe.FindStringSubmatch(s)
	if m == nil {
		return ""
	}
	y, _ := lex.Arabic(m[1])
	mo, _ := lex.Arabic(m[2])
	d, _ := lex.Arabic(m[3])
	if mo < 1 || mo > 12 || d < 1 || d > 31 {
		return ""
	}
	return fmt.Sprintf("%04d-%02d-%02d", y, mo, d)
}

func FoldDigits(s string) string {
	if !strings.ContainsFunc(s, func(r rune) bool { return r >= '０' && r <= '９' }) {
		return s
	}
	return strings.Map(func(r rune) rune {
		if r >= '０' && r <= '９' {
			return r - '０' + '0'
		}
		return r
	}, s)
}

// headRole is what a line of the head is.
type headRole int

const (
	roleText headRole = iota
	roleBlank
	roleDrop
	roleMeta
	roleTitle
	roleMeeting
	roleSpeaker
	roleSalutation
)

// headSearch bounds the search for the salutation or the text that ends the
// head, so that a file without either is not scanned to its end: a web page
// may put a hundred lines of navigation before the title.
const headSearch = 400

// A headParser reads the head: lines[:stop], which end at the salutation
// (salute) when there is one.
type headParser struct {
	*Head
	name   string
	lines  []lex.Line
	drop   []string
	role   []headRole
	stop   int
	salute int
	seen   map[string]string
	// The page's dates (发布时间, 日期, a date alone) and sources (来源), in
	// file order: a portal's news lists print them too, so the ones after
	// the title are the report's.
	sources, dates []occurrence
	dateKeys       []string
	dateRaw        []string
	titleLine      int // the first line of the title, or of 标题; -1
	speakers       []int
}

// An occurrence is a value found on a line of the head.
type occurrence struct {
	line int
	v    string
}

// pick returns the first value at or after line from, or else the first.
func pick(os []occurrence, from int) (int, string) {
	for k, o := range os {
		if o.line >= from {
			return k, o.v
		}
	}
	if len(os) > 0 {
		return 0, os[0].v
	}
	return -1, ""
}

// ParseHead reads the metadata and the title block at the start of the file
// and finds where the report's text begins. drop receives the reason for each
// line left out.
func ParseHead(name string, lines []lex.Line, drop []string) *Head {
	p := &headParser{Head: &Head{}, name: name, lines: lines, drop: drop, seen: map[string]string{}, titleLine: -1}
	p.stop, p.salute = headExtent(lines)
	p.role = make([]headRole, p.stop)
	p.readMeta()
	p.readTitleBlock()
	p.finish()
	return p.Head
}

// headExtent finds the end of the head: the salutation, when one comes
// before the first part heading within headSearch lines; else the first
// numbered heading or long sentence within headSearch lines.
func headExtent(lines []lex.Line) (stop, salute int) {
	for i := 0; i < min(len(lines), headSearch); i++ {
		t := lines[i].Text
		if isSalutation(t) {
			return i + 1, i
		}
		if lex.LabelAt(t).Kind == lex.PartLabel && lineFurniture(t) == "" {
			break
		}
	}
	limit := min(len(lines), headSearch)
	for i := 0; i < limit; i++ {
		t := lines[i].Text
		if t == "" {
			continue
		}
		if k := lex.LabelAt(t).Kind; k == lex.PartLabel || k == lex.SubLabel {
			return i, -1
		}
		if !isMetaLine(t) && (utf8.RuneCountInString(t) > 100 || strings.HasSuffix(t, "。")) {
			return i, -1
		}
	}
	return limit, -1
}

// isSalutation reports the line that opens the speech: "各位代表：",
// "主任、各位副主任、秘书长、各位委员：".
func isSalutation(t string) bool {
	return utf8.RuneCountInString(t) <= 40 && (salutationRe.MatchString(t) && utf8.RuneCountInString(t) <= 27 || salutation2Re.MatchString(t))
}

// set records the value of a metadata key found on line i at byte offset off.
func (p *headParser) set(i int, key, v string, off int) {
	h, lines, name := p.Head, p.lines, p.name
	f := metaField(key)
	if old, dup := p.seen[key]; dup {
		if old != v && v != "" && old != "" {
			h.warn(name, lines[i], off, proofread.KindMetadata, fmt.Sprintf("%s is given twice; keeping %q, not %q", key, old, v))
		}
		if old != "" || v == "" {
			return
		}
	}
	switch f {
	case "source":
		if v != "" {
			p.sources = append(p.sources, occurrence{i, v})
		}
		return
	case "published":
		if d := IsoDate(v); d != "" {
			p.dates = append(p.dates, occurrence{i, d})
			p.dateKeys = append(p.dateKeys, key)
			p.dateRaw = append(p.dateRaw, v)
		}
		return
	}
	p.seen[key] = v
	switch f {
	case "title":
		h.Title = v
		p.titleLine = i
		u := lines[i].Unit()
		h.Fields = append(h.Fields, Field{"title", u.Slice(off, off+len(v))})
	case "index_no":
		h.Report.IndexNo = v
	case "doc_no":
		h.Report.DocNo = v
	case "issued", "written":
		d := IsoDate(v)
		if d == "" && v != "" {
			h.warn(name, lines[i], off, proofread.KindMetadata, fmt.Sprintf("%s %q is not a date; kept as printed", key, v))
			d = v
		}
		if f == "issued" {
			h.Report.Issued = d
		} else {
			h.Report.Written = d
		}
	case "publisher":
		h.Report.Publisher = v
	case "drop":
	default:
		if h.Report.Other == nil {
			h.Report.Other = map[string]string{}
		}
		h.Report.Other[key] = v
	}
}

// trimBullet removes a list bullet before a metadata key: "• 发布日期".
func trimBullet(t string) string {
	return strings.TrimLeftFunc(strings.TrimLeft(t, "•·●□■◆▪"), lex.IsSpace)
}

// readMeta reads the metadata lines of the head: "key: value" pairs, a key
// alone with its value on the next line, and a date alone on a line (the
// page's publication date).
func (p *headParser) readMeta() {
	lines, role, drop := p.lines, p.role, p.drop
	var pendingField, pendingKey string
	pending := -1
	for i := 0; i < p.stop; i++ {
		t := trimBullet(lines[i].Text)
		switch {
		case t == "":
			role[i] = roleBlank
			continue
		case lineFurniture(lines[i].Text) != "":
			role[i] = roleDrop
			drop[i] = lineFurniture(lines[i].Text)
			continue
		}
		if pending >= 0 && !isMetaLine(t) && plausible(pendingField, t) {
			role[i] = roleMeta
			p.set(i, pendingKey, t, strings.Index(lines[i].Text, t))
			pending = -1
			continue
		}
		if pending >= 0 {
			p.set(pending, pendingKey, "", len(lines[pending].Text))
			pending = -1
		}
		if dateLineRe.MatchString(t) && i != p.salute {
			role[i] = roleMeta
			p.set(i, "日期", t, 0)
			continue
		}
		if !isMetaLine(t) {
			continue
		}
		role[i] = roleMeta
		keys, values := metaPairs(t)
		if len(keys) == 1 && values[0] == "" {
			pending, pendingKey, pendingField = i, keys[0], metaField(keys[0])
			continue
		}
		for k := range keys {
			off := strings.Index(lines[i].Text, values[k])
			if values[k] == "" {
				off = len(lines[i].Text)
			}
			p.set(i, keys[k], values[k], off)
		}
	}
	if pending >= 0 {
		p.set(pending, pendingKey, "", len(lines[pending].Text))
	}
}

// keepText decides where the text starts and what becomes of the head's
// lines that are none of the above: before a salutation, or before the
// title, they are the page's furniture; others are kept as the first
// paragraphs, with a warning.
func (p *headParser) keepText(text []int) {
	h, lines, role := p.Head, p.lines, p.role
	h.End = p.stop
	if p.salute < 0 {
		// Without a salutation the text starts after the last line of the
		// title block.
		h.End = 0
		for i := 0; i < p.stop; i++ {
			if role[i] != roleText && role[i] != roleBlank {
				h.End = i + 1
			}
		}
	}
	slices.Sort(text)
	for _, i := range text {
		if i >= h.End {
			continue
		}
		if p.salute >= 0 || i < p.titleLine {
			p.drop[i] = dropHead
			continue
		}
		h.Text = append(h.Text, i)
		h.warn(p.name, lines[i], 0, proofread.KindStructure, "line before the report's text kept as its first paragraph: is it page furniture?")
	}
}

// finish sets the date of issue and the publisher from the page's dates and
// sources when the 信息公开 block has none, and sorts the fields.
func (p *headParser) finish() {
	h, lines, role, drop := p.Head, p.lines, p.role, p.drop
	k, d := pick(p.dates, p.titleLine)
	switch {
	case d != "" && d == h.Report.Issued:
		// 发布日期 repeats 发文日期: furniture, not metadata.
		for i := 0; i < p.stop; i++ {
			if role[i] == roleMeta {
				if keys, _ := metaPairs(lines[i].Text); len(keys) == 1 && metaField(keys[0]) == "published" {
					role[i] = roleDrop
					drop[i] = dropRepeat
				}
			}
		}
	case d != "" && h.Report.Issued == "":
		// Without 发文日期, the page's publication date is the date of issue.
		h.Report.Issued = d
	case d != "":
		if h.Report.Other == nil {
			h.Report.Other = map[string]string{}
		}
		h.Report.Other[p.dateKeys[k]] = p.dateRaw[k]
	}
	if _, src := pick(p.sources, p.titleLine); src != "" {
		if h.Report.Publisher == "" {
			h.Report.Publisher = src
		} else if src != h.Report.Publisher {
			if h.Report.Other == nil {
				h.Report.Other = map[string]string{}
			}
			h.Report.Other["来源"] = src
		}
	}
	sortFields(p.Fields)
}

func sortFields(fs []Field) {
	order := map[string]int{"title": 0, "report.heading": 1, "report.meeting": 2, "report.speaker": 3, "report.salutation": 4}
	for i := 1; i < len(fs); i++ {
		for j := i; j > 0 && order[fs[j].key] < order[fs[j-1].key]; j-- {
			fs[j], fs[j-1] = fs[j-1], fs[j]
		}
	}
}

func (h *Head) warn(name string, l lex.Line, off int, kind, msg string) {
	h.Warnings = append(h.Warnings, proofread.Warning{
		Path: name, Line: l.Num, Col: l.Col + utf8.RuneCountInString(l.Text[:off]),
		Kind: kind, Message: msg, Context: proofread.Context(l.Text, off, off),
	})
}

// Addressee returns how the closing paragraphs open, from the salutation:
// "各位代表" for "尊敬的各位代表、各位委员：".
func Addressee(salutation string) string {
	a := strings.TrimPrefix(salutation, "尊敬的")
	if k := strings.IndexAny(a, "、，,：:！!"); k >= 0 {
		a = a[:k]
	}
	if a == "" {
		return "各位代表"
	}
	return a
}
