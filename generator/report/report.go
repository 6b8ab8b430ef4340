package report

import (
	"errors"
	"fmt"
	"path"
	"regexp"
	"sort"
	"strings"
	"unicode/utf8"

	"reportsite/generator/content"
	"reportsite/generator/report/frame"
	"reportsite/generator/report/lex"
	"reportsite/generator/report/proofread"
)

// Result is one imported report.
type Result struct {
	// Slug names the report's section: "2020-plan-report".
	Slug string
	// Encoding is the encoding the file was read in: "UTF-8", "GB18030", …
	Encoding string
	// Pages are the content files in reading order, with paths relative to
	// the content root: "<slug>/_index.md", "<slug>/01/_index.md",
	// "<slug>/01/01.md", …
	Pages []*content.Page
	// Warnings are the proofreading findings, in the order of the file.
	Warnings []proofread.Warning
	// Dropped are the lines left out as page furniture, appendix or
	// colophon.
	Dropped []Dropped
	// DroppedRanges are the runs of Dropped lines of one reason (blank
	// lines between them do not break a run), in file order.
	DroppedRanges []DroppedRange
	// Missing are the front matter keys of the report that the text does
	// not give and an editor should fill: "title" (the file name was used),
	// "report.issued", "report.publisher", "report.index_no".
	Missing []string
	Stats   Stats
}

// A DroppedRange is a run of lines left out for one reason.
type DroppedRange struct {
	From, To int // 1-based lines of the file, inclusive
	Lines    int // lines dropped in the run (blank lines not counted)
	Reason   string
}

// DroppedSummary describes the dropped lines in one line, for the
// command's report: "lines 1–36 (page header), 402–517 (site footer); 18
// page numbers". Page numbers and running headers, one or two lines on every
// page, are counted rather than listed.
func (r *Result) DroppedSummary() string {
	var ranges []string
	counts := map[string]int{}
	for _, d := range r.DroppedRanges {
		if d.Reason == frame.DropPageNo || d.Reason == frame.DropRunning {
			counts[d.Reason] += d.Lines
			continue
		}
		if d.From == d.To {
			ranges = append(ranges, fmt.Sprintf("%d (%s)", d.From, d.Reason))
		} else {
			ranges = append(ranges, fmt.Sprintf("%d–%d (%s)", d.From, d.To, d.Reason))
		}
	}
	var parts []string
	if len(ranges) > 0 {
		parts = append(parts, "lines "+strings.Join(ranges, ", "))
	}
	if n := counts[frame.DropPageNo]; n > 0 {
		parts = append(parts, fmt.Sprintf("%d page numbers", n))
	}
	if n := counts[frame.DropRunning]; n > 0 {
		parts = append(parts, fmt.Sprintf("%d running headers or footers", n))
	}
	return strings.Join(parts, "; ")
}

// droppedRanges groups the dropped lines into runs of one reason.
func droppedRanges(lines []lex.Line, drop []string) []DroppedRange {
	var out []DroppedRange
	open := false
	for i, l := range lines {
		switch {
		case drop[i] == "" && l.Blank():
			continue
		case drop[i] == "":
			open = false
			continue
		}
		if n := len(out); open && out[n-1].Reason == drop[i] {
			out[n-1].To = l.Num
			out[n-1].Lines++
			continue
		}
		out = append(out, DroppedRange{From: l.Num, To: l.Num, Lines: 1, Reason: drop[i]})
		open = true
	}
	return out
}

// missing lists the front matter keys that the import left empty and an
// editor should fill.
func missing(rep *content.Report, noTitle bool) []string {
	var m []string
	if noTitle {
		m = append(m, "title")
	}
	for _, k := range []struct{ key, v string }{{"report.issued", rep.Issued}, {"report.publisher", rep.Publisher}, {"report.index_no", rep.IndexNo}} {
		if k.v == "" {
			m = append(m, k.key)
		}
	}
	return m
}

// Dropped is a line of the source left out as page furniture.
type Dropped struct {
	Line int
	// Reason is why: "page header" (before the title block), "navigation",
	// "page widget", "site name", "repeats the title", "repeats the
	// metadata", "page counter", "page number", "running header or
	// footer", "template placeholder", "table rule", "appendix",
	// "colophon", "attachment list", "page footer", "site footer".
	Reason string
	Text   string
}

