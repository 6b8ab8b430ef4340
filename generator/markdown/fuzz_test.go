package markdown

import (
	"errors"
	"io"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"reportsite/generator/markdown/mark"
)

// FuzzConvert feeds Convert any Markdown, with the options of a page and of
// a page nested in the full text: it must not panic or fail, and its HTML
// must be well-formed
// (every element closed in order) and inert: no element that runs script or
// embeds a document, no event handler attribute, no javascript:, vbscript:
// or data: URL. Seeds: testdata/fuzz/FuzzConvert.
func FuzzConvert(f *testing.F) {
	f.Add([]byte("## 投资\n\n全区地区生产总值同比增长4.9%，\n增幅居全市第2位；\n"), false)
	c := New()
	f.Fuzz(func(t *testing.T, src []byte, nested bool) {
		opt := Options{}
		if nested {
			opt = Options{IDPrefix: "s-1-", HeadingShift: 1}
		}
		res, err := c.Convert(src, opt)
		if err != nil {
			t.Fatalf("Convert: %v", err)
		}
		out := string(res.HTML)
		if msg := unbalanced(out); msg != "" {
			t.Fatalf("%s in\n%s", msg, out)
		}
		doc, err := html.Parse(strings.NewReader(out))
		if err != nil {
			t.Fatalf("output does not parse: %v", err)
		}
		for n := range doc.Descendants() {
			if n.Type != html.ElementNode {
				continue
			}
			switch n.DataAtom {
			case atom.Script, atom.Iframe, atom.Frame, atom.Object, atom.Embed, atom.Base, atom.Form, atom.Style, atom.Meta, atom.Link:
				t.Fatalf("<%s> element in\n%s", n.Data, out)
			}
			if n.Namespace != "" {
				t.Fatalf("<%s %s> element in\n%s", n.Namespace, n.Data, out)
			}
			for _, a := range n.Attr {
				k := strings.ToLower(a.Key)
				if strings.HasPrefix(k, "on") || k == "style" || k == "srcdoc" {
					t.Fatalf("attribute %s=%q in\n%s", a.Key, a.Val, out)
				}
				if (k == "href" || k == "src") && activeScheme(a.Val) {
					t.Fatalf("%s=%q in\n%s", a.Key, a.Val, out)
				}
			}
		}
	})
}

// activeScheme reports whether a browser would run or embed the URL: a
// javascript:, vbscript: or data: scheme, read as a browser reads it.
func activeScheme(v string) bool {
	v = strings.NewReplacer("\t", "", "\n", "", "\r", "").Replace(v)
	v = strings.ToLower(strings.TrimLeft(v, "\x00\x01\x02\x03\x04\x05\x06\x07\x08\x0b\x0c\x0e\x0f\x10\x11\x12\x13\x14\x15\x16\x17\x18\x19\x1a\x1b\x1c\x1d\x1e\x1f "))
	return strings.HasPrefix(v, "javascript:") || strings.HasPrefix(v, "vbscript:") || strings.HasPrefix(v, "data:")
}

// voids are the elements Convert writes without an end tag.
var voids = map[string]bool{"br": true, "hr": true, "img": true, "input": true, "wbr": true}

// unbalanced returns what is wrong with the nesting of tags in s, or "".
func unbalanced(s string) string {
	z := html.NewTokenizer(strings.NewReader(s))
	var stack []string
	for {
		tt := z.Next()
		switch tt {
		case html.ErrorToken:
			if err := z.Err(); !errors.Is(err, io.EOF) {
				return err.Error()
			}
			if len(stack) > 0 {
				return "<" + stack[len(stack)-1] + "> never closed"
			}
			return ""
		case html.StartTagToken:
			name, _ := z.TagName()
			if !voids[string(name)] {
				stack = append(stack, string(name))
			}
		case html.EndTagToken:
			name, _ := z.TagName()
			if len(stack) == 0 || stack[len(stack)-1] != string(name) {
				return "stray </" + string(name) + ">"
			}
			stack = stack[:len(stack)-1]
		}
	}
}

