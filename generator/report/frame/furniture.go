package frame

import (
	"regexp"
	"strings"
	"unicode/utf8"

	"reportsite/generator/report/lex"
)

// Reasons a line is left out as page furniture, as Dropped.Reason gives them.
const (
	dropWidget    = "page widget"
	dropNav       = "navigation"
	dropFooter    = "site footer"
	dropSiteName  = "site name"
	DropPageNo    = "page number"
	DropRunning   = "running header or footer"
	dropRepeat    = "repeats the metadata"
	dropTitleCopy = "repeats the title"
	dropCounter   = "page counter"
	dropHead      = "page header"
	dropTemplate  = "template placeholder"
	dropRule      = "table rule"
	dropAppendix  = "appendix"
	dropColophon  = "colophon"
	dropAttached  = "attachment list"
	dropTail      = "page footer"
)

// isWidgetWord reports a word of the tool bars that article pages of
// government sites put around the text (字号 大 中 小, 打印, 关闭, share
// buttons). A line made only of them, and of separators, is furniture.
func isWidgetWord(w string) bool {
	switch w {
	case "字号", "字体", "大", "中", "小", "默认", "打印", "打印本页", "打印此页", "打印文章", "打印正文", "关闭", "关闭窗口", "关闭本页",
		"关闭页面", "分享", "分享到", "分享至", "微信", "朋友圈", "微博", "新浪微博", "腾讯微博", "QQ空间", "QQ", "QQ好友", "人人网", "豆瓣",
		"收藏", "收藏本页", "加入收藏", "返回顶部", "回到顶部", "顶部", "返回", "保存", "保存本页", "纠错", "我要纠错", "扫一扫",
		"扫一扫在手机打开当前页", "在手机打开当前页", "手机打开", "繁体", "简体", "繁體", "无障碍", "关怀版", "长者模式", "放大", "缩小", "视力保护色",
		"阅读模式", "朗读", "语音播报", "TOP", "Top", "top", "【", "】", "大中小":
		return true
	}
	return false
}

// widgetSeparators split a widget line into words.
func widgetSeparator(r rune) bool {
	switch r {
	case '|', '｜', '丨', '•', '·', '●', '▪', '■', '◆', '◇', '○', '【', '】', '[', ']',
		'(', ')', '（', '）', '/', '／', '>', '»', '＞', '<', '«', '＜', ':', '：':
		return true
	}
	return lex.IsSpace(r)
}

// isWidget reports a line made only of tool-bar words and separators, such
// as "• 字号:", "|", "【大 中 小】" or "【打印本页】【关闭窗口】".
func isWidget(s string) bool {
	if utf8.RuneCountInString(s) > 60 {
		return false
	}
	words := strings.FieldsFunc(s, widgetSeparator)
	if len(words) == 0 {
		// Separators alone: "|" or "•", never a sentence.
		return true
	}
	if len(words) == 1 && utf8.RuneCountInString(words[0]) == 1 {
		// "中" alone may be the last line of a wrapped paragraph.
		return false
	}
	for _, w := range words {
		if !isWidgetWord(w) && (len(w) > 36 || !widgetWords(w)) {
			return false
		}
	}
	return true
}

// widgetWords reports a word made of tool-bar words run together, as a page
// rendered to text prints them: "收藏打印", "打印关闭".
func widgetWords(w string) bool {
	if w == "" {
		return true
	}
	for i := range w {
		if i > 0 && utf8.RuneCountInString(w[:i]) >= 2 && isWidgetWord(w[:i]) && widgetWords(w[i:]) {
			return true
		}
	}
	return utf8.RuneCountInString(w) >= 2 && isWidgetWord(w)
}

