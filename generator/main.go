package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"runtime/debug"
	"time"

	"reportsite/generator/check"
	"reportsite/generator/content"
	"reportsite/generator/site"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

const usage = `usage: generator <command> [flags]

commands:
  new      create a site: config.toml, content/, layouts/, assets/
  import   turn a raw government report into content/ Markdown
  build    build the site from content/, layouts/, assets/ into public/
  serve    build, serve on localhost and rebuild on every change
  check    build into a temporary directory and verify the result
  fix      correct half-width punctuation in Chinese text, apply recorded corrections
  corpus   write a benchmark source tree of N variations of a report

"generator <command> -h" documents each command's flags.
`

func run(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return 2
	}
	switch args[0] {
	case "build":
		return runBuild(args[1:], stdout, stderr)
	case "serve":
		return runServe(args[1:], stdout, stderr)
	case "import":
		return runImport(args[1:], stdout, stderr)
	case "corpus":
		return runCorpus(args[1:], stdout, stderr)
	case "check":
		return runCheck(args[1:], stdout, stderr)
	case "fix":
		return runFix(args[1:], stdout, stderr)
	case "new":
		return runNew(args[1:], stdout, stderr)
	case "-h", "-help", "--help", "help":
		fmt.Fprint(stdout, usage)
		return 0
	}
	fmt.Fprintf(stderr, "generator: unknown command %q\n%s", args[0], usage)
	return 2
}

func runBuild(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("build", flag.ContinueOnError)
	fs.SetOutput(stderr)
	source := fs.String("source", ".", "site `directory` holding config.toml, content/, layouts/ and assets/")
	dest := fs.String("dest", "", "output `directory` (default: public under the source)")
	drafts := fs.Bool("drafts", false, "include pages marked draft = true")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: generator build [-source DIR] [-dest DIR] [-drafts]\n\nBuilds the site into DIR atomically: a failed build leaves the previous output untouched.")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if fs.NArg() > 0 {
		fs.Usage()
		return 2
	}
	// A build streams pages, so its live heap is small (about 2 KB a page)
	// but it allocates a lot: collect garbage rarely (GOGC 400) up to a
	// soft memory limit sized for the site. GOGC and GOMEMLIMIT in the
	// environment override either.
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(400)
	}
	if os.Getenv("GOMEMLIMIT") == "" {
		files, _ := content.List(os.DirFS(filepath.Join(*source, "content")))
		debug.SetMemoryLimit(site.MemoryLimit(len(files)))
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	start := time.Now()
	// The proofreading count reads content/ beside the build.
	proof := make(chan int, 1)
	go func() { proof <- (&proofCounter{source: *source}).update(nil) }()
	res, err := site.Build(ctx, site.Options{Source: *source, Dest: *dest, Drafts: *drafts})
	for _, w := range res.Warnings {
		fmt.Fprintln(stderr, "warning:", w)
	}
	if err != nil {
		errs := content.Errors(err)
		for _, e := range errs {
			fmt.Fprintln(stderr, e)
		}
		fmt.Fprintf(stderr, "build failed: %d error(s); the previous output was left as it was\n", len(errs))
		return 1
	}
	out := *dest
	if out == "" {
		out = filepath.Join(*source, "public")
	}
	n := <-proof
	fmt.Fprintf(stdout, "built %s: %d pages, %d files in %v\n", out, res.Pages, res.Files, time.Since(start).Round(time.Millisecond))
	if l := proofLine(n, *source); l != "" {
		fmt.Fprintln(stderr, "warning:", l)
	}
	return 0
}

func runCheck(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("check", flag.ContinueOnError)
	fs.SetOutput(stderr)
	source := fs.String("source", ".", "site `directory`")
	strict := fs.Bool("strict", false, "treat warnings (an empty identity field in config.toml) as errors")
	drafts := fs.Bool("drafts", false, "include pages marked draft = true")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: generator check [-source DIR] [-strict]\n\nBuilds the site into a temporary directory and verifies it: links and fragments,\nindicators against their sentences, government page fields, well-formed HTML,\nand the importer's proofreading of content/. Exits 1 on any finding.")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return 2
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	res, err := check.Run(ctx, check.Options{Source: *source, Strict: *strict, Drafts: *drafts})
	for _, w := range res.Warnings {
		fmt.Fprintln(stderr, "warning:", w)
	}
	if err != nil {
		errs := content.Errors(err)
		for _, e := range errs {
			fmt.Fprintln(stderr, e)
		}
		fmt.Fprintf(stderr, "check: the site does not build: %d error(s)\n", len(errs))
		return 1
	}
	findings := res.Findings
	for _, f := range findings {
		fmt.Fprintln(stderr, f)
	}
	// Proofreading finds damage the source already had: warnings, never
	// errors, since the text must stay as the report prints it.
	for _, w := range res.Proofreading {
		fmt.Fprintln(stderr, "warning:", w)
	}
	if len(findings) > 0 {
		fmt.Fprintf(stderr, "check: %d finding(s); not safe to publish\n", len(findings))
		return 1
	}
	fmt.Fprintf(stdout, "check: the site builds and passes every check (%d proofreading warning(s) to review)\n", len(res.Proofreading))
	return 0
}
