// Package assets owns a site's static files: it loads the built-in theme's
// assets overlaid by the site's own assets/ directory (a site file replaces
// the built-in file of the same name), minifies CSS and JS, and names every
// file by a hash of its content, so that a published asset can be cached
// for ever and a changed one gets a new name.
//
// It was part of site; it is separate because it is a stage with one
// input and one output, the only user of tdewolff/minify, and site was over
// the ~1,500-line budget of STYLE.md. site publishes the files and links
// pages to them.
//
// Inputs: the site's assets/ and the built-in assets as fs.FS, and the
// generated chroma stylesheet. Outputs: []File, sorted by source name.
// Imports: the standard library and tdewolff/minify only; only site imports
// it.
package assets

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strings"

	"github.com/tdewolff/minify/v2"
	"github.com/tdewolff/minify/v2/css"
	"github.com/tdewolff/minify/v2/js"
)

// File is one published asset file.
type File struct {
	Src  string // source name, e.g. "site.css"
	Out  string // published path, e.g. "assets/site.3f2a9c1e.css"
	Data []byte // the published bytes, minified for CSS and JS
}

// Load reads the built-in assets overlaid by the site's own (a site file
// replaces the built-in file of the same name), adds the generated chroma
// stylesheet, minifies CSS and JS and names every file by its content hash.
// site may be nil (a site without assets/). An error names the file under
// assets/ it is about.
func Load(site, builtin fs.FS, chroma []byte) ([]File, error) {
	files := map[string][]byte{"chroma.css": chroma}
	for _, fsys := range []fs.FS{builtin, site} {
		if fsys == nil {
			continue
		}
		err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if d.Type()&fs.ModeSymlink != 0 {
				return fmt.Errorf("assets/%s: is a symbolic link; links are not followed", p)
			}
			// Notes such as README.md document the directory; they are not assets.
			if d.IsDir() || strings.HasPrefix(d.Name(), ".") || path.Ext(p) == ".md" {
				return nil
			}
			b, err := fs.ReadFile(fsys, p)
			if err != nil {
				return err
			}
			files[p] = b
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	names := make([]string, 0, len(files))
	for n := range files {
		names = append(names, n)
	}
	sort.Strings(names)
	m := minify.New()
	m.AddFunc("text/css", css.Minify)
	m.AddFunc("text/javascript", js.Minify)
	out := make([]File, 0, len(names))
	for _, n := range names {
		data := files[n]
		var mime string
		switch path.Ext(n) {
		case ".css":
			mime = "text/css"
		case ".js":
			mime = "text/javascript"
		}
		if mime != "" {
			var b bytes.Buffer
			if err := m.Minify(mime, &b, bytes.NewReader(data)); err != nil {
				return nil, fmt.Errorf("assets/%s: cannot minify: %w", n, err)
			}
			data = b.Bytes()
		}
		sum := sha256.Sum256(data)
		ext := path.Ext(n)
		hashed := strings.TrimSuffix(n, ext) + "." + hex.EncodeToString(sum[:4]) + ext
		out = append(out, File{Src: n, Out: "assets/" + hashed, Data: data})
	}
	return out, nil
}
