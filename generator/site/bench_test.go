package site

import (
	"context"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"strings"
	"sync"
	"syscall"
	"testing"

	"reportsite/generator/content"
	"reportsite/generator/corpus"
	"reportsite/generator/markdown"
	"reportsite/generator/publish"
)

// The benchmark corpora: variations of the committed seed report (about 22
// pages each) at about 100, 1,000 and 10,000 pages. Run one size with
// -bench 'Build/pages=1000$'. BENCHMARKS.md gives the commands and figures.
var corpusSizes = []struct {
	name    string
	reports int
}{
	{"pages=100", 5}, {"pages=1000", 46}, {"pages=10000", 455},
}

// corpusDir writes (once per process and size) a benchmark corpus.
var corpusDirs sync.Map

func corpusDir(b *testing.B, reports int) string {
	b.Helper()
	if d, ok := corpusDirs.Load(reports); ok {
		return d.(string)
	}
	tmpl := filepath.Join("..", "..", "content", "2020-plan-report")
	if _, err := os.Stat(tmpl); err != nil {
		b.Skip("no committed seed report to vary:", err)
	}
	dir, err := os.MkdirTemp("", fmt.Sprintf("reportsite-corpus-%d-", reports))
	if err != nil {
		b.Fatal(err)
	}
	if err := corpus.Write(dir, corpus.Options{Reports: reports, Template: os.DirFS(tmpl), Place: "周村", Year: 2020}); err != nil {
		b.Fatal(err)
	}
	// Flush the corpus to disk now, so that its write-back does not run
	// during the first benchmark that reads it.
	syscall.Sync()
	corpusDirs.Store(reports, dir)
	return dir
}

// TestMain removes the benchmark corpora, which outlive one benchmark so
// that every size is written once per process.
func TestMain(m *testing.M) {
	code := m.Run()
	corpusDirs.Range(func(_, dir any) bool {
		os.RemoveAll(dir.(string))
		return true
	})
	os.Exit(code)
}

func countPages(b *testing.B, dir string) int {
	n := 0
	filepath.WalkDir(filepath.Join(dir, "content"), func(p string, d fs.DirEntry, err error) error {
		if err == nil && strings.HasSuffix(p, ".md") {
			n++
		}
		return nil
	})
	return n
}

func reportPerPage(b *testing.B, pages int) {
	ns := float64(b.Elapsed().Nanoseconds()) / float64(b.N*pages)
	b.ReportMetric(ns, "ns/page")
	b.ReportMetric(1e9/ns, "pages/s")
}

// BenchmarkBuild is a full build to a temporary directory, everything
// included: load, Markdown, outline, layouts, assets, sitemap, atomic publish.
// It measures the steady state of a publisher who builds the same site again
// and again: two untimed builds first fill the destination and the
// publisher's spare directory, whose files later builds overwrite. (The very
// first build into an empty directory also creates every file; on the
// development machine's disk that adds about 0.6 ms a file.)
func BenchmarkBuild(b *testing.B) {
	b.Run("site=committed", func(b *testing.B) {
		root := filepath.Join("..", "..")
		benchBuild(b, root, countPages(b, root))
	})
	for _, size := range corpusSizes {
		b.Run(size.name, func(b *testing.B) {
			dir := corpusDir(b, size.reports)
			benchBuild(b, dir, countPages(b, dir))
		})
	}
}

// gcAsBuild sets the garbage collector as generator build does for a site
// of n content files, until the benchmark ends. The floor runs with the same
// settings, so that the ratio compares work and not collector settings.
func gcAsBuild(b *testing.B, n int) {
	old := debug.SetGCPercent(400)
	oldLimit := debug.SetMemoryLimit(MemoryLimit(n))
	b.Cleanup(func() {
		debug.SetGCPercent(old)
		debug.SetMemoryLimit(oldLimit)
	})
}

