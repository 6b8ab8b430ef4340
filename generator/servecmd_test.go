package main

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"math/rand/v2"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"golang.org/x/tools/txtar"

	"reportsite/generator/content"
	"reportsite/generator/corpus"
	"reportsite/generator/internal/testsite"
	"reportsite/generator/serve"
	"reportsite/generator/site"
)

// serveSite is the small complete site of site's and check's tests.
const serveSite = testsite.Mini

// page01 is the content file most tests edit.
const page01 = "content/r/01/01.md"

func writeFile(t testing.TB, dir, name, data string) {
	t.Helper()
	p := filepath.Join(dir, filepath.FromSlash(name))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}

func must(t testing.TB, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// contentPage is a valid content file with the given title and body.
func contentPage(title string, weight int, body string) string {
	return fmt.Sprintf("+++\ntitle = %q\nweight = %d\n+++\n%s\n", title, weight, body)
}

// devServer is "generator serve" running on a site in a temporary directory.
type devServer struct {
	src, dest, url string
	log            *syncBuffer
	stop           func()
}

type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// startServe serves the site at src as runServe does, on a free port. The
// server stops when the test ends.
func startServe(t testing.TB, src string) *devServer {
	t.Helper()
	d := &devServer{src: src, dest: filepath.Join(t.TempDir(), "public"), log: &syncBuffer{}}
	opt := serveOptions(src, d.dest, false)
	opt.Addr, opt.Log = "127.0.0.1:0", d.log
	ready := make(chan string, 1)
	opt.Ready = func(url string) { ready <- strings.TrimSuffix(url, "/") }
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- serve.Run(ctx, opt) }()
	select {
	case d.url = <-ready:
	case err := <-done:
		t.Fatalf("serve: %v", err)
	}
	var once sync.Once
	d.stop = func() {
		once.Do(func() {
			cancel()
			select {
			case err := <-done:
				if err != nil {
					t.Errorf("serve: %v", err)
				}
			case <-time.After(10 * time.Second):
				t.Error("serve did not stop within 10s")
			}
			if _, err := os.Stat(filepath.Join(src, "public")); err == nil {
				t.Error("serve wrote the site's own public/")
			}
		})
	}
	t.Cleanup(d.stop)
	return d
}

func newServe(t *testing.T) *devServer {
	t.Helper()
	src := t.TempDir()
	testsite.Write(t, src, serveSite)
	return startServe(t, src)
}

func (d *devServer) get(t testing.TB, path string) (*http.Response, string) {
	t.Helper()
	res, err := http.Get(d.url + path)
	if err != nil {
		t.Fatal(err)
	}
	b, err := io.ReadAll(res.Body)
	res.Body.Close()
	if err != nil {
		t.Fatal(err)
	}
	return res, string(b)
}

func (d *devServer) page(t testing.TB, path string) string {
	t.Helper()
	res, b := d.get(t, path)
	if res.StatusCode != 200 {
		t.Fatalf("GET %s: %s", path, res.Status)
	}
	return b
}

// pageURL returns the URL path of the page built from content/<rel>.md or
// content/<rel>/_index.md, whichever file layout the build uses.
func (d *devServer) pageURL(t testing.TB, rel string) string {
	t.Helper()
	for _, f := range []string{rel + ".html", rel + "/index.html"} {
		if _, err := os.Stat(filepath.Join(d.dest, filepath.FromSlash(f))); err == nil {
			return "/" + strings.TrimSuffix(f, "index.html")
		}
	}
	t.Fatalf("no page for %s in %s", rel, d.dest)
	return ""
}

func (d *devServer) write(t testing.TB, name, data string) { writeFile(t, d.src, name, data) }

func (d *devServer) path(name string) string { return filepath.Join(d.src, filepath.FromSlash(name)) }

// events is an open live-reload stream.
type events struct {
	c chan sse
}

type sse struct{ name, data string }

