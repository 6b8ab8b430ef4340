package theme_test

import (
	"bytes"
	"compress/zlib"
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// The tests in this file drive Debian's Chromium through the DevTools
// protocol against the built sites, served by net/http as a static host
// would serve them. One browser is started for the whole test binary, on
// first use, and each test works in a tab of its own.

const chromiumPath = "/usr/bin/chromium"

// browser is the one Chromium of the test binary, started by the first test
// that needs it and ended by TestMain.
var browser struct {
	once    sync.Once
	ctx     context.Context
	cancels []context.CancelFunc
	dir     string
	err     error
}

func startBrowser() {
	browser.dir, browser.err = os.MkdirTemp("", "theme-chromium-")
	if browser.err != nil {
		return
	}
	alloc, cancelAlloc := chromedp.NewExecAllocator(context.Background(),
		chromedp.ExecPath(chromiumPath),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.Flag("disable-background-networking", true),
		chromedp.NoFirstRun,
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.UserDataDir(browser.dir),
	)
	ctx, cancel := chromedp.NewContext(alloc)
	browser.ctx = ctx
	browser.cancels = []context.CancelFunc{cancel, cancelAlloc}
	browser.err = chromedp.Do(ctx) // starts the browser, with no deadline
}

func shutdownBrowser() {
	for _, c := range browser.cancels {
		c()
	}
	if browser.dir != "" {
		os.RemoveAll(browser.dir)
	}
}

// tab opens a new tab in the shared browser, or skips the test when the
// browser cannot run here.
func tab(t *testing.T) context.Context {
	t.Helper()
	if testing.Short() {
		t.Skip("browser test: skipped in -short mode")
	}
	if _, err := os.Stat(chromiumPath); err != nil {
		t.Skipf("browser test: %s not found (install Debian's chromium package, as .ci/run does)", chromiumPath)
	}
	browser.once.Do(startBrowser)
	if browser.err != nil {
		t.Fatalf("starting %s: %v", chromiumPath, browser.err)
	}
	ctx, cancel := chromedp.NewContext(browser.ctx)
	t.Cleanup(cancel)
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("opening a tab: %v", err)
	}
	ctx, cancelTimeout := context.WithTimeout(ctx, 2*time.Minute)
	t.Cleanup(cancelTimeout)
	return ctx
}

// serve serves a built site over HTTP for the duration of the test, at the
// path of its base_url as it will be deployed (so that 404.html, whose links
// start from that path, works too), and returns the URL of its root without
// the trailing slash.
func serve(t *testing.T, s *builtSite) string {
	t.Helper()
	prefix := "/"
	if u, err := url.Parse(s.base); err == nil && u.Path != "" {
		prefix = u.Path
	}
	mux := http.NewServeMux()
	mux.Handle(prefix, http.StripPrefix(strings.TrimSuffix(prefix, "/"), http.FileServer(http.Dir(s.dir))))
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return srv.URL + strings.TrimSuffix(prefix, "/")
}

func do(t *testing.T, ctx context.Context, steps ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	if err := chromedp.Do(ctx, steps...); err != nil {
		t.Fatal(err)
	}
}

func eval[T any](t *testing.T, ctx context.Context, js string) T {
	t.Helper()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](js))
	if err != nil {
		t.Fatalf("evaluating %s: %v", js, err)
	}
	return v
}

// phone and desktop set the viewport: a 320 px phone (the narrowest WCAG
// reflow width), with the meta viewport honoured, or a wide screen.
func phone() chromedp.Action[chromedp.Void] {
	return chromedp.EmulateViewport(320, 640, chromedp.EmulateMobile, chromedp.EmulateTouch, chromedp.EmulatePortrait)
}

func desktop() chromedp.Action[chromedp.Void] {
	return chromedp.EmulateViewport(1280, 800)
}

func media(m string) chromedp.Action[chromedp.Void] {
	return chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		_, err := cdp.Call(ctx, t, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: m})
		return err
	})
}

func scriptDisabled(off bool) chromedp.Action[chromedp.Void] {
	return chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		_, err := cdp.Call(ctx, t, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: off})
		return err
	})
}

// firstOf returns the first page of s of the given kind.
func firstOf(t *testing.T, s *builtSite, kind string) *page {
	t.Helper()
	for _, p := range s.pages {
		if p.kind() == kind {
			return p
		}
	}
	t.Fatalf("no %s page", kind)
	return nil
}

