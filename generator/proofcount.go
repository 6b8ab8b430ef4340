package main

import (
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"

	"reportsite/generator/content"
	"reportsite/generator/report/proofread"
)

// proofCounter counts the proofreading warnings of a site's content files,
// for the one line build and serve print. It remembers each file's count,
// so that a rebuild proofreads only the files that changed.
type proofCounter struct {
	source string
	counts map[string]int // by slash path under content/
}

// update proofreads the content files among changed (slash paths relative
// to the source), or all of them when changed is nil, and returns the
// total number of warnings. The numbering of sibling sections, which
// generator check also compares, is not counted here.
func (p *proofCounter) update(changed []string) int {
	root := filepath.Join(p.source, "content")
	fsys := os.DirFS(root)
	if changed == nil || p.counts == nil {
		p.counts = map[string]int{}
		files, _ := content.List(fsys)
		for _, f := range files {
			p.proofread(fsys, f)
		}
	} else {
		for _, c := range changed {
			rel, ok := strings.CutPrefix(c, "content/")
			if !ok {
				continue
			}
			if path.Ext(rel) != ".md" {
				// A folder removed or renamed: forget what was under it.
				for f := range p.counts {
					if strings.HasPrefix(f, rel+"/") {
						delete(p.counts, f)
					}
				}
				continue
			}
			p.proofread(fsys, rel)
		}
	}
	n := 0
	for _, c := range p.counts {
		n += c
	}
	return n
}

func (p *proofCounter) proofread(fsys fs.FS, f string) {
	src, err := fs.ReadFile(fsys, f)
	if err != nil {
		delete(p.counts, f)
		return
	}
	p.counts[f] = len(proofread.File(f, src))
}

// proofLine is the line build and serve print about proofreading, or ""
// when there is nothing to review.
func proofLine(n int, source string) string {
	if n == 0 {
		return ""
	}
	check, fix := "generator check", "generator fix"
	if source != "." && source != "" {
		check += " -source " + source
		fix += " " + filepath.Join(source, "content")
	}
	return fmt.Sprintf("%d proofreading warning(s) in content/ to review: %q lists them, %q corrects the punctuation", n, check, fix)
}
