package testsite

import (
	"regexp"
	"strconv"
)

// qrStroke is one run of dark modules in the path of a page's QR code: a
// move (absolute M, or relative m from the end of the last run) to the
// run's start, then its width.
var qrStroke = regexp.MustCompile(`([Mm])(\d+) (\d+)(?:\.5)?h(\d+)`)

// QRGrid reads the path d of a QR code drawn side modules wide (as the
// theme writes it: one horizontal stroke per run of dark modules) back into
// its modules, true for dark.
func QRGrid(side int, d string) [][]bool {
	grid := make([][]bool, side)
	for i := range grid {
		grid[i] = make([]bool, side)
	}
	x, y := 0, 0
	for _, s := range qrStroke.FindAllStringSubmatch(d, -1) {
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
	return grid
}
