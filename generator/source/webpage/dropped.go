package webpage

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"
	"unicode"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"reportsite/generator/source/document"
)

// lineWhere names the source lines lo through hi.
func lineWhere(lo, hi int) string {
	if lo == hi {
		return fmt.Sprintf("line %d", lo)
	}
	return fmt.Sprintf("lines %d–%d", lo, hi)
}

// srcLineAttr is the attribute sourceLines gives each start tag in its
// copy of the page: the line the tag starts on.
const srcLineAttr = "data-reportsite-line"

// sourceLines returns the line (1-based) of the page text that each element
// of root starts on. The HTML parser keeps no positions, so the page is
// tokenized once more with every start tag marked with its line, parsed,
// and the two trees are walked side by side; when they differ (they should
// not) no line is known and the result is nil.
func sourceLines(text string, root *html.Node) map[*html.Node]int {
	var b strings.Builder
	b.Grow(len(text) + len(text)/8)
	z := html.NewTokenizer(strings.NewReader(text))
	line := 1
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			break
		}
		raw := z.Raw()
		if tt == html.StartTagToken || tt == html.SelfClosingTagToken {
			// Mark after the tag's name: "<div" + mark + " class=…>".
			end := 1
			for end < len(raw) && !isHTMLSpace(raw[end]) && raw[end] != '/' && raw[end] != '>' {
				end++
			}
			b.Write(raw[:end])
			fmt.Fprintf(&b, ` %s="%d"`, srcLineAttr, line)
			b.Write(raw[end:])
		} else {
			b.Write(raw)
		}
		line += bytes.Count(raw, []byte("\n"))
	}
	marked, err := html.Parse(strings.NewReader(b.String()))
	if err != nil {
		return nil
	}
	var a, m []*html.Node
	eachNode(root, func(n *html.Node) bool { a = append(a, n); return true })
	eachNode(marked, func(n *html.Node) bool { m = append(m, n); return true })
	if len(a) != len(m) {
		return nil
	}
	lines := make(map[*html.Node]int, len(a))
	for i, n := range a {
		if n.Type != m[i].Type || n.Data != m[i].Data {
			return nil
		}
		if n.Type != html.ElementNode {
			continue
		}
		if v, err := strconv.Atoi(attr(m[i], srcLineAttr)); err == nil {
			lines[n] = v
		}
	}
	return lines
}

// furniture names what an element is by its tag, role, id and class: a
// page's navigation, header, footer, share widget, search box, form, link
// list or sidebar; "" for none of them.
func furniture(n *html.Node) string {
	switch n.DataAtom {
	case atom.Nav:
		return "navigation"
	case atom.Header:
		return "page header"
	case atom.Footer:
		return "footer"
	case atom.Aside:
		return "sidebar"
	case atom.Form:
		return "form"
	}
	switch strings.ToLower(attr(n, "role")) {
	case "navigation", "menubar", "menu":
		return "navigation"
	case "banner":
		return "page header"
	case "contentinfo":
		return "footer"
	case "search":
		return "search"
	case "complementary":
		return "sidebar"
	}
	var words []string
	for _, name := range strings.Fields(attr(n, "id") + " " + attr(n, "class")) {
		w := nameWords(name)
		if len(w) > 0 && !cssUtility[w[0]] {
			words = append(words, w...)
		}
	}
	for _, k := range furnitureWords {
		for _, w := range words {
			for _, p := range k.words {
				if w == p || len(p) >= 4 && strings.HasPrefix(w, p) {
					return k.reason
				}
			}
		}
	}
	return ""
}

// cssUtility are the first words of utility class names that style an
// element rather than name it ("bd-bottom", "mt-top", "text-nav").
var cssUtility = map[string]bool{
	"b": true, "bd": true, "border": true, "m": true, "mt": true, "mb": true, "p": true, "pt": true, "pb": true,
	"margin": true, "padding": true, "text": true, "align": true, "bg": true, "fl": true, "fr": true,
	"float": true, "pull": true, "radius": true, "rounded": true, "shadow": true, "sticky": true, "fixed": true,
}

