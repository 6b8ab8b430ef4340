package markdown

import (
	"reflect"
	"slices"
	"strings"
	"testing"
)

// TestSections: the search text of a page, split at its headings; the
// cases search.Sections had on HTML, written as the Markdown that gives it.
func TestSections(t *testing.T) {
	c := New()
	for _, tc := range []struct {
		name  string
		src   string
		noIDs bool
		want  []Section
	}{
		{"paragraphs", "全区地区生产总值增长4.9%，  \n高于全市。\n\n第二段。\n", false,
			[]Section{{Blocks: []Block{{ID: "p-1", Text: "全区地区生产总值增长4.9%， 高于全市。"}, {ID: "p-2", Text: "第二段。"}}}}},
		{"headings split sections", "导语。\n\n## 一、主要*目标*\n\n正文。\n\n### 小标题\n", false,
			[]Section{
				{Blocks: []Block{{ID: "p-1", Text: "导语。"}}},
				{Heading: "一、主要目标", ID: "一主要目标", Blocks: []Block{{ID: "p-2", Text: "正文。"}}},
				{Heading: "小标题", ID: "小标题"},
			}},
		{"entities and inline markup", "A &amp; B &lt;C&gt; **重点**[链接](x.html)`x<1`", false,
			[]Section{{Blocks: []Block{{ID: "p-1", Text: "A & B <C> 重点链接x<1"}}}}},
		{"footnote numbers are not text", "增长5.2%[^1]，高于\n\n[^1]: 按可比价格计算。\n", false,
			[]Section{{Blocks: []Block{{ID: "p-1", Text: "增长5.2%，高于"}, {ID: "p-2", Text: "按可比价格计算。"}}}}},
		{"lists", "- 稳定就业\n- 优化营商环境\n  - 简化审批\n\n1. 松散列表\n\n2. 第二项\n", false,
			[]Section{{Blocks: []Block{{ID: "p-1", Text: "稳定就业"}, {ID: "p-2", Text: "优化营商环境"}, {ID: "p-3", Text: "简化审批"}, {ID: "p-4", Text: "松散列表"}, {ID: "p-5", Text: "第二项"}}}}},
		{"table cells stay apart", "| 指标 | 数值 |\n|------|-----:|\n| 增长 | 4.9% |\n", false,
			[]Section{{Blocks: []Block{{ID: "p-1", Text: "指标 数值 增长 4.9%"}}}}},
		{"code has no id", "前。\n\n```\nfmt.Println(1)\n```\n\n后。\n", false,
			[]Section{{Blocks: []Block{{ID: "p-1", Text: "前。"}, {ID: "", Text: "fmt.Println(1)"}, {ID: "p-2", Text: "后。"}}}}},
		{"without paragraph ids", "甲。\n\n乙  \n丙。\n", true,
			[]Section{{Blocks: []Block{{ID: "", Text: "甲。"}, {ID: "", Text: "乙 丙。"}}}}},
		{"ideographic space", "表1　主要指标", false, []Section{{Blocks: []Block{{ID: "p-1", Text: "表1 主要指标"}}}}},
		{"raw html is text", "<div>\n甲乙\n</div>\n", false, []Section{{Blocks: []Block{{ID: "", Text: "<div> 甲乙 </div>"}}}}},
		{"empty", "", false, []Section{{}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r, err := c.Convert([]byte(tc.src), Options{ParagraphIDs: !tc.noIDs})
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(r.Sections, tc.want) {
				t.Errorf("got  %q\nwant %q\nHTML %s", r.Sections, tc.want, r.HTML)
			}
		})
	}
}

