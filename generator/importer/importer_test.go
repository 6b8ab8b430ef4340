package importer

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
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

// TestImportSeed imports the seed as generator import does into the
// committed report's folder: the pages are relative to it, carry their
// indicators and the recorded corrections, and are the committed files.
func TestImportSeed(t *testing.T) {
	src, err := os.ReadFile(filepath.Join("..", "report", "testdata", "seed.txt"))
	if err != nil {
		t.Fatal(err)
	}
	dest := func(slug string) string { return filepath.Join("..", "..", "content", slug) }
	res, err := Import("seed.txt", src, Options{Dest: dest, ReadFile: os.ReadFile})
	if err != nil {
		t.Fatal(err)
	}
	if res.Slug != "2020-plan-report" || res.Dest != dest(res.Slug) || res.Corrected != 22 {
		t.Fatalf("slug %q, dest %q, %d corrections", res.Slug, res.Dest, res.Corrected)
	}
	indicators := 0
	for _, p := range res.Pages {
		if strings.HasPrefix(p.Path, res.Slug+"/") {
			t.Errorf("%s: not relative to the report's folder", p.Path)
		}
		indicators += len(p.Meta.Indicators)
		if p.Path == "_index.md" {
			continue // its 原文 attachment is added as the original is written
		}
		want, err := os.ReadFile(filepath.Join(res.Dest, filepath.FromSlash(p.Path)))
		if err != nil {
			t.Error(err)
			continue
		}
		if got, err := content.Marshal(p); err != nil || !bytes.Equal(got, want) {
			t.Errorf("%s differs from the committed file (%v)", p.Path, err)
		}
	}
	if len(res.Pages) != 21 || indicators == 0 {
		t.Errorf("%d pages, %d indicators", len(res.Pages), indicators)
	}
}

// TestImportCorrectionsDoNotFit: a recorded correction for a file the
// report does not have is an error that comes with the warnings, not the
// pages; without ReadFile no corrections are read.
func TestImportCorrectionsDoNotFit(t *testing.T) {
	src := []byte("关于某市2020年计划执行情况的报告\n\n一、总体情况\n\n（一）经济运行\n\n全年增长5%。\n")
	toml := []byte("[[correction]]\nfile = \"09/09.md\"\noriginal = \"a\"\ncorrected = \"b\"\nreason = \"c\"\n")
	read := func(name string) ([]byte, error) {
		if filepath.Base(name) == "corrections.toml" {
			return toml, nil
		}
		return nil, fs.ErrNotExist
	}
	res, err := Import("r.txt", src, Options{ReadFile: read})
	if err == nil || res == nil || res.Pages != nil || !strings.Contains(err.Error(), `file "09/09.md" is not a page of this report`) {
		t.Fatalf("Import: %v, %+v", err, res)
	}
	res, err = Import("r.txt", src, Options{Set: [][2]string{{"issued", "2021-01-02"}}})
	if err != nil || res.Corrected != 0 || len(res.Pages) == 0 || res.Pages[0].Meta.Report.Issued != "2021-01-02" {
		t.Fatalf("Import without ReadFile: %v, %+v", err, res)
	}
}
