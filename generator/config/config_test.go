package config

import (
	"strings"
	"testing"
	"testing/fstest"
)

func load(src string) (*Config, []string, error) {
	return Load(fstest.MapFS{"config.toml": {Data: []byte(src)}})
}

// TestLoadErrors checks that each bad value is an error at its line.
func TestLoadErrors(t *testing.T) {
	for _, tc := range []struct{ name, src, want string }{
		{"unknown key", "title = \"t\"\nbaseurl = \"https://x/\"\n", `config.toml:2: unknown key "baseurl": remove it or check its spelling`},
		{"wrong type", "title = 3\n", "config.toml:1: invalid TOML"},
		{"empty title", "title = \" \"\n", "config.toml:1: title is empty"},
		{"relative base_url", "title = \"t\"\nbase_url = \"/sub/\"\n", `config.toml:2: base_url "/sub/" is not an absolute http(s) URL`},
		{"site_id_code", "title = \"t\"\n[identity]\nsite_id_code = \"12345\"\n", `config.toml:3: site_id_code "12345" is not a 网站标识码`},
		{"badge_url", "title = \"t\"\n[identity]\nbadge_url = \"bszs.conac.cn/x\"\n", `config.toml:3: badge_url "bszs.conac.cn/x" is not an absolute http(s) URL`},
		{"badge path", "title = \"t\"\n[identity]\nbadge = \"../conac.png\"\n", `config.toml:3: badge "../conac.png" is not a file name in assets/`},
		{"feedback", "title = \"t\"\n[identity]\nfeedback = \"not an address\"\n", `config.toml:3: feedback "not an address" is neither`},
		{"email", "title = \"t\"\n[identity]\nemail = \"a@b@c\"\n", `config.toml:3: email "a@b@c" is not an e-mail address`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			cfg, _, err := load(tc.src)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("err = %v, want %q", err, tc.want)
			}
			if cfg != nil {
				t.Error("a config with an error is returned")
			}
		})
	}
	if _, _, err := Load(fstest.MapFS{}); err == nil || !strings.HasPrefix(err.Error(), "config.toml: missing") {
		t.Errorf("no config.toml: err = %v", err)
	}
}

// TestLoadDefaults checks what Load fills in and the one warning about
// empty identity fields, at the [identity] line.
func TestLoadDefaults(t *testing.T) {
	cfg, warns, err := load("title = \"t\"\nbase_url = \"https://example.gov.cn/sub\"\n[identity]\nsite_name = \"某某区人民政府\"\npolice_record = \"鲁公网安备 37030602000001号\"\nfeedback = \"jiucuo@example.gov.cn\"\n")
	if err != nil {
		t.Fatal(err)
	}
	if cfg.BaseURL != "https://example.gov.cn/sub/" || cfg.Language != "zh-CN" {
		t.Errorf("base_url %q, language %q", cfg.BaseURL, cfg.Language)
	}
	if len(warns) != 1 || !strings.HasPrefix(warns[0], "config.toml:3: [identity] fields empty") {
		t.Fatalf("want one warning at config.toml:3, got %q", warns)
	}
	for _, k := range []string{"site_id_code (", "sponsor (", "badge and badge_url (", "(no 联系我们 page)"} {
		if !strings.Contains(warns[0], k) {
			t.Errorf("the warning does not name %s", k)
		}
	}
	for _, k := range []string{"site_name", "police_record", "feedback ("} {
		if strings.Contains(warns[0], k) {
			t.Errorf("the warning names %s, which is filled", k)
		}
	}
	id := &cfg.Identity
	if id.PoliceCode() != "37030602000001" || !id.FeedbackIsEmail() || id.HasContact() {
		t.Errorf("PoliceCode %q, FeedbackIsEmail %v, HasContact %v", id.PoliceCode(), id.FeedbackIsEmail(), id.HasContact())
	}
	id.Phone = "0533-1234567"
	id.Feedback = "https://example.gov.cn/jiucuo"
	if !id.HasContact() || id.FeedbackIsEmail() {
		t.Errorf("with a phone and a form: HasContact %v, FeedbackIsEmail %v", id.HasContact(), id.FeedbackIsEmail())
	}
}

// TestCheckBadge checks that a badge naming no asset is an error at its line.
func TestCheckBadge(t *testing.T) {
	src := "title = \"t\"\n[identity]\nbadge = \"conac.png\"\nbadge_url = \"https://bszs.conac.cn/x\"\n"
	fsys := fstest.MapFS{"config.toml": {Data: []byte(src)}}
	cfg, _, err := Load(fsys)
	if err != nil {
		t.Fatal(err)
	}
	if err := cfg.CheckBadge(fsys, map[string]string{"conac.png": "assets/conac.0123abcd.png"}); err != nil {
		t.Errorf("badge present: %v", err)
	}
	err = cfg.CheckBadge(fsys, map[string]string{"site.css": "assets/site.0123abcd.css"})
	if err == nil || !strings.Contains(err.Error(), `config.toml:3: badge "conac.png": no such file in assets/`) {
		t.Errorf("badge missing: err = %v", err)
	}
	cfg.Identity.Badge = ""
	if err := cfg.CheckBadge(fsys, nil); err != nil {
		t.Errorf("no badge: %v", err)
	}
}
