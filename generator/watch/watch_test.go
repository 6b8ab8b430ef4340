package watch

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"slices"
	"testing"
	"time"
)

// start watches a fresh temporary tree holding files, and closes the watcher
// when the test ends.
func start(t *testing.T, opt Options, files ...string) (*Watcher, string) {
	t.Helper()
	dir := t.TempDir()
	for _, f := range files {
		write(t, dir, f, "x")
	}
	opt.Root = dir
	w, err := New(opt)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { w.Close() })
	return w, dir
}

func write(t *testing.T, dir, name, data string) {
	t.Helper()
	p := filepath.Join(dir, filepath.FromSlash(name))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}

func do(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// next waits for one batch.
func next(t *testing.T, w *Watcher) []string {
	t.Helper()
	select {
	case b := <-w.Batches():
		return b
	case <-time.After(5 * time.Second):
		t.Fatal("no batch within 5s")
		return nil
	}
}

// none asserts that no batch arrives for a while.
func none(t *testing.T, w *Watcher) {
	t.Helper()
	select {
	case b := <-w.Batches():
		t.Fatalf("unexpected batch %q", b)
	case <-time.After(150 * time.Millisecond):
	}
}

func want(t *testing.T, got []string, want ...string) {
	t.Helper()
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("batch = %q, want %q", got, want)
	}
}

func TestWriteInPlace(t *testing.T) {
	w, dir := start(t, Options{}, "content/a.md")
	f, err := os.OpenFile(filepath.Join(dir, "content/a.md"), os.O_WRONLY|os.O_TRUNC, 0)
	do(t, err)
	// Two writes, as an editor that truncates first and then writes.
	f.WriteString("new")
	f.WriteString(" text")
	do(t, f.Close())
	want(t, next(t, w), "content/a.md")
	none(t, w)
}

func TestWriteTempThenRename(t *testing.T) {
	w, dir := start(t, Options{}, "content/a.md")
	for _, tmp := range []string{"content/a.md.tmp", "content/.a.md.kate-swp", "content/a.md___jb_tmp___"} {
		write(t, dir, tmp, "new")
		do(t, os.Rename(filepath.Join(dir, tmp), filepath.Join(dir, "content/a.md")))
		want(t, next(t, w), "content/a.md")
	}
}

func TestVimBackupSave(t *testing.T) {
	// vim with "backupcopy=no": probe with 4913, rename the file to a~ backup,
	// write a new file, delete the backup; a swap file changes all along.
	w, dir := start(t, Options{}, "content/a.md")
	p := func(n string) string { return filepath.Join(dir, "content", n) }
	write(t, dir, "content/.a.md.swp", "swap")
	write(t, dir, "content/4913", "")
	do(t, os.Remove(p("4913")))
	do(t, os.Rename(p("a.md"), p("a.md~")))
	write(t, dir, "content/a.md", "new")
	do(t, os.Remove(p("a.md~")))
	write(t, dir, "content/.a.md.swp", "swap2")
	want(t, next(t, w), "content/a.md")
	none(t, w)
}

func TestDeleteThenCreate(t *testing.T) {
	w, dir := start(t, Options{}, "content/a.md")
	do(t, os.Remove(filepath.Join(dir, "content/a.md")))
	write(t, dir, "content/a.md", "new")
	want(t, next(t, w), "content/a.md")
}

func TestChmodOnlyIgnored(t *testing.T) {
	w, dir := start(t, Options{}, "content/a.md")
	do(t, os.Chmod(filepath.Join(dir, "content/a.md"), 0o600))
	now := time.Now()
	do(t, os.Chtimes(filepath.Join(dir, "content/a.md"), now, now)) // touch
	none(t, w)
	// A chmod in the same burst as a write does not hide the write.
	write(t, dir, "content/a.md", "new")
	do(t, os.Chmod(filepath.Join(dir, "content/a.md"), 0o644))
	want(t, next(t, w), "content/a.md")
}

func TestIgnored(t *testing.T) {
	w, dir := start(t, Options{Exclude: []string{"public"}}, "public/index.html", "content/a.md")
	for _, name := range []string{
		"content/a.md.swp", "content/a.md.swx", "content/a.md~", "content/4913", "content/.#a.md",
		"content/#a.md#", "content/x.tmp", "content/.hidden.md", ".git/index", "content/.cache/x.md",
		"public/index.html", "public/new/index.html",
	} {
		write(t, dir, name, "x")
	}
	none(t, w)
}

