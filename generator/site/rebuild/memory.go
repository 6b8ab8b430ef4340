// Package rebuild is what a Builder (package site) remembers from one build
// of a site to the next, so that a rebuild renders only the files whose
// inputs changed and still publishes the bytes a full build would:
//
//   - Sign: the signature of every output file's inputs, from the plan (what
//     each page shows of the others) and a hash of every page's front matter
//     and body, kept per page value (content.Load reuses the values of
//     unchanged files);
//   - LoadOptions: which content files to read again, from the paths that
//     changed;
//   - Keep: publishing a file as an earlier build left it, from the live site
//     (the last build) or the publisher's staging directory (the one before);
//   - KeptRefs, KeptDoc, Search: the link refs and search texts of the files
//     kept, and the search index's parts of the reports that did not change;
//   - Commit and Abort: what a successful build leaves, what a failed one
//     spoils.
//
// A single build (site.Build) uses none of this. Inputs: the plan, the
// content tree, the site-wide signatures site computes (layouts, assets), and
// what the build gathered (Build). Outputs: signatures, content.LoadOptions,
// kept files in a publish.Dir, and search index files to write.
//
// Imports: content, site/plan, render (the home's cards), publish, linkcheck
// and search (the types of what is kept) and the standard library. Only site
// imports rebuild.
package rebuild

import (
	"hash/maphash"
	"os"
	"path"
	"path/filepath"
	"strings"

	"reportsite/generator/content"
	"reportsite/generator/linkcheck"
	"reportsite/generator/publish"
	"reportsite/generator/search"
)

// Memory is what the last successful build of a site left, and what the
// build before it left in the publisher's staging directory. The zero value
// is not usable: call New. It is for one build at a time; Keep, KeptRefs
// and KeptDoc may be called from several goroutines of that build.
type Memory struct {
	source string // the site directory
	seed   maphash.Seed
	search search.Cache // the search index's text parts
	// pageSigs holds the hashes of each page's front matter and body,
	// keyed by the page value, which content.Load reuses for unchanged files.
	pageSigs map[*content.Page]pageSig
	prev     *state // the last successful build; nil before the first
	// spare is the signatures of the files in the publisher's staging
	// directory (the build before prev), or nil when unknown.
	spare map[string]uint64
}

type pageSig struct{ meta, body uint64 }

// state is what a successful build leaves for the next one.
type state struct {
	pages map[string]*content.Page // by content path
	// fileList is the content files as content.List found them, and files
	// the same as a set.
	fileList []string
	files    map[string]bool
	sigs     map[string]uint64 // output file → signature of its inputs
	// refs maps each output file to the ids and links of its Markdown, from
	// this build and the one before (whose files the spare directory holds).
	refs [2]map[string]Refs
	// docs maps each output file to its text for the search index, from this
	// build and the one before (whose files the publisher's spare holds).
	docs [2]map[string]Doc
}

// Refs is the link check's view of a published page and the signature of
// the inputs it was made from.
type Refs struct {
	Sig  uint64
	Refs *linkcheck.Refs
}

// Doc is a page's text for the search index and the signature of the inputs
// it was made from.
type Doc struct {
	Sig  uint64
	Page *search.Page
}

// Build is what a successful build gathered, for Commit.
type Build struct {
	Tree  *content.Section
	Files []string          // the content files as content.List found them
	Sigs  map[string]uint64 // output file → signature of its inputs
	// Unsigned lists output files that are always written (the assets,
	// whose names carry a hash of their content).
	Unsigned []string
	Refs     map[string]Refs // output file → its link refs
	Docs     map[string]Doc  // output file → its search text
}

// New returns the memory of a site in directory source, which no build has
// built yet.
func New(source string) *Memory {
	return &Memory{source: source, seed: maphash.MakeSeed(), pageSigs: map[*content.Page]pageSig{}}
}

// Seed is the seed of every signature: a signature the build computes itself
// (of the layouts) must use it too.
func (m *Memory) Seed() maphash.Seed { return m.seed }

// LoadOptions sets how content.Load reads the tree again after the paths in
// changed (slash paths relative to the site directory; nil: unknown)
// changed: it reuses the pages of unchanged files and, when no file was
// added or removed, the list of files.
func (m *Memory) LoadOptions(opt *content.LoadOptions, changed []string) {
	opt.Reuse = m.reuse(changed)
	opt.Files = m.sameFiles(changed)
}

// Keep publishes file without rendering it when an earlier build left the
// bytes this one would write (its inputs had signature sig).
func (m *Memory) Keep(out *publish.Dir, file string, sig uint64) bool {
	if s, known := m.spare[file]; known && s == sig && out.Keep(file) == nil {
		return true
	}
	if m.prev == nil {
		return false
	}
	s, known := m.prev.sigs[file]
	return known && s == sig && out.CopyLive(file) == nil
}

