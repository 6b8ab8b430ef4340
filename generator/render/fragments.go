package render

import (
	"html/template"
	"strings"
)

// OutlineList is the report's outline as an ordered list of links: the
// report's home, its parts with their subsections, the full text and the data
// page, with aria-current on this page's entry. On the full-text page the
// entries link to the parts of that page instead. A compact report (see
// Report.Compact) lists the subsections of the current part only.
//
// The theme's partials/outline.html shows it. It is written in Go rather than
// as a template because every page of a report repeats the whole outline, and
// executing it as a template cost a fifth of a build; a site's own layout can
// still build a different list from .Report.Outline and .Rel.
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
	p.outlineEntry(&b, r.FullPath, "", "全文", true)
	if r.DataPath != "" {
		p.outlineEntry(&b, r.DataPath, "", "主要指标与开放数据", true)
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

// CardHTML is one indicator card, a link from this page to the sentence
// that states the figure: its name, the figure large with the word that
// gives its sense and its unit, and its period (and, on the dashboard, the
// page). Like OutlineList it is written in Go, since pages show many cards
// and the data page every indicator; a site's layout can show a Card's
// fields its own way instead, linking with .Rel.
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
	span("card-word", c.Word)
	span("card-word", c.Before)
	b.WriteString(`<span class="card-value">`)
	b.WriteString(htmlText.Replace(c.Value))
	b.WriteString(`</span>`)
	span("card-unit", c.Unit)
	span("card-bound", c.Bound)
	b.WriteString("</span>\n<span class=\"card-meta\">")
	b.WriteString(htmlText.Replace(c.Period))
	if c.Page != "" {
		b.WriteString(" · ")
		b.WriteString(htmlText.Replace(c.Page))
	}
	b.WriteString("</span>\n</a>\n")
	return template.HTML(b.String())
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
		for _, s := range []string{c.Word, c.Before, c.Value, c.Unit, c.Bound} {
			b.WriteString(htmlText.Replace(s))
		}
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
