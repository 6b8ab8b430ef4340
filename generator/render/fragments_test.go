package render

import (
	"bytes"
	"fmt"
	"html/template"
	"os"
	"strings"
	"testing"
	"testing/fstest"

	"reportsite/generator/theme"
)

// partials reads the built-in theme as an ordinary layer, as a site's copy
// of it would be, so that the fragment functions execute the partials.
func partials(t *testing.T) *fragments {
	t.Helper()
	tmpl, err := Parse(Layer{FS: theme.Layouts(), Dir: "theme"})
	if err != nil {
		t.Fatal(err)
	}
	f := tmpl.frag
	if f.card == nil || f.outline == nil || f.row == nil {
		t.Fatal("the theme parsed as a site's layer: its fragment partials would not be executed")
	}
	return f
}

// The built-in theme's partials/outline-list.html is the outline's
// specification: OutlineList, which the build uses in its place, must write
// the same bytes for every kind of page, including odd paths and titles.
func TestOutlineListMatchesPartial(t *testing.T) {
	f := partials(t)
	odd := &Report{Title: "报告", Path: "r 报告/", FullPath: "r 报告/full.html", DataPath: "r 报告/data.html",
		Outline: []Link{
			{Path: "r 报告/01/", Label: "一、", Text: "总体 <情况> & \"要求\"", Children: []Link{
				{Path: "r 报告/01/a+b(1).html", Label: "（一）", Text: "O'Neil + 100%"},
				{Path: "r 报告/01/x:y.html", Text: "冒号"},
				{Path: "r 报告/01/%E4.html", Label: "（三）", Text: "百分号"},
			}},
			{Path: "r 报告/02.html", Label: "二、", Text: "没有子节"},
			{Path: "r 报告/03/", Label: "三、", Text: "第三部分", Children: []Link{
				{Path: "r 报告/03/01.html", Label: "（一）", Text: "一"},
				{Path: "r 报告/03/q?a=1&b=2.html", Label: "（二）", Text: "问号与&"},
			}},
		}}
	noData := *odd
	noData.DataPath = ""
	compact := *odd
	compact.Compact = true
	parts := []Part{
		{ID: "s", Depth: 0},
		{ID: "s-1", Depth: 1, Label: "一、", Title: "总体 <情况>"},
		{ID: "s-1-1", Depth: 2, Label: "（一）", Title: "O'Neil + 100%"},
		{ID: "s-1-end", Depth: 1},
		{ID: "s-1-2", Depth: 2, Title: "无编号"},
		{ID: "s-1-2-1", Depth: 3, Title: "第三层"},
		{ID: "s-2", Depth: 1, Label: "二、", Title: "没有子节"},
		{ID: "s-3", Depth: 1, Label: "三、", Title: "第三部分"},
		{ID: "s-3-1", Depth: 2, Label: "（一）", Title: "一"},
	}
	for _, tc := range []struct {
		name string
		page Page
	}{
		{"report home", Page{Kind: "report", Path: "r 报告/", Report: odd}},
		{"part", Page{Kind: "section", Path: "r 报告/01/", Report: odd}},
		{"subsection", Page{Kind: "page", Path: "r 报告/01/a+b(1).html", Report: odd}},
		{"colon", Page{Kind: "page", Path: "r 报告/01/x:y.html", Report: odd}},
		{"query", Page{Kind: "page", Path: "r 报告/03/q?a=1&b=2.html", Report: odd}},
		{"data", Page{Kind: "data", Path: "r 报告/data.html", Report: odd}},
		{"no data page", Page{Kind: "page", Path: "r 报告/02.html", Report: &noData}},
		{"compact, in part 3", Page{Kind: "page", Path: "r 报告/03/01.html", Report: &compact}},
		{"compact, report home", Page{Kind: "report", Path: "r 报告/", Report: &compact}},
		{"full text", Page{Kind: "full", Path: "r 报告/full.html", Report: odd, Parts: parts}},
		{"full text, last part open", Page{Kind: "full", Path: "r 报告/full.html", Report: odd, Parts: parts[:5]}},
		{"full text, no parts", Page{Kind: "full", Path: "r 报告/full.html", Report: odd, Parts: parts[:1]}},
		{"404 with base", Page{Kind: "404", Path: "", Base: "/ghjh/", Report: odd}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			want, err := f.OutlineList(&tc.page)
			if err != nil {
				t.Fatal(err)
			}
			if got := tc.page.OutlineList(); got != want {
				t.Errorf("OutlineList:\n%s\npartials/outline-list.html:\n%s", got, want)
			}
		})
	}
	if got := (&Page{Kind: "home"}).OutlineList(); got != "" {
		t.Errorf("a page outside reports has an outline: %q", got)
	}
}