// TestRefs: every id of the HTML, and every link with the line of the file
// it is written on.
func TestRefs(t *testing.T) {
	src := "## 投资\n\n见[上文](#投资)与[附件](files/表.pdf \"表\")。[^1]\n\n" +
		"![图](img/a.png) <https://www.gov.cn/> www.stats.gov.cn\n\n" +
		"[^1]: 注，见[下页](02.html)。\n"
	r, err := New().Convert([]byte(src), Options{IDPrefix: "end-", ParagraphIDs: true, FirstLine: 10,
		Marks: []Span{{Sentence: "与附件", ID: "s1", Class: "s"}}})
	if err != nil {
		t.Fatal(err)
	}
	h := string(r.HTML)
	for _, id := range r.IDs {
		if !strings.Contains(h, ` id="`+id+`"`) {
			t.Errorf("id %q is not in the HTML", id)
		}
	}
	if got := strings.Count(h, ` id="`); got != len(r.IDs) {
		t.Errorf("%d ids in the HTML, %d in IDs %q", got, len(r.IDs), r.IDs)
	}
	want := []Link{
		{"#%E6%8A%95%E8%B5%84", 12}, {"files/%E8%A1%A8.pdf", 12}, {"#end-fn:1", 12},
		{"img/a.png", 14}, {"https://www.gov.cn/", 14}, {"http://www.stats.gov.cn", 14},
		{"02.html", 16}, {"#end-fnref:1", 0},
	}
	if !reflect.DeepEqual(r.Links, want) {
		t.Errorf("Links\n%v, want\n%v", r.Links, want)
	}
	for _, l := range r.Links {
		if !strings.Contains(h, `href="`+l.URL+`"`) && !strings.Contains(h, `src="`+l.URL+`"`) {
			t.Errorf("link %q is not in the HTML", l.URL)
		}
	}
}

// TestHasCode: HasCode says whether chroma highlighted a block, which its
// class shows.
func TestHasCode(t *testing.T) {
	for _, src := range []string{"```go\nx := 1\n```\n", "```\nx := 1\n```\n", "    x := 1\n", "```nosuchlanguage\nx\n```\n",
		"```go {nohl}\nx := 1\n```\n", "`go`\n"} {
		r, err := New().Convert([]byte(src), Options{})
		if err != nil {
			t.Fatal(err)
		}
		if want := strings.Contains(string(r.HTML), `class="chroma"`); r.HasCode != want {
			t.Errorf("%q: HasCode %v, HTML %s", src, r.HasCode, r.HTML)
		}
	}
}

// TestNestUnmarked: the full text shows a page's marked sentences
// unmarked, cut nodes and all, as if it were converted without marks.
func TestNestUnmarked(t *testing.T) {
	c := New()
	src := "甲*乙。丙*丁。R&amp;D投入`<1%`，较低。  \n其后**重点**\n\n| a | 同比增长 |\n|---|---|\n| 1 | 2 |\n"
	plain, _ := c.Convert([]byte(src), Options{})
	marked, _ := c.Convert([]byte(src), Options{Marks: []Span{
		{Sentence: "丙丁。R&D", ID: "a", Class: "s", After: "<i></i>"},
		{Sentence: "1%，较低。 其后重", ID: "b", Class: "s"},
		{Sentence: "同比", ID: "c", Class: "s"},
	}})
	if !slices.Equal(marked.Marked, []bool{true, true, true}) || marked.HTML == plain.HTML {
		t.Fatalf("not marked: %v\n%s", marked.Marked, marked.HTML)
	}
	if got, want := marked.Nest("x-", 1, "01/"), plain.Nest("x-", 1, "01/"); got != want {
		t.Errorf("nested marked page\n%s\nwant\n%s", got, want)
	}
}

// TestCollapse: collapse reads white space as unicode.IsSpace does.
func TestCollapse(t *testing.T) {
	var all []rune
	for r := rune(0); r < 0x3100; r++ {
		all = append(all, r)
	}
	want := func(s string) string { return strings.Join(strings.Fields(s), " ") }
	for _, s := range []string{"", " ", "甲 乙", " 甲\u3000\u3000乙 ", "a\u00a0b\u2028c\u205fd\u1680e", "a\u00b7b", string(all)} {
		if got := collapse([]byte(s)); got != want(s) {
			t.Errorf("collapse(%q) = %q, want %q", s, got, want(s))
		}
	}
}
