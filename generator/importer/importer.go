// Package importer is the import stage's one entry point: it turns a report
// file into the pages of the report's section, ready to be written.
//
// Inputs: the file's name and bytes, and Options (the -set keys, the folder
// the section will be written to, and how to read that folder's recorded
// corrections). Output: a Result holding the pages, with paths relative to
// the report's folder, the recorded corrections applied and each page's
// figures attached as its indicators, plus report's warnings, statistics
// and dropped lines. It does not write and does not prove: the caller
// (generator import, or a test, or another front end) proves the pages
// with check and writes them with content.Write.
//
// The steps, in order: source.Read (a saved web page or a Word document
// becomes text), report.Import (text to pages), the file's metadata for
// empty fields, the -set keys, paths made relative to the report's folder,
// fix and the folder's corrections.toml (fix.Fix, fix.Correct), then
// indicator.Annotate with the report's year.
//
// It is a package of its own rather than a function of report so that
// report stays pure text to pages (content and x/text only): the steps
// around it pull in source (HTML and Word readers) and indicator (which
// uses markdown, hence goldmark). Imports: content, report, source,
// indicator and the standard library.
package importer

import (
	"errors"
	"fmt"
	"io/fs"
	"path/filepath"
	"strings"

	"reportsite/generator/content"
	"reportsite/generator/indicator"
	"reportsite/generator/report"
	"reportsite/generator/report/fix"
	"reportsite/generator/source"
)

// SetKeys are the [report] keys Options.Set may give: the metadata an
// editor knows when the text does not state it.
var SetKeys = []string{"index_no", "doc_no", "issued", "written", "publisher", "meeting", "speaker"}

// Options configure Import. The zero value imports with no -set keys and
// no recorded corrections, into a folder named after the slug.
type Options struct {
	// Set are [report] keys and values (keys among SetKeys), applied in
	// order to the report's _index.md after the text's own fields.
	Set [][2]string
	// Dest gives the folder the report's section will be written to, from
	// the report's slug; its corrections.toml is read and the names in
	// errors are in it. Nil: the slug.
	Dest func(slug string) string
	// ReadFile reads a file (os.ReadFile in the command). Nil: no
	// corrections are read.
	ReadFile func(name string) ([]byte, error)
}

// Result is one imported report: report's result with its Pages as they
// will be written, relative to Dest, with their indicators.
type Result struct {
	*report.Result
	// Dest is the folder the pages are relative to (Options.Dest of the
	// slug).
	Dest string
	// Filled are the front matter keys filled from the file's metadata
	// (a saved page's 信息公开 fields), in front matter order.
	Filled []string
	// SourceDropped sums up what the file's reader left out of a saved
	// page (source.Document.DroppedSummary); empty for text.
	SourceDropped string
	// Corrected is the number of recorded corrections applied; 0 when
	// Dest holds no corrections.toml.
	Corrected int
}

// Import reads the report file name with contents data and returns its
// pages. An error reading or importing the file comes with a nil Result.
// When the recorded corrections cannot be applied, the error comes with
// the Result so far (its warnings, Filled), whose Pages are nil.
func Import(name string, data []byte, opts Options) (*Result, error) {
	doc, err := source.Read(name, data)
	if err != nil {
		return nil, err
	}
	rep, err := report.Import(name, doc.Text)
	if err != nil {
		return nil, err
	}
	res := &Result{Result: rep, SourceDropped: doc.DroppedSummary(), Dest: rep.Slug}
	if opts.Dest != nil {
		res.Dest = opts.Dest(rep.Slug)
	}
	res.Filled = fillFromSource(name, rep.Pages, doc.Meta)
	applySet(rep.Pages, opts.Set)
	// The pages' paths start with the slug; in Dest they are relative to it.
	pages := make([]*content.Page, len(rep.Pages))
	for i, p := range rep.Pages {
		q := *p
		q.Path = strings.TrimPrefix(p.Path, rep.Slug+"/")
		pages[i] = &q
	}
	rep.Pages = nil
	pages, res.Corrected, err = correctPages(res.Dest, pages, opts.ReadFile)
	if err != nil {
		return res, err
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
	rep.Pages = pages
	return res, nil
}

// correctPages applies, when dest holds a corrections.toml, fix.Fix and
// then the recorded corrections to the pages (which are relative to dest),
// as "generator fix" would to the files: the hand corrections were made
// to the fixed text. It returns the pages and the number of recorded
// corrections applied.
func correctPages(dest string, pages []*content.Page, readFile func(string) ([]byte, error)) ([]*content.Page, int, error) {
	if readFile == nil {
		return pages, 0, nil
	}
	path := filepath.Join(dest, fix.CorrectionsFile)
	src, err := readFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return pages, 0, nil
	}
	if err != nil {
		return nil, 0, err
	}
	cs, err := fix.ParseCorrections(path, src)
	if err != nil {
		return nil, 0, err
	}
	used := make([]bool, len(cs))
	var errs []error
	out := make([]*content.Page, len(pages))
	for i, p := range pages {
		b, err := content.Marshal(p)
		if err != nil {
			return nil, 0, err
		}
		name := filepath.Join(dest, filepath.FromSlash(p.Path))
		b, _ = fix.Fix(name, b)
		b, _, err = fix.Correct(name, p.Path, b, cs)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		q, err := content.Parse(p.Path, b)
		if err != nil {
			errs = append(errs, fmt.Errorf("%s: after the recorded corrections: %w", name, err))
			continue
		}
		out[i] = q
		for k, c := range cs {
			if c.File == p.Path {
				used[k] = true
			}
		}
	}
	for k, c := range cs {
		if !used[k] {
			errs = append(errs, fmt.Errorf("%s: correction %d: file %q is not a page of this report", path, k+1, c.File))
		}
	}
	return out, len(cs), errors.Join(errs...)
}

// fillFromSource fills the empty fields of the report's front matter from
// the source's metadata: index_no, doc_no, issued, written, publisher, and
// the title of the report's _index.md when the importer found no title and
// took the file's name. The text's own fields always win. It returns the
// keys it filled, in front matter order.
func fillFromSource(file string, pages []*content.Page, m source.Meta) []string {
	var filled []string
	for _, p := range pages {
		r := p.Meta.Report
		if r == nil {
			continue
		}
		fill := func(key string, dst *string, v string) {
			if *dst == "" && v != "" {
				*dst = v
				filled = append(filled, key)
			}
		}
		name := strings.TrimSuffix(filepath.Base(file), filepath.Ext(file))
		if p.Meta.Title == name && m.Title != "" && m.Title != name {
			p.Meta.Title = m.Title
			filled = append(filled, "title")
		}
		fill("index_no", &r.IndexNo, m.IndexNo)
		fill("doc_no", &r.DocNo, m.DocNo)
		fill("issued", &r.Issued, m.Issued)
		fill("written", &r.Written, m.Written)
		fill("publisher", &r.Publisher, m.Publisher)
	}
	return filled
}

// applySet sets the keys in the report's _index.md among pages.
func applySet(pages []*content.Page, set [][2]string) {
	for _, p := range pages {
		r := p.Meta.Report
		if r == nil {
			continue
		}
		for _, kv := range set {
			switch kv[0] {
			case "index_no":
				r.IndexNo = kv[1]
			case "doc_no":
				r.DocNo = kv[1]
			case "issued":
				r.Issued = kv[1]
			case "written":
				r.Written = kv[1]
			case "publisher":
				r.Publisher = kv[1]
			case "meeting":
				r.Meeting = kv[1]
			case "speaker":
				r.Speaker = kv[1]
			}
		}
	}
}