// furnitureWords are the words of ids and class names that mark page
// furniture (English and the pinyin Chinese sites use), most specific
// first; a word of four letters or more also matches as a prefix
// ("navbar", "footer2").
var furnitureWords = []struct {
	reason string
	words  []string
}{
	{"navigation", []string{"nav", "navigation", "menu", "submenu", "breadcrumb", "crumb", "crumbs", "daohang", "dh", "location", "position", "weizhi", "dqwz"}},
	{"share widget", []string{"share", "bdshare", "fenxiang", "jiathis", "bshare"}},
	{"search", []string{"search", "sousuo", "ss"}},
	{"footer", []string{"footer", "foot", "bottom", "copyright", "banquan"}},
	{"page header", []string{"header", "top", "banner", "logo", "masthead", "topbar"}},
	{"link list", []string{"links", "link", "friendlink", "yqlj", "related", "xgwz"}},
	{"sidebar", []string{"sidebar", "side"}},
}

// nameWords splits ids and class names into lower-case words at anything
// not a letter or digit and at a lower-to-upper case change ("mainNav",
// "top_nav" → main nav, top nav).
func nameWords(s string) []string {
	var words []string
	var cur []rune
	var prev rune
	for _, r := range s {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			if len(cur) > 0 {
				words = append(words, strings.ToLower(string(cur)))
			}
			cur, prev = cur[:0], 0
			continue
		}
		if unicode.IsUpper(r) && unicode.IsLower(prev) && len(cur) > 0 {
			words = append(words, strings.ToLower(string(cur)))
			cur = cur[:0]
		}
		cur = append(cur, r)
		prev = r
	}
	if len(cur) > 0 {
		words = append(words, strings.ToLower(string(cur)))
	}
	return words
}

// furnitureOf names the outermost furniture element that holds n and not
// the article (which holds kept text): a page header with its menu is the
// page header; "" for none.
func furnitureOf(n, art *html.Node) string {
	out := ""
	for ; n != nil && !isAncestor(n, art); n = n.Parent {
		if n.Type == html.ElementNode {
			if f := furniture(n); f != "" {
				out = f
			}
		}
	}
	return out
}

// isAncestor reports whether a holds n (or is n).
func isAncestor(a, n *html.Node) bool {
	for ; n != nil; n = n.Parent {
		if n == a {
			return true
		}
	}
	return false
}

// elementPath names an element as a CSS selector of its last few
// ancestors: "body > div#nav > ul".
func elementPath(n *html.Node) string {
	var parts []string
	for ; n != nil && n.Type == html.ElementNode && n.DataAtom != atom.Html; n = n.Parent {
		if len(parts) == 4 {
			parts = append(parts, "…")
			break
		}
		p := n.Data
		if id := strings.TrimSpace(attr(n, "id")); id != "" {
			p += "#" + id
		} else if c := strings.Fields(attr(n, "class")); len(c) > 0 {
			p += "." + c[0]
		}
		parts = append(parts, p)
	}
	for i, j := 0, len(parts)-1; i < j; i, j = i+1, j-1 {
		parts[i], parts[j] = parts[j], parts[i]
	}
	return strings.Join(parts, " > ")
}

// blockOf is the innermost block element that holds n.
func blockOf(n *html.Node) *html.Node {
	for p := n; p != nil; p = p.Parent {
		if p.Type == html.ElementNode && isBlock(p.DataAtom) {
			return p
		}
	}
	return n
}

// commonAncestor is the innermost element that holds both a and b.
func commonAncestor(a, b *html.Node) *html.Node {
	for n := a; n != nil; n = n.Parent {
		if isAncestor(n, b) {
			return n
		}
	}
	return nil
}

// textOf is the text of n's subtree, script and style left out.
func textOf(n *html.Node) string {
	var b strings.Builder
	eachNode(n, func(c *html.Node) bool {
		switch {
		case c.Type == html.TextNode:
			b.WriteString(c.Data)
			b.WriteByte(' ')
		case c.Type == html.ElementNode && (c.DataAtom == atom.Script || c.DataAtom == atom.Style):
			return false
		}
		return b.Len() < 4096
	})
	return b.String()
}

// skipReason names why a skipped element's text is not text, or "" for
// an element that is counted, not listed (<head>, scripts and styles).
func skipReason(n *html.Node) string {
	switch n.DataAtom {
	case atom.Head, atom.Script, atom.Style, atom.Title:
		return ""
	case atom.Select, atom.Option, atom.Button, atom.Textarea, atom.Input:
		return "form control"
	case atom.Noscript, atom.Template, atom.Iframe, atom.Object, atom.Embed, atom.Svg, atom.Math, atom.Canvas,
		atom.Map, atom.Audio, atom.Video, atom.Frameset:
		return "embedded object"
	}
	return "hidden"
}