func TestPathsLimitWatching(t *testing.T) {
	w, dir := start(t, Options{Paths: []string{"content", "config.toml", "site/layouts"}},
		"content/a.md", "config.toml", "generator/main.go", "site/layouts/page.html")
	write(t, dir, "generator/main.go", "y")
	write(t, dir, "README.md", "y")
	write(t, dir, "site/other.txt", "y")
	none(t, w)
	write(t, dir, "config.toml", "y")
	want(t, next(t, w), "config.toml")
	// config.toml replaced by a rename is still seen (the directory is watched).
	write(t, dir, "config.toml.tmp", "z")
	do(t, os.Rename(filepath.Join(dir, "config.toml.tmp"), filepath.Join(dir, "config.toml")))
	want(t, next(t, w), "config.toml")
	write(t, dir, "site/layouts/page.html", "y")
	want(t, next(t, w), "site/layouts/page.html")
}

func TestPathsCreatedLater(t *testing.T) {
	w, dir := start(t, Options{Paths: []string{"assets", "site/layouts"}})
	write(t, dir, "assets/site.css", "a")
	want(t, next(t, w), "assets/site.css")
	write(t, dir, "assets/site.css", "b")
	want(t, next(t, w), "assets/site.css")
	write(t, dir, "site/layouts/page.html", "y")
	want(t, next(t, w), "site/layouts/page.html")
	write(t, dir, "site/layouts/page.html", "z")
	want(t, next(t, w), "site/layouts/page.html")
}

func TestNewDirectories(t *testing.T) {
	w, dir := start(t, Options{}, "content/a.md")
	// mkdir -p and a file at once: the file is found by walking the new
	// directory, since its watch did not exist when the file was written.
	write(t, dir, "content/x/y/z/new.md", "n")
	want(t, next(t, w), "content/x/y/z/new.md")
	// Later changes deep in the new tree are seen.
	write(t, dir, "content/x/y/z/new.md", "m")
	write(t, dir, "content/x/y/other.md", "o")
	want(t, next(t, w), "content/x/y/other.md", "content/x/y/z/new.md")
}

func TestRemovedDirectory(t *testing.T) {
	w, dir := start(t, Options{}, "content/x/a.md", "content/x/sub/b.md")
	do(t, os.RemoveAll(filepath.Join(dir, "content/x")))
	got := next(t, w)
	if !slices.Contains(got, "content/x") {
		t.Fatalf("batch %q lacks the removed directory", got)
	}
	if l := w.fsw.WatchList(); len(l) != 2 { // the root and content
		t.Errorf("watching %d directories after the removal: %q", len(l), l)
	}
	write(t, dir, "content/x/sub/b.md", "again")
	want(t, next(t, w), "content/x/sub/b.md")
}

func TestRenamedDirectory(t *testing.T) {
	w, dir := start(t, Options{}, "content/x/a.md", "content/x/sub/b.md")
	do(t, os.Rename(filepath.Join(dir, "content/x"), filepath.Join(dir, "content/y")))
	want(t, next(t, w), "content/x", "content/y/a.md", "content/y/sub/b.md")
	// Events under the new name carry the new name, also in subdirectories.
	write(t, dir, "content/y/sub/b.md", "new")
	want(t, next(t, w), "content/y/sub/b.md")
	// A directory moved in from outside the tree is watched too.
	outside := t.TempDir()
	write(t, outside, "z/c.md", "c")
	do(t, os.Rename(filepath.Join(outside, "z"), filepath.Join(dir, "content/z")))
	want(t, next(t, w), "content/z/c.md")
	write(t, dir, "content/z/c.md", "d")
	want(t, next(t, w), "content/z/c.md")
	// And one moved out is forgotten.
	do(t, os.Rename(filepath.Join(dir, "content/z"), filepath.Join(outside, "z2")))
	want(t, next(t, w), "content/z")
	write(t, outside, "z2/c.md", "e")
	none(t, w)
}

func TestBurstIsOneBatch(t *testing.T) {
	var files []string
	for i := range 50 {
		files = append(files, fmt.Sprintf("content/s%d/p%02d.md", i%5, i))
	}
	w, dir := start(t, Options{}, files...)
	for _, f := range files { // as "git checkout" does
		write(t, dir, f, "changed")
	}
	slices.Sort(files)
	want(t, next(t, w), files...)
	none(t, w)
}

func TestMaxWait(t *testing.T) {
	w, dir := start(t, Options{Quiet: 30 * time.Millisecond, MaxWait: 100 * time.Millisecond}, "content/a.md")
	stop := time.Now().Add(600 * time.Millisecond)
	n := 0
	for time.Now().Before(stop) {
		write(t, dir, "content/a.md", time.Now().String())
		time.Sleep(5 * time.Millisecond)
		select {
		case <-w.Batches():
			n++
		default:
		}
	}
	if n < 2 {
		t.Errorf("%d batches during 600ms of writes every 5ms, want several (MaxWait 100ms)", n)
	}
}

