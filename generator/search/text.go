package search

import (
	"html"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Section is the text of a page from one heading to the next.
type Section struct {
	// Heading is the text of the heading that opens the section; "" for the
	// text above the first heading.
	Heading string
	// ID is the heading's id; "" for the text above the first heading.
	ID     string
	Blocks []Block
}

// Block is one paragraph, list item or table: the unit a result lands on.
type Block struct {
	ID   string // its id, "" when it has none (code); a result then lands on the section
	Text string // as the reader sees it, each run of white space one space
}

// Sections returns the searchable text of HTML written by markdown.Convert,
// split at its headings; the first section holds the text above the first
// heading and may have no blocks. A paragraph, list item or table with an id
// starts a block. Footnote reference numbers and back links are left out:
// they are not words of the text.
//
// The scan is exact for the same reason markdown.Nest is: Convert escapes
// every "<" of the text, so each tag in s is one Convert wrote.
func Sections(s string) []Section {
	x := extractor{secs: []Section{{}}}
	for s != "" {
		i := strings.IndexByte(s, '<')
		j := -1
		if i >= 0 {
			j = strings.IndexByte(s[i:], '>')
		}
		if i < 0 || j < 0 {
			x.text(s)
			break
		}
		x.text(s[:i])
		x.tag(s[i : i+j+1])
		s = s[i+j+1:]
	}
	x.flush()
	return x.secs
}

type extractor struct {
	secs    []Section
	block   *Block // the block being read, or nil between blocks
	heading bool   // reading a heading's text
	skip    string // the element whose content is skipped, until its end tag
	buf     strings.Builder
}

func (x *extractor) text(s string) {
	if x.skip == "" {
		x.buf.WriteString(s)
	}
}

func (x *extractor) tag(tag string) {
	name, closing := tagName(tag)
	if x.skip != "" {
		if closing && name == x.skip {
			x.skip = ""
		}
		return
	}
	id := attrValue(tag, "id")
	switch {
	case len(name) == 2 && name[0] == 'h' && '1' <= name[1] && name[1] <= '6':
		x.flush()
		if closing {
			x.heading = false
			return
		}
		x.secs = append(x.secs, Section{ID: id})
		x.heading = true
	case isBlock(name):
		x.flush()
		if !closing && id != "" && (name == "p" || name == "li" || name == "table") {
			x.block = &Block{ID: id}
		}
	case name == "sup" && strings.Contains(id, "fnref"), name == "a" && strings.Contains(attrValue(tag, "class"), "footnote-backref"):
		if !closing {
			x.skip = name
		}
	case name == "br" || name == "td" || name == "th" || name == "tr":
		// Cells and lines are apart on screen; a phrase does not run across
		// them.
		x.buf.WriteByte(' ')
	}
}

// isBlock reports whether the element ends the text before it.
func isBlock(name string) bool {
	switch name {
	case "p", "li", "table", "pre", "blockquote", "ul", "ol", "div", "hr", "dl", "dt", "dd":
		return true
	}
	return false
}

// flush ends the heading or block being read.
func (x *extractor) flush() {
	t := collapse(html.UnescapeString(x.buf.String()))
	x.buf.Reset()
	sec := &x.secs[len(x.secs)-1]
	switch {
	case x.heading:
		sec.Heading = t
	case t != "":
		b := Block{Text: t}
		if x.block != nil {
			b.ID = x.block.ID
		}
		sec.Blocks = append(sec.Blocks, b)
	}
	x.block = nil
}

// tagName returns the lower-case element name of a tag and whether it is an
// end tag.
func tagName(tag string) (string, bool) {
	t := strings.TrimPrefix(tag[1:], "/")
	end := strings.IndexAny(t, " \t\n/>")
	if end < 0 {
		end = len(t)
	}
	return strings.ToLower(t[:end]), strings.HasPrefix(tag, "</")
}

// attrValue returns the value of the double-quoted attribute key in tag, the
// only quoting Convert writes.
func attrValue(tag, key string) string {
	i := strings.Index(tag, " "+key+`="`)
	if i < 0 {
		return ""
	}
	v := tag[i+len(key)+3:]
	if j := strings.IndexByte(v, '"'); j >= 0 {
		return html.UnescapeString(v[:j])
	}
	return ""
}

// collapse makes each run of white space one space and trims both ends.
// U+3000 (ideographic space) and no-break spaces count as white space:
// they set text apart on screen, so no phrase runs across them.
func collapse(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		if unicode.IsSpace(r) {
			space = b.Len() > 0
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(r)
	}
	return b.String()
}

// fold returns s as search compares it: ASCII letters in lower case and
// full-width ASCII forms (Ｇ, ４, ％, ，) as ASCII, so that a query typed at
// either width finds the other, as the reports mix them (CJK.md, trap 7).
// Every other character is kept, and one character stays one character (in
// UTF-16 too, so that search.js can map a match back to the text it shows).
func fold(s string) string {
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if foldRune(r) != r {
			var b strings.Builder
			b.Grow(len(s))
			b.WriteString(s[:i])
			for _, r := range s[i:] {
				b.WriteRune(foldRune(r))
			}
			return b.String()
		}
		i += size
	}
	return s
}

func foldRune(r rune) rune {
	if r >= 0xFF01 && r <= 0xFF5E {
		r -= 0xFEE0
	}
	if r >= 'A' && r <= 'Z' {
		r += 'a' - 'A'
	}
	return r
}