// subscribe opens the live-reload stream as a page of the current build
// does.
func (d *devServer) subscribe(t testing.TB) *events {
	t.Helper()
	build := regexp.MustCompile(`data-build="([^"]+)"`).FindStringSubmatch(d.page(t, "/"))
	if build == nil {
		t.Fatal("no live-reload script in the home page")
	}
	ctx, cancel := context.WithCancel(context.Background())
	req, _ := http.NewRequestWithContext(ctx, "GET", d.url+"/_reload?build="+build[1], nil)
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		cancel()
		t.Fatal(err)
	}
	ev := &events{c: make(chan sse, 1000)}
	done := make(chan struct{})
	go func() {
		defer close(done)
		defer close(ev.c)
		sc := bufio.NewScanner(res.Body)
		var e sse
		for sc.Scan() {
			switch line := sc.Text(); {
			case strings.HasPrefix(line, "event: "):
				e.name = strings.TrimPrefix(line, "event: ")
			case strings.HasPrefix(line, "data: "):
				e.data = strings.TrimPrefix(line, "data: ")
			case line == "" && e.name != "":
				ev.c <- e
				e = sse{}
			}
		}
	}()
	t.Cleanup(func() {
		cancel()
		res.Body.Close()
		<-done
	})
	return ev
}

func (ev *events) next(t testing.TB) sse {
	t.Helper()
	select {
	case e, ok := <-ev.c:
		if !ok {
			t.Fatal("the event stream ended")
		}
		return e
	case <-time.After(10 * time.Second):
		t.Fatal("no event within 10s")
	}
	return sse{}
}

func (ev *events) want(t testing.TB, name string) sse {
	t.Helper()
	e := ev.next(t)
	if e.name != name {
		t.Fatalf("got event %s %s, want %s", e.name, e.data, name)
	}
	return e
}

func (ev *events) none(t testing.TB, d time.Duration) {
	t.Helper()
	select {
	case e := <-ev.c:
		t.Fatalf("unexpected event %s %s", e.name, e.data)
	case <-time.After(d):
	}
}

func contains(t testing.TB, what, got string, wants ...string) {
	t.Helper()
	for _, w := range wants {
		if !strings.Contains(got, w) {
			t.Errorf("%s lacks %q", what, w)
		}
	}
}

func TestServeContentEdit(t *testing.T) {
	d := newServe(t)
	u := d.pageURL(t, "r/01/01")
	ev := d.subscribe(t)
	contains(t, u, d.page(t, u), "同比增长4.9%")
	d.write(t, page01, contentPage("经济运行稳步回升", 1, "全区地区生产总值同比增长5.2%。"))
	ev.want(t, "reload")
	contains(t, u, d.page(t, u), "同比增长5.2%")
	if !regexp.MustCompile(`(?m)^\d\d:\d\d:\d\d content/r/01/01.md: \d+ pages \(\d+ rendered\), \d+ files in [0-9.]+m?s$`).MatchString(d.log.String()) {
		t.Errorf("no line about the rebuild in the log:\n%s", d.log)
	}
}

func TestServeLayoutEdit(t *testing.T) {
	d := newServe(t)
	u := d.pageURL(t, "r/01/01")
	ev := d.subscribe(t)
	d.write(t, "layouts/page.html", `{{define "main"}}<main id="main" class="custom">自定义版式 {{.Title}}</main>{{end}}`)
	ev.want(t, "reload")
	contains(t, u, d.page(t, u), `<main id="main" class="custom">自定义版式 经济运行稳步回升</main>`)
	d.write(t, "layouts/page.html", `{{define "main"}}<main id="main">第二版版式</main>{{end}}`)
	ev.want(t, "reload")
	contains(t, u, d.page(t, u), "第二版版式")
}

var cssLink = regexp.MustCompile(`<link rel="stylesheet" href="([^"]*assets/site\.[0-9a-f]+\.css)">`)

func TestServeCSSEdit(t *testing.T) {
	d := newServe(t)
	u := d.pageURL(t, "r/01/01")
	ev := d.subscribe(t)
	before := cssLink.FindStringSubmatch(d.page(t, u))
	if before == nil {
		t.Fatal("no site.css link")
	}
	d.write(t, "assets/site.css", "body { color: #123456 }\n")
	ev.want(t, "css")
	after := cssLink.FindStringSubmatch(d.page(t, u))
	if after == nil || after[1] == before[1] {
		t.Fatalf("stylesheet link %q, was %q", after, before)
	}
	res, css := d.get(t, "/"+strings.TrimLeft(after[1], "./"))
	if res.StatusCode != 200 || res.Header.Get("Content-Type") != "text/css; charset=utf-8" || !strings.Contains(css, "#123456") {
		t.Errorf("new stylesheet: %s %q %q", res.Status, res.Header.Get("Content-Type"), css)
	}
	// A page edit with a stylesheet edit is a reload.
	d.write(t, "assets/site.css", "body { color: #654321 }\n")
	d.write(t, page01, contentPage("经济运行稳步回升", 1, "样式与正文同时修改。"))
	ev.want(t, "reload")
}

