package render

import (
	"regexp"
	"strconv"
	"testing"
)

var (
	qrSVGRe   = regexp.MustCompile(`<svg class="qr"[^>]*viewBox="0 0 (\d+) \d+" role="img" aria-label="本页二维码：([^"]+)">.*?<path stroke="#000" d="([^"]*)"/></svg>`)
	qrStrokes = regexp.MustCompile(`([Mm])(\d+) (\d+)(?:\.5)?h(\d+)`)
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
		grid := make([][]bool, side)
		for i := range grid {
			grid[i] = make([]bool, side)
		}
		x, y := 0, 0
		for _, s := range qrStrokes.FindAllStringSubmatch(m[3], -1) {
			a, _ := strconv.Atoi(s[2])
			b, _ := strconv.Atoi(s[3])
			w, _ := strconv.Atoi(s[4])
			if s[1] == "M" {
				x, y = a, b
			} else {
				x += a
			}
			for i := range w {
				grid[y][x+i] = true
			}
			x += w
		}
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