// The built-in theme's partials/card.html is the card's specification:
// Page.CardHTML, which the build uses in its place, must write the same
// bytes for every card. The theme is parsed here as an ordinary layer, so
// that card executes the template. A card shows the sentence's verb when it
// has one, a rank its word, and a change without a verb only its sign:
// never a verb made up from its direction.
func TestCardHTMLMatchesPartial(t *testing.T) {
	f := partials(t)
	r := &Report{Path: "r/", Outline: []Link{
		{Path: "r/01/", Label: "一、", Text: "执行情况", Children: []Link{{Path: "r/01/01.html", Label: "（一）", Text: "经济运行"}}},
		{Path: "r/02.html", Label: "二、", Text: "安排"},
	}}
	for _, tc := range []struct {
		from             string
		base             string
		card             Card
		word, sign, meta string
	}{
		{"r/01/01.html", "", Card{Name: "地区生产总值", Word: "增长", Value: "4.9", Unit: "%", Period: "2020年", Kind: "change", Dir: "up", Path: "r/01/01.html#i-1"}, "", "+", "2020年"},
		{"r/01/01.html", "", Card{Name: "一般公共预算收入", Word: "下降", Value: "7.1", Unit: "%", Period: "2020年", Kind: "change", Dir: "down", Path: "r/01/01.html#i-2"}, "", "\u2212", "2020年"},
		{"r/01/01.html", "", Card{Name: "单位GDP能耗", Verb: "下降", Word: "下降", Value: "3", Unit: "%", Period: "2020年", Kind: "change", Dir: "down", Path: "r/01/01.html#i-4", Base: "比上年"}, "下降", "", "2020年 · 比上年"},
		{"r/01/01.html", "", Card{Name: "城镇登记失业率", Verb: "控制在", Value: "4.5", Unit: "%", Bound: "以内", Period: "2021年目标", Kind: "target", Path: "r/02.html#i-5"}, "控制在", "", "2021年目标"},
		{"r/", "", Card{Name: "一般公共预算收入", Before: "不低于", Value: "28.3", Unit: "亿元", Bound: "以上", Period: "2021年目标", Kind: "target", Path: "r/02.html#i-3", Page: "二、2021年工作安排"}, "", "", "2021年目标"},
		{"r/", "", Card{Name: "税收收入", Verb: "完成预算", Value: "101.2", Unit: "%", Period: "2020年", Stage: "执行", Kind: "completion", Path: "r/02.html#i-6"}, "完成预算", "", "2020年 · 执行"},
		{"r/", "", Card{Name: "收入", Verb: "增长", Value: "2.1", Unit: "%", Period: "2020年", Base: "比上年", Stage: "决算", Kind: "change", Dir: "up", Path: "r/01/01.html#i-8", Page: "（一）经济运行"}, "增长", "", "2020年 · 比上年 · 决算"},
		{"r/", "", Card{Name: "规上工业增加值", Value: "-0.3", Unit: "%", Period: "2016—2020年", Kind: "change", Dir: "down", Path: "r/02.html#i-7"}, "", "", "2016—2020年"},
		{"r/", "", Card{Name: "出口", Value: "+12", Unit: "%", Period: "“十三五”期间", Kind: "change", Dir: "up", Path: "r/01/#i-3", Page: "一、执行情况"}, "", "", "“十三五”期间"},
		{"r/", "", Card{Name: "占比", Value: "约三成", Kind: "share", Dir: "up", Path: "r/01/#i-4"}, "", "", ""},
		{"r/data.html", "", Card{Name: "名次 <第一> & \"最\"", Word: "居", Value: "1", Unit: "位", Period: "2020年", Kind: "rank", Path: "r/01/a+b(1).html#i-2", Page: "O'Neil + 100%"}, "居", "", "2020年"},
		{"r/01/02.html", "", Card{Name: "空", Value: "", Kind: "level", Path: "r/01/02.html#i-9"}, "", "", ""},
		{"", "", Card{Name: "路径", Value: "3", Kind: "level", Path: "r 报告/01/x:y.html#i-1"}, "", "", ""},
		{"", "", Card{Name: "百分号", Value: "5", Unit: "%'<", Kind: "le\"vel", Dir: "u&p", Path: "r/%E4%B8%80/q?a=1&b=2.html#i-1"}, "", "", ""},
		{"404.html", "/ghjh/", Card{Name: "基址", Verb: "达到", Value: "10", Unit: "万人", Period: "2020年末", Kind: "level", Path: "r/01/01.html#i-5", Page: "别处"}, "达到", "", "2020年末"},
	} {
		p := &Page{Path: tc.from, Base: tc.base, Report: r}
		v := CardView{tc.card, p}
		if v.Word() != tc.word || v.Sign() != tc.sign || v.Meta() != tc.meta {
			t.Errorf("%s: word, sign, meta = %q, %q, %q; want %q, %q, %q", tc.card.Name, v.Word(), v.Sign(), v.Meta(), tc.word, tc.sign, tc.meta)
		}
		want, err := f.Card(p, tc.card)
		if err != nil {
			t.Fatal(err)
		}
		if got := p.CardHTML(tc.card); got != want {
			t.Errorf("CardHTML:\n%s\npartials/card.html:\n%s", got, want)
		}
	}
	// Given as the theme, the partials are written in Go.
	fast, err := Parse(Layer{FS: theme.Layouts(), Dir: "theme", Theme: true})
	if err != nil {
		t.Fatal(err)
	}
	if f := fast.frag; f.card != nil || f.outline != nil || f.row != nil {
		t.Error("a built-in fragment partial is executed as a template, not written in Go")
	}
}