func TestServeConfigEdit(t *testing.T) {
	d := newServe(t)
	ev := d.subscribe(t)
	cfg, err := os.ReadFile(d.path("config.toml"))
	must(t, err)
	d.write(t, "config.toml", strings.Replace(string(cfg), `title = "测试站点"`, `title = "改名后的站点"`, 1))
	ev.want(t, "reload")
	contains(t, "/", d.page(t, "/"), "改名后的站点")
}

func TestServeSaveWriteInPlace(t *testing.T) {
	d := newServe(t)
	u := d.pageURL(t, "r/01/01")
	ev := d.subscribe(t)
	f, err := os.OpenFile(d.path(page01), os.O_WRONLY|os.O_TRUNC, 0)
	must(t, err)
	_, err = f.WriteString(contentPage("经济运行稳步回升", 1, "原地写入。"))
	must(t, err)
	must(t, f.Close())
	ev.want(t, "reload")
	contains(t, u, d.page(t, u), "原地写入。")
	ev.none(t, 150*time.Millisecond) // one save, one rebuild
}

func TestServeSaveTempThenRename(t *testing.T) {
	d := newServe(t)
	u := d.pageURL(t, "r/01/01")
	ev := d.subscribe(t)
	tmp := page01 + ".tmp"
	d.write(t, tmp, contentPage("经济运行稳步回升", 1, "临时文件改名。"))
	must(t, os.Rename(d.path(tmp), d.path(page01)))
	ev.want(t, "reload")
	contains(t, u, d.page(t, u), "临时文件改名。")
	ev.none(t, 150*time.Millisecond)
	if strings.Contains(d.log.String(), ".tmp") {
		t.Errorf("the temporary file was reported:\n%s", d.log)
	}
}

func TestServeSaveDeleteThenCreate(t *testing.T) {
	d := newServe(t)
	u := d.pageURL(t, "r/01/01")
	ev := d.subscribe(t)
	must(t, os.Remove(d.path(page01)))
	d.write(t, page01, contentPage("经济运行稳步回升", 1, "删除后重建。"))
	ev.want(t, "reload")
	contains(t, u, d.page(t, u), "删除后重建。")
	ev.none(t, 150*time.Millisecond)
}

func TestServeSaveVim(t *testing.T) {
	// vim's default save: a "4913" probe, the original renamed to a backup,
	// a new file written, the backup deleted, a swap file updated.
	d := newServe(t)
	u := d.pageURL(t, "r/01/01")
	ev := d.subscribe(t)
	dir := filepath.Dir(d.path(page01))
	d.write(t, "content/r/01/.01.md.swp", "swap")
	d.write(t, "content/r/01/4913", "")
	must(t, os.Remove(filepath.Join(dir, "4913")))
	must(t, os.Rename(d.path(page01), d.path(page01+"~")))
	d.write(t, page01, contentPage("经济运行稳步回升", 1, "vim 保存。"))
	must(t, os.Remove(d.path(page01+"~")))
	d.write(t, "content/r/01/.01.md.swp", "swap2")
	ev.want(t, "reload")
	contains(t, u, d.page(t, u), "vim 保存。")
	ev.none(t, 150*time.Millisecond)
}

func TestServeSaveChmodOnly(t *testing.T) {
	// A mode change (or a touch) changes nothing a build reads: no rebuild
	// and no reload, which would lose the reader's place for nothing.
	d := newServe(t)
	u := d.pageURL(t, "r/01/01")
	ev := d.subscribe(t)
	logBefore := d.log.String()
	must(t, os.Chmod(d.path(page01), 0o600))
	now := time.Now()
	must(t, os.Chtimes(d.path(page01), now, now))
	ev.none(t, 300*time.Millisecond)
	if d.log.String() != logBefore {
		t.Errorf("rebuilt on a chmod:\n%s", d.log)
	}
	contains(t, u, d.page(t, u), "同比增长4.9%")
}

