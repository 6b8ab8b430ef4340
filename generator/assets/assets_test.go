package assets

import (
	"crypto/sha256"
	"encoding/hex"
	"io/fs"
	"strings"
	"testing"
	"testing/fstest"
)

// TestLoad checks the overlay, the minifying, the names and what is left
// out.
func TestLoad(t *testing.T) {
	builtin := fstest.MapFS{
		"site.css":      {Data: []byte("body {\n  color : red ;\n}\n")},
		"site.js":       {Data: []byte("function  f ( a ) {\n  return a ;\n}\n")},
		"conac.png":     {Data: []byte("\x89PNG  body {  }")},
		"README.md":     {Data: []byte("# notes\n")},
		".hidden":       {Data: []byte("x")},
		"fonts/a.woff2": {Data: []byte("font")},
	}
	site := fstest.MapFS{"site.css": {Data: []byte("p { margin : 0 }")}}
	files, err := Load(site, builtin, []byte(".chroma { color : #111111 }"))
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{
		"chroma.css":    ".chroma{color:#111}",
		"conac.png":     "\x89PNG  body {  }", // not CSS: copied as it is
		"fonts/a.woff2": "font",
		"site.css":      "p{margin:0}",             // the site's replaces the built-in one
		"site.js":       "function f(e){return e}", // parameters renamed
	}
	var names []string
	for _, f := range files {
		names = append(names, f.Src)
		if w, ok := want[f.Src]; !ok || string(f.Data) != w {
			t.Errorf("%s: %q, want %q", f.Src, f.Data, w)
		}
		sum := sha256.Sum256(f.Data)
		ext := f.Src[strings.LastIndex(f.Src, "."):]
		if wantOut := "assets/" + strings.TrimSuffix(f.Src, ext) + "." + hex.EncodeToString(sum[:4]) + ext; f.Out != wantOut {
			t.Errorf("%s published as %s, want %s", f.Src, f.Out, wantOut)
		}
	}
	if got := strings.Join(names, " "); got != "chroma.css conac.png fonts/a.woff2 site.css site.js" {
		t.Errorf("files %s, want them sorted, without README.md and .hidden", got)
	}

	// Without a site directory the built-in files are all there is.
	files, err = Load(nil, builtin, nil)
	if err != nil || len(files) != 5 {
		t.Fatalf("%d files, err %v", len(files), err)
	}
}

// TestLoadErrors checks that a symbolic link and CSS that cannot be minified
// are errors naming their file.
func TestLoadErrors(t *testing.T) {
	link := fstest.MapFS{"evil.css": {Data: []byte("/etc/passwd"), Mode: fs.ModeSymlink}}
	if _, err := Load(link, nil, nil); err == nil || err.Error() != "assets/evil.css: is a symbolic link; links are not followed" {
		t.Errorf("symbolic link: err = %v", err)
	}
	bad := fstest.MapFS{"bad.js": {Data: []byte("function (")}}
	if _, err := Load(bad, nil, nil); err == nil || !strings.HasPrefix(err.Error(), "assets/bad.js: cannot minify:") {
		t.Errorf("bad JS: err = %v", err)
	}
}
