package site

import (
	"fmt"
	"strings"
	"testing"

	"reportsite/generator/internal/testsite"
)

// heldPage is a page whose second card breaks one sanity rule of
// indicator.Sanity; the first card is sound.
func heldPage(name, value, unit, sentence, text string, confirmed bool) string {
	extra := ""
	if confirmed {
		extra = "confirmed = true\n"
	}
	return fmt.Sprintf(`
-- content/r/01/01.md --
+++
title = "经济运行"
label = "（一）"
weight = 1

[[indicators]]
name = "地区生产总值"
value = "4.9"
number = 4.9
unit = "%%"
kind = "change"
direction = "up"
period = "2020"
verb = "增长"
anchor = "i-aaaa0001"
sentence = "全区地区生产总值同比增长4.9%%。"

[[indicators]]
name = %q
value = %q
number = %s
unit = %q
kind = "level"
period = "2020"
%sanchor = "i-aaaa0002"
sentence = %q
+++
全区地区生产总值同比增长4.9%%。%s
`, name, value, value, unit, extra, sentence, text)
}

func TestHeldBack(t *testing.T) {
	for _, tc := range []struct {
		rule                        string
		name, value, unit, sentence string
		extraPage, want             string
	}{
		{"implausible count", "建档立卡贫困群众", "39888293", "名", "全区39888293名建档立卡贫困群众全部实现稳定脱贫。", "",
			"is implausible: two numbers may have merged"},
		{"income in heads", "建档立卡贫困人口年人均纯收入", "3988", "名", "全区3988名建档立卡贫困人口年人均纯收入稳定超过4700元。", "",
			"an income counted in 名"},
		{"rate in a count unit", "农村饮用水源地水质达标率", "43", "处", "43处农村饮用水源地水质达标率稳定在100%。", "",
			"a rate (…率) counted in 处"},
		{"same name, period and kind, other value", "省级重点项目", "22", "个", "其中22个项目列为省级重点项目。",
			`
-- content/r/01/02.md --
+++
title = "新旧动能"
label = "（二）"
weight = 2

[[indicators]]
name = "省级重点项目"
value = "13"
number = 13
unit = "个"
kind = "level"
period = "2020"
anchor = "i-cccc0001"
sentence = "13个项目列入省级重点项目。"
+++
13个项目列入省级重点项目。
`, "another card has the same name, period and kind with value 13个"},
	} {
		t.Run(tc.rule, func(t *testing.T) {
			for _, confirmed := range []bool{false, true} {
				dir := testSite(t, miniSite)
				testsite.Write(t, dir, heldPage(tc.name, tc.value, tc.unit, tc.sentence, tc.sentence, confirmed)+tc.extraPage)
				res := mustBuild(t, dir)
				page := readOut(t, dir, "r/01/01.html")
				data := readOut(t, dir, "r/data.html")
				var warn string
				for _, w := range res.Warnings {
					if strings.Contains(w, tc.want) && strings.Contains(w, "content/r/01/01.md:") {
						warn = w
					}
				}
				shown := strings.Contains(page, "card-2") || strings.Contains(data, ">"+tc.name+"<")
				if confirmed {
					if warn != "" || !shown {
						t.Errorf("confirmed: warning %q, card shown %v; want no warning and the card shown", warn, shown)
					}
					continue
				}
				// The card is the second [[indicators]] entry, at line 18.
				if !strings.HasPrefix(warn, "content/r/01/01.md:18: indicator \""+tc.name+"\"") || !strings.Contains(warn, "confirmed = true") {
					t.Errorf("warnings %q: want one at content/r/01/01.md:18 naming %s, the rule %q and the fix", res.Warnings, tc.name, tc.want)
				}
				if shown {
					t.Errorf("the held-back card %s is shown", tc.name)
				}
				if !strings.Contains(page, "card-1") {
					t.Error("the sound card is not shown")
				}
			}
		})
	}
}
