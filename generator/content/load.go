package content

import (
	"errors"
	"fmt"
	"io/fs"
	"path"
	"runtime"
	"sort"
	"strings"
	"sync"
	"unicode/utf8"
)

// Section is a directory of the content tree: its "_index.md" (which may be
// nil) and its children in reading order.
type Section struct {
	// Dir is the slash path of the directory relative to the content root;
	// "." for the root.
	Dir      string
	Index    *Page
	Pages    []*Page
	Sections []*Section
}

// Weight is the section's ordering weight, taken from its index page.
func (s *Section) Weight() int {
	if s.Index == nil {
		return 0
	}
	return s.Index.Meta.Weight
}

// LoadOptions controls Load. The zero value loads published pages only.
type LoadOptions struct {
	// Drafts includes pages with draft = true.
	Drafts bool
	// Reuse, when set, is asked for every file before it is read; a non-nil
	// page is taken as the file's content without reading it. A rebuild
	// passes the pages of the previous build for the files that did not
	// change.
	Reuse func(path string) *Page
	// Outline loads pages for outlines and lists only: no body, and the
	// front matter without its [[indicators]] tables (Page.Outline marks a
	// page that has them). A build that reads each page again when it
	// renders it uses this to keep memory and decoding small.
	Outline bool
	// Loaded, when set, is called with every page read from the file system,
	// from several goroutines at once.
	Loaded func(*Page)
	// Files, when set, lists the files to load, as List returned them for
	// the same tree: a rebuild that knows no file was added or removed
	// passes the list of the previous build instead of walking the tree.
	Files []string
}

// List returns the slash paths of the content files under fsys (".md" files
// not hidden, not backups), in walk order. Files that are symbolic links are
// not followed: they are reported as errors, since a link may point outside
// the tree. All problems are returned, joined.
func List(fsys fs.FS) ([]string, error) {
	var errs []error
	var files []string
	err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			errs = append(errs, &Error{Path: p, Err: err})
			if d != nil && d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.Type()&fs.ModeSymlink != 0 {
			errs = append(errs, &Error{Path: p, Err: errors.New("is a symbolic link; links are not followed: copy the file into content/ instead")})
			return nil
		}
		name := d.Name()
		if p != "." && (strings.HasPrefix(name, ".") || strings.HasPrefix(name, "#")) {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.IsDir() || path.Ext(name) != ".md" || strings.HasSuffix(name, "~") {
			return nil
		}
		files = append(files, p)
		return nil
	})
	if err != nil {
		errs = append(errs, fmt.Errorf("reading content: %w", err))
	}
	return files, errors.Join(errs...)
}

// Load reads every content file under fsys (see List) into a tree of
// sections; opt.Files, when set, is the list to read instead. All problems
// are returned, joined.
func Load(fsys fs.FS, opt LoadOptions) (*Section, error) {
	var errs []error
	files := opt.Files
	if files == nil {
		var err error
		if files, err = List(fsys); err != nil {
			errs = append(errs, Errors(err)...)
		}
	}
	root := &Section{Dir: "."}
	dirs := map[string]*Section{".": root}
	var section func(dir string) *Section
	section = func(dir string) *Section {
		if s, ok := dirs[dir]; ok {
			return s
		}
		s := &Section{Dir: dir}
		dirs[dir] = s
		parent := section(path.Dir(dir))
		parent.Sections = append(parent.Sections, s)
		return s
	}
	// Reading and decoding the files is most of the work: do it on all
	// cores, then assemble the tree in walk order, so the result and the
	// order of errors do not depend on scheduling.
	pages := make([]*Page, len(files))
	fileErrs := make([]error, len(files))
	var wg sync.WaitGroup
	next := make(chan int)
	for range min(runtime.GOMAXPROCS(0), max(len(files), 1)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				pages[i], fileErrs[i] = loadFile(fsys, files[i], opt)
			}
		}()
	}
	for i := range files {
		next <- i
	}
	close(next)
	wg.Wait()
	for i, p := range files {
		pg := pages[i]
		if fileErrs[i] != nil {
			errs = append(errs, fileErrs[i])
			continue
		}
		if pg.Meta.Draft && !opt.Drafts {
			continue
		}
		s := section(path.Dir(p))
		if path.Base(p) == "_index.md" {
			s.Index = pg
		} else {
			s.Pages = append(s.Pages, pg)
		}
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	sortTree(root)
	return root, nil
}

// loadFile returns the page of one file: reused, or read and parsed.
func loadFile(fsys fs.FS, p string, opt LoadOptions) (*Page, error) {
	if opt.Reuse != nil {
		if pg := opt.Reuse(p); pg != nil {
			return pg, nil
		}
	}
	src, err := fs.ReadFile(fsys, p)
	if err != nil {
		return nil, &Error{Path: p, Err: err}
	}
	if !utf8.Valid(src) {
		return nil, Errorf(p, invalidUTF8Line(src), "not valid UTF-8: save the file as UTF-8 (import converts GB18030 text)")
	}
	pg, err := parse(p, src, opt.Outline)
	if err != nil {
		return nil, err
	}
	if opt.Loaded != nil {
		opt.Loaded(pg)
	}
	return pg, nil
}

// sortTree puts every section's children in reading order (weight, then
// path) and drops directories that hold no content files at any depth.
func sortTree(s *Section) {
	sort.SliceStable(s.Pages, func(i, j int) bool {
		a, b := s.Pages[i], s.Pages[j]
		if a.Meta.Weight != b.Meta.Weight {
			return a.Meta.Weight < b.Meta.Weight
		}
		return a.Path < b.Path
	})
	kept := s.Sections[:0]
	for _, c := range s.Sections {
		sortTree(c)
		if c.Index != nil || len(c.Pages) > 0 || len(c.Sections) > 0 {
			kept = append(kept, c)
		}
	}
	s.Sections = kept
	sort.SliceStable(s.Sections, func(i, j int) bool {
		a, b := s.Sections[i], s.Sections[j]
		if a.Weight() != b.Weight() {
			return a.Weight() < b.Weight()
		}
		return a.Dir < b.Dir
	})
}

func invalidUTF8Line(src []byte) int {
	line := 1
	for len(src) > 0 {
		r, size := utf8.DecodeRune(src)
		if r == utf8.RuneError && size <= 1 {
			return line
		}
		if r == '\n' {
			line++
		}
		src = src[size:]
	}
	return line
}
