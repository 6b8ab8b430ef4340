package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"reportsite/generator/content"
	"reportsite/generator/report/fix"
)

// runFix is "generator fix [-n] [PATH…]": as gofmt does for Go, it applies
// the mechanical corrections of fix.Fix to content files, then the hand
// corrections recorded in each report's corrections.toml, and prints every
// change as FILE:LINE:COL: old → new. It returns 0 when every file was
// fixed (or, with -n, could be), 1 if a file cannot be read or written or a
// recorded correction no longer fits, 2 for a usage error.
func runFix(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("fix", flag.ContinueOnError)
	fs.SetOutput(stderr)
	dry := fs.Bool("n", false, "print the changes without writing them")
	fs.Usage = func() {
		fmt.Fprint(stderr, `usage: generator fix [-n] [PATH…]

Corrects the punctuation of content files where the correction cannot
change the meaning (GB/T 15834): half-width , ; : ! ? ( ) next to Chinese
text become ，；：！？（）, and half-width double quotes in pairs become “ ”.
Numbers, dates, names and anything ambiguous are never touched: check lists
them as proofreading warnings. Then it applies the hand corrections recorded
in a report's corrections.toml. Every change is printed as
FILE:LINE:COL: old → new. PATH is a .md file or a directory (default:
content/ of the site in the current directory). Fixing twice changes
nothing the second time.

`)
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	paths := fs.Args()
	if len(paths) == 0 {
		if _, err := os.Stat("config.toml"); err != nil {
			fmt.Fprintln(stderr, "generator fix: no config.toml here: run it in a site's directory, or name the files or directories to fix")
			return 1
		}
		paths = []string{"content"}
	}
	changes, files, err := fixPaths(paths, !*dry)
	for _, c := range changes {
		fmt.Fprintln(stdout, c)
	}
	if err != nil {
		for _, e := range content.Errors(err) {
			fmt.Fprintf(stderr, "generator fix: %v\n", e)
		}
		return 1
	}
	note := ""
	if *dry {
		note = " (-n: nothing written)"
	}
	fmt.Fprintf(stderr, "fix: %d change(s) in %d file(s)%s\n", len(changes), files, note)
	return 0
}

// fixFile is a content file that fix reads and may rewrite.
type fixFile struct {
	path string
	src  []byte
	mode fs.FileMode
}

// fixPaths fixes the content files under paths (files or directories) and
// applies the recorded corrections of the corrections.toml files it finds
// in the directories, writing each changed file when write is set. It
// returns the changes, in file order, and the number of files changed.
// When a file cannot be fixed, no file is written.
func fixPaths(paths []string, write bool) ([]fix.Change, int, error) {
	files, corrections, err := readFixPaths(paths)
	if err != nil {
		return nil, 0, err
	}
	dirs := make([]string, 0, len(corrections))
	for d := range corrections {
		dirs = append(dirs, d)
	}
	sort.Strings(dirs)
	var errs []error
	// Every recorded correction must name a file that is there.
	for _, d := range dirs {
		for i, c := range corrections[d] {
			if _, err := os.Stat(filepath.Join(d, filepath.FromSlash(c.File))); err != nil {
				errs = append(errs, fmt.Errorf("%s: correction %d: file %q: %w", filepath.Join(d, fix.CorrectionsFile), i+1, c.File, err))
			}
		}
	}
	var changes []fix.Change
	var out [][]byte
	for _, f := range files {
		src, cs := fix.Fix(f.path, f.src)
		changes = append(changes, cs...)
		for _, d := range dirs {
			rel, err := filepath.Rel(d, f.path)
			if err != nil || strings.HasPrefix(rel, "..") {
				continue
			}
			var hand []fix.Change
			src, hand, err = fix.Correct(f.path, filepath.ToSlash(rel), src, corrections[d])
			if err != nil {
				errs = append(errs, err)
			}
			changes = append(changes, hand...)
		}
		out = append(out, src)
	}
	if len(errs) > 0 {
		return changes, 0, errors.Join(errs...)
	}
	n := 0
	for i, f := range files {
		if string(out[i]) == string(f.src) {
			continue
		}
		n++
		if write {
			if err := replaceFile(f.path, out[i], f.mode); err != nil {
				return changes, n, err
			}
		}
	}
	return changes, n, nil
}

// readFixPaths reads the content files under paths (files or directories)
// and the corrections.toml files in the directories, by their directory.
func readFixPaths(paths []string) ([]fixFile, map[string][]fix.Correction, error) {
	var files []fixFile
	corrections := map[string][]fix.Correction{}
	var errs []error
	for _, root := range paths {
		st, err := os.Stat(root)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		names := []string{root}
		if st.IsDir() {
			names, err = fixDir(root, corrections)
			if err != nil {
				errs = append(errs, err)
			}
		}
		for _, p := range names {
			src, err := os.ReadFile(p)
			if err != nil {
				errs = append(errs, err)
				continue
			}
			info, err := os.Stat(p)
			if err != nil {
				errs = append(errs, err)
				continue
			}
			files = append(files, fixFile{p, src, info.Mode().Perm()})
		}
	}
	return files, corrections, errors.Join(errs...)
}

// fixDir lists the content files of the directory root and reads the
// corrections.toml files under it into corrections.
func fixDir(root string, corrections map[string][]fix.Correction) ([]string, error) {
	var errs []error
	list, err := content.List(os.DirFS(root))
	if err != nil {
		errs = append(errs, err)
	}
	var names []string
	for _, p := range list {
		names = append(names, filepath.Join(root, filepath.FromSlash(p)))
	}
	err = filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || d.Name() != fix.CorrectionsFile {
			return err
		}
		src, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		cs, err := fix.ParseCorrections(p, src)
		if err != nil {
			errs = append(errs, err)
		}
		corrections[filepath.Dir(p)] = cs
		return nil
	})
	if err != nil {
		errs = append(errs, err)
	}
	return names, errors.Join(errs...)
}

// replaceFile replaces the file at path with data, through a temporary file
// in its directory, so that a reader never sees half a file.
func replaceFile(path string, data []byte, mode fs.FileMode) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*")
	if err != nil {
		return err
	}
	_, err = tmp.Write(data)
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Chmod(tmp.Name(), mode)
	}
	if err == nil {
		err = os.Rename(tmp.Name(), path)
	}
	if err != nil {
		os.Remove(tmp.Name())
	}
	return err
}
