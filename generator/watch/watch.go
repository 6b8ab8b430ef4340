// Package watch owns fsnotify: it watches a directory tree and reports what
// changed in it as batches of paths.
//
// fsnotify watches are not recursive and editors save in many ways (write in
// place, write a temporary file and rename it over the original, delete and
// create, touch the mode only), so a Watcher watches every directory itself,
// adds directories created (or moved in) later and drops those removed or moved
// away. It ignores editors' temporary files and dot-files, and events that only
// change a file's mode: indexers and backup tools send those all day, and they
// never change what a build reads. A burst of events (a save, a "git checkout"
// of fifty files) becomes one batch, sent once the tree has been quiet for a
// short while (Options.Quiet) or once the oldest event has waited
// Options.MaxWait, whichever comes first. While the receiver is busy, later
// events join the pending batch, so the last state always wins. A file that
// is created and gone again within one batch (the temporary file of "sed -i")
// is not reported.
//
// Inputs: Options (a root directory and what to watch under it). Outputs:
// batches of sorted, slash-separated paths relative to the root on
// Watcher.Batches. A path may name a directory that was removed or moved away,
// meaning everything that was under it; the path "." means the watcher lost
// track (the kernel's event queue overflowed) and anything may have changed.
// Imports: fsnotify and the standard library only; no fsnotify type crosses
// the package boundary.
package watch

import (
	"errors"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/fsnotify/fsnotify"
)

// Options says what to watch. Root is required; the zero value of every other
// field is a sensible default.
type Options struct {
	// Root is the directory watched; batches name paths relative to it.
	Root string
	// Paths limits watching to these slash-separated paths under Root: a
	// directory is watched with everything under it, a file by its name (so a
	// file replaced by a rename is still seen). Paths need not exist yet.
	// Empty watches everything under Root.
	Paths []string
	// Exclude lists slash-separated paths under Root that are never watched,
	// such as the output directory "public".
	Exclude []string
	// Quiet is how long the tree must stay still before a batch is sent;
	// 20ms when zero.
	Quiet time.Duration
	// MaxWait bounds how long events are held back while more keep coming;
	// 300ms when zero.
	MaxWait time.Duration
}

// Watcher watches a directory tree. Create it with New and stop it with Close.
type Watcher struct {
	opt     Options
	root    string
	fsw     *fsnotify.Watcher
	batches chan []string
	done    chan struct{}
	exited  chan struct{}
	once    sync.Once

	// dirs holds the watched directories and files the files seen in them
	// (to tell a new file from a replaced one), as relative slash paths.
	// Only the loop goroutine touches them once New has returned.
	dirs, files map[string]bool
}

// New starts watching. Every directory that exists under opt.Root is watched
// when New returns, so a change made after New returns is always reported.
func New(opt Options) (*Watcher, error) {
	if opt.Quiet <= 0 {
		opt.Quiet = 20 * time.Millisecond
	}
	if opt.MaxWait <= 0 {
		opt.MaxWait = 300 * time.Millisecond
	}
	root, err := filepath.Abs(opt.Root)
	if err != nil {
		return nil, err
	}
	st, err := os.Stat(root)
	if err != nil {
		return nil, err
	}
	if !st.IsDir() {
		return nil, &fs.PathError{Op: "watch", Path: opt.Root, Err: errors.New("not a directory")}
	}
	fsw, err := fsnotify.NewBufferedWatcher(1024)
	if err != nil {
		return nil, err
	}
	w := &Watcher{
		opt:     opt,
		root:    root,
		fsw:     fsw,
		batches: make(chan []string),
		done:    make(chan struct{}),
		exited:  make(chan struct{}),
		dirs:    map[string]bool{},
		files:   map[string]bool{},
	}
	if err := w.addTree(".", nil); err != nil {
		fsw.Close()
		return nil, err
	}
	// fsnotify may send an error while it holds the lock that Add and
	// Remove take (when a watched directory moves), so the loop, which
	// calls them, must not be the only reader of Errors: a goroutine of its
	// own drains them into lost, where errors coalesce.
	lost := make(chan struct{}, 1)
	go func() {
		for err := range fsw.Errors {
			if err == nil {
				continue
			}
			select {
			case lost <- struct{}{}:
			default: // the loop has not yet handled the last one
			}
		}
		close(lost)
	}()
	go w.loop(lost)
	return w, nil
}