// titled returns the page of s whose <h1> contains title.
func titled(t *testing.T, s *builtSite, title string) *page {
	t.Helper()
	for _, p := range s.pages {
		if h := find(p.doc, byAtom(atom.H1)); len(h) == 1 && strings.Contains(text(h[0]), title) {
			return p
		}
	}
	t.Fatalf("no page titled %s", title)
	return nil
}

// longestFull returns the full-text page with the most parts in its outline.
func longestFull(t *testing.T, s *builtSite) *page {
	t.Helper()
	var best *page
	most := -1
	for _, p := range s.pages {
		if p.kind() != "full" {
			continue
		}
		if n := strings.Count(string(p.raw), `<a href="#`); n > most {
			best, most = p, n
		}
	}
	if best == nil {
		t.Fatal("no full-text page")
	}
	return best
}

// overflowJS reports sideways scrolling of the page, naming the elements
// that stick out, or "".
const overflowJS = `(() => {
	const de = document.documentElement;
	if (de.scrollWidth <= de.clientWidth) return "";
	const out = [];
	for (const el of document.querySelectorAll("body *")) {
		const r = el.getBoundingClientRect();
		if (r.right > de.clientWidth + 0.5 && !el.closest(".table-wrap, pre")) {
			out.push(el.tagName.toLowerCase() + (el.className ? "." + el.className : "") + " right=" + Math.round(r.right));
		}
		if (out.length >= 5) break;
	}
	return "scrollWidth " + de.scrollWidth + " > clientWidth " + de.clientWidth + ": " + out.join(", ");
})()`

// brokenNumberJS names the card values written in digits ("4.9",
// "4.1:43.1:52.8") that the page breaks over two lines, or "".
const brokenNumberJS = `(() => {
	const out = [];
	for (const v of document.querySelectorAll(".card-value")) {
		if (/^[-+\u2212]?[0-9.:,]+$/.test(v.textContent) && v.getClientRects().length > 1) out.push(v.textContent);
	}
	return out.join(", ");
})()`

// TestNoSidewaysScrolling checks every page at 320 px at every 字号, with
// the outline folded and open (WCAG 1.4.10, GOV-PAGE row 23), and that no
// card's number breaks over two lines there. The size is
// chosen with the page's buttons; pages without tools get the attribute the
// buttons set.
func TestNoSidewaysScrolling(t *testing.T) {
	ctx := tab(t)
	do(t, ctx, phone())
	forEachSite(t, func(t *testing.T, s *builtSite) {
		base := serve(t, s)
		for _, p := range s.pages {
			do(t, ctx, chromedp.Navigate(base+p.urlPath()))
			tools := eval[bool](t, ctx, `!!document.querySelector("button[data-fs]")`)
			for _, fs := range []string{"s", "l", "m"} {
				if tools {
					do(t, ctx, chromedp.Click(chromedp.CSS(`button[data-fs="`+fs+`"]`)))
				} else {
					do(t, ctx, chromedp.Evaluate[chromedp.Void](`document.documentElement.setAttribute("data-fs", "`+fs+`")`))
				}
				if msg := eval[string](t, ctx, overflowJS); msg != "" {
					t.Errorf("%s at 320 px, 字号 %s: %s", p.file, fs, msg)
				}
				if broken := eval[string](t, ctx, brokenNumberJS); broken != "" {
					t.Errorf("%s at 320 px, 字号 %s: card numbers broken over two lines: %s", p.file, fs, broken)
				}
				if eval[bool](t, ctx, `(() => { const d = document.querySelector(".outline-box"); if (!d) return false; d.open = true; return true; })()`) {
					if msg := eval[string](t, ctx, overflowJS); msg != "" {
						t.Errorf("%s at 320 px, 字号 %s, outline open: %s", p.file, fs, msg)
					}
					do(t, ctx, chromedp.Evaluate[chromedp.Void](`document.querySelector(".outline-box").open = false`))
				}
			}
		}
	})
}

