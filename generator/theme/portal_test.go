package theme_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	cdppage "github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// The tests in this file check the furniture of a government portal around
// the text (issue 18): on the fixture, whose config.toml fills every key,
// each piece is present and works; on the repository's site, whose identity
// is empty, each is absent.

func hasPortalConfig(s *builtSite) bool { return s.cfg.Identity.Feedback != "" }

// TestPortalDOM checks every page: the QR code (with base_url), 【我要纠错】,
// the badge, 网站地图 and 联系我们 links, and 附件 and 相关链接 where front
// matter lists them; each link resolves to a published file.
func TestPortalDOM(t *testing.T) {
	forEachSite(t, func(t *testing.T, s *builtSite) {
		full := hasPortalConfig(s)
		attachments := 0
		for _, p := range s.pages {
			kind := p.kind()
			has := func(class string) []*html.Node {
				return find(p.doc, func(n *html.Node) bool { return hasClass(n, class) })
			}
			if qr := has("qr"); (len(qr) == 1) != (s.base != "" && kind != "404") {
				t.Errorf("%s: %d QR codes, base_url %q", p.file, len(qr), s.base)
			}
			// 长者模式 and 朗读 need the script: without it they are hidden,
			// not dead buttons.
			if care := has("care"); len(care) != 1 {
				t.Errorf("%s: %d 长者模式 switches in the header, want 1", p.file, len(care))
			} else if _, hidden := attr(care[0], "hidden"); !hidden || len(find(care[0], byAtom(atom.Button))) != 4 {
				t.Errorf("%s: the 长者模式 and 朗读 buttons are not hidden until the script runs", p.file)
			}
			if fb := has("feedback"); (len(fb) == 1) != (full && kind != "404") {
				t.Errorf("%s: %d 【我要纠错】 links", p.file, len(fb))
			}
			nav := has("portal-nav")
			if len(nav) != 1 {
				t.Errorf("%s: %d portal navs, want 1", p.file, len(nav))
				continue
			}
			links := map[string]string{}
			for _, a := range find(nav[0], byAtom(atom.A)) {
				href, _ := attr(a, "href")
				links[text(a)] = href
			}
			if badge := has("badge"); (len(badge) == 1) != full {
				t.Errorf("%s: %d badges", p.file, len(badge))
			} else if full {
				img := find(badge[0], byAtom(atom.Img))
				src, _ := attr(img[0], "src")
				alt, _ := attr(img[0], "alt")
				if file, _, ok := s.resolve(p, src); !ok || !s.exists(file) || alt != "党政机关网站标识" {
					t.Errorf("%s: badge image %q (alt %q) not published", p.file, src, alt)
				}
				if href, _ := attr(badge[0], "href"); href != s.cfg.Identity.BadgeURL {
					t.Errorf("%s: badge links to %q, want the 开办 record %q", p.file, href, s.cfg.Identity.BadgeURL)
				}
			}
			want := map[string]bool{"网站地图": true, "联系我们": full}
			for label, on := range want {
				href, ok := links[label]
				if ok != on {
					t.Errorf("%s: %s link present %v, want %v", p.file, label, ok, on)
					continue
				}
				if file, _, r := s.resolve(p, href); ok && (!r || !s.exists(file)) {
					t.Errorf("%s: %s links to %q, which is not published", p.file, label, href)
				}
			}
			for _, sec := range has("attachments") {
				for _, a := range find(sec, byAtom(atom.A)) {
					attachments++
					href, _ := attr(a, "href")
					file, _, ok := s.resolve(p, href)
					if !ok || !s.exists(file) {
						t.Errorf("%s: attachment %q not published", p.file, href)
					}
				}
			}
		}
		if full && attachments == 0 {
			t.Error("the fixture lists attachments, yet no page shows one")
		}
		if s.page("sitemap.html") == nil {
			t.Error("no 网站地图 page")
		}
		if (s.page("contact.html") != nil) != full {
			t.Errorf("联系我们 page published: %v, config fills it: %v", s.page("contact.html") != nil, full)
		}
	})
}

