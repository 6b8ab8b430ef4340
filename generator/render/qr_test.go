package render

import (
	"regexp"
	"reportsite/generator/internal/testsite"
	"strconv"
	"testing"
)

var (
	qrSVGRe = regexp.MustCompile(`<svg class="qr"[^>]*viewBox="0 0 (\d+) \d+" role="img" aria-label="本页二维码：([^"]+)">.*?<path stroke="#000" d="([^"]*)"/></svg>`)
)

// TestQRSVG checks that the SVG of a page's QR code draws exactly the
// library's modules for the canonical URL, with the quiet zone around them.
func TestQRSVG(t *testing.T) {
	for _, canonical := range []string{
		"https://example.gov.cn/sub/",
		"https://example.gov.cn/sub/r/01/01.html",
		"https://example.gov.cn/sub/r/full.html",
		"https://example.gov.cn/sub/contact.html",
	} {
		svg, err := QRSVG(canonical)
		if err != nil {
			t.Fatal(err)
		}
		m := qrSVGRe.FindStringSubmatch(string(svg))
		if m == nil {
			t.Fatalf("%s: not a QR code: %s", canonical, svg)
		}
		if m[2] != canonical {
			t.Errorf("%s: the QR code holds %q", canonical, m[2])
		}
		side, _ := strconv.Atoi(m[1])
		grid := testsite.QRGrid(side, m[3])
		code, err := qrCode(canonical)
		if err != nil {
			t.Fatal(err)
		}
		if code.Size()+2*qrQuiet != side {
			t.Fatalf("%s: side %d, want %d", canonical, side, code.Size()+2*qrQuiet)
		}
		for yy := range side {
			for xx := range side {
				if want := code.Module(xx-qrQuiet, yy-qrQuiet); grid[yy][xx] != want {
					t.Fatalf("%s: module (%d,%d) = %v, want %v", canonical, xx, yy, grid[yy][xx], want)
				}
			}
		}
	}
}
