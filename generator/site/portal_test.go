package site

import (
	"fmt"
	"html"
	"image"
	"image/color"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	qr "github.com/piglig/go-qr"

	"reportsite/generator/content"
	"reportsite/generator/internal/testsite"
)

// portalPages adds attachments and related links to the mini site.
const portalPages = testsite.Portal

func TestAttachmentsAndRelated(t *testing.T) {
	dir := testSite(t, miniSite)
	testsite.Write(t, dir, portalPages)
	mustBuild(t, dir)
	page := readOut(t, dir, "r/index.html")
	href := func(title string) string {
		m := regexp.MustCompile(`<a href="([^"]+)" download>` + title + `</a>`).FindStringSubmatch(page)
		if m == nil {
			t.Fatalf("no attachment %s", title)
		}
		h, _ := url.PathUnescape(m[1])
		return h
	}
	orig, table := href("报告原文"), href("表 1")
	for _, h := range []string{orig, table} {
		if !regexp.MustCompile(`^(原文|files/表 1)\.[0-9a-f]{8}\.(txt|CSV)$`).MatchString(h) {
			t.Errorf("attachment published as %q, want its name with a content hash", h)
		}
	}
	for out, src := range map[string]string{"r/" + orig: "content/r/原文.txt", "r/" + table: "content/r/files/表 1.CSV"} {
		want, _ := os.ReadFile(filepath.Join(dir, src))
		if got := readOut(t, dir, out); got != string(want) {
			t.Errorf("%s is not a copy of %s", out, src)
		}
	}
	assertContains(t, "r/index.html", page,
		`<h2 id="attachments-h">附件</h2>`,
		`download>报告原文</a><span class="file-meta">（文本，53 B）</span>`,
		`download>表 1</a><span class="file-meta">（CSV 表格，37 B）</span>`,
		`<h2 id="related-h">相关链接</h2>`,
		`<li><a href="01/02.html">政策解读</a></li>`,
		`<li><a href="https://www.example.gov.cn/2019/" class="external" rel="noopener">2019年度报告</a></li>`,
	)
	if strings.Index(page, "附件") > strings.Index(page, "相关链接") {
		t.Error("相关链接 before 附件")
	}
	// The whole report on one page offers the same.
	assertContains(t, "r/full.html", readOut(t, dir, "r/full.html"), `download>报告原文</a>`, `<li><a href="01/02.html">政策解读</a></li>`)
	// The attachment's name changes with its bytes.
	testsite.Write(t, dir, "-- content/r/原文.txt --\n改过的原文\n")
	mustBuild(t, dir)
	page = readOut(t, dir, "r/index.html")
	if href("报告原文") == orig {
		t.Error("the attachment's hashed name did not change with its content")
	}
}

// TestImportedOriginal builds a report whose original content.AttachOriginal
// kept, as generator import does: the report offers the seed report itself
// under 附件.
func TestImportedOriginal(t *testing.T) {
	seed, err := os.ReadFile("../report/testdata/seed.txt") // the seed report, kept in the repository
	if err != nil {
		t.Skip("seed report not found:", err)
	}
	dir := testSite(t, miniSite)
	index, err := os.ReadFile(filepath.Join(dir, "content/r/_index.md"))
	if err != nil {
		t.Fatal(err)
	}
	pg, err := content.Parse("_index.md", index)
	if err != nil {
		t.Fatal(err)
	}
	rdir := filepath.Join(dir, "content/r")
	if err := content.AttachOriginal(rdir, []*content.Page{pg}, "000_176c12c1479f83ea.txt", seed, content.WriteOptions{}); err != nil {
		t.Fatal(err)
	}
	data, err := content.Marshal(pg)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(rdir, "_index.md"), data, 0o644); err != nil {
		t.Fatal(err)
	}
	mustBuild(t, dir)
	page := readOut(t, dir, "r/index.html")
	m := regexp.MustCompile(`<a href="([^"]+)" download>关于某某区2020年度计划执行情况的报告（原文）</a><span class="file-meta">（文本，([0-9.]+) KB）</span>`).FindStringSubmatch(page)
	if m == nil {
		t.Fatal("the report does not offer its original under 附件")
	}
	if want := fmt.Sprintf("%.1f", float64(len(seed))/1024); m[2] != want {
		t.Errorf("size %s KB, want %s", m[2], want)
	}
	href, _ := url.PathUnescape(m[1])
	if got := readOut(t, dir, "r/"+href); got != string(seed) {
		t.Error("the published original is not the seed report byte for byte")
	}
}

