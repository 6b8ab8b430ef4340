package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"reportsite/generator/report/fix"
)

func TestFixCommand(t *testing.T) {
	dir := t.TempDir()
	page := filepath.Join(dir, "r", "01.md")
	os.MkdirAll(filepath.Dir(page), 0o755)
	src := "+++\ntitle = \"计划(草案)\"\n+++\n增长5%,好于预期;完成\"六稳\"任务。\n"
	os.WriteFile(page, []byte(src), 0o644)

	code, out, errs := runCmd("fix", "-n", dir)
	want := page + ":2:12: ( → （\n" + page + ":2:15: ) → ）\n" + page + ":4:5: , → ，\n" + page + ":4:10: ; → ；\n" + page + ":4:13: \" → “\n" + page + ":4:16: \" → ”\n"
	if code != 0 || out != want || !strings.Contains(errs, "6 change(s) in 1 file(s) (-n: nothing written)") {
		t.Errorf("fix -n: %d\n%s\nwant\n%s%s", code, out, want, errs)
	}
	if b, _ := os.ReadFile(page); string(b) != src {
		t.Error("fix -n wrote the file")
	}
	if code, out2, _ := runCmd("fix", page); code != 0 || out2 != out {
		t.Errorf("fix FILE: %d\n%s", code, out2)
	}
	if b, _ := os.ReadFile(page); string(b) != "+++\ntitle = \"计划（草案）\"\n+++\n增长5%，好于预期；完成“六稳”任务。\n" {
		t.Errorf("fixed file:\n%s", b)
	}
	if code, out, _ := runCmd("fix", dir); code != 0 || out != "" {
		t.Errorf("fix twice: %d %q", code, out)
	}

	// Recorded corrections apply after the mechanical ones; one that no
	// longer fits is an error, and nothing is written.
	corr := filepath.Join(dir, "r", fix.CorrectionsFile)
	os.WriteFile(corr, []byte("[[correction]]\nfile = \"01.md\"\noriginal = \"好于预期\"\ncorrected = \"好于预期目标\"\nreason = \"test\"\n"), 0o644)
	if code, out, _ := runCmd("fix", dir); code != 0 || out != page+":4:6: 好于预期 → 好于预期目标 (test)\n" {
		t.Errorf("fix with a correction: %d %q", code, out)
	}
	os.WriteFile(page, []byte("+++\ntitle = \"x\"\n+++\n其他,文字。\n"), 0o644)
	if code, _, errs := runCmd("fix", dir); code != 1 || !strings.Contains(errs, "correction 1") || !strings.Contains(errs, "does not fit") {
		t.Errorf("a correction that does not fit: %d %s", code, errs)
	}
	if b, _ := os.ReadFile(page); !strings.Contains(string(b), "其他,文字") {
		t.Error("a failed fix wrote the file")
	}
	os.Remove(corr)

	if code, _, errs := runCmd("fix", filepath.Join(dir, "missing.md")); code != 1 || !strings.Contains(errs, "no such file") {
		t.Errorf("fix of a missing file: %d %s", code, errs)
	}
	os.Chmod(page, 0o000)
	if _, err := os.ReadFile(page); err == nil {
		t.Log("running as root: an unreadable file cannot be made")
	} else if code, _, errs := runCmd("fix", page); code != 1 || !strings.Contains(errs, "permission denied") {
		t.Errorf("fix of an unreadable file: %d %s", code, errs)
	}
	os.Chmod(page, 0o644)
	// Without PATH, fix needs a site: the test runs in generator/, which has
	// no config.toml.
	if code, _, errs := runCmd("fix"); code != 1 || !strings.Contains(errs, "no config.toml here") {
		t.Errorf("fix outside a site: %d %s", code, errs)
	}
	if code, _, _ := runCmd("fix", "-x"); code != 2 {
		t.Errorf("fix -x: exit %d, want 2", code)
	}
}

// TestFixKeepsChecksPassing imports the seed and every corpus report (text,
// saved web page and Word file) into a site of its own: each import must
// succeed, which proves that its pages build and pass check's verification.
// Then it fixes the site and checks it again: fix changes the indicators'
// sentences as it changes the body, so every indicator is still found in its
// page.
func TestFixKeepsChecksPassing(t *testing.T) {
	var files []string
	for _, ext := range []string{"*.txt", "*.html", "*.docx"} {
		f, _ := filepath.Glob(filepath.Join("..", "..", "shared", "corpus", ext))
		files = append(files, f...)
	}
	if len(files) == 0 {
		t.Skip("no corpus in ../shared/corpus")
	}
	files = append([]string{filepath.Join("report", "testdata", "seed.txt")}, files...)
	fixed := 0
	for _, f := range files {
		dir := filepath.Join(t.TempDir(), "site")
		if err := newSite(dir, "测试", ""); err != nil {
			t.Fatal(err)
		}
		code, _, errs := runCmd("import", "-site", dir, "-set", "issued=2026-01-01", "-set", "publisher=测试", f)
		if code != 0 {
			t.Errorf("%s: not imported:\n%s", filepath.Base(f), errs)
			continue
		}
		code, out, errs := runCmd("fix", filepath.Join(dir, "content"))
		if code != 0 {
			t.Errorf("%s: fix: %d %s", filepath.Base(f), code, errs)
			continue
		}
		if code, _, errs := runCmd("check", "-source", dir); code != 0 {
			t.Errorf("%s: check fails after fix:\n%s", filepath.Base(f), errs)
		}
		fixed += strings.Count(out, "\n")
	}
	if fixed == 0 {
		t.Error("fix changed nothing in the seed and the corpus")
	}
}
