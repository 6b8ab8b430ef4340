package publish

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func read(t *testing.T, p string) string {
	t.Helper()
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestCommitReplacesWholeDirectory(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "public")
	d, err := New(dest)
	if err != nil {
		t.Fatal(err)
	}
	d.WriteFile("index.html", []byte("one"))
	d.WriteFile("old/index.html", []byte("stale"))
	if err := d.Commit(); err != nil {
		t.Fatal(err)
	}
	d, _ = New(dest)
	d.WriteFile("index.html", []byte("two"))
	d.WriteFile("a/b/c.txt", []byte("deep"))
	if err := d.Commit(); err != nil {
		t.Fatal(err)
	}
	if read(t, filepath.Join(dest, "index.html")) != "two" || read(t, filepath.Join(dest, "a/b/c.txt")) != "deep" {
		t.Error("new files not published")
	}
	if _, err := os.Stat(filepath.Join(dest, "old")); err == nil {
		t.Error("a file of the previous build survived")
	}
	entries, _ := os.ReadDir(filepath.Dir(dest))
	for _, e := range entries {
		if e.Name() != "public" && e.Name() != stagingPrefix+"public.lock" {
			t.Errorf("left beside the destination: %s", e.Name())
		}
	}
}

func TestAbortAndStaleStaging(t *testing.T) {
	parent := t.TempDir()
	dest := filepath.Join(parent, "public")
	d, _ := New(dest)
	d.WriteFile("index.html", []byte("kept"))
	d.Commit()

	d, _ = New(dest)
	d.WriteFile("index.html", []byte("discarded"))
	d.Abort()
	if read(t, filepath.Join(dest, "index.html")) != "kept" {
		t.Error("Abort changed the destination")
	}

	// A build killed mid-way leaves its staging directory; the next one removes it.
	stale := filepath.Join(parent, stagingPrefix+"public-12345")
	os.MkdirAll(filepath.Join(stale, "x"), 0o755)
	d, _ = New(dest)
	defer d.Abort()
	if _, err := os.Stat(stale); err == nil {
		t.Error("stale staging directory not removed")
	}
	if err := d.WriteFile("index.html", nil); err != nil {
		t.Fatal(err)
	}
	if err := d.WriteFile("index.html", nil); err == nil || !strings.Contains(err.Error(), "written twice") {
		t.Errorf("second write of one path: %v", err)
	}
	if err := d.WriteFile("../escape", nil); err == nil {
		t.Error("a path outside the site was accepted")
	}
}

func TestUnwritableDestination(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("root can write anywhere")
	}
	parent := t.TempDir()
	os.Chmod(parent, 0o555)
	defer os.Chmod(parent, 0o755)
	if _, err := New(filepath.Join(parent, "public")); err == nil {
		t.Error("New succeeded in a read-only directory")
	}
}

func TestKeep(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "public")
	d, _ := New(dest)
	d.WriteFile("a/index.html", []byte("A1"))
	d.WriteFile("b/index.html", []byte("B1"))
	d.Commit()

	d, _ = New(dest)
	if err := d.Keep("a/index.html"); err != nil {
		t.Fatal(err)
	}
	d.WriteFile("b/index.html", []byte("B2"))
	if err := d.Keep("c/index.html"); err == nil {
		t.Error("Keep of a file the previous build did not have succeeded")
	}
	if err := d.Commit(); err != nil {
		t.Fatal(err)
	}
	if read(t, filepath.Join(dest, "a/index.html")) != "A1" || read(t, filepath.Join(dest, "b/index.html")) != "B2" {
		t.Error("kept or rewritten file has the wrong content")
	}
	// Writing the next build must never change a file the live site shares.
	d, _ = New(dest)
	d.Keep("a/index.html")
	d.Abort()
	if read(t, filepath.Join(dest, "a/index.html")) != "A1" {
		t.Error("aborting a build changed a kept file")
	}
}

func TestConcurrentBuildsRefused(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "public")
	first, err := New(dest)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := New(dest); !errors.Is(err, ErrBusy) {
		t.Fatalf("second build while the first runs: %v, want ErrBusy", err)
	}
	first.WriteFile("index.html", []byte("x"))
	if err := first.Commit(); err != nil {
		t.Fatal(err)
	}
	second, err := New(dest)
	if err != nil {
		t.Fatalf("build after the first finished: %v", err)
	}
	second.Abort()
}
