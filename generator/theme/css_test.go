package theme_test

import (
	"io/fs"
	"math"
	"regexp"
	"strconv"
	"testing"

	"reportsite/generator/theme"
)

// TestColorContrast computes the contrast of every text colour of the theme
// against the backgrounds it is used on, in the light and the dark scheme
// (WCAG 1.4.3: 4.5:1; GOV-PAGE row 21). axe checks only the scheme the
// browser happens to use; this checks both.
func TestColorContrast(t *testing.T) {
	css, err := fs.ReadFile(theme.Assets(), "site.css")
	if err != nil {
		t.Fatal(err)
	}
	blocks := regexp.MustCompile(`(?s):root \{(.*?)\}`).FindAllSubmatch(css, -1)
	if len(blocks) != 2 {
		t.Fatalf("want 2 :root blocks (light, then dark), found %d", len(blocks))
	}
	darkHeader := regexp.MustCompile(`prefers-color-scheme: dark\) \{ \.site-header \{ background: (#[0-9a-fA-F]{3,6})`).FindSubmatch(css)
	if darkHeader == nil {
		t.Fatal("no dark .site-header background found")
	}
	decl := regexp.MustCompile(`--([a-z-]+):\s*(#[0-9a-fA-F]{3,6})`)
	light := map[string]string{}
	for _, m := range decl.FindAllSubmatch(blocks[0][1], -1) {
		light[string(m[1])] = string(m[2])
	}
	dark := map[string]string{}
	for k, v := range light {
		dark[k] = v
	}
	for _, m := range decl.FindAllSubmatch(blocks[1][1], -1) {
		dark[string(m[1])] = string(m[2])
	}
	dark["header"] = string(darkHeader[1])
	light["header"] = light["accent"]
	for _, scheme := range []struct {
		name string
		v    map[string]string
	}{{"light", light}, {"dark", dark}} {
		v := scheme.v
		v["white"] = "#fff"
		for _, pair := range [][2]string{
			{"fg", "bg"}, {"fg", "panel"}, {"muted", "bg"}, {"muted", "panel"},
			{"link", "bg"}, {"link", "panel"}, {"accent", "bg"}, {"white", "header"},
		} {
			fg, bg := v[pair[0]], v[pair[1]]
			if fg == "" || bg == "" {
				t.Errorf("%s: colour --%s or --%s not found", scheme.name, pair[0], pair[1])
				continue
			}
			if c := contrast(fg, bg); c < 4.5 {
				t.Errorf("%s: %s (%s) on %s (%s) has contrast %.2f:1, want 4.5:1", scheme.name, pair[0], fg, pair[1], bg, c)
			}
		}
		// The charts' bars and outlines are graphics: 3:1 (WCAG 1.4.11).
		if c := contrast(v["chart-bar"], v["bg"]); v["chart-bar"] == "" || c < 3 {
			t.Errorf("%s: chart-bar (%s) on bg (%s) has contrast %.2f:1, want 3:1", scheme.name, v["chart-bar"], v["bg"], c)
		}
	}
}

func contrast(a, b string) float64 {
	la, lb := luminance(a), luminance(b)
	return (math.Max(la, lb) + 0.05) / (math.Min(la, lb) + 0.05)
}

func luminance(hex string) float64 {
	h := hex[1:]
	if len(h) == 3 {
		h = string([]byte{h[0], h[0], h[1], h[1], h[2], h[2]})
	}
	var l float64
	for i, w := range []float64{0.2126, 0.7152, 0.0722} {
		n, _ := strconv.ParseUint(h[2*i:2*i+2], 16, 8)
		c := float64(n) / 255
		if c <= 0.04045 {
			c /= 12.92
		} else {
			c = math.Pow((c+0.055)/1.055, 2.4)
		}
		l += w * c
	}
	return l
}
