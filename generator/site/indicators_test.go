package site

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"reportsite/generator/internal/testsite"
)

const withIndicators = `
-- content/r/01/01.md --
+++
title = "经济运行稳步回升"
label = "（一）"
weight = 1

[[indicators]]
name = "地区生产总值"
value = "4.9"
number = 4.9
unit = "%"
kind = "change"
direction = "up"
period = "2020"
headline = true
verb = "增长"
anchor = "i-aaaa0001"
sentence = "全区地区生产总值同比增长4.9%，增幅居全市第2位；"

[[indicators]]
name = "三次产业比例"
value = "4.1:43.1:52.8"
number = 0.0
kind = "ratio"
period = "2020"
anchor = "i-aaaa0002"
sentence = "三次产业比例调整为4.1:43.1:52.8。"
+++
全区地区生产总值同比增长4.9%，增幅居全市第2位；三次产业比例调整为4.1:43.1:52.8。
-- content/r/02/_index.md --
+++
title = "2021年主要预期目标"
label = "二、"
weight = 2

[[indicators]]
name = "地区生产总值"
value = "7"
number = 7.0
unit = "%"
kind = "target"
direction = "up"
bound = "以上"
period = "2021"
headline = true
verb = "增长"
anchor = "i-bbbb0001"
sentence = "──地区生产总值增长7%以上。"
+++
──地区生产总值增长7%以上。
`

func TestIndicatorsRender(t *testing.T) {
	dir := testSite(t, miniSite)
	testsite.Write(t, dir, withIndicators)
	mustBuild(t, dir)
	page := readOut(t, dir, "r/01/01.html")
	assertContains(t, "r/01/01.html", page,
		`<li id="card-1"><a class="card card-change card-up" href="#i-aaaa0001">`,
		`<span class="card-word">增长</span><span class="card-value">4.9</span><span class="card-unit">%</span>`,
		`<span class="ind-src" id="i-aaaa0001">全区地区生产总值同比增长4.9%，增幅居全市第2位；</span><a class="ind-back" href="#card-1" aria-label="查看指标：地区生产总值">指标</a>`,
		`<span class="ind-src" id="i-aaaa0002">三次产业比例调整为4.1:43.1:52.8。</span>`,
	)
	home := readOut(t, dir, "r/index.html")
	assertContains(t, "r/index.html", home, `href="01/01.html#i-aaaa0001"`, `href="02/index.html#i-bbbb0001"`, `<a href="data.html">`)
	data := readOut(t, dir, "r/data.html")
	assertContains(t, "r/data.html", data,
		`<th scope="row">地区生产总值</th><td><a href="01/01.html#i-aaaa0001">增长4.9%</a><span class="period">2020年</span></td><td><a href="02/index.html#i-bbbb0001">增长7%以上</a><span class="period">2021年目标</span></td>`,
		`<svg`, `role="img"`, `<td>4.1%</td><td>43.1%</td><td>52.8%</td>`,
		`class="chroma"`, // the highlighted JSON sample of 数据说明
	)
	csv := readOut(t, dir, "r/indicators.csv")
	if !strings.HasPrefix(csv, "\ufeff") || !strings.Contains(csv, "https://example.gov.cn/sub/r/01/01.html#i-aaaa0001") {
		t.Errorf("indicators.csv:\n%s", csv)
	}
	assertContains(t, "r/indicators.json", readOut(t, dir, "r/indicators.json"), `"value": "7"`, `"bound": "以上"`)
	// The full text shows the text without cards or marks.
	full := readOut(t, dir, "r/full.html")
	if strings.Contains(full, "ind-src") || strings.Contains(full, "card-1") {
		t.Error("the full text carries indicator marks")
	}
}

func TestIndicatorMustMatchText(t *testing.T) {
	for _, tc := range []struct{ name, from, to, want string }{
		{"number edited in the text", "全区地区生产总值同比增长4.9%，增幅居全市第2位；三次产业", "全区地区生产总值同比增长5.9%，增幅居全市第2位；三次产业",
			`content/r/01/01.md: indicator "地区生产总值"`},
		{"value edited in front matter", `value = "4.9"`, `value = "4.8"`,
			`content/r/01/01.md: indicator "地区生产总值" (4.8%): value "4.8" is not in its sentence`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := testSite(t, miniSite)
			testsite.Write(t, dir, strings.Replace(withIndicators, tc.from, tc.to, 1))
			_, err := build(t, dir)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("error %v, want %q", err, tc.want)
			}
		})
	}
}

