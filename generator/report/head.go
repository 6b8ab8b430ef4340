package report

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"unicode/utf8"

	"reportsite/generator/content"
)

// The metadata keys of the 信息公开 block, longest first so that 发文日期
// wins over 发文.
var metaKeyRe = regexp.MustCompile(`(?:^|[\s|｜]+)(发文日期|发文机关|发文字号|发文单位|发布日期|发布时间|发布机构|发布单位|成文日期|文件名称|文件编号|信息来源|主题分类|体裁分类|组配分类|服务对象|公文种类|生效日期|废止日期|效力状态|公开方式|公开范围|公开时限|所属机构|浏览次数|点击数|索引号|有效性|主题词|关键词|标题|名称|文号|来源|作者)[ \t\x{3000}]*(?:[:：]|$|[ \t\x{3000}])`)

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
	case "发布日期", "发布时间":
		return "published"
	case "浏览次数", "点击数":
		return "drop"
	}
	return "other"
}

var (
	dateRe = regexp.MustCompile(`^([0-9]{4})\s*[-年/.．]\s*([0-9]{1,2})\s*[-月/.．]\s*([0-9]{1,2})\s*日?`)
	// The meeting line under the title: "——2021年3月12日在…会议上", or the
	// same in parentheses, or a bare date.
	meetingRe = regexp.MustCompile(`^(?:[—─－\-~～]{1,2}\s*\S|[（(].*(?:会议|大会|[0-9０-９]{4}年).*[）)]$|[0-9０-９]{4}年.*(?:会议|大会)|[0-9０-９]{4}年[0-9０-９]{1,2}月[0-9０-９]{1,2}日$)`)
	// The speaker line: an office and a name, "区发展改革局局长  董建生".
	speakerRe = regexp.MustCompile(`^[^\s。，,；;：:！!？?]{1,30}(?:长|主任|书记|主席|委员|厅长|局长|部长|秘书长|主任委员|负责人)[ \t\x{3000}]*[\p{Han}·]{2,5}$`)
	// The salutation: "各位代表：", "各位代表、各位委员：", "同志们：".
	salutationRe = regexp.MustCompile(`^(?:尊敬的)?(?:各位|同志们)[^。，,；;]{0,20}[:：!！]?$`)
	// A title set with a space between its characters: "政 府 工 作 报 告".
	spacedRe   = regexp.MustCompile(`^(?:\p{Han}[ \t\x{3000}]+){2,}\p{Han}$`)
	sentenceRe = regexp.MustCompile(`[。，,；;！!？?]`)
	orgRe      = regexp.MustCompile(`(?:局|委|委员会|办公室|办|人民政府|政府|厅|部|网|网站|门户网站|门户|中心|院|人大|政协)$`)
	docNoRe    = regexp.MustCompile(`[〔\[［(（][0-9０-９]{4}[〕\]］)）]|[0-9０-９]+号$`)
	indexNoRe  = regexp.MustCompile(`^[0-9A-Za-z][0-9A-Za-z\-/_.]*$`)
)

// A field is a text value of the title block kept in front matter, with its
// source, for proofreading.
type field struct {
	key string // the front matter key: "title", "report.meeting", …
	u   unit
}

// head is what the lines before the report's text say about it.
type head struct {
	title     string // 标题, or the title block's title
	report    content.Report
	fields    []field
	published string // 发布日期 as a date, to compare with 发文日期
	end       int    // index of the first body line
	text      []int  // head lines that are none of the above: kept as text
	warnings  []Warning
}

// headLimit bounds the search for the title block, so that a file without
// one is not scanned to its end.
const headLimit = 80

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
		keys = append(keys, s[m[2]:m[3]])
		values = append(values, strings.TrimFunc(s[m[1]:end], func(r rune) bool { return isSpace(r) || r == '|' || r == '｜' }))
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
		return isoDate(v) != ""
	case "drop":
		_, ok := arabic(strings.TrimSuffix(v, "次"))
		return ok
	}
	return n <= 40 && !sentenceRe.MatchString(v) && !meetingRe.MatchString(v) && !speakerRe.MatchString(v)
}

// isoDate returns the date that s starts with as YYYY-MM-DD, or "".
func isoDate(s string) string {
	s = foldDigits(s)
	m := dateRe.FindStringSubmatch(s)
	if m == nil {
		return ""
	}
	y, _ := arabic(m[1])
	mo, _ := arabic(m[2])
	d, _ := arabic(m[3])
	if mo < 1 || mo > 12 || d < 1 || d > 31 {
		return ""
	}
	return fmt.Sprintf("%04d-%02d-%02d", y, mo, d)
}

