package webpage

import (
	"bytes"
	"fmt"
	"regexp"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"

	"reportsite/generator/source/document"
)

// hline is one block of a page's text.
type hline struct {
	text  string
	cells []string // a table row's cells; nil for other blocks
	row   *html.Node
	cell  *html.Node
	score int  // sentence text: Chinese characters outside links
	head  bool // in a heading element (h1-h6)
	chars int  // characters that are not white space
	links int  // of which in links
	// src and srcEnd are the page lines of the last start tags before the
	// line's first and last text (0 when not known); node holds its first
	// text.
	src, srcEnd int
	node        *html.Node
}

func (l *hline) linky() bool { return l.chars > 0 && l.links*2 > l.chars }

// metaWindow is how many lines before the article's title are searched
// for its metadata.
const metaWindow = 40

// readHTML reads a web page: its text from the title of its article to the
// article's end, and its metadata. Dropped names the page's lines when
// withLines is set (the page is the file), else the elements' paths. It
// also returns the full text of each drop's blocks.
func readHTML(data []byte, withLines bool) (*document.Document, [][]string, error) {
	text, enc := decodeHTML(data)
	root, err := html.Parse(strings.NewReader(text))
	if err != nil { // elements nested over 512 deep
		return nil, nil, fmt.Errorf("%w: %v", ErrBadHTML, err)
	}
	d := &document.Document{Format: "html", Encoding: enc}
	w := &walker{ranges: map[*html.Node][2]int{}}
	if withLines {
		w.lineOf = sourceLines(text, root)
	}
	w.walk(root)
	w.mergeRows()
	lines := w.lines

	tags := metaTags(root)
	first, last, art := w.article()
	if first < 0 {
		d.Meta = headMeta(lines, 0, 0, tags)
		for _, l := range lines {
			d.Text = append(append(d.Text, l.text...), '\n')
		}
		var texts [][]string
		d.Dropped, texts = w.dropped(nil, 0, len(lines), countScripts(root))
		return d, texts, nil
	}
	start, end := titleLine(lines, first, art[0], titleCandidates("", tags))
	d.Meta = headMeta(lines, start, first, tags)
	if d.Meta.Title == "" && end > start {
		var parts []string
		for i := start; i < end; i++ {
			parts = append(parts, lines[i].text)
		}
		// A title printed letter-spaced ("政 府 工 作 报 告") or over
		// several lines loses its layout spaces.
		d.Meta.Title = document.Squeeze(document.CleanTitle(keyPrefixRe.ReplaceAllString(strings.Join(parts, ""), "")))
	}
	if t, e := titleLine(lines, first, art[0], titleCandidates(d.Meta.Title, tags)); e > t {
		start = t
	}

	var out []string
	kept := make([]bool, len(lines))
	for i := start; i < art[1]; i++ {
		l := &lines[i]
		if (i > start && i < first || i > last) && l.linky() {
			continue
		}
		kept[i] = true
		out = append(out, l.text)
	}
	var texts [][]string
	d.Dropped, texts = w.dropped(kept, start, art[1], countScripts(root))
	if len(out) > 0 {
		d.Text = []byte(strings.Join(out, "\n") + "\n")
	}
	return d, texts, nil
}

// article returns the first and last sentence lines of the page's article
// and the range of lines of the element that holds it; first is -1 when the
// page has no sentence text.
func (w *walker) article() (first, last int, span [2]int) {
	sum := make([]int, len(w.lines)+1)
	for i, l := range w.lines {
		sum[i+1] = sum[i] + l.score
	}
	total := sum[len(w.lines)]
	if total == 0 {
		return -1, -1, [2]int{0, len(w.lines)}
	}
	score := func(n *html.Node) int {
		r, ok := w.ranges[n]
		if !ok {
			return 0
		}
		return sum[r[1]] - sum[r[0]]
	}
	n := w.root
	defer func() { w.art = n }()
	for {
		var next *html.Node
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type == html.ElementNode && score(c)*100 >= total*85 {
				next = c
				break
			}
		}
		if next == nil {
			break
		}
		n = next
	}
	span = w.ranges[n]
	first, last = -1, -1
	for i := span[0]; i < span[1]; i++ {
		if w.lines[i].score > 0 {
			if first < 0 {
				first = i
			}
			last = i
		}
	}
	return first, last, span
}

