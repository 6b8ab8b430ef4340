package site

import (
	"fmt"
	"html/template"
	"io/fs"
	"slices"
	"strings"

	"reportsite/generator/content"
	"reportsite/generator/indicator"
	"reportsite/generator/markdown"
	"reportsite/generator/render"
)

// cardID is the id of the card of a page's i-th indicator.
func cardID(i int) string { return fmt.Sprintf("card-%d", i+1) }

// cardOf turns an indicator stated on page (a site-root-relative path) into
// a card. The card shows the sentence's own verb (Verb: 增长, 下降, 控制在,
// 为预算 …), never one made up from the direction (the theme shows a sign
// where there is no verb); 余 and 多 stand between the number and its unit
// as printed (11500余人次).
func cardOf(ind content.Indicator, page string, i int) render.Card {
	c := render.Card{
		ID: cardID(i), Name: ind.Name, Value: ind.Value, Unit: ind.Unit, Kind: ind.Kind,
		Dir: ind.Direction, Path: page + "#" + ind.Anchor, Period: ind.Period + "年",
		Verb: ind.Verb, Base: ind.Base, Stage: ind.Stage,
	}
	switch {
	case ind.Bound == "":
	case ind.Bound == "余" || ind.Bound == "多":
		c.Unit = ind.Bound + ind.Unit
	case strings.HasPrefix(ind.Bound, "余") || strings.HasPrefix(ind.Bound, "多"):
		c.Unit, c.Bound = ind.Bound[:len("余")]+ind.Unit, ind.Bound[len("余"):]
	case indicator.BoundBefore(ind.Bound):
		if !strings.HasSuffix(ind.Verb, ind.Bound) {
			c.Before = ind.Bound
		}
	default:
		c.Bound = ind.Bound
	}
	if ind.Kind == "rank" && ind.Value != "首" && (c.Verb == "居" || c.Verb == "") {
		c.Verb = "居第"
	}
	if ind.Kind == "target" {
		c.Period = ind.Period + "年目标"
	}
	return c
}

// sentenceSpans returns the spans that mark a page's indicator sentences
// when it is converted: each sentence once (indicators may share one),
// with its anchor and a link back to its first card.
func sentenceSpans(inds []content.Indicator) []markdown.Span {
	spans := make([]markdown.Span, 0, len(inds))
	marked := map[string]bool{}
	for i, ind := range inds {
		if marked[ind.Anchor] || ind.Sentence == "" {
			continue
		}
		marked[ind.Anchor] = true
		back := template.HTML(`<a class="ind-back" href="#` + cardID(i) + `" aria-label="` +
			template.HTMLEscapeString("查看指标："+ind.Name) + `">指标</a>`)
		// The anchor is front matter, written into an attribute as is.
		spans = append(spans, markdown.Span{Sentence: ind.Sentence, ID: template.HTMLEscapeString(ind.Anchor), Class: "ind-src", After: back})
	}
	return spans
}

// markSentences verifies a page's indicators against its plain text (the
// Text of its converted lead and closing) and checks that conversion
// marked each source sentence (in its lead, or else, in an index page, its
// closing). Every problem names the page's file and the indicator.
func markSentences(pg *content.Page, src string, c converted) []error {
	inds := pg.Meta.Indicators
	if len(inds) == 0 {
		return nil
	}
	var errs []error
	text := c.body.Text
	if c.closing.Text != "" {
		text += "\n" + c.closing.Text
	}
	if err := indicator.VerifyPage(inds, text); err != nil {
		for _, e := range content.Errors(err) {
			errs = append(errs, &content.Error{Path: src, Err: e})
		}
	}
	spans := c.spans
	if k := slices.Index(c.found, false); k >= 0 && len(errs) == 0 {
		i := slices.IndexFunc(inds, func(ind content.Indicator) bool { return template.HTMLEscapeString(ind.Anchor) == spans[k].ID })
		errs = append(errs, &content.Error{Path: src, Err: fmt.Errorf(
			"indicator %q: its sentence %q is not one run of text on the page: fix the sentence in front matter or remove the indicator",
			inds[i].Name, short(spans[k].Sentence))})
	}
	return errs
}

func short(s string) string {
	r := []rune(s)
	if len(r) > 40 {
		return string(r[:40]) + "…"
	}
	return s
}

