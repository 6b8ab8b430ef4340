// Package config owns a site's config.toml: the typed Config it decodes
// into, and the checks of its values (the title, base_url, the 网站标识码 and
// the portal keys of [identity]: badge, feedback, e-mail).
//
// It is a package of its own rather than part of site, which STYLE.md first
// gave it, for two reasons. More than the build reads a config: main checks
// the config of the site it imports into (and its base_url), site builds
// from it, check and serve pass on its warnings through site, and the
// theme's tests load it; none of them should need the whole pipeline for
// that. And site was over the ~1,500-line budget of STYLE.md. site still
// decides what the config means for the pages (its siteView and
// sitePortal): this package only reads and checks the file.
//
// Inputs: an fs.FS holding config.toml. Outputs: a *Config, the warnings
// about empty [identity] fields, and errors as content.Error with their
// config.toml line. Imports: content (content.DecodeTOML decodes and
// rejects unknown keys; content.KeyLine finds a key's line) and the
// standard library; no other package of the module.
package config

import (
	"errors"
	"fmt"
	"io/fs"
	"net/mail"
	"net/url"
	"regexp"
	"strings"

	"reportsite/generator/content"
)

// Config is the decoded config.toml of a site. Every key the file may hold is
// a field here; an unknown key or a value of the wrong type is an error.
//
// The name repeats the package's (config.Config), as template.Template
// does: the package exists for this one type.
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
	// The portal furniture (site/plan/portal.go): each piece is left out, with
	// one warning, while its keys are empty.
	Badge    string `toml:"badge"`     // 党政机关网站标识 image in assets/, e.g. "conac.png"
	BadgeURL string `toml:"badge_url"` // the 开办 record it links to, https://bszs.conac.cn/…
	Feedback string `toml:"feedback"`  // 【我要纠错】: an e-mail address or an http(s) URL
	Address  string `toml:"address"`   // 联系我们: 地址
	Postcode string `toml:"postcode"`  // 联系我们: 邮编
	Phone    string `toml:"phone"`     // 联系我们: 电话
	Email    string `toml:"email"`     // 联系我们: 电子邮箱
}

// name is the file a site's configuration is read from.
const name = "config.toml"

var (
	siteIDCode = regexp.MustCompile(`^(\d{10}|bm\d{8})$`)
	digits     = regexp.MustCompile(`\d{8,}`)
)

// Load reads and checks fsys's config.toml. It returns the config and
// the warnings it found (empty identity fields).
func Load(fsys fs.FS) (*Config, []string, error) {
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
	errs = append(errs, checkPortal(src, &c.Identity)...)
	if len(errs) > 0 {
		return nil, nil, errors.Join(errs...)
	}
	return &c, emptyWarning(src, &c.Identity), nil
}

// emptyWarning is one warning that names every empty identity field, so
// that a site without its numbers yet says so once, not once a field.
func emptyWarning(src []byte, id *Identity) []string {
	var empty []string
	for _, f := range []struct{ key, label, val string }{
		{"site_name", "网站名称", id.SiteName},
		{"site_domain", "网站域名", id.SiteDomain},
		{"site_id_code", "网站标识码", id.SiteIDCode},
		{"sponsor", "主办单位", id.Sponsor},
		{"contact", "联系方式", id.Contact},
		{"icp", "ICP备案号", id.ICP},
		{"police_record", "公安机关备案号", id.PoliceRecord},
	} {
		if strings.TrimSpace(f.val) == "" {
			empty = append(empty, f.key+" ("+f.label+")")
		}
	}
	empty = append(empty, portalEmpty(id)...)
	if len(empty) == 0 {
		return nil
	}
	return []string{fmt.Sprintf("%s:%d: [identity] fields empty, left out of every page until the site owner gives them: %s", name, content.KeyLine(src, "identity"), strings.Join(empty, ", "))}
}

// checkPortal checks the portal keys of [identity] in config.toml.
func checkPortal(src []byte, id *Identity) []error {
	var errs []error
	line := func(k string) int { return content.KeyLine(src, "identity", k) }
	if id.BadgeURL != "" && !absHTTP(id.BadgeURL) {
		errs = append(errs, content.Errorf(name, line("badge_url"), "badge_url %q is not an absolute http(s) URL: give the address of the site's 开办 record (bszs.conac.cn)", id.BadgeURL))
	}
	if b := id.Badge; b != "" && (!fs.ValidPath(b) || strings.Contains(b, `\`)) {
		errs = append(errs, content.Errorf(name, line("badge"), "badge %q is not a file name in assets/: write it like \"conac.png\"", b))
	}
	if f := id.Feedback; f != "" && !absHTTP(f) && !isEmail(f) {
		errs = append(errs, content.Errorf(name, line("feedback"), "feedback %q is neither an e-mail address nor an absolute http(s) URL", f))
	}
	if e := id.Email; e != "" && !isEmail(e) {
		errs = append(errs, content.Errorf(name, line("email"), "email %q is not an e-mail address", e))
	}
	return errs
}

// portalEmpty names each piece of furniture that the identity leaves out.
func portalEmpty(id *Identity) []string {
	var w []string
	if id.Badge == "" || id.BadgeURL == "" {
		w = append(w, "badge and badge_url (党政机关网站标识 and its 开办 record: no badge)")
	}
	if !id.HasContact() {
		w = append(w, "address, postcode, phone and email (no 联系我们 page)")
	}
	if id.Feedback == "" {
		w = append(w, "feedback (an e-mail address or a form: no 【我要纠错】 link)")
	}
	return w
}

// CheckBadge reports a badge that names no asset. assets maps the source
// name of every asset of the site (the built-in ones and those of assets/)
// to its published path; fsys, the site directory, is read again for the
// line of the badge key.
func (c *Config) CheckBadge(fsys fs.FS, assets map[string]string) error {
	b := c.Identity.Badge
	if b == "" || assets[b] != "" {
		return nil
	}
	data, _ := fs.ReadFile(fsys, name)
	return content.Errorf(name, content.KeyLine(data, "identity", "badge"), "badge %q: no such file in assets/: add the 党政机关网站标识 image there", b)
}

// HasContact reports whether the identity names any contact, so that the
// site has a 联系我们 page.
func (id *Identity) HasContact() bool {
	return id.Address != "" || id.Postcode != "" || id.Phone != "" || id.Email != "" || id.Contact != ""
}

// FeedbackIsEmail reports whether Feedback is an e-mail address rather than
// a URL.
func (id *Identity) FeedbackIsEmail() bool { return isEmail(id.Feedback) }

// PoliceCode is the number of the 公安机关备案号, for the link to its
// record; "" when PoliceRecord holds none.
func (id *Identity) PoliceCode() string { return digits.FindString(id.PoliceRecord) }

func absHTTP(s string) bool {
	u, err := url.Parse(s)
	return err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host != ""
}

func isEmail(s string) bool {
	a, err := mail.ParseAddress(s)
	return err == nil && a.Address == s
}
