package markdown

import (
	"html/template"
	"strings"
)

// escapeText escapes text the way goldmark writes it into HTML.
var escapeText = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&quot;")

// Mark finds the first occurrence of the plain text sentence in html (HTML
// written by Convert) outside any tag, and wraps it in a span with the given
// id and class, followed by after (trusted HTML, such as a link back to the
// card that quotes the sentence). It reports false when the sentence does not
// occur as one run of text, for instance because markup splits it.
func Mark(html template.HTML, sentence, id, class string, after template.HTML) (template.HTML, bool) {
	s := string(html)
	needle := escapeText.Replace(sentence)
	if needle == "" {
		return html, false
	}
	for from := 0; ; {
		i := strings.Index(s[from:], needle)
		if i < 0 {
			return html, false
		}
		i += from
		// Inside a tag (an attribute value) when the last "<" before the
		// match is not closed by a ">".
		if lt := strings.LastIndexByte(s[:i], '<'); lt < 0 || strings.IndexByte(s[lt:i], '>') >= 0 {
			var b strings.Builder
			b.Grow(len(s) + len(id) + len(class) + len(after) + 32)
			b.WriteString(s[:i])
			b.WriteString(`<span class="` + class + `" id="` + id + `">`)
			b.WriteString(needle)
			b.WriteString("</span>")
			b.WriteString(string(after))
			b.WriteString(s[i+len(needle):])
			return template.HTML(b.String()), true
		}
		from = i + 1
	}
}
