// Package linkcheck resolves the links of a built site against what it
// publishes: for the build (site, which reports a broken link at its line in
// the content file) and for generator check (which reads them back out of the
// published HTML).
//
// Inputs: each page's ids and internal links (Collect, from its converted
// Markdown, and Add, for a link of its front matter) and the set of published
// files. Outputs: one error a broken link, at its source file and line
// (Check), or why one link does not resolve (Resolve). Links written by
// layouts are not listed: they come from the site's own plan and always
// resolve.
//
// Imports: content (for its errors), markdown (for its Result and HasScheme)
// and the standard library.
package linkcheck

import (
	"fmt"
	"net/url"
	"path"
	"sort"
	"strings"

	"reportsite/generator/content"
	"reportsite/generator/markdown"
)

// Refs is what the link check needs of one page: the ids it defines and the
// links it makes. A build keeps the Refs of a page it did not render again,
// with the id set Check made of them.
type Refs struct {
	// Out is the published file, a slash path under the destination.
	Out string
	// Src is the content file, e.g. "r/01/01.md" (messages add "content/").
	Src string
	// ids holds the ids, each followed by a NUL: one string of its own, so
	// that the refs of every page do not keep every page's HTML alive.
	ids   string
	idset map[string]bool // ids and templateIDs as a set, made by Check
	links []string
	lines []int // the line of each link in the source file; 0 when unknown
}

// templateIDs are ids every page's layout provides.
var templateIDs = []string{"main", "top", "outline"}

// Collect lists the ids and the internal links of a page's converted
// Markdown (its published file out, its content file src).
func Collect(out, src string, rs ...markdown.Result) *Refs {
	r := &Refs{Out: out, Src: src}
	var ids strings.Builder
	for _, res := range rs {
		for _, id := range res.IDs {
			ids.WriteString(id)
			ids.WriteByte(0)
		}
		for _, l := range res.Links {
			if Internal(l.URL) {
				r.links = append(r.links, l.URL)
				r.lines = append(r.lines, l.Line)
			}
		}
	}
	r.ids = ids.String()
	return r
}

// Add adds a link the page makes at line of its content file, such as a
// relative related link of its front matter.
func (r *Refs) Add(link string, line int) {
	r.links = append(r.links, link)
	r.lines = append(r.lines, line)
}

// Internal reports whether a URL points inside the site: no scheme, not
// protocol-relative.
func Internal(u string) bool {
	return !strings.HasPrefix(u, "//") && !markdown.HasScheme(u)
}

// Check resolves every link of every page against the published files and
// the pages' ids, and reports each broken one at its source file and line.
func Check(refs []*Refs, files map[string]bool) []error {
	var errs []error
	ids := make(map[string]map[string]bool, len(refs))
	for _, r := range refs {
		if r.idset == nil {
			// Made once per page version: a rebuild carries the refs of
			// the pages it keeps over, with their sets.
			r.idset = make(map[string]bool, strings.Count(r.ids, "\x00")+len(templateIDs))
			for id := range strings.SplitSeq(r.ids, "\x00") {
				r.idset[id] = true
			}
			delete(r.idset, "") // after the last NUL
			for _, id := range templateIDs {
				r.idset[id] = true
			}
		}
		ids[r.Out] = r.idset
	}
	sorted := append([]*Refs(nil), refs...)
	sort.Slice(sorted, func(i, j int) bool { return sorted[i].Out < sorted[j].Out })
	for _, r := range sorted {
		for i, l := range r.links {
			if msg := Resolve(r.Out, l, files, ids); msg != "" {
				errs = append(errs, content.Errorf("content/"+r.Src, r.lines[i], "broken link %q: %s", l, msg))
			}
		}
	}
	return errs
}

// Resolve returns why link l on page out (a slash path under the
// destination) does not resolve, or "": files holds the published files,
// ids the ids of each page.
func Resolve(out, l string, files map[string]bool, ids map[string]map[string]bool) string {
	target, frag, _ := strings.Cut(l, "#")
	target, _, _ = strings.Cut(target, "?")
	file := out
	if target != "" {
		p, err := url.PathUnescape(target)
		if err != nil {
			return "not a valid URL path"
		}
		if strings.HasPrefix(p, "/") {
			return "root-relative links break when the site is published under a sub-path: write a relative link"
		}
		joined := path.Join(path.Dir(out), p)
		if joined == ".." || strings.HasPrefix(joined, "../") {
			return "points outside the site"
		}
		file = joined
		if strings.HasSuffix(p, "/") || files[joined+"/index.html"] {
			file = strings.TrimPrefix(joined+"/index.html", "./")
		}
		if !files[file] {
			return fmt.Sprintf("no page or file %s in the site", file)
		}
	}
	if frag == "" {
		return ""
	}
	f, err := url.PathUnescape(frag)
	if err != nil {
		f = frag
	}
	if m, ok := ids[file]; ok && !m[f] && !m[frag] {
		return fmt.Sprintf("no heading or anchor %q on %s", f, file)
	}
	return ""
}
