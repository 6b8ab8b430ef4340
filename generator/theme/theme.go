// Package theme holds the built-in layouts and assets, embedded in the binary,
// so that a site with an empty layouts/ and assets/ still builds a complete,
// accessible site. A file of the same name in a site's layouts/ or assets/
// replaces the built-in one.
//
// The pages are phone first (no sideways scrolling at 320 px at any 字号),
// carry the government page tags and the 信息公开 table (GOV-PAGE.md), and
// run under Content-Security-Policy: default-src 'self': no inline script,
// style or event handler. site.js only improves pages that are complete
// without it. The tests build sites with the theme and check every page:
// dom_test.go reads the HTML, browser_test.go drives Chromium (skipped with
// -short or when /usr/bin/chromium is missing), css_test.go checks colour
// contrast, portal_test.go the furniture around the text (附件, 相关链接,
// 【我要纠错】, the QR code, the badge, 网站地图, 联系我们), 长者模式 and 朗读
// (portal.css, portal.js). "go test ./generator/theme -args -site DIR" adds
// another site.
//
// Outputs: Layouts and Assets, read-only fs.FS values rooted at the theme's
// layouts/ and assets/ directories. Imports: the standard library only.
package theme

import (
	"embed"
	"io/fs"
)

//go:embed layouts assets
var files embed.FS

// Layouts returns the built-in html/template layouts (baseof.html, one file
// per page kind, partials/).
func Layouts() fs.FS { return sub("layouts") }

// Assets returns the built-in stylesheets, scripts and icons.
func Assets() fs.FS { return sub("assets") }

func sub(dir string) fs.FS {
	f, err := fs.Sub(files, dir)
	if err != nil {
		panic(err) // unreachable: dir is a literal embedded above
	}
	return f
}
