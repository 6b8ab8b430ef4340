package render

import (
	"html/template"
	"strconv"
	"strings"
)

// OutlineList is the report's outline as an ordered list of links: the
// report's home, its parts with their subsections, the full text and the data
// page, with aria-current on this page's entry. On the full-text page the
// entries link to the parts of that page instead. A compact report (see
// Report.Compact) lists the subsections of the current part only.
//
// It is the Go writer of the built-in theme's partials/outline-list.html,
// byte for byte the same, which partials/outline.html calls as
// {{outlineList $}} (see fragments): every page of a report repeats the
// whole outline, and executing it as a template cost a fifth of a build.
func (p *Page) OutlineList() template.HTML {
	r := p.Report
	if r == nil {
		return ""
	}
	var b strings.Builder
	b.Grow(160 * (len(r.Outline) + 4))
	b.WriteString(`<ol class="outline-parts">`)
	p.outlineEntry(&b, r.Path, "", "报告首页", true)
	if p.Kind == "full" {
		inPart, inSub := false, false
		for _, pt := range p.Parts {
			switch {
			case pt.Title != "" && pt.Depth == 1:
				if inSub {
					b.WriteString("</ol>")
					inSub = false
				}
				if inPart {
					b.WriteString("</li>")
				}
				anchorEntry(&b, pt.ID, pt.Label, pt.Title, false)
				inPart = true
			case pt.Title != "" && pt.Depth == 2 && inPart:
				if !inSub {
					b.WriteString("\n<ol>")
					inSub = true
				}
				anchorEntry(&b, pt.ID, pt.Label, pt.Title, true)
			}
		}
		if inSub {
			b.WriteString("\n</ol>")
		}
		if inPart {
			b.WriteString("</li>")
		}
	} else {
		for _, part := range r.Outline {
			p.outlineEntry(&b, part.Path, part.Label, part.Text, false)
			// A long report lists the subsections of the current part
			// only, so that the outline does not grow every page with the
			// report's square.
			if len(part.Children) > 0 && (!r.Compact || strings.HasPrefix(p.Path, part.Path)) {
				b.WriteString("\n<ol>")
				for _, sub := range part.Children {
					p.outlineEntry(&b, sub.Path, sub.Label, sub.Text, true)
				}
				b.WriteString("\n</ol>")
			}
			b.WriteString("\n</li>")
		}
	}
	p.outlineEntry(&b, r.FullPath, "", FullTitle, true)
	if r.DataPath != "" {
		p.outlineEntry(&b, r.DataPath, "", DataTitle, true)
	}
	b.WriteString("\n</ol>")
	return template.HTML(b.String())
}

// outlineEntry writes one entry linking to the site-root-relative path,
// marked as the current page when it is this page; close ends the <li>.
func (p *Page) outlineEntry(b *strings.Builder, path, label, text string, close bool) {
	b.WriteString(`
<li><a href="`)
	b.WriteString(attrURL(p.Rel(path)))
	b.WriteByte('"')
	if path == p.Path {
		b.WriteString(` aria-current="page"`)
	}
	b.WriteByte('>')
	entryText(b, label, text, close)
}

// anchorEntry writes one entry linking to an id on this page.
func anchorEntry(b *strings.Builder, id, label, text string, close bool) {
	b.WriteString(`
<li><a href="#`)
	b.WriteString(attrURL(id))
	b.WriteString(`">`)
	entryText(b, label, text, close)
}

func entryText(b *strings.Builder, label, text string, close bool) {
	if label != "" {
		b.WriteString(`<span class="label">`)
		b.WriteString(htmlText.Replace(label))
		b.WriteString(`</span>`)
	}
	b.WriteString(htmlText.Replace(text))
	b.WriteString("</a>")
	if close {
		b.WriteString("</li>")
	}
}

// htmlText escapes text as html/template does in element content.
var htmlText = strings.NewReplacer("\x00", "\uFFFD", `"`, "&#34;", "&", "&amp;", "'", "&#39;", "+", "&#43;", "<", "&lt;", ">", "&gt;")

