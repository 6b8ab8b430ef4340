// Package theme holds the built-in layouts and assets, embedded in the binary,
// so that a site with an empty layouts/ and assets/ still builds a complete,
// accessible site. A file of the same name in a site's layouts/ or assets/
// replaces the built-in one.
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