// Batches returns the channel on which batches of changed paths arrive. It is
// closed by Close.
func (w *Watcher) Batches() <-chan []string { return w.batches }

// Close stops watching, releases the operating system's watches and waits for
// the Watcher's goroutine to end. It is safe to call more than once.
func (w *Watcher) Close() error {
	var err error
	w.once.Do(func() {
		close(w.done)
		err = w.fsw.Close()
		<-w.exited
	})
	return err
}

// loop turns fsnotify's events into batches; lost receives a value when
// events were lost or a watch failed, and is closed with the watcher.
func (w *Watcher) loop(lost <-chan struct{}) {
	defer close(w.exited)
	defer close(w.batches)
	var (
		pending = map[string]bool{}
		born    = map[string]bool{} // pending files that did not exist before
		first   time.Time           // when the oldest pending event arrived
		quiet   = time.NewTimer(time.Hour)
		out     chan []string // non-nil when a batch is ready to send
		batch   []string
	)
	quiet.Stop()
	defer quiet.Stop()
	changed := func() {
		now := time.Now()
		if first.IsZero() {
			first = now
		}
		// A ready batch that gets a new event waits for a new quiet spell,
		// unless it has already waited MaxWait.
		out = nil
		wait := w.opt.Quiet
		if left := w.opt.MaxWait - now.Sub(first); left < wait {
			wait = max(left, 0)
		}
		quiet.Reset(wait)
	}
	for {
		select {
		case <-w.done:
			return
		case ev, ok := <-w.fsw.Events:
			if !ok {
				return
			}
			if w.handle(ev, pending, born) {
				changed()
			}
		case _, ok := <-lost:
			if !ok {
				return
			}
			// Events were lost (the kernel queue overflowed) or a watch failed:
			// watch what exists now and let the receiver redo everything.
			w.rescan()
			pending["."] = true
			changed()
		case <-quiet.C:
			if len(pending) == 0 {
				first = time.Time{}
				continue
			}
			batch = batch[:0]
			for p := range pending {
				batch = append(batch, p)
			}
			sort.Strings(batch)
			out = w.batches
		case out <- batch:
			pending, born = map[string]bool{}, map[string]bool{}
			first = time.Time{}
			out, batch = nil, nil
		}
	}
}

// handle records the paths that ev changed in pending and keeps the set of
// watched directories in step with the tree. It reports whether it recorded
// anything.
func (w *Watcher) handle(ev fsnotify.Event, pending, born map[string]bool) bool {
	rel, ok := w.rel(ev.Name)
	if !ok || rel == "." || w.ignored(rel) || ev.Op == fsnotify.Chmod {
		return false
	}
	want := w.wanted(rel)
	if !want && !w.ancestor(rel) {
		return false
	}
	recorded := false
	mark := func(p string) {
		pending[p] = true
		recorded = true
	}
	if ev.Has(fsnotify.Remove) || ev.Has(fsnotify.Rename) {
		// The name is gone (or now names something else, which a Create
		// will report). If it was a directory, its watches, and those of
		// its subdirectories, which would keep reporting the old names, go.
		w.dropTree(rel)
		delete(w.files, rel)
		switch {
		case born[rel]:
			// Created and gone within one batch, like the temporary file
			// of "sed -i": nothing changed.
			delete(pending, rel)
			delete(born, rel)
			recorded = true
		case want:
			mark(rel)
		default:
			for _, p := range w.opt.Paths {
				if strings.HasPrefix(p, rel+"/") {
					mark(p)
				}
			}
		}
	}
	if ev.Has(fsnotify.Create) {
		info, err := os.Lstat(ev.Name)
		switch {
		case err == nil && info.IsDir():
			// Files may have been created in it before its watch existed.
			w.addTree(rel, mark)
		case want:
			// A file, or a name created and gone again before we looked.
			if !w.files[rel] && !pending[rel] {
				born[rel] = true
			}
			if err == nil {
				w.files[rel] = true
			}
			mark(rel)
		}
	}
	if ev.Has(fsnotify.Write) && want {
		mark(rel)
	}
	return recorded
}

