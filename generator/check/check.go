package check

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"os"
	"path"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"reportsite/generator/content"
	"reportsite/generator/linkcheck"
	"reportsite/generator/report/proofread"
	"reportsite/generator/site"
)

// Options says what Run verifies.
type Options struct {
	Source string // the site's source directory
	Drafts bool
	// Strict turns the build's warnings (such as an empty identity field in
	// config.toml) into findings.
	Strict bool
}

// Finding is one problem Run found, at a source file where it can tell.
type Finding struct {
	Path    string // source file (content/…, layouts/…, config.toml) or output file
	Line    int    // 1-based; 0 when unknown
	Message string
	// Key is the front matter key ("report.issued", "title") that an editor
	// must fill to clear the finding, when the finding is an empty field
	// rather than a fault of the site: the page field it feeds came out
	// missing.
	Key string
}

func (f Finding) String() string {
	if f.Line > 0 {
		return fmt.Sprintf("%s:%d: %s", f.Path, f.Line, f.Message)
	}
	return fmt.Sprintf("%s: %s", f.Path, f.Message)
}

// Result is what Run learnt of a site that builds.
type Result struct {
	// Findings are the problems that make the site unsafe to publish.
	Findings []Finding
	// Warnings are the build's warnings, unless Options.Strict made them
	// findings.
	Warnings []string
	// Proofreading lists the proofreading warnings of content/, with
	// paths relative to the source directory (content/…).
	Proofreading []proofread.Warning
}

// Run builds the site into a temporary directory and verifies the result:
// every page is well-formed HTML, every internal link and fragment resolves,
// and the government page fields are present (GOV-PAGE.md rows 1–11); then
// it proofreads content/. A build error is returned as the error, with the
// warnings of the build; problems found in a built site are returned as
// findings, as is a failure to read content/ to proofread it.
func Run(ctx context.Context, opt Options) (Result, error) {
	var r Result
	tmp, err := os.MkdirTemp("", "reportsite-check-")
	if err != nil {
		return r, err
	}
	defer os.RemoveAll(tmp)
	dest := filepath.Join(tmp, "public")
	res, err := site.Build(ctx, site.Options{Source: opt.Source, Dest: dest, Drafts: opt.Drafts})
	if err != nil {
		r.Warnings = res.Warnings
		return r, err
	}
	if opt.Strict {
		for _, w := range res.Warnings {
			f := Finding{Path: "config.toml", Message: w}
			// "config.toml:12: message" carries its own position.
			if rest, ok := strings.CutPrefix(w, f.Path+":"); ok {
				if n, msg, ok := strings.Cut(rest, ": "); ok {
					if line, err := strconv.Atoi(n); err == nil {
						f.Line, f.Message = line, msg
					}
				}
			}
			r.Findings = append(r.Findings, f)
		}
	} else {
		r.Warnings = res.Warnings
	}
	for _, f := range Published(os.DirFS(dest), res.Sources) {
		if f.Key != "" {
			src, _ := os.ReadFile(filepath.Join(opt.Source, filepath.FromSlash(f.Path)))
			k := strings.Split(f.Key, ".")
			f.Line = content.KeyLine(src, k...)
			if f.Line == 1 && len(k) > 1 {
				f.Line = content.KeyLine(src, k[:len(k)-1]...) // the key is missing: its table
			}
		}
		r.Findings = append(r.Findings, f)
	}
	proof, err := proofread.FS(os.DirFS(filepath.Join(opt.Source, "content")))
	if err != nil {
		// The build has just read these files: content/ changed under it.
		r.Findings = append(r.Findings, Finding{Path: "content", Message: "cannot proofread: " + err.Error()})
	}
	for i := range proof {
		proof[i].Path = path.Join("content", proof[i].Path)
	}
	r.Proofreading = proof
	return r, nil
}

// metaKeys says, for each government meta tag a page field fills, the front
// matter key it comes from, its name in the 信息公开 table, and whether the
// key is the report's (in its _index.md) or the page's own.
var metaKeys = map[string]struct {
	key, label string
	report     bool
}{
	"PubDate":       {"report.issued", "发文日期, as YYYY-MM-DD", true},
	"ContentSource": {"report.publisher", "发布机构", true},
	"ArticleTitle":  {"title", "标题", false},
	"ColumnName":    {"title", "标题", false},
}

