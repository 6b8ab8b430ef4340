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
)

// The charts are inline SVG for a <figure>: role="img" labelled by their
// <title> and <desc>, a viewBox 320 units wide with no width or height so
// that they scale to their container (320 px is the narrowest layout, where
// a unit is a pixel), presentation attributes and classes instead of style
// attributes (a CSP of default-src 'self' allows them), and every number
// printed as the text writes it. Coordinates are rounded to 0.1, so the
// same input gives the same bytes.

const (
	chartWidth = 320
	chartPad   = 8
	inkColor   = "#1a1a1a"
	barColor   = "#1f4e79"
)

// segmentColors tell the segments of a stacked bar apart in grey too.
var segmentColors = []string{"#1f4e79", "#5b8fc7", "#a9c6e8", "#3d6b4f", "#9bc29f", "#6b6b6b"}

// Terms returns the terms of a ratio ("4.1:43.1:52.8"), as written and as
// numbers; ok is false when ind.Value is not a ratio of numbers.
func Terms(ind content.Indicator) (written []string, numbers []float64, ok bool) {
	written = strings.FieldsFunc(ind.Value, func(r rune) bool { return r == ':' || r == '：' })
	if len(written) < 2 {
		return nil, nil, false
	}
	for _, w := range written {
		n, ok := parseNumber(w)
		if !ok {
			return nil, nil, false
		}
		numbers = append(numbers, n)
	}
	return written, numbers, true
}

// StructureSVG draws a ratio such as 三次产业比例 4.1:43.1:52.8 as one bar cut
// into shares, with a legend that gives each term as written. It returns nil
// when ind is not a ratio of positive terms.
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
	names := termNames(ind.Name, len(numbers))
	var desc []string
	for i := range written {
		desc = append(desc, names[i]+written[i])
	}
	title := ind.Name + " " + ind.Value
	const barY, barH, rowH = 8, 28, 22
	height := barY + barH + 12 + rowH*len(numbers)
	var b bytes.Buffer
	chartOpen(&b, height, title, strings.Join(desc, "，"))
	x, w := float64(chartPad), float64(chartWidth-2*chartPad)
	for i, n := range numbers {
		sw := w * n / sum
		fmt.Fprintf(&b, `<rect class="segment" x="%s" y="%d" width="%s" height="%d" fill="%s" stroke="#ffffff" stroke-width="1"/>`+"\n",
			num(x), barY, num(sw), barH, segmentColors[i%len(segmentColors)])
		x += sw
	}
	for i := range numbers {
		y := barY + barH + 12 + rowH*i
		fmt.Fprintf(&b, `<rect x="%d" y="%d" width="14" height="14" fill="%s"/>`+"\n", chartPad, y, segmentColors[i%len(segmentColors)])
		fmt.Fprintf(&b, `<text class="label" x="%d" y="%d" font-size="13" fill="%s">%s %s</text>`+"\n",
			chartPad+22, y+12, inkColor, esc(names[i]), esc(written[i]))
	}
	b.WriteString("</svg>\n")
	return b.Bytes()
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

