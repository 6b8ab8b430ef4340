package theme_test

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// The tests in this file read every page of the built sites as HTML, the way
// an inspection tool does (GOV-PAGE.md rows 1–15).

// reportKinds are the page kinds of a report's text, which carry the tools.
var reportKinds = map[string]bool{"report": true, "section": true, "page": true, "full": true}

// isArticle reports whether a page kind belongs to a report (an article
// page with ArticleTitle, PubDate and ContentSource): all but the site's
// home, 404, 网站地图 and 联系我们 pages.
func isArticle(kind string) bool {
	return kind != "home" && kind != "404" && kind != "sitemap" && kind != "contact"
}

// listKinds are the 栏目页: pages that list other pages.
var listKinds = map[string]bool{"home": true, "section": true}

var (
	pubDate    = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}( \d{2}:\d{2})?$`)
	isoDate    = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}`)
	siteIDCode = regexp.MustCompile(`^(\d{10}|bm\d{8})$`)
)

func TestGovMetaTags(t *testing.T) {
	forEachSite(t, func(t *testing.T, s *builtSite) {
		id := s.cfg.Identity
		for _, p := range s.pages {
			kind := p.kind()
			once := func(name string, want bool) string {
				got := metaContents(p.doc, name)
				switch {
				case !want && len(got) > 0:
					t.Errorf("%s: <meta name=%q> present, want none", p.file, name)
				case want && len(got) != 1:
					t.Errorf("%s: %d <meta name=%q>, want exactly one", p.file, len(got), name)
				case want && strings.TrimSpace(got[0]) == "":
					t.Errorf("%s: <meta name=%q> is empty", p.file, name)
				case want:
					return got[0]
				}
				return ""
			}
			once("SiteName", id.SiteName != "")
			once("SiteDomain", id.SiteDomain != "")
			if code := once("SiteIDCode", id.SiteIDCode != ""); code != "" && !siteIDCode.MatchString(code) {
				t.Errorf("%s: SiteIDCode %q is not 10 digits or bm and 8 digits", p.file, code)
			}
			title := once("ArticleTitle", isArticle(kind))
			if date := once("PubDate", isArticle(kind)); date != "" && !pubDate.MatchString(date) {
				t.Errorf("%s: PubDate %q is not YYYY-MM-DD[ HH:MM]", p.file, date)
			}
			once("ContentSource", isArticle(kind))
			if h1 := find(p.doc, byAtom(atom.H1)); title != "" && len(h1) == 1 && !strings.HasPrefix(text(h1[0]), title) {
				t.Errorf("%s: ArticleTitle %q is not the <h1> %q", p.file, title, text(h1[0]))
			}
			for _, name := range []string{"ColumnName", "ColumnDescription", "ColumnKeywords", "ColumnType"} {
				once(name, listKinds[kind])
			}
			once("description", true)
			if got := find(p.doc, byAtom(atom.Html)); len(got) != 1 || !hasAttr(got[0], "lang", "zh-CN") {
				t.Errorf("%s: <html lang> is not zh-CN", p.file)
			}
			for _, v := range metaContents(p.doc, "viewport") {
				if strings.Contains(v, "user-scalable=no") || strings.Contains(v, "maximum-scale") {
					t.Errorf("%s: viewport %q blocks zoom", p.file, v)
				}
			}
		}
	})
}

func hasAttr(n *html.Node, key, val string) bool {
	v, ok := attr(n, key)
	return ok && v == val
}

