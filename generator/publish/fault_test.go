package publish

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"syscall"
	"testing"

	"reportsite/generator/internal/testsite"
)

func sameTree(t *testing.T, what string, got, want map[string]string) {
	t.Helper()
	if len(got) != len(want) {
		t.Errorf("%s: %d files, want %d", what, len(got), len(want))
	}
	for name, b := range want {
		if g, ok := got[name]; !ok {
			t.Errorf("%s: %s is missing", what, name)
		} else if g != b {
			t.Errorf("%s: %s = %q, want %q", what, name, g, b)
		}
	}
}

// site returns the files of a build numbered n: some in common with every
// build, some of its own, in nested directories.
func site(n int) map[string]string {
	files := map[string]string{}
	for i := range 12 {
		files[fmt.Sprintf("r/%02d/p%d.html", i%3, i)] = fmt.Sprintf("build %d page %d", n, i)
	}
	files["index.html"] = fmt.Sprintf("home %d", n)
	files[fmt.Sprintf("only%d/index.html", n)] = "only"
	return files
}

func publishAll(t *testing.T, d *Dir, files map[string]string) error {
	t.Helper()
	for name, data := range files {
		if err := d.WriteFile(name, []byte(data)); err != nil {
			return err
		}
	}
	return nil
}

// TestDiskFull: a write that fails for want of space, after any number of
// successful writes and with half its bytes on disk, leaves the published
// site byte-identical; the next build publishes exactly its own files.
func TestDiskFull(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "public")
	d, err := New(dest)
	if err != nil {
		t.Fatal(err)
	}
	if err := publishAll(t, d, site(1)); err != nil {
		t.Fatal(err)
	}
	if err := d.Commit(); err != nil {
		t.Fatal(err)
	}
	live := testsite.MustSnapshot(t, dest)
	for after := range len(site(2)) {
		d, err := New(dest)
		if err != nil {
			t.Fatal(err)
		}
		writes := 0
		d.writeFile = func(name string, data []byte, perm fs.FileMode) error {
			if writes == after {
				os.WriteFile(name, data[:len(data)/2], perm)
				return &fs.PathError{Op: "write", Path: name, Err: syscall.ENOSPC}
			}
			writes++
			return os.WriteFile(name, data, perm)
		}
		err = publishAll(t, d, site(2))
		if !errors.Is(err, syscall.ENOSPC) {
			t.Fatalf("disk full after %d writes: WriteFile returned %v, want ENOSPC", after, err)
		}
		d.Abort()
		sameTree(t, fmt.Sprintf("live site after a disk full at write %d", after+1), testsite.MustSnapshot(t, dest), live)
	}
	d, err = New(dest)
	if err != nil {
		t.Fatal(err)
	}
	if err := publishAll(t, d, site(3)); err != nil {
		t.Fatal(err)
	}
	if err := d.Commit(); err != nil {
		t.Fatal(err)
	}
	sameTree(t, "the build after the failures", testsite.MustSnapshot(t, dest), site(3))
}

// TestReadOnlyDestinationReplaced: publishing over a destination someone
// made read-only needs only its parent to be writable; the read-only site
// then becomes the staging directory, which the next build must not trip on.
func TestReadOnlyDestinationReplaced(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("root writes into read-only directories; see generator/fault_test.go")
	}
	parent := t.TempDir()
	t.Cleanup(func() { discard(parent) })
	dest := filepath.Join(parent, "public")
	for n := 1; n <= 3; n++ {
		d, err := New(dest)
		if err != nil {
			t.Fatalf("build %d: %v", n, err)
		}
		if err := publishAll(t, d, site(n)); err != nil {
			t.Fatalf("build %d: %v", n, err)
		}
		if err := d.Commit(); err != nil {
			t.Fatalf("build %d: %v", n, err)
		}
		sameTree(t, fmt.Sprintf("build %d", n), testsite.MustSnapshot(t, dest), site(n))
		filepath.WalkDir(dest, func(p string, e fs.DirEntry, err error) error {
			if err == nil {
				os.Chmod(p, map[bool]fs.FileMode{true: 0o555, false: 0o444}[e.IsDir()])
			}
			return nil
		})
	}
}
