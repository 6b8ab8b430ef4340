package indicator

import (
	"strings"
	"testing"

	"reportsite/generator/content"
)

// TestVerifySeed extracts part 一 of the seed, then edits the text and the
// front matter the way an editor might, and expects the build's errors.
func TestVerifySeed(t *testing.T) {
	one, _ := seedParts(t)
	inds := Extract(one, Options{ResultYear: 2020, TargetYear: 2021})
	if err := VerifyPage(inds, one); err != nil {
		t.Fatalf("fresh extraction does not verify: %v", err)
	}

	// The text changes: the sentence of 4.9% is gone.
	edited := strings.Replace(one, "同比增长4.9%", "同比增长4.8%", 1)
	err := VerifyPage(inds, edited)
	const sentenceMsg = `indicator "地区生产总值" (4.9%): sentence "全区地区生产总值同比增长4.9%,增幅居全市第2位;" is not in the page's text: copy the sentence from the text again, or remove the indicator`
	if err == nil || !strings.Contains(err.Error(), sentenceMsg) {
		t.Errorf("edited text: got %v\nwant an error containing %s", err, sentenceMsg)
	}
	// Both indicators of that sentence fail, and no other.
	if n := strings.Count(err.Error(), "\n") + 1; n != 2 {
		t.Errorf("edited text: %d errors, want 2 (the value and the rank of one sentence):\n%v", n, err)
	}

	// The front matter changes: the value no longer in its sentence.
	var gdp int
	for i, ind := range inds {
		if ind.Name == "地区生产总值" && ind.Value == "4.9" {
			gdp = i
		}
	}
	ind := inds[gdp]
	ind.Value, ind.Number = "4.8", 4.8
	const valueMsg = `indicator "地区生产总值" (4.8%): value "4.8" is not in its sentence "全区地区生产总值同比增长4.9%,增幅居全市第2位;": fix the number or the sentence`
	if err := Verify(ind, one); err == nil || err.Error() != valueMsg {
		t.Errorf("edited value: got %v\nwant %s", err, valueMsg)
	}
}

func TestVerifyFields(t *testing.T) {
	const text = "全区地区生产总值同比增长4.9%,增幅居全市第2位;"
	base := Extract(text, Options{ResultYear: 2020})[0]
	long := strings.Repeat("长", 50)
	cases := []struct {
		title string
		edit  func(*content.Indicator)
		want  string
	}{
		{"fine", func(*content.Indicator) {}, ""},
		{"number differs from value", func(i *content.Indicator) { i.Number = 4.8 },
			`indicator "地区生产总值" (4.9%): number 4.8 does not match value "4.9": set number = 4.9`},
		{"no name", func(i *content.Indicator) { i.Name = "" },
			`indicator "" (4.9%): name is empty: set name`},
		{"unknown kind", func(i *content.Indicator) { i.Kind = "growth" },
			`indicator "地区生产总值" (4.9%): kind "growth" is not one of level, change, rank, ratio, target, comparison, share, completion`},
		{"bad direction", func(i *content.Indicator) { i.Direction = "rise" },
			`indicator "地区生产总值" (4.9%): direction "rise" is not up or down`},
		{"no anchor", func(i *content.Indicator) { i.Anchor = "" },
			`indicator "地区生产总值" (4.9%): anchor is empty: set anchor = "` + Anchor(text) + `"`},
		{"a long sentence is shortened", func(i *content.Indicator) { i.Sentence = long + "4.9" },
			`indicator "地区生产总值" (4.9%): sentence "` + strings.Repeat("长", 40) + `…" is not in the page's text: copy the sentence from the text again, or remove the indicator`},
	}
	for _, c := range cases {
		ind := base
		c.edit(&ind)
		got := ""
		if err := Verify(ind, text); err != nil {
			got = err.Error()
		}
		if got != c.want {
			t.Errorf("%s:\ngot  %s\nwant %s", c.title, got, c.want)
		}
	}
}

func TestVerifyPageAnchors(t *testing.T) {
	const text = "地区生产总值同比增长4.9%。固定资产投资同比增长13%。"
	inds := Extract(text, Options{})
	inds[1].Anchor = inds[0].Anchor
	err := VerifyPage(inds, text)
	want := `indicator "固定资产投资" (13%): anchor "` + inds[0].Anchor + `" belongs to another sentence "地区生产总值同比增长4.9%。": set anchor = "` + Anchor(inds[1].Sentence) + `"`
	if err == nil || err.Error() != want {
		t.Errorf("got %v\nwant %s", err, want)
	}
}

func TestPlainText(t *testing.T) {
	body := "1\\. 全区地区生产总值同比增长4.9%，\n增幅居全市第2位。\n\n#### 2\\. 项目\n\n<!--children-->\nsee\nalso \\*this\\*\n\n" +
		"全区[地区生产总值](https://a.cn/)同比**增长4.9%**，`13%`；\n\n- 甲\n- 乙\n"
	want := "1. 全区地区生产总值同比增长4.9%，增幅居全市第2位。\n2. 项目\nsee also *this*\n全区地区生产总值同比增长4.9%，13%；\n甲\n乙"
	if got := PlainText([]byte(body)); got != want {
		t.Errorf("got  %q\nwant %q", got, want)
	}
}

// TestSanity checks each rule of Sanity on the cards the issue found false
// in the seed, and that a sound card and a confirmed one pass.
func TestSanity(t *testing.T) {
	card := func(name, value, unit, period, kind string) content.Indicator {
		return content.Indicator{Name: name, Value: value, Unit: unit, Period: period, Kind: kind}
	}
	inds := []content.Indicator{
		card("地区生产总值", "215.4", "亿元", "2020", "level"),
		card("建档立卡贫困群众", "39888293", "名", "2020", "level"),
		card("建档立卡贫困人口年人均纯收入", "3988", "名", "2020", "level"),
		card("农村饮用水源地水质达标率", "43", "处", "2020", "level"),
		card("省级重点项目", "22", "个", "2020", "level"),
		card("省级重点项目", "13", "个", "2020", "level"),
		card("省级重点项目", "22", "个", "2016—2020", "level"),
		card("城镇新增就业", "1.2", "万人", "2020", "level"),
		card("一般公共预算收入", "14.63", "亿元", "2025", "level"),
		card("一般公共预算收入", "6.94", "亿元", "2025", "level"),
		card("常住人口", "1234567", "人", "2020", "level"),
	}
	inds[8].Stage, inds[9].Stage = "执行", "执行" // one item of two funds in a budget report
	inds[10].Confirmed = true
	want := []string{"", "implausible", "an income", "a rate", "value 13个", "value 22个", "", "", "", "", ""}
	got := Sanity(inds)
	for i, w := range want {
		if w == "" && got[i] != "" || w != "" && !strings.Contains(got[i], w) {
			t.Errorf("%s %s%s (%s): got %q, want %q", inds[i].Name, inds[i].Value, inds[i].Unit, inds[i].Period, got[i], w)
		}
	}
}