func foldDigits(s string) string {
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

// parseHead reads the metadata and the title block at the start of the file
// and finds where the report's text begins. drop receives the reason for each
// line left out.
func parseHead(name string, lines []line, drop []string) *head {
	h := &head{}
	limit := min(len(lines), headLimit)
	// The head ends at the salutation, or before the first numbered heading
	// or long sentence; a file without either has no head.
	stop := limit
	salute := -1
	for i := 0; i < limit; i++ {
		t := lines[i].text
		if t == "" {
			continue
		}
		if salutationRe.MatchString(t) && utf8.RuneCountInString(t) <= 27 {
			salute = i
			stop = i + 1
			break
		}
		if k := labelAt(t).kind; k == partLabel || k == subLabel {
			stop = i
			break
		}
		if !isMetaLine(t) && (utf8.RuneCountInString(t) > 100 || strings.HasSuffix(t, "。")) {
			stop = i
			break
		}
	}

	// Metadata first: the title and the publisher tell a repeated title
	// and a site name apart from text.
	role := make([]headRole, stop)
	var pendingField, pendingKey string
	pending := -1
	seen := map[string]string{}
	set := func(i int, key, v string, off int) {
		f := metaField(key)
		if old, dup := seen[key]; dup {
			if old != v && v != "" {
				h.warn(name, lines[i], off, KindMetadata, fmt.Sprintf("%s is given twice; keeping %q, not %q", key, old, v))
			}
			return
		}
		seen[key] = v
		switch f {
		case "title":
			h.title = v
			u := lines[i].unit()
			h.fields = append(h.fields, field{"title", u.slice(off, off+len(v))})
		case "index_no":
			h.report.IndexNo = v
		case "doc_no":
			h.report.DocNo = v
		case "issued", "written":
			d := isoDate(v)
			if d == "" && v != "" {
				h.warn(name, lines[i], off, KindMetadata, fmt.Sprintf("%s %q is not a date; kept as printed", key, v))
				d = v
			}
			if f == "issued" {
				h.report.Issued = d
			} else {
				h.report.Written = d
			}
		case "publisher":
			h.report.Publisher = v
		case "published":
			h.published = isoDate(v)
			if h.report.Other == nil {
				h.report.Other = map[string]string{}
			}
			h.report.Other[key] = v
		case "drop":
		default:
			if h.report.Other == nil {
				h.report.Other = map[string]string{}
			}
			h.report.Other[key] = v
		}
	}
	for i := 0; i < stop; i++ {
		t := lines[i].text
		switch {
		case t == "":
			role[i] = roleBlank
			continue
		case lineFurniture(t) != "":
			role[i] = roleDrop
			drop[i] = lineFurniture(t)
			continue
		}
		if pending >= 0 && !isMetaLine(t) && plausible(pendingField, t) {
			role[i] = roleMeta
			set(i, pendingKey, t, 0)
			pending = -1
			continue
		}
		if pending >= 0 {
			set(pending, pendingKey, "", len(lines[pending].text))
			pending = -1
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
			off := strings.Index(t, values[k])
			if values[k] == "" {
				off = len(t)
			}
			set(i, keys[k], values[k], off)
		}
	}
	if pending >= 0 {
		set(pending, pendingKey, "", len(lines[pending].text))
	}
	if h.published != "" && h.published == h.report.Issued {
		// 发布日期 repeats 发文日期: furniture, not metadata.
		for k := range h.report.Other {
			if metaField(k) == "published" {
				delete(h.report.Other, k)
			}
		}
		if len(h.report.Other) == 0 {
			h.report.Other = nil
		}
	}

	// The title block.
	var groups [][]int // title lines, a group per title (one may take two lines)
	var meeting []unit
	var text []int
	firstText := true
	for i := 0; i < stop; i++ {
		if role[i] != roleText {
			if role[i] == roleMeta && h.published != "" && h.published == h.report.Issued {
				if keys, _ := metaPairs(lines[i].text); len(keys) == 1 && metaField(keys[0]) == "published" {
					role[i] = roleDrop
					drop[i] = dropRepeat
				}
			}
			if role[i] != roleBlank {
				firstText = false
			}
			continue
		}
		t := lines[i].text
		switch {
		case i == salute:
			role[i] = roleSalutation
			h.report.Salutation = t
			h.fields = append(h.fields, field{"report.salutation", lines[i].unit()})
		case h.title != "" && t == h.title:
			role[i] = roleDrop
			drop[i] = dropTitleCopy
		case spacedRe.MatchString(t) || isTitleLine(t):
			role[i] = roleTitle
			if n := len(groups); n > 0 && role[i-1] == roleTitle && !isTitleLine(lines[i-1].text) {
				groups[n-1] = append(groups[n-1], i)
			} else {
				groups = append(groups, []int{i})
			}
		case i+1 < stop && role[i+1] == roleText && isTitleStart(t, lines[i+1].text) && isTitleLine(lines[i+1].text) &&
			!strings.HasPrefix(t, "—") && lines[i+1].text != h.title:
			// The first line of a title printed on two lines.
			role[i] = roleTitle
			groups = append(groups, []int{i})
		case meetingRe.MatchString(t) && utf8.RuneCountInString(t) <= 100 && h.report.Salutation == "":
			role[i] = roleMeeting
			meeting = append(meeting, lines[i].unit())
		case len(meeting) > 0 && role[i-1] == roleMeeting && strings.HasSuffix(t, "上") && utf8.RuneCountInString(t) <= 60:
			// The meeting line wrapped.
			role[i] = roleMeeting
			meeting = append(meeting, lines[i].unit())
		case h.report.Speaker == "" && speakerRe.MatchString(t) && utf8.RuneCountInString(t) <= 40:
			role[i] = roleSpeaker
			h.report.Speaker = t
			h.fields = append(h.fields, field{"report.speaker", lines[i].unit()})
		case t == h.report.Publisher || firstText && utf8.RuneCountInString(t) <= 30 && !sentenceRe.MatchString(t) && orgRe.MatchString(t):
			role[i] = roleDrop
			drop[i] = dropSiteName
		default:
			text = append(text, i)
		}
		firstText = false
	}
	// The last title is the title block's; earlier ones that say the same
	// are the page's heading, and any other is kept as text.
	if n := len(groups); n > 0 {
		u := titleUnit(lines, groups[n-1])
		compact := compactTitle(u.text)
		if h.title == "" {
			// The web page's own heading ("2021年某某市政府工作报告") says
			// more than the title block ("政府工作报告"): it is the title.
			for _, g := range groups[:n-1] {
				if t := titleUnit(lines, g); strings.Contains(compactTitle(t.text), compact) && compactTitle(t.text) != compact {
					h.title = compactTitle(t.text)
					h.fields = append(h.fields, field{"title", t})
					break
				}
			}
		}
		switch {
		case h.title == "":
			h.title = compact
			h.fields = append(h.fields, field{"title", u})
			if compact != u.text {
				h.report.Heading = u.text
				h.fields = append(h.fields, field{"report.heading", u})
			}
		case compact != h.title:
			h.report.Heading = u.text
			h.fields = append(h.fields, field{"report.heading", u})
		}
		for _, g := range groups[:n-1] {
			c := compactTitle(titleUnit(lines, g).text)
			for _, i := range g {
				if c == h.title || c == compact {
					role[i] = roleDrop
					drop[i] = dropTitleCopy
				} else {
					role[i] = roleText
					text = append(text, i)
				}
			}
		}
	}
	if len(meeting) > 0 {
		u := joinUnits(meeting)
		h.report.Meeting = u.text
		h.fields = append(h.fields, field{"report.meeting", u})
	}
	h.end = stop
	if salute < 0 {
		// Without a salutation the text starts after the last line of the
		// title block.
		h.end = 0
		for i := 0; i < stop; i++ {
			if role[i] != roleText && role[i] != roleBlank {
				h.end = i + 1
			}
		}
	}
	slices.Sort(text)
	for _, i := range text {
		if i < h.end {
			h.text = append(h.text, i)
			h.warn(name, lines[i], 0, KindStructure, "line before the report's text kept as its first paragraph: is it page furniture?")
		}
	}
	sortFields(h.fields)
	return h
}

// isTitleLine reports a line that reads as a report's title.
func isTitleLine(t string) bool {
	n := utf8.RuneCountInString(t)
	return n <= 60 && strings.Contains(t, "报告") && !sentenceRe.MatchString(t) && !meetingRe.MatchString(t)
}

// isTitleStart reports the first line of a title printed on two lines:
// long enough to have been cut, and followed by a line that is not a whole
// title of its own.
func isTitleStart(t, next string) bool {
	n := utf8.RuneCountInString(t)
	return n >= 8 && n <= 40 && !sentenceRe.MatchString(t) && strings.ContainsFunc(t, isHan) &&
		labelAt(t).kind == noLabel && !isMetaLine(t) && !strings.HasPrefix(next, "关于")
}

func titleUnit(lines []line, g []int) unit {
	us := make([]unit, len(g))
	for k, i := range g {
		us[k] = lines[i].unit()
	}
	return joinUnits(us)
}

// compactTitle removes the spaces of a spaced-out title.
func compactTitle(s string) string {
	if !spacedRe.MatchString(s) {
		return s
	}
	return strings.Map(func(r rune) rune {
		if isSpace(r) {
			return -1
		}
		return r
	}, s)
}

// joinUnits joins the lines of a title or meeting line printed on several.
func joinUnits(us []unit) unit {
	var j joiner
	for _, u := range us {
		j.add(u, true)
	}
	return j.unit()
}

func sortFields(fs []field) {
	order := map[string]int{"title": 0, "report.heading": 1, "report.meeting": 2, "report.speaker": 3, "report.salutation": 4}
	for i := 1; i < len(fs); i++ {
		for j := i; j > 0 && order[fs[j].key] < order[fs[j-1].key]; j-- {
			fs[j], fs[j-1] = fs[j-1], fs[j]
		}
	}
}

func (h *head) warn(name string, l line, off int, kind, msg string) {
	h.warnings = append(h.warnings, Warning{
		Path: name, Line: l.num, Col: l.col + utf8.RuneCountInString(l.text[:off]),
		Kind: kind, Message: msg, Context: context(l.text, off, off),
	})
}

// addressee returns how the closing paragraphs open, from the salutation:
// "各位代表" for "尊敬的各位代表、各位委员：".
func addressee(salutation string) string {
	a := strings.TrimPrefix(salutation, "尊敬的")
	if k := strings.IndexAny(a, "、，,：:！!"); k >= 0 {
		a = a[:k]
	}
	if a == "" {
		return "各位代表"
	}
	return a
}