// TestIndicatorsOnReportHome: a report's home states figures in its lead and
// in its closing (after the children marker, as a report without parts
// does); both sentences are marked and link to cards that the home shows.
func TestIndicatorsOnReportHome(t *testing.T) {
	dir := testSite(t, miniSite)
	testsite.Write(t, dir, `-- content/r/_index.md --
+++
title = "关于某某区2020年度计划执行情况的报告"
weight = 1
[report]
kind = "plan-report"
year = 2020
issued = "2021-03-12"
publisher = "某某区发展和改革局"

[[indicators]]
name = "城镇新增就业"
value = "6002"
number = 6002.0
unit = "人"
kind = "level"
period = "2020"
anchor = "i-dddd0001"
sentence = "全区城镇新增就业6002人。"

[[indicators]]
name = "农村公路"
value = "577.2"
number = 577.2
unit = "公里"
kind = "level"
period = "2020"
anchor = "i-dddd0002"
sentence = "新改建农村公路577.2公里。"
+++
受区人民政府委托，现向大会作报告。全区城镇新增就业6002人。
<!--children-->
各位代表，新改建农村公路577.2公里。
`)
	mustBuild(t, dir)
	home := readOut(t, dir, "r/index.html")
	assertContains(t, "r/index.html", home,
		`<span class="ind-src" id="i-dddd0001">全区城镇新增就业6002人。</span>`,
		`<span class="ind-src" id="i-dddd0002">新改建农村公路577.2公里。</span>`,
		`<li id="card-1"><a class="card card-level" href="#i-dddd0001">`,
		`<li id="card-2"><a class="card card-level" href="#i-dddd0002">`,
	)
}

