package frame

import (
	"regexp"
	"strings"
	"unicode/utf8"

	"reportsite/generator/report/lex"
)

// The title block: the title (on up to four lines, or beside its meeting
// line), the meeting line, the speaker. See ParseHead.

// titleEnd splits a line that holds the title and the meeting line in
// parentheses: "关于…的报告（2026年1月21日在…会议上）". It returns the byte
// offset of the meeting, or -1.
func titleEnd(t string) int {
	m := titleMeetingRe.FindStringSubmatchIndex(t)
	if m == nil {
		return -1
	}
	return m[3]
}

// titleGroups finds the titles of the head: a line that reads as a title
// ("…报告"), with up to three lines before it that start it ("关于…" cut over
// lines). It returns the groups of line indexes and, per line, the offset of
// a meeting line that follows the title on it.
func (p *headParser) titleGroups() (groups [][]int, split map[int]int) {
	lines, role := p.lines, p.role
	split = map[int]int{}
	claimed := make([]bool, p.stop)
	for i := 0; i < p.stop; i++ {
		if role[i] != roleText || claimed[i] || i == p.salute {
			continue
		}
		t := lines[i].Text
		if k := titleEnd(t); k >= 0 {
			split[i] = k
			t = t[:k]
		}
		if p.Title != "" && compactTitle(t) == compactTitle(p.Title) {
			continue
		}
		if !isTitleLine(t) && !spacedRe.MatchString(t) {
			continue
		}
		if n := len(groups); n > 0 && spacedRe.MatchString(t) && i > 0 && claimed[i-1] && !isTitleLine(lines[i-1].Text) {
			// A spaced-out title printed on two lines.
			groups[n-1] = append(groups[n-1], i)
			claimed[i] = true
			continue
		}
		first := i
		for k := i - 1; k >= 0 && i-k <= 3; k-- {
			if role[k] != roleText || claimed[k] || !titlePiece(lines[k].Text) {
				break
			}
			first = k
			if strings.HasPrefix(lines[k].Text, "关于") {
				break
			}
		}
		if first < i-1 && !strings.HasPrefix(lines[first].Text, "关于") {
			first = i - 1
		}
		if first == i-1 && (!isTitleStart(lines[first].Text, t) || strings.HasPrefix(lines[first].Text, "—")) {
			first = i
		}
		var g []int
		for k := first; k <= i; k++ {
			g = append(g, k)
			claimed[k] = true
		}
		groups = append(groups, g)
	}
	return groups, split
}

// titlePiece reports a line that can be part of a title cut over lines.
func titlePiece(t string) bool {
	n := utf8.RuneCountInString(t)
	return n >= 2 && n <= 40 && !sentenceRe.MatchString(t) && strings.ContainsFunc(t, lex.IsHan) &&
		lex.LabelAt(t).Kind == lex.NoLabel && !isMetaLine(t) && !meetingRe.MatchString(lex.Despace(t)) && !listDateRe.MatchString(t) &&
		!strings.HasPrefix(t, "—") && !docHeaderRe.MatchString(lex.Despace(t))
}

// speakerPiece reports a line that can be the speaker or issuing body, or
// a part of it printed on two lines: an office, a body, a name.
func speakerPiece(t string) bool {
	n := utf8.RuneCountInString(t)
	return n <= 30 && !sentenceRe.MatchString(t) && !strings.ContainsAny(t, ":：（）()【】[]<>《》|•·●□■◆▪>＞/") &&
		!strings.ContainsFunc(t, lex.IsDigit) && lex.Han(t) >= 2 && !isWidget(t) && lex.LabelAt(t).Kind == lex.NoLabel &&
		!docHeaderRe.MatchString(lex.Despace(t)) && !isTitleLine(t) && !cnDateRe.MatchString(t)
}

// cnDateRe matches a date in Chinese numerals: "二〇二一年三月十二日".
var cnDateRe = regexp.MustCompile(`[〇○零一二三四五六七八九]{4}\s*年`)

// readTitleBlock finds the title, the meeting line, the speaker and the
// salutation among the head's lines that are not metadata.
func (p *headParser) readTitleBlock() {
	h := p.Head
	groups, split := p.titleGroups()
	meeting, text := p.titleBlockRoles(groups, split)
	after := p.pickTitle(groups, split, &text)
	if len(meeting.units) > 0 {
		u := joinUnits(meeting.units)
		h.Report.Meeting = u.Text
		h.Fields = append(h.Fields, Field{"report.meeting", u})
		after = max(after, meeting.last)
	}
	p.pickSpeaker(after, &text)
	p.keepText(text)
}

