package report

import (
	"slices"
	"strings"
	"unicode/utf8"

	"reportsite/generator/report/frame"
	"reportsite/generator/report/lex"
)

// A bodyLine is a line of the report's text with what came before it.
type bodyLine struct {
	lex.Line
	gap bool // blank lines or furniture between it and the previous text line
}

// wrapWidth returns the width in columns at which the text was hard-wrapped
// (PDF extraction), or 0 if each line is a paragraph. Wrapped text has many
// lines of one width that end anywhere in a sentence; text copied from a web
// page has lines of all lengths that end with a full stop.
func wrapWidth(ls []bodyLine, widths []int) int {
	n := len(ls)
	if n < 6 {
		return 0
	}
	sorted := slices.Clone(widths)
	slices.Sort(sorted)
	w := sorted[n*8/10]
	if w < 20 || w > 200 {
		return 0
	}
	if paged(ls) {
		// Pages separated by form feeds: PDF text, wrapped however
		// irregular its lines (pdftotext breaks justified lines apart).
		return w
	}
	full, stops := 0, 0
	for i := range ls {
		if widths[i] >= w-4 {
			full++
			if strings.ContainsAny(lex.LastRune(ls[i].Text), "。！？；") {
				stops++
			}
		}
	}
	if full*10 < n*4 || stops*10 > full*4 {
		return 0
	}
	return w
}

// brokenMin is the length in characters from which a line of text that is
// not wrapped and ends without a full stop is a paragraph broken by a stray
// line break, not a heading.
const brokenMin = 50

// brokenLine reports a line l of text that is not wrapped that goes on the
// line before it: that one is long and ends in Chinese without a full stop,
// and l follows at once, in Chinese or with a figure, and begins no block
// ("…“十四" / "五”时期…").
func brokenLine(prev, l bodyLine) bool {
	a, _ := utf8.DecodeLastRuneInString(prev.Text)
	b, _ := utf8.DecodeRuneInString(l.Text)
	return !l.gap && !startsBlock(l.Text) && !endsSentence(prev.Text) && lex.IsCJK(a) && (lex.IsCJK(b) || lex.IsDigit(b)) &&
		utf8.RuneCountInString(prev.Text) >= brokenMin && !strings.Contains(prev.Text, "  ")
}

// splitLabel reports a line that is the number of an item label whose mark
// begins the next line ("1" / ". 着力支持…"), as pdftotext cuts some.
func splitLabel(ls []bodyLine, i int) bool {
	if i+1 >= len(ls) || !frame.BareNumberRe.MatchString(ls[i].Text) || utf8.RuneCountInString(ls[i].Text) > 2 {
		return false
	}
	r, _ := utf8.DecodeRuneInString(ls[i+1].Text)
	return r == '．' || r == '、' || r == '.' && !lex.IsDigitAt(ls[i+1].Text, 1)
}

// paged reports text whose pages are separated by form feeds: PDF text.
func paged(ls []bodyLine) bool {
	pages := 0
	for _, l := range ls {
		if l.Page {
			pages++
		}
	}
	return pages >= 2
}

// startsBlock reports a line that begins a paragraph whatever came before:
// numbered headings and items, and target bullets.
func startsBlock(s string) bool {
	return lex.LabelAt(s).Kind != lex.NoLabel || bulletAt(s) != ""
}

// bulletAt returns the target bullet ("──", "——") that s starts with.
func bulletAt(s string) string {
	for _, b := range []string{"──", "——", "－－", "―", "●", "■", "◆", "★", "▲", "•"} {
		if strings.HasPrefix(s, b) {
			return b
		}
	}
	return ""
}

// standaloneHeading reports a paragraph so far that is numbered (一、 （一）
// 1. （1）) and has no sentence mark: a heading on its own line, which the
// next line does not go on unless the heading is full.
func standaloneHeading(cur []bodyLine) bool {
	k := lex.LabelAt(cur[0].Text).Kind
	if k < lex.PartLabel || k > lex.SubitemLabel {
		return false
	}
	for _, l := range cur {
		if i, _ := sentenceEnd(l.Text); i >= 0 {
			return false
		}
	}
	return true
}

// nearlyFull is how many columns short of the wrap width a line may be and
// still be full when it does not end a sentence: the first line of a
// paragraph lost its indent of two characters, and lines with Latin digits
// and spaces vary in width.
const nearlyFull = 10

