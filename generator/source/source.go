package source

import (
	"bytes"
	"errors"
	"fmt"
	"path"
	"strings"

	"reportsite/generator/source/document"
	"reportsite/generator/source/docx"
	"reportsite/generator/source/webpage"
)

// The document Read returns, defined in package document so that the
// readers of each format can build it.
type (
	// Document is the text of one source file and the metadata its
	// structure holds.
	Document = document.Document
	// Meta is the document metadata a source holds in its structure.
	Meta = document.Meta
	// Field is one metadata field.
	Field = document.Field
	// Heading is a line of Document.Text that the source marks as a heading.
	Heading = document.Heading
	// Drop is a run of a source's text that Read left out of Document.Text.
	Drop = document.Drop
)

// MaxSize is the largest page or document, and the largest part of a Word
// file once unpacked, that Read accepts: a report is well under 1 MiB of
// text, and a saved page with inline images a few MiB.
const MaxSize = document.MaxSize

// Errors Read wraps, with the file's name.
var (
	ErrPDF      = errors.New("a PDF is not read directly; extract its text with `pdftotext -layout FILE.pdf FILE.txt` (poppler-utils) and import FILE.txt")
	ErrNotDocx  = docx.ErrNotDocx
	ErrTooLarge = document.ErrTooLarge
	ErrOldWord  = errors.New("an old Word (.doc) or WPS file is not read; open it in Word, WPS or LibreOffice and save it as .docx, or as text (.txt)")
	ErrNoText   = errors.New("no text found; if the page loads its article with a script or in a frame, save the page once it shows the report, or copy the report's text into a .txt file")
	ErrBadHTML  = webpage.ErrBadHTML
	ErrNoPage   = webpage.ErrNoPage
)

// Read reads one source file. name is the file's name: its extension picks
// the format, and errors start with it.
func Read(name string, data []byte) (*Document, error) {
	f := format(name, data)
	var d *Document
	var err error
	switch f {
	case "text":
		return &Document{Text: data, Format: "text"}, nil
	case "pdf":
		err = ErrPDF
	case "doc":
		err = ErrOldWord
	case "html", "mhtml", "docx":
		if len(data) > MaxSize {
			return nil, fmt.Errorf("%s: %w: the file is %d MiB, over the limit of %d MiB; save only the report", name, ErrTooLarge, len(data)>>20, MaxSize>>20)
		}
		switch f {
		case "html":
			d, err = webpage.Read(data)
		case "mhtml":
			d, err = webpage.ReadMHTML(data)
		case "docx":
			d, err = docx.Read(data)
		}
	}
	if err == nil && len(d.Text) == 0 {
		err = ErrNoText
	}
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	d.Format = f
	return d, nil
}

// format names the reader for a file: by extension, else by its first bytes.
func format(name string, data []byte) string {
	switch strings.ToLower(path.Ext(strings.ReplaceAll(name, `\`, "/"))) {
	case ".txt", ".text":
		return "text"
	case ".html", ".htm", ".shtml", ".xhtml":
		return "html"
	case ".mht", ".mhtml":
		return "mhtml"
	case ".docx":
		return "docx"
	case ".pdf":
		return "pdf"
	case ".doc", ".wps", ".et", ".dps":
		return "doc"
	}
	head := data[:min(len(data), 512)]
	switch {
	case bytes.HasPrefix(head, []byte("%PDF-")):
		return "pdf"
	case bytes.HasPrefix(head, []byte("PK\x03\x04")):
		return "docx"
	case bytes.HasPrefix(head, []byte("\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1")): // OLE2: .doc, .wps
		return "doc"
	}
	lower := bytes.ToLower(bytes.TrimLeft(bytes.TrimPrefix(head, []byte("\xef\xbb\xbf")), " \t\r\n"))
	if bytes.HasPrefix(lower, []byte("<!doctype html")) || bytes.HasPrefix(lower, []byte("<html")) {
		return "html"
	}
	return "text"
}