// Stats counts what Import found.
type Stats struct {
	Lines        int // lines of the file
	Paragraphs   int // paragraphs of the text, headings included
	Parts        int // 一、
	Subsections  int // （一）
	Items        int // 1. 1、 1．
	SubItems     int // （1）
	Bullets      int // ── and —— targets
	Enumerations int // inline 一是, 二是, …
	WrapWidth    int // the width in columns the text was hard-wrapped at; 0 if it was not
	Compared     int // characters the lossless check compared
}

// ErrLost is wrapped by the error Import returns when its output would not
// hold the source text: a bug in the importer, never a property of the input.
var ErrLost = errors.New("internal error: the output would lose or change text; please report this input")

// Import reads one raw report (the text of a government report as copied
// from a web page or extracted from a PDF) and returns it as content pages.
// name is the file's name, used in errors and warnings. The error is a
// *content.Error wrapping lex.ErrEmpty or lex.ErrBinary for input that is not a
// report; any other input gives pages, at worst a single page and a warning.
func Import(name string, src []byte) (*Result, error) {
	text, enc, err := lex.DecodeEncoding(src)
	if err != nil {
		return nil, &content.Error{Path: name, Err: err}
	}
	lines := lex.SplitLines(text)
	drop := make([]string, len(lines))
	h := readFrame(name, lines, drop)
	body := bodyLines(lines, drop, h)
	paras, wrap := paragraphs(body)
	t := build(paras, frame.Addressee(h.Report.Salutation))

	res := &Result{Encoding: enc}
	c := &proofread.Checker{Path: name}
	title := h.Title
	if title == "" {
		title = strings.TrimSuffix(path.Base(strings.ReplaceAll(name, `\`, "/")), path.Ext(name))
		c.Out = append(c.Out, proofread.Warning{Path: name, Line: 1, Col: 1, Kind: proofread.KindStructure,
			Message: "no title found (no 标题 and no title block): the file name is used"})
	}
	rep := h.Report
	rep.Kind, rep.Year = kindYear(title+" "+rep.Heading, rep.Meeting, rep.Issued)
	res.Slug = slug(rep.Kind, rep.Year)
	res.Pages = t.pages(res.Slug, title, rep.Year, &rep)

	c.Out = append(c.Out, h.Warnings...)
	for _, f := range h.Fields {
		c.Text(f.Unit)
	}
	t.proofread(c)
	if t.none && len(paras) > 0 {
		u := paras[0]
		c.Add(u, 0, 0, proofread.KindStructure, "no numbered parts (一、) or subsections (（一）): the report is one page")
	}
	res.Stats = t.stats()
	res.Stats.Lines = len(lines)
	res.Stats.Paragraphs = len(paras)
	res.Stats.WrapWidth = wrap

	n, err := checkLossless(name, body, res.Pages)
	if err != nil {
		return nil, err
	}
	res.Stats.Compared = n

	for i, reason := range drop {
		if reason != "" {
			res.Dropped = append(res.Dropped, Dropped{Line: lines[i].Num, Reason: reason, Text: lines[i].Text})
		}
	}
	res.DroppedRanges = droppedRanges(lines, drop)
	res.Missing = missing(&rep, h.Title == "")
	sort.SliceStable(c.Out, func(i, j int) bool {
		a, b := c.Out[i], c.Out[j]
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		return a.Col < b.Col
	})
	res.Warnings = c.Out
	return res, nil
}

// readFrame reads the head and marks the page furniture of lines in drop,
// undoing letter spacing as it goes.
func readFrame(name string, lines []lex.Line, drop []string) *frame.Head {
	if lex.LetterSpacedFile(lines) {
		lex.Unspace(lines, 0, drop, true)
	}
	h := frame.ParseHead(name, lines, drop)
	frame.MarkFurniture(lines, h.End, drop)
	lex.Unspace(lines, h.End, drop, lex.PdfPages(lines[h.End:]) >= 2)
	if by, date := frame.Colophon(lines, drop); by != "" {
		// A colophon names who printed the report, and when.
		if h.Report.Publisher == "" {
			h.Report.Publisher = by
		}
		if h.Report.Issued == "" {
			h.Report.Issued = date
		}
	}
	return h
}

// bodyLines are the lines of the report's text: the head's lines kept as
// text, then the lines after the head that are neither blank nor dropped.
func bodyLines(lines []lex.Line, drop []string, h *frame.Head) []bodyLine {
	var body []bodyLine
	gap := false
	add := func(i int) {
		body = append(body, bodyLine{Line: lines[i], gap: gap})
		gap = false
	}
	for _, i := range h.Text {
		add(i)
	}
	for i := h.End; i < len(lines); i++ {
		if lines[i].Blank() || drop[i] != "" {
			gap = true
			continue
		}
		add(i)
	}
	return body
}

// proofread runs the checks over the tree, in the units the content files
// hold, so that Proofread on the written files finds the same.
func (t *tree) proofread(c *proofread.Checker) {
	c.Body(blockUnits(t.root.lead, t.root.closing))
	var parts proofread.Sequence
	for _, p := range t.root.kids {
		hu := p.headingUnit()
		parts.Next(c, p.lab, hu, 0)
		checkHeading(c, p, hu)
		c.Body(blockUnits(p.lead, p.closing))
		var subs proofread.Sequence
		for _, s := range p.kids {
			su := s.headingUnit()
			subs.Next(c, s.lab, su, 0)
			checkHeading(c, s, su)
			c.Body(blockUnits(s.lead, s.closing))
		}
	}
}

// checkHeading checks a heading's text, and that it has one of a sensible
// length.
func checkHeading(c *proofread.Checker, n *node, u lex.Unit) {
	c.Text(u)
	switch k := utf8.RuneCountInString(n.title.Text); {
	case k == 0:
		c.Add(u, 0, len(u.Text), proofread.KindStructure, fmt.Sprintf("heading %s has no text", n.lab.Text))
	case k > 60:
		c.Add(u, 0, len(u.Text), proofread.KindStructure, fmt.Sprintf("heading %s is %d characters long: a run-in heading whose 。 was lost?", n.lab.Text, k))
	}
}

func blockUnits(parts ...[]block) []lex.Unit {
	var us []lex.Unit
	for _, bs := range parts {
		for _, b := range bs {
			us = append(us, b.u)
		}
	}
	return us
}

func (t *tree) stats() Stats {
	var s Stats
	count := func(bs []block) {
		for _, b := range bs {
			switch b.lab.Kind {
			case lex.ItemLabel:
				s.Items++
			case lex.SubitemLabel:
				s.SubItems++
			}
			if bulletAt(b.u.Text) != "" {
				s.Bullets++
			}
			s.Enumerations += len(proofread.EnumMarks(b.u.Text))
		}
	}
	var walk func(n *node, depth int)
	walk = func(n *node, depth int) {
		count(n.lead)
		count(n.closing)
		for _, k := range n.kids {
			if depth == 0 && !t.flat {
				s.Parts++
			} else {
				s.Subsections++
			}
			walk(k, depth+1)
		}
	}
	walk(t.root, 0)
	return s
}

var yearRe = regexp.MustCompile(`(?:19|20)[0-9]{2}`)

// kindYear tells the kind of report from its title, and the year reported
// on: the first year a plan or budget report's title names ("2020年度…执行
// 情况与2021年计划草案" is 2020); for a work report, and for any report whose
// title names no year, the year before its session's ("2021年政府工作报告",
// or a meeting in 2021, is 2020). The three reports of one session so share
// a year.
func kindYear(title, meeting, issued string) (string, int) {
	kind := ""
	switch {
	case strings.Contains(title, "国民经济和社会发展") && strings.Contains(title, "计划"):
		kind = "plan-report"
	case strings.Contains(title, "预算") || strings.Contains(title, "决算"):
		kind = "budget-report"
	case strings.Contains(title, "政府工作报告") || strings.Contains(title, "政府") && strings.Contains(title, "工作报告"):
		kind = "work-report"
	}
	year := 0
	if m := yearRe.FindString(frame.FoldDigits(title)); m != "" {
		year, _ = lex.Arabic(m)
		if kind == "work-report" {
			// "2021年政府工作报告" is named by its session.
			year--
		}
	} else if m := yearRe.FindString(frame.FoldDigits(meeting)); m != "" {
		year, _ = lex.Arabic(m)
		year--
	} else if m := yearRe.FindString(issued); m != "" {
		year, _ = lex.Arabic(m)
		year--
	}
	return kind, year
}

// slug names a report's section: "<year>-<kind>", ASCII.
func slug(kind string, year int) string {
	switch {
	case kind != "" && year > 0:
		return fmt.Sprintf("%d-%s", year, kind)
	case kind != "":
		return kind
	case year > 0:
		return fmt.Sprintf("%d-report", year)
	}
	return "report"
}