// keyFindings turns the meta tags that came out missing or empty on pages
// into one finding per front matter key to fill, at the file that holds it.
func keyFindings(missing map[string][]string, sources map[string]string) []Finding {
	type at struct{ file, key string }
	count := map[at]int{}
	meta := map[at]string{}
	var order []at
	pages := make([]string, 0, len(missing))
	for p := range missing {
		pages = append(pages, p)
	}
	sort.Strings(pages)
	var out []Finding
	for _, p := range pages {
		for _, m := range missing[p] {
			k, ok := metaKeys[m]
			src, known := sources[p]
			if !ok || !known {
				out = append(out, Finding{Path: p, Message: fmt.Sprintf("<meta name=%q> is missing or empty", m)})
				continue
			}
			if k.report {
				src = reportIndex(src)
			}
			a := at{src, k.key}
			if count[a] == 0 {
				order = append(order, a)
				meta[a] = m
			}
			count[a]++
		}
	}
	for _, a := range order {
		k := metaKeys[meta[a]]
		key := a.key
		if t, f, ok := strings.Cut(key, "."); ok {
			key = "[" + t + "] " + f
		}
		out = append(out, Finding{Path: a.file, Key: a.key, Message: fmt.Sprintf("%s (%s) is empty: fill it in; %d page(s) have no <meta name=%q>", key, k.label, count[a], meta[a])})
	}
	return out
}

// reportIndex returns the _index.md of the report that the content file
// src belongs to: the top section under content/.
func reportIndex(src string) string {
	rest, ok := strings.CutPrefix(src, "content/")
	if !ok {
		return src
	}
	top, _, _ := strings.Cut(rest, "/")
	if strings.HasSuffix(top, ".md") {
		return src
	}
	return "content/" + top + "/_index.md"
}

// checkedPage is what Published learns of one published HTML file.
type checkedPage struct {
	ids    map[string]bool
	links  []string
	footer string
	// missing lists the government meta tags that are absent or empty,
	// each from a field an editor fills (see metaKeys).
	missing []string
}

// Published verifies a site already built, read from fsys: every page is
// well-formed HTML with one <h1> and a lang, every internal link and
// fragment resolves, the government meta fields are present and the footer
// is the same on every page. sources maps output pages to the content files
// they were made from (site.Result.Sources), for messages; it may be nil.
func Published(fsys fs.FS, sources map[string]string) []Finding {
	var out []Finding
	files := map[string]bool{}
	var pages []string
	fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			files[p] = true
			if path.Ext(p) == ".html" {
				pages = append(pages, p)
			}
		}
		return nil
	})
	sort.Strings(pages)
	where := func(p string) string {
		if s, ok := sources[p]; ok {
			return s + " (" + p + ")"
		}
		return p
	}
	checked := map[string]*checkedPage{}
	missing := map[string][]string{}
	for _, p := range pages {
		data, _ := fs.ReadFile(fsys, p)
		cp, problems := checkPage(data)
		checked[p] = cp
		for _, m := range problems {
			out = append(out, Finding{Path: where(p), Message: m})
		}
		if len(cp.missing) > 0 {
			missing[p] = cp.missing
		}
	}
	out = append(out, keyFindings(missing, sources)...)
	ids := map[string]map[string]bool{}
	for p, cp := range checked {
		ids[p] = cp.ids
	}
	var footer, footerPage string
	for _, p := range pages {
		cp := checked[p]
		for _, l := range cp.links {
			if p == "404.html" { // links from the site's root path, checked by the browser tests
				continue
			}
			if msg := linkcheck.Resolve(p, l, files, ids); msg != "" {
				out = append(out, Finding{Path: where(p), Message: fmt.Sprintf("broken link %q: %s", l, msg)})
			}
		}
		if footerPage == "" {
			footer, footerPage = cp.footer, p
		} else if cp.footer != footer {
			out = append(out, Finding{Path: where(p), Message: "the footer differs from the footer of " + footerPage + ": it must be identical on every page"})
		}
	}
	return out
}

var voidElements = map[atom.Atom]bool{
	atom.Area: true, atom.Base: true, atom.Br: true, atom.Col: true, atom.Embed: true, atom.Hr: true,
	atom.Img: true, atom.Input: true, atom.Link: true, atom.Meta: true, atom.Source: true,
	atom.Track: true, atom.Wbr: true,
}

// pageReader is the state of checkPage while it reads one page.
type pageReader struct {
	cp       *checkedPage
	problems []string
	stack    []string       // the elements open, outermost first
	meta     map[string]int // how often each <meta name> appears
	h1       int
	lang     string
}

