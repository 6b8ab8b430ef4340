package main

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func runCmd(args ...string) (int, string, string) {
	var stdout, stderr bytes.Buffer
	code := run(args, &stdout, &stderr)
	return code, stdout.String(), stderr.String()
}

// TestCommittedContentIsImportOutput: the committed content/ is exactly what
// "generator import" writes for the seed report. A hand edit to content/
// belongs in its own commit, with this test's expectation updated.
func TestCommittedContentIsImportOutput(t *testing.T) {
	committed := filepath.Join("..", "content", "2020-plan-report")
	dir := filepath.Join(t.TempDir(), "2020-plan-report")
	if code, out, errs := runCmd("import", "-o", dir, filepath.Join("report", "testdata", "seed.txt")); code != 0 {
		t.Fatalf("import: %d\n%s%s", code, out, errs)
	}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		want, _ := os.ReadFile(p)
		got, err := os.ReadFile(filepath.Join(committed, rel))
		if err != nil {
			t.Errorf("content/2020-plan-report/%s: %v", rel, err)
		} else if !bytes.Equal(got, want) {
			t.Errorf("content/2020-plan-report/%s differs from the importer's output", rel)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

func TestCheckCommand(t *testing.T) {
	code, out, errs := runCmd("check", "-source", "..")
	if code != 0 || !strings.Contains(out, "passes every check") {
		t.Fatalf("check of the committed site: %d\n%s%s", code, out, errs)
	}
	if !strings.Contains(errs, "warning: content/2020-plan-report/01/01.md:172:145: figures 3.0%5.4% run together") {
		t.Errorf("proofreading warnings missing from check:\n%s", errs)
	}
	if code, _, _ := runCmd("check", "-source", "..", "-strict"); code != 1 {
		t.Errorf("check -strict with empty identity fields: exit %d, want 1", code)
	}
}

func TestBuildCommandErrors(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "config.toml"), []byte("title = \"t\"\nnope = 1\n"), 0o644)
	os.MkdirAll(filepath.Join(dir, "content"), 0o755)
	os.WriteFile(filepath.Join(dir, "content", "a.md"), []byte("+++\ntitle = \"a\"\n+++\n"), 0o644)
	code, _, errs := runCmd("build", "-source", dir)
	if code != 1 || !strings.Contains(errs, `config.toml:2: unknown key "nope"`) || !strings.Contains(errs, "build failed: 1 error(s)") {
		t.Errorf("build with a bad config: %d\n%s", code, errs)
	}
	if code, _, _ := runCmd("nosuch"); code != 2 {
		t.Errorf("unknown command: exit %d, want 2", code)
	}
}
