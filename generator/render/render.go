// Package render owns how a page reads: the view model of a page and the
// html/template layouts that show it. It parses the layouts once from
// layered file systems (a site's layouts/ over the built-in theme) and
// executes the layout of a page kind with a *Page value.
//
// The view model: NewPage turns what a site's plan knows of a page (Entry:
// its kind, path, content page, parents, children and neighbours) into the
// Page a layout shows: its place in the report, breadcrumbs, canonical
// address and cards. All wording a reader sees outside the layouts and the
// content is here: the cards (CardOf: 增长, 下降 as the sentence words them,
// 居第, 年目标…), the headline figures (Headlines), the data page
// (NewDataView, PairTitle, DataFields, the 数据说明), the titles of the
// generated pages (全文, 主要指标与开放数据…), the link from an indicator's
// sentence back to its card (SentenceBack), the 【我要纠错】 link
// (Feedback), attachments' types and sizes (NewAttachment) and each page's
// QR code (QRSVG).
//
// Layout rule: a page is rendered with the layout named by its front matter
// key "layout", or else the layout of its kind (home, report, section, page,
// full, 404). Every layout is parsed together with baseof.html and all files
// under partials/; a layout defines the block "main" that baseof.html places.
//
// Customisable fragments: the card (partials/card.html), the report's
// outline list (partials/outline-list.html) and a row of the data page's
// tables (partials/data-row.html) are partials like any other, which
// layouts call with the functions card, outlineList and dataRows (see
// fragments). Pages repeat them many times, so when such a partial comes
// from the built-in theme (a Layer with Theme set) render writes it in Go
// instead, byte for byte what the template writes (tests prove it); when a
// site's layouts/ replaces it, the site's template is executed.
//
// Inputs: fs.FS values holding layouts, and Entry values from a site's
// plan. Outputs: Page values and HTML written to an io.Writer.
// Imports: content, indicator (a card's bound, the pairs of targets and
// results and the charts of the data page are the indicator rules'; render
// shows them), html/template, the standard library and piglig/go-qr (the
// QR codes). It never imports site.
package render

import (
	"errors"
	"fmt"
	"html/template"
	"io"
	"io/fs"
	"path"
	"sort"
	"strings"
)

// Layer is one source of layouts. Dir names it in error messages, e.g.
// "layouts" for a site's own directory.
type Layer struct {
	FS  fs.FS
	Dir string
	// Theme marks the built-in theme, whose fragment partials render
	// writes in Go (see fragments).
	Theme bool
}

// Templates holds the parsed layouts, one template set per layout file.
// It is safe for concurrent use once Parse has returned.
type Templates struct {
	sets  map[string]*template.Template
	where map[string]string // layout name → file path for messages
	frag  *fragments
}

const base = "baseof.html"

// Parse reads layouts from layers; a file in an earlier layer replaces a file
// of the same name in a later one. It reports every file that fails to parse.
func Parse(layers ...Layer) (*Templates, error) {
	files, where, theme, err := readLayers(layers)
	if err != nil {
		return nil, err
	}
	if _, ok := files[base]; !ok {
		return nil, fmt.Errorf("layouts/%s: missing: the base layout is required", base)
	}
	var partials, layouts []string
	for name := range files {
		switch {
		case strings.HasPrefix(name, "partials/"):
			partials = append(partials, name)
		case name != base:
			layouts = append(layouts, name)
		}
	}
	sort.Strings(partials)
	sort.Strings(layouts)

	var errs []error
	frag := &fragments{}
	common := template.New(base).Funcs(frag.funcs())
	if _, err := common.Parse(string(files[base])); err != nil {
		errs = append(errs, fmt.Errorf("%s: %w", where[base], err))
	}
	for _, p := range partials {
		if _, err := common.New(p).Parse(string(files[p])); err != nil {
			errs = append(errs, fmt.Errorf("%s: %w", where[p], err))
		}
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	frag.use(common, theme)
	t := &Templates{sets: map[string]*template.Template{}, where: where, frag: frag}
	for _, name := range layouts {
		set, err := common.Clone()
		if err == nil {
			_, err = set.New(name).Parse(string(files[name]))
		}
		if err != nil {
			errs = append(errs, fmt.Errorf("%s: %w", where[name], err))
			continue
		}
		t.sets[strings.TrimSuffix(name, ".html")] = set
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	return t, nil
}

// readLayers reads the .html files of the layers, a later layer's file
// replacing an earlier one's of the same name, and returns their contents,
// where each came from (for messages) and which came from the built-in
// theme.
func readLayers(layers []Layer) (files map[string][]byte, where map[string]string, theme map[string]bool, err error) {
	files, where, theme = map[string][]byte{}, map[string]string{}, map[string]bool{}
	for i := len(layers) - 1; i >= 0; i-- {
		l := layers[i]
		if l.FS == nil {
			continue
		}
		err := fs.WalkDir(l.FS, ".", func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				if errors.Is(err, fs.ErrNotExist) && p == "." {
					return fs.SkipAll
				}
				return err
			}
			if d.IsDir() || path.Ext(p) != ".html" {
				return nil
			}
			if d.Type()&fs.ModeSymlink != 0 {
				return fmt.Errorf("%s/%s: is a symbolic link; links are not followed", l.Dir, p)
			}
			b, err := fs.ReadFile(l.FS, p)
			if err != nil {
				return err
			}
			files[p] = b
			where[p] = l.Dir + "/" + p
			theme[p] = l.Theme
			return nil
		})
		if err != nil {
			return nil, nil, nil, fmt.Errorf("reading layouts: %w", err)
		}
	}
	return files, where, theme, nil
}

