// Package publish owns the output directory. A build writes every file into a
// staging directory beside the destination; Commit swaps the staging
// directory in place of the destination in one step, so a reader (or a web
// server) sees either the whole previous site or the whole new one, never a
// mix. Abort, or a crash, leaves the destination untouched.
//
// The staging directory is not thrown away: after a swap it holds the
// previous site, and the next build writes over it, in place (Overwrite).
// Overwriting a file costs a fraction of creating one and deleting another,
// and a rebuild that knows a file is already right there (Keep) or in the
// live site (CopyLive, a hard link where the system allows) skips writing
// it; a file shared with the live site by such a link is replaced, never
// written through. New lists the staging directory in the background while
// the build runs; files of the staging directory that a build neither wrote
// nor kept are deleted at Commit, so the published site holds exactly what
// the build produced. The staging directory is named ".publish-<dest>-spare";
// deleting it is always safe.
//
// Inputs: a destination path. Outputs: files on disk.
// Imports: the standard library and golang.org/x/sys/unix (for an atomic
// directory exchange and a lock on Linux); never another reportsite package
// (its tests use generator/internal/testsite).
package publish

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
)

// stagingPrefix marks the files this package keeps beside the destination.
const stagingPrefix = ".publish-"

// Dir is one staged build of a destination directory. Its methods may be
// called from several goroutines at once.
type Dir struct {
	dest    string
	staging string

	lock  *os.File // held from New until Commit or Abort
	mu    sync.Mutex
	files map[string]bool // published paths
	kept  []string        // paths published by Keep, checked at Commit
	found int             // kept paths that prune found in the staging directory
	dirs  map[string]bool // directories known to exist in staging
	done  bool

	// The staging directory is listed while the build runs, so that Commit
	// need not walk it: listed is closed when listing and listErr are set.
	listed  chan struct{}
	listing []entry
	listErr error

	// writeFile is Overwrite; tests replace it to simulate a full disk.
	writeFile func(name string, data []byte, perm fs.FileMode) error
}

// ErrBusy is returned by New when another build is publishing to the same
// destination at this moment.
var ErrBusy = errors.New("another build is publishing to this directory right now: wait for it to finish, then build again")

// New prepares a build of dest. dest's parent must exist or be creatable;
// dest itself need not exist yet.
func New(dest string) (*Dir, error) {
	dest = filepath.Clean(dest)
	parent, base := filepath.Dir(dest), filepath.Base(dest)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return nil, fmt.Errorf("creating %s: %w", parent, err)
	}
	// The lock file is never removed: removing it would let a third build
	// lock a new file while the second still holds the old one. The lock
	// itself dies with the process that holds it, so a killed build leaves
	// nothing that blocks the next.
	lock, err := os.OpenFile(filepath.Join(parent, stagingPrefix+base+".lock"), os.O_CREATE|os.O_RDWR, 0o644)
	if err != nil {
		return nil, fmt.Errorf("cannot write beside %s: %w", dest, err)
	}
	if err := tryLock(lock); err != nil {
		lock.Close()
		return nil, fmt.Errorf("%s: %w", dest, ErrBusy)
	}
	removeStale(parent, base)
	staging := filepath.Join(parent, stagingPrefix+base+"-spare")
	// Publishing over a destination that someone made read-only needs only
	// its parent to be writable, and the read-only site then becomes the
	// staging directory: start afresh rather than fail every later build.
	if st, err := os.Stat(staging); err == nil && st.Mode().Perm()&0o200 == 0 {
		discard(staging)
	}
	if err := os.MkdirAll(staging, 0o755); err != nil {
		lock.Close()
		return nil, fmt.Errorf("cannot write beside %s: %w", dest, err)
	}
	d := &Dir{dest: dest, staging: staging, lock: lock, files: map[string]bool{}, dirs: map[string]bool{".": true},
		writeFile: Overwrite, listed: make(chan struct{})}
	go d.list()
	return d, nil
}

// entry is a file or directory found in the staging directory.
type entry struct {
	rel string // slash-separated, relative to the staging directory
	dir bool
}

// list records what the staging directory holds, in lexical order, parents
// before their children. It runs while the build writes: a file the build
// writes meanwhile may be listed or not, and a path the build turned from a
// file into a directory or back may be listed as either; prune removes only
// what the build neither published nor needs as a directory.
func (d *Dir) list() {
	defer close(d.listed)
	d.listErr = filepath.WalkDir(d.staging, func(p string, e fs.DirEntry, err error) error {
		if err != nil {
			if errors.Is(err, fs.ErrNotExist) {
				return nil // replaced by the build meanwhile
			}
			return err
		}
		rel, _ := filepath.Rel(d.staging, p)
		if rel != "." {
			d.listing = append(d.listing, entry{rel: filepath.ToSlash(rel), dir: e.IsDir()})
		}
		return nil
	})
}