func benchBuild(b *testing.B, src string, pages int) {
	gcAsBuild(b, pages)
	dest := filepath.Join(b.TempDir(), "public")
	build := func() {
		if _, err := Build(context.Background(), Options{Source: src, Dest: dest}); err != nil {
			b.Fatal(err)
		}
	}
	build()
	build()
	b.ReportAllocs()
	b.ResetTimer()
	for range b.N {
		build()
	}
	reportPerPage(b, pages)
}

// BenchmarkMarkdownFloor reads the same files and converts them with the same
// Markdown converter, writing each out with a trivial template, on all
// cores: the floor that no goldmark-based build can beat. Like
// BenchmarkBuild, it writes over the files of an untimed first pass, and in
// the same way as the publisher (publish.Overwrite), so that the ratio
// compares the work done and not the way files are written.
func BenchmarkMarkdownFloor(b *testing.B) {
	for _, size := range corpusSizes {
		b.Run(size.name, func(b *testing.B) {
			dir := corpusDir(b, size.reports)
			var files []string
			filepath.WalkDir(filepath.Join(dir, "content"), func(p string, d fs.DirEntry, err error) error {
				if err == nil && strings.HasSuffix(p, ".md") {
					files = append(files, p)
				}
				return nil
			})
			gcAsBuild(b, len(files))
			out := b.TempDir()
			md := markdown.New()
			pass := func() {
				work := make(chan int)
				var wg sync.WaitGroup
				for range runtime.GOMAXPROCS(0) {
					wg.Add(1)
					go func() {
						defer wg.Done()
						for i := range work {
							src, err := os.ReadFile(files[i])
							if err != nil {
								b.Error(err)
								continue
							}
							pg, err := content.Parse(files[i], src)
							if err != nil {
								b.Error(err)
								continue
							}
							r, err := md.Convert(pg.Body, markdown.Options{})
							if err != nil {
								b.Error(err)
								continue
							}
							page := "<!DOCTYPE html><title>" + pg.Meta.Title + "</title>" + string(r.HTML)
							if err := publish.Overwrite(filepath.Join(out, fmt.Sprintf("%d.html", i)), []byte(page), 0o644); err != nil {
								b.Error(err)
							}
						}
					}()
				}
				for i := range files {
					work <- i
				}
				close(work)
				wg.Wait()
			}
			pass()
			b.ReportAllocs()
			b.ResetTimer()
			for range b.N {
				pass()
			}
			reportPerPage(b, len(files))
		})
	}
}

// BenchmarkRebuildOne edits one content file and rebuilds incrementally, as
// the dev server does.
func BenchmarkRebuildOne(b *testing.B) {
	for _, size := range corpusSizes {
		b.Run(size.name, func(b *testing.B) {
			dir := corpusDir(b, size.reports)
			dest := filepath.Join(b.TempDir(), "public")
			bl := NewBuilder(Options{Source: dir, Dest: dest})
			if _, err := bl.Build(context.Background(), nil); err != nil {
				b.Fatal(err)
			}
			page := filepath.Join(dir, "content", "r00001", "01", "01.md")
			orig, err := os.ReadFile(page)
			if err != nil {
				b.Fatal(err)
			}
			defer os.WriteFile(page, orig, 0o644)
			changed := []string{"content/r00001/01/01.md"}
			// Two warm-up rebuilds: the first one after a full build copies
			// every file into the publisher's spare directory.
			for i := range 2 {
				os.WriteFile(page, append(append([]byte(nil), orig...), fmt.Sprintf("\n预热%d。\n", i)...), 0o644)
				if _, err := bl.Build(context.Background(), changed); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportAllocs()
			b.ResetTimer()
			for i := range b.N {
				edited := append(append([]byte(nil), orig...), []byte(fmt.Sprintf("\n第%d次修改。\n", i))...)
				if err := os.WriteFile(page, edited, 0o644); err != nil {
					b.Fatal(err)
				}
				res, err := bl.Build(context.Background(), changed)
				if err != nil {
					b.Fatal(err)
				}
				if res.Rendered != 2 {
					b.Fatalf("rendered %d pages, want 2 (the page and the full text)", res.Rendered)
				}
			}
		})
	}
}
