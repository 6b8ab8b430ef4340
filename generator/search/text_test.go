package search

import (
	"reflect"
	"testing"
)

func TestSections(t *testing.T) {
	for _, tc := range []struct {
		name string
		html string
		want []Section
	}{
		{"paragraphs", "<p id=\"p-1\">全区地区生产总值增长4.9%，\n高于全市。</p>\n<p id=\"p-2\">第二段。</p>\n",
			[]Section{{Blocks: []Block{{"p-1", "全区地区生产总值增长4.9%， 高于全市。"}, {"p-2", "第二段。"}}}}},
		{"headings split sections", "<p id=\"p-1\">导语。</p>\n<h2 id=\"一主要目标\">一、主要<em>目标</em></h2>\n<p id=\"p-2\">正文。</p>\n<h3 id=\"x\">小标题</h3>\n",
			[]Section{
				{Blocks: []Block{{"p-1", "导语。"}}},
				{Heading: "一、主要目标", ID: "一主要目标", Blocks: []Block{{"p-2", "正文。"}}},
				{Heading: "小标题", ID: "x"},
			}},
		{"entities and inline markup", `<p id="p-1">A &amp; B &lt;C&gt; <strong>重点</strong><a href="x.html">链接</a><code>x&lt;1</code></p>`,
			[]Section{{Blocks: []Block{{"p-1", "A & B <C> 重点链接x<1"}}}}},
		{"footnote numbers are not text", `<p id="p-1">增长5.2%<sup id="fnref:1"><a href="#fn:1" class="footnote-ref" role="doc-noteref">1</a></sup>，高于</p>
<div class="footnotes" role="doc-endnotes">
<hr>
<ol>
<li id="fn:1">
<p id="p-2">按可比价格计算。&#160;<a href="#fnref:1" class="footnote-backref" role="doc-backlink">&#x21a9;&#xfe0e;</a></p>
</li>
</ol>
</div>
`, []Section{{Blocks: []Block{{"p-1", "增长5.2%，高于"}, {"p-2", "按可比价格计算。"}}}}},
		{"lists", "<ul>\n<li id=\"p-1\">稳定就业</li>\n<li id=\"p-2\">优化营商环境\n<ul>\n<li id=\"p-3\">简化审批</li>\n</ul>\n</li>\n</ul>\n<ol>\n<li>\n<p id=\"p-4\">松散列表</p>\n</li>\n</ol>\n",
			[]Section{{Blocks: []Block{{"p-1", "稳定就业"}, {"p-2", "优化营商环境"}, {"p-3", "简化审批"}, {"p-4", "松散列表"}}}}},
		{"table cells stay apart", "<div class=\"table-wrap\" role=\"region\" tabindex=\"0\" aria-label=\"表格\">\n<table id=\"p-1\">\n<thead>\n<tr>\n<th>指标</th>\n<th align=\"right\">数值</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>增长</td>\n<td align=\"right\">4.9%</td>\n</tr>\n</tbody>\n</table>\n</div>\n",
			[]Section{{Blocks: []Block{{"p-1", "指标 数值 增长 4.9%"}}}}},
		{"code has no id", "<p id=\"p-1\">前。</p>\n<pre><code>fmt.Println(1)\n</code></pre>\n<p id=\"p-2\">后。</p>\n",
			[]Section{{Blocks: []Block{{"p-1", "前。"}, {"", "fmt.Println(1)"}, {"p-2", "后。"}}}}},
		{"without paragraph ids", "<p>甲。</p>\n<p>乙<br>\n丙。</p>\n",
			[]Section{{Blocks: []Block{{"", "甲。"}, {"", "乙 丙。"}}}}},
		{"ideographic space", "<p id=\"p-1\">表1　主要指标</p>", []Section{{Blocks: []Block{{"p-1", "表1 主要指标"}}}}},
		{"empty", "", []Section{{}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := Sections(tc.html); !reflect.DeepEqual(got, tc.want) {
				t.Errorf("got  %q\nwant %q", got, tc.want)
			}
		})
	}
}

func TestFold(t *testing.T) {
	for in, want := range map[string]string{
		"GDP增长４．９％": "gdp增长4.9%",
		"“十四五”规划":   "“十四五”规划",
		"Ｈｅｌｌｏ，世界":  "hello,世界",
		"":          "",
	} {
		if got := fold(in); got != want {
			t.Errorf("fold(%q) = %q, want %q", in, got, want)
		}
	}
}
