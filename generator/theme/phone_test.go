package theme_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
)

// The tests in this file look at the pages as a reader of a 360×780 phone
// does, screen by screen (issue 16): the text first, charts readable in both
// colour schemes and at every 字号, the data page without squeezed cells.
// They share the build and the browser of the other tests.

// phone360 is the common Android phone the issue measures on.
func phone360() chromedp.Action[chromedp.Void] {
	return chromedp.EmulateViewport(360, 780, chromedp.EmulateMobile, chromedp.EmulateTouch, chromedp.EmulatePortrait)
}

// scheme emulates prefers-color-scheme ("" resets it).
func scheme(s string) chromedp.Action[chromedp.Void] {
	return chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		p := emulation.SetEmulatedMediaParams{}
		if s != "" {
			p.Features = []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: s}}
		}
		_, err := cdp.Call(ctx, t, emulation.SetEmulatedMedia, p)
		return err
	})
}

// setSize chooses a 字号 as the buttons do: stored for the next pages too.
func setSize(t *testing.T, ctx context.Context, fs string) {
	t.Helper()
	do(t, ctx, chromedp.Evaluate[chromedp.Void](`(() => {
		localStorage.setItem("reportsite-fs", "`+fs+`");
		if ("`+fs+`" === "m") document.documentElement.removeAttribute("data-fs"); else document.documentElement.setAttribute("data-fs", "`+fs+`");
	})()`))
}

// textFirstJS measures a page: the top of its H1 and of its first paragraph
// of text, the number of cards in the first row of its key figures (and how
// many it has), and the top of the report home's outline, in CSS px from
// the top of the page.
const textFirstJS = `(() => {
	const top = el => el ? Math.round(el.getBoundingClientRect().top + scrollY) : -1;
	const p = document.querySelector("main .body p");
	const cards = [...document.querySelectorAll(".cards-strip .card-list > li, .dashboard .card-list > li")];
	const row = cards.filter(li => Math.abs(li.getBoundingClientRect().top - cards[0].getBoundingClientRect().top) < 2).length;
	return [top(document.querySelector("h1")), top(p), row, cards.length, top(document.querySelector(".report-home .children"))];
})()`

// TestTextFirstOnPhone checks every report page of the seed site at 360×780:
// the H1 within the top 220 px, the text starting on the first screen, the
// key figures at least two a row, the report home's outline within two
// screens, and nothing wider than the screen at any 字号.
func TestTextFirstOnPhone(t *testing.T) {
	ctx := tab(t)
	s := seedSite()
	base := serve(t, s)
	do(t, ctx, phone360())
	defer setSize(t, ctx, "m")
	checked := 0
	for _, p := range s.pages {
		kind := p.kind()
		if kind != "section" && kind != "page" && kind != "report" {
			continue
		}
		checked++
		do(t, ctx, chromedp.Navigate(base+p.urlPath()))
		setSize(t, ctx, "m")
		got := eval[[5]int](t, ctx, textFirstJS)
		h1, para, row, cards, outline := got[0], got[1], got[2], got[3], got[4]
		t.Logf("%s: H1 %d px, first paragraph %d px, %d of %d cards a row, outline %d px", p.file, h1, para, row, cards, outline)
		if kind != "report" && h1 > 220 {
			t.Errorf("%s: the H1 starts at %d px, want at most 220", p.file, h1)
		}
		if kind != "report" && para >= 780 {
			t.Errorf("%s: the first paragraph starts at %d px, below the first screen (780)", p.file, para)
		}
		if cards >= 2 && row < 2 {
			t.Errorf("%s: %d card a row, want at least 2", p.file, row)
		}
		if kind == "report" && (outline < 0 || outline >= 1560) {
			t.Errorf("%s: the outline starts at %d px, want within two screens (1560)", p.file, outline)
		}
		for _, fs := range []string{"s", "l"} {
			setSize(t, ctx, fs)
			if msg := eval[string](t, ctx, overflowJS); msg != "" {
				t.Errorf("%s at 360 px, 字号 %s: %s", p.file, fs, msg)
			}
			// The site's title keeps room for a few characters.
			if w := eval[float64](t, ctx, `(e => e.clientWidth / parseFloat(getComputedStyle(e).fontSize))(document.querySelector(".site-title"))`); w < 3.9 {
				t.Errorf("%s at 360 px, 字号 %s: the site's title is %.1f characters wide", p.file, fs, w)
			}
		}
	}
	if checked == 0 {
		t.Fatal("no report pages")
	}
}

