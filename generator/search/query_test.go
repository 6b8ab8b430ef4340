package search

import (
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"
	"testing/fstest"
)

// load builds the index of groups and reads it back, as a published site.
func load(t *testing.T, groups ...Group) *Index {
	t.Helper()
	fsys := fstest.MapFS{}
	for _, f := range Build(groups) {
		fsys[f.Name] = &fstest.MapFile{Data: f.Data}
	}
	ix, err := Load(fsys)
	if err != nil {
		t.Fatal(err)
	}
	return ix
}

func TestTerms(t *testing.T) {
	for _, tc := range []struct {
		q    string
		want []string
	}{
		{"营商环境", []string{"营商环境"}},
		{"  营商　环境 营商 ", []string{"营商", "环境"}},
		{`"营商 环境"`, []string{"营商 环境"}},
		{"“营商环境”", []string{"营商环境"}},
		{"“十四五”规划", []string{"“十四五”规划"}},
		{"ＧＤＰ ４．９％", []string{"gdp", "4.9%"}},
		{`""`, nil},
		{"", nil},
	} {
		if got := Terms(tc.q); !reflect.DeepEqual(got, tc.want) {
			t.Errorf("Terms(%q) = %q, want %q", tc.q, got, tc.want)
		}
	}
}

func TestWholeIn(t *testing.T) {
	for _, tc := range []struct {
		s, t string
		want bool
	}{
		{"增长4.9%，增幅", "4.9%", true},
		{"增长14.9%，增幅", "4.9%", false},
		{"增长14.9%，又增长4.9%", "4.9%", true},
		{"达到215.4亿元", "215.4亿元", true},
		{"达到215.4亿元", "15.4亿", false},
		{"gdp and gdpr", "gdp", true},
		{"gdpr", "gdp", false},
		{"营商环境", "营商", true},
	} {
		if got := wholeIn(tc.s, tc.t); got != tc.want {
			t.Errorf("wholeIn(%q, %q) = %v, want %v", tc.s, tc.t, got, tc.want)
		}
	}
}

// TestFilterNoFalseNegative: every pair of a section's text passes its
// filter, whatever the text.
func TestFilterNoFalseNegative(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	alphabet := []rune("经济发展营商环境新增就业资产投资0123456789.%abcXYZ，。、“”（）　 ")
	for range 200 {
		var b strings.Builder
		for range 1 + rng.IntN(300) {
			b.WriteRune(alphabet[rng.IntN(len(alphabet))])
		}
		text := b.String()
		ix := load(t, Group{Pages: []*Page{NewPage("a.html", "", para("p-1", collapse(text)))}})
		for _, h := range appendPairs(nil, fold(collapse(text))) {
			if !ix.mayHold(&ix.units[0], []uint32{h}) {
				t.Fatalf("a pair of %q fails its own filter", text)
			}
		}
	}
}

func TestRanking(t *testing.T) {
	ix := load(t,
		Group{Title: "报告甲", Pages: []*Page{
			NewPage("a/01.html", "（一）优化营商环境", para("p-1", "持续深化改革。")),
			NewPage("a/02.html", "（二）扩大开放",
				[]Section{{Blocks: []Block{{"p-1", "营商的条件和发展环境都在改善。"}, {"p-2", "持续优化营商环境，增长14.9%。"}}}},
				[]Section{{}, {Heading: "三、增长4.9%", ID: "x", Blocks: []Block{{"end-p-1", "地区生产总值增长4.9%。"}}}}),
		}},
		Group{Pages: []*Page{NewPage("about.html", "关于本站", para("p-1", "营商 环境分开写。"))}},
	)
	type hit struct{ path, anchor string }
	for _, tc := range []struct {
		q    string
		want []hit
	}{
		// The heading (here the page's title) first, then the text; the
		// phrase before the terms apart.
		{"营商环境", []hit{{"a/01.html", ""}, {"a/02.html", "p-2"}}},
		{"营商 环境", []hit{{"a/01.html", ""}, {"a/02.html", "p-2"}, {"about.html", "p-1"}}},
		// A whole number before part of one.
		{"4.9%", []hit{{"a/02.html", "x"}, {"a/02.html", "p-2"}}},
		{"“营商环境”", []hit{{"a/01.html", ""}, {"a/02.html", "p-2"}}},
		{`"营商 环境"`, []hit{{"about.html", "p-1"}}},
		{"营商 不存在", nil},
		{"营", nil},
		{"，增长", []hit{{"a/02.html", "p-2"}}},
	} {
		var got []hit
		for _, h := range ix.Search(tc.q) {
			got = append(got, hit{h.Path, h.Anchor})
		}
		if !reflect.DeepEqual(got, tc.want) {
			t.Errorf("Search(%q) = %v, want %v", tc.q, got, tc.want)
		}
	}
	hs := ix.Search("增长4.9%")
	if len(hs) != 1 || hs[0].Heading != "三、增长4.9%" || hs[0].Report != "报告甲" || hs[0].Title != "（二）扩大开放" || hs[0].Text != "三、增长4.9%" {
		t.Errorf("Search(增长4.9%%) = %+v", hs)
	}
}

func TestSplitParts(t *testing.T) {
	var pages []*Page
	text := strings.Repeat("国民经济和社会发展计划执行情况", 2000)
	for range 5 {
		pages = append(pages, NewPage("r/x.html", "标题", para("p-1", text)))
	}
	files := Build([]Group{{Title: "报告", Pages: pages}})
	if len(files) < 3 {
		t.Fatalf("%d files: a report of %d KB is not split", len(files), 5*len(text)>>10)
	}
	for _, f := range files[1:] {
		if len(f.Data) > maxPart+len(text)+1024 {
			t.Errorf("%s: %d bytes", f.Name, len(f.Data))
		}
	}
	ix := load(t, Group{Title: "报告", Pages: pages})
	if n := len(ix.Search("执行情况国民经济")); n != 5 {
		t.Errorf("%d hits over the parts, want 5", n)
	}
}

// para is the text of a page that is one paragraph.
func para(id, text string) []Section {
	return []Section{{Blocks: []Block{{ID: id, Text: text}}}}
}
