package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"reportsite/generator/content"
	"reportsite/generator/indicator"
	"reportsite/generator/report"
)

// runImport is "generator import [-site DIR | -o DIR] [-set KEY=VALUE]…
// [-force] FILE": it reads one raw report, applies the report folder's
// recorded corrections if it has any, proves the pages pass check, and
// writes them as a section of the site's content/ (or of -o). Proofreading
// warnings go to stderr as FILE:LINE:COL, a summary and the next steps to
// stdout. It returns 0 on success (with or without warnings), 1 if the file
// cannot be imported, proved or written, 2 for a usage error.
func runImport(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("import", flag.ContinueOnError)
	fs.SetOutput(stderr)
	out := fs.String("o", "", "write the report's section into `DIR`, a bare content section (default: content/<slug> of the site)")
	siteFlag := fs.String("site", "", "the site `directory` to import into (default: the current directory, which must hold config.toml)")
	var sets metaSets
	fs.Var(&sets, "set", "set a [report] `KEY=VALUE` of the report's _index.md that the text does not state (repeatable): "+strings.Join(reportFields, ", "))
	force := fs.Bool("force", false, "overwrite files that differ from what import writes (hand edits), and remove stale pages")
	fs.Usage = func() {
		fmt.Fprint(stderr, `usage: generator import [-site DIR | -o DIR] [-set KEY=VALUE]… [-force] FILE

Reads one raw government report (UTF-8 or GB18030 text copied from a web page
or extracted from a PDF) and writes it into the site in DIR as
content/<year>-<kind>/: the report's _index.md, a folder per part (一、), a
page per subsection (（一）). The text is not corrected: damage is reported as
proofreading warnings, and "generator fix" corrects the punctuation. When the
report's folder holds a corrections.toml, the import applies fix and the
recorded corrections. Before writing, import builds the new pages and runs
check's verification on them; if that fails, nothing is written. Importing
the same file again changes nothing; import refuses to overwrite hand edits
unless -force is given. Then it prints what is left to do.

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
	if *out != "" && *siteFlag != "" {
		fmt.Fprintln(stderr, "generator import: -o and -site exclude each other: -o writes a bare content section, -site a site's content/")
		return 2
	}
	siteDir, err := importSite(*out, *siteFlag)
	if err != nil {
		fmt.Fprintf(stderr, "generator import: %v\n", err)
		return 1
	}
	// Read the report.
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

	dest := *out
	if dest == "" {
		dest = filepath.Join(siteDir, "content", res.Slug)
	}
	sets.apply(res.Pages)
	// The pages' paths start with the slug; in dest they are relative to it.
	pages := make([]*content.Page, len(res.Pages))
	for i, p := range res.Pages {
		q := *p
		q.Path = strings.TrimPrefix(p.Path, res.Slug+"/")
		pages[i] = &q
	}
	// A report whose folder records hand corrections is imported as it was
	// edited: fixed, then corrected, before its figures are read.
	pages, corrected, err := correctPages(dest, pages)
	if err != nil {
		for _, e := range content.Errors(err) {
			fmt.Fprintf(stderr, "generator import: %v\n", e)
		}
		fmt.Fprintf(stderr, "generator import: nothing written\n")
		return 1
	}

	// The figures each page states become its indicators (cards, checked by
	// every build); the front matter is their source of truth from now on.
	year := 0
	for _, p := range pages {
		if p.Meta.Report != nil {
			year = p.Meta.Report.Year
		}
	}
	indicator.Annotate(pages, year)

	// The import is proved before it is written: the new pages, in a site
	// of their own with this site's config, layouts and assets, must build
	// and pass check's verification.
	// The original the report was imported from, as it was (a .docx or
	// .html, not the text read from it), is offered under 附件 as 原文.
	orig, err := os.ReadFile(file)
	if err == nil {
		err = content.CheckOriginal(dest, pages, file, orig, content.WriteOptions{Force: *force})
	}
	if err != nil {
		fmt.Fprintf(stderr, "generator import: %v\n", err)
		if errors.Is(err, content.ErrDiffers) {
			fmt.Fprintf(stderr, "generator import: nothing written: rerun with -force to replace it\n")
		}
		return 1
	}
	proof, err := proveImport(siteDir, res.Slug, pages, file, orig)
	if err != nil {
		for _, e := range content.Errors(err) {
			fmt.Fprintf(stderr, "generator import: %v\n", e)
		}
		fmt.Fprintf(stderr, "generator import: nothing written: the imported report does not pass check; %s is unchanged\n", dest)
		return 1
	}

	wr, err := content.Write(dest, pages, content.WriteOptions{Force: *force})
	if err != nil {
		for _, e := range content.Errors(err) {
			fmt.Fprintf(stderr, "generator import: %v\n", e)
		}
		if errors.Is(err, content.ErrDiffers) || errors.Is(err, content.ErrStale) {
			fmt.Fprintf(stderr, "generator import: nothing written: %s holds files that differ from this import; rerun with -force to overwrite them\n", dest)
		}
		return 1
	}
	if err := content.AttachOriginal(dest, pages, file, orig, content.WriteOptions{Force: *force}); err != nil {
		fmt.Fprintf(stderr, "generator import: %v\n", err)
		return 1
	}
	for _, p := range wr.Removed {
		fmt.Fprintf(stderr, "generator import: removed stale %s\n", filepath.Join(dest, filepath.FromSlash(p)))
	}
	s := res.Stats
	fmt.Fprintf(stdout, "%s → %s: %d parts, %d subsections, %d items, %d bullets; %d files (%d written, %d unchanged); %d warnings; %d dropped lines; %d characters checked; %s, %v\n",
		file, dest, s.Parts, s.Subsections, s.Items+s.SubItems, s.Bullets,
		len(pages), len(wr.Written), len(wr.Unchanged), len(res.Warnings), len(res.Dropped), s.Compared,
		res.Encoding, elapsed.Round(time.Millisecond))
	if d := res.DroppedSummary(); d != "" {
		fmt.Fprintf(stdout, "dropped as page furniture or appendix: %s\n", d)
	}
	if meta.dropped != "" {
		fmt.Fprintf(stdout, "dropped from the page: %s\n", meta.dropped)
	}
	if corrected > 0 {
		fmt.Fprintf(stdout, "applied generator fix and the %d recorded correction(s) of %s\n", corrected, filepath.Join(dest, report.CorrectionsFile))
	}
	nextSteps(stdout, dest, siteDir, pages, proof)
	return 0
}