// TestFontSize checks the 字号 buttons: pressed state, the size of the body
// text (16/18/22 px), tap targets of at least 44 px, and that the choice
// persists on the next page.
func TestFontSize(t *testing.T) {
	ctx := tab(t)
	s := builtSites[0]
	base := serve(t, s)
	pages := []*page{}
	for _, p := range s.pages {
		if p.kind() == "page" {
			pages = append(pages, p)
		}
	}
	if len(pages) < 2 {
		t.Fatal("the fixture needs two pages of kind page")
	}
	do(t, ctx, phone(), chromedp.Navigate(base+pages[0].urlPath()))
	check := func(where, fs string, px int) {
		t.Helper()
		pressed := eval[string](t, ctx, `[...document.querySelectorAll("button[data-fs]")].map(b => b.dataset.fs + "=" + b.getAttribute("aria-pressed")).join(" ")`)
		want := strings.NewReplacer(fs+"=false", fs+"=true").Replace("s=false m=false l=false")
		if pressed != want {
			t.Errorf("%s, 字号 %s: aria-pressed %q, want %q", where, fs, pressed, want)
		}
		if got := eval[float64](t, ctx, `parseFloat(getComputedStyle(document.querySelector("main .body p")).fontSize)`); int(got+0.5) != px {
			t.Errorf("%s, 字号 %s: body text is %.1f px, want %d", where, fs, got, px)
		}
		if small := eval[string](t, ctx, `[...document.querySelectorAll(".tools button")].filter(b => { const r = b.getBoundingClientRect(); return r.width < 44 || r.height < 44; }).map(b => b.textContent).join(" ")`); small != "" {
			t.Errorf("%s, 字号 %s: tool buttons smaller than 44 px: %s", where, fs, small)
		}
	}
	for _, c := range []struct {
		fs string
		px int
	}{{"l", 22}, {"s", 16}, {"m", 18}, {"l", 22}} {
		do(t, ctx, chromedp.Click(chromedp.CSS(`button[data-fs="`+c.fs+`"]`)))
		check(pages[0].file, c.fs, c.px)
	}
	do(t, ctx, chromedp.Navigate(base+pages[1].urlPath()))
	check(pages[1].file+" (next page)", "l", 22)
	do(t, ctx, chromedp.Click(chromedp.CSS(`button[data-fs="m"]`)))
	check(pages[1].file, "m", 18)
}

// TestOutlineKeyboard checks that the folded outline of a phone opens and
// closes with Enter and Space on its summary, with and without JavaScript,
// and that the tools stay hidden when they cannot work.
func TestOutlineKeyboard(t *testing.T) {
	ctx := tab(t)
	s := builtSites[0]
	base := serve(t, s)
	p := firstOf(t, s, "page")
	for _, js := range []bool{true, false} {
		name := map[bool]string{true: "with JavaScript", false: "without JavaScript"}[js]
		do(t, ctx, phone(), scriptDisabled(!js), chromedp.Navigate(base+p.urlPath()))
		if got := eval[bool](t, ctx, `document.documentElement.classList.contains("js")`); got != js {
			t.Fatalf("%s: script ran = %v", name, got)
		}
		open := func() bool { return eval[bool](t, ctx, `document.querySelector(".outline-box").open`) }
		visible := func() bool {
			return eval[bool](t, ctx, `document.querySelector(".outline-parts a").checkVisibility()`)
		}
		if open() || visible() {
			t.Errorf("%s: the outline is open on a phone before it is asked for", name)
		}
		do(t, ctx, chromedp.Focus(chromedp.CSS(".outline-box summary")), chromedp.KeyEvent("\r"))
		if !open() || !visible() {
			t.Errorf("%s: Enter on the summary does not open the outline", name)
		}
		do(t, ctx, chromedp.KeyEvent(" "))
		if open() || visible() {
			t.Errorf("%s: Space on the summary does not close the outline", name)
		}
		do(t, ctx, chromedp.KeyEvent(" "))
		if !open() {
			t.Errorf("%s: Space on the summary does not open the outline", name)
		}
		do(t, ctx, chromedp.KeyEvent("\r"))
		if open() {
			t.Errorf("%s: Enter on the summary does not close the outline", name)
		}
		tools := eval[string](t, ctx, `getComputedStyle(document.querySelector(".tools")).display`)
		if js && tools == "none" {
			t.Errorf("%s: the tools are hidden", name)
		}
		if !js && tools != "none" {
			t.Errorf("%s: the tools are shown (display %s) but cannot work", name, tools)
		}
	}
	do(t, ctx, scriptDisabled(false))
}

