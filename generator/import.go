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
	"reportsite/generator/importer"
	"reportsite/generator/report/fix"
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
	fs.Var(&sets, "set", "set a [report] `KEY=VALUE` of the report's _index.md that the text does not state (repeatable): "+strings.Join(importer.SetKeys, ", "))
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
	data, err := os.ReadFile(j.file)
	if err != nil {
		return importFailed(stderr, err, "")
	}
	start := time.Now()
	res, err := importer.Import(j.file, data, importer.Options{Set: j.sets, Dest: j.dest, ReadFile: os.ReadFile})
	elapsed := time.Since(start)
	if res == nil {
		return importFailed(stderr, err, "")
	}
	if len(res.Filled) > 0 {
		fmt.Fprintf(stderr, "generator import: from the file's metadata: %s\n", strings.Join(res.Filled, ", "))
	}
	for _, w := range res.Warnings {
		fmt.Fprintln(stderr, w)
	}
	if err != nil {
		return importFailed(stderr, err, "the report's corrections.toml could not be applied")
	}
	dest, pages := res.Dest, res.Pages
	// The original the report was imported from, as it was (a .docx, not
	// the text read from it), is offered under 附件 as 原文.
	if err := content.CheckOriginal(dest, pages, j.file, data, j.force); err != nil {
		return importFailed(stderr, err, "rerun with -force to replace it")
	}
	// The import is proved before it is written: the new pages, in a site
	// of their own with this site's config, layouts and assets, must build
	// and pass check's verification.
	proof, err := proveImport(j.siteDir, res.Slug, pages, j.file, data)
	if err != nil {
		return importFailed(stderr, err, fmt.Sprintf("the imported report does not pass check; %s is unchanged", dest))
	}
	wr, err := content.Write(dest, pages, j.force)
	if errors.Is(err, content.ErrDiffers) || errors.Is(err, content.ErrStale) {
		return importFailed(stderr, err, fmt.Sprintf("%s holds files that differ from this import; rerun with -force to overwrite them", dest))
	}
	if err == nil {
		err = content.AttachOriginal(dest, pages, j.file, data, j.force)
	}
	if err != nil {
		return importFailed(stderr, err, "")
	}
	for _, p := range wr.Removed {
		fmt.Fprintf(stderr, "generator import: removed stale %s\n", filepath.Join(dest, filepath.FromSlash(p)))
	}
	j.summary(stdout, res, wr, elapsed)
	nextSteps(stdout, dest, j.siteDir, pages, proof)
	return 0
}

// dest is the folder the report's section is written to: -o, or the
// slug's section of the site's content/.
func (j importJob) dest(slug string) string {
	if j.out != "" {
		return j.out
	}
	return filepath.Join(j.siteDir, "content", slug)
}

// importFailed prints err, one line per file position, and the hint why
// nothing was written; it returns the exit code 1.
func importFailed(stderr io.Writer, err error, hint string) int {
	for _, e := range content.Errors(err) {
		fmt.Fprintf(stderr, "generator import: %v\n", e)
	}
	if hint != "" {
		fmt.Fprintf(stderr, "generator import: nothing written: %s\n", hint)
	}
	return 1
}

// summary prints what the import found and wrote.
func (j importJob) summary(stdout io.Writer, res *importer.Result, wr content.WriteResult, elapsed time.Duration) {
	s := res.Stats
	fmt.Fprintf(stdout, "%s → %s: %d parts, %d subsections, %d items, %d bullets; %d files (%d written, %d unchanged); %d warnings; %d dropped lines; %d characters checked; %s, %v\n",
		j.file, res.Dest, s.Parts, s.Subsections, s.Items+s.SubItems, s.Bullets,
		len(res.Pages), len(wr.Written), len(wr.Unchanged), len(res.Warnings), len(res.Dropped), s.Compared,
		res.Encoding, elapsed.Round(time.Millisecond))
	if d := res.DroppedSummary(); d != "" {
		fmt.Fprintf(stdout, "dropped as page furniture or appendix: %s\n", d)
	}
	if res.SourceDropped != "" {
		fmt.Fprintf(stdout, "dropped from the page: %s\n", res.SourceDropped)
	}
	if res.Corrected > 0 {
		fmt.Fprintf(stdout, "applied generator fix and the %d recorded correction(s) of %s\n", res.Corrected, filepath.Join(res.Dest, fix.CorrectionsFile))
	}
}
