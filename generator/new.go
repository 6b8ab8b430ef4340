package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// runNew is "generator new [-title T] [-base-url URL] DIR": it creates a
// site to import reports into: config.toml with every key documented,
// and empty content/, layouts/ and assets/ (the last two with a README).
// It refuses a DIR that exists and is not empty. It returns 0 on success, 1
// if DIR cannot be made, 2 for a usage error.
func runNew(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("new", flag.ContinueOnError)
	fs.SetOutput(stderr)
	title := fs.String("title", "", "the site's `title`, shown on every page (config.toml title; can be set later)")
	baseURL := fs.String("base-url", "", "the absolute `URL` the site will be published at (config.toml base_url; can be set later)")
	fs.Usage = func() {
		fmt.Fprint(stderr, `usage: generator new [-title T] [-base-url URL] DIR

Creates a new site in DIR: config.toml with every key documented, and
empty content/, layouts/ and assets/. DIR must not exist or be empty.
Then: generator import -site DIR REPORT.txt

`)
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	if fs.NArg() != 1 {
		fs.Usage()
		return 2
	}
	dir := fs.Arg(0)
	if *baseURL != "" && !strings.HasPrefix(*baseURL, "http://") && !strings.HasPrefix(*baseURL, "https://") {
		fmt.Fprintf(stderr, "generator new: -base-url %q is not an absolute http(s) URL\n", *baseURL)
		return 2
	}
	if err := newSite(dir, *title, *baseURL); err != nil {
		fmt.Fprintf(stderr, "generator new: %v\n", err)
		return 1
	}
	fmt.Fprintf(stdout, "created the site %s: config.toml, content/, layouts/, assets/\nnext: generator import -site %s REPORT.txt\n", dir, dir)
	if *title == "" {
		fmt.Fprintf(stdout, "then set title in %s (the build needs it)\n", filepath.Join(dir, "config.toml"))
	}
	return 0
}

// newSite writes the files of a new site into dir, which must not exist
// or be empty.
func newSite(dir, title, baseURL string) error {
	if entries, err := os.ReadDir(dir); err == nil && len(entries) > 0 {
		return fmt.Errorf("%s is not empty: give a new directory, so that no file of yours is overwritten", dir)
	} else if err != nil && !errors.Is(err, os.ErrNotExist) {
		return err
	}
	files := []struct{ name, data string }{
		{"config.toml", newConfig(title, baseURL)},
		{"content/.keep", ""},
		{"layouts/README.md", newLayoutsReadme},
		{"assets/README.md", newAssetsReadme},
	}
	for _, f := range files {
		p := filepath.Join(dir, filepath.FromSlash(f.name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(p, []byte(f.data), 0o644); err != nil {
			return err
		}
	}
	return nil
}

// newConfig is a new site's config.toml: every key of config.Config, each
// with what it is for and where its value comes from.
func newConfig(title, baseURL string) string {
	return `# Site configuration. Every key this file may hold is here; an unknown key
# is an error. Strings are in double quotes.

# The site's name, shown in every page's header and <title>, e.g.
# "XX市人民政府财政预算报告". Required: the build fails while it is empty.
title = ` + strconv.Quote(title) + `

# The absolute address the site is published at, e.g.
# "https://www.example.gov.cn/zwgk/ysbg/". Used only for canonical links and
# sitemap.xml; every other link is relative, so the site works at any path
# and opened from disk. Leave it empty until the address is known.
base_url = ` + strconv.Quote(baseURL) + `

# The value of <html lang>.
language = "zh-CN"

# The government website identity (the national government website
# standard, 政府网站发展指引): shown in every page's footer and in its
# <meta> tags. Ask the site owner for each value and never guess one: an
# empty field is left out of the pages, and build and check say once which
# fields are still empty.
[identity]
# 网站名称: the government website's name, e.g. "XX市人民政府"; shown
# beside the title and as <meta name="SiteName">.
site_name = ""
# 网站域名: the site's domain, e.g. "www.example.gov.cn" (<meta name="SiteDomain">).
site_domain = ""
# 网站标识码: 10 digits, or bm and 8 digits, from the website's registration
# with the 全国政府网站信息报送系统 (<meta name="SiteIDCode">, the footer).
site_id_code = ""
# 主办单位: the office that runs the website, as registered, e.g. "XX市人民政府办公室".
sponsor = ""
# 联系方式: the contact the footer shows, e.g. a telephone number or an address.
contact = ""
# ICP备案号: from the MIIT filing of the domain, e.g. "京ICP备12345678号-1".
icp = ""
# 公安机关备案号: from the public security filing, e.g. "京公网安备 11010502000001号".
police_record = ""
# 党政机关网站标识: the badge image the site owner received with the
# website's 开办 registration, put in assets/ (e.g. "conac.png"). Set it
# together with badge_url, or neither.
badge = ""
# The address of that 开办 record (https://bszs.conac.cn/…): the badge links to it.
badge_url = ""
# 【我要纠错】 after the text of every page: an e-mail address, or the
# http(s) address of the site's correction form.
feedback = ""
# 联系我们 page, linked from the footer: the office's postal address (地址).
address = ""
# 联系我们: the postcode (邮编).
postcode = ""
# 联系我们: the telephone (电话) as the site owner publishes it.
phone = ""
# 联系我们: the e-mail address (电子邮箱).
email = ""
`
}

const newLayoutsReadme = `# layouts/

html/template layouts for this site. A file here replaces the built-in layout
of the same name (generator/theme/layouts/ in the generator's source), for
example partials/footer.html or page.html. Leave this folder empty to use the
built-in theme. A page can name another layout with layout = "name" in its
front matter. Files other than .html are ignored.
`

const newAssetsReadme = `# assets/

Stylesheets, scripts and images for this site. A file here replaces the
built-in asset of the same name (site.css, site.js, favicon.svg) or adds a new
one. Every asset is published under assets/ with a content hash in its name.
Notes such as this README are not published.
`