// titleLine returns the lines [start, end) of the article's title: the
// nearest line before the first sentence line that is, holds or is a part
// of the first title the page names (in the order of cands) that any line
// there matches, with the other parts of a title printed on several lines.
// Without one, the nearest heading element (h1-h6) a few lines above the
// text; without one, the article's first line and end == start.
func titleLine(lines []hline, first, artStart int, cands []string) (start, end int) {
	const window = 80
	for _, c := range cands {
		for i := first - 1; i >= 0 && i >= first-window; i-- {
			switch titleMatch(document.Squeeze(lines[i].text), c) {
			case 2:
				return i, i + 1
			case 1:
				end := i + 1
				for i > 0 && titleMatch(document.Squeeze(lines[i-1].text), c) == 1 {
					i--
				}
				return i, end
			}
		}
	}
	// No title named: the nearest heading element a few lines above the
	// text, with the heading lines before it (a title on two lines).
	for i := first - 1; i >= 0 && i >= first-headWindow; i-- {
		if lines[i].head && !lines[i].linky() {
			end := i + 1
			for i > 0 && lines[i-1].head && !lines[i-1].linky() {
				i--
			}
			return i, end
		}
	}
	start = min(artStart, first)
	return start, start
}

// headWindow is how far above the first sentence a heading element is
// taken for the title when the page names none.
const headWindow = 8

// headMeta reads the metadata of the page's head. The fields between the
// article's title and its first sentence (its info line) come first; then
// the 信息公开 table and others in the lines just before the title, leaving
// out link lists (a portal's news lists have dates of their own).
func headMeta(lines []hline, start, first int, tags map[string]string) document.Meta {
	near, nearOfficial := buildMeta(parseFields(lines[start:first]))
	var far []hline
	for i := max(0, start-metaWindow); i < start; i++ {
		if !lines[i].linky() {
			far = append(far, lines[i])
		}
	}
	m, farOfficial := buildMeta(parseFields(far))
	for _, f := range []struct{ dst, src *string }{
		{&m.Title, &near.Title}, {&m.Issued, &near.Issued}, {&m.Written, &near.Written},
		{&m.Publisher, &near.Publisher}, {&m.IndexNo, &near.IndexNo}, {&m.DocNo, &near.DocNo},
	} {
		if *f.src != "" {
			*f.dst = *f.src
		}
	}
	for _, d := range []string{farOfficial, nearOfficial} {
		if d != "" {
			m.Issued = d
		}
	}
	seen := map[string]bool{}
	for _, f := range near.Other {
		seen[f.Key] = true
	}
	other := near.Other
	for _, f := range m.Other {
		if !seen[f.Key] {
			other = append(other, f)
		}
	}
	m.Other = other
	// <meta> tags are not shown: they fill only what the page shows not.
	if m.Title == "" {
		m.Title = document.CleanTitle(tags["articletitle"])
	}
	if m.Issued == "" {
		m.Issued = document.ISODate(tags["pubdate"])
	}
	if src := strings.Trim(tags["contentsource"], " ,，"); m.Publisher == "" && orgRe.MatchString(src) {
		m.Publisher = src
	}
	return m
}

// keyPrefixRe matches a 标题 (or 名称) key before a title.
var keyPrefixRe = regexp.MustCompile(`^\s*(?:标\s*题|名\s*称)\s*[:：]\s*`)

// titleMatch is 2 when line is the title, alone or with a 标题 key before
// it or its meeting after it ("…的报告（2026年1月21日在…会议上）"), 1 when
// it is a part of the title, and 0 otherwise.
func titleMatch(line, title string) int {
	n, t := utf8.RuneCountInString(line), utf8.RuneCountInString(title)
	if t < 6 || n == 0 {
		return 0
	}
	if i := strings.Index(line, title); i >= 0 {
		before, after := line[:i], line[i+len(title):]
		if keyPrefixRe.ReplaceAllString(before, "") == "" &&
			(after == "" || strings.IndexAny(after[:1], "(-") == 0 || strings.HasPrefix(after, "（") || strings.HasPrefix(after, "—") || strings.HasPrefix(after, "―")) {
			return 2
		}
		return 0
	}
	if strings.Contains(title, line) && n >= 6 && n*3 >= t {
		return 1
	}
	return 0
}

var siteNameRe = regexp.MustCompile(`(网|网站|门户|首页)\s*$`)

var titleSepRe = regexp.MustCompile(`\s*(?:_|\||｜|--|——| - | – )\s*`)