// Has reports whether a layout of that name (without ".html") exists.
func (t *Templates) Has(layout string) bool {
	_, ok := t.sets[layout]
	return ok
}

// Execute renders the page p with the named layout (without ".html").
func (t *Templates) Execute(w io.Writer, layout string, p *Page) error {
	set, ok := t.sets[layout]
	if !ok {
		return fmt.Errorf("layouts/%s.html: no such layout: add the file or change the page's layout key", layout)
	}
	if err := set.ExecuteTemplate(w, base, p); err != nil {
		return fmt.Errorf("rendering with %s: %w", t.where[layout+".html"], err)
	}
	return nil
}

// fragments are the partials that render writes in Go when they come from
// the built-in theme, each called by a function of its own:
//
//	partials/card.html         {{card $ CARD}}        Page.CardHTML
//	partials/outline-list.html {{outlineList $}}      Page.OutlineList
//	partials/data-row.html     {{dataRows $ CARDS}}   one row a card
//
// Parse sets the template of each partial that came from a layer not marked
// Theme (a site's layouts/); a nil template, the built-in partial or none at
// all, means the Go writer.
type fragments struct {
	card, outline, row *template.Template
}

// The fragment partials. A card and a data row are executed with a
// CardView, the outline list with the *Page.
const (
	cardPartial    = "partials/card.html"
	outlinePartial = "partials/outline-list.html"
	rowPartial     = "partials/data-row.html"
)

// use looks up, in the parsed set, each fragment partial that did not come
// from the built-in theme.
func (f *fragments) use(set *template.Template, theme map[string]bool) {
	for name, t := range map[string]**template.Template{cardPartial: &f.card, outlinePartial: &f.outline, rowPartial: &f.row} {
		if !theme[name] {
			*t = set.Lookup(name)
		}
	}
}

// funcs is the complete set of functions layouts may call.
func (f *fragments) funcs() template.FuncMap {
	return template.FuncMap{
		"hasPrefix":   strings.HasPrefix,
		"card":        f.Card,
		"outlineList": f.OutlineList,
		"dataRows":    f.DataRows,
	}
}

// Card is one indicator card shown on page p: partials/card.html executed
// with CardView{c, p}, or, when that partial is the built-in one,
// p.CardHTML(c), which writes the same bytes faster.
func (f *fragments) Card(p *Page, c Card) (template.HTML, error) {
	if f.card == nil {
		return p.CardHTML(c), nil
	}
	var b strings.Builder
	err := f.card.Execute(&b, CardView{Card: c, Page: p})
	return template.HTML(b.String()), err
}

// OutlineList is the report's outline on page p: partials/outline-list.html
// executed with p, or p.OutlineList() for the built-in partial.
func (f *fragments) OutlineList(p *Page) (template.HTML, error) {
	if f.outline == nil {
		return p.OutlineList(), nil
	}
	var b strings.Builder
	err := f.outline.Execute(&b, p)
	return template.HTML(b.String()), err
}

// DataRows is the rows of a table of the data page: partials/data-row.html
// executed for each card, or its Go writer for the built-in partial.
func (f *fragments) DataRows(p *Page, cards []Card) (template.HTML, error) {
	if f.row == nil {
		return p.dataRows(cards), nil
	}
	var b strings.Builder
	for _, c := range cards {
		if err := f.row.Execute(&b, CardView{Card: c, Page: p}); err != nil {
			return "", err
		}
	}
	return template.HTML(b.String()), nil
}
