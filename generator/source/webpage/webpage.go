package webpage

import (
	"errors"

	"reportsite/generator/source/document"
)

// ErrBadHTML is wrapped when the HTML parser gives up on a page (elements
// nested over 512 deep).
var ErrBadHTML = errors.New("not a web page that can be read; save the page again from the browser (Save Page As, HTML only), or copy its text into a .txt file")

// Read reads a web page (.html): its text from the title of its article to
// the article's end, and its metadata. Dropped names the lines of data.
func Read(data []byte) (*document.Document, error) {
	d, _, err := readHTML(data, true)
	return d, err
}

// ReadMHTML reads a web archive (.mht, .mhtml): its first HTML page, read
// as Read does; Dropped names elements by their path, as the lines of the
// page are not the file's.
func ReadMHTML(data []byte) (*document.Document, error) {
	page, err := mhtmlPage(data)
	if err != nil {
		return nil, err
	}
	d, _, err := readHTML(page, false)
	if err != nil {
		return nil, err
	}
	d.Format = "mhtml"
	return d, nil
}