var (
	navRe = regexp.MustCompile(`^(当前位置|您现在的位置|您的位置|所在位置|现在位置)\s*[:：]|^首页\s*[>»＞→/]|^(上一篇|下一篇|上一条|下一条)\s*[:：]|^(相关链接|相关文章|相关阅读|相关文件|附件下载)\s*[:：]?$`)
	// Footers name the site's owner and its registration numbers.
	footerRe = regexp.MustCompile(`ICP备|公网安备|网站标识码|版权所有|Copyright|©|主办单位\s*[:：]|承办单位\s*[:：]|技术支持\s*[:：]|网站地图|联系我们`)
	// Page numbers as PDF extraction leaves them: "- 3 -", "— 12 —", "第3页",
	// "第 3 页 共 12 页", "3/12", "Page 3 of 12".
	pageNoRe     = regexp.MustCompile(`^(?:[-—–－─]+\s*[0-9０-９]{1,4}\s*[-—–－─]+|第\s*[0-9０-９]{1,4}\s*页(?:\s*[,，/／]?\s*共\s*[0-9０-９]{1,4}\s*页)?|共\s*[0-9０-９]{1,4}\s*页\s*[,，/／]?\s*第\s*[0-9０-９]{1,4}\s*页|[0-9０-９]{1,4}\s*[/／]\s*[0-9０-９]{1,4}|(?i:page)\s*\d{1,4}(?:\s*(?i:of)\s*\d{1,4})?)$`)
	BareNumberRe = regexp.MustCompile(`^[0-9０-９]{1,4}$`)
	// A line of a page's template that was not filled in, or of icon-font
	// glyphs (private-use characters): "{{loginInfo.showname|truncate(12)}}".
	templateRe = regexp.MustCompile(`^(?:\{\{[^{}]*\}\}|\{%[^{}]*%\}|\p{Co}|[\s|｜:：/])+$`)
	// A rule of a table drawn in text: "┌──┬──┐", "+----+----+" (with a
	// corner or a bar: "---" alone may be text).
	ruleRe    = regexp.MustCompile(`^[─━│┃┌┐└┘├┤┬┴┼═║╔╗╚╝╠╣╦╩╬+=_|\-\s]{3,}$`)
	counterRe = regexp.MustCompile(`^(浏览次数|浏览量|访问量|点击数|点击量|阅读次数|阅读量)\s*[:：]?\s*[0-9]*\s*次?$`)
)

// lineFurniture reports why l, a line anywhere in the file, is furniture, or
// "" if it may be text.
func lineFurniture(s string) string {
	switch {
	case isWidget(s):
		return dropWidget
	case pageNoRe.MatchString(s):
		return DropPageNo
	case counterRe.MatchString(s):
		return dropCounter
	case utf8.RuneCountInString(s) <= 80 && navRe.MatchString(s):
		return dropNav
	case utf8.RuneCountInString(s) <= 200 && templateRe.MatchString(s):
		return dropTemplate
	case ruleRe.MatchString(s) && strings.ContainsAny(s, "┌┐└┘├┤┬┴┼╔╗╚╝╠╣╦╩╬+│┃║"):
		return dropRule
	}
	return ""
}

// MarkFurniture decides for every line whether it is furniture: widgets,
// page numbers and counters anywhere; footers and navigation in the run of
// such lines that ends the file; bare numbers and lines that repeat at the
// same place on several pages next to form feeds (running headers and footers
// of PDF extraction). from is the first line of the body; lines before it are
// left to the head.
func MarkFurniture(lines []lex.Line, from int, drop []string) {
	for i := from; i < len(lines); i++ {
		if !lines[i].Blank() && drop[i] == "" {
			drop[i] = lineFurniture(lines[i].Text)
		}
	}
	markTail(lines, from, drop)
	markRunning(lines, from, drop)
}

// markRunning finds the running headers and footers of a file whose pages
// are separated by form feeds: the first and last lines of pages that are
// bare page numbers or that repeat on at least two pages.
func markRunning(lines []lex.Line, from int, drop []string) {
	var pages [][2]int // first and last non-blank line of each page
	first, last := -1, -1
	for i := from; i <= len(lines); i++ {
		if i == len(lines) || (lines[i].Page && i > from) {
			if first >= 0 {
				pages = append(pages, [2]int{first, last})
			}
			first, last = -1, -1
			if i == len(lines) {
				break
			}
		}
		if lines[i].Blank() || drop[i] != "" {
			continue
		}
		if first < 0 {
			first = i
		}
		last = i
	}
	if len(pages) < 2 {
		return
	}
	count := map[string]int{}
	for _, p := range pages {
		count[runningKey(lines[p[0]].Text)]++
		if p[1] != p[0] {
			count[runningKey(lines[p[1]].Text)]++
		}
	}
	// A header is on most pages; a short paragraph that happens to open two
	// pages of thirty is not.
	need := max(2, (len(pages)+1)/2)
	for _, p := range pages {
		for _, i := range []int{p[0], p[1]} {
			t := lines[i].Text
			switch {
			case drop[i] != "":
			case BareNumberRe.MatchString(t) && !labelCut(lines, i):
				drop[i] = DropPageNo
			case utf8.RuneCountInString(t) <= 40 && count[runningKey(t)] >= need &&
				!strings.ContainsAny(lex.LastRune(t), "。！？：!?:") && lex.LabelAt(t).Kind == lex.NoLabel:
				drop[i] = DropRunning
			}
		}
	}
}