// KeptRefs returns the link refs of a page kept from an earlier build: from
// whichever of the last two builds produced the file as it is now.
func (m *Memory) KeptRefs(file string, sig uint64) Refs {
	if m.prev == nil {
		return Refs{}
	}
	for _, prev := range m.prev.refs {
		if r, ok := prev[file]; ok && r.Sig == sig {
			return r
		}
	}
	return Refs{}
}

// KeptDoc returns the search text of a page kept from the live site (the
// previous build) or from the publisher's spare directory (the build
// before): that build's, with the same signature.
func (m *Memory) KeptDoc(file string, sig uint64) (Doc, bool) {
	if m.prev == nil {
		return Doc{}, false
	}
	for _, prev := range m.prev.docs {
		if d, ok := prev[file]; ok && d.Sig == sig {
			return d, true
		}
	}
	return Doc{}, false
}

// Search returns the files of the search index of groups that out must
// write: the others, unchanged since an earlier build, it keeps. The cache
// keeps the text parts of the reports whose pages did not change. It signs
// every file of the index in sigs.
func (m *Memory) Search(out *publish.Dir, groups []search.Group, sigs map[string]uint64) []search.File {
	var write []search.File
	for _, f := range m.search.Build(groups) {
		// A text part's name is a hash of its content already; only the
		// index file needs hashing.
		sig := maphash.String(m.seed, f.Name)
		if f.Name == search.IndexFile {
			sig = maphash.Bytes(m.seed, f.Data)
		}
		sigs[f.Name] = sig
		if !m.Keep(out, f.Name, sig) {
			write = append(write, f)
		}
	}
	return write
}

// Commit remembers the build b, just published.
func (m *Memory) Commit(b Build) {
	next := &state{pages: map[string]*content.Page{}, sigs: b.Sigs, refs: [2]map[string]Refs{b.Refs, nil}, docs: [2]map[string]Doc{b.Docs, nil}}
	if m.prev != nil {
		next.refs[1], next.docs[1] = m.prev.refs[0], m.prev.docs[0]
	}
	for _, f := range b.Unsigned {
		next.sigs[f] = 0
	}
	walkPages(b.Tree, func(pg *content.Page) { next.pages[pg.Path] = pg })
	next.files = make(map[string]bool, len(b.Files))
	for _, f := range b.Files {
		next.files[f] = true
	}
	next.fileList = b.Files
	// Forget the hashes of pages that are gone or were read again.
	for pg := range m.pageSigs {
		if next.pages[pg.Path] != pg {
			delete(m.pageSigs, pg)
		}
	}
	if m.prev != nil {
		m.spare = m.prev.sigs
	}
	m.prev = next
}

// Abort forgets what a failed build left in the publisher's staging
// directory.
func (m *Memory) Abort(out *publish.Dir) {
	if out.Files() > 0 {
		m.spare = nil // the staging directory holds a partial build now
	}
}

// reuse returns the Reuse function for content.Load: a page of the previous
// build is reused unless its file is in changed. With changed nil, nothing is
// reused.
func (m *Memory) reuse(changed []string) func(string) *content.Page {
	if m.prev == nil || changed == nil {
		return nil
	}
	dirty := map[string]bool{}
	for _, c := range changed {
		rel, err := filepath.Rel("content", filepath.FromSlash(c))
		if err == nil {
			dirty[filepath.ToSlash(rel)] = true
		}
	}
	return func(p string) *content.Page {
		// A changed path may be a directory: everything under it changed.
		for d := p; d != "." && d != "/"; d = path.Dir(d) {
			if dirty[d] {
				return nil
			}
		}
		return m.prev.pages[p]
	}
}

// sameFiles returns the content files of the previous build when changed
// shows that none was added or removed: every changed path under content/ is
// a file the previous build listed, and still a regular file. Otherwise it
// returns nil, and the tree is listed again.
func (m *Memory) sameFiles(changed []string) []string {
	if m.prev == nil || changed == nil {
		return nil
	}
	for _, c := range changed {
		if c == "content" {
			return nil // the directory itself
		}
		rel, ok := strings.CutPrefix(c, "content/")
		if !ok {
			continue
		}
		if !m.prev.files[rel] {
			return nil
		}
		st, err := os.Lstat(filepath.Join(m.source, filepath.FromSlash(c)))
		if err != nil || !st.Mode().IsRegular() {
			return nil
		}
	}
	return m.prev.fileList
}

func walkPages(s *content.Section, f func(*content.Page)) {
	if s == nil {
		return
	}
	if s.Index != nil {
		f(s.Index)
	}
	for _, p := range s.Pages {
		f(p)
	}
	for _, c := range s.Sections {
		walkPages(c, f)
	}
}
