package proofread

import (
	"bytes"
	"io/fs"
	"path"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"reportsite/generator/content"
	"reportsite/generator/report/lex"
)

// Body runs the proofreading checks of import over the Markdown body of
// a content file: body is the text after the front matter and firstLine its
// line in the file (content.Page's Body and BodyLine), so that warnings name
// positions in the file. It checks each paragraph and heading, and the
// numbering of the items and inline enumerations of the page.
func Body(path string, body []byte, firstLine int) []Warning {
	c := &Checker{Path: path}
	c.Body(markdownUnits(body, firstLine))
	return c.Out
}

// File runs the checks over one content file: the text fields of
// its front matter (title, the heading as label, title and title_end, the
// report's title block) and its body.
func File(path string, src []byte) []Warning {
	c := &Checker{Path: path}
	fm, body, bodyLine := frontMatterUnits(src)
	c.frontMatter(fm)
	c.Body(markdownUnits(body, bodyLine))
	return c.Out
}

// FS runs File over every content file of a tree (as
// content.List finds them, the files Load reads), and checks that the labels of sibling parts and
// subsections (一、 二、 …, （一） （二） …) run in order of weight. It gives the
// warnings Import gave for the same report, at positions in the content
// files. The error reports a file that could not be read.
func FS(fsys fs.FS) ([]Warning, error) {
	type entry struct {
		path   string
		weight int
		lab    lex.Label
		u      lex.Unit
	}
	var out []Warning
	groups := map[string][]entry{}
	files, err := content.List(fsys)
	if err != nil {
		return nil, err
	}
	for _, p := range files {
		src, err := fs.ReadFile(fsys, p)
		if err != nil {
			return out, &content.Error{Path: p, Err: err}
		}
		out = append(out, File(p, src)...)
		fm, _, _ := frontMatterUnits(src)
		lu, ok := fm["label"]
		if !ok {
			continue
		}
		lab := lex.LabelAt(lu.Text)
		if lab.Kind != lex.PartLabel && lab.Kind != lex.SubLabel {
			continue
		}
		w, _ := strconv.Atoi(fm["weight"].Text)
		dir := path.Dir(p)
		if path.Base(p) == "_index.md" {
			dir = path.Dir(dir)
		}
		groups[dir] = append(groups[dir], entry{p, w, lab, lex.Concat(lu, fm["title"], fm["title_end"])})
	}
	dirs := make([]string, 0, len(groups))
	for d := range groups {
		dirs = append(dirs, d)
	}
	sort.Strings(dirs)
	for _, d := range dirs {
		es := groups[d]
		sort.SliceStable(es, func(i, j int) bool {
			if es[i].weight != es[j].weight {
				return es[i].weight < es[j].weight
			}
			return es[i].path < es[j].path
		})
		var seqs [lex.SubLabel + 1]Sequence
		for _, e := range es {
			c := &Checker{Path: e.path}
			seqs[e.lab.Kind].Next(c, e.lab, e.u, 0)
			out = append(out, c.Out...)
		}
	}
	return out, nil
}

// frontMatter checks the text fields of a front matter.
func (c *Checker) frontMatter(fm map[string]lex.Unit) {
	if t, ok := fm["title"]; ok {
		if l, ok := fm["label"]; ok {
			u := lex.Concat(l, t, fm["title_end"])
			c.Text(u)
			k := utf8.RuneCountInString(t.Text)
			lab := lex.LabelAt(l.Text)
			switch {
			case k == 0:
				c.Add(u, 0, len(u.Text), KindStructure, "heading "+lab.Text+" has no text")
			case k > 60:
				c.Add(u, 0, len(u.Text), KindStructure, "heading "+lab.Text+" is "+lex.Itoa(k)+" characters long: a run-in heading whose 。 was lost?")
			}
		} else {
			c.Text(t)
		}
	}
	for _, k := range []string{"report.heading", "report.meeting", "report.speaker", "report.salutation"} {
		if u, ok := fm[k]; ok {
			c.Text(u)
		}
	}
}

// frontMatterUnits reads the values of a content file's front matter as
// units, keyed "key" or "table.key", and returns the body after it with
// its first line.
func frontMatterUnits(src []byte) (map[string]lex.Unit, []byte, int) {
	vs, body, bodyLine := content.FrontMatterValues(src)
	fm := make(map[string]lex.Unit, len(vs))
	for k, v := range vs {
		u := lex.Unit{Text: v.Text, Spans: make([]lex.Span, len(v.Pos))}
		for i, p := range v.Pos {
			u.Spans[i] = lex.Span{Off: p.Off, Line: p.Line, Col: p.Col}
		}
		fm[k] = u
	}
	return fm, body, bodyLine
}

// markdownUnits cuts a Markdown body into the units that import wrote: a
// paragraph (lines up to a blank line, joined as import joins lines) or an
// ATX heading, without escapes, skipping the ChildrenMarker line.
func markdownUnits(body []byte, firstLine int) []lex.Unit {
	var out []lex.Unit
	var cur []lex.Unit
	flush := func() {
		if len(cur) == 0 {
			return
		}
		var j lex.Joiner
		for _, l := range cur {
			j.Add(l, true)
		}
		out = append(out, j.Unit())
		cur = nil
	}
	num := firstLine
	for len(body) > 0 {
		l, next, _ := bytes.Cut(body, []byte("\n"))
		body = next
		s := strings.TrimRight(string(l), "\r")
		t := strings.TrimSpace(s)
		switch {
		case t == "" || t == content.ChildrenMarker:
			flush()
		case lex.StripHeading(t) != t:
			flush()
			h := lex.StripHeading(t)
			col := utf8.RuneCountInString(s[:strings.Index(s, h)]) + 1
			out = append(out, markdownLine(h, num, col))
		default:
			lead := len(s) - len(strings.TrimLeft(s, " \t"))
			cur = append(cur, markdownLine(strings.TrimSpace(s), num, utf8.RuneCountInString(s[:lead])+1))
		}
		num++
	}
	flush()
	return out
}

// markdownLine reads one line of Markdown text at line:col without its
// backslash escapes.
func markdownLine(s string, line, col int) lex.Unit {
	if !strings.Contains(s, `\`) {
		return lex.Unit{Text: s, Spans: []lex.Span{{Off: 0, Line: line, Col: col}}}
	}
	var b strings.Builder
	spans := []lex.Span{{Off: 0, Line: line, Col: col}}
	c := col
	for i := 0; i < len(s); {
		if s[i] == '\\' && i+1 < len(s) && lex.IsASCIIPunct(s[i+1]) {
			c++
			spans = append(spans, lex.Span{Off: b.Len(), Line: line, Col: c})
			i++
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		b.WriteRune(r)
		i += n
		c++
	}
	return lex.Unit{Text: b.String(), Spans: spans}
}
