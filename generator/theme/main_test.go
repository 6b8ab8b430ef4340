package theme_test

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
	"golang.org/x/tools/txtar"

	"reportsite/generator/config"
	"reportsite/generator/site"
)

// The tests build two sites with the built-in theme, once per test binary:
// the fixture in testdata/site.txtar (every layout, wide tables, two
// reports), and the repository's own site when its content/ exists (the
// seed report, on which the page budget is measured).
//
// builtSites is set by TestMain before any test runs and only read after.
var builtSites []*builtSite

var siteFlag = flag.String("site", "", "also build and test the site in this directory, e.g. -args -site /path/to/site")

// builtSite is a site built into a temporary directory, with every HTML page
// parsed.
type builtSite struct {
	name  string
	dir   string // the published site
	base  string // base_url, "" when not configured
	cfg   *config.Config
	pages []*page
}

// page is one published HTML file.
type page struct {
	file string // slash path relative to the site root, e.g. "r/01/index.html"
	raw  []byte
	doc  *html.Node
	ids  map[string]int
}

func TestMain(m *testing.M) {
	flag.Parse()
	tmp, err := os.MkdirTemp("", "theme-test-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	code := func() int {
		defer shutdownBrowser()
		if err := buildSites(tmp); err != nil {
			fmt.Fprintln(os.Stderr, err)
			return 1
		}
		return m.Run()
	}()
	os.RemoveAll(tmp)
	os.Exit(code)
}