// titleCandidates lists the titles the page names, squeezed, most
// trusted first: 标题, ArticleTitle, og:title, and the longest part of
// <title> (the others name the site and its column).
func titleCandidates(title string, tags map[string]string) []string {
	var out []string
	add := func(s string) {
		s = document.Squeeze(document.CleanTitle(s))
		if utf8.RuneCountInString(s) >= 6 {
			out = append(out, s)
		}
	}
	add(title)
	add(tags["articletitle"])
	add(tags["og:title"])
	longest := ""
	for _, p := range titleSepRe.Split(tags["title"], -1) {
		if utf8.RuneCountInString(p) > utf8.RuneCountInString(longest) {
			longest = p
		}
	}
	// A <title> that only names the site ("某市财政局", the name a speaker
	// line may hold too) names no article.
	if site := document.Squeeze(tags["sitename"]); document.Squeeze(longest) != site && !siteNameRe.MatchString(longest) {
		add(longest)
	}
	return out
}

// metaTags returns the page's <meta name=… content=…> values keyed by
// lower-case name (or property), and its <title> as "title".
func metaTags(root *html.Node) map[string]string {
	tags := map[string]string{}
	eachNode(root, func(n *html.Node) bool {
		if n.Type != html.ElementNode {
			return true
		}
		switch n.DataAtom {
		case atom.Meta:
			name := strings.ToLower(strings.TrimSpace(attr(n, "name")))
			if name == "" {
				name = strings.ToLower(strings.TrimSpace(attr(n, "property")))
			}
			if v := strings.TrimSpace(attr(n, "content")); name != "" && v != "" {
				if _, ok := tags[name]; !ok {
					tags[name] = v
				}
			}
		case atom.Title:
			if _, ok := tags["title"]; !ok && n.FirstChild != nil {
				tags["title"] = strings.TrimSpace(n.FirstChild.Data)
			}
			return false
		case atom.Script, atom.Style:
			return false
		}
		return true
	})
	return tags
}

// eachNode calls f on every node in document order without recursion (a
// page may nest deeper than a goroutine's stack should grow); f returns
// false to skip a node's children.
func eachNode(root *html.Node, f func(*html.Node) bool) {
	n := root
	for n != nil {
		if f(n) && n.FirstChild != nil {
			n = n.FirstChild
			continue
		}
		for n != root && n.NextSibling == nil {
			n = n.Parent
		}
		if n == root {
			return
		}
		n = n.NextSibling
	}
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Namespace == "" && strings.EqualFold(a.Key, key) {
			return a.Val
		}
	}
	return ""
}

// walker turns a page's tree into lines.
type walker struct {
	root   *html.Node
	lines  []hline
	ranges map[*html.Node][2]int // element → its lines [start, end)
	rowEls []*html.Node          // tr elements, innermost first

	buf               strings.Builder
	han, chars, links int
	inLink, pre, head int
	rows, cells       []*html.Node

	// Positions, for document.Document.Dropped.
	lineOf  map[*html.Node]int // element → page line of its start tag
	srcLine int                // of the last start tag entered
	bufLine int                // srcLine when the current line began
	bufNode *html.Node         // the parent of its first text
	skips   []skip             // skipped elements with text
	art     *html.Node         // the article, once found
}

// skip is an element with text that the walker skipped.
type skip struct {
	at     int // the line before which it stood
	line   int // its page line, or 0
	node   *html.Node
	reason string
	text   string
}

// walk visits the tree in document order, without recursion.
func (w *walker) walk(root *html.Node) {
	w.root = root
	n := root
	for {
		entered := w.enter(n)
		if entered && n.FirstChild != nil {
			n = n.FirstChild
			continue
		}
		if entered {
			w.leave(n)
		}
		for n != root && n.NextSibling == nil {
			n = n.Parent
			w.leave(n)
		}
		if n == root {
			break
		}
		n = n.NextSibling
	}
	w.flush()
}

func (w *walker) enter(n *html.Node) bool {
	switch n.Type {
	case html.TextNode:
		if w.buf.Len() == 0 {
			w.bufLine, w.bufNode = w.srcLine, n.Parent
		}
		w.text(n.Data)
		return false
	case html.DocumentNode:
		return true
	case html.ElementNode:
	default:
		return false
	}
	if l, ok := w.lineOf[n]; ok {
		w.srcLine = l
	}
	if skipped(n) {
		if r := skipReason(n); r != "" {
			if t := strings.Join(strings.FieldsFunc(textOf(n), document.IsLayoutSpace), " "); t != "" {
				w.skips = append(w.skips, skip{at: len(w.lines), line: w.lineOf[n], node: n, reason: r, text: t})
			}
		}
		return false
	}
	a := n.DataAtom
	if isBlock(a) || a == atom.Br {
		w.flush()
	}
	switch a {
	case atom.A:
		if attr(n, "href") != "" {
			w.inLink++
		}
	case atom.Pre, atom.Textarea:
		w.pre++
	case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
		w.head++
	case atom.Tr:
		w.rows = append(w.rows, n)
	case atom.Td, atom.Th:
		w.cells = append(w.cells, n)
	}
	if isContainer(a) {
		w.ranges[n] = [2]int{len(w.lines), len(w.lines)}
	}
	return true
}

