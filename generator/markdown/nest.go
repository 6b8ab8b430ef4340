package markdown

import (
	"html/template"
	"strings"
)

// Nest rewrites HTML produced by Convert for display inside a larger
// document, such as the full-text page that shows every page of a report:
// every id and in-page link gets prefix, and every heading goes shift levels
// deeper (capped at h6). Converting again would cost as much as the first
// conversion; this costs one scan.
//
// The rewrite is exact because Convert never passes raw HTML through: every
// "<" of the source text is escaped, so each tag in html is one Convert wrote.
func Nest(html template.HTML, prefix string, shift int) template.HTML {
	s := string(html)
	var b strings.Builder
	b.Grow(len(s) + len(s)/16)
	for {
		i := strings.IndexByte(s, '<')
		if i < 0 {
			b.WriteString(s)
			break
		}
		j := strings.IndexByte(s[i:], '>')
		if j < 0 {
			b.WriteString(s)
			break
		}
		b.WriteString(s[:i])
		writeTag(&b, s[i:i+j+1], prefix, shift)
		s = s[i+j+1:]
	}
	return template.HTML(b.String())
}

// writeTag writes one tag with its heading level shifted and its id and
// fragment links prefixed.
func writeTag(b *strings.Builder, tag, prefix string, shift int) {
	closing := strings.HasPrefix(tag, "</")
	name := tag[1:]
	if closing {
		name = tag[2:]
	}
	if len(name) >= 2 && name[0] == 'h' && '1' <= name[1] && name[1] <= '6' && (len(name) == 2 || name[2] == ' ' || name[2] == '>') {
		level := min(int(name[1]-'0')+shift, 6)
		if closing {
			b.WriteString("</h")
		} else {
			b.WriteString("<h")
		}
		b.WriteByte(byte('0' + level))
		tag = name[2:]
	}
	for _, attr := range []string{` id="`, ` href="#`} {
		for {
			k := strings.Index(tag, attr)
			if k < 0 {
				break
			}
			b.WriteString(tag[:k+len(attr)])
			b.WriteString(prefix)
			tag = tag[k+len(attr):]
		}
	}
	b.WriteString(tag)
}
