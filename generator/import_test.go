package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestImportCommand(t *testing.T) {
	seed := filepath.Join("report", "testdata", "seed.txt")
	dir := filepath.Join(t.TempDir(), "2020-plan-report")
	run := func(args ...string) (int, string, string) {
		var stdout, stderr bytes.Buffer
		code := runImport(args, &stdout, &stderr)
		return code, stdout.String(), stderr.String()
	}

	code, out, errs := run("-o", dir, seed)
	if code != 0 || !strings.Contains(out, "3 parts, 17 subsections") || !strings.Contains(out, "21 written") {
		t.Fatalf("import: %d\n%s%s", code, out, errs)
	}
	// Warnings name the file, line and column.
	if !strings.Contains(errs, seed+":15:3: date 2021312日 looks merged") {
		t.Errorf("no merged-date warning at %s:15:3 in\n%s", seed, errs)
	}

	code, out, _ = run("-o", dir, seed)
	if code != 0 || !strings.Contains(out, "0 written, 21 unchanged") {
		t.Errorf("second import is not a no-op: %d %s", code, out)
	}

	page := filepath.Join(dir, "01", "01.md")
	if err := os.WriteFile(page, []byte("+++\ntitle = \"hand edit\"\n+++\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, _, errs = run("-o", dir, seed)
	if code != 1 || !strings.Contains(errs, page) || !strings.Contains(errs, "-force") {
		t.Errorf("import over a hand edit: %d\n%s", code, errs)
	}
	if b, _ := os.ReadFile(page); !strings.Contains(string(b), "hand edit") {
		t.Error("the refused import changed the hand-edited page")
	}
	code, out, _ = run("-o", dir, "-force", seed)
	if code != 0 || !strings.Contains(out, "1 written, 20 unchanged") {
		t.Errorf("import -force: %d %s", code, out)
	}

	empty := filepath.Join(t.TempDir(), "empty.txt")
	if err := os.WriteFile(empty, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if code, _, errs := run(empty); code != 1 || !strings.Contains(errs, "empty.txt: empty file") {
		t.Errorf("empty file: %d %s", code, errs)
	}
	if code, _, _ := run(); code != 2 {
		t.Errorf("no FILE: exit %d, want 2", code)
	}
	if code, _, _ := run("a.txt", "b.txt"); code != 2 {
		t.Errorf("two FILEs: exit %d, want 2", code)
	}
	if code, _, _ := run(filepath.Join(t.TempDir(), "missing.txt")); code != 1 {
		t.Errorf("missing file: exit %d, want 1", code)
	}
}