// TestXxgkTable checks the 信息公开 table on a report's home and full-text
// pages (GOV-PAGE rows 4 and 7).
func TestXxgkTable(t *testing.T) {
	forEachSite(t, func(t *testing.T, s *builtSite) {
		seen := 0
		for _, p := range s.pages {
			kind := p.kind()
			tables := find(p.doc, func(n *html.Node) bool { return hasClass(n, "xxgk-meta") })
			if kind != "report" && kind != "full" {
				continue
			}
			seen++
			if len(tables) != 1 {
				t.Errorf("%s: %d .xxgk-meta tables, want 1", p.file, len(tables))
				continue
			}
			rows := map[string]*html.Node{}
			for _, th := range find(tables[0], byAtom(atom.Th)) {
				label := text(th)
				if rows[label] != nil {
					t.Errorf("%s: .xxgk-meta label %s appears twice", p.file, label)
				}
				td := th.NextSibling
				for td != nil && td.Type != html.ElementNode {
					td = td.NextSibling
				}
				rows[label] = td
			}
			for _, label := range []string{"标题", "索引号", "文号", "发文日期", "发布机构"} {
				td := rows[label]
				switch {
				case td == nil || td.DataAtom != atom.Td:
					t.Errorf("%s: .xxgk-meta has no %s row", p.file, label)
				case label != "文号" && text(td) == "":
					t.Errorf("%s: .xxgk-meta %s is empty", p.file, label)
				}
			}
			if td := rows["发文日期"]; td != nil {
				times := find(td, byAtom(atom.Time))
				if len(times) != 1 {
					t.Errorf("%s: 发文日期 is not in one <time>", p.file)
				} else if dt, _ := attr(times[0], "datetime"); !isoDate.MatchString(dt) || !strings.HasPrefix(dt, text(times[0])) {
					t.Errorf("%s: 发文日期 <time datetime=%q>%s</time> is not an ISO date matching its text", p.file, dt, text(times[0]))
				}
			}
			if td := rows["标题"]; td != nil {
				if h1 := find(p.doc, byAtom(atom.H1)); len(h1) == 1 && text(h1[0]) != text(td) {
					t.Errorf("%s: 标题 %q differs from the <h1> %q", p.file, text(td), text(h1[0]))
				}
			}
		}
		if seen == 0 {
			t.Error("no report home or full-text page was built")
		}
	})
}

// TestHeadings checks one <h1> and no skipped level on every page.
func TestHeadings(t *testing.T) {
	forEachSite(t, func(t *testing.T, s *builtSite) {
		for _, p := range s.pages {
			level := 0
			h1 := 0
			for _, h := range find(p.doc, isHeading) {
				l := int(h.Data[1] - '0')
				if l == 1 {
					h1++
				}
				if l > level+1 {
					t.Errorf("%s: <%s>%s</%s> follows an h%d: a level is skipped", p.file, h.Data, text(h), h.Data, level)
				}
				if strings.TrimSpace(text(h)) == "" {
					t.Errorf("%s: empty <%s>", p.file, h.Data)
				}
				level = l
			}
			if h1 != 1 {
				t.Errorf("%s: %d <h1>, want 1", p.file, h1)
			}
		}
	})
}

func isHeading(n *html.Node) bool {
	switch n.DataAtom {
	case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
		return true
	}
	return false
}

func TestUniqueIDs(t *testing.T) {
	forEachSite(t, func(t *testing.T, s *builtSite) {
		for _, p := range s.pages {
			for id, n := range p.ids {
				if n > 1 {
					t.Errorf("%s: id %q used %d times", p.file, id, n)
				}
				if id == "" || strings.ContainsAny(id, " \t\n") {
					t.Errorf("%s: invalid id %q", p.file, id)
				}
			}
		}
	})
}

// TestFooterIdentical checks that the footer is byte-identical on every page
// (GOV-PAGE row 11) and carries every configured identity field.
func TestFooterIdentical(t *testing.T) {
	forEachSite(t, func(t *testing.T, s *builtSite) {
		var first []byte
		var firstFile string
		for _, p := range s.pages {
			i := bytes.Index(p.raw, []byte("<footer"))
			j := bytes.LastIndex(p.raw, []byte("</footer>"))
			if i < 0 || j < i || bytes.Count(p.raw, []byte("<footer")) != 1 {
				t.Errorf("%s: want exactly one <footer>", p.file)
				continue
			}
			footer := p.raw[i:j]
			if first == nil {
				first, firstFile = footer, p.file
				id := s.cfg.Identity
				for _, want := range []string{id.Sponsor, id.Contact, id.SiteIDCode, id.ICP, id.PoliceRecord} {
					if !bytes.Contains(footer, []byte(html.EscapeString(want))) {
						t.Errorf("%s: footer lacks %q", p.file, want)
					}
				}
				continue
			}
			if !bytes.Equal(footer, first) {
				t.Errorf("%s: footer differs from the one of %s:\n%s\n---\n%s", p.file, firstFile, footer, first)
			}
		}
	})
}