// PlanVsResultSVG draws the growth rates of pairs as grouped bars: for each
// measure the target (outlined) and the result (filled) from a zero line, a
// decline to its left. Each bar is labelled with its words and number as the
// text writes them (目标增长7%以上, 实际下降7.1%), so neither colour nor
// direction alone carries the meaning. Pairs other than growth rates (levels
// such as 城镇登记失业率, counts) are left to the table. A target without a
// number gets its words and no bar. It returns nil when no pair is a growth
// rate.
func PlanVsResultSVG(pairs []Pair) []byte {
	var rows []Pair
	for _, p := range pairs {
		if p.Target.Direction != "" && p.Result.Kind == "change" && isRate(p.Result.Unit) {
			rows = append(rows, p)
		}
	}
	if len(rows) == 0 {
		return nil
	}
	targetYear, resultYear := rows[0].Target.Period, rows[0].Result.Period
	targetWord, resultWord := yearWord(targetYear, "目标"), yearWord(resultYear, "实际")

	lo, hi, reserve := 0.0, 0.0, 0.0
	var desc []string
	for _, p := range rows {
		for _, ind := range []content.Indicator{p.Target, p.Result} {
			if v, ok := signed(ind); ok {
				lo, hi = math.Min(lo, v), math.Max(hi, v)
			}
		}
		// Labels sit after their bar's end; a target without a number has
		// its words after the zero line and no bar to push them out.
		reserve = math.Max(reserve, textWidth("实际"+said(p.Result), 12))
		if HasNumber(p.Target) {
			reserve = math.Max(reserve, textWidth("目标"+said(p.Target), 12))
		}
		desc = append(desc, fmt.Sprintf("%s：%s%s，%s%s", p.Target.Name, resultWord, said(p.Result), targetWord, said(p.Target)))
	}
	if hi == lo {
		hi = lo + 1
	}
	plotL, plotR := float64(chartPad), float64(chartWidth-chartPad)-reserve-4
	scale := (plotR - plotL) / (hi - lo)
	xOf := func(v float64) float64 { return plotL + (v-lo)*scale }
	x0 := xOf(0)

	const top, rowH = 30, 54
	height := top + rowH*len(rows) + 4
	var b bytes.Buffer
	title := "增速：" + resultWord + "与" + targetWord
	chartOpen(&b, height, title, strings.Join(desc, "；"))
	// Legend.
	fmt.Fprintf(&b, `<rect class="bar target" x="%d" y="8" width="14" height="12" fill="#ffffff" stroke="%s" stroke-width="1.5"/>`+"\n", chartPad, barColor)
	fmt.Fprintf(&b, `<text class="legend" x="%d" y="19" font-size="12" fill="%s">%s</text>`+"\n", chartPad+20, inkColor, esc(targetWord))
	lx := chartPad + 20 + int(textWidth(targetWord, 12)) + 16
	fmt.Fprintf(&b, `<rect class="bar result" x="%d" y="8" width="14" height="12" fill="%s"/>`+"\n", lx, barColor)
	fmt.Fprintf(&b, `<text class="legend" x="%d" y="19" font-size="12" fill="%s">%s</text>`+"\n", lx+20, inkColor, esc(resultWord))

	for i, p := range rows {
		y := top + rowH*i
		fmt.Fprintf(&b, `<text class="label" x="%d" y="%d" font-size="13" fill="%s">%s</text>`+"\n", chartPad, y+13, inkColor, esc(p.Target.Name))
		bar := func(ind content.Indicator, y int, word, attrs string) {
			text := word + said(ind)
			tx := x0 + 4
			if v, ok := signed(ind); ok {
				x1, x2 := math.Min(x0, xOf(v)), math.Max(x0, xOf(v))
				fmt.Fprintf(&b, `<rect %s x="%s" y="%d" width="%s" height="14"/>`+"\n", attrs, num(x1), y, num(x2-x1))
				tx = x2 + 4
			}
			fmt.Fprintf(&b, `<text class="value" x="%s" y="%d" font-size="12" fill="%s">%s</text>`+"\n", num(tx), y+11, inkColor, esc(text))
		}
		bar(p.Target, y+18, "目标", `class="bar target" fill="#ffffff" stroke="`+barColor+`" stroke-width="1.5"`)
		bar(p.Result, y+35, "实际", `class="bar result" fill="`+barColor+`"`)
		fmt.Fprintf(&b, `<line class="axis" x1="%s" y1="%d" x2="%s" y2="%d" stroke="%s" stroke-width="1"/>`+"\n",
			num(x0), y+16, num(x0), y+51, inkColor)
	}
	b.WriteString("</svg>\n")
	return b.Bytes()
}

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
	n, ok := parseNumber(ind.Value)
	if !ok {
		return 0, false
	}
	if ind.Direction == "down" {
		n = -n
	}
	return n, true
}

// said writes a change as the text does: 增长4.9%, 下降7.1%, 增长7%以上,
// 增长不低于全市平均水平.
func said(ind content.Indicator) string {
	word := map[string]string{"up": "增长", "down": "下降"}[ind.Direction]
	if BoundBefore(ind.Bound) {
		return word + ind.Bound + ind.Value + ind.Unit
	}
	return word + ind.Value + ind.Unit + ind.Bound
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
