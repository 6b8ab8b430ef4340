package report

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"reportsite/generator/content"
)

// escapeInline escapes the characters that CommonMark and GFM would read as
// markup anywhere in a line, so that the text renders as it reads.
func escapeInline(b *strings.Builder, s string) {
	for _, r := range s {
		switch r {
		case '\\', '`', '*', '_', '[', ']', '<', '&', '~', '#':
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
}

// escapeParagraph escapes a paragraph that is written on one line: inline
// markup, and what would open a block at the start of the line (a quote, a
// list item, a thematic break). Paragraphs are separated by blank lines, so
// nothing can make one a setext heading or a table.
func escapeParagraph(s string) string {
	var b strings.Builder
	b.Grow(len(s) + 8)
	r, n := utf8.DecodeRuneInString(s)
	switch {
	case r == '>':
		b.WriteString(`\>`)
		s = s[n:]
	case r == '-' || r == '+':
		// "- x" is a list item and "---" a thematic break; "-5%" is text.
		if next, _ := utf8.DecodeRuneInString(s[n:]); next == ' ' || next == '\t' || next == '-' || next == utf8.RuneError {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
		s = s[n:]
	case r >= '0' && r <= '9':
		// "1. 加强" and "1)" would start an ordered list; "1.5万" and
		// "1.加强" would not.
		i := 0
		for i < len(s) && s[i] >= '0' && s[i] <= '9' {
			i++
		}
		if i <= 9 && i < len(s) && (s[i] == '.' || s[i] == ')') && (i+1 == len(s) || s[i+1] == ' ' || s[i+1] == '\t') {
			b.WriteString(s[:i])
			b.WriteByte('\\')
			b.WriteByte(s[i])
			s = s[i+1:]
		}
	}
	escapeInline(&b, s)
	return b.String()
}

// renderBlocks writes a page body: paragraphs and item headings separated by
// blank lines, and the closing text after a ChildrenMarker line.
func renderBlocks(lead, closing []block) []byte {
	var b strings.Builder
	write := func(bs []block) {
		for _, bl := range bs {
			if b.Len() > 0 {
				b.WriteByte('\n')
			}
			if bl.level > 0 {
				b.WriteString(strings.Repeat("#", bl.level))
				b.WriteByte(' ')
				escapeInline(&b, bl.u.Text)
			} else {
				b.WriteString(escapeParagraph(bl.u.Text))
			}
			b.WriteByte('\n')
		}
	}
	write(lead)
	if len(closing) > 0 {
		if b.Len() > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(content.ChildrenMarker + "\n")
		write(closing)
	}
	return []byte(b.String())
}

// pages returns the content files of the report, in reading order: the
// report's "_index.md", then each part's "_index.md" and its subsections'
// pages. Paths are relative to the content root.
func (t *tree) pages(slug, title string, weight int, rep *content.Report) []*content.Page {
	root := &content.Page{
		Path: slug + "/_index.md",
		Meta: content.Meta{Title: title, Weight: weight, Report: rep},
		Body: renderBlocks(t.root.lead, t.root.closing),
	}
	out := []*content.Page{root}
	for i, k := range t.root.kids {
		name := fmt.Sprintf("%02d", i+1)
		if t.flat {
			out = append(out, nodePage(slug+"/"+name+".md", k, i+1))
			continue
		}
		out = append(out, nodePage(slug+"/"+name+"/_index.md", k, i+1))
		for j, s := range k.kids {
			out = append(out, nodePage(fmt.Sprintf("%s/%s/%02d.md", slug, name, j+1), s, j+1))
		}
	}
	return out
}

func nodePage(path string, n *node, weight int) *content.Page {
	return &content.Page{
		Path: path,
		Meta: content.Meta{
			Title:    n.title.Text,
			Label:    n.lab.Text,
			Weight:   weight,
			TitleEnd: n.end.Text,
		},
		Body: renderBlocks(n.lead, n.closing),
	}
}