// Overwrite writes data to the file name, creating it if needed. Unlike
// os.WriteFile it does not truncate an existing file first: it writes over the
// old bytes and then cuts the file to length. Most files of the staging
// directory exist from the build before last, and on ext4 truncating a file
// to zero frees its blocks (and discards them, on a disk mounted with
// discard) only for the write to allocate them again, which costs about eight
// times as much as writing in place. The staging directory is never served,
// so a file is never seen half-written.
//
// A file that is a hard link to a file of the live site (see CopyLive) is
// replaced by a new file instead, so that the live site never changes.
func Overwrite(name string, data []byte, perm fs.FileMode) error {
	f, err := os.OpenFile(name, os.O_WRONLY|os.O_CREATE, perm)
	if err != nil {
		return err
	}
	if shared(f) {
		f.Close()
		if err := os.Remove(name); err != nil {
			return err
		}
		if f, err = os.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_EXCL, perm); err != nil {
			return err
		}
	}
	_, err = f.Write(data)
	if err == nil {
		err = f.Truncate(int64(len(data)))
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}

// discard deletes the directory tree at dir, making its directories
// writable first so that a read-only tree can be deleted too.
func discard(dir string) {
	filepath.WalkDir(dir, func(p string, e fs.DirEntry, err error) error {
		if err == nil && e.IsDir() {
			os.Chmod(p, 0o755)
		}
		return nil
	})
	os.RemoveAll(dir)
}

// removeStale deletes the leftovers of older versions of this package and
// of a Commit interrupted between its two renames.
func removeStale(parent, base string) {
	entries, err := os.ReadDir(parent)
	if err != nil {
		return
	}
	for _, e := range entries {
		n := e.Name()
		if e.IsDir() && strings.HasPrefix(n, stagingPrefix+base+"-") && n != stagingPrefix+base+"-spare" {
			os.RemoveAll(filepath.Join(parent, n))
		}
	}
}

// claim records rel as published and makes sure its directory exists.
func (d *Dir) claim(rel string) (string, error) {
	if !fs.ValidPath(rel) || rel == "." {
		return "", fmt.Errorf("invalid output path %q", rel)
	}
	d.mu.Lock()
	if d.files[rel] {
		d.mu.Unlock()
		return "", fmt.Errorf("output file %s written twice", rel)
	}
	d.files[rel] = true
	dir := filepath.Dir(filepath.FromSlash(rel))
	full := filepath.Join(d.staging, filepath.FromSlash(rel))
	if !d.dirs[dir] {
		// Create the directory before another goroutine, told that it
		// exists, writes into it.
		d.markDirs(dir)
		if err := mkdirAll(filepath.Dir(full)); err != nil {
			d.mu.Unlock()
			return "", err
		}
	}
	d.mu.Unlock()
	return full, nil
}

// mkdirAll is os.MkdirAll, also replacing a file that stands where a
// directory is needed (left by an older build with another layout).
func mkdirAll(dir string) error {
	err := os.MkdirAll(dir, 0o755)
	if err == nil {
		return nil
	}
	for p := dir; p != filepath.Dir(p); p = filepath.Dir(p) {
		if st, serr := os.Lstat(p); serr == nil && !st.IsDir() {
			if os.Remove(p) == nil {
				return os.MkdirAll(dir, 0o755)
			}
		}
	}
	return err
}

// WriteFile writes data to the slash-separated path rel of the staged site.
// Writing one path twice is an error: two sources claim one output file.
func (d *Dir) WriteFile(rel string, data []byte) error {
	full, err := d.claim(rel)
	if err != nil {
		return err
	}
	err = d.writeFile(full, data, 0o644)
	if err != nil && (errors.Is(err, fs.ErrExist) || errors.Is(err, fs.ErrPermission) || isDir(full)) {
		// A directory of an older layout, or a read-only file of an
		// earlier site, stands in the way.
		if errors.Is(err, fs.ErrPermission) {
			os.Chmod(filepath.Dir(full), 0o755)
		}
		os.RemoveAll(full)
		err = d.writeFile(full, data, 0o644)
	}
	return err
}

func isDir(p string) bool {
	st, err := os.Lstat(p)
	return err == nil && st.IsDir()
}

// Keep publishes the file at rel as the staging directory already holds it.
// The caller knows it is right: the build that last wrote the staging
// directory (the one before the live one) produced the same bytes. Keep
// makes no system call; Commit fails if the file is missing after all.
func (d *Dir) Keep(rel string) error {
	if !fs.ValidPath(rel) || rel == "." {
		return fmt.Errorf("invalid output path %q", rel)
	}
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.files[rel] {
		return fmt.Errorf("output file %s written twice", rel)
	}
	d.files[rel] = true
	d.kept = append(d.kept, rel)
	d.markDirs(filepath.Dir(filepath.FromSlash(rel)))
	return nil
}