// dataView builds the data page of report r: every indicator as a card,
// results beside targets, charts and the open data files' paths.
func (p *siteplan) dataView(r *node) *render.DataView {
	v := &render.DataView{JSONPath: r.path + "indicators.json", CSVPath: r.path + "indicators.csv", Fields: p.fieldsHTML}
	n := countIndicators(r)
	v.Cards = make([]render.Card, 0, n)
	results, targets := make([]content.Indicator, 0, n), make([]content.Indicator, 0, n/2)
	where := make(map[string]string, n) // anchor → page path
	for _, n := range r.reading {
		if n.page == nil {
			continue
		}
		for i, ind := range n.page.Meta.Indicators {
			c := cardOf(ind, n.path, i)
			c.Page = n.label + n.title
			v.Cards = append(v.Cards, c)
			where[ind.Anchor] = n.path
			if ind.Kind == "target" {
				targets = append(targets, ind)
			} else {
				results = append(results, ind)
			}
			if ind.Kind == "ratio" {
				written, _, ok := indicator.Terms(ind)
				if !ok {
					continue
				}
				rc := render.RatioChart{Card: c, SVG: template.HTML(indicator.StructureSVG(ind))}
				names := ratioNames(ind.Name, len(written))
				for k, w := range written {
					rc.Terms = append(rc.Terms, render.RatioTerm{Name: names[k], Value: w})
				}
				v.Ratios = append(v.Ratios, rc)
			}
		}
	}
	pairs := indicator.Pairs(indicator.OneYear(results), targets)
	for _, pr := range pairs {
		v.Pairs = append(v.Pairs, render.PairRow{
			Name:   pr.Target.Name,
			Result: cardOf(pr.Result, where[pr.Result.Anchor], 0),
			Target: cardOf(pr.Target, where[pr.Target.Anchor], 0),
		})
	}
	if len(pairs) > 0 {
		v.PairChart = template.HTML(indicator.PlanVsResultSVG(pairs))
	}
	return v
}

// ratioNames names the terms of a ratio: 三次产业 gives 第一产业, 第二产业…;
// any other ratio numbers its terms.
func ratioNames(name string, n int) []string {
	names := make([]string, n)
	for i := range names {
		if strings.Contains(name, "三次产业") && n == 3 {
			names[i] = [...]string{"第一产业", "第二产业", "第三产业"}[i]
		} else {
			names[i] = fmt.Sprintf("第%d项", i+1)
		}
	}
	return names
}

// openData returns the indicators of report r as JSON and CSV rows, each
// with the absolute (or, without a base URL, site-relative) page address.
// countIndicators is the number of indicators the pages of report r state.
func countIndicators(r *node) int {
	n := 0
	for _, m := range r.reading {
		if m.page != nil {
			n += len(m.page.Meta.Indicators)
		}
	}
	return n
}

func (p *siteplan) openData(r *node) []indicator.Row {
	rows := make([]indicator.Row, 0, countIndicators(r))
	for _, n := range r.reading {
		if n.page == nil {
			continue
		}
		for _, ind := range n.page.Meta.Indicators {
			rows = append(rows, indicator.Row{Page: p.cfg.BaseURL + n.path, Indicator: ind})
		}
	}
	return rows
}