// contrastJS returns, for every <text> of every chart, its text, its fill,
// the background behind it and their contrast ratio.
const contrastJS = `(() => {
	const rgb = s => (s.match(/[\d.]+/g) || []).map(Number);
	const lum = c => { const f = v => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); }; return 0.2126 * f(c[0]) + 0.7152 * f(c[1]) + 0.0722 * f(c[2]); };
	const bg = el => {
		for (let e = el; e; e = e.parentElement) {
			const c = rgb(getComputedStyle(e).backgroundColor);
			if (c.length >= 3 && (c.length === 3 || c[3] > 0)) return c;
		}
		return [255, 255, 255];
	};
	return [...document.querySelectorAll("svg text")].map(t => {
		const f = rgb(getComputedStyle(t).fill), b = bg(t.closest("svg"));
		const l1 = lum(f), l2 = lum(b);
		return [t.textContent, getComputedStyle(t).fill, "rgb(" + b.slice(0, 3).join(", ") + ")", ((Math.max(l1, l2) + 0.05) / (Math.min(l1, l2) + 0.05)).toFixed(2)];
	});
})()`

// chartPages returns the pages of s that have charts.
func chartPages(t *testing.T, s *builtSite) []*page {
	var out []*page
	for _, p := range s.pages {
		if strings.Contains(string(p.raw), "<svg") && strings.Contains(string(p.raw), "<text") {
			out = append(out, p)
		}
	}
	if len(out) == 0 {
		if s == seedSite() {
			t.Fatalf("%s: no page with a chart", s.name)
		}
		t.Skipf("%s: no page with a chart", s.name)
	}
	return out
}

// TestChartContrast checks every text of every chart against the background
// behind it, in the light and the dark scheme: 4.5:1 at least; and in
// print, text and bars in black.
func TestChartContrast(t *testing.T) {
	ctx := tab(t)
	do(t, ctx, phone360())
	defer do(t, ctx, scheme(""))
	forEachSite(t, func(t *testing.T, s *builtSite) {
		base := serve(t, s)
		for _, p := range chartPages(t, s) {
			for _, sc := range []string{"light", "dark"} {
				do(t, ctx, scheme(sc), chromedp.Navigate(base+p.urlPath()))
				texts := eval[[][4]string](t, ctx, contrastJS)
				for _, x := range texts {
					var c float64
					fmt.Sscan(x[3], &c)
					if c < 4.5 {
						t.Errorf("%s, %s scheme: chart text %q is %s on %s, contrast %s, want at least 4.5", p.file, sc, x[0], x[1], x[2], x[3])
					}
				}
				if len(texts) == 0 {
					t.Errorf("%s: no chart text", p.file)
				}
			}
			// In print, black on white.
			do(t, ctx, scheme("dark"), media("print"))
			inked := eval[[]string](t, ctx, `[...document.querySelectorAll("svg text, svg .bar.result")].map(e => e.tagName === "text" ? getComputedStyle(e).fill : getComputedStyle(e).fill).filter(c => c !== "rgb(0, 0, 0)")`)
			do(t, ctx, media(""))
			if len(inked) > 0 {
				t.Errorf("%s: printed chart text and bars in %q, want black", p.file, inked)
			}
		}
	})
}