func buildSites(tmp string) error {
	src := filepath.Join(tmp, "fixture")
	archive, err := os.ReadFile("testdata/site.txtar")
	if err != nil {
		return err
	}
	for _, f := range txtar.Parse(archive).Files {
		p := filepath.Join(src, filepath.FromSlash(f.Name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(p, f.Data, 0o644); err != nil {
			return err
		}
	}
	sources := []struct{ name, dir string }{{"fixture", src}}
	// The repository's site: the seed report as committed.
	if st, err := os.Stat("../../content"); err == nil && st.IsDir() {
		sources = append(sources, struct{ name, dir string }{"repo", "../.."})
	}
	if *siteFlag != "" {
		sources = append(sources, struct{ name, dir string }{"flag", *siteFlag})
	}
	for _, s := range sources {
		b, err := buildSite(s.name, s.dir, filepath.Join(tmp, s.name+"-public"))
		if err != nil {
			return fmt.Errorf("building the %s site: %w", s.name, err)
		}
		builtSites = append(builtSites, b)
	}
	return nil
}

func buildSite(name, src, dest string) (*builtSite, error) {
	if _, err := site.Build(context.Background(), site.Options{Source: src, Dest: dest}); err != nil {
		return nil, err
	}
	cfg, _, err := config.Load(os.DirFS(src))
	if err != nil {
		return nil, err
	}
	b := &builtSite{name: name, dir: dest, base: cfg.BaseURL, cfg: cfg}
	err = filepath.WalkDir(dest, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || filepath.Ext(p) != ".html" {
			return err
		}
		raw, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		doc, err := html.Parse(bytes.NewReader(raw))
		if err != nil {
			return fmt.Errorf("%s: %w", p, err)
		}
		rel, _ := filepath.Rel(dest, p)
		pg := &page{file: filepath.ToSlash(rel), raw: raw, doc: doc, ids: map[string]int{}}
		for n := range doc.Descendants() {
			if id, ok := attr(n, "id"); ok {
				pg.ids[id]++
			}
		}
		b.pages = append(b.pages, pg)
		return nil
	})
	sort.Slice(b.pages, func(i, j int) bool { return b.pages[i].file < b.pages[j].file })
	return b, err
}

// forEachSite runs f as a subtest for every built site.
func forEachSite(t *testing.T, f func(t *testing.T, s *builtSite)) {
	t.Helper()
	if len(builtSites) == 0 {
		t.Fatal("no site was built")
	}
	for _, s := range builtSites {
		t.Run(s.name, func(t *testing.T) { f(t, s) })
	}
}

// seedSite is the site the page budget applies to: the repository's own
// site, or the fixture while content/ does not exist yet.
func seedSite() *builtSite {
	for _, s := range builtSites {
		if s.name == "repo" || s.name == "flag" {
			return s
		}
	}
	return builtSites[0]
}

// kind is the page kind the layout wrote into <body class="kind-…">.
func (p *page) kind() string {
	for n := range p.doc.Descendants() {
		if n.DataAtom == atom.Body {
			c, _ := attr(n, "class")
			for _, f := range strings.Fields(c) {
				if k, ok := strings.CutPrefix(f, "kind-"); ok {
					return k
				}
			}
		}
	}
	return ""
}

// urlPath is the path a server answers the page at, e.g. "/r/01/".
func (p *page) urlPath() string {
	return "/" + strings.TrimSuffix(p.file, "index.html")
}

// resolve maps a link found on the page to the file of s it names, and its
// fragment. ok is false for a link that leaves the site.
func (s *builtSite) resolve(p *page, ref string) (file, frag string, ok bool) {
	u, err := url.Parse(ref)
	if err != nil {
		return "", "", false
	}
	if u.Scheme != "" || u.Host != "" {
		if s.base == "" || !strings.HasPrefix(ref, s.base) {
			return "", "", false
		}
		u, _ = url.Parse("/" + strings.TrimPrefix(ref, s.base))
	} else if p.file == "404.html" && strings.HasPrefix(u.Path, "/") {
		// A server shows 404.html at any address, so its links start at the
		// site's own path.
		prefix := "/"
		if b, err := url.Parse(s.base); err == nil && b.Path != "" {
			prefix = b.Path
		}
		u.Path = "/" + strings.TrimPrefix(u.Path, prefix)
	}
	from, _ := url.Parse("/" + p.file)
	t := from.ResolveReference(u)
	file = strings.TrimPrefix(t.Path, "/")
	if file == "" || strings.HasSuffix(file, "/") {
		file += "index.html"
	}
	return path.Clean(file), u.Fragment, true
}

func (s *builtSite) page(file string) *page {
	for _, p := range s.pages {
		if p.file == file {
			return p
		}
	}
	return nil
}

func (s *builtSite) exists(file string) bool {
	st, err := os.Stat(filepath.Join(s.dir, filepath.FromSlash(file)))
	return err == nil && !st.IsDir()
}

func attr(n *html.Node, key string) (string, bool) {
	if n.Type != html.ElementNode {
		return "", false
	}
	for _, a := range n.Attr {
		if a.Namespace == "" && a.Key == key {
			return a.Val, true
		}
	}
	return "", false
}

func hasClass(n *html.Node, class string) bool {
	c, _ := attr(n, "class")
	for _, f := range strings.Fields(c) {
		if f == class {
			return true
		}
	}
	return false
}

// find returns the elements under n for which match is true, in document
// order.
func find(n *html.Node, match func(*html.Node) bool) []*html.Node {
	var out []*html.Node
	for d := range n.Descendants() {
		if d.Type == html.ElementNode && match(d) {
			out = append(out, d)
		}
	}
	return out
}

func byAtom(a atom.Atom) func(*html.Node) bool {
	return func(n *html.Node) bool { return n.DataAtom == a }
}

// text is the element's text with runs of white space made one space.
func text(n *html.Node) string {
	var b strings.Builder
	for d := range n.Descendants() {
		if d.Type == html.TextNode {
			b.WriteString(d.Data)
		}
	}
	return strings.Join(strings.Fields(b.String()), " ")
}

// metaContents returns the content of every <meta name=name>.
func metaContents(doc *html.Node, name string) []string {
	var out []string
	for _, n := range find(doc, byAtom(atom.Meta)) {
		if v, _ := attr(n, "name"); v == name {
			c, _ := attr(n, "content")
			out = append(out, c)
		}
	}
	return out
}