// TestStrictCSP checks that every page runs under
// Content-Security-Policy: default-src 'self': no inline script or style, no
// event handler attributes, no javascript: URLs, nothing loaded from
// another origin.
func TestStrictCSP(t *testing.T) {
	forEachSite(t, func(t *testing.T, s *builtSite) {
		for _, p := range s.pages {
			for n := range p.doc.Descendants() {
				if n.Type != html.ElementNode {
					continue
				}
				for _, a := range n.Attr {
					switch {
					case a.Key == "style":
						t.Errorf("%s: <%s style=%q>", p.file, n.Data, a.Val)
					case strings.HasPrefix(a.Key, "on"):
						t.Errorf("%s: <%s %s=%q>", p.file, n.Data, a.Key, a.Val)
					case (a.Key == "href" || a.Key == "src") && strings.HasPrefix(strings.ToLower(strings.TrimSpace(a.Val)), "javascript:"):
						t.Errorf("%s: <%s %s=%q>", p.file, n.Data, a.Key, a.Val)
					}
				}
				switch n.DataAtom {
				case atom.Style:
					t.Errorf("%s: inline <style>", p.file)
				case atom.Script:
					src, ok := attr(n, "src")
					if !ok || text(n) != "" {
						t.Errorf("%s: inline <script>", p.file)
					}
					if _, _, internal := s.resolve(p, src); !internal {
						t.Errorf("%s: script from another origin: %s", p.file, src)
					}
				case atom.Link, atom.Img, atom.Iframe, atom.Object, atom.Embed, atom.Video, atom.Audio, atom.Source:
					ref, _ := attr(n, "src")
					if n.DataAtom == atom.Link {
						if rel, _ := attr(n, "rel"); rel == "canonical" {
							continue
						}
						ref, _ = attr(n, "href")
					}
					if _, _, internal := s.resolve(p, ref); !internal {
						t.Errorf("%s: <%s> loads from another origin: %s", p.file, n.Data, ref)
					}
				}
			}
		}
	})
}

// TestLinks checks that every internal href and src names a published file,
// every #fragment an id on its page, and that a link leaving the
// government's domains is marked (GOV-PAGE rows 14 and 15).
func TestLinks(t *testing.T) {
	forEachSite(t, func(t *testing.T, s *builtSite) {
		checked := 0
		for _, p := range s.pages {
			for n := range p.doc.Descendants() {
				for _, key := range []string{"href", "src"} {
					ref, ok := attr(n, key)
					if !ok {
						continue
					}
					file, frag, internal := s.resolve(p, ref)
					if !internal {
						if n.DataAtom == atom.A {
							checkExternal(t, p, n, ref)
						}
						continue
					}
					checked++
					if !s.exists(file) {
						t.Errorf("%s: <%s %s=%q>: %s is not published", p.file, n.Data, key, ref, file)
						continue
					}
					if frag == "" {
						continue
					}
					target := s.page(file)
					if target == nil || target.ids[frag] == 0 {
						t.Errorf("%s: <%s %s=%q>: no id %q in %s", p.file, n.Data, key, ref, frag, file)
					}
				}
			}
		}
		if checked == 0 {
			t.Error("no internal links found")
		}
	})
}

func checkExternal(t *testing.T, p *page, a *html.Node, ref string) {
	t.Helper()
	u, err := urlHost(ref)
	if err != nil {
		t.Errorf("%s: bad link %q: %v", p.file, ref, err)
		return
	}
	if u == "" || u == "gov.cn" || strings.HasSuffix(u, ".gov.cn") {
		return // mailto:, tel:, or a government site
	}
	if !hasClass(a, "external") {
		t.Errorf("%s: link to %s leaves the government's sites and is not marked external", p.file, ref)
	}
	if rel, _ := attr(a, "rel"); !strings.Contains(rel, "noopener") {
		t.Errorf("%s: external link %s lacks rel=noopener", p.file, ref)
	}
}