// TestChartTextSize checks the size chart text is shown at, in CSS px
// (its font size times the chart's scale), at 360 and 1280 px wide and at
// every 字号: 14 to 18 px, and on a wide screen larger for a larger 字号.
func TestChartTextSize(t *testing.T) {
	ctx := tab(t)
	defer setSize(t, ctx, "m")
	forEachSite(t, func(t *testing.T, s *builtSite) {
		base := serve(t, s)
		for _, p := range chartPages(t, s) {
			for _, vp := range []struct {
				name string
				set  chromedp.Action[chromedp.Void]
			}{{"360 px", phone360()}, {"1280 px", desktop()}} {
				do(t, ctx, vp.set, chromedp.Navigate(base+p.urlPath()))
				prev := 0.0
				for _, fs := range []string{"s", "m", "l"} {
					setSize(t, ctx, fs)
					got := eval[[2]float64](t, ctx, `(() => {
						const px = [...document.querySelectorAll("svg text")].map(t => parseFloat(getComputedStyle(t).fontSize) * t.getScreenCTM().a);
						return [Math.min(...px), Math.max(...px)];
					})()`)
					t.Logf("%s at %s, 字号 %s: chart text %.1f to %.1f px", p.file, vp.name, fs, got[0], got[1])
					if got[0] < 14 || got[1] > 18 {
						t.Errorf("%s at %s, 字号 %s: chart text %.1f to %.1f px, want 14 to 18", p.file, vp.name, fs, got[0], got[1])
					}
					// On a phone the chart fills the column, which the
					// larger 字号's margins make narrower.
					if vp.name != "360 px" && got[0] < prev-0.01 {
						t.Errorf("%s at %s: chart text shrinks from %.1f to %.1f px at 字号 %s", p.file, vp.name, prev, got[0], fs)
					}
					prev = got[0]
				}
			}
		}
	})
}

// TestDataPageOnPhone checks the data pages at 360 px: no table cell
// narrower than four characters, every indicator in a section of its own
// heading, and the filter field narrowing the list.
func TestDataPageOnPhone(t *testing.T) {
	ctx := tab(t)
	do(t, ctx, phone360())
	forEachSite(t, func(t *testing.T, s *builtSite) {
		base := serve(t, s)
		for _, p := range s.pages {
			if p.kind() != "data" {
				continue
			}
			do(t, ctx, chromedp.Navigate(base+p.urlPath()))
			narrow := eval[[]string](t, ctx, `[...document.querySelectorAll("main td, main th")].filter(c => {
				const r = c.getBoundingClientRect();
				if (r.width <= 1 || !c.checkVisibility()) return false; // a visually hidden header
				return r.width < 4 * parseFloat(getComputedStyle(c).fontSize) - 0.5;
			}).map(c => c.textContent + " " + Math.round(c.getBoundingClientRect().width) + "px")`)
			for _, n := range narrow {
				t.Errorf("%s at 360 px: cell %s is narrower than 4 characters", p.file, n)
			}
			got := eval[[4]int](t, ctx, `[document.documentElement.scrollHeight, document.querySelectorAll(".ind-group").length,
				document.querySelectorAll(".ind-group tbody tr").length, document.querySelectorAll(".ind-group h3").length]`)
			t.Logf("%s at 360 px: %d px tall, %d indicators in %d sections", p.file, got[0], got[2], got[1])
			if got[1] == 0 || got[3] != got[1] {
				t.Errorf("%s: %d sections with %d headings", p.file, got[1], got[3])
			}
			// The filter: shown by the script, narrowing the rows to the
			// ones that hold the words, and every row back when emptied.
			name := eval[string](t, ctx, `document.querySelector(".ind-group tbody th").textContent`)
			rows := eval[[2]int](t, ctx, `(() => {
				const f = document.querySelector(".ind-filter input");
				if (!f || !f.checkVisibility()) return [-1, -1];
				f.value = `+jsString(name)+`;
				f.dispatchEvent(new Event("input"));
				const shown = [...document.querySelectorAll(".ind-group tbody tr")].filter(r => r.checkVisibility()).length;
				f.value = "";
				f.dispatchEvent(new Event("input"));
				return [shown, [...document.querySelectorAll(".ind-group tbody tr")].filter(r => r.checkVisibility()).length];
			})()`)
			switch {
			case rows[0] < 0:
				t.Errorf("%s: no filter field", p.file)
			case rows[0] == 0 || rows[0] >= got[2] && got[2] > 1:
				t.Errorf("%s: filtering by %q shows %d of %d rows", p.file, name, rows[0], got[2])
			case rows[1] != got[2]:
				t.Errorf("%s: emptying the filter shows %d of %d rows", p.file, rows[1], got[2])
			}
		}
	})
}