func TestServeBrokenEdit(t *testing.T) {
	d := newServe(t)
	u := d.pageURL(t, "r/01/01")
	ev := d.subscribe(t)
	d.write(t, page01, "+++\ntitle = \"经济运行稳步回升\"\nweight = \n+++\n坏的正文。\n")
	e := ev.want(t, "error")
	contains(t, "the error event", e.data, `"file":"content/r/01/01.md","line":3,"message":"invalid TOML`)
	// The last good page stays served, with the script that shows the error.
	contains(t, u, d.page(t, u), "同比增长4.9%", "/_reload.js")
	// A page opened now shows the error at once.
	e = d.subscribe(t).want(t, "error")
	contains(t, "the error event of a new page", e.data, `"line":3`)
	contains(t, "the log", d.log.String(), "content/r/01/01.md:3: invalid TOML", "still serving the last good site")

	d.write(t, page01, contentPage("经济运行稳步回升", 1, "修好了。"))
	ev.want(t, "reload")
	contains(t, u, d.page(t, u), "修好了。")
}

func TestServeFiles(t *testing.T) {
	src := t.TempDir()
	testsite.Write(t, src, serveSite)
	writeFile(t, src, "assets/图表/增长.svg", `<svg xmlns="http://www.w3.org/2000/svg"><text>增长</text></svg>`)
	d := startServe(t, src)
	var svg string
	must(t, filepath.WalkDir(d.dest, func(p string, de fs.DirEntry, err error) error {
		if err == nil && strings.HasPrefix(de.Name(), "增长.") {
			svg, _ = filepath.Rel(d.dest, p)
		}
		return err
	}))
	if svg == "" {
		t.Fatal("the Chinese-named asset was not published")
	}
	for path, want := range map[string]string{
		"/":                         "text/html; charset=utf-8",
		d.pageURL(t, "r/full"):      "text/html; charset=utf-8",
		"/sitemap.xml":              "application/xml; charset=utf-8",
		"/robots.txt":               "text/plain; charset=utf-8",
		"/" + filepath.ToSlash(svg): "image/svg+xml; charset=utf-8",
	} {
		res, b := d.get(t, path)
		if res.StatusCode != 200 || res.Header.Get("Content-Type") != want {
			t.Errorf("%s: %s %q, want 200 %q", path, res.Status, res.Header.Get("Content-Type"), want)
		}
		if strings.HasSuffix(path, ".svg") && !strings.Contains(b, "增长") {
			t.Errorf("%s: %q", path, b)
		}
	}
	res, b := d.get(t, "/r/no-such-page.html")
	if res.StatusCode != 404 {
		t.Errorf("unknown page: %s", res.Status)
	}
	want, err := os.ReadFile(filepath.Join(d.dest, "404.html"))
	must(t, err)
	if stripScript(b) != string(want) {
		t.Errorf("unknown page is not the site's 404.html plus the script:\n%s", b)
	}
	res, _ = d.get(t, "/%2e%2e/%2e%2e/etc/passwd")
	if res.StatusCode != 400 {
		t.Errorf("escape: %s", res.Status)
	}
}

func TestRunServeErrors(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	must(t, err)
	defer ln.Close()
	src := t.TempDir()
	testsite.Write(t, src, serveSite)
	var stdout, stderr bytes.Buffer
	if code := runServe([]string{"-source", src, "-addr", ln.Addr().String()}, &stdout, &stderr); code != 1 ||
		!strings.Contains(stderr.String(), "already in use") {
		t.Errorf("port taken: exit %d, stderr %q", code, stderr.String())
	}
	if _, err := os.Stat(filepath.Join(src, "public")); err == nil {
		t.Error("serve wrote the site's public/")
	}
	if code := runServe([]string{"-nope"}, &stdout, &stderr); code != 2 {
		t.Errorf("bad flag: exit %d", code)
	}
	if code := runServe([]string{"extra"}, &stdout, &stderr); code != 2 {
		t.Errorf("extra argument: exit %d", code)
	}
}

var injected = regexp.MustCompile(`<script src="/_reload.js" data-build="[^"]*"></script>\n`)

func stripScript(page string) string { return injected.ReplaceAllString(page, "") }

func openFDs() int {
	entries, err := os.ReadDir("/proc/self/fd")
	if err != nil {
		return -1
	}
	return len(entries)
}