// continues reports a line b that goes on the line a whatever their widths:
// a ends with a mark that never ends a paragraph (，、（“) or a number, or is
// a label alone ("②"), or b goes on a number that a began ("519" and
// ".7 亿元").
func continues(a, b string) bool {
	if strings.ContainsAny(lex.LastRune(a), "，,、（(“《") {
		return true
	}
	if r, _ := utf8.DecodeLastRuneInString(a); lex.IsDigit(r) || lex.LabelAt(a).Text == a {
		// A number, or a label alone ("②"), ends no paragraph.
		return true
	}
	r, n := utf8.DecodeRuneInString(b)
	switch {
	case r == '%' || r == '％':
		return true
	case r == '.' || r == '．':
		r2, _ := utf8.DecodeRuneInString(b[n:])
		return lex.IsDigit(r2)
	}
	return false
}

func endsSentence(s string) bool {
	return strings.ContainsAny(lex.LastRune(s), "。！？；：”")
}

// paragraphs joins the lines of the text into paragraphs, and returns the
// width the text was wrapped at (0 if it was not). Unwrapped, every line is
// a paragraph. Wrapped at width w, a line goes on the previous one's
// paragraph when that one is full and it is neither indented nor numbered,
// nor after a blank line that follows a full stop.
func paragraphs(ls []bodyLine) ([]lex.Unit, int) {
	// A line's width on the page counts its indentation beyond the margin
	// that all lines share: an indented first line is full at the width of
	// the others.
	minIndent := -1
	for _, l := range ls {
		if minIndent < 0 || l.Indent < minIndent {
			minIndent = l.Indent
		}
	}
	widths := make([]int, len(ls))
	for i, l := range ls {
		// Spaces inside a line are layout ("2025 年"): they do not count.
		widths[i] = l.Indent - minIndent + lex.DisplayWidth(l.Text) - strings.Count(l.Text, " ")
	}
	w := wrapWidth(ls, widths)
	pdf := w > 0 && paged(ls)
	if w > 0 {
		// In hard-wrapped text white space inside a line is layout
		// ("2025 年", "29.23 亿元"), as in PDF text.
		ls = slices.Clone(ls)
		for i := range ls {
			if strings.ContainsRune(ls[i].Text, ' ') {
				ls[i].Text = lex.Despace(ls[i].Text)
			}
		}
	}
	var out []lex.Unit
	var cur []bodyLine
	flush := func() {
		if len(cur) == 0 {
			return
		}
		var j lex.Joiner
		for _, l := range cur {
			j.Add(l.Unit(), true)
		}
		out = append(out, j.Unit())
		cur = cur[:0]
	}
	for i, l := range ls {
		if w > 0 && i > 0 && len(cur) > 0 {
			prev := ls[i-1]
			join := l.Indent <= minIndent && !startsBlock(l.Text) && !splitLabel(ls, i) &&
				(widths[i-1] >= w-4 && !(l.gap && endsSentence(prev.Text)) ||
					!endsSentence(prev.Text) && !standaloneHeading(cur) &&
						(widths[i-1] >= w-nearlyFull || continues(prev.Text, l.Text) || pdf) ||
					// A heading wrapped: its last line is short too.
					!endsSentence(prev.Text) && len(cur) == 1 && widths[i-1] >= w-nearlyFull &&
						widths[i] < w-nearlyFull && !endsSentence(l.Text) && lex.Han(l.Text) >= 2)
			if join {
				cur = append(cur, l)
				continue
			}
		}
		if w == 0 && i > 0 && len(cur) > 0 && brokenLine(ls[i-1], l) && !standaloneHeading(cur) {
			cur = append(cur, l)
			continue
		}
		flush()
		cur = append(cur, l)
	}
	flush()
	return out, w
}

// A block is a paragraph of a page, or an item's heading.
type block struct {
	u     lex.Unit
	lab   lex.Label
	level int // Markdown heading level of an item heading; 0 for a paragraph
}

// A node is the report, a part or a subsection.
type node struct {
	lab      lex.Label
	labU     lex.Unit
	title    lex.Unit
	end      lex.Unit // the 。 that closed a run-in heading
	lead     []block
	kids     []*node
	closing  []block
	fromHead int // blocks at the start of lead that are the rest of the heading's paragraph
}