// isContainer reports an element that may hold an article or is a table
// row: the elements whose lines article and mergeRows look up.
func isContainer(a atom.Atom) bool {
	switch a {
	case atom.P, atom.Li, atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6, atom.Dt, atom.Dd, atom.Br, atom.Hr:
		return false
	}
	return isBlock(a) || a == 0 || a == atom.Font || a == atom.Span
}

func (w *walker) leave(n *html.Node) {
	if n.Type != html.ElementNode {
		return
	}
	a := n.DataAtom
	if isBlock(a) {
		w.flush()
	}
	switch a {
	case atom.A:
		if attr(n, "href") != "" && w.inLink > 0 {
			w.inLink--
		}
	case atom.Pre, atom.Textarea:
		w.pre--
	case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
		w.head--
	case atom.Tr:
		w.rows = w.rows[:len(w.rows)-1]
		w.rowEls = append(w.rowEls, n)
	case atom.Td, atom.Th:
		w.cells = w.cells[:len(w.cells)-1]
	}
	if r, ok := w.ranges[n]; ok {
		r[1] = len(w.lines)
		w.ranges[n] = r
	}
}

// text adds a text node's characters to the current line.
func (w *walker) text(s string) {
	if w.pre > 0 && strings.ContainsAny(s, "\n\r") {
		for i, part := range strings.Split(strings.ReplaceAll(s, "\r\n", "\n"), "\n") {
			if i > 0 {
				w.flush()
			}
			w.text(part)
		}
		return
	}
	w.buf.WriteString(s)
	for _, r := range s {
		if document.IsLayoutSpace(r) {
			continue
		}
		w.chars++
		if w.inLink > 0 {
			w.links++
		} else if document.IsHan(r) {
			w.han++
		}
	}
}

// flush ends the current line.
func (w *walker) flush() {
	s := strings.TrimSpace(collapse(w.buf.String()))
	han, chars, links := w.han, w.chars, w.links
	w.buf.Reset()
	w.han, w.chars, w.links = 0, 0, 0
	if strings.IndexFunc(s, func(r rune) bool { return !document.IsLayoutSpace(r) }) < 0 {
		return
	}
	l := hline{text: s, chars: chars, links: links, head: w.head > 0, src: w.bufLine, srcEnd: w.srcLine, node: w.bufNode}
	if han >= 8 && links*3 <= chars && strings.IndexFunc(s, isSentenceMark) >= 0 {
		l.score = han
	}
	if len(w.rows) > 0 {
		l.row = w.rows[len(w.rows)-1]
	}
	if len(w.cells) > 0 {
		l.cell = w.cells[len(w.cells)-1]
	}
	w.lines = append(w.lines, l)
}

// mergeRows puts each table row whose cells hold one line each (a data
// table, or a metadata table) on one line, its cells separated by cellSep.
func (w *walker) mergeRows() {
	group := make([]int, len(w.lines)) // line → end of its merged row, or 0
	for _, tr := range w.rowEls {
		r := w.ranges[tr]
		if r[1]-r[0] < 2 {
			continue
		}
		var cells [][]string
		simple := true
		for i := r[0]; i < r[1] && simple; i++ {
			l := w.lines[i]
			simple = l.row == tr && l.cell != nil
			if i == r[0] || l.cell != w.lines[i-1].cell {
				cells = append(cells, nil)
			}
			cells[len(cells)-1] = append(cells[len(cells)-1], l.text)
		}
		if _, ok := document.RowCells(cells); simple && ok {
			group[r[0]] = r[1]
		}
	}
	var out []hline
	idx := make([]int, len(w.lines)+1)
	for i := 0; i < len(w.lines); {
		idx[i] = len(out)
		end := group[i]
		if end == 0 {
			out = append(out, w.lines[i])
			i++
			continue
		}
		m := hline{row: w.lines[i].row, src: w.lines[i].src, srcEnd: w.lines[end-1].srcEnd, node: w.lines[i].node}
		var cells [][]string
		for j := i; j < end; j++ {
			l := w.lines[j]
			idx[j] = len(out)
			if j == i || l.cell != w.lines[j-1].cell {
				cells = append(cells, nil)
			}
			cells[len(cells)-1] = append(cells[len(cells)-1], l.text)
			m.score += l.score
			m.chars += l.chars
			m.links += l.links
		}
		m.cells, _ = document.RowCells(cells)
		m.text = strings.Join(m.cells, document.CellSep)
		out = append(out, m)
		i = end
	}
	idx[len(w.lines)] = len(out)
	for i := range w.skips {
		w.skips[i].at = idx[w.skips[i].at]
	}
	for n, r := range w.ranges {
		if r[1] > r[0] {
			w.ranges[n] = [2]int{idx[r[0]], idx[r[1]-1] + 1}
		} else {
			w.ranges[n] = [2]int{idx[r[0]], idx[r[0]]}
		}
	}
	w.lines = out
}