// attrURL makes a relative URL safe inside a double-quoted attribute, as
// html/template does for href values: bytes outside the characters that
// URLs allow are percent-encoded (an existing %XX is kept), and "&" and "+"
// become character references. Rel never returns a URL with a scheme, so
// none is filtered.
func attrURL(u string) string {
	const hex = "0123456789abcdef"
	var b []byte
	for i := 0; i < len(u); i++ {
		c := u[i]
		if urlSafe(c) {
			if b != nil {
				b = append(b, c)
			}
			continue
		}
		if b == nil {
			b = append(make([]byte, 0, len(u)+16), u[:i]...)
		}
		switch c {
		case '&':
			b = append(b, "&amp;"...)
			continue
		case '+':
			b = append(b, "&#43;"...)
			continue
		}
		b = append(b, '%', hex[c>>4], hex[c&15])
	}
	if b == nil {
		return u
	}
	return string(b)
}

// urlSafe reports whether c may stand unencoded in a URL attribute value:
// letters, digits, the unreserved and reserved characters of RFC 3986 but
// quotes and parentheses, and "%" (an escape already made).
func urlSafe(c byte) bool {
	switch {
	case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9':
		return true
	}
	return strings.IndexByte("-._~!#$*,/:;=?@[]%", c) >= 0
}

// CardView is the value partials/card.html is executed with: the card,
// the page that shows it (for .Page.Rel), and the words around its figure.
type CardView struct {
	Card Card
	Page *Page
}

// Word is the word shown before the figure: the sentence's verb, or the
// kind's own word (居第); "" for a change shown with its sign.
func (v CardView) Word() string { w, _ := figureWord(v.Card); return w }

// Sign is the sign put before the value (+ or −) of a change without a
// verb, or "".
func (v CardView) Sign() string { _, s := figureWord(v.Card); return s }

// Meta is the small line under the figure: its period, base and stage,
// joined by " · ".
func (v CardView) Meta() string { return cardMeta(v.Card) }

// Place is the short label of the section that states the card (一、（一）),
// see Page.Place.
func (v CardView) Place() string { return v.Page.Place(v.Card) }

// Figure is the card's figure as one line of text (增长4.9%, +4.9%), see
// Figure.
func (v CardView) Figure() string { return Figure(v.Card) }

// CardHTML is one indicator card, a link from this page to the sentence
// that states the figure: its name, the figure large with the sentence's
// verb (or its sign, see Card) and its unit, and its period (and, on the
// report's home, the short label of the section that states it, 一、（一）).
// It is the Go writer of the built-in theme's partials/card.html, byte for
// byte the same, which layouts call as {{card $ CARD}} (see fragments):
// pages show many cards, and executing the template for each was slow.
func (p *Page) CardHTML(c Card) template.HTML {
	var b strings.Builder
	b.Grow(320 + len(c.Name) + len(c.Page))
	b.WriteString(`<a class="card card-`)
	b.WriteString(htmlText.Replace(c.Kind))
	if c.Dir != "" {
		b.WriteString(" card-")
		b.WriteString(htmlText.Replace(c.Dir))
	}
	b.WriteString(`" href="`)
	b.WriteString(attrURL(p.Rel(c.Path)))
	b.WriteString("\">\n<span class=\"card-name\">")
	b.WriteString(htmlText.Replace(c.Name))
	b.WriteString(`</span>` + "\n" + `<span class="card-figure">`)
	span := func(class, text string) {
		if text != "" {
			b.WriteString(`<span class="` + class + `">`)
			b.WriteString(htmlText.Replace(text))
			b.WriteString(`</span>`)
		}
	}
	word, sign := figureWord(c)
	span("card-word", word)
	span("card-word", c.Before)
	b.WriteString(`<span class="card-value">`)
	b.WriteString(htmlText.Replace(sign + c.Value))
	b.WriteString(`</span>`)
	span("card-unit", c.Unit)
	span("card-bound", c.Bound)
	b.WriteString("</span>\n<span class=\"card-meta\">")
	b.WriteString(htmlText.Replace(cardMeta(c)))
	if c.Page != "" {
		b.WriteString(" · ")
		b.WriteString(htmlText.Replace(p.Place(c)))
	}
	b.WriteString("</span>\n</a>\n")
	return template.HTML(b.String())
}

