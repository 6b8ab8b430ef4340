package importer

import (
	"strings"
	"testing"

	"reportsite/generator/content"
	"reportsite/generator/source"
)

// TestFillFromSource: only empty fields are filled, and the title only
// when the importer took the file's name for it.
func TestFillFromSource(t *testing.T) {
	rep := &content.Report{IndexNo: "A-1", Issued: ""}
	pages := []*content.Page{{Path: "r/_index.md", Meta: content.Meta{Title: "报告", Report: rep}}, {Path: "r/01.md", Meta: content.Meta{Title: "报告"}}}
	m := source.Meta{Title: "关于某市的报告", IndexNo: "B-2", Issued: "2026-01-02", Publisher: "某局"}
	got := fillFromSource("dir/报告.html", pages, m)
	if strings.Join(got, ",") != "title,issued,publisher" || pages[0].Meta.Title != "关于某市的报告" || rep.IndexNo != "A-1" ||
		rep.Issued != "2026-01-02" || rep.Publisher != "某局" || pages[1].Meta.Title != "报告" {
		t.Errorf("filled %v: %+v %+v", got, pages[0].Meta, rep)
	}
	pages[0].Meta.Title = "关于别的报告"
	rep.Publisher = ""
	if got := fillFromSource("dir/报告.html", pages, source.Meta{Title: "X"}); len(got) != 0 || pages[0].Meta.Title != "关于别的报告" {
		t.Errorf("a title the text gave was replaced: %v %q", got, pages[0].Meta.Title)
	}
}