// elderJS measures a page in 长者模式: the smallest text, the smallest line
// height, the lowest contrast of text on its background, the smallest
// targets, anything that moves, and text squeezed into a column one
// character wide; each as a list of offenders.
const elderJS = `(() => {
  const visible = el => { const r = el.getBoundingClientRect(); return r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== "hidden"; };
  const rgb = s => { const m = s.match(/[\d.]+/g) || [0, 0, 0, 0]; return m.map(Number).concat(m.length < 4 ? [1] : []); };
  const lum = c => { const f = v => { v /= 255; return v <= 0.04045 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); }; return 0.2126 * f(c[0]) + 0.7152 * f(c[1]) + 0.0722 * f(c[2]); };
  const bg = el => { for (let e = el; e; e = e.parentElement) { const c = rgb(getComputedStyle(e).backgroundColor); if (c[3] > 0) return c; } return [255, 255, 255, 1]; };
  const out = { small: [], tight: [], contrast: [], targets: [], motion: [], headings: [], squeezed: [] };
  let body = 0;
  for (const el of document.querySelectorAll("body *")) {
    if (!visible(el) || el.closest("svg, .skip") || el.matches("svg")) continue;
    const cs = getComputedStyle(el);
    if (cs.transitionDuration.split(",").some(d => parseFloat(d) > 0) || cs.animationName !== "none") out.motion.push(el.tagName + "." + el.className);
    const own = [...el.childNodes].some(n => n.nodeType === 3 && n.data.trim());
    if (!own) continue;
    const size = parseFloat(cs.fontSize), heading = el.closest("h1, h2, h3, h4, h5, h6");
    if (!heading && size < 22) out.small.push(el.tagName + "." + el.className + " " + size);
    if (!heading && parseFloat(cs.lineHeight) / size < 1.8) out.tight.push(el.tagName + "." + el.className + " " + cs.lineHeight);
    const a = lum(rgb(cs.color)), b = lum(bg(el)), c = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
    if (c < 7) out.contrast.push(el.tagName + "." + el.className + " " + c.toFixed(2));
    const w = el.getBoundingClientRect().width; // two Chinese characters need 2 em; 1 px is visually hidden
    if ((el.textContent.match(/\p{Script=Han}/gu) || []).length >= 2 && w > 1 && w < 1.5 * size) out.squeezed.push(el.tagName + "." + el.className + " " + el.textContent.trim().slice(0, 12));
  }
  for (const h of document.querySelectorAll("main h1, main h2")) {
    if (visible(h) && parseFloat(getComputedStyle(h).fontSize) <= body) out.headings.push(h.tagName + " " + getComputedStyle(h).fontSize);
  }
  const targets = "button, summary, input, nav a, footer a, .children a, .report-list a, .attachments a, .after-text a, .read-full a, .to-top a, .data-files a, .card-list a, .sitemap a";
  for (const el of document.querySelectorAll(targets)) {
    if (!visible(el) || el.closest("p.search-nojs")) continue;
    const r = el.getBoundingClientRect();
    if (r.width < 60 || r.height < 60) out.targets.push(el.tagName + " " + el.textContent.trim().slice(0, 12) + " " + Math.round(r.width) + "x" + Math.round(r.height));
  }
  for (const p of document.querySelectorAll("main p")) if (visible(p)) body = Math.max(body, parseFloat(getComputedStyle(p).fontSize));
  out.body = body;
  out.cards = [...document.querySelectorAll(".card-list")].filter(visible).map(l => getComputedStyle(l).display).filter(d => d !== "block");
  out.charts = [...document.querySelectorAll("figure.chart")].filter(visible).length;
  out.clipped = [...document.querySelectorAll(".site-title")].filter(el => visible(el) && el.scrollWidth > el.clientWidth + 1).map(el => el.textContent.trim());
  return out;
})()`

// colorScheme emulates the reader's prefers-color-scheme.
func colorScheme(s string) chromedp.Action[chromedp.Void] {
	return chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		_, err := cdp.Call(ctx, t, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Features: []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: s}}})
		return err
	})
}

type elderReport struct {
	Small, Tight, Contrast, Targets, Motion, Headings, Cards, Clipped, Squeezed []string
	Body                                                                        float64
	Charts                                                                      int
}