// headingUnits returns the unit that is label, title and end as one text:
// what the proofreading checks read.
func (n *node) headingUnit() lex.Unit {
	return lex.Concat(n.labU, n.title, n.end)
}

// splitHeading cuts a numbered paragraph into label, title, the mark that
// ends a run-in heading, and the rest. The heading is the paragraph up to the
// first 。, ！ or ？ outside quotes and brackets, or the whole paragraph.
func splitHeading(p lex.Unit, lab lex.Label) (labU, title, end, rest lex.Unit) {
	labU = p.Slice(0, len(lab.Text))
	after := p.Slice(len(lab.Text), len(p.Text)).TrimSpace()
	k, size := sentenceEnd(after.Text)
	if k < 0 {
		return labU, after, after.Slice(len(after.Text), len(after.Text)), lex.Unit{}
	}
	title = after.Slice(0, k).TrimSpace()
	end = after.Slice(k, k+size)
	rest = after.Slice(k+size, len(after.Text)).TrimSpace()
	return labU, title, end, rest
}

// sentenceEnd returns the byte offset and size of the first sentence mark
// of s that is not inside quotes or brackets, or -1.
func sentenceEnd(s string) (int, int) {
	depth := 0
	for i, r := range s {
		switch r {
		case '“', '‘', '（', '(', '《', '【', '「':
			depth++
		case '”', '’', '）', ')', '》', '】', '」':
			if depth > 0 {
				depth--
			}
		case '。', '！', '？':
			if depth == 0 {
				return i, utf8.RuneLen(r)
			}
		}
	}
	return -1, 0
}

// tree is the report's structure: the root's lead is the preamble, its kids
// the parts (or, in a report without 一、 parts, the subsections), its
// closing the text after the last part.
type tree struct {
	root *node
	flat bool // the root's kids are subsections
	none bool // no numbered parts or subsections at all
}

// build arranges the paragraphs into a tree. addressee is how the closing
// paragraphs open ("各位代表").
func build(paras []lex.Unit, addressee string) *tree {
	top := lex.NoLabel
	for _, p := range paras {
		k := lex.LabelAt(p.Text).Kind
		if k == lex.PartLabel {
			top = lex.PartLabel
			break
		}
		if k == lex.SubLabel {
			top = lex.SubLabel
		}
	}
	t := &tree{root: &node{}, flat: top == lex.SubLabel, none: top == lex.NoLabel}
	var part, sub *node
	for _, p := range paras {
		lab := lex.LabelAt(p.Text)
		switch {
		case lab.Kind != lex.NoLabel && lab.Kind == top:
			part, sub = newNode(p, lab), nil
			t.root.kids = append(t.root.kids, part)
			continue
		case top == lex.PartLabel && lab.Kind == lex.SubLabel && part != nil:
			sub = newNode(p, lab)
			part.kids = append(part.kids, sub)
			continue
		}
		b := block{u: p, lab: lab}
		switch {
		case sub != nil:
			sub.lead = append(sub.lead, b)
		case part != nil:
			part.lead = append(part.lead, b)
		default:
			t.root.lead = append(t.root.lead, b)
		}
	}
	for _, part := range t.root.kids {
		moveClosing(part)
	}
	t.moveReportClosing(addressee)
	markHeadings(t.root)
	return t
}

func newNode(p lex.Unit, lab lex.Label) *node {
	labU, title, end, rest := splitHeading(p, lab)
	n := &node{lab: lab, labU: labU, title: title, end: end}
	if rest.Text != "" {
		n.lead = []block{{u: rest, lab: lex.LabelAt(rest.Text)}}
		n.fromHead = 1
	}
	return n
}

// singleParagraph reports a subsection that is one run-in paragraph.
func (n *node) singleParagraph() bool {
	return n.fromHead == 1 && len(n.lead) == 1
}

// moveClosing gives a part the paragraphs that follow its last subsection
// when every subsection is one run-in paragraph: there the paragraphs after
// the last one ("总的来看，…") cannot be that subsection's and sum up the part.
func moveClosing(part *node) {
	n := len(part.kids)
	if n == 0 {
		return
	}
	for _, k := range part.kids[:n-1] {
		if !k.singleParagraph() {
			return
		}
	}
	last := part.kids[n-1]
	if last.fromHead != 1 || len(last.lead) == 1 {
		return
	}
	part.closing = append(part.closing, last.lead[1:]...)
	last.lead = last.lead[:1]
}

