package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"runtime"

	"reportsite/generator/content"
	"reportsite/generator/serve"
	"reportsite/generator/site"
)

func runServe(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	fs.SetOutput(stderr)
	source := fs.String("source", ".", "site `directory` holding config.toml, content/, layouts/ and assets/")
	addr := fs.String("addr", "127.0.0.1:1313", "`address` to listen on (0.0.0.0:1313 to reach it from a phone)")
	drafts := fs.Bool("drafts", false, "include pages marked draft = true")
	open := fs.Bool("open", false, "open the site in the default browser")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: generator serve [-source DIR] [-addr ADDR] [-drafts] [-open]\n\n"+
			"Builds the site into a temporary directory, serves it, and rebuilds it and\n"+
			"reloads open pages whenever config.toml, content/, layouts/ or assets/ change.\n"+
			"The site's own public/ is left alone.")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if fs.NArg() > 0 {
		fs.Usage()
		return 2
	}
	tmp, err := os.MkdirTemp("", "reportsite-serve-")
	if err != nil {
		fmt.Fprintln(stderr, "generator serve:", err)
		return 1
	}
	defer os.RemoveAll(tmp)

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	opt := serveOptions(*source, filepath.Join(tmp, "public"), *drafts)
	opt.Addr, opt.Log = *addr, stdout
	if *open {
		opt.Ready = openBrowser
	}
	if err := serve.Run(ctx, opt); err != nil {
		fmt.Fprintln(stderr, "generator serve:", err)
		return 1
	}
	return 0
}

// serveOptions wires site.Build into the dev server: build source into dest,
// watching what a build reads.
func serveOptions(source, dest string, drafts bool) serve.Options {
	b := site.NewBuilder(site.Options{Source: source, Dest: dest, Drafts: drafts})
	proof := &proofCounter{source: source}
	return serve.Options{
		Dir:   dest,
		Root:  source,
		Watch: []string{"config.toml", "content", "layouts", "assets"}, // what a build reads
		Build: func(ctx context.Context, changed []string) serve.Result {
			res, err := b.Build(ctx, changed)
			// Proofreading is a warning, never an error: it is not shown
			// over the page.
			warns := res.Warnings
			if l := proofLine(proof.update(changed), source); l != "" {
				warns = append(warns[:len(warns):len(warns)], l)
			}
			return serve.Result{
				Summary:  fmt.Sprintf("%d pages (%d rendered), %d files", res.Pages, res.Rendered, res.Files),
				Warnings: warns,
				Problems: problems(err),
			}
		},
	}
}

// problems lists the errors of a build, with their positions where known.
func problems(err error) []serve.Problem {
	var out []serve.Problem
	for _, e := range content.Errors(err) {
		if ce, ok := e.(*content.Error); ok {
			out = append(out, serve.Problem{File: ce.Path, Line: ce.Line, Message: ce.Err.Error()})
			continue
		}
		out = append(out, serve.Problem{Message: e.Error()})
	}
	return out
}

// openBrowser opens url in the desktop's browser, if there is one.
func openBrowser(url string) {
	var cmd *exec.Cmd
	switch runtime.GOOS {
	case "darwin":
		cmd = exec.Command("open", url)
	case "windows":
		cmd = exec.Command("rundll32", "url.dll,FileProtocolHandler", url)
	default:
		cmd = exec.Command("xdg-open", url)
	}
	if cmd.Start() == nil {
		go cmd.Wait() // reap it; its outcome does not matter
	}
}
