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
// source's extension. Call it before Write, with the same dir and pages.
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
	if index == nil {
		return nil
	}
	ext := strings.ToLower(filepath.Ext(file))
	if ext == "" || ext == ".md" || strings.ContainsAny(ext, `/\ `) {
		ext += ".txt" // a ".md" original would read as a content page
	}
	name := OriginalName + ext
	att := Attachment{File: name, Title: index.Meta.Title + "（原文）"}
	if len(index.Meta.Attachments) == 0 || index.Meta.Attachments[0] != att {
		index.Meta.Attachments = append([]Attachment{att}, index.Meta.Attachments...)
	}
	target := filepath.Join(dir, filepath.FromSlash(path.Join(path.Dir(index.Path), name)))
	old, err := os.ReadFile(target)
	switch {
	case err == nil && bytes.Equal(old, src):
		return nil
	case err == nil && !opt.Force:
		return &Error{Path: target, Err: ErrDiffers}
	case err != nil && !errors.Is(err, fs.ErrNotExist):
		return &Error{Path: target, Err: err}
	}
	return writeAtomic(target, src)
}