// TestPortalFurniture builds the mini site, whose config names a badge, a
// feedback address and a contact, and checks each piece; then the same site
// with the identity left empty, where each is absent and warned about once.
func TestPortalFurniture(t *testing.T) {
	dir := testSite(t, miniSite)
	mustBuild(t, dir)
	page := readOut(t, dir, "r/01/01.html")
	assertContains(t, "r/01/01.html", page,
		`<a class="badge external" href="https://bszs.conac.cn/sitename?method=show&amp;id=0123456789ABCDEF" rel="noopener"><img src="../../assets/conac.`,
		`alt="党政机关网站标识"></a>`,
		`<li><a href="../../sitemap.html">网站地图</a></li>`,
		`<li><a href="../../contact.html">联系我们</a></li>`,
	)
	// The mail names the page, so the editor knows what to correct.
	mailto := html.UnescapeString(regexpFind(t, page, `mailto:[^"]+`))
	u, err := url.Parse(mailto)
	if err != nil {
		t.Fatal(err)
	}
	q, _ := url.ParseQuery(u.RawQuery)
	if u.Opaque != "jiucuo@example.gov.cn" || q.Get("subject") != "纠错：（一）经济运行稳步回升" || q.Get("body") != "页面：https://example.gov.cn/sub/r/01/01.html\n" {
		t.Errorf("【我要纠错】 link %s: to %q, subject %q, body %q", mailto, u.Opaque, q.Get("subject"), q.Get("body"))
	}
	if !strings.Contains(page, `">【我要纠错】</a></p>`) {
		t.Error("no 【我要纠错】 link")
	}
	sitemap := readOut(t, dir, "sitemap.html")
	assertContains(t, "sitemap.html", sitemap, "<h1>网站地图</h1>",
		`<a href="r/index.html">关于某某区2020年度计划执行情况的报告</a>`,
		`<a href="r/01/index.html">一、2020年国民经济和社会发展计划执行情况</a>`,
		`<a href="r/02/index.html">二、2021年主要预期目标</a>`, `<a href="r/full.html">全文</a>`, `<a href="contact.html">联系我们</a>`)
	if strings.Contains(sitemap, "draft") || strings.Contains(sitemap, "r/01/01.html") {
		t.Error("the 网站地图 lists a draft or a leaf page")
	}
	assertContains(t, "contact.html", readOut(t, dir, "contact.html"), "<h1>联系我们</h1>",
		"<dt>主办单位</dt><dd>某某区人民政府办公室</dd>", "<dt>联系方式</dt><dd>0533-1234567</dd>")
	// TestMiniSiteInert checks this site's pages as generator check does.

	testsite.Write(t, dir, "-- config.toml --\ntitle = \"t\"\nbase_url = \"https://example.gov.cn/sub/\"\n")
	res := mustBuild(t, dir)
	// One warning names each piece left out.
	if n := strings.Count(strings.Join(res.Warnings, "\n"), "[identity] fields empty"); n != 1 {
		t.Errorf("%d warnings about the portal furniture, want one: %q", n, res.Warnings)
	}
	for _, w := range []string{"badge and badge_url (", "(no 联系我们 page)", "feedback ("} {
		if n := strings.Count(strings.Join(res.Warnings, "\n"), w); n != 1 {
			t.Errorf("the warning names %q %d times, want once", w, n)
		}
	}
	page = readOut(t, dir, "r/01/01.html")
	for _, absent := range []string{`class="badge"`, "联系我们", "我要纠错"} {
		if strings.Contains(page, absent) {
			t.Errorf("empty identity, yet the page shows %s", absent)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "public/contact.html")); err == nil {
		t.Error("contact.html published without any contact")
	}
	if !strings.Contains(page, "网站地图") {
		t.Error("the 网站地图 link needs no config, yet it is missing")
	}

	// A badge that names no asset is an error at its line.
	testsite.Write(t, dir, "-- config.toml --\ntitle = \"t\"\n[identity]\nbadge = \"missing.png\"\nbadge_url = \"https://bszs.conac.cn/x\"\n")
	if _, err := build(t, dir); err == nil || !strings.Contains(err.Error(), `config.toml:3: badge "missing.png": no such file in assets/`) {
		t.Errorf("missing badge: err = %v", err)
	}
	testsite.Write(t, dir, "-- config.toml --\ntitle = \"t\"\n[identity]\nfeedback = \"not an address\"\n")
	if _, err := build(t, dir); err == nil || !strings.Contains(err.Error(), `config.toml:3: feedback "not an address" is neither`) {
		t.Errorf("bad feedback: err = %v", err)
	}
}

// TestQRCode checks the QR code of every page of the seed's site: it holds
// the page's canonical URL, and an image of it decodes to that URL. That
// the SVG draws exactly the library's modules is render's TestQRSVG.
func TestQRCode(t *testing.T) {
	dir := testSite(t, miniSite)
	testsite.Write(t, dir, portalPages)
	mustBuild(t, dir)
	svgRe := regexp.MustCompile(`<svg class="qr"[^>]*viewBox="0 0 (\d+) \d+" role="img" aria-label="本页二维码：([^"]+)">.*?<path stroke="#000" d="([^"]*)"/></svg>`)
	pages := 0
	for _, name := range []string{"index.html", "r/index.html", "r/01/01.html", "r/full.html", "sitemap.html", "contact.html"} {
		page := readOut(t, dir, name)
		m := svgRe.FindStringSubmatch(page)
		if m == nil {
			t.Errorf("%s: no QR code", name)
			continue
		}
		pages++
		canonical := regexpFind(t, page, `https://example\.gov\.cn/sub/[^"]*`)
		if m[2] != canonical {
			t.Errorf("%s: the QR code holds %q, want the canonical URL %q", name, m[2], canonical)
		}
		side, _ := strconv.Atoi(m[1])
		grid := testsite.QRGrid(side, m[3])
		// Drawn 4 pixels a module, the code reads back as the URL.
		const px = 4
		img := image.NewGray(image.Rect(0, 0, side*px, side*px))
		for i := range img.Pix {
			img.Pix[i] = 0xff
		}
		for yy := range side * px {
			for xx := range side * px {
				if grid[yy/px][xx/px] {
					img.SetGray(xx, yy, color.Gray{})
				}
			}
		}
		if text, err := qr.Decode(img); err != nil || text != canonical {
			t.Errorf("%s: the QR code decodes to %q (%v), want %q", name, text, err, canonical)
		}
	}
	if pages == 0 {
		t.Fatal("no page checked")
	}
	// Without base_url there is no canonical URL and no QR code.
	testsite.Write(t, dir, "-- config.toml --\ntitle = \"t\"\n")
	mustBuild(t, dir)
	if strings.Contains(readOut(t, dir, "r/01/01.html"), `class="qr"`) {
		t.Error("a QR code without base_url")
	}
}