// TestElderMode switches 长者模式 on from the header of one page and measures
// a page of every kind with it, on a 320 px phone: it is remembered like the 字号, announced
// with aria-pressed, and meets 《互联网网站适老化通用设计规范》 as issue 18
// states it; then it switches off again.
func TestElderMode(t *testing.T) {
	ctx := tab(t)
	for _, s := range builtSites {
		base := serve(t, s)
		kinds := map[string]*page{}
		var order []string
		for _, p := range s.pages {
			if k := p.kind(); kinds[k] == nil {
				kinds[k] = p
				order = append(order, k)
			}
		}
		do(t, ctx, phone(), chromedp.Navigate(base+kinds["page"].urlPath()))
		if eval[string](t, ctx, `document.querySelector("button[data-elder]").getAttribute("aria-pressed")`) != "false" {
			t.Fatalf("%s: 长者模式 pressed before it was switched on", s.name)
		}
		do(t, ctx, chromedp.Click(chromedp.CSS(`button[data-elder]`)))
		// Every kind in the light scheme, and the fixture's in the dark one.
		type visit struct{ kind, scheme string }
		var visits []visit
		for _, scheme := range []string{"light", "dark"} {
			for _, k := range order {
				if scheme == "light" || s == builtSites[0] {
					visits = append(visits, visit{k, scheme})
				}
			}
		}
		for _, v := range visits {
			p := kinds[v.kind]
			do(t, ctx, colorScheme(v.scheme), chromedp.Navigate(base+p.urlPath()))
			where := s.name + " " + p.file + " (" + v.scheme + ")"
			if dark := eval[bool](t, ctx, `matchMedia("(prefers-color-scheme: dark)").matches`); dark != (v.scheme == "dark") {
				t.Fatalf("%s: the colour scheme is not emulated", where)
			}
			if got := eval[string](t, ctx, `document.documentElement.className.includes("elder") + " " + document.querySelector("button[data-elder]").getAttribute("aria-pressed")`); got != "true true" {
				t.Errorf("%s: 长者模式 not remembered (class, aria-pressed: %s)", where, got)
				continue
			}
			r := eval[elderReport](t, ctx, elderJS)
			for _, c := range []struct {
				what string
				list []string
			}{
				{"text under 22 px", r.Small}, {"line height under 1.8", r.Tight}, {"contrast under 7:1", r.Contrast},
				{"targets under 60 px", r.Targets}, {"motion", r.Motion}, {"headings not larger than the text", r.Headings},
				{"card lists not simplified", r.Cards}, {"site title cut short", r.Clipped},
				{"text squeezed one character wide", r.Squeezed},
			} {
				if len(c.list) > 0 {
					t.Errorf("%s: %s: %s", where, c.what, strings.Join(c.list[:min(len(c.list), 6)], "; "))
				}
			}
			if msg := eval[string](t, ctx, overflowJS); msg != "" {
				t.Errorf("%s at 320 px in 长者模式: %s", where, msg)
			}
			if r.Charts > 0 {
				t.Errorf("%s: %d charts shown in 长者模式", where, r.Charts)
			}
			if r.Body > 0 && r.Body < 22 {
				t.Errorf("%s: body text %.1f px", where, r.Body)
			}
		}
		do(t, ctx, colorScheme("light"), chromedp.Click(chromedp.CSS(`button[data-elder]`)))
		if got := eval[string](t, ctx, `document.documentElement.className.includes("elder") + " " + document.querySelector("button[data-elder]").getAttribute("aria-pressed") + " " + localStorage.getItem("reportsite-elder")`); got != "false false null" {
			t.Errorf("%s: 长者模式 not switched off: %s", s.name, got)
		}
	}
}

// fakeVoice replaces the browser's speech synthesis with one Chinese voice
// that records what it is asked to say and speaks each sentence until the
// test ends it with speechSynthesis.finish().
const fakeVoice = `(() => {
  const said = [];
  const synth = {
    paused: false, speaking: false, current: null, said,
    getVoices() { return [{ name: "测试", lang: "zh-CN", voiceURI: "test", localService: true, default: true }]; },
    speak(u) { said.push(u.text); this.current = u; this.speaking = true; },
    cancel() { const u = this.current; this.current = null; this.speaking = false; if (u && u.onerror) u.onerror({ error: "interrupted" }); },
    pause() { this.paused = true; }, resume() { this.paused = false; },
    finish() { const u = this.current; this.current = null; if (u && u.onend) u.onend({}); },
    addEventListener() {}, removeEventListener() {}
  };
  Object.defineProperty(window, "speechSynthesis", { value: synth, configurable: true });
  window.SpeechSynthesisUtterance = function (text) { this.text = text; };
})();`

