package content

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
)

func TestAttachOriginal(t *testing.T) {
	seed, err := os.ReadFile("../report/testdata/seed.txt") // the seed report, kept in the repository
	if err != nil {
		t.Skip("seed report not found:", err)
	}
	pages := func() []*Page {
		return []*Page{
			{Path: "_index.md", Meta: Meta{Title: "关于某某区2020年度计划执行情况的报告", Report: &Report{IndexNo: "1"}}},
			{Path: "01/_index.md", Meta: Meta{Title: "一"}},
		}
	}
	dir := t.TempDir()
	ps := pages()
	if err := AttachOriginal(dir, ps, "/x/000_176c12c1479f83ea.TXT", seed, WriteOptions{}); err != nil {
		t.Fatal(err)
	}
	want := Attachment{File: "原文.txt", Title: "关于某某区2020年度计划执行情况的报告（原文）"}
	if a := ps[0].Meta.Attachments; len(a) != 1 || a[0] != want {
		t.Errorf("attachments = %+v, want [%+v]", a, want)
	}
	if len(ps[1].Meta.Attachments) != 0 {
		t.Error("a part got the attachment")
	}
	got, err := os.ReadFile(filepath.Join(dir, "原文.txt"))
	if err != nil || string(got) != string(seed) {
		t.Fatalf("original not kept byte for byte: %v", err)
	}
	// Written with the pages, the index page names the file it lies beside.
	if _, err := Write(dir, ps, WriteOptions{}); err != nil {
		t.Fatal(err)
	}
	back, err := os.ReadFile(filepath.Join(dir, "_index.md"))
	if err != nil {
		t.Fatal(err)
	}
	p, err := Parse("_index.md", back)
	if err != nil {
		t.Fatal(err)
	}
	if a := p.Meta.Attachments; len(a) != 1 || a[0] != want {
		t.Errorf("written front matter has attachments %+v", a)
	}

	// The same import again changes nothing; another source is refused
	// unless forced.
	if err := AttachOriginal(dir, pages(), "r.txt", seed, WriteOptions{}); err != nil {
		t.Errorf("same original again: %v", err)
	}
	if err := AttachOriginal(dir, pages(), "r.txt", []byte("另一份"), WriteOptions{}); !errors.Is(err, ErrDiffers) {
		t.Errorf("different original: err = %v, want ErrDiffers", err)
	}
	if err := AttachOriginal(dir, pages(), "r.txt", []byte("另一份"), WriteOptions{Force: true}); err != nil {
		t.Errorf("forced: %v", err)
	}
	// A Markdown original must not read as a content page.
	ps = pages()
	if err := AttachOriginal(dir, ps, "r.md", []byte("x"), WriteOptions{}); err != nil {
		t.Fatal(err)
	}
	if f := ps[0].Meta.Attachments[0].File; f != "原文.md.txt" {
		t.Errorf("markdown original kept as %q", f)
	}
}

// TestAttachOriginalSkipsWebPages: a saved web page is not offered as the
// original, since the site would serve its portal's scripts.
func TestAttachOriginalSkipsWebPages(t *testing.T) {
	dir := t.TempDir()
	pg := &Page{Path: "r/_index.md", Meta: Meta{Title: "报告", Report: &Report{}}}
	for _, name := range []string{"x.html", "x.HTM", "x.mht"} {
		if err := AttachOriginal(dir, []*Page{pg}, name, []byte("<p>x</p>"), WriteOptions{}); err != nil {
			t.Fatal(err)
		}
	}
	if len(pg.Meta.Attachments) != 0 {
		t.Errorf("web page attached: %+v", pg.Meta.Attachments)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("files written: %v", entries)
	}
}