// fieldsDoc documents the open data; the build converts it with the same
// Markdown pipeline as the report, so the samples are highlighted by chroma.
const fieldsDoc = "每个指标一行，字段如下。JSON 与 CSV 的字段相同，CSV 为 UTF-8 编码并带 BOM，可直接用 Excel、WPS 打开。\n\n" +
	"| 字段 | 含义 |\n| --- | --- |\n" +
	"| `page` | 指标所在页面的地址 |\n| `url` | 指标原文句子的地址（页面地址加锚点） |\n| `anchor` | 原文句子的锚点 |\n" +
	"| `name` | 指标名称 |\n| `value` | 数值，与原文一字不差 |\n| `number` | 数值的数字形式；比例、参照水平等没有单一数值时为空 |\n" +
	"| `unit` | 单位，与原文一致；按人、按月等计量的写在单位中，如“元/人·月” |\n" +
	"| `kind` | 类型：level 水平值，change 增减，comparison 与参照比较（如好于全市），share 占比，completion 完成预算的比例，rank 位次，ratio 比例，target 目标 |\n" +
	"| `direction` | 增减方向：up 增长，down 下降 |\n| `bound` | 限定词：以上、以内、不低于等 |\n" +
	"| `period` | 年度：结果为报告年度，目标为计划年度；五年累计等跨年度的数值写作“2016—2020” |\n" +
	"| `verb` | 原文中该数值所用的动词，如增长、下降、控制在、为预算 |\n| `base` | 比较的基准，如“比十二五末”“全市”；与上年比较时为空 |\n" +
	"| `stage` | 预算报告中数值的阶段：预算、执行或决算；其他报告为空 |\n" +
	"| `headline` | 是否为主要指标 |\n| `sentence` | 原文句子 |\n\n" +
	"JSON 示例：\n\n```json\n" +
	`[
  {
    "page": "https://example.gov.cn/2020-plan-report/01/01.html",
    "url": "https://example.gov.cn/2020-plan-report/01/01.html#i-3f2a9c1e",
    "anchor": "i-3f2a9c1e",
    "name": "地区生产总值",
    "value": "4.9",
    "number": 4.9,
    "unit": "%",
    "kind": "change",
    "direction": "up",
    "bound": "",
    "period": "2020",
    "verb": "同比增长",
    "base": "",
    "stage": "",
    "headline": true,
    "sentence": "全区地区生产总值同比增长4.9%,增幅居全市第2位;"
  }
]` + "\n```\n\nCSV 示例：\n\n```csv\n" +
	"页面 page,链接 url,锚点 anchor,指标 name,数值（原文） value,数值 number,单位 unit,类型 kind,方向 direction,限定 bound,年度 period,动词 verb,比较基准 base,预算阶段 stage,主要指标 headline,原文句子 sentence\n" +
	"https://example.gov.cn/2020-plan-report/01/01.html,https://example.gov.cn/2020-plan-report/01/01.html#i-3f2a9c1e,i-3f2a9c1e,地区生产总值,4.9,4.9,%,change,up,,2020,同比增长,,,true,\"全区地区生产总值同比增长4.9%,增幅居全市第2位;\"\n```\n"

// holdBack runs the sanity checks of indicator.Sanity on the indicators of
// a group of pages (a report, or one page) and, while the group renders,
// gives its pages copies without the cards held back: they are not shown,
// not paired and not in the open data. Each one is a warning at the line of
// its [[indicators]] entry. The returned function restores the pages.
func (p *siteplan) holdBack(g []*node) func() {
	type at struct {
		n *node
		i int
	}
	var inds []content.Indicator
	var where []at
	for _, n := range g {
		if n.page == nil || n.kind == "full" || n.kind == "data" {
			continue
		}
		for i, ind := range n.page.Meta.Indicators {
			inds = append(inds, ind)
			where = append(where, at{n, i})
		}
	}
	reasons := indicator.Sanity(inds)
	drop := map[*node]map[int]bool{}
	var warns []string
	for k, r := range reasons {
		if r == "" {
			continue
		}
		w := where[k]
		if drop[w.n] == nil {
			drop[w.n] = map[int]bool{}
		}
		drop[w.n][w.i] = true
		ind := inds[k]
		loc := w.n.src
		if line := p.indicatorLine(w.n.page.Path, w.i); line > 0 {
			loc = fmt.Sprintf("%s:%d", loc, line)
		}
		warns = append(warns, fmt.Sprintf("%s: indicator %q (%s%s, %s): %s; its card is held back from publication: correct the text and the indicator, or set confirmed = true if it is right",
			loc, ind.Name, ind.Value, ind.Unit, ind.Period, r))
	}
	if len(drop) == 0 {
		return func() {}
	}
	p.mu.Lock()
	p.held = append(p.held, warns...)
	p.mu.Unlock()
	orig := make(map[*node]*content.Page, len(drop))
	for n, d := range drop {
		cp := *n.page
		cp.Meta.Indicators = make([]content.Indicator, 0, len(n.page.Meta.Indicators)-len(d))
		for i, ind := range n.page.Meta.Indicators {
			if !d[i] {
				cp.Meta.Indicators = append(cp.Meta.Indicators, ind)
			}
		}
		orig[n] = n.page
		n.page = &cp
	}
	return func() {
		for n, pg := range orig {
			n.page = pg
		}
	}
}

// indicatorLine returns the line of the i-th [[indicators]] entry of a
// content file, or 0 if it cannot be read.
func (p *siteplan) indicatorLine(path string, i int) int {
	if p.contentFS == nil {
		return 0
	}
	src, err := fs.ReadFile(p.contentFS, path)
	if err != nil {
		return 0
	}
	return content.TableLine(src, "indicators", i, "")
}