// TestPlace checks the short labels of the sections that state the cards
// of a report's home, and the data page's groups.
func TestPlace(t *testing.T) {
	r := &Report{Path: "r/", Outline: []Link{
		{Path: "r/01/", Label: "一、", Text: "执行情况", Children: []Link{{Path: "r/01/01.html", Label: "（一）", Text: "经济运行"}}},
		{Path: "r/02.html", Label: "二、", Text: "安排"},
	}}
	p := &Page{Kind: "report", Path: "r/", Report: r}
	for path, want := range map[string]string{"r/01/01.html#i-1": "一、（一）", "r/01/#i-2": "一、", "r/02.html#i-3": "二、", "r/x.html#i-4": "别处"} {
		if got := p.Place(Card{Path: path, Page: "别处"}); got != want {
			t.Errorf("Place(%s) = %q, want %q", path, got, want)
		}
	}
	cards := []Card{{Name: "a", Path: "r/01/01.html#i-1"}, {Name: "b", Path: "r/01/01.html#i-2"}, {Name: "c", Path: "r/02.html#i-3"}, {Name: "d", Path: "r/01/01.html#i-9"}}
	var got []string
	for _, g := range p.CardGroups(cards) {
		got = append(got, fmt.Sprintf("%s %s %d", g.ID, g.Heading, len(g.Cards)))
	}
	want := []string{"g-1 一、（一）经济运行 2", "g-2 二、安排 1", "g-3 一、（一）经济运行 1"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("CardGroups: %q, want %q", got, want)
	}
}