// markDirs records dir and its parents as directories of the site; d.mu is
// held.
func (d *Dir) markDirs(dir string) {
	for dir != "." && !d.dirs[dir] {
		d.dirs[dir] = true
		dir = filepath.Dir(dir)
	}
}

// CopyLive publishes the live site's file at rel unchanged: the caller knows
// the live build produced the same bytes.
//
// Where it can, it makes the staged file a hard link to the live one, which
// costs a fraction of writing a copy (the first rebuild of the dev server
// publishes every file this way); Overwrite never writes through such a link.
func (d *Dir) CopyLive(rel string) error {
	live := filepath.Join(d.dest, filepath.FromSlash(rel))
	if canLink {
		full, err := d.claim(rel)
		if err != nil {
			return err
		}
		if err := os.Remove(full); err != nil && !errors.Is(err, fs.ErrNotExist) {
			os.RemoveAll(full) // a directory of an older layout
		}
		if os.Link(live, full) == nil {
			return nil
		}
		data, err := os.ReadFile(live)
		if err != nil {
			return err
		}
		return d.writeFile(full, data, 0o644)
	}
	data, err := os.ReadFile(live)
	if err != nil {
		return err
	}
	return d.WriteFile(rel, data)
}

// Files returns how many files have been published.
func (d *Dir) Files() int {
	d.mu.Lock()
	defer d.mu.Unlock()
	return len(d.files)
}

// Commit deletes what the staging directory holds beyond the published
// files, then swaps it with the destination. Files of the previous build
// that this one did not produce are gone afterwards.
func (d *Dir) Commit() error {
	if d.done {
		return errors.New("publish: Commit after Commit or Abort")
	}
	d.done = true
	defer d.lock.Close()
	if err := d.prune(); err != nil {
		return fmt.Errorf("cleaning %s: %w", d.staging, err)
	}
	if d.found != len(d.kept) {
		return fmt.Errorf("publish: %d kept files are missing from %s: delete it and build again", len(d.kept)-d.found, d.staging)
	}
	if err := exchange(d.staging, d.dest); err == nil {
		return nil // the previous site is the next build's staging directory
	}
	// No atomic exchange here (another OS, or no destination yet): move the
	// old site aside, then the new one in. The window between the two
	// renames is as short as two system calls.
	old := filepath.Join(filepath.Dir(d.dest), stagingPrefix+filepath.Base(d.dest)+"-old")
	os.RemoveAll(old)
	if err := os.Rename(d.dest, old); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("replacing %s: %w", d.dest, err)
	}
	if err := os.Rename(d.staging, d.dest); err != nil {
		os.Rename(old, d.dest)
		return fmt.Errorf("replacing %s: %w", d.dest, err)
	}
	// The old site becomes the next build's staging directory.
	if err := os.Rename(old, d.staging); err != nil {
		os.RemoveAll(old)
	}
	return nil
}

// prune removes every file and directory of the staging directory that this
// build did not publish, deepest first.
func (d *Dir) prune() error {
	<-d.listed
	if d.listErr != nil {
		return d.listErr
	}
	var extra []string
	keptSet := make(map[string]bool, len(d.kept))
	for _, k := range d.kept {
		keptSet[k] = true
	}
	// The listing may predate the build's own changes: a file the build
	// replaced with a directory, or a directory it replaced with a file
	// (and whose contents went with it). Neither is removed.
	skip := "" // the listed contents of a directory removed or replaced whole
	for _, e := range d.listing {
		isDir := d.dirs[filepath.FromSlash(e.rel)]
		switch {
		case skip != "" && strings.HasPrefix(e.rel, skip):
		case e.dir && d.files[e.rel]:
			skip = e.rel + "/" // now a published file
		case e.dir:
			if !isDir {
				extra = append(extra, filepath.Join(d.staging, filepath.FromSlash(e.rel)))
				skip = e.rel + "/"
			}
		case !d.files[e.rel] && !isDir:
			extra = append(extra, filepath.Join(d.staging, filepath.FromSlash(e.rel)))
		case keptSet[e.rel]:
			d.found++
		}
	}
	sort.Sort(sort.Reverse(sort.StringSlice(extra)))
	for _, p := range extra {
		if err := os.RemoveAll(p); err != nil {
			return err
		}
	}
	return nil
}

// Abort leaves the destination as it was. The staging directory now holds a
// partial build; the next build overwrites it.
func (d *Dir) Abort() {
	if d.done {
		return
	}
	d.done = true
	<-d.listed // no goroutine outlives the build
	d.lock.Close()
}