// meetingLine is the meeting line of a title block as it is read.
type meetingLine struct {
	units []lex.Unit
	open  bool // the meeting line so far does not end with 上
	last  int  // index of its last line, or -1
}

// titleBlockRoles gives the head's lines that are not metadata their
// roles in the title block (salutation, title, meeting line, speaker, a
// copy of the title or the site's name), and returns the meeting line and
// the lines that are none of these.
func (p *headParser) titleBlockRoles(groups [][]int, split map[int]int) (meetingLine, []int) {
	h, lines, role, drop := p.Head, p.lines, p.role, p.drop
	inGroup := map[int]bool{}
	for _, g := range groups {
		for _, i := range g {
			inGroup[i] = true
		}
	}
	m := meetingLine{last: -1}
	seenTitle := false
	var text []int
	firstText := true
	// The title block starts at the first title (or 标题): a meeting line
	// before it is a portal's news.
	start := p.titleLine
	if len(groups) > 0 && (start < 0 || groups[0][0] < start) {
		start = groups[0][0]
	}
	for i := 0; i < p.stop; i++ {
		if role[i] != roleText {
			if role[i] != roleBlank {
				firstText = false
				m.open = false
			}
			continue
		}
		t := lines[i].Text
		c := lex.Despace(t)
		switch {
		case i == p.salute:
			role[i] = roleSalutation
			h.Report.Salutation = t
			h.Fields = append(h.Fields, Field{"report.salutation", lines[i].Unit()})
		case inGroup[i]:
			role[i] = roleTitle
			seenTitle = true
			if k, ok := split[i]; ok {
				m.units = []lex.Unit{lines[i].Unit().Slice(k, len(t))}
				m.last = i
				m.open = false
			}
		case h.Title != "" && compactTitle(t) == compactTitle(h.Title):
			role[i] = roleDrop
			drop[i] = dropTitleCopy
			seenTitle = true
		case meetingRe.MatchString(c) && utf8.RuneCountInString(t) <= 100 && h.Report.Salutation == "" && i > start:
			// A new meeting line replaces one of an earlier copy of the
			// title block (a cover page).
			role[i] = roleMeeting
			m.last = i
			m.units = []lex.Unit{lines[i].Unit()}
			m.open = !meetingClosed(c)
			seenTitle = true
		case m.open && utf8.RuneCountInString(t) <= 60 && !sentenceRe.MatchString(t):
			// The meeting line wrapped.
			role[i] = roleMeeting
			m.last = i
			m.units = append(m.units, lines[i].Unit())
			m.open = !meetingClosed(c)
		case seenTitle && speakerPiece(t):
			role[i] = roleSpeaker
			p.speakers = append(p.speakers, i)
		case !seenTitle && (t == h.Report.Publisher || firstText && utf8.RuneCountInString(t) <= 30 && !sentenceRe.MatchString(t) && orgRe.MatchString(t)):
			role[i] = roleDrop
			drop[i] = dropSiteName
		default:
			text = append(text, i)
		}
		if role[i] != roleMeeting {
			m.open = false
		}
		firstText = false
	}
	return m, text
}

// meetingClosed reports a meeting line that is complete: "…会议上", "…会议上）".
func meetingClosed(c string) bool {
	return strings.HasSuffix(strings.TrimRight(c, "）)"), "上")
}

