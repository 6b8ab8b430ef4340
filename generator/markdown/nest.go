package markdown

import (
	"html/template"
	"path"
	"strings"
)

// Nest rewrites HTML produced by Convert for display inside a larger
// document, such as the full-text page that shows every page of a report:
// every id and in-page link gets prefix, every heading goes shift levels
// deeper (capped at h6), and every relative link is rebased by base, the
// directory of the page the HTML was written for as seen from the larger
// document's directory ("01/" when the page is in the subdirectory 01; ""
// for the same directory). Converting again would cost as much as the first
// conversion; this costs one scan.
//
// The rewrite is exact because Convert never passes raw HTML through: every
// "<" of the source text is escaped, so each tag in html is one Convert wrote.
func Nest(html template.HTML, prefix string, shift int, base string) template.HTML {
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
		writeTag(&b, s[i:i+j+1], prefix, shift, base)
		s = s[i+j+1:]
	}
	return template.HTML(b.String())
}

// writeTag writes one tag with its heading level shifted and its id and
// fragment links prefixed.
func writeTag(b *strings.Builder, tag, prefix string, shift int, base string) {
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
	for {
		k := strings.Index(tag, `="`)
		if k < 0 {
			break
		}
		end := strings.IndexByte(tag[k+2:], '"')
		if end < 0 {
			break
		}
		name, val := tag[:k], tag[k+2:k+2+end]
		b.WriteString(tag[:k+2])
		switch {
		case strings.HasSuffix(name, " id"):
			b.WriteString(prefix)
			b.WriteString(val)
		case strings.HasSuffix(name, " href") && strings.HasPrefix(val, "#"):
			b.WriteString("#" + prefix)
			b.WriteString(val[1:])
		case strings.HasSuffix(name, " href"), strings.HasSuffix(name, " src"):
			b.WriteString(rebase(base, val))
		default:
			b.WriteString(val)
		}
		b.WriteByte('"')
		tag = tag[k+2+end+1:]
	}
	b.WriteString(tag)
}

// rebase returns the relative reference u as seen from a document whose
// directory is base's parent; absolute URLs, root-relative paths and
// fragments are returned as they are.
func rebase(base, u string) string {
	if base == "" || u == "" || u[0] == '#' || u[0] == '/' || HasScheme(u) {
		return u
	}
	rest := ""
	if i := strings.IndexAny(u, "?#"); i >= 0 {
		u, rest = u[:i], u[i:]
	}
	j := path.Join(base, u)
	if strings.HasSuffix(u, "/") && !strings.HasSuffix(j, "/") {
		j += "/"
	}
	return j + rest
}

// HasScheme reports whether u starts with a URL scheme ("https:", "mailto:"),
// as a browser reads one: a letter, then letters, digits, "+", "-" or ".",
// then ":".
func HasScheme(u string) bool {
	for i := 0; i < len(u); i++ {
		switch c := u[i]; {
		case c == ':':
			return i > 0
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', i > 0 && ('0' <= c && c <= '9' || c == '+' || c == '-' || c == '.'):
		default:
			return false
		}
	}
	return false
}