// TestServeSoak makes 500 random edits in quick succession (valid and broken
// pages, creates, deletes, renames, new and removed directories, stylesheet
// edits, editor temporary files), repairs the broken pages, and then expects
// the served site to equal a fresh build of the final tree, file for file,
// with no goroutine or file descriptor left behind.
func TestServeSoak(t *testing.T) {
	if testing.Short() {
		t.Skip("soak test; skipped with -short")
	}
	seed := uint64(time.Now().UnixNano())
	t.Logf("seed %d", seed)
	rng := rand.New(rand.NewPCG(seed, 6))

	http.DefaultClient.CloseIdleConnections()
	goroutines, fds := runtime.NumGoroutine(), openFDs()
	src := t.TempDir()
	testsite.Write(t, src, serveSite)
	d := startServe(t, src)
	ev := d.subscribe(t)

	root := filepath.Join(src, "content", "r")
	n := 0
	name := func(prefix string) string { n++; return fmt.Sprintf("%s%03d", prefix, n) }
	// dirs and pages list what exists now under content/r.
	list := func() (dirs, pages []string) {
		filepath.WalkDir(root, func(p string, de fs.DirEntry, err error) error {
			if err != nil {
				return nil
			}
			switch {
			case de.IsDir():
				dirs = append(dirs, p)
			case strings.HasSuffix(p, ".md") && p != filepath.Join(root, "_index.md"):
				pages = append(pages, p)
			}
			return nil
		})
		return dirs, pages
	}
	pick := func(s []string) string { return s[rng.IntN(len(s))] }
	valid := func(p string) string {
		return contentPage("标题"+filepath.Base(p), rng.IntN(20), fmt.Sprintf("第%d次修改，增长%d.%d%%。", n, rng.IntN(20), rng.IntN(10)))
	}
	put := func(p, data string) {
		must(t, os.MkdirAll(filepath.Dir(p), 0o755))
		must(t, os.WriteFile(p, []byte(data), 0o644))
	}
	const broken = "+++\ntitle = \n+++\n坏的。\n"
	ops := map[string]int{}
	for range 500 {
		dirs, pages := list()
		op := rng.IntN(12)
		if len(pages) == 0 && (op < 6 || op == 11) { // these need a page
			op = 6
		}
		switch op {
		case 0, 1, 2: // edit a page
			p := pick(pages)
			put(p, valid(p))
			ops["edit"]++
		case 3: // break a page
			put(pick(pages), broken)
			ops["break"]++
		case 4: // delete a page
			os.Remove(pick(pages))
			ops["delete"]++
		case 5: // rename a page, maybe into another directory
			p := pick(pages)
			if filepath.Base(p) == "_index.md" {
				continue
			}
			os.Rename(p, filepath.Join(pick(dirs), name("p")+".md"))
			ops["rename"]++
		case 6, 7: // create a page
			put(filepath.Join(pick(dirs), name("p")+".md"), valid("新"))
			ops["create"]++
		case 8: // a new directory with a section index and a page
			dir := filepath.Join(pick(dirs), name("d"))
			put(filepath.Join(dir, "_index.md"), valid(dir))
			put(filepath.Join(dir, name("p")+".md"), valid("新"))
			ops["mkdir"]++
		case 9: // rename or remove a directory
			if len(dirs) < 2 {
				continue
			}
			dir := pick(dirs[1:])
			if rng.IntN(2) == 0 {
				os.Rename(dir, filepath.Join(filepath.Dir(dir), name("d")))
				ops["rename dir"]++
			} else {
				os.RemoveAll(dir)
				ops["remove dir"]++
			}
		case 10: // a stylesheet edit
			put(filepath.Join(src, "assets", "site.css"), fmt.Sprintf("body{color:#%06x}", rng.IntN(1<<24)))
			ops["css"]++
		case 11: // an editor's save through temporary files
			p := pick(pages)
			tmp := filepath.Join(filepath.Dir(p), ".#"+filepath.Base(p))
			put(tmp, "lock")
			put(p+"~", "backup")
			put(p+".tmp", valid(p))
			os.Rename(p+".tmp", p)
			os.Remove(p + "~")
			os.Remove(tmp)
			ops["temp save"]++
		}
		// Mostly bursts, with pauses long enough for a rebuild to start
		// now and then, so that edits also land during builds.
		switch r := rng.IntN(30); {
		case r < 3:
			time.Sleep(time.Duration(20+rng.IntN(40)) * time.Millisecond)
		case r < 13:
			time.Sleep(time.Duration(rng.IntN(5000)) * time.Microsecond)
		}
	}
	// Repair what is broken, so that the final tree builds.
	_, pages := list()
	for _, p := range pages {
		if b, _ := os.ReadFile(p); string(b) == broken {
			put(p, valid(p))
		}
	}
	t.Logf("operations: %v", ops)

	fresh := filepath.Join(t.TempDir(), "public")
	if _, err := site.Build(context.Background(), site.Options{Source: src, Dest: fresh}); err != nil {
		t.Fatalf("the final tree does not build: %v", content.Errors(err))
	}
	want := testsite.MustSnapshot(t, fresh)
	deadline := time.Now().Add(15 * time.Second)
	for {
		// A rebuild may swap the directory while it is being read: a
		// failed read is retried like a difference.
		got, err := testsite.Snapshot(d.dest)
		if err == nil && maps.Equal(got, want) {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("the served site never matched a fresh build: %s\nlog:\n%s", diffSites(got, want), d.log)
		}
		time.Sleep(20 * time.Millisecond)
	}
	// And over HTTP, every file, with the script taken out of pages.
	for name, data := range want {
		_, b := d.get(t, "/"+name)
		if strings.HasSuffix(name, ".html") {
			b = stripScript(b)
		}
		if b != data {
			t.Errorf("served /%s differs from a fresh build", name)
		}
	}
	builds := len(regexp.MustCompile(`(?m)^\d\d:\d\d:\d\d `).FindAllString(d.log.String(), -1))
	t.Logf("%d builds for 500 edits; %d events reached an open page", builds, len(ev.c))

	d.stop()
	http.DefaultClient.CloseIdleConnections()
	deadline = time.Now().Add(5 * time.Second)
	for (runtime.NumGoroutine() > goroutines+2 || openFDs() > fds+2) && time.Now().Before(deadline) {
		time.Sleep(20 * time.Millisecond)
	}
	// The event stream's reader goroutine ends with the test's cleanup; it
	// is the one allowed above.
	if g := runtime.NumGoroutine(); g > goroutines+2 {
		buf := make([]byte, 1<<20)
		t.Errorf("%d goroutines after stopping, %d before:\n%s", g, goroutines, buf[:runtime.Stack(buf, true)])
	}
	if f := openFDs(); f > fds+2 {
		t.Errorf("%d open files after stopping, %d before", f, fds)
	}
}

