package site

import (
	"fmt"
	"net/url"
	"path"
	"sort"
	"strings"

	"reportsite/generator/content"
	"reportsite/generator/markdown"
)

// pageRefs is what the link check needs of one page's Markdown: the ids it
// defines and the links it makes. Links written by layouts are not listed:
// they come from the site's own plan and always resolve.
type pageRefs struct {
	sig uint64 // the signature of the output file the refs were read from
	out string // that output file
	src string // content path, e.g. "r/01/01.md"
	// ids holds the ids, each followed by a NUL: one string of its own, so
	// that the refs of every page do not keep every page's HTML alive.
	ids   string
	idset map[string]bool // ids and templateIDs as a set, made by checkLinks
	links []string
	lines []int // the line of each link in the source file; 0 when unknown
}

// templateIDs are ids every page's layout provides.
var templateIDs = []string{"main", "top", "outline"}

// refsOf lists the ids and the internal links of page pg's converted
// Markdown.
func refsOf(pg *content.Page, rs ...markdown.Result) pageRefs {
	r := pageRefs{src: pg.Path}
	var ids strings.Builder
	for _, res := range rs {
		for _, id := range res.IDs {
			ids.WriteString(id)
			ids.WriteByte(0)
		}
		for _, l := range res.Links {
			if InternalLink(l.URL) {
				r.links = append(r.links, l.URL)
				r.lines = append(r.lines, l.Line)
			}
		}
	}
	r.ids = ids.String()
	return r
}

// InternalLink reports whether a URL points inside the site: no scheme, not
// protocol-relative. Package check uses it on the published pages.
func InternalLink(u string) bool {
	return !strings.HasPrefix(u, "//") && !markdown.HasScheme(u)
}

// checkLinks resolves every link of every page against the published files
// and their ids, and reports each broken one at its source file and line.
func checkLinks(refs map[string]pageRefs, files map[string]bool) []error {
	var errs []error
	ids := make(map[string]map[string]bool, len(refs))
	for out, r := range refs {
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
			refs[out] = r
		}
		ids[out] = r.idset
	}
	outs := make([]string, 0, len(refs))
	for out := range refs {
		outs = append(outs, out)
	}
	sort.Strings(outs)
	for _, out := range outs {
		r := refs[out]
		for i, l := range r.links {
			if msg := ResolveLink(out, l, files, ids); msg != "" {
				errs = append(errs, content.Errorf("content/"+r.src, r.lines[i], "broken link %q: %s", l, msg))
			}
		}
	}
	return errs
}

// ResolveLink returns why link l on page out (a slash path under the
// destination) does not resolve, or "": files holds the published files,
// ids the ids of each page. Package check uses it on the published pages.
func ResolveLink(out, l string, files map[string]bool, ids map[string]map[string]bool) string {
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
