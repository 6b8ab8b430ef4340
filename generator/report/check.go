package report

import (
	"bytes"
	"io/fs"
	"path"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"reportsite/generator/content"
)

// Proofread runs the proofreading checks of import over the Markdown body of
// a content file: body is the text after the front matter and firstLine its
// line in the file (content.Page's Body and BodyLine), so that warnings name
// positions in the file. It checks each paragraph and heading, and the
// numbering of the items and inline enumerations of the page.
func Proofread(path string, body []byte, firstLine int) []Warning {
	c := &checker{path: path}
	c.body(markdownUnits(body, firstLine))
	return c.out
}

// ProofreadFile runs the checks over one content file: the text fields of
// its front matter (title, the heading as label, title and title_end, the
// report's title block) and its body.
func ProofreadFile(path string, src []byte) []Warning {
	c := &checker{path: path}
	fm, body, bodyLine := frontMatterUnits(src)
	c.frontMatter(fm)
	c.body(markdownUnits(body, bodyLine))
	return c.out
}

// ProofreadFS runs ProofreadFile over every content file of a tree (as
// content.List finds them, the files Load reads), and checks that the labels of sibling parts and
// subsections (一、 二、 …, （一） （二） …) run in order of weight. It gives the
// warnings Import gave for the same report, at positions in the content
// files. The error reports a file that could not be read.
func ProofreadFS(fsys fs.FS) ([]Warning, error) {
	type entry struct {
		path   string
		weight int
		lab    label
		u      unit
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
		out = append(out, ProofreadFile(p, src)...)
		fm, _, _ := frontMatterUnits(src)
		lu, ok := fm["label"]
		if !ok {
			continue
		}
		lab := labelAt(lu.text)
		if lab.kind != partLabel && lab.kind != subLabel {
			continue
		}
		w, _ := strconv.Atoi(fm["weight"].text)
		dir := path.Dir(p)
		if path.Base(p) == "_index.md" {
			dir = path.Dir(dir)
		}
		groups[dir] = append(groups[dir], entry{p, w, lab, concat(lu, fm["title"], fm["title_end"])})
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
		var seqs [subLabel + 1]sequence
		for _, e := range es {
			c := &checker{path: e.path}
			seqs[e.lab.kind].next(c, e.lab, e.u, 0)
			out = append(out, c.out...)
		}
	}
	return out, nil
}

// frontMatter checks the text fields of a front matter.
func (c *checker) frontMatter(fm map[string]unit) {
	if t, ok := fm["title"]; ok {
		if l, ok := fm["label"]; ok {
			u := concat(l, t, fm["title_end"])
			c.text(u)
			k := utf8.RuneCountInString(t.text)
			lab := labelAt(l.text)
			switch {
			case k == 0:
				c.add(u, 0, len(u.text), KindStructure, "heading "+lab.text+" has no text")
			case k > 60:
				c.add(u, 0, len(u.text), KindStructure, "heading "+lab.text+" is "+itoa(k)+" characters long: a run-in heading whose 。 was lost?")
			}
		} else {
			c.text(t)
		}
	}
	for _, k := range []string{"report.heading", "report.meeting", "report.speaker", "report.salutation"} {
		if u, ok := fm[k]; ok {
			c.text(u)
		}
	}
}

// frontMatterUnits reads the values of a content file's front matter as
// units, keyed "key" or "table.key", and returns the body after it with
// its first line.
func frontMatterUnits(src []byte) (map[string]unit, []byte, int) {
	vs, body, bodyLine := content.FrontMatterValues(src)
	fm := make(map[string]unit, len(vs))
	for k, v := range vs {
		u := unit{text: v.Text, spans: make([]span, len(v.Pos))}
		for i, p := range v.Pos {
			u.spans[i] = span{p.Off, p.Line, p.Col}
		}
		fm[k] = u
	}
	return fm, body, bodyLine
}

// markdownUnits cuts a Markdown body into the units that import wrote: a
// paragraph (lines up to a blank line, joined as import joins lines) or an
// ATX heading, without escapes, skipping the ChildrenMarker line.
func markdownUnits(body []byte, firstLine int) []unit {
	var out []unit
	var cur []unit
	flush := func() {
		if len(cur) == 0 {
			return
		}
		var j joiner
		for _, l := range cur {
			j.add(l, true)
		}
		out = append(out, j.unit())
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
		case stripHeading(t) != t:
			flush()
			h := stripHeading(t)
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
func markdownLine(s string, line, col int) unit {
	if !strings.Contains(s, `\`) {
		return unit{text: s, spans: []span{{0, line, col}}}
	}
	var b strings.Builder
	spans := []span{{0, line, col}}
	c := col
	for i := 0; i < len(s); {
		if s[i] == '\\' && i+1 < len(s) && isASCIIPunct(s[i+1]) {
			c++
			spans = append(spans, span{b.Len(), line, c})
			i++
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		b.WriteRune(r)
		i += n
		c++
	}
	return unit{text: b.String(), spans: spans}
}