// TestOutlineBesideText checks the wide layout: the outline open in a column
// left of the text, also without JavaScript where the browser allows it.
func TestOutlineBesideText(t *testing.T) {
	ctx := tab(t)
	s := builtSites[0]
	base := serve(t, s)
	p := firstOf(t, s, "page")
	for _, js := range []bool{true, false} {
		do(t, ctx, desktop(), scriptDisabled(!js), chromedp.Navigate(base+p.urlPath()))
		got := eval[string](t, ctx, `(() => {
			const nav = document.querySelector(".outline").getBoundingClientRect();
			const main = document.querySelector("main").getBoundingClientRect();
			if (!document.querySelector(".outline-parts a").checkVisibility()) return "outline entries are not shown";
			if (nav.right > main.left) return "outline (right " + nav.right + ") is not left of the text (left " + main.left + ")";
			if (nav.top > main.top + 100) return "outline starts below the text";
			return "";
		})()`)
		if got != "" {
			t.Errorf("1280 px, JavaScript %v: %s", js, got)
		}
	}
	do(t, ctx, scriptDisabled(false))
}

// TestPrint checks the print stylesheet: navigation and tools hidden, the
// 信息公开 table and the page address shown, and no blank pages.
func TestPrint(t *testing.T) {
	ctx := tab(t)
	s := builtSites[0]
	base := serve(t, s)
	do(t, ctx, desktop(), media("print"))
	defer do(t, ctx, media(""))
	for _, kind := range []string{"report", "full", "page"} {
		p := firstOf(t, s, kind)
		do(t, ctx, chromedp.Navigate(base+p.urlPath()))
		shown := eval[string](t, ctx, `[".site-header", ".crumbs", ".outline", ".tools", ".pager", ".to-top", ".skip", ".page-toc"]
			.filter(sel => [...document.querySelectorAll(sel)].some(el => getComputedStyle(el).display !== "none")).join(" ")`)
		if shown != "" {
			t.Errorf("%s: printed: %s", p.file, shown)
		}
		if s.base != "" {
			if got := eval[string](t, ctx, `(() => { const el = document.querySelector(".print-only"); return el && getComputedStyle(el).display !== "none" ? el.textContent : ""; })()`); !strings.Contains(got, s.base) {
				t.Errorf("%s: the page address is not printed (got %q)", p.file, got)
			}
		}
		if kind == "report" || kind == "full" {
			meta := eval[string](t, ctx, `(() => { const el = document.querySelector(".xxgk-meta"); if (!el) return "missing"; const r = el.getBoundingClientRect(); return getComputedStyle(el).display === "none" || r.height === 0 ? "hidden" : ""; })()`)
			if meta != "" {
				t.Errorf("%s: the 信息公开 table is %s in print", p.file, meta)
			}
		}
	}
	// A short page prints on one sheet: nothing forces a page break or
	// stretches the layout to the height of the screen. And no sheet of a
	// long page is blank.
	for _, c := range []struct {
		p     *page
		pages int // 0: any number
	}{{titled(t, s, "加力提速科技创新发展"), 1}, {longestFull(t, s), 0}} {
		p := c.p
		do(t, ctx, chromedp.Navigate(base+p.urlPath()))
		pdf, err := chromedp.Run(ctx, chromedp.PrintToPDF(chromedp.PDFPaper(chromedp.PaperA4)))
		if err != nil {
			t.Fatal(err)
		}
		texts, err := pdfPageTexts(pdf)
		if err != nil {
			t.Fatalf("%s: reading the printed PDF: %v", p.file, err)
		}
		if c.pages != 0 && len(texts) != c.pages {
			t.Errorf("%s prints on %d pages, want %d", p.file, len(texts), c.pages)
		}
		for i, n := range texts {
			if n == 0 {
				t.Errorf("%s: printed page %d of %d is blank", p.file, i+1, len(texts))
			}
		}
	}
}

var (
	pdfStream  = regexp.MustCompile(`(\d+) 0 obj\s*<<([^<>]*)>>\s*stream\r?\n`)
	pdfPage    = regexp.MustCompile(`/Type /Page\b`)
	pdfContent = regexp.MustCompile(`/Contents (\d+) 0 R`)
	pdfShowOp  = regexp.MustCompile(`T[jJ]\b`)
)

