package site

import (
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"regexp"
	"strings"

	"reportsite/generator/content"
)

// Config is the decoded config.toml of a site. Every key the file may hold is
// a field here; an unknown key or a value of the wrong type is an error.
type Config struct {
	// Title is the site's name as shown in the header and the <title>.
	Title string `toml:"title"`
	// BaseURL is the absolute URL the site is published at. It is used for
	// canonical links and the sitemap only; all other links are relative.
	BaseURL string `toml:"base_url"`
	// Language is the value of <html lang>; "zh-CN" when empty.
	Language string   `toml:"language"`
	Identity Identity `toml:"identity"`
}

// Identity is the government website identity block (GOV-PAGE rows 1 and 10).
// Leave a field empty rather than guess it: an empty field is left out of the
// pages and the build warns about it.
type Identity struct {
	SiteName     string `toml:"site_name"`     // 网站名称, meta SiteName
	SiteDomain   string `toml:"site_domain"`   // meta SiteDomain
	SiteIDCode   string `toml:"site_id_code"`  // 网站标识码, 10 digits or bm+8 digits
	Sponsor      string `toml:"sponsor"`       // 主办单位
	Contact      string `toml:"contact"`       // 联系方式
	ICP          string `toml:"icp"`           // ICP备案号, e.g. 鲁ICP备12345678号-1
	PoliceRecord string `toml:"police_record"` // 公安机关备案号, e.g. 鲁公网安备 37030602000001号
	// The portal furniture (portal.go): each piece is left out, with one
	// warning, while its keys are empty.
	Badge    string `toml:"badge"`     // 党政机关网站标识 image in assets/, e.g. "conac.png"
	BadgeURL string `toml:"badge_url"` // the 开办 record it links to, https://bszs.conac.cn/…
	Feedback string `toml:"feedback"`  // 【我要纠错】: an e-mail address or an http(s) URL
	Address  string `toml:"address"`   // 联系我们: 地址
	Postcode string `toml:"postcode"`  // 联系我们: 邮编
	Phone    string `toml:"phone"`     // 联系我们: 电话
	Email    string `toml:"email"`     // 联系我们: 电子邮箱
}

var (
	siteIDCode = regexp.MustCompile(`^(\d{10}|bm\d{8})$`)
	digits     = regexp.MustCompile(`\d{8,}`)
)

// LoadConfig reads and checks fsys's config.toml. It returns the config and
// the warnings it found (empty identity fields).
func LoadConfig(fsys fs.FS) (*Config, []string, error) {
	const name = "config.toml"
	src, err := fs.ReadFile(fsys, name)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil, nil, fmt.Errorf("%s: missing: a site needs a config.toml with at least title = \"…\"", name)
		}
		return nil, nil, fmt.Errorf("%s: %w", name, err)
	}
	var c Config
	if err := content.DecodeTOML(name, 1, src, &c); err != nil {
		return nil, nil, err
	}
	var errs []error
	if strings.TrimSpace(c.Title) == "" {
		errs = append(errs, content.Errorf(name, content.KeyLine(src, "title"), "title is empty: set title = \"…\", the name shown on every page"))
	}
	if c.Language == "" {
		c.Language = "zh-CN"
	}
	if c.BaseURL != "" {
		u, err := url.Parse(c.BaseURL)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			errs = append(errs, content.Errorf(name, content.KeyLine(src, "base_url"), "base_url %q is not an absolute http(s) URL", c.BaseURL))
		} else if !strings.HasSuffix(c.BaseURL, "/") {
			c.BaseURL += "/"
		}
	}
	if id := c.Identity.SiteIDCode; id != "" && !siteIDCode.MatchString(id) {
		errs = append(errs, content.Errorf(name, content.KeyLine(src, "identity", "site_id_code"), "site_id_code %q is not a 网站标识码 (10 digits, or bm and 8 digits)", id))
	}
	errs = append(errs, checkPortal(name, src, &c.Identity)...)
	if len(errs) > 0 {
		return nil, nil, errors.Join(errs...)
	}
	// One warning names every empty field, so that a site without its
	// numbers yet says so once, not once a field.
	var empty []string
	for _, f := range []struct{ key, label, val string }{
		{"site_name", "网站名称", c.Identity.SiteName},
		{"site_domain", "网站域名", c.Identity.SiteDomain},
		{"site_id_code", "网站标识码", c.Identity.SiteIDCode},
		{"sponsor", "主办单位", c.Identity.Sponsor},
		{"contact", "联系方式", c.Identity.Contact},
		{"icp", "ICP备案号", c.Identity.ICP},
		{"police_record", "公安机关备案号", c.Identity.PoliceRecord},
	} {
		if strings.TrimSpace(f.val) == "" {
			empty = append(empty, f.key+" ("+f.label+")")
		}
	}
	empty = append(empty, portalEmpty(&c.Identity)...)
	var warns []string
	if len(empty) > 0 {
		warns = append(warns, fmt.Sprintf("%s:%d: [identity] fields empty, left out of every page until the site owner gives them: %s", name, content.KeyLine(src, "identity"), strings.Join(empty, ", ")))
	}
	return &c, warns, nil
}

// readDirFS returns os.DirFS(dir) when dir exists, or nil.
func readDirFS(dir string) fs.FS {
	if st, err := os.Stat(dir); err != nil || !st.IsDir() {
		return nil
	}
	return os.DirFS(dir)
}