func diffSites(got, want map[string]string) string {
	var out []string
	for k, v := range want {
		if g, ok := got[k]; !ok {
			out = append(out, "missing "+k)
		} else if g != v {
			out = append(out, "differs "+k)
		}
	}
	for k := range got {
		if _, ok := want[k]; !ok {
			out = append(out, "extra "+k)
		}
	}
	slices.Sort(out)
	if len(out) > 20 {
		out = append(out[:20], fmt.Sprintf("and %d more", len(out)-20))
	}
	return strings.Join(out, "\n")
}

// BenchmarkEditToServed measures the time from writing a content file to the
// first HTTP response that carries the new text, on the committed site (or
// the small test site while content/ is empty) and on a generated corpus of
// 1,000 pages. Run it with -benchtime=20x for 20 edits; it reports the median
// and the maximum, and the time of a full build of each site. It asserts no
// timing.
//
//	go test -run '^$' -bench EditToServed -benchtime 20x .
func BenchmarkEditToServed(b *testing.B) {
	b.Run("committed", func(b *testing.B) {
		src := b.TempDir()
		if !copyCommittedSite(b, "..", src) {
			b.Log("../content has no pages yet: using the small test site")
			testsite.Write(b, src, serveSite)
		}
		benchEdits(b, src)
	})
	// The benchmark corpus of BENCHMARKS.md: 46 variations of the committed
	// report, about 1,000 pages.
	b.Run("corpus1000", func(b *testing.B) {
		src := filepath.Join(b.TempDir(), "site")
		tmpl := filepath.Join("..", "content", "2020-plan-report")
		if _, err := os.Stat(tmpl); err != nil {
			b.Skip("no committed report to vary")
		}
		if err := corpus.Write(src, corpus.Options{Reports: 46, Template: os.DirFS(tmpl), Place: "周村", Year: 2020}); err != nil {
			b.Fatal(err)
		}
		benchEdits(b, src)
	})
	// One report of 1,000 pages: every edit renders its full-text page.
	b.Run("onereport1000", func(b *testing.B) {
		src := b.TempDir()
		writeCorpus(b, src, 20, 50)
		benchEdits(b, src)
	})
}