// pdfPageTexts returns, for each page of a PDF printed by Chromium, the
// number of text-showing operators its content stream has. It reads only
// what Chromium (Skia) writes: uncompressed page objects that name one
// content stream each, Flate-compressed unless it is empty.
func pdfPageTexts(pdf []byte) ([]int, error) {
	type stream struct{ dict, data []byte }
	streams := map[string]stream{}
	for _, m := range pdfStream.FindAllSubmatchIndex(pdf, -1) {
		end := bytes.Index(pdf[m[1]:], []byte("endstream"))
		if end < 0 {
			return nil, fmt.Errorf("unterminated stream")
		}
		streams[string(pdf[m[2]:m[3]])] = stream{pdf[m[4]:m[5]], pdf[m[1] : m[1]+end]}
	}
	var out []int
	for _, m := range pdfPage.FindAllIndex(pdf, -1) {
		if bytes.HasPrefix(pdf[m[1]:], []byte("s")) {
			continue // /Type /Pages, the page tree
		}
		obj := pdf[m[1]:]
		if end := bytes.Index(obj, []byte("endobj")); end >= 0 {
			obj = obj[:end]
		}
		c := pdfContent.FindSubmatch(obj)
		if c == nil {
			return nil, fmt.Errorf("a page without /Contents")
		}
		st, ok := streams[string(c[1])]
		if !ok {
			return nil, fmt.Errorf("content stream %s not found", c[1])
		}
		ops := st.data
		if bytes.Contains(st.dict, []byte("/FlateDecode")) {
			z, err := zlib.NewReader(bytes.NewReader(st.data))
			if err != nil {
				return nil, fmt.Errorf("content stream %s: %w", c[1], err)
			}
			if ops, err = io.ReadAll(z); err != nil {
				return nil, fmt.Errorf("content stream %s: %w", c[1], err)
			}
		}
		out = append(out, len(pdfShowOp.FindAll(ops, -1)))
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("no pages found")
	}
	return out, nil
}

// TestOutlineLinksLand follows every entry of every outline and on-page
// contents list and checks that it lands on the heading it names.
func TestOutlineLinksLand(t *testing.T) {
	ctx := tab(t)
	do(t, ctx, phone())
	forEachSite(t, func(t *testing.T, s *builtSite) {
		base := serve(t, s)
		type link struct{ from, href, text string }
		var links []link
		seen := map[string]bool{}
		for _, p := range s.pages {
			for _, list := range find(p.doc, func(n *html.Node) bool { return hasClass(n, "outline") || hasClass(n, "page-toc") }) {
				for _, a := range find(list, byAtom(atom.A)) {
					href, _ := attr(a, "href")
					u, err := url.Parse(href)
					if err != nil {
						t.Fatalf("%s: %v", p.file, err)
					}
					from, _ := url.Parse(base + p.urlPath())
					abs := from.ResolveReference(u).String()
					// The outline is the same on every page of a report but
					// for its links to the page's own parts: follow each once.
					if key := abs + "\x00" + text(a); !seen[key] {
						seen[key] = true
						links = append(links, link{p.urlPath(), abs, text(a)})
					}
				}
			}
		}
		if len(links) == 0 {
			t.Fatal("no outline links")
		}
		for _, l := range links {
			here := eval[string](t, ctx, `location.href`)
			if path, frag, ok := strings.Cut(l.href, "#"); ok && strings.Split(here, "#")[0] == path {
				// Same document: no load event would come.
				do(t, ctx, chromedp.Evaluate[chromedp.Void](`location.hash = `+strconv.Quote(frag)))
			} else {
				do(t, ctx, chromedp.Navigate(l.href))
			}
			got := eval[[3]string](t, ctx, `(() => {
				const hash = decodeURIComponent(location.hash.slice(1));
				let h = document.querySelector("h1");
				let hidden = "";
				if (hash && hash !== "top") {
					const el = document.getElementById(hash);
					if (!el) return ["", "", "no element with id " + hash];
					h = /^H[1-6]$/.test(el.tagName) ? el : el.querySelector("h1, h2, h3, h4, h5, h6");
					const bar = document.querySelector(".outline");
					if (h && bar) {
						const b = bar.getBoundingClientRect(), r = h.getBoundingClientRect();
						if (getComputedStyle(bar).position === "sticky" && r.top < b.bottom - 1) hidden = "heading hidden under the sticky bar";
					}
				}
				return [h ? h.textContent.replace(/\s+/g, " ").trim() : "", document.body.className, hidden];
			})()`)
			heading, kind, problem := got[0], got[1], got[2]
			switch {
			case problem != "":
				t.Errorf("%s: link %q → %s: %s", l.from, l.text, l.href, problem)
			case l.text == "报告首页":
				if kind != "kind-report" {
					t.Errorf("%s: link 报告首页 lands on a %s page", l.from, kind)
				}
			case l.text == "全文":
				if kind != "kind-full" {
					t.Errorf("%s: link 全文 lands on a %s page", l.from, kind)
				}
			case !strings.HasPrefix(heading, l.text):
				t.Errorf("%s: link %q → %s lands on heading %q", l.from, l.text, l.href, heading)
			}
		}
		t.Logf("%d outline links followed", len(links))
	})
}

