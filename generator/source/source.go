package source

import (
	"bytes"
	"errors"
	"fmt"
	"path"
	"strings"
)

// Document is the text of one source file and the metadata its structure
// holds.
type Document struct {
	// Text is the report's text, UTF-8, one block per line ("\n" ends each
	// line). For a text file it is the file's bytes, unchanged, in whatever
	// encoding they are.
	Text []byte
	// Format is the format read: "text", "html", "mhtml" or "docx".
	Format string
	// Encoding is the character encoding of a web page ("UTF-8",
	// "GB18030", …); empty for other formats.
	Encoding string
	// Meta holds the metadata fields found outside the text's lines.
	Meta Meta
	// Headings are the lines of Text a Word document marks as headings.
	Headings []Heading
	// Dropped lists what the reader left out of Text, in document order:
	// a page's navigation, header, footer, link lists and hidden text, a
	// Word file's page headers and footers and tracked deletions.
	Dropped []Drop
}

// Meta is the document metadata a source holds in its structure. Empty
// fields were not found.
type Meta struct {
	Title     string // the document's title (标题, ArticleTitle, core.xml title)
	Issued    string // 发文日期 or the publication date, YYYY-MM-DD
	Written   string // 成文日期, YYYY-MM-DD
	Publisher string // 发布机构, 发文机关, 来源
	IndexNo   string // 索引号
	DocNo     string // 文号
	// Other are the remaining fields, in document order, keyed as printed
	// (layout spaces and the colon removed).
	Other []Field
}

// Field is one metadata field.
type Field struct {
	Key, Value string
}

// Heading is a line of Document.Text that the source marks as a heading.
type Heading struct {
	Line  int // 1-based line of Document.Text
	Level int // 1 for the top level
}

// MaxSize is the largest page or document, and the largest part of a Word
// file once unpacked, that Read accepts: a report is well under 1 MiB of
// text, and a saved page with inline images a few MiB.
const MaxSize = 64 << 20

// Errors Read wraps, with the file's name.
var (
	ErrPDF      = errors.New("a PDF is not read directly; extract its text with `pdftotext -layout FILE.pdf FILE.txt` (poppler-utils) and import FILE.txt")
	ErrNotDocx  = errors.New("not a Word .docx file (not a zip archive with word/document.xml); open it in Word or LibreOffice and save it as .docx, or as text (.txt)")
	ErrTooLarge = errors.New("too large")
	ErrOldWord  = errors.New("an old Word (.doc) or WPS file is not read; open it in Word, WPS or LibreOffice and save it as .docx, or as text (.txt)")
	ErrNoText   = errors.New("no text found; if the page loads its article with a script or in a frame, save the page once it shows the report, or copy the report's text into a .txt file")
	ErrBadHTML  = errors.New("not a web page that can be read; save the page again from the browser (Save Page As, HTML only), or copy its text into a .txt file")
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
			d, err = readHTML(data, true)
		case "mhtml":
			var page []byte
			if page, err = mhtmlPage(data); err == nil {
				d, err = readHTML(page, false)
			}
		case "docx":
			d, err = readDocx(data)
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