// TestQuietProvenance checks the marks that link a sentence to its card: no
// underline on the sentence, a small 指标 tag rather than an arrow, and
// nothing of them in print; and the phone's outline closing with Escape.
func TestQuietProvenance(t *testing.T) {
	ctx := tab(t)
	s := seedSite()
	base := serve(t, s)
	var p *page
	for _, q := range s.pages {
		if strings.Contains(string(q.raw), `class="ind-back"`) {
			p = q
			break
		}
	}
	if p == nil {
		t.Skip("no page marks a sentence")
	}
	do(t, ctx, phone360(), chromedp.Navigate(base+p.urlPath()))
	got := eval[[3]string](t, ctx, `(() => {
		const src = getComputedStyle(document.querySelector(".ind-src"));
		const back = document.querySelector(".ind-back");
		return [src.textDecorationLine + " " + src.borderBottomStyle, back.innerText, String(back.getBoundingClientRect().width > 0)];
	})()`)
	if got[0] != "none none" {
		t.Errorf("%s: the sentence is underlined (%s)", p.file, got[0])
	}
	if got[1] != "指标" || got[2] != "true" {
		t.Errorf("%s: the mark shows %s (shown: %s), want a visible 指标", p.file, got[1], got[2])
	}
	// The outline opens over the text and closes with Escape.
	do(t, ctx, chromedp.Click(chromedp.CSS(".outline-box summary")))
	if !eval[bool](t, ctx, `document.querySelector(".outline-box").open`) {
		t.Fatal("the outline does not open")
	}
	do(t, ctx, chromedp.KeyEvent("\u001b"))
	if eval[bool](t, ctx, `document.querySelector(".outline-box").open`) {
		t.Error("Escape does not close the outline")
	}
	do(t, ctx, media("print"))
	defer do(t, ctx, media(""))
	printed := eval[[2]string](t, ctx, `[getComputedStyle(document.querySelector(".ind-back")).display, document.querySelector(".print-head").innerText]`)
	if printed[0] != "none" {
		t.Errorf("%s: the mark prints", p.file)
	}
	for _, w := range []string{"发布机构：", "发文日期：", "本页地址：http"} {
		if !strings.Contains(printed[1], w) {
			t.Errorf("%s: the printed head lacks %s: %q", p.file, w, printed[1])
		}
	}
}

// TestSearchLink checks that a search can be shared as a link (?q=…): the
// page opens with the query and its results, and a result followed to
// another page marks the words searched for.
func TestSearchLink(t *testing.T) {
	ctx := tab(t)
	s := seedSite()
	base := serve(t, s)
	do(t, ctx, desktop(), chromedp.Navigate(base+"/?q="+"营商环境"))
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](`document.querySelectorAll(".search-results a").length > 0`, chromedp.WithPollingTimeout(20e9))); err != nil {
		t.Fatalf("a link with ?q= shows no results: %v", err)
	}
	if got := eval[string](t, ctx, `document.querySelector("form.search input").value`); got != "营商环境" {
		t.Errorf("the box holds %q", got)
	}
	href := eval[string](t, ctx, `document.querySelector(".search-results a").href`)
	if !strings.Contains(href, "hl=") {
		t.Fatalf("a result on another page does not carry the words: %s", href)
	}
	do(t, ctx, chromedp.Navigate(href))
	marks := eval[[]string](t, ctx, `[...document.querySelectorAll("mark.hl")].map(m => m.textContent)`)
	if len(marks) == 0 || marks[0] != "营商环境" {
		t.Errorf("landing on %s marks %q, want 营商环境", href, marks)
	}
}
