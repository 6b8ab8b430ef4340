package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestNewCommand(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "site")
	code, out, errs := runCmd("new", "-title", "某某市财政预算报告", "-base-url", "https://www.example.gov.cn/ysbg/", dir)
	if code != 0 || !strings.Contains(out, "generator import -site "+dir) {
		t.Fatalf("new: %d\n%s%s", code, out, errs)
	}
	for _, f := range []string{"config.toml", "content", "layouts/README.md", "assets/README.md"} {
		if _, err := os.Stat(filepath.Join(dir, f)); err != nil {
			t.Errorf("new did not make %s: %v", f, err)
		}
	}
	cfg, _ := os.ReadFile(filepath.Join(dir, "config.toml"))
	for _, want := range []string{`title = "某某市财政预算报告"`, `base_url = "https://www.example.gov.cn/ysbg/"`, "site_id_code = \"\"", "# 网站标识码: 10 digits"} {
		if !strings.Contains(string(cfg), want) {
			t.Errorf("config.toml lacks %q", want)
		}
	}
	// Every key of the config is documented by a comment just above it.
	lines := strings.Split(string(cfg), "\n")
	for i, l := range lines {
		if strings.Contains(l, " = ") && !strings.HasPrefix(l, "#") && (i == 0 || !strings.HasPrefix(lines[i-1], "#")) {
			t.Errorf("config.toml:%d: %q has no comment", i+1, l)
		}
	}
	// The new site is a site: with no report yet it fails to build, saying
	// how to add one.
	if code, _, errs := runCmd("build", "-source", dir); code != 1 || !strings.Contains(errs, "no content files") || !strings.Contains(errs, "generator import") {
		t.Errorf("build of an empty site: %d %s", code, errs)
	}

	if code, _, errs := runCmd("new", dir); code != 1 || !strings.Contains(errs, "is not empty") {
		t.Errorf("new into a non-empty directory: %d %s", code, errs)
	}
	empty := t.TempDir()
	if code, _, errs := runCmd("new", empty); code != 0 {
		t.Errorf("new into an empty directory: %d %s", code, errs)
	} else if cfg, _ := os.ReadFile(filepath.Join(empty, "config.toml")); !strings.Contains(string(cfg), `title = ""`) {
		t.Error("new without -title does not leave title empty")
	}
	if code, _, errs := runCmd("build", "-source", empty); code != 1 || !strings.Contains(errs, "title is empty") {
		t.Errorf("build with no title: %d %s", code, errs)
	}
	// Import says so before it reads the report.
	if code, _, errs := runCmd("import", "-site", empty, filepath.Join("report", "testdata", "seed.txt")); code != 1 || !strings.Contains(errs, "the site in "+empty+" cannot build until its config.toml is corrected: config.toml:6: title is empty") {
		t.Errorf("import into a site with no title: %d %s", code, errs)
	}
	if code, _, _ := runCmd("new"); code != 2 {
		t.Errorf("new without DIR: exit %d, want 2", code)
	}
	if code, _, errs := runCmd("new", "-base-url", "www.example.gov.cn", filepath.Join(t.TempDir(), "x")); code != 2 || !strings.Contains(errs, "not an absolute") {
		t.Errorf("new with a relative base URL: %d %s", code, errs)
	}
	file := filepath.Join(t.TempDir(), "file")
	os.WriteFile(file, nil, 0o644)
	if code, _, errs := runCmd("new", file); code != 1 {
		t.Errorf("new over a file: %d %s", code, errs)
	}
}
