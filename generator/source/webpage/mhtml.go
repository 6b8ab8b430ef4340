package webpage

import (
	"bytes"
	"encoding/base64"
	"errors"
	"fmt"
	"io"
	"mime"
	"mime/multipart"
	"mime/quotedprintable"
	"net/mail"
	"strings"

	"reportsite/generator/source/document"
)

// ErrNoPage is wrapped when a web archive holds no HTML page.
var ErrNoPage = errors.New("the web archive (.mht) holds no HTML page; save the page as HTML (.html) instead")

// mhtmlPage returns the HTML page of a web archive (.mht, .mhtml: a MIME
// message, as browsers save "a single file"): its first text/html part,
// decoded from quoted-printable or base64, with the charset the part's
// header names declared in front of it (the transport's word outranks the
// page's own).
func mhtmlPage(data []byte) ([]byte, error) {
	msg, err := mail.ReadMessage(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrNoPage, err)
	}
	return htmlPart(msg.Header.Get("Content-Type"), msg.Header.Get("Content-Transfer-Encoding"), msg.Body, 0)
}

func htmlPart(contentType, transfer string, body io.Reader, depth int) ([]byte, error) {
	media, params, err := mime.ParseMediaType(contentType)
	if err != nil {
		media, params = "text/html", nil
	}
	if strings.HasPrefix(media, "multipart/") && depth < 4 {
		mr := multipart.NewReader(body, params["boundary"])
		for {
			p, err := mr.NextPart()
			if err != nil {
				return nil, fmt.Errorf("%w: %v", ErrNoPage, err)
			}
			// multipart decodes quoted-printable itself and hides the
			// header; base64 is left to htmlPart.
			b, err := htmlPart(p.Header.Get("Content-Type"), p.Header.Get("Content-Transfer-Encoding"), p, depth+1)
			if err == nil {
				return b, nil
			}
		}
	}
	if media != "text/html" {
		return nil, ErrNoPage
	}
	switch strings.ToLower(strings.TrimSpace(transfer)) {
	case "base64":
		body = base64.NewDecoder(base64.StdEncoding, newlineSkipper{body})
	case "quoted-printable":
		body = quotedprintable.NewReader(body)
	}
	b, err := io.ReadAll(io.LimitReader(body, document.MaxSize+1))
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrNoPage, err)
	}
	if len(b) > document.MaxSize {
		return nil, fmt.Errorf("%w: the page is over %d MiB", document.ErrTooLarge, document.MaxSize>>20)
	}
	if cs := params["charset"]; cs != "" {
		b = append([]byte(`<meta charset="`+cs+`">`), b...)
	}
	return b, nil
}

// newlineSkipper drops the line breaks of base64 text.
type newlineSkipper struct{ r io.Reader }

func (s newlineSkipper) Read(p []byte) (int, error) {
	n, err := s.r.Read(p)
	j := 0
	for _, c := range p[:n] {
		if c != '\r' && c != '\n' {
			p[j] = c
			j++
		}
	}
	return j, err
}
