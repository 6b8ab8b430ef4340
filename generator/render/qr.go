package render

import (
	"fmt"
	"html/template"
	"net/url"
	"strconv"
	"strings"

	qr "github.com/piglig/go-qr"
)

// qrQuiet is the quiet zone around a QR code, in modules (ISO/IEC 18004).
const qrQuiet = 4

// qrMask is the data mask of every QR code. ISO/IEC 18004 recommends the
// mask with the lowest penalty score, and every mask decodes; scoring the
// eight costs five times the encoding (about 0.3 ms a page, more than the
// rest of a page's build), so the build takes one fixed mask.
const qrMask = 0

// qrCode encodes text as the QR code of a page.
func qrCode(text string) (*qr.QrCode, error) {
	segs, err := qr.MakeSegments(text)
	if err != nil {
		return nil, err
	}
	return qr.EncodeSegments(segs, qr.Medium, qr.MinVersion, qr.MaxVersion, qrMask, true)
}

// qrText is the text a page's QR code holds: its canonical URL with the path
// percent-encoded, which every phone's scanner opens.
func qrText(canonical string) string {
	if u, err := url.Parse(canonical); err == nil {
		return u.String()
	}
	return canonical
}

// QRSVG draws the QR code of a page's canonical URL as an inline <svg>: one
// path whose horizontal strokes are the dark modules of each row, black on a
// white square whatever the page's colours, with the quiet zone.
func QRSVG(canonical string) (template.HTML, error) {
	text := qrText(canonical)
	code, err := qrCode(text)
	if err != nil {
		return "", fmt.Errorf("QR code of %s: %w", text, err)
	}
	n := code.Size()
	side := strconv.Itoa(n + 2*qrQuiet)
	var b strings.Builder
	b.Grow(2048)
	b.WriteString(`<svg class="qr" viewBox="0 0 ` + side + " " + side + `" role="img" aria-label="本页二维码：`)
	template.HTMLEscape(&b, []byte(text))
	b.WriteString(`"><path fill="#fff" d="M0 0h` + side + "v" + side + `H0z"/><path stroke="#000" d="`)
	put := func(prefix string, v int, suffix string) {
		b.WriteString(prefix)
		b.WriteString(strconv.Itoa(v)) // small numbers: no allocation
		b.WriteString(suffix)
	}
	for y := range n {
		x0 := -1 // where the row's last stroke ended; -1 before the first
		for x := 0; x < n; {
			if !code.Module(x, y) {
				x++
				continue
			}
			w := 1
			for x+w < n && code.Module(x+w, y) {
				w++
			}
			if x0 < 0 {
				put("M", x+qrQuiet, " ")
				put("", y+qrQuiet, ".5")
			} else {
				put("m", x-x0, " 0")
			}
			put("h", w, "")
			x += w
			x0 = x
		}
	}
	b.WriteString(`"/></svg>`)
	return template.HTML(b.String()), nil
}
