package dialect

import (
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// LineBreaks settles every soft line break before rendering: a break with
// a Chinese character or full-width punctuation on either side renders as
// nothing (a browser would show a space inside Chinese text); any other
// break renders as a newline.
//
// goldmark's CJK option makes the same decision in the renderer, but only
// when the next node is plain text, so "**重点**\n继续" keeps its space
// and "English\n[link](x)" loses it; and it joins any punctuation, so
// "end.\nNext" becomes "end.Next". The option stays on as the rule for any
// break that reaches the renderer, which after this transformer is none.
var LineBreaks goldmark.Extender = lineBreaks{}

type lineBreaks struct{}

var _ parser.ASTTransformer = lineBreaks{}

func (lineBreaks) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(parser.WithASTTransformers(util.Prioritized(lineBreaks{}, 900)))
}

func (lineBreaks) Transform(doc *ast.Document, reader text.Reader, _ parser.Context) {
	source := reader.Source()
	var kept []*ast.Text
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		t, ok := n.(*ast.Text)
		if !entering || !ok || !t.SoftLineBreak() || t.HardLineBreak() {
			return ast.WalkContinue, nil
		}
		t.SetSoftLineBreak(false)
		before, ok1 := runeBefore(t, source)
		after, ok2 := runeAfter(t, source)
		if !ok1 || !ok2 || !joinsLines(before, after) {
			kept = append(kept, t)
		}
		return ast.WalkContinue, nil
	})
	// The newlines are inserted after the walk so that runeBefore and
	// runeAfter only ever see the source text.
	for _, t := range kept {
		nl := ast.NewString([]byte{'\n'})
		nl.SetCode(true)
		t.Parent().InsertAfter(t.Parent(), t, nl)
	}
}

// joinsLines reports whether a soft line break between the runes before
// and after it is dropped. It follows the CSS Text 3 segment break rules as
// goldmark's EastAsianLineBreaksCSS3Draft does, with two changes for
// Chinese text: only East Asian characters, not ASCII punctuation, join
// lines; and two ambiguous-width punctuation marks (”“, ……, ——) join too.
func joinsLines(before, after rune) bool {
	const zwsp = '\u200B'
	if before == zwsp || after == zwsp {
		return true
	}
	if unicode.Is(unicode.Hangul, before) || unicode.Is(unicode.Hangul, after) {
		return false
	}
	if isEastAsian(before) || isEastAsian(after) {
		return true
	}
	return isAmbiguousPunct(before) && isAmbiguousPunct(after)
}

func isEastAsian(r rune) bool {
	if r < 0x1100 {
		return false
	}
	switch util.EastAsianWidth(r) {
	case "F", "W", "H":
		return true
	}
	return util.IsSpaceDiscardingUnicodeRune(r)
}

func isAmbiguousPunct(r rune) bool {
	return r >= 0x2010 && unicode.IsPunct(r) && util.EastAsianWidth(r) == "A"
}

// runeBefore returns the last rune of text that precedes the break at the
// end of t, looking back through earlier inline nodes of the same block.
func runeBefore(t *ast.Text, source []byte) (rune, bool) {
	if r, ok := lastRune(t, source); ok {
		return r, true
	}
	for n := ast.Node(t); n != nil && n.Type() == ast.TypeInline; n = n.Parent() {
		for s := n.PreviousSibling(); s != nil; s = s.PreviousSibling() {
			if r, ok := lastRune(s, source); ok {
				return r, true
			}
		}
	}
	return 0, false
}

// runeAfter returns the first rune of text that follows the break at the
// end of t, looking forward through later inline nodes of the same block.
func runeAfter(t *ast.Text, source []byte) (rune, bool) {
	for n := ast.Node(t); n != nil && n.Type() == ast.TypeInline; n = n.Parent() {
		for s := n.NextSibling(); s != nil; s = s.NextSibling() {
			if r, ok := firstRune(s, source); ok {
				return r, true
			}
		}
	}
	return 0, false
}

// inlineText returns the text an inline node shows by itself, or ok false
// for a node whose text lives in its children.
func inlineText(n ast.Node, source []byte) (v []byte, ok bool) {
	switch n := n.(type) {
	case *ast.Text:
		return n.Segment.Value(source), true
	case *ast.String:
		return n.Value, true
	case *ast.AutoLink:
		return n.Label(source), true
	case *ast.RawHTML:
		if n.Segments.Len() == 0 {
			return nil, true
		}
		return source[n.Segments.At(0).Start:n.Segments.At(n.Segments.Len()-1).Stop], true
	}
	return nil, false
}

func firstRune(n ast.Node, source []byte) (rune, bool) {
	if v, ok := inlineText(n, source); ok {
		if len(v) == 0 {
			return 0, false
		}
		r, _ := utf8.DecodeRune(v)
		return r, true
	}
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		if r, ok := firstRune(c, source); ok {
			return r, true
		}
	}
	return 0, false
}

func lastRune(n ast.Node, source []byte) (rune, bool) {
	if v, ok := inlineText(n, source); ok {
		if len(v) == 0 {
			return 0, false
		}
		r, _ := utf8.DecodeLastRune(v)
		return r, true
	}
	for c := n.LastChild(); c != nil; c = c.PreviousSibling() {
		if r, ok := lastRune(c, source); ok {
			return r, true
		}
	}
	return 0, false
}
