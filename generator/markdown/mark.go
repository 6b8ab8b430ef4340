package markdown

import (
	"html"
	"html/template"
	"slices"
	"strings"
)

// escapeText escapes text the way goldmark writes it into HTML.
var escapeText = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&quot;")

// Mark finds the first occurrence of the plain text sentence (as in
// Result.Text) in html (HTML written by Convert) and wraps it in a span with
// the given id and class, followed by after (trusted HTML, such as a link
// back to the card that quotes the sentence). The sentence is found in the
// text as a reader sees it: inline markup inside it (emphasis, a link,
// inline code) is kept inside the span. When markup crosses the sentence's
// ends (emphasis that starts inside it and ends after it), the sentence is
// wrapped piece by piece, the id on the first piece. It reports false when
// the sentence is not in the text of one block.
func Mark(h template.HTML, sentence, id, class string, after template.HTML) (template.HTML, bool) {
	s := string(h)
	needle := escapeText.Replace(sentence)
	if needle == "" {
		return h, false
	}
	// The sentence written as one run of text, the usual case.
	for from := 0; ; {
		i := strings.Index(s[from:], needle)
		if i < 0 {
			break
		}
		i += from
		// Inside a tag (an attribute value) when the last "<" before the
		// match is not closed by a ">"; inside an entity ("&amp;") when
		// a "&" just before it is not closed by a ";".
		lt, amp := strings.LastIndexByte(s[:i], '<'), strings.LastIndexByte(s[max(i-12, 0):i], '&')
		if (lt < 0 || strings.IndexByte(s[lt:i], '>') >= 0) && (amp < 0 || strings.IndexByte(s[max(i-12, 0)+amp:i], ';') >= 0) {
			return splice(s, [][2]int{{i, i + len(needle)}}, id, class, after), true
		}
		from = i + 1
	}
	start, end, ok := findText(s, sentence)
	if !ok {
		return h, false
	}
	start, end = widen(s, start, end)
	return splice(s, pieces(s, start, end), id, class, after), true
}

// splice wraps each piece [from, to) of s in a span of the class, the first
// with the id, and writes after behind the last.
func splice(s string, pieces [][2]int, id, class string, after template.HTML) template.HTML {
	var b strings.Builder
	b.Grow(len(s) + len(id) + len(after) + len(pieces)*(2*len(class)+32))
	at := 0
	for k, p := range pieces {
		b.WriteString(s[at:p[0]])
		b.WriteString(`<span class="` + class + `"`)
		if k == 0 {
			b.WriteString(` id="` + id + `"`)
		}
		b.WriteString(">")
		b.WriteString(s[p[0]:p[1]])
		b.WriteString("</span>")
		if k == len(pieces)-1 {
			b.WriteString(string(after))
		}
		at = p[1]
	}
	b.WriteString(s[at:])
	return template.HTML(b.String())
}

// inline lists the elements Convert writes inside a block's text: the text
// of a sentence runs through them. A footnote reference (sup) is no part of
// the plain text; any other element ends a block's text.
var inline = map[string]bool{"a": true, "em": true, "strong": true, "code": true, "span": true, "br": true}

// findText finds sentence in the text of s outside tags, entities decoded,
// newlines read as spaces, never across a block element. It returns the
// offsets in s of the first and past the last character.
func findText(s, sentence string) (start, end int, ok bool) {
	var txt []byte
	var from, to []int // offsets in s of each byte of txt
	skip := 0          // depth inside elements whose text is no text
	for i := 0; i < len(s); {
		switch c := s[i]; {
		case c == '<':
			j := strings.IndexByte(s[i:], '>')
			if j < 0 {
				return 0, 0, false
			}
			name, closing := tagName(s[i : i+j+1])
			switch {
			case name == "sup" && closing:
				skip = max(skip-1, 0)
			case name == "sup":
				skip++
			case !inline[name]:
				txt, from, to = append(txt, 0), append(from, i), append(to, i)
			}
			i += j + 1
		case skip > 0:
			i++
		case c == '&':
			j := strings.IndexByte(s[i:min(i+12, len(s))], ';')
			if j < 0 {
				j = 0
			}
			r := html.UnescapeString(s[i : i+j+1])
			for k := 0; k < len(r); k++ {
				txt, from, to = append(txt, r[k]), append(from, i), append(to, i+j+1)
			}
			i += j + 1
		default:
			if c == '\n' {
				c = ' '
			}
			txt, from, to = append(txt, c), append(from, i), append(to, i+1)
			i++
		}
	}
	k := strings.Index(string(txt), sentence)
	if k < 0 {
		return 0, 0, false
	}
	return from[k], to[k+len(sentence)-1], true
}

