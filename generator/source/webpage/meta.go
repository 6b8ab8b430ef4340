package webpage

import (
	"regexp"
	"strings"

	"reportsite/generator/source/document"
)

// fieldKeys are the keys of 信息公开 blocks and article info lines, longest
// first where one ends another (信息来源, 来源). Keys marked widget are only
// recognised to end the value before them.
var fieldKeys = []struct {
	key    string
	widget bool
}{
	{"索引号", false}, {"发文字号", false}, {"文号", false}, {"标题", false},
	{"发布机构", false}, {"发文机关", false}, {"发文机构", false}, {"发文单位", false},
	{"信息来源", false}, {"文章来源", false}, {"来源", false},
	{"发文日期", false}, {"发布日期", false}, {"发布时间", false}, {"生成日期", false}, {"成文日期", false},
	{"日期", false}, {"时间", false},
	{"主题分类", false}, {"体裁分类", false}, {"组配分类", false}, {"服务对象分类", false}, {"所属主题", false},
	{"公开方式", false}, {"公开形式", false}, {"公开范围", false}, {"公开时限", false}, {"时效", false},
	{"有效性", false}, {"关键词", false}, {"主题词", false}, {"责任部门", false}, {"摘要", false}, {"内容概述", false},
	{"责任编辑", false}, {"作者", false}, {"编辑", false},
	{"文字大小", true}, {"字体大小", true}, {"字体", true}, {"字号", true}, {"浏览次数", true}, {"浏览量", true},
	{"点击数", true}, {"点击量", true}, {"访问量", true}, {"阅读次数", true}, {"阅读量", true},
}

// keySpace is the layout space that may letter-space a key.
const keySpace = `[\s\x{3000}\x{00A0}\x{2002}\x{2003}]*`

// keyRe matches a key and its colon anywhere in a line; keyAloneRe a line or
// cell that is a key alone, with or without its colon.
var keyRe, keyAloneRe = func() (*regexp.Regexp, *regexp.Regexp) {
	var alts []string
	for _, k := range fieldKeys {
		var parts []string
		for _, r := range k.key {
			parts = append(parts, regexp.QuoteMeta(string(r)))
		}
		alts = append(alts, strings.Join(parts, keySpace))
	}
	alt := "(" + strings.Join(alts, "|") + ")"
	return regexp.MustCompile(alt + keySpace + `[：:]`), regexp.MustCompile(`^` + keySpace + alt + keySpace + `[：:]?` + keySpace + `$`)
}()

func isWidgetKey(k string) bool {
	for _, f := range fieldKeys {
		if f.key == k {
			return f.widget
		}
	}
	return false
}

// parseFields reads "key：value" pairs (several on a line, or a key alone
// with its value in the next line or cell) from the head of a page.
func parseFields(lines []hline) []document.Field {
	var parts []string
	for _, l := range lines {
		if l.cells != nil {
			parts = append(parts, l.cells...)
		} else {
			parts = append(parts, l.text)
		}
	}
	var out []document.Field
	for i := 0; i < len(parts); i++ {
		p := parts[i]
		if m := keyAloneRe.FindStringSubmatch(p); m != nil {
			f := document.Field{Key: document.Squeeze(m[1])}
			next := ""
			if i+1 < len(parts) {
				next = parts[i+1]
			}
			// A key whose value was left empty is followed by the next
			// key, or by the next field's value (a date, for 来源).
			if next != "" && !keyAloneRe.MatchString(next) && keyRe.FindStringIndex(next) == nil &&
				(document.ISODate(next) == "" || strings.Contains(f.Key, "日期") || strings.Contains(f.Key, "时间")) {
				f.Value = strings.TrimSpace(parts[i+1])
				i++
			}
			out = append(out, f)
			continue
		}
		locs := keyRe.FindAllStringSubmatchIndex(p, -1)
		if len(locs) == 0 || strings.TrimSpace(document.Squeeze(p[:locs[0][0]])) != "" && !startsAfterBreak(p, locs[0][0]) {
			continue
		}
		for j, loc := range locs {
			end := len(p)
			if j+1 < len(locs) {
				end = locs[j+1][0]
			}
			out = append(out, document.Field{Key: document.Squeeze(p[loc[2]:loc[3]]), Value: strings.Trim(p[loc[1]:end], " \t\u3000\u00a0\u2002\u2003")})
		}
	}
	return out
}

// startsAfterBreak reports a key that follows white space or a separator, so
// that "当前位置：首页 发布时间：…" still gives its fields.
func startsAfterBreak(s string, i int) bool {
	before := strings.TrimRight(s[:i], " \t\u3000\u00a0")
	return len(before) < i || strings.HasSuffix(before, "|") || strings.HasSuffix(before, "】")
}

// orgSuffixes end the names of organisations; a <meta ContentSource> that
// ends in none of them is an editor's or a robot's name.
var orgRe = regexp.MustCompile(`(局|处|科|室|厅|委|委员会|办|办公室|院|部|会|中心|政府|集团|公司|社|报|台|网|所|站|署|队|馆|校|大学)$`)

// buildMeta chooses the document's metadata from fields. official is the
// date of a 发文日期 or 发布日期 field, the keys of 信息公开 tables, which
// outrank the dates of article info lines wherever they stand.
func buildMeta(fields []document.Field) (m document.Meta, official string) {
	vals := map[string]string{}
	for _, f := range fields {
		if isWidgetKey(f.Key) {
			continue
		}
		if _, ok := vals[f.Key]; !ok || vals[f.Key] == "" {
			vals[f.Key] = f.Value
		}
	}
	pick := func(keys ...string) string {
		for _, k := range keys {
			if v := strings.TrimSpace(vals[k]); v != "" {
				return v
			}
		}
		return ""
	}
	date := func(keys ...string) string {
		for _, k := range keys {
			if d := document.ISODate(vals[k]); d != "" {
				return d
			}
		}
		return ""
	}
	m.Title = document.CleanTitle(pick("标题"))
	m.IndexNo = pick("索引号")
	m.DocNo = pick("文号", "发文字号")
	for _, k := range []string{"发布机构", "发文机关", "发文机构", "发文单位", "来源", "信息来源", "文章来源"} {
		// A key alone takes the next cell, which is a date when the
		// key's own value was left empty.
		if v := strings.Trim(vals[k], " ,，"); v != "" && document.ISODate(v) == "" {
			m.Publisher = v
			break
		}
	}
	m.Issued = date("发文日期", "发布日期", "发布时间", "日期", "时间", "生成日期")
	m.Written = date("成文日期")
	used := map[string]bool{"标题": true, "索引号": true, "文号": true, "发文字号": true, "成文日期": true}
	seen := map[string]bool{}
	for _, f := range fields {
		if used[f.Key] || isWidgetKey(f.Key) || f.Value == "" || seen[f.Key] {
			continue
		}
		seen[f.Key] = true
		m.Other = append(m.Other, f)
	}
	return m, date("发文日期", "发布日期")
}
