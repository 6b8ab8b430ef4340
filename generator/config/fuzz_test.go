package config

import (
	"errors"
	"net/url"
	"strings"
	"testing"
	"testing/fstest"

	"reportsite/generator/content"
)

// FuzzLoad feeds Load any config.toml: it must not panic, every
// error must name config.toml, and a config it accepts must hold what the
// build relies on: a title, a language, and a base URL that is empty or an
// absolute http(s) URL ending in "/". Seeds: testdata/fuzz/FuzzLoad.
func FuzzLoad(f *testing.F) {
	f.Add([]byte("title = \"测试站点\"\nbase_url = \"https://example.gov.cn/sub\"\n[identity]\nsite_id_code = \"3703060001\"\n"))
	f.Fuzz(func(t *testing.T, src []byte) {
		cfg, warns, err := Load(fstest.MapFS{"config.toml": {Data: src}})
		if err != nil {
			for _, e := range content.Errors(err) {
				var ce *content.Error
				if !errors.As(e, &ce) || ce.Path != "config.toml" {
					t.Fatalf("error %q does not name config.toml", e)
				}
			}
			return
		}
		if strings.TrimSpace(cfg.Title) == "" || cfg.Language == "" {
			t.Fatalf("accepted config with title %q, language %q", cfg.Title, cfg.Language)
		}
		if cfg.BaseURL != "" {
			u, err := url.Parse(cfg.BaseURL)
			if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || !strings.HasSuffix(cfg.BaseURL, "/") {
				t.Fatalf("accepted base_url %q", cfg.BaseURL)
			}
		}
		if id := cfg.Identity.SiteIDCode; id != "" && !siteIDCode.MatchString(id) {
			t.Fatalf("accepted site_id_code %q", id)
		}
		for _, w := range warns {
			if !strings.HasPrefix(w, "config.toml:") {
				t.Fatalf("warning %q does not name config.toml", w)
			}
		}
	})
}