func TestLastStateWins(t *testing.T) {
	// While the receiver is busy, new events join the pending batch: nothing
	// is lost and nothing is sent twice.
	w, dir := start(t, Options{Quiet: 100 * time.Millisecond}, "content/a.md", "content/b.md")
	write(t, dir, "content/a.md", "1")
	time.Sleep(200 * time.Millisecond) // the batch is ready; nobody receives
	write(t, dir, "content/b.md", "2")
	// Once its event is in, the batch waits for a new quiet spell.
	time.Sleep(30 * time.Millisecond)
	want(t, next(t, w), "content/a.md", "content/b.md")
	none(t, w)
}

func TestCloseEndsGoroutines(t *testing.T) {
	before := runtime.NumGoroutine()
	dir := t.TempDir()
	write(t, dir, "content/a.md", "x")
	w, err := New(Options{Root: dir})
	do(t, err)
	write(t, dir, "content/a.md", "y")
	do(t, w.Close())
	do(t, w.Close())
	if _, ok := <-w.Batches(); ok {
		// A batch may have been ready; the channel must close after it.
		if _, ok := <-w.Batches(); ok {
			t.Error("Batches not closed")
		}
	}
	deadline := time.Now().Add(2 * time.Second)
	for runtime.NumGoroutine() > before && time.Now().Before(deadline) {
		time.Sleep(10 * time.Millisecond)
	}
	if n := runtime.NumGoroutine(); n > before {
		t.Errorf("%d goroutines after Close, %d before", n, before)
	}
}

func TestNewErrors(t *testing.T) {
	if _, err := New(Options{Root: filepath.Join(t.TempDir(), "missing")}); err == nil {
		t.Error("no error for a missing root")
	}
	f := filepath.Join(t.TempDir(), "file")
	write(t, filepath.Dir(f), "file", "")
	if _, err := New(Options{Root: f}); err == nil {
		t.Error("no error for a root that is a file")
	}
}

func TestCreatedAndGoneIsNothing(t *testing.T) {
	// "sed -i" writes a randomly named file and renames it over the original:
	// the temporary name is not reported.
	w, dir := start(t, Options{}, "content/a.md")
	write(t, dir, "content/sedX1b2c3", "new")
	do(t, os.Rename(filepath.Join(dir, "content/sedX1b2c3"), filepath.Join(dir, "content/a.md")))
	want(t, next(t, w), "content/a.md")
	// A new file deleted again before the batch is sent: no batch at all.
	write(t, dir, "content/b.md", "b")
	do(t, os.Remove(filepath.Join(dir, "content/b.md")))
	none(t, w)
	// But a file that existed before is reported when it goes, even if it
	// was replaced by a rename first.
	write(t, dir, "content/c.tmp", "c")
	do(t, os.Rename(filepath.Join(dir, "content/c.tmp"), filepath.Join(dir, "content/a.md")))
	do(t, os.Remove(filepath.Join(dir, "content/a.md")))
	want(t, next(t, w), "content/a.md")
}

// Directories renamed and removed in quick succession make fsnotify report
// errors while it holds the lock that Add and Remove take; the watcher must
// keep delivering batches and must close, never wait on itself.
func TestDirectoryChurnNeverDeadlocks(t *testing.T) {
	// Not start: a deadlocked watcher would hang its Close in the cleanup.
	dir := t.TempDir()
	w, err := New(Options{Root: dir})
	if err != nil {
		t.Fatal(err)
	}
	stop := make(chan struct{})
	drained := make(chan struct{})
	go func() { // the receiver, as serve is
		defer close(drained)
		for {
			select {
			case <-stop:
				return
			case <-w.Batches():
			}
		}
	}()
	for i := range 400 {
		a := filepath.Join(dir, fmt.Sprintf("a%d", i))
		write(t, dir, fmt.Sprintf("a%d/b/c/x.md", i), "x")
		do(t, os.Rename(a, a+"-moved"))
		do(t, os.Rename(filepath.Join(a+"-moved", "b"), filepath.Join(dir, fmt.Sprintf("b%d", i))))
		do(t, os.RemoveAll(a+"-moved"))
		if i%3 == 0 {
			do(t, os.RemoveAll(filepath.Join(dir, fmt.Sprintf("b%d", i))))
		}
	}
	close(stop)
	<-drained
	write(t, dir, "last.md", "x")
	select {
	case b := <-w.Batches():
		if len(b) == 0 {
			t.Error("an empty batch after the churn")
		}
	case <-time.After(5 * time.Second):
		t.Error("no batch within 5s after the churn")
	}
	closed := make(chan error, 1)
	go func() { closed <- w.Close() }()
	select {
	case <-closed:
	case <-time.After(5 * time.Second):
		t.Fatal("Close did not return within 5s: the watcher is deadlocked")
	}
}
