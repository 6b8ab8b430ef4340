// Package serve owns the development server: it builds the site, serves the
// output directory over HTTP, watches the sources, rebuilds after every change
// and tells every open page to update itself.
//
// Builds run one at a time. Changes that arrive during a build are collected
// and built next, so the last state of the files always wins. Build is given
// every path changed since the last build that succeeded (a superset of those
// since the previous call), or nil when that is unknown. A failed build leaves
// the last good site served.
//
// Live reload is Server-Sent Events on plain net/http, the open streams held
// on the Server. HTML responses (never the files on disk, which stay identical
// to "generator build" output) get one line before </body>:
//
//	<script src="/_reload.js" data-build="ID"></script>
//
// where ID names the build the page came from. The script opens
// /_reload?build=ID, which sends, as JSON in the data line:
//
//	event: reload  {"build": ID}             the site changed: reload, keeping the scroll position
//	event: css     {"build": ID}             only stylesheets changed: swap the <link>s, no reload
//	event: error   {"problems": [{"file", "line", "message"}]}
//	                                         the last build failed: show an overlay; the page stays
//
// On connect the stream first sends the current state: error if the last build
// failed (so a tab opened while the site is broken shows the overlay), reload
// if the page is older than the last good build. A client that falls too far
// behind is disconnected; it reconnects and catches up the same way.
//
// Inputs: Options (the output directory, what to watch, a Build function that
// main wires to site.Build). Outputs: HTTP responses and one terminal line per
// build. Imports: watch and the standard library; never site.
package serve

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log"
	"net"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"

	"reportsite/generator/watch"
)

// Options configures a Server. Dir and Build are required; the zero value of
// every other field is a sensible default.
type Options struct {
	// Dir is the directory served. Build must publish it atomically (a whole
	// new tree swapped in), so a request never sees a half-written site.
	Dir string
	// Addr is the address to listen on; 127.0.0.1:1313 when empty.
	Addr string
	// Root is the directory watched for changes; nothing is watched when
	// empty.
	Root string
	// Watch lists the slash-separated paths under Root to watch (directories
	// recursively); empty watches all of Root except "public".
	Watch []string
	// Build builds the site into Dir. changed lists the paths, relative to
	// Root, changed since the last successful build, or is nil for a full
	// build. It must return when ctx is done.
	Build func(ctx context.Context, changed []string) Result
	// Log receives the address and one line per build; nil discards it.
	Log io.Writer
	// Ready, if set, is called with the server's URL once it accepts
	// requests (tests use it with the address "127.0.0.1:0").
	Ready func(url string)
}

// Result is what one build reports to the server.
type Result struct {
	// Summary says what was built, e.g. "7 pages, 15 files"; it is printed
	// after each successful build.
	Summary string
	// Warnings are printed whenever they differ from the previous build's.
	Warnings []string
	// Problems say why the build failed; empty when it succeeded.
	Problems []Problem
}

// Problem is one reason a build failed.
type Problem struct {
	File    string `json:"file,omitempty"` // slash path relative to the site, if known
	Line    int    `json:"line,omitempty"` // 1-based; 0 when unknown
	Message string `json:"message"`
}

func (p Problem) String() string {
	switch {
	case p.File != "" && p.Line > 0:
		return fmt.Sprintf("%s:%d: %s", p.File, p.Line, p.Message)
	case p.File != "":
		return p.File + ": " + p.Message
	}
	return p.Message
}

// Server serves one site. Create it with New; it is an http.Handler, and Run
// adds the listener, the watcher and the rebuild loop.
type Server struct {
	opt   Options
	epoch string        // distinguishes this server's build IDs from a previous run's
	done  chan struct{} // closed when Run stops, to end the event streams

	mu       sync.Mutex
	gen      int // successful builds so far
	problems []Problem
	clients  map[*client]bool
	warnings []string
}

// New returns a Server for opt. It starts nothing: see Run.
func New(opt Options) *Server {
	if opt.Addr == "" {
		opt.Addr = "127.0.0.1:1313"
	}
	if opt.Log == nil {
		opt.Log = io.Discard
	}
	return &Server{
		opt:     opt,
		epoch:   strconv.FormatInt(time.Now().UnixNano(), 36),
		done:    make(chan struct{}),
		clients: map[*client]bool{},
	}
}

// Run builds, serves and rebuilds on change until ctx is done, then stops
// the watcher, closes every connection and returns nil. It returns an error if
// it cannot listen or watch.
func Run(ctx context.Context, opt Options) error {
	return New(opt).Run(ctx)
}