// labelCut reports a bare number whose next text line begins with the mark
// of an item label ("1" / ". 着力支持…"): the label, not a page number.
func labelCut(lines []lex.Line, i int) bool {
	for j := i + 1; j < len(lines); j++ {
		if lines[j].Blank() {
			continue
		}
		r, _ := utf8.DecodeRuneInString(lines[j].Text)
		return r == '．' || r == '、' || r == '.' && !lex.IsDigitAt(lines[j].Text, 1)
	}
	return false
}

// runningKey folds the digits of a running header, whose page number changes
// from page to page.
func runningKey(s string) string {
	return strings.Map(func(r rune) rune {
		if lex.IsDigit(r) {
			return '#'
		}
		return r
	}, s)
}

var (
	// An appendix after the main text starts with a line of its own: 附件,
	// 附件1：…, 附表, 名词解释, 注解.
	appendixRe = regexp.MustCompile(`^(?:附件|附表)[0-9０-９一二三四五六七八九十]*(?:[:：].*)?$|^(?:附件下载|相关附件)[:：>》]?|^[\p{Han}]{0,8}名词(?:解释|注释)[:：]?$|^(?:注解|注释|注)[:：]?$`)
	// Lines that only a page's footer holds: editors, sources, share and
	// QR-code prompts, link lists, ids of related articles.
	tailRe = regexp.MustCompile(`^(?:责任编辑|网络编辑|编辑|审核|校对|终审|初审|作者|主办|承办|协办|维护|联系电话|电话|地址|邮编|传真|电子邮箱)\s*[:：]|^[（(]?(?:来源|稿源|信息来源)\s*[:：].{0,30}[）)]?$|扫一扫|^(?:相关链接|相关附件|相关文章|相关阅读|相关新闻|友情链接|链接)\s*[:：>》]|^[0-9a-f]{16,}\s*[:：]?$|^分享到?\s*[:：]|建议使用.*(?:浏览器|分辨率)`)
	// A colophon (版记): the body that prints the document and the date,
	// "…秘书处", "2025年1月6日印", "共印700份".
	colophonRe = regexp.MustCompile(`(?:秘书处|办公室|办公厅)(?:印发|编印)?$|^[0-9]{4}年[0-9]{1,2}月[0-9]{1,2}日(?:印发|印)$|^共印[0-9]+份$`)
	attachedRe = regexp.MustCompile(`(?i)\.(?:pdf|docx?|xlsx?|wps|et|zip|rar|ofd)$`)
)

// tailLine reports a line that only the furniture after a report's text
// holds.
func tailLine(s string) bool {
	return utf8.RuneCountInString(s) <= 120 && (footerRe.MatchString(s) || navRe.MatchString(s) || tailRe.MatchString(s) || isWidget(s))
}