// moveReportClosing moves the paragraphs from the first one that addresses
// the audience ("各位代表，使命呼唤担当…") after the last part's content to
// the report's closing.
func (t *tree) moveReportClosing(addressee string) {
	n := len(t.root.kids)
	if n == 0 || addressee == "" {
		return
	}
	last := t.root.kids[n-1]
	opens := func(b block) bool {
		if !strings.HasPrefix(b.u.Text, addressee) {
			return false
		}
		r, _ := utf8.DecodeRuneInString(b.u.Text[len(addressee):])
		return r == utf8.RuneError || strings.ContainsRune("，,！!：:；;。、", r)
	}
	take := func(bs *[]block, from int) bool {
		for i := from; i < len(*bs); i++ {
			if opens((*bs)[i]) {
				t.root.closing = append(t.root.closing, (*bs)[i:]...)
				*bs = (*bs)[:i]
				return true
			}
		}
		return false
	}
	if take(&last.closing, 0) {
		return
	}
	if k := len(last.kids); k > 0 {
		lk := last.kids[k-1]
		take(&lk.lead, lk.fromHead)
		return
	}
	take(&last.lead, last.fromHead)
}

// markHeadings decides which numbered items of each page are headings: an
// item (1. or （1）) that is short, has no full stop before its end and is
// followed by its own text. Others stay paragraphs.
func markHeadings(n *node) {
	markBlocks(n.lead, n.closing)
	for _, k := range n.kids {
		markHeadings(k)
	}
}

func markBlocks(parts ...[]block) {
	item := false
	for _, bs := range parts {
		for i := range bs {
			b := &bs[i]
			if b.lab.Kind != lex.ItemLabel && b.lab.Kind != lex.SubitemLabel {
				continue
			}
			rest := strings.TrimLeftFunc(b.u.Text[len(b.lab.Text):], lex.IsSpace)
			k, size := sentenceEnd(rest)
			standalone := utf8.RuneCountInString(rest) <= 50 && (k < 0 || k+size == len(rest)) && rest != ""
			if standalone && i+1 < len(bs) {
				next := bs[i+1].lab.Kind
				if next == lex.NoLabel || next > b.lab.Kind {
					b.level = 2
					if b.lab.Kind == lex.SubitemLabel && item {
						b.level = 3
					}
				}
			}
			if b.lab.Kind == lex.ItemLabel && b.level > 0 {
				item = true
			}
		}
	}
	markSubheads(parts...)
}

// minSubheads is how many unnumbered subheads a page must have for its
// short one-sentence paragraphs to be read as such.
const minSubheads = 3

// subhead reports a paragraph that can be an unnumbered subhead: one short
// sentence ending with 。 and no other mark ("生态底色更加亮丽。").
func subhead(b block) bool {
	if b.lab.Kind != lex.NoLabel || b.level > 0 || bulletAt(b.u.Text) != "" {
		return false
	}
	n := utf8.RuneCountInString(b.u.Text)
	return n >= 4 && n <= 30 && strings.HasSuffix(b.u.Text, "。") &&
		!strings.ContainsAny(strings.TrimSuffix(b.u.Text, "。"), "。，,；;：:！!？?、（(“”")
}

// markSubheads makes headings of the unnumbered subheads of a page that
// clearly uses them: at least minSubheads short one-sentence paragraphs,
// each followed by a longer paragraph that is not one. They take the level
// below the page's item headings.
func markSubheads(parts ...[]block) {
	level := 2
	var cands []*block
	for _, bs := range parts {
		for i := range bs {
			if bs[i].level == 2 {
				level = 3
			}
			if subhead(bs[i]) && i+1 < len(bs) && !subhead(bs[i+1]) && bs[i+1].lab.Kind == lex.NoLabel &&
				len(bs[i+1].u.Text) > 2*len(bs[i].u.Text) {
				cands = append(cands, &bs[i])
			}
		}
	}
	if len(cands) < minSubheads {
		return
	}
	for _, b := range cands {
		b.level = level
	}
}
