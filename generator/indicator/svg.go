package indicator

import (
	"bytes"
	"fmt"
	"hash/fnv"
	"html"
	"math"
	"strconv"
	"strings"
	"unicode/utf8"

	"reportsite/generator/content"
	"reportsite/generator/indicator/figure"
)

// The charts are inline SVG for a <figure>: role="img" labelled by their
// <title> and <desc>, a viewBox 320 units wide with no width or height so
// that the page's stylesheet sizes them, presentation attributes and
// classes instead of style attributes (a CSP of default-src 'self' allows
// them), and every number printed as the text writes it, with its unit.
// Coordinates are rounded to 0.1, so the same input gives the same bytes.
//
// Colours: text and outlines are currentColor, filled bars and segments
// have a class (bar, result, segment-N) that the stylesheet colours with its
// custom properties, for light and dark schemes and print; the attributes
// give a chart shown without the stylesheet the same look in black and
// greys. All text is one size, textSize units: the stylesheet sets the
// chart's width so that a unit is about a CSS pixel (14 to 18 px).

const (
	chartWidth = 320
	chartPad   = 8
	textSize   = 14.5
	lineH      = 20 // a line of text at textSize
)

// segmentGreys fill the segments of a stacked bar without the stylesheet;
// the stylesheet's --chart-seg-N colours replace them.
var segmentGreys = []string{"#1a1a1a", "#6b6b6b", "#b0b0b0", "#404040", "#8c8c8c", "#d0d0d0"}

// Terms returns the terms of a ratio ("4.1:43.1:52.8"), as written and as
// numbers; ok is false when ind.Value is not a ratio of numbers.
func Terms(ind content.Indicator) (written []string, numbers []float64, ok bool) {
	written = strings.FieldsFunc(ind.Value, func(r rune) bool { return r == ':' || r == '：' })
	if len(written) < 2 {
		return nil, nil, false
	}
	for _, w := range written {
		n, ok := figure.ParseNumber(w)
		if !ok {
			return nil, nil, false
		}
		numbers = append(numbers, n)
	}
	return written, numbers, true
}

// StructureSVG draws a ratio such as 三次产业比例 4.1:43.1:52.8 as one bar cut
// into shares, with a legend that gives each term as written, with % when
// the terms add up to 100 (shares of a whole). It returns nil when ind is
// not a ratio of positive terms.
func StructureSVG(ind content.Indicator) []byte {
	written, numbers, ok := Terms(ind)
	if !ok {
		return nil
	}
	sum := 0.0
	for _, n := range numbers {
		if n < 0 {
			return nil
		}
		sum += n
	}
	if sum <= 0 {
		return nil
	}
	unit := RatioUnit(numbers)
	names := termNames(ind.Name, len(numbers))
	var desc []string
	for i := range written {
		desc = append(desc, names[i]+written[i]+unit)
	}
	title := ind.Name + " " + ind.Value
	const barY, barH = 8, 28
	rowH := lineH + 6
	height := barY + barH + 12 + rowH*len(numbers)
	var b bytes.Buffer
	chartOpen(&b, height, title, strings.Join(desc, "，"))
	x, w := float64(chartPad), float64(chartWidth-2*chartPad)
	for i, n := range numbers {
		sw := w * n / sum
		fmt.Fprintf(&b, `<rect class="segment segment-%d" x="%s" y="%d" width="%s" height="%d" fill="%s" stroke="#ffffff" stroke-width="1"/>`+"\n",
			i%len(segmentGreys)+1, num(x), barY, num(sw), barH, segmentGreys[i%len(segmentGreys)])
		x += sw
	}
	for i := range numbers {
		y := barY + barH + 12 + rowH*i
		fmt.Fprintf(&b, `<rect class="segment segment-%d" x="%d" y="%d" width="16" height="16" fill="%s" stroke="currentColor" stroke-width="1"/>`+"\n",
			i%len(segmentGreys)+1, chartPad, y, segmentGreys[i%len(segmentGreys)])
		text(&b, "label", float64(chartPad+24), y+14, "", names[i]+" "+written[i]+unit)
	}
	b.WriteString("</svg>\n")
	return b.Bytes()
}

// RatioUnit is "%" when the terms of a ratio add up to 100 (give or take
// rounding), so that they are shares of a whole, and "" otherwise.
func RatioUnit(numbers []float64) string {
	sum := 0.0
	for _, n := range numbers {
		sum += n
	}
	if math.Abs(sum-100) <= 0.5 {
		return "%"
	}
	return ""
}

// termNames names the terms of a ratio: the three sectors of 三次产业, else
// 第1项, 第2项 ….
func termNames(name string, n int) []string {
	out := make([]string, n)
	for i := range out {
		out[i] = "第" + strconv.Itoa(i+1) + "项"
	}
	if n == 3 && strings.Contains(name, "三次产业") {
		copy(out, []string{"第一产业", "第二产业", "第三产业"})
	}
	return out
}