// markTail finds the end of the report's text, after the start of its last
// part (or subsection): an appendix (附件, 名词解释) or the first line of a page's footer
// (ICP, 版权所有, 主办单位; or a tool bar, an editor's or source line, a link
// list, when no text but copies of earlier lines follows) ends it, and so do
// the short lines without a full stop just before either, or before the end
// of the file (a colophon, a list of attachments, a source line).
// Everything from there is left out, as appendix or furniture.
func markTail(lines []lex.Line, from int, drop []string) {
	last := lastPart(lines, from, drop)
	// Text the file printed before the last part: a page that repeats the
	// title and the opening after its footer repeats it.
	seen := map[string]bool{}
	for i := 0; i < last; i++ {
		if !lines[i].Blank() {
			seen[lines[i].Text] = true
		}
	}
	end := len(lines)
	reason := dropFooter
	for i := last + 1; i < len(lines); i++ {
		t := lines[i].Text
		if t == "" || drop[i] != "" && drop[i] != dropWidget {
			continue
		}
		if utf8.RuneCountInString(t) <= 40 && appendixRe.MatchString(lex.Despace(t)) {
			end, reason = i, dropAppendix
			break
		}
		if drop[i] == "" && utf8.RuneCountInString(t) <= 120 && footerRe.MatchString(t) ||
			(drop[i] == dropWidget || drop[i] == "" && tailLine(t)) && !bodyAfter(lines, i+1, drop, seen) {
			end = i
			break
		}
	}
	for i := end; i < len(lines); i++ {
		if lines[i].Blank() || drop[i] == DropPageNo {
			continue
		}
		drop[i] = reason
		if r := lineFurniture(lines[i].Text); r == DropPageNo {
			drop[i] = r
		} else if reason == dropAppendix && tailLine(lines[i].Text) {
			// The page's footer after the appendix.
			reason = dropFooter
			drop[i] = reason
		}
	}
	markBeforeTail(lines, last, end, drop)
}

// lastPart is the index of the last part, or in a report without parts
// the last subsection, before any appendix line: the tables of an
// appendix (附表1) have rows that start like parts (一、税收收入).
func lastPart(lines []lex.Line, from int, drop []string) int {
	last, lastSub := -1, from
	for i := from; i < len(lines); i++ {
		if drop[i] != "" {
			continue
		}
		t := lines[i].Text
		if (last >= 0 || lastSub > from) && utf8.RuneCountInString(t) <= 40 && appendixRe.MatchString(lex.Despace(t)) {
			break
		}
		switch lex.LabelAt(t).Kind {
		case lex.PartLabel:
			last = i
		case lex.SubLabel:
			lastSub = i
		}
	}
	if last < 0 {
		last = lastSub
	}
	return last
}

// markBeforeTail marks the short lines without a full stop just before
// the tail at end (after the last part): a colophon, a list of attached
// files, or, before a footer, a source or an editor's name.
func markBeforeTail(lines []lex.Line, last, end int, drop []string) {
	for i := end - 1; i > last; i-- {
		t := lines[i].Text
		if t == "" || drop[i] != "" {
			continue
		}
		if utf8.RuneCountInString(t) > 40 || strings.ContainsAny(lex.LastRune(t), "。！？；!?”…") {
			break
		}
		switch c := lex.Despace(t); {
		case colophonRe.MatchString(c):
			drop[i] = dropColophon
		case attachedRe.MatchString(c):
			drop[i] = dropAttached
		case end < len(lines):
			// A short line before the footer: a source or an editor's name.
			drop[i] = dropTail
		default:
			return
		}
	}
}

// bodyAfter reports a line from from on that reads as the report's text: a
// numbered heading, or a sentence, that is not a copy of a line before
// (seen). A tool bar or an editor's line before one is not the page's
// footer.
func bodyAfter(lines []lex.Line, from int, drop []string, seen map[string]bool) bool {
	for i := from; i < len(lines); i++ {
		t := lines[i].Text
		if drop[i] != "" || t == "" || seen[t] {
			continue
		}
		if k := lex.LabelAt(t).Kind; k == lex.PartLabel || k == lex.SubLabel ||
			utf8.RuneCountInString(t) >= 6 && strings.ContainsAny(lex.LastRune(t), "。！？") {
			return true
		}
	}
	return false
}

// Colophon returns the printing body and the print date of a colophon among
// the dropped lines, when it names both.
func Colophon(lines []lex.Line, drop []string) (by, date string) {
	for i, l := range lines {
		if drop[i] != dropColophon {
			continue
		}
		c := lex.Despace(l.Text)
		switch {
		case strings.HasSuffix(c, "日印") || strings.HasSuffix(c, "日印发"):
			date = IsoDate(c)
		case !strings.HasPrefix(c, "共印"):
			by = strings.TrimSuffix(strings.TrimSuffix(c, "印发"), "编印")
		}
	}
	if by == "" || date == "" {
		return "", ""
	}
	return by, date
}
