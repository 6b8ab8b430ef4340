package serve

import (
	"bytes"
	_ "embed"
	"io"
	"io/fs"
	"mime"
	"net/http"
	"os"
	"path"
	"path/filepath"
	"strconv"
	"strings"
	"time"
)

// reloadJS is the live-reload client, served at /_reload.js.
//
//go:embed reload.js
var reloadJS []byte

// Paths the server answers itself. A site file of the same name is hidden.
const (
	eventsPath = "/_reload"
	scriptPath = "/_reload.js"
)

// ServeHTTP serves the built site, the live-reload script and its event
// stream.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "405 method not allowed: this server only serves files", http.StatusMethodNotAllowed)
		return
	}
	switch r.URL.Path {
	case eventsPath:
		s.serveEvents(w, r)
		return
	case scriptPath:
		w.Header().Set("Content-Type", "text/javascript; charset=utf-8")
		w.Header().Set("Cache-Control", "no-cache")
		http.ServeContent(w, r, scriptPath, time.Time{}, bytes.NewReader(reloadJS))
		return
	}
	name, slash, ok := clean(r.URL.Path)
	if !ok {
		http.Error(w, "400 bad request: the path leaves the site", http.StatusBadRequest)
		return
	}
	s.serveFile(w, r, name, slash)
}

// clean turns a decoded URL path into a slash path inside the site, and says
// whether it ended in "/". It refuses "..", ".", empty elements, backslashes
// and NULs rather than cleaning them away: no link of a built site has them.
func clean(p string) (name string, slash, ok bool) {
	if !strings.HasPrefix(p, "/") || strings.ContainsAny(p, "\\\x00") {
		return "", false, false
	}
	slash = strings.HasSuffix(p, "/")
	name = strings.TrimSuffix(p[1:], "/")
	if name == "" {
		return ".", true, true
	}
	return name, slash, fs.ValidPath(name)
}

func (s *Server) serveFile(w http.ResponseWriter, r *http.Request, name string, slash bool) {
	// Take the build ID before reading the file: if a build lands in between,
	// the page is newer than its ID says and gets one needless reload, never
	// a missed one.
	id := s.buildID()
	// Open the root for each request: a build swaps in a new directory.
	root, err := os.OpenRoot(s.opt.Dir)
	if err != nil {
		s.writeHTML(w, r, http.StatusServiceUnavailable, []byte(notBuiltPage), id)
		return
	}
	defer root.Close()
	f, info, err := open(root, name)
	switch {
	case err != nil:
	case info.IsDir() && !slash:
		f.Close()
		u := *r.URL
		u.Path += "/"
		http.Redirect(w, r, u.RequestURI(), http.StatusFound)
		return
	case info.IsDir():
		f.Close()
		name = path.Join(name, "index.html")
		f, info, err = open(root, name)
		if err == nil && info.IsDir() {
			f.Close()
			err = fs.ErrNotExist
		}
	case slash: // "a.css/"
		f.Close()
		err = fs.ErrNotExist
	}
	if err != nil {
		s.notFound(w, r, root, id)
		return
	}
	defer f.Close()
	if path.Ext(name) == ".html" {
		b, err := io.ReadAll(f)
		if err != nil {
			http.Error(w, "500 cannot read "+name, http.StatusInternalServerError)
			return
		}
		s.writeHTML(w, r, http.StatusOK, b, id)
		return
	}
	if t := contentType(name); t != "" {
		w.Header().Set("Content-Type", t)
	}
	w.Header().Set("Cache-Control", "no-cache")
	w.Header().Set("X-Content-Type-Options", "nosniff")
	http.ServeContent(w, r, name, info.ModTime(), f)
}

func open(root *os.Root, name string) (*os.File, fs.FileInfo, error) {
	f, err := root.Open(filepath.FromSlash(name))
	if err != nil {
		return nil, nil, err
	}
	info, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, nil, err
	}
	return f, info, nil
}

// notFound answers with the site's 404.html, or a built-in page if the site
// has none.
func (s *Server) notFound(w http.ResponseWriter, r *http.Request, root *os.Root, id string) {
	page, err := root.ReadFile("404.html")
	if err != nil {
		page = []byte(notFoundPage)
	}
	s.writeHTML(w, r, http.StatusNotFound, page, id)
}

const notFoundPage = `<!DOCTYPE html>
<html lang="zh-CN"><meta charset="utf-8"><title>404 页面不存在</title>
<body><h1>404 页面不存在</h1><p><a href="/">返回首页</a></p></body></html>
`

const notBuiltPage = `<!DOCTYPE html>
<html lang="zh-CN"><meta charset="utf-8"><title>站点尚未生成</title>
<body><h1>站点尚未生成</h1><p>The site has not been built yet: fix the errors shown, and this page reloads by itself.</p></body></html>
`

func (s *Server) writeHTML(w http.ResponseWriter, r *http.Request, status int, page []byte, id string) {
	page = inject(page, id)
	h := w.Header()
	h.Set("Content-Type", "text/html; charset=utf-8")
	h.Set("Cache-Control", "no-store")
	h.Set("Content-Length", strconv.Itoa(len(page)))
	h.Set("X-Content-Type-Options", "nosniff")
	w.WriteHeader(status)
	if r.Method != http.MethodHead {
		w.Write(page)
	}
}

// inject adds the live-reload script before the last </body>, or at the end
// of a page that has none.
func inject(page []byte, id string) []byte {
	tag := `<script src="` + scriptPath + `" data-build="` + id + `"></script>` + "\n"
	i := bodyEnd(page)
	out := make([]byte, 0, len(page)+len(tag))
	out = append(out, page[:i]...)
	out = append(out, tag...)
	return append(out, page[i:]...)
}

// bodyEnd returns the offset of the last "</body" in page, in any case, or
// len(page).
func bodyEnd(page []byte) int {
	for end := len(page); ; {
		i := bytes.LastIndex(page[:end], []byte("</"))
		if i < 0 {
			return len(page)
		}
		if i+6 <= len(page) && bytes.EqualFold(page[i+2:i+6], []byte("body")) {
			return i
		}
		end = i
	}
}

// contentType returns the media type of a file of the built site, with the
// charset of every text type, instead of relying on the host's mime.types.
func contentType(name string) string {
	switch ext := strings.ToLower(path.Ext(name)); ext {
	case ".css":
		return "text/css; charset=utf-8"
	case ".js", ".mjs":
		return "text/javascript; charset=utf-8"
	case ".json":
		return "application/json; charset=utf-8"
	case ".webmanifest":
		return "application/manifest+json; charset=utf-8"
	case ".txt", ".md":
		return "text/plain; charset=utf-8"
	case ".csv":
		return "text/csv; charset=utf-8"
	case ".xml":
		return "application/xml; charset=utf-8"
	case ".svg":
		return "image/svg+xml; charset=utf-8"
	case ".png":
		return "image/png"
	case ".jpg", ".jpeg":
		return "image/jpeg"
	case ".gif":
		return "image/gif"
	case ".webp":
		return "image/webp"
	case ".avif":
		return "image/avif"
	case ".ico":
		return "image/x-icon"
	case ".woff":
		return "font/woff"
	case ".woff2":
		return "font/woff2"
	case ".ttf":
		return "font/ttf"
	case ".otf":
		return "font/otf"
	case ".pdf":
		return "application/pdf"
	default:
		return mime.TypeByExtension(ext) // "" lets ServeContent sniff
	}
}