// PlanVsResultSVG draws the growth rates (in %) of pairs. A target of the
// same year as its result (年初目标 and 完成) is drawn beside it, in a block
// titled "2020年目标与完成". A target of a later year (the plan year's,
// beside the report year's result) is never set against it: such pairs are
// drawn as two blocks, "2020年完成情况" then "2021年目标", each measure in each.
// Each bar's row names the measure and gives the figure as the text writes
// it, with its sign or verb and its unit, so that neither colour nor length
// alone carries the meaning; a target without a number (增长不低于全市平均
// 水平) has its words and no bar; each block ends with a scale in %. Pairs
// other than growth rates in % (levels such as 城镇登记失业率, counts) are
// left to the table. It returns nil when no pair is a growth rate in %.
func PlanVsResultSVG(pairs []Pair) []byte {
	var same, ahead []Pair
	for _, p := range pairs {
		if p.Target.Direction == "" || p.Result.Kind != "change" || !isPercent(p.Result.Unit) {
			continue
		}
		if p.Target.Period == p.Result.Period || p.Target.Period == "" || p.Result.Period == "" {
			same = append(same, p)
		} else {
			ahead = append(ahead, p)
		}
	}
	if len(same)+len(ahead) == 0 {
		return nil
	}
	// One scale for the whole chart, from the lowest to the highest figure
	// and zero.
	lo, hi := 0.0, 0.0
	for _, p := range append(append([]Pair{}, same...), ahead...) {
		for _, ind := range []content.Indicator{p.Target, p.Result} {
			if v, ok := signed(ind); ok {
				lo, hi = math.Min(lo, v), math.Max(hi, v)
			}
		}
	}
	if hi == lo {
		hi = lo + 1
	}
	c := &barChart{lo: lo, hi: hi}

	var titles, desc []string
	if len(same) > 0 {
		year := yearWord(same[0].Result.Period, "")
		t := year + "目标与完成"
		titles = append(titles, t)
		c.heading(t)
		for _, p := range same {
			c.row(p.Target.Name, "目标", p.Target, "target")
			c.row("", "完成", p.Result, "result")
			desc = append(desc, fmt.Sprintf("%s：%s目标%s，完成%s", p.Target.Name, year, said(p.Target), said(p.Result)))
		}
		c.scale()
	}
	if len(ahead) > 0 {
		resultYear := yearWord(ahead[0].Result.Period, "完成情况")
		targetYear := yearWord(ahead[0].Target.Period, "目标")
		titles = append(titles, resultYear, targetYear)
		c.heading(resultYear)
		for _, p := range ahead {
			c.row(p.Result.Name, "", p.Result, "result")
			desc = append(desc, fmt.Sprintf("%s：%s%s", p.Result.Name, resultYear, said(p.Result)))
		}
		c.scale()
		c.heading(targetYear)
		for _, p := range ahead {
			c.row(p.Target.Name, "", p.Target, "target")
			desc = append(desc, fmt.Sprintf("%s：%s%s", p.Target.Name, targetYear, said(p.Target)))
		}
		c.scale()
	}
	var b bytes.Buffer
	chartOpen(&b, c.y+4, "增速（%）："+strings.Join(titles, "；"), strings.Join(desc, "；"))
	b.Write(c.body.Bytes())
	b.WriteString("</svg>\n")
	return b.Bytes()
}

// barChart lays out blocks of horizontal bars on one scale, top to bottom.
type barChart struct {
	lo, hi float64
	y      int // the top of the next line
	body   bytes.Buffer
}

func (c *barChart) xOf(v float64) float64 {
	l, r := float64(chartPad), float64(chartWidth-chartPad)
	return l + (v-c.lo)*(r-l)/(c.hi-c.lo)
}

// heading writes a block's title.
func (c *barChart) heading(s string) {
	if c.y > 0 {
		c.y += 10
	}
	text(&c.body, "heading", chartPad, c.y+15, ` font-weight="700"`, s)
	c.y += lineH + 4
}

// row writes a measure's name and figure on a line (two when they do not
// fit on one), then its bar from zero: filled for a result, outlined for a
// target.
func (c *barChart) row(name, word string, ind content.Indicator, class string) {
	figure := word + said(ind)
	b := &c.body
	if name != "" {
		if textWidth(name, textSize)+textWidth(figure, textSize)+12 > chartWidth-2*chartPad {
			text(b, "label", chartPad, c.y+15, "", name)
			c.y += lineH
			name = ""
		}
	}
	if name != "" {
		text(b, "label", chartPad, c.y+15, "", name)
	}
	text(b, "value", chartWidth-chartPad, c.y+15, ` text-anchor="end"`, figure)
	c.y += lineH + 2
	if v, ok := signed(ind); ok {
		x0, x1 := c.xOf(0), c.xOf(v)
		l, w := math.Min(x0, x1), math.Abs(x1-x0)
		if class == "target" {
			fmt.Fprintf(b, `<rect class="bar target" x="%s" y="%d" width="%s" height="10" fill="none" stroke="currentColor" stroke-width="1.5"/>`+"\n", num(l), c.y, num(w))
		} else {
			fmt.Fprintf(b, `<rect class="bar result" x="%s" y="%d" width="%s" height="10" fill="currentColor"/>`+"\n", num(l), c.y, num(w))
		}
	}
	c.y += 16
}

