package render

import (
	"fmt"
	"html/template"
	"strings"

	"reportsite/generator/content"
	"reportsite/generator/indicator"
)

// CardID is the id of the card of a page's i-th indicator.
func CardID(i int) string { return fmt.Sprintf("card-%d", i+1) }

// CardOf turns an indicator stated on page (a site-root-relative path) into
// the page's i-th card. The card shows the sentence's own verb (Verb: 增长,
// 下降, 控制在, 为预算 …), never one made up from the direction (the theme
// shows a sign where there is no verb); 余 and 多 stand between the number and
// its unit as printed (11500余人次).
func CardOf(ind content.Indicator, page string, i int) Card {
	c := Card{
		ID: CardID(i), Name: ind.Name, Value: ind.Value, Unit: ind.Unit, Kind: ind.Kind,
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

// IndicatorPage is the indicators one page of a report states, with the
// page's path and its title as cards name it (its label and title).
type IndicatorPage struct {
	Path       string
	Title      string
	Indicators []content.Indicator
}

// Headlines is the cards of the headline indicators of a report's pages,
// in reading order, each naming the page that states it.
func Headlines(pages []IndicatorPage) []Card {
	var cards []Card
	for _, pg := range pages {
		for i, ind := range pg.Indicators {
			if ind.Headline {
				c := CardOf(ind, pg.Path, i)
				c.Page = pg.Title
				cards = append(cards, c)
			}
		}
	}
	return cards
}

// NewDataView is the data page of a report whose pages state the
// indicators of pages: every indicator as a card, results beside targets
// and the charts. fields is the converted DataFields. The caller sets the
// paths of the open data files.
func NewDataView(pages []IndicatorPage, fields template.HTML) *DataView {
	v := &DataView{Fields: fields}
	n := 0
	for _, pg := range pages {
		n += len(pg.Indicators)
	}
	v.Cards = make([]Card, 0, n)
	results, targets := make([]content.Indicator, 0, n), make([]content.Indicator, 0, n/2)
	where := make(map[string]string, n) // anchor → page path
	for _, pg := range pages {
		for i, ind := range pg.Indicators {
			c := CardOf(ind, pg.Path, i)
			c.Page = pg.Title
			v.Cards = append(v.Cards, c)
			where[ind.Anchor] = pg.Path
			if ind.Kind == "target" {
				targets = append(targets, ind)
			} else {
				results = append(results, ind)
			}
			if ind.Kind == "ratio" {
				if rc, ok := ratioChart(c, ind); ok {
					v.Ratios = append(v.Ratios, rc)
				}
			}
		}
	}
	pairs := indicator.Pairs(indicator.OneYear(results), targets)
	for _, pr := range pairs {
		v.Pairs = append(v.Pairs, PairRow{
			Name:   pr.Target.Name,
			Result: CardOf(pr.Result, where[pr.Result.Anchor], 0),
			Target: CardOf(pr.Target, where[pr.Target.Anchor], 0),
		})
	}
	if len(pairs) > 0 {
		v.PairChart = template.HTML(indicator.PlanVsResultSVG(pairs))
	}
	return v
}

// ratioChart draws the ratio ind, shown as card c, with its terms named.
func ratioChart(c Card, ind content.Indicator) (RatioChart, bool) {
	written, _, ok := indicator.Terms(ind)
	if !ok {
		return RatioChart{}, false
	}
	rc := RatioChart{Card: c, SVG: template.HTML(indicator.StructureSVG(ind))}
	names := ratioNames(ind.Name, len(written))
	for k, w := range written {
		rc.Terms = append(rc.Terms, RatioTerm{Name: names[k], Value: w})
	}
	return rc, true
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

// DataFields documents the open data, in Markdown: the 数据说明 section of
// data pages (DataView.Fields). A site converts it with the same Markdown
// pipeline as the report, so that the samples are highlighted as code.
const DataFields = "每个指标一行，字段如下。JSON 与 CSV 的字段相同，CSV 为 UTF-8 编码并带 BOM，可直接用 Excel、WPS 打开。\n\n" +
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