// addTree watches the directory rel and every directory under it that is
// wanted, and passes every wanted file found to mark when mark is not nil.
func (w *Watcher) addTree(rel string, mark func(string)) error {
	dir := filepath.Join(w.root, filepath.FromSlash(rel))
	return filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if p == dir && mark == nil {
				return err // the root itself is unreadable
			}
			// Removed while we walked; its Remove event follows.
			if d != nil && d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		r, _ := w.rel(p)
		if r != "." && w.ignored(r) {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if !d.IsDir() {
			// Symbolic links are reported but never followed.
			if w.wanted(r) {
				w.files[r] = true
				if mark != nil {
					mark(r)
				}
			}
			return nil
		}
		if !w.wanted(r) && !w.ancestor(r) {
			return fs.SkipDir
		}
		if w.dirs[r] {
			return nil
		}
		if err := w.fsw.Add(p); err != nil {
			if r == "." {
				return err
			}
			return fs.SkipDir // removed meanwhile, or out of watches
		}
		w.dirs[r] = true
		return nil
	})
}

// dropTree forgets the directory rel, its subdirectories and their files, if
// rel is a watched directory.
func (w *Watcher) dropTree(rel string) {
	if !w.dirs[rel] {
		return
	}
	in := func(p string) bool { return rel == "." || p == rel || strings.HasPrefix(p, rel+"/") }
	for d := range w.dirs {
		if in(d) {
			// The kernel may have dropped the watch already; that is fine.
			w.fsw.Remove(filepath.Join(w.root, filepath.FromSlash(d)))
			delete(w.dirs, d)
		}
	}
	for f := range w.files {
		if in(f) {
			delete(w.files, f)
		}
	}
}

// rescan drops watches on directories that no longer exist and watches those
// that do, after events were lost.
func (w *Watcher) rescan() {
	for d := range w.dirs {
		if st, err := os.Lstat(filepath.Join(w.root, filepath.FromSlash(d))); err != nil || !st.IsDir() {
			w.dropTree(d)
		}
	}
	w.addTree(".", func(string) {})
}

// rel turns an absolute event name into a slash path relative to the root.
func (w *Watcher) rel(name string) (string, bool) {
	r, err := filepath.Rel(w.root, name)
	if err != nil || r == ".." || strings.HasPrefix(r, ".."+string(filepath.Separator)) {
		return "", false
	}
	return filepath.ToSlash(r), true
}

// wanted reports whether rel is one of Options.Paths or under one of them.
func (w *Watcher) wanted(rel string) bool {
	if len(w.opt.Paths) == 0 {
		return rel != "."
	}
	for _, p := range w.opt.Paths {
		if under(rel, p) {
			return true
		}
	}
	return false
}

// ancestor reports whether rel is a directory that must be watched to see one
// of Options.Paths appear, such as the root itself.
func (w *Watcher) ancestor(rel string) bool {
	if rel == "." {
		return true
	}
	for _, p := range w.opt.Paths {
		if strings.HasPrefix(p, rel+"/") {
			return true
		}
	}
	return false
}

// ignored reports whether rel is never of interest: excluded, under a dot
// directory, or an editor's temporary file.
func (w *Watcher) ignored(rel string) bool {
	for _, x := range w.opt.Exclude {
		if under(rel, x) {
			return true
		}
	}
	for _, elem := range strings.Split(rel, "/") {
		if strings.HasPrefix(elem, ".") && elem != "." {
			return true
		}
	}
	return temporary(path.Base(rel))
}

// temporary reports whether a file name is one that editors and tools create
// while saving, rather than a file of the site: vim's swap files, backups and
// "4913" probe, Emacs lock files, JetBrains' safe-write files and "*.tmp".
// Names starting with "." are ignored anyway.
func temporary(name string) bool {
	switch {
	case name == "4913",
		strings.HasSuffix(name, "~"),
		strings.HasSuffix(name, ".swp"),
		strings.HasSuffix(name, ".swx"),
		strings.HasSuffix(name, ".tmp"),
		strings.HasSuffix(name, "___jb_tmp___"),
		strings.HasSuffix(name, "___jb_old___"),
		strings.HasPrefix(name, "#") && strings.HasSuffix(name, "#"):
		return true
	}
	return false
}

// under reports whether slash path p is dir or inside it.
func under(p, dir string) bool {
	dir = strings.Trim(path.Clean(dir), "/")
	return p == dir || strings.HasPrefix(p, dir+"/")
}