// FuzzMark takes any Markdown and any stretch of one line of its plain text
// (Result.Text): Options.Marks must find it in the page, as the build does for an
// indicator's sentence, keep the HTML well-formed and leave its text as it
// was, apart from what it adds after the sentence.
func FuzzMark(f *testing.F) {
	f.Add([]byte("全区地区生产总值同比**增长4.9%**，\n增幅居全市第2位；\n"), uint16(2), uint16(9))
	f.Add([]byte("甲*乙。丙*丁。[链接](https://a.cn/)`x<y`"), uint16(3), uint16(12))
	c := New()
	f.Fuzz(func(t *testing.T, src []byte, from, n uint16) {
		if !utf8.Valid(src) {
			return // content.Load rejects a page that is not UTF-8
		}
		res, err := c.Convert(src, Options{Text: true})
		if err != nil {
			t.Fatalf("Convert: %v", err)
		}
		text := []rune(res.Text)
		i := int(from) % (len(text) + 1)
		j := min(i+int(n)%40, len(text))
		sentence := string(text[i:j])
		if k := strings.IndexByte(sentence, '\n'); k >= 0 {
			sentence = sentence[:k]
		}
		// An indicator's sentence neither starts nor ends with white space,
		// which may stand for a line break that cannot be cut ("<br>\n").
		sentence = strings.TrimSpace(sentence)
		if sentence == "" || inLimits(&res, sentence) {
			return
		}
		got, ok := markOne(t, c, string(src), sentence, "i", "s", `<a class="b">↑</a>`)
		if !ok {
			t.Fatalf("%q of the plain text %q not found in\n%s", sentence, res.Text, res.HTML)
		}
		if msg := unbalanced(string(got)); msg != "" {
			t.Fatalf("%s in\n%s", msg, got)
		}
		before, after := textOf(string(res.HTML)), strings.Replace(textOf(string(got)), "↑", "", 1)
		if !strings.Contains(string(res.HTML), "↑") && before != after {
			t.Fatalf("text changed:\n%q\n%q", before, after)
		}
	})
}

// inLimits reports whether sentence may fall where the package doc says no
// sentence is marked: in a raw HTML block, across an image, or starting or
// ending inside inline raw HTML or inside, or at an edge of, an autolink's
// label (the span would have to go inside the <a>). It errs on the side of
// skipping.
func inLimits(r *Result, sentence string) bool {
	near := false
	_ = ast.Walk(r.doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.HTMLBlock:
			// As shown: a NUL is U+FFFD in the text ("<p \x00" is a block).
			near = near || strings.Contains(string(mark.AppendRaw(nil, n.Lines().Value(r.cv.src))), sentence) ||
				n.HasClosure() && strings.Contains(string(mark.AppendRaw(nil, n.ClosureLine.Value(r.cv.src))), sentence)
		case *ast.Image:
			near = true // no sentence is found across an image: skip any page with one
		case *ast.AutoLink:
			near = near || overlaps(sentence, string(n.Label(r.cv.src)))
		case *ast.RawHTML:
			near = near || overlaps(sentence, string(n.Segments.Value(r.cv.src)))
		}
		return ast.WalkContinue, nil
	})
	return near
}

// overlaps reports whether s and t share some text: one holds the other, or
// the end of one is the start of the other.
func overlaps(s, t string) bool {
	if strings.Contains(s, t) || strings.Contains(t, s) {
		return true
	}
	for k := 1; k < min(len(s), len(t)); k++ {
		if strings.HasSuffix(s, t[:k]) || strings.HasPrefix(s, t[len(t)-k:]) {
			return true
		}
	}
	return false
}

// textOf returns the text content of HTML.
func textOf(s string) string {
	z := html.NewTokenizer(strings.NewReader(s))
	var b strings.Builder
	for tt := z.Next(); tt != html.ErrorToken; tt = z.Next() {
		if tt == html.TextToken {
			b.Write(z.Text())
		}
	}
	return b.String()
}