// pickTitle takes the last title of the head as the title block's; earlier
// ones that say the same are the page's heading, and any other is kept as
// text.
func (p *headParser) pickTitle(groups [][]int, split map[int]int, text *[]int) (last int) {
	h, lines, role, drop := p.Head, p.lines, p.role, p.drop
	unitOf := func(g []int) lex.Unit {
		u := titleUnit(lines, g)
		if k, ok := split[g[len(g)-1]]; ok && len(g) == 1 {
			u = u.Slice(0, k)
		}
		return u
	}
	n := len(groups)
	if n == 0 {
		return p.titleLine
	}
	g := groups[n-1]
	if p.titleLine < 0 {
		p.titleLine = g[0]
	}
	u := unitOf(g)
	compact := compactTitle(u.Text)
	if h.Title == "" {
		// The web page's own heading ("2021年某某市政府工作报告") says
		// more than the title block ("政府工作报告"): it is the title.
		for _, g := range groups[:n-1] {
			if t := unitOf(g); strings.Contains(compactTitle(t.Text), compact) && compactTitle(t.Text) != compact {
				h.Title = compactTitle(t.Text)
				h.Fields = append(h.Fields, Field{"title", t})
				break
			}
		}
	}
	switch {
	case h.Title == "":
		h.Title = compact
		h.Fields = append(h.Fields, Field{"title", u})
		if compact != u.Text && spacedRe.MatchString(u.Text) {
			// A spaced-out title ("政 府 工 作 报 告") is kept as printed;
			// a title with layout spaces ("2024 年") is not.
			h.Report.Heading = u.Text
			h.Fields = append(h.Fields, Field{"report.heading", u})
		}
	case compact != compactTitle(h.Title):
		h.Report.Heading = u.Text
		h.Fields = append(h.Fields, Field{"report.heading", u})
	}
	for _, g := range groups[:n-1] {
		c := compactTitle(unitOf(g).Text)
		for _, i := range g {
			if c == compactTitle(h.Title) || c == compact {
				role[i] = roleDrop
				drop[i] = dropTitleCopy
			} else {
				role[i] = roleText
				*text = append(*text, i)
			}
		}
	}
	return g[len(g)-1]
}

// pickSpeaker takes the speaker from the first candidate line after the
// title block (after line index after), joined with the next when the first
// is an office or body without a name ("石家庄市财政局局长" / "王东华");
// other candidates are text.
func (p *headParser) pickSpeaker(after int, text *[]int) {
	h, lines, role := p.Head, p.lines, p.role
	var us []lex.Unit
	last, open := -1, false
	for _, i := range p.speakers {
		switch {
		case i <= after:
		case len(us) == 0:
			us = append(us, lines[i].Unit())
			last, open = i, !speakerRe.MatchString(lines[i].Text)
			continue
		case open && adjacent(role, last, i):
			us = append(us, lines[i].Unit())
			open = false
			continue
		default:
			open = false
		}
		role[i] = roleText
		*text = append(*text, i)
	}
	if len(us) > 0 {
		u := joinUnits(us)
		h.Report.Speaker = u.Text
		h.Fields = append(h.Fields, Field{"report.speaker", u})
	}
}

// adjacent reports two lines with only blank lines between them.
func adjacent(role []headRole, i, j int) bool {
	for k := i + 1; k < j; k++ {
		if role[k] != roleBlank {
			return false
		}
	}
	return true
}

// isTitleLine reports a line that reads as a report's title.
func isTitleLine(t string) bool {
	n := utf8.RuneCountInString(t)
	return n <= 60 && (strings.Contains(t, "报告") || draftTitleRe.MatchString(t)) && !sentenceRe.MatchString(t) &&
		!meetingRe.MatchString(t) && !listDateRe.MatchString(t)
}

// draftTitleRe matches a title without 报告: "关于…执行情况和…预算草案".
var draftTitleRe = regexp.MustCompile(`^关于.*(?:预算|决算|计划).*草案(?:[（(][^）)]*[）)])?$`)

// listDateRe matches the date after an item of a news list: "…的通知02-14".
var listDateRe = regexp.MustCompile(`[0-9]{2}-[0-9]{2}$|\[?[0-9]{4}-[0-9]{2}-[0-9]{2}\]?$`)

// isTitleStart reports the first line of a title printed on two lines:
// long enough to have been cut, and followed by a line that is not a whole
// title of its own.
func isTitleStart(t, next string) bool {
	n := utf8.RuneCountInString(t)
	return n >= 8 && n <= 40 && !sentenceRe.MatchString(t) && strings.ContainsFunc(t, lex.IsHan) &&
		lex.LabelAt(t).Kind == lex.NoLabel && !isMetaLine(t) && !strings.HasPrefix(next, "关于")
}

func titleUnit(lines []lex.Line, g []int) lex.Unit {
	us := make([]lex.Unit, len(g))
	for k, i := range g {
		us[k] = lines[i].Unit()
	}
	return joinUnits(us)
}

// compactTitle removes the layout spaces of a title: all white space but
// one space between two ASCII letters or digits.
func compactTitle(s string) string {
	if !strings.ContainsFunc(s, lex.IsSpace) {
		return s
	}
	return lex.Despace(s)
}

// joinUnits joins the lines of a title or meeting line printed on several.
func joinUnits(us []lex.Unit) lex.Unit {
	var j lex.Joiner
	for _, u := range us {
		j.Add(u, true)
	}
	return j.Unit()
}