// figureWord returns the word shown before a card's figure and the sign
// put on its value: the sentence's verb when known; else the kind's own
// word (居第); else, for a change or target with a direction, no word and
// a sign (+ or −), never a verb guessed from the direction.
func figureWord(c Card) (word, sign string) {
	switch {
	case c.Verb != "":
		return c.Verb, ""
	case c.Dir == "" || strings.HasPrefix(c.Value, "-") || strings.HasPrefix(c.Value, "+") || !startsWithDigit(c.Value):
		if c.Dir == "" {
			return c.Word, ""
		}
		return "", ""
	case c.Dir == "up":
		return "", "+"
	case c.Dir == "down":
		return "", "\u2212"
	}
	return "", ""
}

func startsWithDigit(s string) bool { return s != "" && s[0] >= '0' && s[0] <= '9' }

// cardMeta is the small line under a card's figure: its period, the base
// it is measured against and the budget stage, as printed.
func cardMeta(c Card) string {
	parts := make([]string, 0, 3)
	for _, s := range []string{c.Period, c.Base, c.Stage} {
		if s != "" {
			parts = append(parts, s)
		}
	}
	return strings.Join(parts, " · ")
}

// Figure is a card's figure as one line of text (增长4.9%, +4.9%, 不低于
// 全市平均水平), for tables and lists.
func Figure(c Card) string {
	word, sign := figureWord(c)
	return word + c.Before + sign + c.Value + c.Unit + c.Bound
}

// Place is the short label of the section of the report that states a
// card (一、（一）), found in the report's outline by the card's page; it
// falls back to the card's Page (the page's label and title).
func (p *Page) Place(c Card) string {
	path, _, _ := strings.Cut(c.Path, "#")
	if p.Report != nil {
		for _, part := range p.Report.Outline {
			if part.Path == path && part.Label != "" {
				return part.Label
			}
			for _, sub := range part.Children {
				if sub.Path == path && sub.Label != "" {
					return part.Label + sub.Label
				}
			}
		}
	}
	return c.Page
}

// IndicatorRows is the body of the data page's table of every indicator:
// one row a card, each starting on a new line, with the figure as written
// and a link to the page that states it. Written in Go like CardHTML: the
// data page lists every indicator of the report.
func (p *Page) IndicatorRows(cards []Card) template.HTML {
	var b strings.Builder
	b.Grow(240 * len(cards))
	for _, c := range cards {
		b.WriteString("\n<tr><th scope=\"row\">")
		b.WriteString(htmlText.Replace(c.Name))
		b.WriteString("</th><td>")
		b.WriteString(htmlText.Replace(Figure(c)))
		b.WriteString("</td><td>")
		b.WriteString(htmlText.Replace(c.Period))
		b.WriteString(`</td><td><a href="`)
		b.WriteString(attrURL(p.Rel(c.Path)))
		b.WriteString(`">`)
		b.WriteString(htmlText.Replace(c.Page))
		b.WriteString("</a></td></tr>")
	}
	return template.HTML(b.String())
}

// CardGroup is the cards of one page of a report, for the data page.
type CardGroup struct {
	ID      string // g-1, g-2…: the group's heading
	Heading string // 一、（一）经济运行稳步回升……
	Path    string // the page that states them
	Cards   []Card
}

// CardGroups groups cards stated on the same page, in their order, each
// headed by the page's place in the report's outline (its part's label, its
// own label and title).
func (p *Page) CardGroups(cards []Card) []CardGroup {
	var out []CardGroup
	for _, c := range cards {
		path, _, _ := strings.Cut(c.Path, "#")
		if n := len(out); n > 0 && out[n-1].Path == path {
			out[n-1].Cards = append(out[n-1].Cards, c)
			continue
		}
		out = append(out, CardGroup{ID: "g-" + strconv.Itoa(len(out)+1), Heading: p.heading(path, c.Page), Path: path, Cards: []Card{c}})
	}
	return out
}

