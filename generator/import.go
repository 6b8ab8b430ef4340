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

Reads one raw government report (text copied from a web page or extracted
from a PDF, in UTF-8, UTF-16 or GB18030; a saved web page, .html, .htm or
.mht; a Word .docx) and writes it into the site in DIR as
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
	if *out != "" && *siteFlag != "" {
		fmt.Fprintln(stderr, "generator import: -o and -site exclude each other: -o writes a bare content section, -site a site's content/")
		return 2
	}
	siteDir, err := importSite(*out, *siteFlag)
	if err != nil {
		fmt.Fprintf(stderr, "generator import: %v\n", err)
		return 1
	}
	j := importJob{file: fs.Arg(0), out: *out, siteDir: siteDir, sets: sets, force: content.WriteOptions{Force: *force}}
	return j.run(stdout, stderr)
}

// importJob is one run of generator import.
type importJob struct {
	file    string // the report to import
	out     string // -o: a bare content section, or ""
	siteDir string // the site to import into ("" with -o)
	sets    metaSets
	force   content.WriteOptions
}

// run reads the report, imports it, proves the import and writes it; every
// error names its file and is printed to stderr, and then nothing is
// written.
func (j importJob) run(stdout, stderr io.Writer) int {
	fail := func(err error, hint string) int {
		for _, e := range content.Errors(err) {
			fmt.Fprintf(stderr, "generator import: %v\n", e)
		}
		if hint != "" {
			fmt.Fprintf(stderr, "generator import: nothing written: %s\n", hint)
		}
		return 1
	}
	// Read the report.
	src, meta, err := readSource(j.file)
	if err != nil {
		return fail(err, "")
	}
	start := time.Now()
	res, err := report.Import(j.file, src)
	if err != nil {
		return fail(err, "")
	}
	elapsed := time.Since(start)
	if keys := fillFromSource(j.file, res.Pages, meta); len(keys) > 0 {
		fmt.Fprintf(stderr, "generator import: from the file's metadata: %s\n", strings.Join(keys, ", "))
	}
	for _, w := range res.Warnings {
		fmt.Fprintln(stderr, w)
	}
	dest := j.out
	if dest == "" {
		dest = filepath.Join(j.siteDir, "content", res.Slug)
	}
	pages, corrected, err := j.pages(res, dest)
	if err != nil {
		return fail(err, "the report's corrections.toml could not be applied")
	}

	// The original the report was imported from, as it was (a .docx, not
	// the text read from it), is offered under 附件 as 原文.
	orig, err := os.ReadFile(j.file)
	if err == nil {
		err = content.CheckOriginal(dest, pages, j.file, orig, j.force)
	}
	if err != nil {
		return fail(err, "rerun with -force to replace it")
	}
	// The import is proved before it is written: the new pages, in a site
	// of their own with this site's config, layouts and assets, must build
	// and pass check's verification.
	proof, err := proveImport(j.siteDir, res.Slug, pages, j.file, orig)
	if err != nil {
		return fail(err, fmt.Sprintf("the imported report does not pass check; %s is unchanged", dest))
	}
	wr, err := content.Write(dest, pages, j.force)
	if errors.Is(err, content.ErrDiffers) || errors.Is(err, content.ErrStale) {
		return fail(err, fmt.Sprintf("%s holds files that differ from this import; rerun with -force to overwrite them", dest))
	}
	if err == nil {
		err = content.AttachOriginal(dest, pages, j.file, orig, j.force)
	}
	if err != nil {
		return fail(err, "")
	}
	for _, p := range wr.Removed {
		fmt.Fprintf(stderr, "generator import: removed stale %s\n", filepath.Join(dest, filepath.FromSlash(p)))
	}
	s := res.Stats
	fmt.Fprintf(stdout, "%s → %s: %d parts, %d subsections, %d items, %d bullets; %d files (%d written, %d unchanged); %d warnings; %d dropped lines; %d characters checked; %s, %v\n",
		j.file, dest, s.Parts, s.Subsections, s.Items+s.SubItems, s.Bullets,
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
	nextSteps(stdout, dest, j.siteDir, pages, proof)
	return 0
}

// pages makes the import's pages as they will be written into dest: the
// -set keys applied, paths relative to dest, the recorded corrections of a
// report whose folder holds them applied (fix, then the hand corrections,
// before the figures are read), and each page's figures as its indicators.
func (j importJob) pages(res *report.Result, dest string) ([]*content.Page, int, error) {
	j.sets.apply(res.Pages)
	// The pages' paths start with the slug; in dest they are relative to it.
	pages := make([]*content.Page, len(res.Pages))
	for i, p := range res.Pages {
		q := *p
		q.Path = strings.TrimPrefix(p.Path, res.Slug+"/")
		pages[i] = &q
	}
	pages, corrected, err := correctPages(dest, pages)
	if err != nil {
		return nil, 0, err
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
	return pages, corrected, nil
}
