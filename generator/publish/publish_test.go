package publish

import (
	"errors"
	"fmt"
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
		if e.Name() != "public" && e.Name() != stagingPrefix+"public.lock" && e.Name() != stagingPrefix+"public-spare" {
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

	// A commit killed between its renames leaves the old site aside; the
	// next build removes it.
	stale := filepath.Join(parent, stagingPrefix+"public-old")
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

func TestKeepAndCopyLive(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "public")
	build := func(files map[string]string, keep, copyLive []string) error {
		d, err := New(dest)
		if err != nil {
			return err
		}
		for name, data := range files {
			if err := d.WriteFile(name, []byte(data)); err != nil {
				return err
			}
		}
		for _, name := range keep {
			if err := d.Keep(name); err != nil {
				d.Abort()
				return err
			}
		}
		for _, name := range copyLive {
			if err := d.CopyLive(name); err != nil {
				d.Abort()
				return err
			}
		}
		return d.Commit()
	}
	if err := build(map[string]string{"a/index.html": "A1", "b.html": "B1", "gone/x.html": "X"}, nil, nil); err != nil {
		t.Fatal(err)
	}
	if err := build(map[string]string{"a/index.html": "A2", "b.html": "B2"}, nil, nil); err != nil {
		t.Fatal(err)
	}
	// The staging directory now holds the first build: keeping a/index.html
	// publishes A1, copying b.html from the live site publishes B2.
	if err := build(nil, []string{"a/index.html"}, []string{"b.html"}); err != nil {
		t.Fatal(err)
	}
	if got := read(t, filepath.Join(dest, "a/index.html")); got != "A1" {
		t.Errorf("kept file = %q, want A1", got)
	}
	if got := read(t, filepath.Join(dest, "b.html")); got != "B2" {
		t.Errorf("copied file = %q, want B2", got)
	}
	if _, err := os.Stat(filepath.Join(dest, "gone")); err == nil {
		t.Error("a directory of the first build survived in the third")
	}
	if err := build(nil, []string{"nosuch.html"}, nil); err == nil {
		t.Error("Keep of a file the staging directory does not hold succeeded")
	}
	if got := read(t, filepath.Join(dest, "b.html")); got != "B2" {
		t.Error("a failed build changed the live site")
	}
}

// publishEach publishes each set of files to dest as one build, and checks
// after each that the destination holds them. Each build first waits for
// the listing of the staging directory, so that the listing shows the
// staging directory as it was before the build changed it.
func publishEach(t *testing.T, dest string, builds ...map[string]string) {
	t.Helper()
	for i, files := range builds {
		d, err := New(dest)
		if err != nil {
			t.Fatal(err)
		}
		<-d.listed
		for name, data := range files {
			if err := d.WriteFile(name, []byte(data)); err != nil {
				t.Fatalf("build %d: %v", i, err)
			}
		}
		if err := d.Commit(); err != nil {
			t.Fatal(err)
		}
		for name, want := range files {
			if got := read(t, filepath.Join(dest, name)); got != want {
				t.Errorf("build %d: %s = %q, want %q", i, name, got, want)
			}
		}
	}
}

// A path that turns from a file into a directory and back survives the
// prune, whose listing predates the change.
func TestLayoutChangeFileToDirectory(t *testing.T) {
	publishEach(t, filepath.Join(t.TempDir(), "public"),
		map[string]string{"a": "file"}, map[string]string{"x": "1"}, map[string]string{"a/index.html": "dir"},
		map[string]string{"a": "file again"}, map[string]string{"a/b/c.html": "deep"}, map[string]string{"x": "2"},
		map[string]string{"a": "file at last"})
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

// The staging directory's files are written over in place (Overwrite): a
// shorter file must not keep the tail of the longer one it replaces.
func TestOverwriteShorterFiles(t *testing.T) {
	publishEach(t, filepath.Join(t.TempDir(), "public"),
		map[string]string{"a.html": "一二三四五六七八九十", "b.html": "short"},
		map[string]string{"a.html": "x", "b.html": "longer than before"},
		map[string]string{"a.html": "一二三四五六七八九十", "b.html": "short"},
		map[string]string{"a.html": "", "b.html": "longer than before, again"})
}

// Several goroutines writing into one new directory: none may find it
// missing because another one is still creating it.
func TestConcurrentWritesIntoNewDirectory(t *testing.T) {
	for round := range 20 {
		d, err := New(filepath.Join(t.TempDir(), "public"))
		if err != nil {
			t.Fatal(err)
		}
		errs := make(chan error, 8)
		for w := range 8 {
			go func() {
				errs <- d.WriteFile(fmt.Sprintf("a/b/c/%d.json", w), []byte("{}"))
			}()
		}
		for range 8 {
			if err := <-errs; err != nil {
				t.Fatalf("round %d: %v", round, err)
			}
		}
		if err := d.Commit(); err != nil {
			t.Fatal(err)
		}
	}
}

// CopyLive may hard-link the staged file to the live one; writing the staged
// file later (the next build, or the one after the swap) must never change
// what the live site serves.
func TestCopyLiveLinkNeverChangesLive(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "public")
	spare := filepath.Join(filepath.Dir(dest), stagingPrefix+"public-spare")
	step := func(write map[string]string, copyLive ...string) {
		t.Helper()
		d, err := New(dest)
		if err != nil {
			t.Fatal(err)
		}
		for name, data := range write {
			if err := d.WriteFile(name, []byte(data)); err != nil {
				t.Fatal(err)
			}
		}
		for _, name := range copyLive {
			if err := d.CopyLive(name); err != nil {
				t.Fatal(err)
			}
		}
		// Before the swap, the live site is untouched.
		if got := read(t, filepath.Join(dest, "a.html")); got != "one, a longer text" {
			t.Fatalf("live a.html = %q before commit", got)
		}
		if err := d.Commit(); err != nil {
			t.Fatal(err)
		}
	}
	d, _ := New(dest)
	d.WriteFile("a.html", []byte("one, a longer text"))
	d.Commit()
	step(nil, "a.html") // staging a.html may now be a link to live a.html
	// Live and spare now both hold "one, a longer text", perhaps as one
	// file. Writing the spare's copy must leave the live one alone.
	d, _ = New(dest)
	if err := d.WriteFile("a.html", []byte("two")); err != nil {
		t.Fatal(err)
	}
	if got := read(t, filepath.Join(dest, "a.html")); got != "one, a longer text" {
		t.Fatalf("writing the staged file changed the live one to %q", got)
	}
	d.Abort()
	if got := read(t, filepath.Join(spare, "a.html")); got != "two" {
		t.Errorf("staged a.html = %q, want two", got)
	}
}