// heading is the title of the page at path with its place in the outline,
// or fallback when the outline does not list it.
func (p *Page) heading(path, fallback string) string {
	if p.Report != nil {
		for _, part := range p.Report.Outline {
			if part.Path == path {
				return part.Label + part.Text
			}
			for _, sub := range part.Children {
				if sub.Path == path {
					return part.Label + sub.Label + sub.Text
				}
			}
		}
	}
	return fallback
}

// GroupRows is the body of a table of the data page's indicators of one
// page (see CardGroups): the name, the figure linking to its sentence, and
// the period; each row starts on a new line.
func (p *Page) GroupRows(cards []Card) template.HTML {
	var b strings.Builder
	b.Grow(200 * len(cards))
	for _, c := range cards {
		b.WriteByte('\n')
		p.groupRow(&b, c)
	}
	return template.HTML(b.String())
}

// dataRows is the Go writer of the built-in partials/data-row.html for
// each card: GroupRows' rows, each ending a line instead of starting one.
func (p *Page) dataRows(cards []Card) template.HTML {
	var b strings.Builder
	b.Grow(200 * len(cards))
	for _, c := range cards {
		p.groupRow(&b, c)
		b.WriteByte('\n')
	}
	return template.HTML(b.String())
}

func (p *Page) groupRow(b *strings.Builder, c Card) {
	b.WriteString(`<tr><th scope="row">`)
	b.WriteString(htmlText.Replace(c.Name))
	b.WriteString(`</th><td><a href="`)
	b.WriteString(attrURL(p.Rel(c.Path)))
	b.WriteString(`">`)
	b.WriteString(htmlText.Replace(Figure(c)))
	b.WriteString("</a></td><td>")
	b.WriteString(htmlText.Replace(cardMeta(c)))
	b.WriteString("</td></tr>")
}

// Figure is Figure(c), for layouts.
func (p *Page) Figure(c Card) string { return Figure(c) }

// PairTitle names the comparison of targets and results by their years: a
// target of the report year beside its result is 2020年目标与完成; the plan
// year's target beside the report year's result is 2020年完成情况与2021年
// 目标, two years, not one target missed or met.
func (d *DataView) PairTitle() string {
	same, ahead := 0, 0
	var ry, ty string
	for _, pr := range d.Pairs {
		r, t := year(pr.Result.Period), year(pr.Target.Period)
		if r == t || r == "" || t == "" {
			same++
		} else {
			ahead++
		}
		if ry == "" {
			ry, ty = r, t
		}
	}
	switch {
	case ahead == 0 && ry != "":
		return ry + "年目标与完成"
	case same == 0:
		return ry + "年完成情况与" + ty + "年目标"
	}
	return "目标与完成情况"
}

// PairNote is the chart's caption, saying which years it shows.
func (d *DataView) PairNote() string {
	if t := d.PairTitle(); strings.Contains(t, "完成情况与") {
		return "增速（%）：上为" + strings.Replace(t, "与", "，下为", 1) + "，两个年度分列，不作对比。数值与原文一致，其他指标见下表。"
	}
	return "增速（%）：同一年度的目标与完成情况。数值与原文一致，其他指标见下表。"
}

// year is the leading digits of a period (2020年目标 → 2020).
func year(period string) string {
	i := 0
	for i < len(period) && period[i] >= '0' && period[i] <= '9' {
		i++
	}
	return period[:i]
}

// Unit is "%" when the ratio's terms add up to 100, so that they are shares
// of a whole (三次产业), and "" otherwise.
func (r RatioChart) Unit() string {
	sum := 0.0
	for _, t := range r.Terms {
		n, err := strconv.ParseFloat(t.Value, 64)
		if err != nil {
			return ""
		}
		sum += n
	}
	if sum >= 99.5 && sum <= 100.5 {
		return "%"
	}
	return ""
}
