// Package testsite holds what the tests of several packages share: writing a
// site's files from a txtar archive, reading a directory back as a map
// from slash paths to contents, and reading the corpus of real reports'
// expected.toml and .txt files (corpus.go). Only tests import it.
//
// Inputs: txtar archives, directories, corpus files. Outputs: files on
// disk, maps, the corpus' expectations.
// Imports: the standard library and golang.org/x/tools/txtar.
package testsite

import (
	"io/fs"
	"os"
	"path/filepath"
	"testing"

	"golang.org/x/tools/txtar"
)

// Write writes the files of the txtar archive under dir, creating
// directories and replacing files that exist.
func Write(t testing.TB, dir, archive string) {
	t.Helper()
	for _, f := range txtar.Parse([]byte(archive)).Files {
		p := filepath.Join(dir, filepath.FromSlash(f.Name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, f.Data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// Snapshot returns every file under dir with its contents, keyed by its
// slash path relative to dir. It fails when the directory changes while it
// is read; MustSnapshot is for directories that do not.
func Snapshot(dir string) (map[string]string, error) {
	files := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		files[filepath.ToSlash(rel)] = string(b)
		return err
	})
	return files, err
}

// MustSnapshot is Snapshot, failing the test on an error.
func MustSnapshot(t testing.TB, dir string) map[string]string {
	t.Helper()
	files, err := Snapshot(dir)
	if err != nil {
		t.Fatal(err)
	}
	return files
}