// TestTools checks the 字号 and 打印 tools: real buttons with aria-pressed
// (GOV-PAGE row 36), hidden until the script can make them work.
func TestTools(t *testing.T) {
	forEachSite(t, func(t *testing.T, s *builtSite) {
		for _, p := range s.pages {
			kind := p.kind()
			tools := find(p.doc, func(n *html.Node) bool { return hasClass(n, "tools") })
			if !reportKinds[kind] {
				continue
			}
			if len(tools) != 1 {
				t.Errorf("%s: %d .tools, want 1", p.file, len(tools))
				continue
			}
			if _, hidden := attr(tools[0], "hidden"); !hidden {
				t.Errorf("%s: .tools are not hidden for browsers without script", p.file)
			}
			sizes := ""
			for _, b := range find(tools[0], byAtom(atom.Button)) {
				if !hasAttr(b, "type", "button") {
					t.Errorf("%s: button %q has no type=button", p.file, text(b))
				}
				if fs, ok := attr(b, "data-fs"); ok {
					sizes += fs
					if v, _ := attr(b, "aria-pressed"); v != "true" && v != "false" {
						t.Errorf("%s: 字号 button %q has no aria-pressed", p.file, text(b))
					}
				}
			}
			if sizes != "sml" {
				t.Errorf("%s: 字号 buttons %q, want 小 中 大 (s m l)", p.file, sizes)
			}
		}
	})
}

// TestPageBudget checks that each page of the seed site, with the
// stylesheets and scripts it loads, stays within 50 KB gzipped and 10
// requests, of which at most 10 KB of gzipped script.
func TestPageBudget(t *testing.T) {
	const (
		maxTotal    = 50 << 10
		maxJS       = 10 << 10
		maxRequests = 10
	)
	s := seedSite()
	t.Logf("site: %s", s.name)
	sizes := map[string]int{}
	gz := func(file string) int {
		if n, ok := sizes[file]; ok {
			return n
		}
		b, err := os.ReadFile(filepath.Join(s.dir, filepath.FromSlash(file)))
		if err != nil {
			t.Fatal(err)
		}
		sizes[file] = gzipSize(b)
		return sizes[file]
	}
	worst, worstFile := 0, ""
	for _, p := range s.pages {
		total := gzipSize(p.raw)
		js, requests := 0, 1
		for n := range p.doc.Descendants() {
			var ref string
			switch n.DataAtom {
			case atom.Script, atom.Img:
				ref, _ = attr(n, "src")
			case atom.Link:
				if rel, _ := attr(n, "rel"); rel == "stylesheet" || strings.Contains(rel, "icon") {
					ref, _ = attr(n, "href")
				}
			}
			if ref == "" {
				continue
			}
			requests++
			file, _, internal := s.resolve(p, ref)
			if !internal {
				t.Errorf("%s: loads %s from another site", p.file, ref)
				continue
			}
			switch n.DataAtom {
			case atom.Script:
				js += gz(file)
				total += gz(file)
			case atom.Link:
				if rel, _ := attr(n, "rel"); rel == "stylesheet" {
					total += gz(file)
				}
			}
		}
		if total > worst {
			worst, worstFile = total, p.file
		}
		if total > maxTotal {
			t.Errorf("%s: HTML+CSS+JS is %s gzipped, over the %s budget", p.file, kb(total), kb(maxTotal))
		}
		if js > maxJS {
			t.Errorf("%s: JS is %s gzipped, over the %s budget", p.file, kb(js), kb(maxJS))
		}
		if requests > maxRequests {
			t.Errorf("%s: %d requests, over the budget of %d", p.file, requests, maxRequests)
		}
	}
	t.Logf("largest page: %s, %s gzipped with its CSS and JS", worstFile, kb(worst))
}

func gzipSize(b []byte) int {
	var buf bytes.Buffer
	w, _ := gzip.NewWriterLevel(&buf, 6)
	w.Write(b)
	w.Close()
	return buf.Len()
}

func kb(n int) string { return fmt.Sprintf("%.1f KB", float64(n)/1024) }

// urlHost is the lower-case host a link points to, "" for mailto: and tel:.
func urlHost(ref string) (string, error) {
	u, err := url.Parse(ref)
	if err != nil {
		return "", err
	}
	return strings.ToLower(u.Hostname()), nil
}