// TestReadAloud reads a page aloud with a stub voice: 朗读 starts from the
// text in view, highlights the sentence it reads, goes on sentence by
// sentence, pauses, resumes and stops; without a Chinese voice the button
// stays hidden.
func TestReadAloud(t *testing.T) {
	s := seedSite()
	base := serve(t, s)
	// The page with the most sentences.
	bodyText := func(p *page) string {
		var b strings.Builder
		for _, n := range find(p.doc, func(n *html.Node) bool { return hasClass(n, "body") }) {
			b.WriteString(text(n))
		}
		return b.String()
	}
	p := firstOf(t, s, "page")
	for _, q := range s.pages {
		if q.kind() == "page" && strings.Count(bodyText(q), "。") > strings.Count(bodyText(p), "。") {
			p = q
		}
	}
	if strings.Count(bodyText(p), "。") < 4 {
		t.Fatalf("%s: no page of four sentences", s.name)
	}

	ctx := tab(t)
	do(t, ctx, desktop(), chromedp.Navigate(base+p.urlPath()))
	if !eval[bool](t, ctx, `speechSynthesis.getVoices().some(v => v.lang.startsWith("zh"))`) &&
		!eval[bool](t, ctx, `document.querySelector("button[data-read]").hidden`) {
		t.Error("朗读 offered without a Chinese voice")
	}

	ctx = tab(t)
	do(t, ctx, chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		_, err := cdp.Call(ctx, tg, cdppage.AddScriptToEvaluateOnNewDocument, cdppage.AddScriptToEvaluateOnNewDocumentParams{Source: fakeVoice})
		return err
	}), desktop(), chromedp.Navigate(base+p.urlPath()))
	state := func() string {
		return eval[string](t, ctx, `["data-read", "data-read-pause", "data-read-stop"].map(a => { const b = document.querySelector("button[" + a + "]"); return (b.hidden ? "hidden" : b.textContent) + "=" + b.getAttribute("aria-pressed"); }).join(" ")`)
	}
	if got := state(); got != "朗读=false hidden=false hidden=null" {
		t.Fatalf("before reading: %s", got)
	}
	do(t, ctx, chromedp.Click(chromedp.CSS(`button[data-read]`)))
	if got := state(); got != "朗读=true 暂停=false 停止=null" {
		t.Errorf("reading: %s", got)
	}
	said := func() []string { return eval[[]string](t, ctx, `speechSynthesis.said`) }
	marked := func() string {
		return eval[string](t, ctx, `CSS.highlights.has("read-aloud") ? [...CSS.highlights.get("read-aloud")][0].toString() : ""`)
	}
	h1 := text(find(p.doc, byAtom(atom.H1))[0])
	if got := said(); len(got) != 1 || got[0] != h1 {
		t.Errorf("first said %q, want the page's title %q", got, h1)
	}
	// The page's text, sentence by sentence, each highlighted as it is read.
	for i := range 3 {
		do(t, ctx, chromedp.Evaluate[chromedp.Void](`speechSynthesis.finish()`))
		got := said()
		last := got[len(got)-1]
		if len(got) != i+2 || !strings.Contains(bodyText(p), strings.TrimSpace(last)) {
			t.Fatalf("sentence %d: said %q, not a sentence of the text", i+2, got)
		}
		if m := marked(); strings.TrimSpace(m) != last {
			t.Errorf("sentence %d: highlighted %q while saying %q", i+2, m, last)
		}
		if strings.ContainsAny(strings.TrimRight(last, "。！？；!?”’」』）)"), "。！？!?") {
			t.Errorf("%q is more than one sentence", last)
		}
	}
	do(t, ctx, chromedp.Click(chromedp.CSS(`button[data-read-pause]`)))
	if got := state() + " " + eval[string](t, ctx, `String(speechSynthesis.paused)`); got != "朗读=true 继续=true 停止=null true" {
		t.Errorf("paused: %s", got)
	}
	do(t, ctx, chromedp.Click(chromedp.CSS(`button[data-read-pause]`)))
	if got := state() + " " + eval[string](t, ctx, `String(speechSynthesis.paused)`); got != "朗读=true 暂停=false 停止=null false" {
		t.Errorf("resumed: %s", got)
	}
	n := len(said())
	do(t, ctx, chromedp.Click(chromedp.CSS(`button[data-read-stop]`)))
	if got := state(); got != "朗读=false hidden=false hidden=null" {
		t.Errorf("stopped: %s", got)
	}
	if m := marked(); m != "" {
		t.Errorf("still highlighted after stop: %q", m)
	}
	// A cancelled utterance's end does not start the next sentence.
	do(t, ctx, chromedp.Evaluate[chromedp.Void](`speechSynthesis.finish()`))
	if len(said()) != n {
		t.Error("reading went on after stop")
	}
}