// checkPage reads one page: its well-formedness (every element closed in
// order), its ids and links, its government meta tags and its footer.
func checkPage(data []byte) (*checkedPage, []string) {
	r := &pageReader{cp: &checkedPage{ids: map[string]bool{}}, meta: map[string]int{}}
	z := html.NewTokenizer(bytes.NewReader(data))
	footerStart := -1
	offset := 0
	for {
		tt := z.Next()
		raw := z.Raw()
		start := offset
		offset += len(raw)
		if tt == html.ErrorToken {
			break
		}
		tok := z.Token()
		switch tt {
		case html.StartTagToken, html.SelfClosingTagToken:
			r.attrs(tok)
			if tok.DataAtom == atom.H1 {
				r.h1++
			}
			if tok.DataAtom == atom.Footer && footerStart < 0 {
				footerStart = start
			}
			if tt == html.StartTagToken && !voidElements[tok.DataAtom] {
				r.stack = append(r.stack, tok.Data)
			}
		case html.EndTagToken:
			if r.close(tok.Data) && tok.DataAtom == atom.Footer && footerStart >= 0 && r.cp.footer == "" {
				r.cp.footer = string(data[footerStart:offset])
			}
		}
	}
	if err := z.Err(); err != nil && !errors.Is(err, io.EOF) {
		r.problems = append(r.problems, "cannot parse: "+err.Error())
	}
	r.finish()
	return r.cp, r.problems
}

// attrs reads the attributes of a start tag: ids, internal links, the
// government meta tags and the page's language.
func (r *pageReader) attrs(tok html.Token) {
	cp := r.cp
	for _, a := range tok.Attr {
		switch a.Key {
		case "id":
			if cp.ids[a.Val] {
				r.problems = append(r.problems, fmt.Sprintf("id %q is used twice", a.Val))
			}
			cp.ids[a.Val] = true
		case "href", "src":
			if linkcheck.Internal(a.Val) {
				cp.links = append(cp.links, a.Val)
			}
		case "name":
			if tok.DataAtom == atom.Meta {
				r.meta[a.Val]++
				if attr(tok, "content") == "" && a.Val != "ColumnDescription" {
					if _, ok := metaKeys[a.Val]; ok {
						cp.missing = append(cp.missing, a.Val)
					} else {
						r.problems = append(r.problems, fmt.Sprintf("<meta name=%q> is empty", a.Val))
					}
				}
			}
		case "lang":
			if tok.DataAtom == atom.Html {
				r.lang = a.Val
			}
		}
	}
}

// close reads the end tag of element name and reports whether it closes
// the innermost open element; a stray end tag is a problem.
func (r *pageReader) close(name string) bool {
	stack := r.stack
	if len(stack) > 0 && stack[len(stack)-1] == name {
		r.stack = stack[:len(stack)-1]
		return true
	}
	open := "nothing"
	if len(stack) > 0 {
		open = "<" + stack[len(stack)-1] + ">"
	}
	r.problems = append(r.problems, fmt.Sprintf("stray </%s> while %s is open", name, open))
	// Recover: close up to the matching element, if any.
	for i := len(stack) - 1; i >= 0; i-- {
		if stack[i] == name {
			r.stack = stack[:i]
			break
		}
	}
	return false
}

// finish checks what the whole page must have: every element closed, a
// lang, one <h1>, each meta tag once, an article's date and publisher and
// a footer.
func (r *pageReader) finish() {
	for _, e := range r.stack {
		r.problems = append(r.problems, fmt.Sprintf("<%s> is never closed", e))
	}
	if r.lang == "" {
		r.problems = append(r.problems, "<html> has no lang")
	}
	if r.h1 != 1 {
		r.problems = append(r.problems, fmt.Sprintf("%d <h1> elements, want exactly one", r.h1))
	}
	// A missing SiteName or SiteDomain comes from an empty field of
	// config.toml, which the build already warns about.
	for _, m := range slices.Sorted(maps.Keys(r.meta)) {
		if n := r.meta[m]; n > 1 {
			r.problems = append(r.problems, fmt.Sprintf("<meta name=%q> appears %d times, want once", m, n))
		}
	}
	if r.meta["ArticleTitle"] > 0 {
		for _, m := range []string{"PubDate", "ContentSource"} {
			switch r.meta[m] {
			case 1:
			case 0:
				r.cp.missing = append(r.cp.missing, m)
			default:
				r.problems = append(r.problems, fmt.Sprintf("article page: <meta name=%q> appears %d times, want once", m, r.meta[m]))
			}
		}
	}
	if r.cp.footer == "" {
		r.problems = append(r.problems, "no <footer>: the site identity (主办单位, 网站标识码, 备案号) belongs in it")
	}
}

func attr(t html.Token, key string) string {
	for _, a := range t.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}