// scale writes the block's zero line and its ends, in %.
func (c *barChart) scale() {
	b := &c.body
	x0 := c.xOf(0)
	fmt.Fprintf(b, `<line class="axis" x1="%s" y1="%d" x2="%s" y2="%d" stroke="currentColor" stroke-width="1"/>`+"\n",
		num(float64(chartPad)), c.y, num(float64(chartWidth-chartPad)), c.y)
	y := c.y + 17
	ticks := []float64{0}
	if c.lo < 0 {
		ticks = append([]float64{c.lo}, ticks...)
	}
	if c.hi > 0 {
		ticks = append(ticks, c.hi)
	}
	for _, v := range ticks {
		anchor := "middle"
		switch {
		case v == c.lo && v != 0 || v == 0 && x0 < chartPad+20:
			anchor = "start"
		case v == c.hi && v != 0:
			anchor = "end"
		}
		fmt.Fprintf(b, `<line class="axis" x1="%s" y1="%d" x2="%s" y2="%d" stroke="currentColor" stroke-width="1"/>`+"\n", num(c.xOf(v)), c.y-3, num(c.xOf(v)), c.y+3)
		text(b, "tick", c.xOf(v), y, ` text-anchor="`+anchor+`"`, strings.Replace(strconv.FormatFloat(v, 'f', -1, 64), "-", "\u2212", 1)+"%")
	}
	c.y = y + 6
}

// text writes a <text> element in the chart's one size and currentColor.
func text[X int | float64](b *bytes.Buffer, class string, x X, y int, attrs, s string) {
	fmt.Fprintf(b, `<text class="%s" x="%s" y="%d" font-size="%s" fill="currentColor"%s>%s</text>`+"\n",
		class, num(float64(x)), y, num(textSize), attrs, esc(s))
}

func isPercent(unit string) bool { return unit == "%" || unit == "％" }

// chartOpen writes the <svg> start tag, title and description. The ids are
// derived from the text, so that two different charts on a page differ.
func chartOpen(b *bytes.Buffer, height int, title, desc string) {
	h := fnv.New32a()
	h.Write([]byte(title + "\x00" + desc))
	id := fmt.Sprintf("chart-%08x", h.Sum32())
	fmt.Fprintf(b, `<svg xmlns="http://www.w3.org/2000/svg" class="chart" viewBox="0 0 %d %d" role="img" aria-labelledby="%s-title %s-desc">`+"\n",
		chartWidth, height, id, id)
	fmt.Fprintf(b, "<title id=\"%s-title\">%s</title>\n<desc id=\"%s-desc\">%s</desc>\n", id, esc(title), id, esc(desc))
}

// signed returns a change as a signed number: a decline is negative.
func signed(ind content.Indicator) (float64, bool) {
	n, ok := figure.ParseNumber(ind.Value)
	if !ok {
		return 0, false
	}
	if ind.Direction == "down" {
		n = -n
	}
	return n, true
}

// said writes a figure with the sentence's verb when it is known (增长4.9%,
// 控制在4.5%以内), else with the sign of its direction (+4.9%, −7.1%,
// +7%以上): never a verb made up from the direction. A bound such as 不低于
// comes before the value (不低于全市平均水平).
func said(ind content.Indicator) string {
	word, sign := ind.Verb, ""
	if word == "" && ind.Value != "" && ind.Value[0] >= '0' && ind.Value[0] <= '9' {
		sign = map[string]string{"up": "+", "down": "\u2212"}[ind.Direction]
	}
	if BoundBefore(ind.Bound) {
		return word + ind.Bound + sign + ind.Value + ind.Unit
	}
	return word + sign + ind.Value + ind.Unit + ind.Bound
}

func yearWord(period, word string) string {
	if period == "" {
		return word
	}
	return period + "年" + word
}

// textWidth estimates the width of s at a font size: a Chinese character is
// one em, a Latin letter or digit about 0.6 em.
func textWidth(s string, size float64) float64 {
	w := 0.0
	for _, r := range s {
		if r < utf8.RuneSelf {
			w += 0.6
		} else {
			w += 1
		}
	}
	return math.Ceil(w * size)
}

// num formats a coordinate with one decimal.
func num(v float64) string {
	return strconv.FormatFloat(math.Round(v*10)/10, 'f', 1, 64)
}

func esc(s string) string { return html.EscapeString(s) }
