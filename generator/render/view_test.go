package render

import (
	"testing"

	"reportsite/generator/content"
)

// TestCardOf checks how an indicator becomes a card: the sentence's verb,
// 余 and 多 between the number and its unit, a bound before or after the
// value, the word of a rank and the period of a target.
func TestCardOf(t *testing.T) {
	for _, tc := range []struct {
		name string
		ind  content.Indicator
		want Card
	}{
		{"verb", content.Indicator{Name: "GDP", Value: "4.9", Unit: "%", Kind: "change", Direction: "up", Verb: "增长", Period: "2020", Anchor: "i-1"},
			Card{ID: "card-3", Name: "GDP", Value: "4.9", Unit: "%", Kind: "change", Dir: "up", Verb: "增长", Period: "2020年", Path: "r/01.html#i-1"}},
		{"余 alone", content.Indicator{Value: "11500", Unit: "人次", Bound: "余", Period: "2020", Anchor: "a"},
			Card{ID: "card-3", Value: "11500", Unit: "余人次", Period: "2020年", Path: "r/01.html#a"}},
		{"余 and a bound", content.Indicator{Value: "20", Unit: "场次", Bound: "余以上", Period: "2020", Anchor: "a"},
			Card{ID: "card-3", Value: "20", Unit: "余场次", Bound: "以上", Period: "2020年", Path: "r/01.html#a"}},
		{"bound before", content.Indicator{Value: "7", Unit: "%", Bound: "不低于", Period: "2021", Anchor: "a"},
			Card{ID: "card-3", Value: "7", Unit: "%", Before: "不低于", Period: "2021年", Path: "r/01.html#a"}},
		{"bound in the verb", content.Indicator{Value: "7", Unit: "%", Bound: "不低于", Verb: "增长不低于", Period: "2021", Anchor: "a"},
			Card{ID: "card-3", Value: "7", Unit: "%", Verb: "增长不低于", Period: "2021年", Path: "r/01.html#a"}},
		{"bound after", content.Indicator{Value: "7", Unit: "%", Bound: "以上", Period: "2021", Anchor: "a"},
			Card{ID: "card-3", Value: "7", Unit: "%", Bound: "以上", Period: "2021年", Path: "r/01.html#a"}},
		{"rank", content.Indicator{Value: "2", Kind: "rank", Verb: "居", Period: "2020", Anchor: "a"},
			Card{ID: "card-3", Value: "2", Kind: "rank", Verb: "居第", Period: "2020年", Path: "r/01.html#a"}},
		{"first", content.Indicator{Value: "首", Kind: "rank", Verb: "居", Period: "2020", Anchor: "a"},
			Card{ID: "card-3", Value: "首", Kind: "rank", Verb: "居", Period: "2020年", Path: "r/01.html#a"}},
		{"target", content.Indicator{Value: "6", Unit: "%", Kind: "target", Period: "2021", Anchor: "a"},
			Card{ID: "card-3", Value: "6", Unit: "%", Kind: "target", Period: "2021年目标", Path: "r/01.html#a"}},
	} {
		if got := CardOf(tc.ind, "r/01.html", 2); got != tc.want {
			t.Errorf("%s:\n got %+v\nwant %+v", tc.name, got, tc.want)
		}
	}
}

// TestNewPage checks the view NewPage makes of an entry: the position in
// the report, the breadcrumbs from 首页, the canonical address and the
// cards; and the 404 page's links from the site's root path.
func TestNewPage(t *testing.T) {
	site := &Site{Title: "某区", BaseURL: "https://example.gov.cn/sub/"}
	pg := &content.Page{Path: "r/01/02.md", Meta: content.Meta{Description: "d", Indicators: []content.Indicator{{Name: "GDP", Value: "1", Period: "2020", Anchor: "i-1"}}}}
	e := &Entry{Kind: "page", Path: "r/01/02.html", Out: "r/01/02.html", Title: "标题", Label: "（二）", Page: pg, Place: "一、（二）",
		Ancestors: []Link{{Path: "", Text: "某区"}, {Path: "r/", Text: "报告"}, {Path: "r/01/", Label: "一、", Text: "部分"}}}
	p := NewPage(site, e, nil)
	if p.Where != "一、（二）标题" || p.Root != "../../" || p.Canonical != "https://example.gov.cn/sub/r/01/02.html" || p.Description != "d" {
		t.Errorf("Where %q, Root %q, Canonical %q, Description %q", p.Where, p.Root, p.Canonical, p.Description)
	}
	if len(p.Crumbs) != 4 || p.Crumbs[0].Text != "首页" || !p.Crumbs[3].Current || p.Crumbs[3].Path != e.Path {
		t.Errorf("crumbs %+v", p.Crumbs)
	}
	if e.Ancestors[0].Text != "某区" {
		t.Error("NewPage changed the entry's ancestors")
	}
	if len(p.Cards) != 1 || p.Cards[0].Path != "r/01/02.html#i-1" || p.Cards[0].ID != "card-1" {
		t.Errorf("cards %+v", p.Cards)
	}
	nf := NewPage(site, &Entry{Kind: "404", Out: "404.html", Title: NotFoundTitle}, nil)
	if nf.Base != "/sub/" || nf.Canonical != "" || nf.Crumbs != nil {
		t.Errorf("404: Base %q, Canonical %q, Crumbs %v", nf.Base, nf.Canonical, nf.Crumbs)
	}
	if full := NewPage(site, &Entry{Kind: "full", Path: "r/full.html", Out: "r/full.html"}, nil); full.Where != FullTitle {
		t.Errorf("full text: Where %q", full.Where)
	}
}

// TestPortalWords checks the 【我要纠错】 link and how attachments are named.
func TestPortalWords(t *testing.T) {
	if got, want := Feedback("a@example.gov.cn", true, "（一）标题", "https://example.gov.cn/p.html"),
		"mailto:a@example.gov.cn?subject=%E7%BA%A0%E9%94%99%EF%BC%9A%EF%BC%88%E4%B8%80%EF%BC%89%E6%A0%87%E9%A2%98&body=%E9%A1%B5%E9%9D%A2%EF%BC%9Ahttps:%2F%2Fexample.gov.cn%2Fp.html%0A"; got != want {
		t.Errorf("Feedback = %q, want %q", got, want)
	}
	if got := Feedback("https://example.gov.cn/form", false, "t", ""); got != "https://example.gov.cn/form" {
		t.Errorf("Feedback of a form = %q", got)
	}
	for _, tc := range []struct {
		name string
		size int64
		want Attachment
	}{
		{"a/原文.txt", 812, Attachment{Title: "t", Path: "p", Type: "文本", Size: "812 B"}},
		{"a/表.XLSX", 57856, Attachment{Title: "t", Path: "p", Type: "Excel 表格", Size: "56.5 KB"}},
		{"a/b.odt", 1258291, Attachment{Title: "t", Path: "p", Type: "ODT", Size: "1.2 MB"}},
	} {
		if got := NewAttachment("t", "p", tc.name, tc.size); got != tc.want {
			t.Errorf("%s: %+v, want %+v", tc.name, got, tc.want)
		}
	}
}
