package serve

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"
)

func writeFiles(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, data := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

const page = "<!DOCTYPE html>\n<html><head><title>t</title></head>\n<body><p>正文</p></body>\n</html>\n"

// site is a small built site served by a Server's handler alone.
func site(t *testing.T) (*Server, string) {
	t.Helper()
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"index.html":                  page,
		"r/01/index.html":             page,
		"404.html":                    "<html><body>站点的404页</body></html>",
		"assets/site.0123abcd.css":    "body{color:red}",
		"assets/site.0123abcd.js":     "let a=1",
		"assets/favicon.12345678.svg": "<svg xmlns=\"http://www.w3.org/2000/svg\"/>",
		"sitemap.xml":                 "<?xml version=\"1.0\"?><urlset/>",
		"robots.txt":                  "User-agent: *\n",
		"附件/二〇二一年 计划.txt":             "中文文件名",
		"data.json":                   `{"a":1}`,
	})
	return New(Options{Dir: dir}), dir
}

func get(h http.Handler, method, target string) *http.Response {
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest(method, target, nil))
	return rec.Result()
}

func body(t *testing.T, res *http.Response) string {
	t.Helper()
	b, err := io.ReadAll(res.Body)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestContentTypes(t *testing.T) {
	s, _ := site(t)
	for target, want := range map[string]string{
		"/":                            "text/html; charset=utf-8",
		"/r/01/":                       "text/html; charset=utf-8",
		"/r/01/index.html":             "text/html; charset=utf-8",
		"/assets/site.0123abcd.css":    "text/css; charset=utf-8",
		"/assets/site.0123abcd.js":     "text/javascript; charset=utf-8",
		"/assets/favicon.12345678.svg": "image/svg+xml; charset=utf-8",
		"/sitemap.xml":                 "application/xml; charset=utf-8",
		"/robots.txt":                  "text/plain; charset=utf-8",
		"/data.json":                   "application/json; charset=utf-8",
		"/_reload.js":                  "text/javascript; charset=utf-8",
		"/missing":                     "text/html; charset=utf-8",
	} {
		res := get(s, "GET", target)
		if got := res.Header.Get("Content-Type"); got != want {
			t.Errorf("%s: Content-Type %q, want %q", target, got, want)
		}
	}
}

func TestScriptInjectedIntoResponsesOnly(t *testing.T) {
	s, dir := site(t)
	res := get(s, "GET", "/r/01/")
	got := body(t, res)
	want := strings.Replace(page, "</body>", `<script src="/_reload.js" data-build="`+s.buildID()+`"></script>`+"\n</body>", 1)
	if got != want {
		t.Errorf("served page:\n%s\nwant:\n%s", got, want)
	}
	if res.ContentLength != int64(len(want)) {
		t.Errorf("Content-Length %d, want %d", res.ContentLength, len(want))
	}
	disk, _ := os.ReadFile(filepath.Join(dir, "r/01/index.html"))
	if string(disk) != page {
		t.Error("the file on disk changed")
	}
	if b := body(t, get(s, "GET", "/assets/site.0123abcd.css")); b != "body{color:red}" {
		t.Errorf("a stylesheet was changed: %q", b)
	}
	if res := get(s, "HEAD", "/"); res.StatusCode != 200 || body(t, res) != "" || res.ContentLength <= int64(len(page)) {
		t.Errorf("HEAD: %d, length %d", res.StatusCode, res.ContentLength)
	}
}

func TestInject(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"<p>a</p></BODY></html>", "<p>a</p><script>\n</BODY></html>"},
		{"<p>a</body></p></body>", "<p>a</body></p><script>\n</body>"},
		{"<p>no body end", "<p>no body end<script>\n"},
		{"", "<script>\n"},
		{"</bod", "</bod<script>\n"},
	} {
		got := strings.Replace(string(inject([]byte(c.in), "x")), `<script src="/_reload.js" data-build="x"></script>`, "<script>", 1)
		if got != c.want {
			t.Errorf("inject(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestPathEscapes(t *testing.T) {
	outside := t.TempDir()
	writeFiles(t, outside, map[string]string{"secret.txt": "SECRET"})
	s, dir := site(t)
	if err := os.Symlink(filepath.Join(outside, "secret.txt"), filepath.Join(dir, "link.txt")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(outside, filepath.Join(dir, "linkdir")); err != nil {
		t.Fatal(err)
	}
	rel, _ := filepath.Rel(dir, filepath.Join(outside, "secret.txt"))
	for _, target := range []string{
		"/" + rel,
		"/../" + filepath.Base(outside) + "/secret.txt",
		"/%2e%2e/" + filepath.Base(outside) + "/secret.txt",
		"/..%2f" + filepath.Base(outside) + "%2fsecret.txt",
		"/r/%2E%2E/%2e%2e/" + filepath.Base(outside) + "/secret.txt",
		"/..%5c" + filepath.Base(outside) + "%5csecret.txt",
		"//" + filepath.Join(outside, "secret.txt"),
		"/" + filepath.Join(outside, "secret.txt"), // absolute path inside the URL path
		"/link.txt",
		"/linkdir/secret.txt",
		"/r/./01/",
		"/r//01/",
		"/%00",
	} {
		res := get(s, "GET", target)
		b := body(t, res)
		if strings.Contains(b, "SECRET") || res.StatusCode == 200 {
			t.Errorf("%s: status %d, body %q", target, res.StatusCode, b)
		}
	}
	// The same over a real connection, where no client cleans the path.
	srv := httptest.NewServer(s)
	t.Cleanup(srv.Close)
	for _, target := range []string{"/../" + filepath.Base(outside) + "/secret.txt", "/%2e%2e/%2e%2e/etc/passwd", "/..\\..\\etc\\passwd"} {
		conn, err := net.Dial("tcp", srv.Listener.Addr().String())
		if err != nil {
			t.Fatal(err)
		}
		fmt.Fprintf(conn, "GET %s HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", target)
		raw, _ := io.ReadAll(conn)
		conn.Close()
		if !strings.HasPrefix(string(raw), "HTTP/1.1 400") || strings.Contains(string(raw), "SECRET") {
			t.Errorf("raw %s: %.40q", target, raw)
		}
	}
}

func TestChineseFileNames(t *testing.T) {
	s, _ := site(t)
	srv := httptest.NewServer(s)
	t.Cleanup(srv.Close)
	res, err := http.Get(srv.URL + "/附件/二〇二一年 计划.txt") // the client percent-encodes it
	if err != nil {
		t.Fatal(err)
	}
	if b := body(t, res); res.StatusCode != 200 || b != "中文文件名" {
		t.Errorf("status %d, body %q", res.StatusCode, b)
	}
	res = get(s, "GET", "/%E9%99%84%E4%BB%B6/%E4%BA%8C%E3%80%87%E4%BA%8C%E4%B8%80%E5%B9%B4%20%E8%AE%A1%E5%88%92.txt")
	if res.StatusCode != 200 {
		t.Errorf("percent-encoded: status %d", res.StatusCode)
	}
}

func TestNotFound(t *testing.T) {
	s, dir := site(t)
	for _, target := range []string{"/missing", "/r/02/", "/r/01/index.html/", "/assets/site.0123abcd.css/"} {
		res := get(s, "GET", target)
		b := body(t, res)
		if res.StatusCode != 404 || !strings.Contains(b, "站点的404页") || !strings.Contains(b, "/_reload.js") {
			t.Errorf("%s: status %d, body %q", target, res.StatusCode, b)
		}
	}
	os.Remove(filepath.Join(dir, "404.html"))
	res := get(s, "GET", "/missing")
	if b := body(t, res); res.StatusCode != 404 || !strings.Contains(b, "404") || !strings.Contains(b, "/_reload.js") {
		t.Errorf("without 404.html: status %d, body %q", res.StatusCode, b)
	}
	// Before the first good build there is no directory at all: the page
	// still carries the script, so the overlay shows and a fix reloads it.
	os.RemoveAll(dir)
	res = get(s, "GET", "/")
	if b := body(t, res); res.StatusCode != 503 || !strings.Contains(b, "/_reload.js") {
		t.Errorf("not built: status %d, body %q", res.StatusCode, b)
	}
}

func TestDirectoryRedirect(t *testing.T) {
	s, _ := site(t)
	res := get(s, "GET", "/r/01?x=1")
	if res.StatusCode != http.StatusFound || res.Header.Get("Location") != "/r/01/?x=1" {
		t.Errorf("status %d, Location %q", res.StatusCode, res.Header.Get("Location"))
	}
	if res := get(s, "POST", "/"); res.StatusCode != http.StatusMethodNotAllowed {
		t.Errorf("POST: status %d", res.StatusCode)
	}
}

// stream is an open /_reload connection.
type stream struct {
	events chan sse
	close  func()
}

type sse struct{ name, data string }

func subscribe(t *testing.T, url, build string) *stream {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	req, _ := http.NewRequestWithContext(ctx, "GET", strings.TrimSuffix(url, "/")+"/_reload?build="+build, nil)
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		cancel()
		t.Fatal(err)
	}
	if ct := res.Header.Get("Content-Type"); ct != "text/event-stream; charset=utf-8" {
		t.Errorf("Content-Type %q", ct)
	}
	st := &stream{events: make(chan sse, 100)}
	done := make(chan struct{})
	go func() {
		defer close(done)
		defer close(st.events)
		sc := bufio.NewScanner(res.Body)
		var ev sse
		for sc.Scan() {
			line := sc.Text()
			switch {
			case strings.HasPrefix(line, "event: "):
				ev.name = line[len("event: "):]
			case strings.HasPrefix(line, "data: "):
				ev.data = line[len("data: "):]
			case line == "" && ev.name != "":
				st.events <- ev
				ev = sse{}
			}
		}
	}()
	st.close = func() {
		cancel()
		res.Body.Close()
		<-done
	}
	t.Cleanup(st.close)
	return st
}

func (st *stream) next(t *testing.T) sse {
	t.Helper()
	select {
	case ev, ok := <-st.events:
		if !ok {
			t.Fatal("event stream closed")
		}
		return ev
	case <-time.After(5 * time.Second):
		t.Fatal("no event within 5s")
		return sse{}
	}
}

func (st *stream) none(t *testing.T, d time.Duration) {
	t.Helper()
	select {
	case ev := <-st.events:
		t.Fatalf("unexpected event %+v", ev)
	case <-time.After(d):
	}
}

func TestEvents(t *testing.T) {
	s, _ := site(t)
	srv := httptest.NewServer(s)
	t.Cleanup(srv.Close)
	id := s.buildID()
	a := subscribe(t, srv.URL, id)
	a.none(t, 50*time.Millisecond) // up to date: nothing to say

	s.publish(event{name: "reload"})
	if ev := a.next(t); ev.name != "reload" || !strings.Contains(ev.data, s.buildID()) {
		t.Errorf("got %+v", ev)
	}
	s.publish(event{name: "css"})
	if ev := a.next(t); ev.name != "css" {
		t.Errorf("got %+v", ev)
	}
	// A page from an older build catches up when it connects.
	b := subscribe(t, srv.URL, id)
	if ev := b.next(t); ev.name != "reload" {
		t.Errorf("stale page got %+v", ev)
	}

	problems := []Problem{{File: "content/a.md", Line: 3, Message: "invalid TOML: 引号未闭合"}}
	s.publish(event{name: "error", problems: problems})
	for _, st := range []*stream{a, b} {
		ev := st.next(t)
		var got struct{ Problems []Problem }
		if err := json.Unmarshal([]byte(ev.data), &got); err != nil || ev.name != "error" || !slices.Equal(got.Problems, problems) {
			t.Errorf("got %+v (%v)", ev, err)
		}
	}
	// A page opened while the build is broken shows the error at once.
	c := subscribe(t, srv.URL, s.buildID())
	if ev := c.next(t); ev.name != "error" || !strings.Contains(ev.data, `"line":3`) {
		t.Errorf("new page got %+v", ev)
	}
	s.publish(event{name: "reload"})
	for _, st := range []*stream{a, b, c} {
		if ev := st.next(t); ev.name != "reload" {
			t.Errorf("after the fix got %+v", ev)
		}
	}
}

func TestSlowClientIsDropped(t *testing.T) {
	s, _ := site(t)
	srv := httptest.NewServer(s)
	t.Cleanup(srv.Close)
	st := subscribe(t, srv.URL, s.buildID())
	deadline := time.Now().Add(5 * time.Second)
	for {
		// The reader drains into a buffer of 100; far more events than the
		// backlog with nobody reading eventually drop the client.
		s.publish(event{name: "reload"})
		s.mu.Lock()
		n := len(s.clients)
		s.mu.Unlock()
		if n == 0 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("a client that does not read was never dropped")
		}
	}
	for range st.events {
	}
}

// fakeSite is a source tree whose "build" copies page.txt into index.html,
// publishing the way site.Build does: a new directory swapped in.
type fakeSite struct {
	src, dir string
	mu       sync.Mutex
	calls    [][]string
}

func (f *fakeSite) build(ctx context.Context, changed []string) Result {
	f.mu.Lock()
	f.calls = append(f.calls, changed)
	n := len(f.calls)
	f.mu.Unlock()
	b, err := os.ReadFile(filepath.Join(f.src, "page.txt"))
	if err != nil {
		return Result{Problems: []Problem{{Message: err.Error()}}}
	}
	if i := strings.Index(string(b), "BROKEN"); i >= 0 {
		return Result{Problems: []Problem{{File: "page.txt", Line: 1, Message: "the page says BROKEN"}}}
	}
	css, _ := os.ReadFile(filepath.Join(f.src, "assets/site.css"))
	next := fmt.Sprintf("%s.%d", f.dir, n)
	if err := os.MkdirAll(next, 0o755); err != nil {
		return Result{Problems: []Problem{{Message: err.Error()}}}
	}
	os.WriteFile(filepath.Join(next, "index.html"), []byte("<html><body>"+string(b)+"</body></html>"), 0o644)
	os.WriteFile(filepath.Join(next, "site.css"), css, 0o644)
	os.Rename(f.dir, f.dir+".old")
	os.Rename(next, f.dir)
	os.RemoveAll(f.dir + ".old")
	return Result{Summary: "1 page"}
}

func (f *fakeSite) changes() [][]string {
	f.mu.Lock()
	defer f.mu.Unlock()
	return slices.Clone(f.calls)
}

// running starts Run on a fake site and returns its URL; the server stops
// when the test ends, and must stop cleanly.
func running(t *testing.T, files map[string]string) (*fakeSite, string, *strings.Builder, func()) {
	t.Helper()
	f := &fakeSite{src: t.TempDir(), dir: filepath.Join(t.TempDir(), "public")}
	writeFiles(t, f.src, files)
	ctx, cancel := context.WithCancel(context.Background())
	ready := make(chan string, 1)
	var log strings.Builder
	var logMu sync.Mutex
	done := make(chan error, 1)
	go func() {
		done <- Run(ctx, Options{
			Dir: f.dir, Addr: "127.0.0.1:0", Root: f.src, Build: f.build,
			Log:   writerFunc(func(p []byte) (int, error) { logMu.Lock(); defer logMu.Unlock(); return log.Write(p) }),
			Ready: func(url string) { ready <- url },
		})
	}()
	var url string
	select {
	case url = <-ready:
	case err := <-done:
		t.Fatalf("Run: %v", err)
	}
	var once sync.Once
	stop := func() {
		once.Do(func() {
			cancel()
			select {
			case err := <-done:
				if err != nil {
					t.Errorf("Run: %v", err)
				}
			case <-time.After(5 * time.Second):
				t.Error("Run did not return within 5s of its context ending")
			}
		})
	}
	t.Cleanup(stop)
	return f, url, &log, stop
}

type writerFunc func([]byte) (int, error)

func (w writerFunc) Write(p []byte) (int, error) { return w(p) }

func fetch(t *testing.T, url string) string {
	t.Helper()
	res, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	return body(t, res)
}

func TestRunRebuilds(t *testing.T) {
	f, url, _, _ := running(t, map[string]string{"page.txt": "第一版", "assets/site.css": "a{}"})
	st := subscribe(t, url, "")
	if got := fetch(t, url); !strings.Contains(got, "第一版") {
		t.Fatalf("page %q", got)
	}
	writeFiles(t, f.src, map[string]string{"page.txt": "第二版"})
	if ev := st.next(t); ev.name != "reload" {
		t.Errorf("got %+v", ev)
	}
	if got := fetch(t, url); !strings.Contains(got, "第二版") {
		t.Errorf("page %q", got)
	}
	writeFiles(t, f.src, map[string]string{"assets/site.css": "b{}"})
	if ev := st.next(t); ev.name != "css" {
		t.Errorf("got %+v", ev)
	}
	// A broken edit keeps the last good page, and its fix reloads.
	writeFiles(t, f.src, map[string]string{"page.txt": "BROKEN"})
	if ev := st.next(t); ev.name != "error" || !strings.Contains(ev.data, `"file":"page.txt","line":1`) {
		t.Errorf("got %+v", ev)
	}
	if got := fetch(t, url); !strings.Contains(got, "第二版") {
		t.Errorf("after a broken edit the page is %q", got)
	}
	// A stylesheet edit while broken: still broken, still an error.
	writeFiles(t, f.src, map[string]string{"assets/site.css": "c{}"})
	if ev := st.next(t); ev.name != "error" {
		t.Errorf("got %+v", ev)
	}
	writeFiles(t, f.src, map[string]string{"page.txt": "第三版"})
	if ev := st.next(t); ev.name != "reload" {
		t.Errorf("after the fix got %+v", ev)
	}
	if got := fetch(t, url); !strings.Contains(got, "第三版") {
		t.Errorf("page %q", got)
	}
	calls := f.changes()
	want := [][]string{nil, {"page.txt"}, {"assets/site.css"}, {"page.txt"}, {"assets/site.css", "page.txt"}, {"assets/site.css", "page.txt"}}
	if fmt.Sprint(calls) != fmt.Sprint(want) || calls[0] != nil {
		t.Errorf("Build was given %q, want %q (changes since the last good build)", calls, want)
	}
}

func TestRunBurstIsOneBuild(t *testing.T) {
	files := map[string]string{"page.txt": "v1"}
	for i := range 50 {
		files[fmt.Sprintf("content/s%d/p%02d.md", i%5, i)] = "v1"
	}
	f, url, log, _ := running(t, files)
	st := subscribe(t, url, "")
	for name := range files {
		files[name] = "v2"
	}
	writeFiles(t, f.src, files)
	if ev := st.next(t); ev.name != "reload" {
		t.Errorf("got %+v", ev)
	}
	st.none(t, 200*time.Millisecond)
	calls := f.changes()
	if len(calls) != 2 || len(calls[1]) != 51 {
		t.Errorf("builds: %q, want the first build and one with all 51 files", calls)
	}
	if !strings.Contains(log.String(), "and 48 more: 1 page in") {
		t.Errorf("log:\n%s", log.String())
	}
}

func TestPortInUse(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	err = Run(context.Background(), Options{Dir: t.TempDir(), Addr: ln.Addr().String(),
		Build: func(context.Context, []string) Result { t.Error("built although it cannot serve"); return Result{} }})
	if err == nil || !strings.Contains(err.Error(), "already in use") || !strings.Contains(err.Error(), ln.Addr().String()) {
		t.Errorf("error %v", err)
	}
}

func TestShutdownLeavesNothing(t *testing.T) {
	before := runtime.NumGoroutine()
	t.Run("serve", func(t *testing.T) {
		_, url, _, stop := running(t, map[string]string{"page.txt": "x"})
		st := subscribe(t, url, "")
		fetch(t, url)
		start := time.Now()
		stop() // with the event stream still open
		if d := time.Since(start); d > time.Second {
			t.Errorf("stopping took %v", d)
		}
		for range st.events { // the server ended the stream
		}
	})
	http.DefaultClient.CloseIdleConnections()
	deadline := time.Now().Add(3 * time.Second)
	for runtime.NumGoroutine() > before && time.Now().Before(deadline) {
		time.Sleep(10 * time.Millisecond)
	}
	if n := runtime.NumGoroutine(); n > before {
		buf := make([]byte, 1<<16)
		t.Errorf("%d goroutines after shutdown, %d before:\n%s", n, before, buf[:runtime.Stack(buf, true)])
	}
}
