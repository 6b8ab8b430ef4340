package content

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
)

// WriteOptions controls Write. The zero value never changes a file that
// differs from what would be written.
type WriteOptions struct {
	// Force replaces files that differ and removes the ".md" files under the
	// directory that are not among the pages written.
	Force bool
}

// WriteResult tells what Write did. Paths are slash paths relative to the
// directory written, sorted.
type WriteResult struct {
	Written   []string // created or replaced
	Unchanged []string // already held the same bytes
	Removed   []string // ".md" files that are not among the pages (Force only)
}

// ErrDiffers is reported, wrapped in an *Error naming the file, for a file
// that Write would change; ErrStale for a ".md" file that it would not write.
var (
	ErrDiffers = errors.New("differs from the page to be written (edited by hand?)")
	ErrStale   = errors.New("is not among the pages to be written")
)

// Write writes pages under dir, each at its Path (relative to dir), in the
// file form of Marshal. It is all or nothing with respect to hand edits: if
// any file under dir differs from what would be written, or a ".md" file under
// dir is not among the pages, nothing is written and every such file is
// reported, joined, unless opt.Force is set. Writing the same pages twice
// changes nothing the second time. Each file is written to a temporary file
// and renamed, so a reader never sees half a page.
func Write(dir string, pages []*Page, opt WriteOptions) (WriteResult, error) {
	var res WriteResult
	want := make(map[string][]byte, len(pages))
	order := make([]string, 0, len(pages))
	for _, p := range pages {
		if !validPagePath(p.Path) {
			return res, &Error{Path: p.Path, Err: errors.New(`not a clean relative ".md" path: a page path is like "01/_index.md"`)}
		}
		if _, dup := want[p.Path]; dup {
			return res, &Error{Path: p.Path, Err: errors.New("written twice: two pages have the same path")}
		}
		b, err := Marshal(p)
		if err != nil {
			return res, err
		}
		want[p.Path] = b
		order = append(order, p.Path)
	}

	var conflicts []error
	var write []string
	for _, p := range order {
		old, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(p)))
		switch {
		case errors.Is(err, fs.ErrNotExist):
			write = append(write, p)
		case err != nil:
			return res, &Error{Path: filepath.Join(dir, filepath.FromSlash(p)), Err: err}
		case bytes.Equal(old, want[p]):
			res.Unchanged = append(res.Unchanged, p)
		default:
			write = append(write, p)
			conflicts = append(conflicts, &Error{Path: filepath.Join(dir, filepath.FromSlash(p)), Err: ErrDiffers})
		}
	}
	stale, err := staleFiles(dir, want)
	if err != nil {
		return res, err
	}
	for _, p := range stale {
		conflicts = append(conflicts, &Error{Path: filepath.Join(dir, filepath.FromSlash(p)), Err: ErrStale})
	}
	if len(conflicts) > 0 && !opt.Force {
		res.Unchanged = nil
		return res, errors.Join(conflicts...)
	}

	for _, p := range write {
		if err := writeAtomic(filepath.Join(dir, filepath.FromSlash(p)), want[p]); err != nil {
			return res, err
		}
		res.Written = append(res.Written, p)
	}
	for _, p := range stale {
		name := filepath.Join(dir, filepath.FromSlash(p))
		if err := os.Remove(name); err != nil {
			return res, &Error{Path: name, Err: err}
		}
		res.Removed = append(res.Removed, p)
		removeEmptyParents(dir, path.Dir(p))
	}
	sort.Strings(res.Written)
	sort.Strings(res.Unchanged)
	sort.Strings(res.Removed)
	return res, nil
}

func validPagePath(p string) bool {
	return p != "" && !path.IsAbs(p) && path.Clean(p) == p &&
		p != ".." && !strings.HasPrefix(p, "../") && path.Ext(p) == ".md" &&
		!strings.Contains(p, `\`)
}

// staleFiles lists the ".md" files under dir that are not in want, skipping
// what Load skips (hidden names, "#" names, backups ending in "~").
func staleFiles(dir string, want map[string][]byte) ([]string, error) {
	var stale []string
	err := filepath.WalkDir(dir, func(name string, d fs.DirEntry, err error) error {
		if err != nil {
			if name == dir && errors.Is(err, fs.ErrNotExist) {
				return fs.SkipAll
			}
			return &Error{Path: name, Err: err}
		}
		rel, err := filepath.Rel(dir, name)
		if err != nil {
			return &Error{Path: name, Err: err}
		}
		rel = filepath.ToSlash(rel)
		base := d.Name()
		if rel != "." && (strings.HasPrefix(base, ".") || strings.HasPrefix(base, "#")) {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.IsDir() || path.Ext(base) != ".md" || strings.HasSuffix(base, "~") {
			return nil
		}
		if _, ok := want[rel]; !ok {
			stale = append(stale, rel)
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("reading %s: %w", dir, err)
	}
	return stale, nil
}

func writeAtomic(name string, data []byte) error {
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		return &Error{Path: name, Err: err}
	}
	f, err := os.CreateTemp(filepath.Dir(name), "."+filepath.Base(name)+".tmp*")
	if err != nil {
		return &Error{Path: name, Err: err}
	}
	tmp := f.Name()
	_, err = f.Write(data)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Chmod(tmp, 0o644)
	}
	if err == nil {
		err = os.Rename(tmp, name)
	}
	if err != nil {
		os.Remove(tmp)
		return &Error{Path: name, Err: err}
	}
	return nil
}

// removeEmptyParents removes rel (a slash directory under dir) and its
// parents up to, not including, dir while they are empty.
func removeEmptyParents(dir, rel string) {
	for rel != "." && rel != "/" && rel != "" {
		if os.Remove(filepath.Join(dir, filepath.FromSlash(rel))) != nil {
			return
		}
		rel = path.Dir(rel)
	}
}
