package main

import (
	"bytes"
	"flag"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"
)

func runCmd(args ...string) (int, string, string) {
	var stdout, stderr bytes.Buffer
	code := run(args, &stdout, &stderr)
	return code, stdout.String(), stderr.String()
}

var update = flag.Bool("update", false, "rewrite testdata/seed.raw.txtar")

// TestSeedRawImport compares what "generator import" writes for the seed
// report, with no corrections (the raw text, with its indicators), with
// testdata/seed.raw.txtar; go test ./generator -run TestSeedRawImport
// -update rewrites it, to be reviewed by eye.
func TestSeedRawImport(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "2020-plan-report")
	if code, out, errs := runCmd("import", "-o", dir, filepath.Join("report", "testdata", "seed.txt")); code != 0 {
		t.Fatalf("import: %d\n%s%s", code, out, errs)
	}
	a := &txtar.Archive{Comment: []byte("generator import -o DIR report/testdata/seed.txt: the files of DIR\n")}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		b, err := os.ReadFile(p)
		a.Files = append(a.Files, txtar.File{Name: filepath.ToSlash(rel), Data: b})
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	got := txtar.Format(a)
	const golden = "testdata/seed.raw.txtar"
	if *update {
		os.MkdirAll("testdata", 0o755)
		if err := os.WriteFile(golden, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("the raw import of the seed differs from %s; rerun with -update and review the diff", golden)
	}
}

// TestCommittedContentIsImportOutput: the committed content/ is exactly
// what "generator import" writes for the seed report into a folder that
// holds the report's corrections.toml: the raw import (testdata/
// seed.raw.txtar), "generator fix", then the recorded hand corrections. A
// hand edit to content/ belongs in corrections.toml.
func TestCommittedContentIsImportOutput(t *testing.T) {
	committed := filepath.Join("..", "content", "2020-plan-report")
	dir := filepath.Join(t.TempDir(), "2020-plan-report")
	corrections, err := os.ReadFile(filepath.Join(committed, "corrections.toml"))
	if err != nil {
		t.Fatal(err)
	}
	os.MkdirAll(dir, 0o755)
	if err := os.WriteFile(filepath.Join(dir, "corrections.toml"), corrections, 0o644); err != nil {
		t.Fatal(err)
	}
	if code, out, errs := runCmd("import", "-o", dir, filepath.Join("report", "testdata", "seed.txt")); code != 0 || !strings.Contains(out, "22 recorded correction(s)") {
		t.Fatalf("import: %d\n%s%s", code, out, errs)
	}
	var files int
	err = filepath.WalkDir(committed, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		files++
		rel, _ := filepath.Rel(committed, p)
		want, _ := os.ReadFile(p)
		got, err := os.ReadFile(filepath.Join(dir, rel))
		if err != nil {
			t.Errorf("content/2020-plan-report/%s: not imported: %v", rel, err)
		} else if !bytes.Equal(got, want) {
			t.Errorf("content/2020-plan-report/%s differs from the importer's output", rel)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if files != 23 {
		t.Errorf("%d committed files, want 21 pages, corrections.toml and 原文.txt", files)
	}
	// The committed content is fixed: fix changes nothing.
	if code, out, errs := runCmd("fix", "-n", committed); code != 0 || out != "" || !strings.Contains(errs, "0 change(s)") {
		t.Errorf("fix -n on the committed content: %d\n%s%s", code, out, errs)
	}
}

func TestCheckCommand(t *testing.T) {
	code, out, errs := runCmd("check", "-source", "..")
	if code != 0 || !strings.Contains(out, "passes every check (0 proofreading warning(s)") {
		t.Fatalf("check of the committed site: %d\n%s%s", code, out, errs)
	}
	// The empty identity fields are one warning, naming the keys.
	if n := strings.Count(errs, "warning:"); n != 1 || !strings.Contains(errs, "warning: config.toml:12: [identity] fields empty") || !strings.Contains(errs, "sponsor (主办单位)") {
		t.Errorf("want one warning naming the empty identity keys, got %d:\n%s", n, errs)
	}
	if code, _, errs := runCmd("check", "-source", "..", "-strict"); code != 1 || !strings.Contains(errs, "config.toml:12: [identity] fields empty") || strings.Contains(errs, "config.toml: config.toml") {
		t.Errorf("check -strict with empty identity fields: exit %d, want 1 and the finding at config.toml:12\n%s", code, errs)
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

// TestProofreadingCount: build and serve say how many proofreading
// warnings content/ holds, in one line naming the command that lists them;
// serve counts again only the files that changed, and never shows the
// warnings as errors over the page.
func TestProofreadingCount(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "config.toml"), []byte("title = \"t\"\n"), 0o644)
	page := filepath.Join(dir, "content", "r", "_index.md")
	os.MkdirAll(filepath.Dir(page), 0o755)
	os.WriteFile(page, []byte("+++\ntitle = \"报告\"\n+++\n增长5%,好于预期。——2021312日在会议上\n"), 0o644)

	code, _, errs := runCmd("build", "-source", dir)
	want := `warning: 2 proofreading warning(s) in content/ to review: "generator check -source ` + dir + `" lists them, "generator fix ` + filepath.Join(dir, "content") + `" corrects the punctuation`
	if code != 0 || !strings.Contains(errs, want) {
		t.Errorf("build: %d\n%s\nwant %s", code, errs, want)
	}

	opt := serveOptions(dir, filepath.Join(t.TempDir(), "public"), false)
	res := opt.Build(t.Context(), nil)
	if len(res.Problems) != 0 || len(res.Warnings) == 0 || !strings.HasPrefix(res.Warnings[len(res.Warnings)-1], "2 proofreading warning(s)") {
		t.Errorf("serve's first build: %+v", res)
	}
	os.WriteFile(page, []byte("+++\ntitle = \"报告\"\n+++\n增长5%，好于预期。——2021312日在会议上\n"), 0o644)
	res = opt.Build(t.Context(), []string{"content/r/_index.md"})
	if len(res.Problems) != 0 || !strings.HasPrefix(res.Warnings[len(res.Warnings)-1], "1 proofreading warning(s)") {
		t.Errorf("serve after an edit: %+v", res)
	}
	os.WriteFile(page, []byte("+++\ntitle = \"报告\"\n+++\n增长5%，好于预期。\n"), 0o644)
	res = opt.Build(t.Context(), []string{"content/r/_index.md"})
	for _, w := range res.Warnings {
		if strings.Contains(w, "proofreading") {
			t.Errorf("serve with nothing to proofread: %q", w)
		}
	}
}
