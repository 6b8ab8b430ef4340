package markdown_test

import (
	"strings"
	"testing"

	"reportsite/generator/content"
	"reportsite/generator/indicator"
	"reportsite/generator/markdown"
)

// TestEmphasisInIndicatorSentence: an editor's emphasis inside an
// indicator's sentence, or across one of its ends, leaves the sentence in
// the page's plain text, so it still verifies (as at import, with
// indicator.PlainText, and as at build, with Result.Text: the same text),
// and it is still marked.
func TestEmphasisInIndicatorSentence(t *testing.T) {
	const sentence = "全年实现地区生产总值123亿元，同比增长5%。"
	c := markdown.New()
	for _, body := range []string{
		"全年实现地区生产总值**123亿元**，同比增长5%。其后。\n",
		"其前。全年实现地区生产总值123亿元，**同比增长5%。其后**继续。\n",
		"**其前。全年实现**地区生产总值123亿元，同比增长5%。\n",
		"*全年实现地区生产总值123亿元，同比增长5%。*\n",
		"全年实现[地区生产总值](01.html)_123亿元_，同比增长5%。\n",
	} {
		ind := content.Indicator{Name: "地区生产总值", Value: "123", Unit: "亿元", Number: 123, Kind: "level",
			Sentence: sentence, Anchor: "i-1"}
		text := indicator.PlainText([]byte(body))
		if err := indicator.VerifyPage([]content.Indicator{ind}, text); err != nil {
			t.Errorf("%q: %v", body, err)
		}
		r, err := c.Convert([]byte(body), markdown.Options{Text: true,
			Marks: []markdown.Span{{Sentence: sentence, ID: "i-1", Class: "ind-src", After: "<a>指标</a>"}}})
		if err != nil {
			t.Fatal(err)
		}
		if r.Text != text {
			t.Errorf("%q: Result.Text %q, PlainText %q", body, r.Text, text)
		}
		if !r.Marked[0] || !strings.Contains(string(r.HTML), `<span class="ind-src" id="i-1">`) {
			t.Errorf("%q: not marked: %s", body, r.HTML)
		}
	}
}