// tagName returns the lower-case name of the tag t ("<strong>", "</a>",
// `<a href="x">`) and whether it closes an element.
func tagName(t string) (string, bool) {
	t = strings.TrimPrefix(t, "<")
	closing := strings.HasPrefix(t, "/")
	t = strings.TrimPrefix(t, "/")
	n := strings.IndexAny(t, " \t\n/>")
	if n < 0 {
		n = len(t)
	}
	return strings.ToLower(t[:n]), closing
}

// tag is one tag in a stretch of HTML: its element's name, its offsets, and
// whether it closes an element and whether its element crosses an end of
// the stretch.
type tag struct {
	name         string
	from, to     int
	closing, cut bool
}

// tags returns the tags of s[start:end], text that starts and ends outside
// any tag, each marked cut when its element is not wholly inside.
func tags(s string, start, end int) []tag {
	var out []tag
	var open []int // indexes in out of the elements open so far
	for i := start; i < end; {
		if s[i] != '<' {
			i++
			continue
		}
		k := strings.IndexByte(s[i:end], '>')
		if k < 0 {
			break // not HTML that Convert wrote
		}
		j := i + k + 1
		name, closing := tagName(s[i:j])
		t := tag{name: name, from: i, to: j, closing: closing}
		switch {
		case name == "br":
		case !closing:
			open = append(open, len(out))
		case len(open) > 0 && out[open[len(open)-1]].name == name:
			open = open[:len(open)-1]
		default:
			t.cut = true
		}
		out = append(out, t)
		i = j
	}
	for _, k := range open {
		out[k].cut = true
	}
	return out
}

// widen takes into s[start:end] the tags right before and after it that
// open or close an element crossing its ends, so that "同比<strong>增长。"
// followed by "</strong>" is wrapped whole.
func widen(s string, start, end int) (int, int) {
	for {
		ts := tags(s, start, end)
		grown := false
		if k := slices.IndexFunc(ts, func(t tag) bool { return t.cut && t.closing }); k >= 0 {
			if lt := strings.LastIndexByte(s[:start], '<'); lt >= 0 && strings.HasSuffix(s[:start], ">") {
				if name, closing := tagName(s[lt:start]); !closing && name == ts[k].name {
					start, grown = lt, true
				}
			}
		}
		if k := slices.IndexFunc(ts, func(t tag) bool { return t.cut && !t.closing }); k >= 0 && !grown {
			last := ts[k]
			for _, t := range ts[k:] {
				if t.cut && !t.closing {
					last = t
				}
			}
			if close := "</" + last.name + ">"; strings.HasPrefix(s[end:], close) {
				end, grown = end+len(close), true
			}
		}
		if !grown {
			return start, end
		}
	}
}

// pieces cuts s[start:end] at every tag whose element crosses its ends, so
// that each piece, wrapped in a span, keeps the HTML well nested. Empty
// pieces are dropped.
func pieces(s string, start, end int) [][2]int {
	var out [][2]int
	at := start
	for _, t := range tags(s, start, end) {
		if t.cut {
			if t.from > at {
				out = append(out, [2]int{at, t.from})
			}
			at = t.to
		}
	}
	if end > at {
		out = append(out, [2]int{at, end})
	}
	return out
}
