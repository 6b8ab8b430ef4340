package indicator

import (
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