// A site that copies partials/card.html into its layouts/ and edits it sees
// its own markup on every card of every page kind: a page's cards, a
// section's, a report home's own figures and dashboard, and the site home's
// dashboard. The built-in card is left nowhere.
func TestSiteCardPartial(t *testing.T) {
	dir := testSite(t, miniSite+withIndicators)
	testsite.Write(t, dir, `-- content/r/_index.md --
+++
title = "关于某某区2020年度计划执行情况的报告"
weight = 1
[report]
kind = "plan-report"
year = 2020
issued = "2021-03-12"
publisher = "某某区发展和改革局"

[[indicators]]
name = "城镇新增就业"
value = "6002"
number = 6002.0
unit = "人"
kind = "level"
period = "2020"
anchor = "i-dddd0001"
sentence = "全区城镇新增就业6002人。"
+++
受区人民政府委托，现向大会作报告。全区城镇新增就业6002人。
<!--children-->
各位代表，实干赢得未来。
-- layouts/partials/card.html --
<div class="my-card card-{{.Card.Kind}}"><a href="{{.Page.Rel .Card.Path}}">{{.Card.Name}}：{{.Word}}{{.Sign}}{{.Card.Value}}{{.Card.Unit}}</a>{{if .Card.Page}}（{{.Place}}）{{end}}</div>
`)
	mustBuild(t, dir)
	for file, wants := range map[string][]string{
		"r/01/01.html": {
			`<li id="card-1"><div class="my-card card-change"><a href="#i-aaaa0001">地区生产总值：增长4.9%</a></div>`,
			`<li id="card-2"><div class="my-card card-ratio"><a href="#i-aaaa0002">三次产业比例：4.1:43.1:52.8</a></div>`,
		},
		"r/02/index.html": {
			`<li id="card-1"><div class="my-card card-target"><a href="#i-bbbb0001">地区生产总值：增长7%</a></div>`,
		},
		"r/index.html": {
			`<li id="card-1"><div class="my-card card-level"><a href="#i-dddd0001">城镇新增就业：6002人</a></div>`,
			`<li><div class="my-card card-change"><a href="01/01.html#i-aaaa0001">地区生产总值：增长4.9%</a>（一、（一））</div>`,
		},
		"index.html": {
			`<li><div class="my-card card-change"><a href="r/01/01.html#i-aaaa0001">地区生产总值：增长4.9%</a>（一、（一））</div>`,
		},
	} {
		assertContains(t, file, readOut(t, dir, file), wants...)
	}
	err := filepath.WalkDir(filepath.Join(dir, "public"), func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".html") {
			return err
		}
		b, err := os.ReadFile(p)
		if strings.Contains(string(b), `<a class="card `) {
			t.Errorf("%s: the built-in card is still shown", p)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
}

// The report's outline list and the data page's rows are partials a site
// can replace the same way (the file's final newline is kept, as in any
// partial).
func TestSiteOutlineAndRowPartials(t *testing.T) {
	dir := testSite(t, miniSite+withIndicators+`
-- layouts/partials/outline-list.html --
{{with .Report}}<ul class="my-outline">{{range .Outline}}<li><a href="{{$.Rel .Path}}">{{.Label}}{{.Text}}</a></li>{{end}}</ul>{{end}}
-- layouts/partials/data-row.html --
<tr class="my-row"><td>{{.Card.Name}}</td><td>{{.Figure}}</td><td><a href="{{.Page.Rel .Card.Path}}">{{.Place}}</a></td></tr>
`)
	mustBuild(t, dir)
	assertContains(t, "r/01/01.html", readOut(t, dir, "r/01/01.html"),
		`<summary><span class="outline-title">目录</span><span class="where">一、（一）经济运行稳步回升</span></summary>
<ul class="my-outline"><li><a href="index.html">一、2020年国民经济和社会发展计划执行情况</a></li><li><a href="../02/index.html">二、2021年主要预期目标</a></li></ul>

</details>`)
	assertContains(t, "r/data.html", readOut(t, dir, "r/data.html"),
		`<tbody>
<tr class="my-row"><td>地区生产总值</td><td>增长4.9%</td><td><a href="01/01.html#i-aaaa0001">一、（一）</a></td></tr>
<tr class="my-row"><td>三次产业比例</td><td>4.1:43.1:52.8</td><td><a href="01/01.html#i-aaaa0002">一、（一）</a></td></tr>
</tbody>`)
}

// TestIndicatorSentenceWithMarkup: an editor may put valid Markdown inside an
// indicator's sentence (emphasis, a link, inline code) or let emphasis run
// across its end. The sentence is still the page's text as a reader sees it,
// so the build verifies it, marks it with its anchor and links its card to it.
func TestIndicatorSentenceWithMarkup(t *testing.T) {
	const sentence = "全区地区生产总值同比增长4.9%，增幅居全市第2位；"
	for _, tc := range []struct{ name, body, want string }{
		{"emphasis inside", "全区地区生产总值同比**增长4.9%**，增幅居全市第2位；三次产业比例调整为4.1:43.1:52.8。",
			`<span class="ind-src" id="i-aaaa0001">全区地区生产总值同比<strong>增长4.9%</strong>，增幅居全市第2位；</span><a class="ind-back" href="#card-1"`},
		{"link inside", "全区[地区生产总值](https://example.gov.cn/gdp)同比增长4.9%，增幅居全市第2位；三次产业比例调整为4.1:43.1:52.8。",
			`<span class="ind-src" id="i-aaaa0001">全区<a href="https://example.gov.cn/gdp" class="external" rel="noopener">地区生产总值</a>同比增长4.9%，增幅居全市第2位；</span><a class="ind-back" href="#card-1"`},
		{"inline code inside", "全区地区生产总值同比增长`4.9%`，增幅居全市第2位；三次产业比例调整为4.1:43.1:52.8。",
			`<span class="ind-src" id="i-aaaa0001">全区地区生产总值同比增长<code>4.9%</code>，增幅居全市第2位；</span><a class="ind-back" href="#card-1"`},
		{"escaped punctuation", `全区地区生产总值同比增长4.9%，增幅居全市第2位；三次产业比例调整为4.1\:43.1:52.8。`,
			`<span class="ind-src" id="i-aaaa0001">全区地区生产总值同比增长4.9%，增幅居全市第2位；</span>`},
		{"emphasis across the end", "全区地区生产总值同比增长4.9%，**增幅居全市第2位；三次产业**比例调整为4.1:43.1:52.8。",
			`<span class="ind-src" id="i-aaaa0001">全区地区生产总值同比增长4.9%，</span><strong><span class="ind-src">增幅居全市第2位；</span><a class="ind-back" href="#card-1"` +
				` aria-label="查看指标：地区生产总值">指标</a><span class="ind-src" id="i-aaaa0002">三次产业</span></strong><span class="ind-src">比例调整为4.1:43.1:52.8。</span>`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := testSite(t, miniSite)
			src := strings.Replace(withIndicators, "\n"+sentence+"三次产业比例调整为4.1:43.1:52.8。\n", "\n"+tc.body+"\n", 1)
			if src == withIndicators {
				t.Fatal("body not replaced")
			}
			testsite.Write(t, dir, src)
			mustBuild(t, dir)
			page := readOut(t, dir, "r/01/01.html")
			assertContains(t, "r/01/01.html", page, tc.want,
				`<li id="card-1"><a class="card card-change card-up" href="#i-aaaa0001">`,
				`id="i-aaaa0002">三次产业`)
			if n := strings.Count(page, `id="i-aaaa0001"`); n != 1 {
				t.Errorf("anchor i-aaaa0001 appears %d times", n)
			}
		})
	}
}