// TestFullTextPosition checks that the phone's sticky bar on the full-text
// page names the part being read, as "二、（一）加力提速科技创新发展".
func TestFullTextPosition(t *testing.T) {
	ctx := tab(t)
	s := builtSites[0]
	base := serve(t, s)
	p := longestFull(t, s)
	do(t, ctx, phone(), chromedp.Navigate(base+p.urlPath()))
	if got := eval[string](t, ctx, `document.querySelector(".where").textContent`); got != "全文" {
		t.Errorf("at the top the bar shows %q, want 全文", got)
	}
	const sub = "（一）加力提速科技创新发展"
	id := eval[string](t, ctx, `(() => {
		const a = [...document.querySelectorAll(".outline-parts ol a")].find(a => a.textContent === "`+sub+`");
		return a ? decodeURIComponent(a.hash.slice(1)) : "";
	})()`)
	if id == "" {
		t.Fatalf("%s: no outline entry %s", p.file, sub)
	}
	do(t, ctx, chromedp.Evaluate[chromedp.Void](`document.getElementById(`+strconv.Quote(id)+`).scrollIntoView()`))
	var got string
	for range 20 { // the bar follows on the next animation frame
		got = eval[string](t, ctx, `document.querySelector(".where").textContent`)
		if got != "全文" {
			break
		}
		time.Sleep(20 * time.Millisecond)
	}
	if want := "二、（一）加力提速科技创新发展"; got != want {
		t.Errorf("reading part %s, the bar shows %q, want %q", id, got, want)
	}
	if cur := eval[string](t, ctx, `(document.querySelector('.outline a[aria-current="location"]') || {}).textContent || ""`); cur != sub {
		t.Errorf("the outline marks %q as being read", cur)
	}
}

// TestFocusNotObscured walks a page with the Tab key on a phone and checks
// that every focused element is on screen and not under the sticky outline
// bar (WCAG 2.4.11, GOV-PAGE row 26).
func TestFocusNotObscured(t *testing.T) {
	ctx := tab(t)
	s := builtSites[0]
	base := serve(t, s)
	for _, p := range []*page{longestFull(t, s), titled(t, s, "经济运行稳步回升")} {
		file := p.file
		do(t, ctx, phone(), chromedp.Navigate(base+p.urlPath()))
		n := eval[int](t, ctx, `document.querySelectorAll("a[href], button, summary, [tabindex]").length`)
		seen := map[string]bool{}
		for i := 0; i < n+2; i++ {
			do(t, ctx, chromedp.KeyEvent("\t"))
			got := eval[[2]string](t, ctx, `(() => {
				const el = document.activeElement;
				if (!el || el === document.body) return ["", ""];
				const name = el.tagName.toLowerCase() + " " + (el.textContent || "").replace(/\s+/g, " ").trim().slice(0, 20);
				const r = el.getBoundingClientRect();
				if (r.bottom <= 0 || r.top >= innerHeight) return [name, "off screen"];
				const bar = document.querySelector(".outline");
				if (bar && !bar.contains(el) && getComputedStyle(bar).position === "sticky") {
					const b = bar.getBoundingClientRect();
					// Entirely hidden fails WCAG 2.4.11; the top of an element
					// that would fit below the bar must show too.
					const fits = r.height <= innerHeight - b.bottom;
					if (b.top <= 0 && (r.bottom <= b.bottom || (fits && r.top < b.bottom - 1))) return [name, "under the sticky bar"];
				}
				return [name, ""];
			})()`)
			if got[0] == "" || seen[got[0]] {
				continue
			}
			seen[got[0]] = true
			if got[1] != "" {
				t.Errorf("%s: focused %s is %s", file, got[0], got[1])
			}
		}
		if len(seen) < 5 {
			t.Errorf("%s: Tab reached only %d elements", file, len(seen))
		}
	}
}
