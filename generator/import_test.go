package main

import (
	"bytes"
	"fmt"
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
	if code, _, errs := run("-o", dir, empty); code != 1 || !strings.Contains(errs, "empty.txt: empty file") {
		t.Errorf("empty file: %d %s", code, errs)
	}
	if code, _, _ := run(); code != 2 {
		t.Errorf("no FILE: exit %d, want 2", code)
	}
	if code, _, _ := run("a.txt", "b.txt"); code != 2 {
		t.Errorf("two FILEs: exit %d, want 2", code)
	}
	if code, _, errs := run("-o", dir, filepath.Join(t.TempDir(), "missing.txt")); code != 1 || !strings.Contains(errs, "missing.txt: no such file") {
		t.Errorf("missing file: exit %d, want 1: %s", code, errs)
	}
	if code, _, errs := run("-o", dir, t.TempDir()); code != 1 || !strings.Contains(errs, "is a directory") {
		t.Errorf("a directory as FILE: exit %d, want 1: %s", code, errs)
	}
	unreadable := filepath.Join(t.TempDir(), "unreadable.txt")
	os.WriteFile(unreadable, []byte("x"), 0o000)
	if _, err := os.ReadFile(unreadable); err == nil {
		t.Log("running as root: an unreadable file cannot be made")
	} else if code, _, errs := run("-o", dir, unreadable); code != 1 || !strings.Contains(errs, "permission denied") {
		t.Errorf("unreadable file: exit %d, want 1: %s", code, errs)
	}
	if code, _, errs := run("-o", dir, "-site", dir, seed); code != 2 || !strings.Contains(errs, "exclude each other") {
		t.Errorf("-o with -site: exit %d, want 2: %s", code, errs)
	}
	if code, _, errs := run("-set", "issued=2021-3-12", seed); code != 2 || !strings.Contains(errs, "YYYY-MM-DD") {
		t.Errorf("-set with a bad date: exit %d, want 2: %s", code, errs)
	}
	if code, _, errs := run("-set", "title=x", seed); code != 2 || !strings.Contains(errs, "KEY one of index_no") {
		t.Errorf("-set with an unknown key: exit %d, want 2: %s", code, errs)
	}
}

// TestImportIntoSite: without -o, import needs a site (a config.toml), writes
// content/<slug>/ there, and prints the next steps: the empty keys, the
// proofreading warnings and the preview command.
func TestImportIntoSite(t *testing.T) {
	seed := filepath.Join("report", "testdata", "seed.txt")
	nosite := t.TempDir()
	code, _, errs := runCmd("import", "-site", nosite, seed)
	if code != 1 || !strings.Contains(errs, nosite+" holds no config.toml") || !strings.Contains(errs, "generator new") {
		t.Errorf("import into a directory without config.toml: %d\n%s", code, errs)
	}
	if entries, _ := os.ReadDir(nosite); len(entries) != 0 {
		t.Errorf("the refused import wrote %v", entries)
	}
	// In the test's directory, generator/, there is no config.toml either.
	if code, _, errs := runCmd("import", seed); code != 1 || !strings.Contains(errs, "the current directory holds no config.toml") {
		t.Errorf("import outside a site: %d\n%s", code, errs)
	}

	dir := filepath.Join(t.TempDir(), "site")
	if code, _, errs := runCmd("new", "-title", "测试", dir); code != 0 {
		t.Fatalf("new: %d %s", code, errs)
	}
	code, out, errs := runCmd("import", "-site", dir, "-set", "publisher=周村区发展和改革局", seed)
	if code != 0 {
		t.Fatalf("import -site: %d\n%s%s", code, out, errs)
	}
	// The count is the number check lists.
	_, _, checked := runCmd("check", "-source", dir)
	// (Cards held back by the sanity checks are warnings too, not proofreading.)
	total, half := strings.Count(checked, "warning: content/")-strings.Count(checked, "held back from publication"), strings.Count(checked, "in Chinese text (context")
	if total == 0 || half == 0 {
		t.Fatalf("check lists no proofreading warnings on the seed:\n%s", checked)
	}
	index := filepath.Join(dir, "content", "2020-plan-report", "_index.md")
	for _, want := range []string{
		index + ": [report] still empty: doc_no (文号), written (成文日期)",
		filepath.Join(dir, "config.toml") + ":22: [identity] fields empty",
		filepath.Join(dir, "config.toml") + ": base_url is empty",
		fmt.Sprintf("proofreading: %d warning(s) in the written pages, %d of them half-width punctuation that \"generator fix %s\" corrects", total, half, filepath.Join(dir, "content", "2020-plan-report")),
		"preview: generator serve -source " + dir,
	} {
		if !strings.Contains(out, want) {
			t.Errorf("next steps lack %q:\n%s", want, out)
		}
	}
	if b, err := os.ReadFile(index); err != nil || !strings.Contains(string(b), "publisher = \"周村区发展和改革局\"") {
		t.Errorf("-set publisher not written: %v\n%s", err, b)
	}
}

// TestImportProved: an import whose pages would not pass check writes
// nothing, says why and exits 1. A site whose layout breaks every page is
// the simplest such case that any report meets.
func TestImportProved(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "site")
	if code, _, errs := runCmd("new", "-title", "测试", dir); code != 0 {
		t.Fatalf("new: %d %s", code, errs)
	}
	os.WriteFile(filepath.Join(dir, "layouts", "page.html"), []byte(`{{define "main"}}<div><p>{{.Title}}</div>{{end}}`), 0o644)
	code, _, errs := runCmd("import", "-site", dir, filepath.Join("report", "testdata", "seed.txt"))
	if code != 1 || !strings.Contains(errs, "stray </div> while <p> is open") || !strings.Contains(errs, "nothing written: the imported report does not pass check") {
		t.Errorf("import with a broken layout: %d\n%s", code, errs)
	}
	if entries, _ := os.ReadDir(filepath.Join(dir, "content")); len(entries) != 1 { // .keep
		t.Errorf("the failed import wrote into content/: %v", entries)
	}
}
