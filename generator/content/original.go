package content

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"
)

// OriginalName is the base name, before the source's extension, under which
// AttachOriginal keeps the file a report was imported from.
const OriginalName = "原文"

// AttachOriginal keeps the file a report was imported from, so that the
// site offers the official original under 附件: it lists the file first
// among the attachments of the report's index page (the page with
// Meta.Report) and writes src beside that page under dir, as 原文 with the
// source's extension. CheckOriginal tells beforehand whether it would. A
// saved web page is not kept (see webPage).
// Like Write it never replaces a different file of that name unless
// opt.Force is set. Without a report page it does nothing.
func AttachOriginal(dir string, pages []*Page, file string, src []byte, opt WriteOptions) error {
	var index *Page
	for _, p := range pages {
		if p.Meta.Report != nil && p.IsIndex() {
			index = p
			break
		}
	}
	if index == nil || webPage(file) {
		return nil
	}
	name := originalName(file)
	att := Attachment{File: name, Title: index.Meta.Title + "（原文）"}
	if len(index.Meta.Attachments) == 0 || index.Meta.Attachments[0] != att {
		index.Meta.Attachments = append([]Attachment{att}, index.Meta.Attachments...)
	}
	target := filepath.Join(dir, filepath.FromSlash(path.Join(path.Dir(index.Path), name)))
	return writeOriginal(target, src, opt)
}

// CheckOriginal reports the error AttachOriginal would return for writing
// src into dir (ErrDiffers: a different original is there, and no
// opt.Force), without writing anything, so that a caller can refuse an
// import before it writes its pages.
func CheckOriginal(dir string, pages []*Page, file string, src []byte, opt WriteOptions) error {
	for _, p := range pages {
		if p.Meta.Report != nil && p.IsIndex() && !webPage(file) {
			target := filepath.Join(dir, filepath.FromSlash(path.Join(path.Dir(p.Path), originalName(file))))
			_, err := sameOriginal(target, src, opt)
			return err
		}
	}
	return nil
}

// webPage tells whether file is a saved web page, which is not kept: the
// page is on its portal already, and a copy would serve that portal's
// scripts and links from this site.
func webPage(file string) bool {
	switch strings.ToLower(filepath.Ext(file)) {
	case ".html", ".htm", ".xhtml", ".mht", ".mhtml", ".shtml":
		return true
	}
	return false
}

// originalName is the name of the original file imported as file.
func originalName(file string) string {
	ext := strings.ToLower(filepath.Ext(file))
	if ext == "" || ext == ".md" || strings.ContainsAny(ext, `/\ `) {
		ext += ".txt" // a ".md" original would read as a content page
	}
	return OriginalName + ext
}

func writeOriginal(target string, src []byte, opt WriteOptions) error {
	if same, err := sameOriginal(target, src, opt); same || err != nil {
		return err
	}
	return writeAtomic(target, src)
}

// sameOriginal tells whether target holds src already; a different file is
// ErrDiffers unless opt.Force.
func sameOriginal(target string, src []byte, opt WriteOptions) (bool, error) {
	old, err := os.ReadFile(target)
	switch {
	case err == nil && bytes.Equal(old, src):
		return true, nil
	case err == nil && !opt.Force:
		return false, &Error{Path: target, Err: ErrDiffers}
	case err != nil && !errors.Is(err, fs.ErrNotExist):
		return false, &Error{Path: target, Err: err}
	}
	return false, nil
}