// Run serves until ctx is done; see the package function Run. A Server runs
// once.
func (s *Server) Run(ctx context.Context) error {
	ln, err := listen(s.opt.Addr)
	if err != nil {
		return err
	}
	defer ln.Close()
	var batches <-chan []string
	if s.opt.Root != "" {
		wopt := watch.Options{Root: s.opt.Root, Paths: s.opt.Watch}
		if len(wopt.Paths) == 0 {
			wopt.Exclude = []string{"public"}
		}
		// Watch before the first build, so that an edit made during it is
		// built next rather than lost.
		w, err := watch.New(wopt)
		if err != nil {
			return fmt.Errorf("watching %s: %w", s.opt.Root, err)
		}
		defer w.Close()
		batches = w.Batches()
	}

	var pending []string // changed since the last good build; nil = everything
	if s.build(ctx, nil, nil) {
		pending = []string{}
	}

	srv := &http.Server{
		Handler:           s,
		ReadHeaderTimeout: 10 * time.Second,
		ErrorLog:          log.New(s.opt.Log, "serve: ", 0),
	}
	served := make(chan error, 1)
	go func() { served <- srv.Serve(ln) }()
	s.announce(ln.Addr())

	var runErr error
loop:
	for {
		select {
		case <-ctx.Done():
			break loop
		case err := <-served:
			runErr = err
			served = nil
			break loop
		case batch, ok := <-batches:
			if !ok {
				break loop
			}
			if slices.Contains(batch, ".") {
				pending = nil // the watcher lost track: build everything
			} else if pending != nil {
				pending = merge(pending, batch)
			}
			if s.build(ctx, pending, batch) {
				pending = []string{}
			}
		}
	}
	close(s.done) // end the event streams, which never go idle by themselves
	shut, cancel := context.WithTimeout(context.Background(), 3*time.Second)
	defer cancel()
	if err := srv.Shutdown(shut); err != nil {
		srv.Close()
	}
	if served != nil {
		<-served
	}
	if runErr != nil && !errors.Is(runErr, http.ErrServerClosed) {
		return runErr
	}
	return nil
}

// build runs one build of changed (nil: everything), prints a line naming
// batch, the latest changes (nil for the first build), and tells the open
// pages. It reports whether the build succeeded.
func (s *Server) build(ctx context.Context, changed, batch []string) bool {
	start := time.Now()
	res := s.opt.Build(ctx, changed)
	took := time.Since(start)
	if ctx.Err() != nil {
		return false // stopping: the result does not matter
	}
	s.mu.Lock()
	if !slices.Equal(res.Warnings, s.warnings) {
		for _, w := range res.Warnings {
			fmt.Fprintln(s.opt.Log, "warning:", w)
		}
		s.warnings = res.Warnings
	}
	s.mu.Unlock()

	what := "built"
	if batch != nil {
		what = time.Now().Format("15:04:05") + " " + describe(batch)
	}
	if len(res.Problems) > 0 {
		s.mu.Lock()
		still := "still serving the last good site"
		if s.gen == 0 {
			still = "nothing to serve until it builds"
		}
		s.mu.Unlock()
		fmt.Fprintf(s.opt.Log, "%s: build failed in %v; %s:\n", what, round(took), still)
		for _, p := range res.Problems {
			fmt.Fprintln(s.opt.Log, "  "+p.String())
		}
		s.publish(event{name: "error", problems: res.Problems})
		return false
	}
	fmt.Fprintf(s.opt.Log, "%s: %s in %v\n", what, res.Summary, round(took))
	name := "reload"
	if changed != nil && onlyCSS(changed) {
		name = "css"
	}
	s.publish(event{name: name})
	return true
}

// describe names the changed paths for the terminal.
func describe(changed []string) string {
	const show = 3
	if slices.Contains(changed, ".") {
		return "many files (events were lost)"
	}
	s := strings.Join(changed[:min(show, len(changed))], ", ")
	if len(changed) > show {
		s += fmt.Sprintf(" and %d more", len(changed)-show)
	}
	return s
}

// onlyCSS reports whether every changed path is a stylesheet, so that open
// pages can swap their stylesheets instead of reloading.
func onlyCSS(changed []string) bool {
	for _, p := range changed {
		if !strings.HasSuffix(p, ".css") {
			return false
		}
	}
	return len(changed) > 0
}

func round(d time.Duration) time.Duration {
	if d < 10*time.Millisecond {
		return d.Round(100 * time.Microsecond)
	}
	return d.Round(time.Millisecond)
}

// merge returns the sorted union of a and b.
func merge(a, b []string) []string {
	out := append(slices.Clone(a), b...)
	slices.Sort(out)
	return slices.Compact(out)
}

// listen listens on addr, explaining the usual failure.
func listen(addr string) (net.Listener, error) {
	ln, err := net.Listen("tcp", addr)
	if errors.Is(err, syscall.EADDRINUSE) {
		return nil, fmt.Errorf("cannot listen on %s: the port is already in use (is another \"generator serve\" running?): stop that server or choose another port", addr)
	}
	if err != nil {
		return nil, fmt.Errorf("cannot listen on %s: %w", addr, err)
	}
	return ln, nil
}

// announce prints where to open the site, and a warning when the server can
// be reached from other machines.
func (s *Server) announce(a net.Addr) {
	tcp, _ := a.(*net.TCPAddr)
	if tcp == nil {
		return
	}
	port := strconv.Itoa(tcp.Port)
	local := "http://" + net.JoinHostPort(tcp.IP.String(), port) + "/"
	if tcp.IP.IsUnspecified() {
		local = "http://" + net.JoinHostPort("127.0.0.1", port) + "/"
	}
	fmt.Fprintf(s.opt.Log, "serving %s (Ctrl+C to stop)\n", local)
	if !tcp.IP.IsLoopback() {
		fmt.Fprintf(s.opt.Log, "warning: listening on %s: anyone who can reach this machine can read the site\n", s.opt.Addr)
		if tcp.IP.IsUnspecified() {
			addrs, _ := net.InterfaceAddrs()
			for _, ad := range addrs {
				if n, ok := ad.(*net.IPNet); ok && n.IP.To4() != nil && !n.IP.IsLoopback() {
					fmt.Fprintf(s.opt.Log, "  from a phone on the same network: http://%s/\n", net.JoinHostPort(n.IP.String(), port))
				}
			}
		}
	}
	if s.opt.Ready != nil {
		s.opt.Ready(local)
	}
}
