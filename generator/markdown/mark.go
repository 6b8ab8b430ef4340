package markdown

import (
	"bytes"
	"html"
	"html/template"
	"slices"
	"strings"
)

// escapeText escapes text the way goldmark writes it into HTML.
var escapeText = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&quot;")

// A Span is a sentence for MarkAll to mark: the plain text Sentence (as in
// Result.Text), the ID and Class of the span that wraps it, and After,
// trusted HTML written behind it (such as a link back to the card that
// quotes the sentence).
type Span struct {
	Sentence, ID, Class string
	After               template.HTML
}

// Mark marks one sentence, as MarkAll does.
func Mark(h template.HTML, sentence, id, class string, after template.HTML) (template.HTML, bool) {
	out, found := MarkAll(h, []Span{{Sentence: sentence, ID: id, Class: class, After: after}})
	return out, found[0]
}

// MarkAll finds each span's sentence in h (HTML written by Convert), at its
// first occurrence that no earlier span's covers, and wraps it in a span
// with the span's id and class, followed by its After. It copies h once,
// whatever the number of spans, and reports which sentences it found.
//
// A sentence is found in the text as a reader sees it: inline markup inside
// it (emphasis, a link, inline code) is kept inside the span. When markup
// crosses the sentence's ends (emphasis that starts inside it and ends
// after it), the sentence is wrapped piece by piece, the id on the first
// piece. A sentence is never found across two blocks.
func MarkAll(h template.HTML, spans []Span) (template.HTML, []bool) {
	s := string(h)
	found := make([]bool, len(spans))
	marks := make([]mark, 0, len(spans))
	runs := make([][2]int, 0, len(spans)) // the one piece of each sentence written as one run
	var txt *textIndex                    // built when a sentence is not one run of text
	for k, sp := range spans {
		if sp.Sentence == "" {
			continue
		}
		needle := escapeText.Replace(sp.Sentence)
		if i, ok := findRun(s, needle, marks); ok {
			runs = append(runs, [2]int{i, i + len(needle)})
			marks = append(marks, mark{span: k, pieces: runs[len(runs)-1 : len(runs) : len(runs)]})
			found[k] = true
			continue
		}
		if txt == nil {
			txt = newTextIndex(s)
		}
		for from := 0; ; {
			first, last, ok := txt.find(sp.Sentence, from)
			if !ok {
				break
			}
			if start, end := widen(s, first, last); !overlaps(marks, start, end) {
				marks = append(marks, mark{span: k, pieces: pieces(s, start, end)})
				found[k] = true
				break
			}
			from = first + 1
		}
	}
	if len(marks) == 0 {
		return h, found
	}
	return splice(s, marks, spans), found
}

// A mark is where one span goes: the pieces [from, to) of the HTML that it
// wraps, in order.
type mark struct {
	span   int
	pieces [][2]int
}

func overlaps(marks []mark, start, end int) bool {
	for _, m := range marks {
		if start < m.pieces[len(m.pieces)-1][1] && m.pieces[0][0] < end {
			return true
		}
	}
	return false
}

// findRun returns the offset of the first occurrence of needle (escaped
// text) in s outside any tag and entity and outside every mark.
func findRun(s, needle string, marks []mark) (int, bool) {
	for from := 0; ; {
		i := strings.Index(s[from:], needle)
		if i < 0 {
			return 0, false
		}
		i += from
		// Inside a tag (an attribute value) when the last "<" before the
		// match is not closed by a ">"; inside an entity ("&amp;") when
		// a "&" just before it is not closed by a ";".
		lt, amp := strings.LastIndexByte(s[:i], '<'), strings.LastIndexByte(s[max(i-12, 0):i], '&')
		if (lt < 0 || strings.IndexByte(s[lt:i], '>') >= 0) && (amp < 0 || strings.IndexByte(s[max(i-12, 0)+amp:i], ';') >= 0) &&
			!overlaps(marks, i, i+len(needle)) {
			return i, true
		}
		from = i + 1
	}
}

// splice writes s with every mark's pieces wrapped in a span of its class,
// the first with its id, and its After behind the last.
func splice(s string, marks []mark, spans []Span) template.HTML {
	grow := len(s)
	for _, m := range marks {
		sp := spans[m.span]
		grow += len(sp.ID) + len(sp.After) + len(m.pieces)*(len(sp.Class)+32)
	}
	// Marks never overlap: in the order of their first pieces, every
	// piece comes after the one before.
	slices.SortFunc(marks, func(a, b mark) int { return a.pieces[0][0] - b.pieces[0][0] })
	var b strings.Builder
	b.Grow(grow)
	at := 0
	for _, m := range marks {
		sp := spans[m.span]
		for k, p := range m.pieces {
			b.WriteString(s[at:p[0]])
			b.WriteString(`<span class="`)
			b.WriteString(sp.Class)
			if k == 0 {
				b.WriteString(`" id="`)
				b.WriteString(sp.ID)
			}
			b.WriteString(`">`)
			b.WriteString(s[p[0]:p[1]])
			b.WriteString("</span>")
			if k == len(m.pieces)-1 {
				b.WriteString(string(sp.After))
			}
			at = p[1]
		}
	}
	b.WriteString(s[at:])
	return template.HTML(b.String())
}

// inline lists the elements Convert writes inside a block's text: the text
// of a sentence runs through them. A footnote reference (sup) is no part of
// the plain text; any other element ends a block's text.
var inline = map[string]bool{"a": true, "em": true, "strong": true, "code": true, "span": true, "br": true}

// textIndex is the text of HTML outside tags, entities decoded, newlines
// read as spaces, a NUL at every block element (so no sentence is found
// across two blocks), with the offsets in the HTML of each byte.
type textIndex struct {
	txt      []byte
	from, to []int // offsets in the HTML of each byte of txt
}

func newTextIndex(s string) *textIndex {
	x := &textIndex{}
	add := func(c byte, from, to int) {
		x.txt, x.from, x.to = append(x.txt, c), append(x.from, from), append(x.to, to)
	}
	skip := 0 // depth inside elements whose text is no text
	for i := 0; i < len(s); {
		switch c := s[i]; {
		case c == '<':
			j := strings.IndexByte(s[i:], '>')
			if j < 0 {
				return x
			}
			name, closing := tagName(s[i : i+j+1])
			switch {
			case name == "sup" && closing:
				skip = max(skip-1, 0)
			case name == "sup":
				skip++
			case !inline[name]:
				add(0, i, i)
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
				add(r[k], i, i+j+1)
			}
			i += j + 1
		default:
			if c == '\n' {
				c = ' '
			}
			add(c, i, i+1)
			i++
		}
	}
	return x
}

// find finds sentence in the text at or after the HTML offset from, and
// returns the offsets in the HTML of its first and past its last character.
func (x *textIndex) find(sentence string, from int) (start, end int, ok bool) {
	k0, _ := slices.BinarySearch(x.from, from)
	k := bytes.Index(x.txt[k0:], []byte(sentence))
	if k < 0 || sentence == "" {
		return 0, 0, false
	}
	k += k0
	return x.from[k], x.to[k+len(sentence)-1], true
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
