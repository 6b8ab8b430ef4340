// Package publish owns the output directory. A build writes every file into a
// fresh staging directory beside the destination; Commit swaps the staging
// directory in place of the destination in one step, so a reader (or a web
// server) sees either the whole previous site or the whole new one, never a
// mix. Abort, or a crash, leaves the previous destination untouched; staging
// directories left behind by a killed build are removed by the next New.
//
// Inputs: a destination path. Outputs: files on disk.
// Imports: the standard library and golang.org/x/sys/unix (for an atomic
// directory exchange on Linux); never another reportsite package.
package publish

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
)

// stagingPrefix marks directories this package creates beside the destination.
const stagingPrefix = ".publish-"

// Dir is one staged build of a destination directory. Its methods may be
// called from several goroutines at once.
type Dir struct {
	dest    string
	staging string

	lock  *os.File // held from New until Commit or Abort
	mu    sync.Mutex
	files map[string]bool
	dirs  map[string]bool
	done  bool
}

// ErrBusy is returned by New when another build is publishing to the same
// destination at this moment.
var ErrBusy = errors.New("another build is publishing to this directory right now: wait for it to finish, then build again")

// New creates a staging directory for dest. dest's parent must exist or be
// creatable; dest itself need not exist yet.
func New(dest string) (*Dir, error) {
	dest = filepath.Clean(dest)
	parent := filepath.Dir(dest)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return nil, fmt.Errorf("creating %s: %w", parent, err)
	}
	// The lock file is never removed: removing it would let a third build
	// lock a new file while the second still holds the old one. The lock
	// itself dies with the process that holds it, so a killed build leaves
	// nothing that blocks the next.
	lockPath := filepath.Join(parent, stagingPrefix+filepath.Base(dest)+".lock")
	lock, err := os.OpenFile(lockPath, os.O_CREATE|os.O_RDWR, 0o644)
	if err != nil {
		return nil, fmt.Errorf("cannot write beside %s: %w", dest, err)
	}
	if err := tryLock(lock); err != nil {
		lock.Close()
		return nil, fmt.Errorf("%s: %w", dest, ErrBusy)
	}
	removeStale(parent, filepath.Base(dest))
	staging, err := os.MkdirTemp(parent, stagingPrefix+filepath.Base(dest)+"-")
	if err == nil {
		err = os.Chmod(staging, 0o755)
	}
	if err != nil {
		os.RemoveAll(staging)
		lock.Close()
		return nil, fmt.Errorf("cannot write beside %s: %w", dest, err)
	}
	return &Dir{dest: dest, staging: staging, lock: lock, files: map[string]bool{}, dirs: map[string]bool{".": true}}, nil
}

// removeStale deletes staging directories of dest left by earlier builds that
// were killed before they could clean up. A build that is running at the same
// moment is prevented by the caller's lock, not here.
func removeStale(parent, base string) {
	entries, err := os.ReadDir(parent)
	if err != nil {
		return
	}
	for _, e := range entries {
		if e.IsDir() && strings.HasPrefix(e.Name(), stagingPrefix+base+"-") {
			os.RemoveAll(filepath.Join(parent, e.Name()))
		}
	}
}

// Staging returns the path of the staging directory.
func (d *Dir) Staging() string { return d.staging }

// WriteFile writes data to the slash-separated path rel inside the staged site.
// Writing the same path twice is an error: two sources claim one output file.
func (d *Dir) WriteFile(rel string, data []byte) error {
	if !fs.ValidPath(rel) || rel == "." {
		return fmt.Errorf("invalid output path %q", rel)
	}
	d.mu.Lock()
	if d.files[rel] {
		d.mu.Unlock()
		return fmt.Errorf("output file %s written twice", rel)
	}
	d.files[rel] = true
	dir := filepath.Dir(filepath.FromSlash(rel))
	needDir := !d.dirs[dir]
	d.dirs[dir] = true
	d.mu.Unlock()
	full := filepath.Join(d.staging, filepath.FromSlash(rel))
	if needDir {
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			return err
		}
	}
	return os.WriteFile(full, data, 0o644)
}

// Keep publishes the previous build's file at rel unchanged, as a hard link
// (or a copy where links are not possible), without reading it. A rebuild
// keeps the files its change does not touch. It fails when the previous
// build has no such file; the caller then writes it instead.
func (d *Dir) Keep(rel string) error {
	if !fs.ValidPath(rel) || rel == "." {
		return fmt.Errorf("invalid output path %q", rel)
	}
	d.mu.Lock()
	if d.files[rel] {
		d.mu.Unlock()
		return fmt.Errorf("output file %s written twice", rel)
	}
	dir := filepath.Dir(filepath.FromSlash(rel))
	needDir := !d.dirs[dir]
	d.dirs[dir] = true
	d.mu.Unlock()
	full := filepath.Join(d.staging, filepath.FromSlash(rel))
	if needDir {
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			return err
		}
	}
	old := filepath.Join(d.dest, filepath.FromSlash(rel))
	if err := os.Link(old, full); err != nil {
		data, rerr := os.ReadFile(old)
		if rerr != nil {
			return rerr
		}
		if err := os.WriteFile(full, data, 0o644); err != nil {
			return err
		}
	}
	d.mu.Lock()
	d.files[rel] = true
	d.mu.Unlock()
	return nil
}

// Files returns how many files have been written.
func (d *Dir) Files() int {
	d.mu.Lock()
	defer d.mu.Unlock()
	return len(d.files)
}

// Commit replaces the destination with the staged site. Files of the previous
// build that this build did not write are gone afterwards.
func (d *Dir) Commit() error {
	if d.done {
		return errors.New("publish: Commit after Commit or Abort")
	}
	d.done = true
	defer d.lock.Close()
	old := d.staging + ".old"
	if err := exchange(d.staging, d.dest); err == nil {
		// The previous site now sits at d.staging.
		return os.RemoveAll(d.staging)
	}
	// No atomic exchange here (another OS, or the destination does not exist
	// yet): move the old site aside, then the new one in. The window between
	// the two renames is as short as two system calls.
	if err := os.Rename(d.dest, old); err != nil && !errors.Is(err, fs.ErrNotExist) {
		os.RemoveAll(d.staging)
		return fmt.Errorf("replacing %s: %w", d.dest, err)
	}
	if err := os.Rename(d.staging, d.dest); err != nil {
		os.Rename(old, d.dest)
		os.RemoveAll(d.staging)
		return fmt.Errorf("replacing %s: %w", d.dest, err)
	}
	return os.RemoveAll(old)
}

// Abort discards the staged site and leaves the destination as it was.
func (d *Dir) Abort() {
	if d.done {
		return
	}
	d.done = true
	os.RemoveAll(d.staging)
	d.lock.Close()
}