// copyCommittedSite copies the site at dir (config.toml, content/, layouts/,
// assets/) to dst, and reports whether it has any content page.
func copyCommittedSite(b *testing.B, dir, dst string) bool {
	pages := 0
	for _, part := range []string{"config.toml", "content", "layouts", "assets"} {
		filepath.WalkDir(filepath.Join(dir, part), func(p string, de fs.DirEntry, err error) error {
			if err != nil || de.IsDir() {
				return nil
			}
			data, err := os.ReadFile(p)
			if err != nil {
				return nil
			}
			rel, _ := filepath.Rel(dir, p)
			writeFile(b, dst, filepath.ToSlash(rel), string(data))
			if part == "content" && strings.HasSuffix(p, ".md") {
				pages++
			}
			return nil
		})
	}
	return pages > 0
}

// writeCorpus writes a report of sections × pages pages of Chinese prose.
func writeCorpus(b *testing.B, dir string, sections, pages int) {
	archive := txtar.Parse([]byte(serveSite))
	for _, f := range archive.Files {
		if f.Name == "config.toml" || f.Name == "content/r/_index.md" {
			writeFile(b, dir, f.Name, string(f.Data))
		}
	}
	para := strings.Repeat("全区地区生产总值同比增长4.9%，增幅居全市第2位；固定资产投资同比增长13%。", 6)
	for s := 1; s <= sections; s++ {
		writeFile(b, dir, fmt.Sprintf("content/r/%02d/_index.md", s), contentPage(fmt.Sprintf("第%d部分", s), s, para))
		for p := 1; p <= pages; p++ {
			body := fmt.Sprintf("## 小标题\n\n%s\n\n%s\n", para, para)
			writeFile(b, dir, fmt.Sprintf("content/r/%02d/%02d.md", s, p), contentPage(fmt.Sprintf("第%d节", p), p, body))
		}
	}
}

func benchEdits(b *testing.B, src string) {
	start := time.Now()
	res, err := site.Build(context.Background(), site.Options{Source: src, Dest: filepath.Join(b.TempDir(), "public")})
	if err != nil {
		b.Fatalf("build: %v", content.Errors(err))
	}
	full := time.Since(start)
	d := startServe(b, src)
	// Edit the first page of the first section of the first report.
	var file string
	filepath.WalkDir(filepath.Join(src, "content"), func(p string, de fs.DirEntry, err error) error {
		if file == "" && err == nil && !de.IsDir() && strings.HasSuffix(p, ".md") && filepath.Base(p) != "_index.md" {
			file = p
		}
		return err
	})
	rel, _ := filepath.Rel(filepath.Join(src, "content"), file)
	url := d.pageURL(b, strings.TrimSuffix(filepath.ToSlash(rel), ".md"))
	orig, err := os.ReadFile(file)
	if err != nil {
		b.Fatal(err)
	}
	d.page(b, url)
	var lat []time.Duration
	b.ResetTimer()
	for i := range b.N {
		marker := fmt.Sprintf("编辑标记%d-%d", i, time.Now().UnixNano())
		t0 := time.Now()
		if err := os.WriteFile(file, append(slices.Clone(orig), "\n"+marker+"\n"...), 0o644); err != nil {
			b.Fatal(err)
		}
		for !strings.Contains(d.page(b, url), marker) {
			if time.Since(t0) > 30*time.Second {
				b.Fatalf("the edit never appeared:\n%s", d.log)
			}
			time.Sleep(500 * time.Microsecond)
		}
		lat = append(lat, time.Since(t0))
	}
	b.StopTimer()
	slices.Sort(lat)
	ms := func(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }
	b.ReportMetric(ms(lat[len(lat)/2]), "ms-median")
	b.ReportMetric(ms(lat[len(lat)-1]), "ms-max")
	b.ReportMetric(ms(full), "ms-fullbuild")
	b.ReportMetric(float64(res.Pages), "pages")
	b.ReportMetric(0, "ns/op")
}