// skipped reports an element that is not text: scripts, styles, controls,
// embedded objects, and hidden elements.
func skipped(n *html.Node) bool {
	switch n.DataAtom {
	case atom.Head, atom.Script, atom.Style, atom.Noscript, atom.Template, atom.Iframe, atom.Object, atom.Embed,
		atom.Svg, atom.Math, atom.Canvas, atom.Select, atom.Option, atom.Button, atom.Textarea, atom.Input,
		atom.Map, atom.Audio, atom.Video, atom.Title, atom.Frameset:
		return true
	}
	for _, a := range n.Attr {
		switch strings.ToLower(a.Key) {
		case "hidden":
			return true
		case "style":
			st := strings.ToLower(strings.Join(strings.Fields(a.Val), ""))
			if strings.Contains(st, "display:none") || strings.Contains(st, "visibility:hidden") {
				return true
			}
		}
	}
	return false
}

// isBlock reports an element that starts and ends a line.
func isBlock(a atom.Atom) bool {
	switch a {
	case atom.Address, atom.Article, atom.Aside, atom.Blockquote, atom.Body, atom.Caption, atom.Center, atom.Dd,
		atom.Details, atom.Dialog, atom.Dir, atom.Div, atom.Dl, atom.Dt, atom.Fieldset, atom.Figcaption,
		atom.Figure, atom.Footer, atom.Form, atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6, atom.Header,
		atom.Hgroup, atom.Hr, atom.Html, atom.Legend, atom.Li, atom.Main, atom.Menu, atom.Nav, atom.Ol, atom.P,
		atom.Pre, atom.Section, atom.Summary, atom.Table, atom.Tbody, atom.Td, atom.Tfoot, atom.Th, atom.Thead,
		atom.Tr, atom.Ul:
		return true
	}
	return false
}

// declaredRe finds the charset a page declares: <meta charset>, the
// http-equiv Content-Type, or an XML declaration.
var declaredRe = regexp.MustCompile(`(?i)<meta[^>]*?charset\s*=\s*["']?\s*([a-z0-9_:.+-]+)|<\?xml[^>]*encoding\s*=\s*["']([a-z0-9_:.+-]+)`)

// decodeHTML decodes a page as UTF-8 and names the encoding it was in.
func decodeHTML(data []byte) (string, string) {
	switch {
	case bytes.HasPrefix(data, []byte("\xef\xbb\xbf")):
		return strings.ToValidUTF8(string(data[3:]), "\uFFFD"), "UTF-8"
	case bytes.HasPrefix(data, []byte("\xfe\xff")), bytes.HasPrefix(data, []byte("\xff\xfe")):
		return decodeWith(unicode.UTF16(unicode.BigEndian, unicode.UseBOM), data), "UTF-16"
	}
	label := ""
	if m := declaredRe.FindSubmatch(data[:min(len(data), 64<<10)]); m != nil {
		label = string(m[1]) + string(m[2])
	}
	e, name := charset.Lookup(label)
	switch {
	case e == nil || name == "utf-8" || name == "utf-16be" || name == "utf-16le",
		utf8.Valid(data) && !isASCII(data):
		// Text in GBK or a single-byte charset is almost never valid
		// UTF-8: a page that is, was converted and kept its old
		// declaration. UTF-16 cannot be declared inside the page it
		// encodes.
		if utf8.Valid(data) {
			return string(data), "UTF-8"
		}
		return decodeWith(simplifiedchinese.GB18030, data), "GB18030"
	case name == "gbk" || name == "gb18030" || name == "gb2312":
		// GB2312 and GBK pages hold GB18030 characters often enough.
		return decodeWith(simplifiedchinese.GB18030, data), "GB18030"
	}
	return decodeWith(e, data), strings.ToUpper(name)
}

func decodeWith(e encoding.Encoding, data []byte) string {
	b, err := e.NewDecoder().Bytes(data)
	if err != nil {
		return strings.ToValidUTF8(string(data), "\uFFFD")
	}
	return strings.ToValidUTF8(string(b), "\uFFFD")
}

func isASCII(b []byte) bool {
	for _, c := range b {
		if c >= 0x80 {
			return false
		}
	}
	return true
}