// countScripts counts a page's script and style elements.
func countScripts(root *html.Node) int {
	n := 0
	eachNode(root, func(c *html.Node) bool {
		if c.Type == html.ElementNode && (c.DataAtom == atom.Script || c.DataAtom == atom.Style) {
			n++
			return false
		}
		return true
	})
	return n
}

// dropped lists the lines of the page that kept leaves out, and the skipped
// elements with text, in document order, in runs of one place and reason;
// lines [start, end) are the article's. A skipped element inside a run of
// dropped lines of one reason is part of that run. scripts is the page's
// number of scripts and styles, listed last as one count. kept is nil when
// the page has no article: every line is kept.
func (w *walker) dropped(kept []bool, start, end, scripts int) ([]document.Drop, [][]string) {
	lines := w.lines
	isDropped := func(i int) bool { return kept != nil && i >= 0 && i < len(lines) && !kept[i] }
	place := func(i int) string {
		switch {
		case kept == nil:
			return document.PlaceIn
		case i < start:
			return document.PlaceBefore
		case i >= end:
			return document.PlaceAfter
		}
		return document.PlaceIn
	}
	reasons := make([]string, len(lines))
	for i := range lines {
		if isDropped(i) {
			reasons[i] = w.reason(i, place(i))
		}
	}
	g := &runs{w: w}
	s := 0
	for i := 0; i <= len(lines); i++ {
		for ; s < len(w.skips) && w.skips[s].at <= i; s++ {
			k := w.skips[s]
			if isDropped(i-1) && isDropped(i) && reasons[i-1] == reasons[i] {
				continue // inside a run of dropped lines
			}
			// A search box's controls are the search box.
			r := k.reason
			if f := furnitureOf(k.node, w.art); f != "" {
				r = f
			}
			if g.cur != nil && !(g.cur.Reason == r && g.cur.Place == place(i)) {
				g.end()
			}
			g.add(place(i), r, k.line, k.line, k.node, k.text)
		}
		if i == len(lines) {
			break
		}
		if !isDropped(i) {
			g.end()
			continue
		}
		l := &lines[i]
		g.add(place(i), reasons[i], l.src, l.srcEnd, l.node, l.text)
	}
	g.end()
	if scripts > 0 {
		g.out = append(g.out, document.Drop{Where: "the page", Place: document.PlaceOutside, Reason: document.ReasonScripts, Blocks: scripts})
		g.texts = append(g.texts, nil)
	}
	return g.out, g.texts
}

// reason names why line i, at place, is dropped: the furniture around it,
// else "link list" for a line mostly of links, else its place.
func (w *walker) reason(i int, place string) string {
	l := &w.lines[i]
	if f := furnitureOf(l.node, w.art); f != "" {
		return f
	}
	if l.linky() {
		return "link list"
	}
	return place
}

// A run is a run of dropped blocks being gathered.
type run struct {
	document.Drop
	lo, hi      int // page lines, 0 when not known
	first, last *html.Node
	text        []string // the run's blocks, in full
}

// runs gathers a page's dropped blocks into runs of one place and reason.
type runs struct {
	w     *walker
	out   []document.Drop
	texts [][]string // the full text of each run of out
	cur   *run
}

// end ends the current run, naming where it is.
func (g *runs) end() {
	cur := g.cur
	if cur == nil {
		return
	}
	d := cur.Drop
	if cur.lo > 0 && g.w.lineOf != nil {
		d.Where = lineWhere(cur.lo, max(cur.lo, cur.hi))
	} else if a := commonAncestor(blockOf(cur.first), blockOf(cur.last)); a != nil {
		d.Where = elementPath(a)
	}
	g.out = append(g.out, d)
	g.texts = append(g.texts, cur.text)
	g.cur = nil
}

// add adds a block to the current run, or starts a run.
func (g *runs) add(place, reason string, lo, hi int, n *html.Node, text string) {
	if g.cur != nil && (g.cur.Place != place || g.cur.Reason != reason) {
		g.end()
	}
	if g.cur == nil {
		g.cur = &run{Drop: document.Drop{Place: place, Reason: reason, Sample: document.Sample(text)}, lo: lo, hi: hi, first: n}
	}
	cur := g.cur
	cur.Blocks++
	cur.text = append(cur.text, text)
	if lo > 0 && (cur.lo == 0 || lo < cur.lo) {
		cur.lo = lo
	}
	cur.hi = max(cur.hi, hi)
	cur.last = n
}
