package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"reportsite/generator/source"
)

// TestImportPage imports a saved government page of the corpus: the
// article's text, not the site's navigation, and the page's 信息公开 fields
// in the front matter.
func TestImportPage(t *testing.T) {
	page := filepath.Join("..", "..", "shared", "corpus", "xian_2025_budget.html")
	if _, err := os.Stat(page); err != nil {
		t.Skip("no corpus: ", err)
	}
	dir := t.TempDir()
	var stdout, stderr bytes.Buffer
	if code := runImport([]string{"-o", dir, page}, &stdout, &stderr); code != 0 {
		t.Fatalf("import: %d\n%s%s", code, stdout.String(), stderr.String())
	}
	if !strings.Contains(stderr.String(), "from the file's metadata: index_no, issued, publisher") {
		t.Errorf("no note of the fields filled from the page in\n%s", stderr.String())
	}
	index, err := os.ReadFile(filepath.Join(dir, "_index.md"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`title = "西安市2025年预算执行情况和2026年预算草案的报告"`, `index_no = "2026-000039"`,
		`issued = "2026-03-09"`, `publisher = "预算处"`, `meeting = "——2026年2月27日在西安市第十七届人民代表大会第七次会议上"`} {
		if !bytes.Contains(index, []byte(want)) {
			t.Errorf("_index.md has no %s", want)
		}
	}
	// The site's menus and the abstract above the article are not text.
	filepath.WalkDir(dir, func(p string, e os.DirEntry, err error) error {
		if err != nil || e.IsDir() {
			return err
		}
		b, _ := os.ReadFile(p)
		for _, nav := range []string{"政务服务互动交流", "这是西安市财政局在市十七届人大七次会议上所作的报告"} {
			if bytes.Contains(b, []byte(nav)) {
				t.Errorf("%s holds the page's furniture %q", p, nav)
			}
		}
		return nil
	})
}

func TestImportPDF(t *testing.T) {
	pdf := filepath.Join(t.TempDir(), "report.pdf")
	if err := os.WriteFile(pdf, []byte("%PDF-1.7\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	var stdout, stderr bytes.Buffer
	if code := runImport([]string{"-o", t.TempDir(), pdf}, &stdout, &stderr); code != 1 || !strings.Contains(stderr.String(), pdf+": ") || !strings.Contains(stderr.String(), "pdftotext -layout") {
		t.Errorf("import of a PDF: %d\n%s", code, stderr.String())
	}
}

// TestImportPageDropped: importing a saved page prints, on one line, what
// the page reader left out: its runs before and after the article, as
// source.Document.DroppedSummary gives them.
func TestImportPageDropped(t *testing.T) {
	page := filepath.Join("..", "..", "shared", "corpus", "yaan_2025_budget.html")
	data, err := os.ReadFile(page)
	if err != nil {
		t.Skip("no corpus: ", err)
	}
	d, err := source.Read(page, data)
	if err != nil {
		t.Fatal(err)
	}
	var stdout, stderr bytes.Buffer
	if code := runImport([]string{"-o", t.TempDir(), page}, &stdout, &stderr); code != 0 {
		t.Fatalf("import: %d\n%s%s", code, stdout.String(), stderr.String())
	}
	var got []string
	for _, l := range strings.Split(stdout.String(), "\n") {
		if strings.HasPrefix(l, "dropped from the page: ") {
			got = append(got, l)
		}
	}
	want := "dropped from the page: " + d.DroppedSummary()
	if len(got) != 1 || got[0] != want || !strings.Contains(want, "before the article: line") || !strings.Contains(want, "after the article: line") {
		t.Errorf("import printed %q, want one line %q naming runs before and after the article", got, want)
	}
}