// The data page's rows of every indicator (testdata/indicator-rows-template.html
// is the template that wrote them).
func TestIndicatorRowsMatchTemplate(t *testing.T) {
	src, err := os.ReadFile("testdata/indicator-rows-template.html")
	if err != nil {
		t.Fatal(err)
	}
	// The file's final newline is not part of the rows.
	tmpl := template.Must(template.New("rows").Parse(strings.TrimSuffix(string(src), "\n")))
	cards := []Card{
		{Name: "地区生产总值", Word: "增长", Value: "4.9", Unit: "%", Period: "2020年", Path: "r/01/01.html#i-1", Page: "（一）经济运行"},
		{Name: "收入 <一般> & \"公共\"", Before: "不低于", Value: "28.3", Unit: "亿元", Bound: "以上", Period: "2021年目标", Path: "r/02.html#i-3", Page: "O'Neil + 100%"},
		{Name: "空", Path: "r 报告/01/a+b(1).html#i-2"},
	}
	for _, n := range []int{0, 1, 3} {
		p := &Page{Kind: "data", Path: "r/data.html", Data: &DataView{Cards: cards[:n]}}
		var buf bytes.Buffer
		if err := tmpl.Execute(&buf, p); err != nil {
			t.Fatal(err)
		}
		if got := string(p.IndicatorRows(cards[:n])); got != buf.String() {
			t.Errorf("%d rows: IndicatorRows:\n%s\nthe template:\n%s", n, got, buf.String())
		}
	}
}

// The built-in partials/data-row.html is a row of the data page's tables;
// dataRows must write the same bytes as executing it for each card, and
// GroupRows the same rows, each starting a line.
func TestDataRowsMatchPartial(t *testing.T) {
	f := partials(t)
	cards := []Card{
		{Name: "地区生产总值", Verb: "增长", Value: "4.9", Unit: "%", Period: "2020年", Base: "比上年", Kind: "change", Dir: "up", Path: "r/01/01.html#i-1", Page: "（一）经济运行"},
		{Name: "收入 <一般> & \"公共\"", Before: "不低于", Value: "28.3", Unit: "亿元", Bound: "以上", Period: "2021年目标", Kind: "target", Path: "r/02.html#i-3", Page: "O'Neil + 100%"},
		{Name: "税收", Value: "7.1", Unit: "%", Period: "2016—2020年", Stage: "执行", Kind: "change", Dir: "down", Path: "r 报告/01/a+b(1).html#i-2"},
		{Name: "名次", Word: "居", Value: "1", Unit: "位", Kind: "rank", Path: "r/data.html#i-9"},
		{Name: "空", Path: "r/%E4/x:y.html?q=1&b=2#i-4"},
	}
	for _, p := range []*Page{{Kind: "data", Path: "r/data.html"}, {Kind: "404", Base: "/ghjh/"}} {
		for _, n := range []int{0, 1, len(cards)} {
			want, err := f.DataRows(p, cards[:n])
			if err != nil {
				t.Fatal(err)
			}
			if got := p.dataRows(cards[:n]); got != want {
				t.Errorf("%d rows: dataRows:\n%s\npartials/data-row.html:\n%s", n, got, want)
			}
			if got, want := string(p.GroupRows(cards[:n]))+"\n", "\n"+string(want); got != want {
				t.Errorf("%d rows: GroupRows:\n%s\nwant:\n%s", n, got, want)
			}
		}
	}
}

// A site's own fragment partial that fails names its file.
func TestFragmentPartialError(t *testing.T) {
	site := fstest.MapFS{"partials/card.html": {Data: []byte("<b>{{.Nope}}</b>\n")}}
	tmpl, err := Parse(Layer{FS: site, Dir: "layouts"}, Layer{FS: theme.Layouts(), Dir: "theme", Theme: true})
	if err != nil {
		t.Fatal(err)
	}
	_, err = tmpl.frag.Card(&Page{}, Card{Name: "x"})
	if err == nil || !strings.Contains(err.Error(), "partials/card.html:1") || !strings.Contains(err.Error(), "Nope") {
		t.Errorf("error %v, want one naming partials/card.html:1 and the field", err)
	}
}