// TestQRShown checks the QR code: folded on a screen, opened by its
// summary, and printed even when folded.
func TestQRShown(t *testing.T) {
	s := builtSites[0]
	if s.base == "" {
		t.Skip("the fixture has no base_url")
	}
	base := serve(t, s)
	ctx := tab(t)
	do(t, ctx, phone(), chromedp.Navigate(base+firstOf(t, s, "page").urlPath()))
	size := `(() => { const q = document.querySelector("svg.qr"), r = q.getBoundingClientRect(); return q.checkVisibility() ? Math.round(r.width) + "x" + Math.round(r.height) : "0x0"; })()`
	if got := eval[string](t, ctx, size); got != "0x0" {
		t.Errorf("QR code shown before its summary is opened: %s", got)
	}
	do(t, ctx, chromedp.Click(chromedp.CSS(`.qr-box summary`)))
	if got := eval[string](t, ctx, size); got == "0x0" {
		t.Error("QR code not shown when its summary is opened")
	}
	do(t, ctx, chromedp.Click(chromedp.CSS(`.qr-box summary`)), media("print"))
	if got := eval[string](t, ctx, size); got == "0x0" {
		t.Error("QR code not printed while folded")
	}
	if got := eval[string](t, ctx, `[".care", ".qr-box summary", ".feedback"].map(s => getComputedStyle(document.querySelector(s)).display).join(" ")`); got != "none none none" {
		t.Errorf("print shows screen controls (display %s)", got)
	}
	do(t, ctx, media(""))
}

// TestPortalAssetsBudget measures what the furniture costs the seed's
// site, in bytes: on each page the QR code, the block after the text, the
// links atop the footer and the header buttons, and once the two assets;
// and holds it to a budget (GOV-PAGE row 47: CSS 20 KB, JS 10 KB in all).
func TestPortalAssetsBudget(t *testing.T) {
	s := seedSite()
	var qr, after, nav, care int
	for _, p := range s.pages {
		raw := string(p.raw)
		if i := strings.Index(raw, `<svg class="qr"`); i >= 0 {
			qr += strings.Index(raw[i:], "</svg>") + len("</svg>")
		}
		for _, part := range []struct {
			start, end string
			n          *int
		}{{`<div class="after-text">`, "</details>\n</div>", &after}, {`<nav class="portal-nav"`, "</nav>", &nav}, {`<div class="care"`, "</div>", &care}} {
			if i := strings.Index(raw, part.start); i >= 0 {
				*part.n += strings.Index(raw[i:], part.end) + len(part.end)
			}
		}
	}
	n := len(s.pages)
	assets := map[string]int{}
	for _, ext := range []string{"css", "js"} {
		files, _ := filepath.Glob(filepath.Join(s.dir, "assets", "portal.*."+ext))
		for _, f := range files {
			if st, err := os.Stat(f); err == nil {
				assets[ext] += int(st.Size())
			}
		}
	}
	t.Logf("%s, %d pages; per page on average: QR code %d B, after-text block (纠错 and QR) %d B, links atop the footer %d B, header buttons %d B; portal.css %d B, portal.js %d B (minified)",
		s.name, n, qr/n, after/n, nav/n, care/n, assets["css"], assets["js"])
	if per := (after + nav + care) / n; per > 3500 {
		t.Errorf("the furniture costs %d B a page, over the 3,500 B budget", per)
	}
	if assets["css"] == 0 || assets["css"] > 5000 || assets["js"] == 0 || assets["js"] > 4500 {
		t.Errorf("portal.css %d B, portal.js %d B: want each published and within 5,000 and 4,500 B", assets["css"], assets["js"])
	}
}
