package main

import (
	"os"
	"path/filepath"
	"strings"

	"reportsite/generator/content"
	"reportsite/generator/source"
)

// sourceMeta is what the file's structure says besides its text: its
// metadata, and the summary of what its reader left out (empty for text).
type sourceMeta struct {
	source.Meta
	dropped string
}

// readSource reads the file to import: a saved web page or a Word document
// becomes the report's text (package source); a text file passes through
// unchanged, for report.Import to decode. It returns the metadata the
// file's structure holds too, and what was left out of the page.
func readSource(file string) ([]byte, sourceMeta, error) {
	data, err := os.ReadFile(file)
	if err != nil {
		return nil, sourceMeta{}, err
	}
	d, err := source.Read(file, data)
	if err != nil {
		return nil, sourceMeta{}, err
	}
	return d.Text, sourceMeta{Meta: d.Meta, dropped: d.DroppedSummary()}, nil
}

// fillFromSource fills the empty fields of the report's front matter from
// the source's metadata: index_no, doc_no, issued, written, publisher, and
// the title of the report's _index.md when the importer found no title and
// took the file's name. The text's own fields always win. It returns the
// keys it filled, in front matter order.
func fillFromSource(file string, pages []*content.Page, m sourceMeta) []string {
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
