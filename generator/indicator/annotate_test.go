package indicator

import (
	"strings"
	"testing"

	"reportsite/generator/content"
)

func TestAnnotate(t *testing.T) {
	pages := []*content.Page{
		{Path: "r/_index.md", Meta: content.Meta{Title: "关于某区2020年度计划执行情况与2021年计划草案的报告"}, Body: []byte("受委托作报告。\n")},
		{Path: "r/01/_index.md", Meta: content.Meta{Title: "2020年国民经济和社会发展计划执行情况"}, Body: []byte("全区地区生产总值达到215.4亿元。\n")},
		{Path: "r/01/01.md", Meta: content.Meta{Title: "经济运行稳步回升"}, Body: []byte("全区地区生产总值同比增长4.9%。\n")},
		{Path: "r/02/_index.md", Meta: content.Meta{Title: "2021年国民经济和社会发展主要预期目标"}, Body: []byte("──地区生产总值增长7%以上。\n")},
	}
	Annotate(pages, 2020)
	for i, want := range []struct {
		n      int
		period string
		kind   string
	}{{0, "", ""}, {1, "2020", "level"}, {1, "2020", "change"}, {1, "2021", "target"}} {
		got := pages[i].Meta.Indicators
		if len(got) != want.n {
			t.Errorf("%s: %d indicators, want %d: %+v", pages[i].Path, len(got), want.n, got)
			continue
		}
		if want.n > 0 && (got[0].Period != want.period || got[0].Kind != want.kind) {
			t.Errorf("%s: period %q kind %q, want %q %q", pages[i].Path, got[0].Period, got[0].Kind, want.period, want.kind)
		}
	}
}

// TestAnnotatePeriods checks the periods and stages part titles give: the
// earliest year of a review part, a budget part of the next year, a part
// on the next plan, and the sections after a lead that opens a five-year
// review.
func TestAnnotatePeriods(t *testing.T) {
	page := func(path, title, body string) *content.Page {
		return &content.Page{Path: path, Meta: content.Meta{Title: title}, Body: []byte(body)}
	}
	for _, tc := range []struct {
		what  string
		kind  string
		pages []*content.Page
		want  []string // period, kind and stage of the first indicator of each page with one
	}{
		{"work report of 2026 on 2025, its five-year sections, 2026 targets and 十五五 targets", "work-report", []*content.Page{
			page("r/_index.md", "政府工作报告", "各位代表：\n"),
			page("r/01/_index.md", "2025年和“十四五”时期工作回顾", "地区生产总值增长4.1%。\n\n回望过去五年，成绩来之不易。\n\n"+content.ChildrenMarker+"\n"),
			page("r/01/01.md", "大力推进新型城镇化", "培育商圈140个。\n"),
			page("r/02/_index.md", "“十五五”时期主要目标任务", "城镇调查失业率控制在5.5%左右。\n"),
			page("r/03/_index.md", "2026年工作安排", "地区生产总值增长5%左右。\n"),
		}, []string{"2025 change -", "2021—2025 level -", "2026—2030 target -", "2026 target -"}},
		{"budget report: outturn, next year's budget, final accounts", "budget-report", []*content.Page{
			page("b/_index.md", "关于2024年预算执行情况和2025年预算草案的报告", "受委托。\n"),
			page("b/01/_index.md", "2024 年预算执行情况", "全市一般公共预算收入 876819 万元，为预算的 102.8%。\n"),
			page("b/03/_index.md", "2025 年预算草案", "全市一般公共预算收入安排 900000 万元，增长 3%。\n"),
		}, []string{"2024 level 执行", "2025 level 预算"}},
	} {
		t.Run(tc.what, func(t *testing.T) {
			tc.pages[0].Meta.Report = &content.Report{Kind: tc.kind, Year: 2026}
			Annotate(tc.pages, 2026)
			var got []string
			for _, p := range tc.pages {
				if inds := p.Meta.Indicators; len(inds) > 0 {
					st := inds[0].Stage
					if st == "" {
						st = "-"
					}
					got = append(got, inds[0].Period+" "+inds[0].Kind+" "+st)
				}
			}
			if g, w := strings.Join(got, "\n"), strings.Join(tc.want, "\n"); g != w {
				t.Errorf("got:\n%s\nwant:\n%s", g, w)
			}
		})
	}
}
