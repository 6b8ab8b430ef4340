package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"reportsite/generator/content"
	"reportsite/generator/corpus"
)

// runCorpus is "generator corpus -reports N -o DIR": a benchmark source tree
// of N variations of a committed report.
func runCorpus(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("corpus", flag.ContinueOnError)
	fs.SetOutput(stderr)
	n := fs.Int("reports", 4, "number of `N` reports (about 25 pages each)")
	out := fs.String("o", "", "output `directory` (required; must not hold content/ yet)")
	from := fs.String("from", "content/2020-plan-report", "the report section `directory` to vary")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: generator corpus -reports N -o DIR [-from DIR]\n\nWrites config.toml and content/ with N variations of one report, for benchmarks.\nThe same N always gives the same bytes.")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	if *out == "" || fs.NArg() > 0 {
		fs.Usage()
		return 2
	}
	idx, err := os.ReadFile(filepath.Join(*from, "_index.md"))
	if err != nil {
		fmt.Fprintf(stderr, "generator corpus: %v\n", err)
		return 1
	}
	pg, err := content.Parse(filepath.Join(*from, "_index.md"), idx)
	if err != nil || pg.Meta.Report == nil {
		fmt.Fprintf(stderr, "generator corpus: %s is not a report's _index.md (%v)\n", *from, err)
		return 1
	}
	opt := corpus.Options{Reports: *n, Template: os.DirFS(*from), Year: pg.Meta.Report.Year, Place: placeOf(pg.Meta.Title)}
	if err := corpus.Write(*out, opt); err != nil {
		fmt.Fprintln(stderr, err)
		return 1
	}
	fmt.Fprintf(stdout, "wrote %d reports to %s\n", *n, *out)
	return 0
}

// placeOf finds the place name in a report title such as "关于周村区2020年度…":
// the characters between "关于" and the first 区, 县 or 市.
func placeOf(title string) string {
	t := strings.TrimPrefix(title, "关于")
	if i := strings.IndexAny(t, "区县市"); i > 0 {
		return t[:i]
	}
	return ""
}