// TestServeBrowser runs the live-reload script in Chromium: a stylesheet
// edit swaps the stylesheet without a reload, a page edit reloads at the same
// scroll position, a broken edit shows the overlay (also in a tab opened
// while the site is broken) over the last good page, and the fix clears it.
func TestServeBrowser(t *testing.T) {
	const chromium = "/usr/bin/chromium"
	if testing.Short() {
		t.Skip("browser test: skipped with -short")
	}
	if _, err := os.Stat(chromium); err != nil {
		t.Skipf("browser test: no %s", chromium)
	}
	src := t.TempDir()
	testsite.Write(t, src, serveSite)
	long := strings.Repeat("全区地区生产总值同比增长4.9%，增幅居全市第2位。\n\n", 300)
	writeFile(t, src, page01, contentPage("经济运行稳步回升", 1, long))
	d := startServe(t, src)
	u := d.url + d.pageURL(t, "r/01/01")

	profile := t.TempDir()
	alloc, cancelAlloc := chromedp.NewExecAllocator(context.Background(),
		chromedp.ExecPath(chromium), chromedp.Headless, chromedp.NoSandbox, chromedp.DisableGPU,
		chromedp.NoFirstRun, chromedp.UserDataDir(profile))
	t.Cleanup(cancelAlloc)
	browser, cancelBrowser := chromedp.NewContext(alloc)
	t.Cleanup(cancelBrowser)
	ctx, cancel := context.WithTimeout(browser, time.Minute)
	t.Cleanup(cancel)

	// until evaluates expr every 20ms until it is true, across reloads.
	until := func(ctx context.Context, what, expr string) {
		t.Helper()
		deadline := time.Now().Add(10 * time.Second)
		for {
			ok, err := chromedp.Run(ctx, chromedp.Evaluate[bool](expr))
			if err == nil && ok {
				return
			}
			if time.Now().After(deadline) {
				t.Fatalf("%s: %s is still not true (%v)", what, expr, err)
			}
			time.Sleep(20 * time.Millisecond)
		}
	}
	run := func(ctx context.Context, js string) {
		t.Helper()
		if _, err := chromedp.Run(ctx, chromedp.Evaluate[any](js)); err != nil {
			t.Fatalf("%s: %v", js, err)
		}
	}
	must(t, chromedp.Do(ctx, chromedp.EmulateViewport(1000, 700), chromedp.Navigate(u)))
	until(ctx, "live reload connected", `document.querySelector('script[src="/_reload.js"]') !== null`)
	time.Sleep(200 * time.Millisecond) // the event stream opens
	run(ctx, `window.scrollTo(0, 1500); window.notReloaded = true`)

	d.write(t, "assets/site.css", "body{background-color:#010203}\n")
	until(ctx, "stylesheet swapped", `getComputedStyle(document.body).backgroundColor === "rgb(1, 2, 3)"`)
	until(ctx, "no reload for a stylesheet", `window.notReloaded === true`)
	run(ctx, `window.scrollTo(0, 1500)`)

	d.write(t, page01, contentPage("经济运行稳步回升", 1, "浏览器看到的新正文。\n\n"+long))
	until(ctx, "reloaded with the edit", `window.notReloaded === undefined && document.body.textContent.includes("浏览器看到的新正文")`)
	until(ctx, "scroll position kept", `Math.abs(window.scrollY - 1500) < 5`)

	d.write(t, page01, "+++\ntitle = \"经济运行稳步回升\"\nweight = \n+++\n坏的。\n")
	overlay := `(document.getElementById("reportsite-build-errors") || {textContent: ""}).textContent`
	until(ctx, "overlay", overlay+`.includes("content/r/01/01.md:3")`)
	until(ctx, "last good page kept", `document.body.textContent.includes("浏览器看到的新正文")`)

	tab2, cancel2 := chromedp.NewContext(ctx)
	t.Cleanup(cancel2)
	must(t, chromedp.Do(tab2, chromedp.Navigate(d.url+"/")))
	until(tab2, "overlay in a tab opened while broken", overlay+`.includes("invalid TOML")`)

	d.write(t, page01, contentPage("经济运行稳步回升", 1, "修好了。"))
	for _, tab := range []context.Context{ctx, tab2} {
		until(tab, "overlay cleared by the fix", `document.getElementById("reportsite-build-errors") === null`)
	}
	until(ctx, "fixed page", `document.body.textContent.includes("修好了。")`)
}
