package content

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"testing"
)

func writePages() []*Page {
	return []*Page{
		{Path: "_index.md", Meta: Meta{Title: "报告", Weight: 2020}, Body: []byte("导语。\n")},
		{Path: "01/_index.md", Meta: Meta{Title: "执行情况", Label: "一、", Weight: 1}},
		{Path: "01/01.md", Meta: Meta{Title: "经济运行", Label: "（一）", Weight: 1, TitleEnd: "。"}, Body: []byte("增长。\n")},
	}
}

func TestWriteIsIdempotent(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "2020-plan-report")
	res, err := Write(dir, writePages(), WriteOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"01/01.md", "01/_index.md", "_index.md"}; !slices.Equal(res.Written, want) {
		t.Errorf("written %v, want %v", res.Written, want)
	}
	res, err = Write(dir, writePages(), WriteOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Written) != 0 || len(res.Unchanged) != 3 {
		t.Errorf("second write: %+v, want three files unchanged", res)
	}
	b, err := os.ReadFile(filepath.Join(dir, "01", "01.md"))
	if err != nil {
		t.Fatal(err)
	}
	p, err := Parse("01/01.md", b)
	if err != nil || p.Meta.TitleEnd != "。" || string(p.Body) != "增长。\n" {
		t.Errorf("read back %+v, %v", p, err)
	}
}

func TestWriteRefusesHandEdits(t *testing.T) {
	dir := t.TempDir()
	if _, err := Write(dir, writePages(), WriteOptions{}); err != nil {
		t.Fatal(err)
	}
	edited := filepath.Join(dir, "01", "01.md")
	if err := os.WriteFile(edited, []byte("+++\ntitle = \"改过\"\n+++\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	stale := filepath.Join(dir, "02", "_index.md")
	if err := os.MkdirAll(filepath.Dir(stale), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(stale, []byte("+++\ntitle = \"旧\"\n+++\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	notes := filepath.Join(dir, "notes.txt") // not a page: left alone
	if err := os.WriteFile(notes, []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}

	_, err := Write(dir, writePages(), WriteOptions{})
	if !errors.Is(err, ErrDiffers) || !errors.Is(err, ErrStale) {
		t.Fatalf("Write over hand edits: %v, want ErrDiffers and ErrStale", err)
	}
	var paths []string
	for _, e := range Errors(err) {
		var ce *Error
		if errors.As(e, &ce) {
			paths = append(paths, ce.Path)
		}
	}
	if !slices.Equal(paths, []string{edited, stale}) {
		t.Errorf("reported %v, want %v", paths, []string{edited, stale})
	}
	if b, _ := os.ReadFile(edited); string(b) != "+++\ntitle = \"改过\"\n+++\n" {
		t.Errorf("refused write changed the edited file: %q", b)
	}

	res, err := Write(dir, writePages(), WriteOptions{Force: true})
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(res.Written, []string{"01/01.md"}) || !slices.Equal(res.Removed, []string{"02/_index.md"}) {
		t.Errorf("forced write: %+v", res)
	}
	if _, err := os.Stat(filepath.Dir(stale)); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("the emptied directory 02 is still there: %v", err)
	}
	if _, err := os.Stat(notes); err != nil {
		t.Errorf("a file that is not a page was touched: %v", err)
	}
}

func TestWriteRejectsBadPaths(t *testing.T) {
	for _, p := range []string{"../x.md", "/abs.md", "a/../b.md", "x.txt", "", `a\b.md`} {
		if _, err := Write(t.TempDir(), []*Page{{Path: p, Meta: Meta{Title: "t"}}}, WriteOptions{}); err == nil {
			t.Errorf("Write accepted the path %q", p)
		}
	}
	twice := []*Page{{Path: "a.md"}, {Path: "a.md"}}
	if _, err := Write(t.TempDir(), twice, WriteOptions{}); err == nil {
		t.Error("Write accepted two pages with one path")
	}
}
