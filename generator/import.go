package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"time"

	"reportsite/generator/content"
	"reportsite/generator/indicator"
	"reportsite/generator/report"
)

// runImport is "generator import [-o DIR] [-force] FILE": it reads one raw
// report and writes it as a section of content/. Proofreading warnings go to
// stderr as FILE:LINE:COL, a summary to stdout. It returns 0 on success (with
// or without warnings), 1 if the file cannot be imported or written, 2 for a
// usage error.
func runImport(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("import", flag.ContinueOnError)
	fs.SetOutput(stderr)
	out := fs.String("o", "", "write the report's section into `DIR` (default: content/<slug>)")
	force := fs.Bool("force", false, "overwrite files that differ from what import writes (hand edits), and remove stale pages")
	fs.Usage = func() {
		fmt.Fprint(stderr, `usage: generator import [-o DIR] [-force] FILE

Reads one raw government report (UTF-8 or GB18030 text copied from a web page
or extracted from a PDF) and writes it as a section of content/: the report's
_index.md, a folder per part (一、), a page per subsection (（一）). The text is
never corrected: damage is reported as proofreading warnings. Importing the
same file again changes nothing; import refuses to overwrite hand edits
unless -force is given.

`)
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	if fs.NArg() != 1 {
		fs.Usage()
		return 2
	}
	file := fs.Arg(0)
	src, meta, err := readSource(file)
	if err != nil {
		fmt.Fprintf(stderr, "generator import: %v\n", err)
		return 1
	}
	start := time.Now()
	res, err := report.Import(file, src)
	if err != nil {
		fmt.Fprintf(stderr, "generator import: %v\n", err)
		return 1
	}
	elapsed := time.Since(start)
	if keys := fillFromSource(file, res.Pages, meta); len(keys) > 0 {
		fmt.Fprintf(stderr, "generator import: from the file's metadata: %s\n", strings.Join(keys, ", "))
	}
	for _, w := range res.Warnings {
		fmt.Fprintln(stderr, w)
	}

	// The figures each page states become its indicators (cards, checked by
	// every build); the front matter is their source of truth from now on.
	year := 0
	for _, p := range res.Pages {
		if p.Meta.Report != nil {
			year = p.Meta.Report.Year
		}
	}
	indicator.Annotate(res.Pages, year)

	dir := *out
	if dir == "" {
		dir = filepath.Join("content", res.Slug)
	}
	// The pages' paths start with the slug; under -o they are relative to DIR.
	pages := make([]*content.Page, len(res.Pages))
	for i, p := range res.Pages {
		q := *p
		q.Path = strings.TrimPrefix(p.Path, res.Slug+"/")
		pages[i] = &q
	}
	wr, err := content.Write(dir, pages, content.WriteOptions{Force: *force})
	if err != nil {
		for _, e := range content.Errors(err) {
			fmt.Fprintf(stderr, "generator import: %v\n", e)
		}
		if errors.Is(err, content.ErrDiffers) || errors.Is(err, content.ErrStale) {
			fmt.Fprintf(stderr, "generator import: nothing written: %s holds files that differ from this import; rerun with -force to overwrite them\n", dir)
		}
		return 1
	}
	for _, p := range wr.Removed {
		fmt.Fprintf(stderr, "generator import: removed stale %s\n", filepath.Join(dir, filepath.FromSlash(p)))
	}
	s := res.Stats
	fmt.Fprintf(stdout, "%s → %s: %d parts, %d subsections, %d items, %d bullets; %d files (%d written, %d unchanged); %d warnings; %d dropped lines; %d characters checked; %s, %v\n",
		file, dir, s.Parts, s.Subsections, s.Items+s.SubItems, s.Bullets,
		len(pages), len(wr.Written), len(wr.Unchanged), len(res.Warnings), len(res.Dropped), s.Compared,
		res.Encoding, elapsed.Round(time.Millisecond))
	return 0
}
