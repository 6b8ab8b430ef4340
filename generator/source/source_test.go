package source

import (
	"archive/zip"
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

var update = flag.Bool("update", false, "rewrite the golden files of testdata/")

// zipDir packs a directory of testdata into a .docx (a zip of its files).
func zipDir(t testing.TB, dir string) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	err := filepath.WalkDir(dir, func(p string, e fs.DirEntry, err error) error {
		if err != nil || e.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		w, err := zw.Create(filepath.ToSlash(rel))
		if err != nil {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		_, err = w.Write(b)
		return err
	})
	if err == nil {
		err = zw.Close()
	}
	if err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// dump writes a document as its golden file shows it.
func dump(d *Document) string {
	var b strings.Builder
	fmt.Fprintf(&b, "format: %s\nencoding: %s\n", d.Format, d.Encoding)
	m := d.Meta
	fmt.Fprintf(&b, "title: %s\nissued: %s\nwritten: %s\npublisher: %s\nindex_no: %s\ndoc_no: %s\n", m.Title, m.Issued, m.Written, m.Publisher, m.IndexNo, m.DocNo)
	for _, f := range m.Other {
		fmt.Fprintf(&b, "other: %s = %s\n", f.Key, f.Value)
	}
	for _, h := range d.Headings {
		fmt.Fprintf(&b, "heading: line %d, level %d\n", h.Line, h.Level)
	}
	b.WriteString("---\n")
	b.Write(d.Text)
	return b.String()
}

// TestGolden reads each page and Word document of testdata and compares
// the text and metadata with NAME.golden (go test -update rewrites them;
// review the diff).
func TestGolden(t *testing.T) { goldenFixtures(t, ".golden", dump) }

// goldenFixtures reads each page, Word document (a testdata folder NAME.d
// zipped) and web archive of testdata and compares what show makes of it
// with NAME+suffix; go test -update rewrites them, to be reviewed by eye.
func goldenFixtures(t *testing.T, suffix string, show func(*Document) string) {
	t.Helper()
	pages, _ := filepath.Glob("testdata/*.html")
	docs, _ := filepath.Glob("testdata/*.docx.d")
	archives, _ := filepath.Glob("testdata/*.mht")
	for _, name := range append(append(pages, docs...), archives...) {
		t.Run(filepath.Base(name), func(t *testing.T) {
			var data []byte
			if strings.HasSuffix(name, ".d") {
				data = zipDir(t, name)
			} else {
				var err error
				if data, err = os.ReadFile(name); err != nil {
					t.Fatal(err)
				}
			}
			d, err := Read(strings.TrimSuffix(filepath.Base(name), ".d"), data)
			if err != nil {
				t.Fatal(err)
			}
			got := show(d)
			golden := strings.TrimSuffix(name, ".d") + suffix
			if *update {
				if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatal(err)
			}
			if got != string(want) {
				t.Errorf("%s differs from %s (go test -update rewrites it):\n%s", name, golden, got)
			}
		})
	}
}

// TestCharset: a page is read in the charset it declares, GB2312 as its
// superset GB18030 (镕 is GBK, not GB2312), and an undeclared page that
// is not UTF-8 as GB18030.
func TestCharset(t *testing.T) {
	for _, name := range []string{"gb2312.html", "undeclared-gbk.html"} {
		data, err := os.ReadFile(filepath.Join("testdata", name))
		if err != nil {
			t.Fatal(err)
		}
		d, err := Read(name, data)
		if err != nil {
			t.Fatal(err)
		}
		if d.Encoding != "GB18030" || !utf8.Valid(d.Text) || !bytes.Contains(d.Text, []byte("朱镕基")) || bytes.ContainsRune(d.Text, utf8.RuneError) {
			t.Errorf("%s: encoding %s, text %q", name, d.Encoding, d.Text)
		}
	}
	converted := []byte(`<meta http-equiv=Content-Type content="text/html; charset=gb2312"><p>各位代表：</p>`)
	if d, err := Read("converted.htm", converted); err != nil || string(d.Text) != "各位代表：\n" || d.Encoding != "UTF-8" {
		t.Errorf("UTF-8 page declared gb2312: %q, %s, %v", d.Text, d.Encoding, err)
	}
	d, err := Read("latin.htm", []byte("<meta charset=\"windows-1252\"><p>caf\xe9</p>"))
	if err != nil || string(d.Text) != "café\n" || d.Encoding != "WINDOWS-1252" {
		t.Errorf("windows-1252 page: %q, %s, %v", d.Text, d.Encoding, err)
	}
}

func TestFormats(t *testing.T) {
	txt := []byte("\xef\xbb\xbf关于\r\n报告")
	d, err := Read("report.txt", txt)
	if err != nil || !bytes.Equal(d.Text, txt) || d.Format != "text" {
		t.Errorf("text is not passed through: %q, %v", d.Text, err)
	}
	_, err = Read("dir/report.PDF", []byte("%PDF-1.7"))
	if !errors.Is(err, ErrPDF) || !strings.HasPrefix(err.Error(), "dir/report.PDF: ") || !strings.Contains(err.Error(), "pdftotext -layout") {
		t.Errorf("pdf: %v", err)
	}
	if _, err := Read("report", []byte("%PDF-1.4\n")); !errors.Is(err, ErrPDF) {
		t.Errorf("pdf without extension: %v", err)
	}
	if d, err := Read("page", []byte("<!DOCTYPE html><p>正文</p>")); err != nil || d.Format != "html" {
		t.Errorf("html without extension: %v %+v", err, d)
	}
	for _, name := range []string{"附件.doc", "附件.wps", "附件"} {
		if _, err := Read(name, []byte("\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1\x00")); !errors.Is(err, ErrOldWord) || !strings.HasPrefix(err.Error(), name+": ") {
			t.Errorf("%s: %v", name, err)
		}
	}
	frames := []byte(`<html><head><title>报告</title><script>load("正文。")</script></head><body><iframe src="a.html"></iframe></body></html>`)
	if _, err := Read("frames.html", frames); !errors.Is(err, ErrNoText) || !strings.HasPrefix(err.Error(), "frames.html: ") {
		t.Errorf("page without text: %v", err)
	}
	empty := zipOf(t, map[string][]byte{"word/document.xml": []byte(`<w:document><w:body><w:p/></w:body></w:document>`)})
	if _, err := Read("empty.docx", empty); !errors.Is(err, ErrNoText) {
		t.Errorf("document without text: %v", err)
	}
}

func TestChineseNumber(t *testing.T) {
	for n, want := range map[int]string{1: "一", 10: "十", 11: "十一", 20: "二十", 21: "二十一", 99: "九十九", 100: "一百",
		105: "一百零五", 110: "一百一十", 1010: "一千零一十", 2025: "二千零二十五"} {
		if got := formatNumber(n, "chineseCounting"); got != want {
			t.Errorf("chineseCounting %d = %q, want %q", n, got, want)
		}
	}
	for _, c := range []struct {
		n    int
		f    string
		want string
	}{{3, "decimalEnclosedCircle", "③"}, {12, "decimalFullWidth", "１２"}, {2, "ideographTraditional", "乙"},
		{28, "lowerLetter", "bb"}, {14, "upperRoman", "XIV"}, {5, "decimalZero", "05"}, {11, "chineseLegalSimplified", "壹拾壹"}} {
		if got := formatNumber(c.n, c.f); got != c.want {
			t.Errorf("%s %d = %q, want %q", c.f, c.n, got, c.want)
		}
	}
}

func TestNotDocx(t *testing.T) {
	for _, data := range [][]byte{[]byte("这不是一个压缩文件"), nil, zipOf(t, map[string][]byte{"a.txt": []byte("x")})} {
		_, err := Read("报告.docx", data)
		if !errors.Is(err, ErrNotDocx) || !strings.HasPrefix(err.Error(), "报告.docx: ") {
			t.Errorf("%q: %v", data[:min(len(data), 10)], err)
		}
	}
}

func zipOf(t testing.TB, files map[string][]byte) []byte {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for name, b := range files {
		w, err := zw.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		w.Write(b)
	}
	zw.Close()
	return buf.Bytes()
}

// TestZipBomb: a document part that unpacks past MaxSize is an error,
// whether its header says so or lies.
func TestZipBomb(t *testing.T) {
	big := bytes.Repeat([]byte("<w:p/>"), MaxSize/6+1)
	honest := zipOf(t, map[string][]byte{"word/document.xml": big})
	if _, err := Read("bomb.docx", honest); !errors.Is(err, ErrTooLarge) {
		t.Errorf("honest bomb: %v", err)
	}

	// The same entry with headers that claim 100 bytes.
	var packed bytes.Buffer
	zr, _ := zip.NewReader(bytes.NewReader(honest), int64(len(honest)))
	raw, _ := zr.File[0].OpenRaw()
	packed.ReadFrom(raw)
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	w, err := zw.CreateRaw(&zip.FileHeader{Name: "word/document.xml", Method: zip.Deflate,
		CRC32: zr.File[0].CRC32, CompressedSize64: uint64(packed.Len()), UncompressedSize64: 100})
	if err != nil {
		t.Fatal(err)
	}
	w.Write(packed.Bytes())
	zw.Close()
	_, err = Read("liar.docx", buf.Bytes())
	if err == nil || !strings.HasPrefix(err.Error(), "liar.docx: ") {
		t.Errorf("lying bomb: %v", err)
	}
}

// TestLargePage: a page of 50 MB gives its text (or an error): the reader
// is linear in the page's size. The time is not asserted.
func TestLargePage(t *testing.T) {
	if testing.Short() {
		t.Skip("50 MB page")
	}
	var b bytes.Buffer
	b.WriteString(`<html><head><meta charset="utf-8"><title>大页面的报告</title></head><body><div class="nav">`)
	for b.Len() < 10<<20 {
		b.WriteString(`<a href="/x">导航链接，不是正文</a>`)
	}
	b.WriteString(`</div><div><h1>大页面的报告</h1>`)
	para := `<p>全市一般公共预算收入完成情况良好，增长百分之五，完成预算的百分之一百零一。</p>` + "\n"
	for b.Len() < 50<<20 {
		b.WriteString(para)
	}
	b.WriteString(`<p>最后一段，到此为止。</p></div></body></html>`)
	d, err := Read("big.html", b.Bytes())
	if err != nil {
		if !errors.Is(err, ErrTooLarge) {
			t.Fatal(err)
		}
		return
	}
	if !bytes.HasPrefix(d.Text, []byte("大页面的报告\n")) || !bytes.HasSuffix(d.Text, []byte("最后一段，到此为止。\n")) {
		t.Errorf("50 MB page: text starts %q, ends %q", d.Text[:min(len(d.Text), 40)], d.Text[max(0, len(d.Text)-40):])
	}
	over := make([]byte, MaxSize+1)
	if _, err := Read("huge.html", over); !errors.Is(err, ErrTooLarge) || !strings.HasPrefix(err.Error(), "huge.html: ") {
		t.Errorf("page over MaxSize: %v", err)
	}
}

// TestDeepPage: a page nested 500 levels deep is read; one nested deeper
// than the HTML parser takes (512) is an error that names the file.
func TestDeepPage(t *testing.T) {
	page := strings.Repeat("<div>", 500) + "<p>很深的段落，也能读出来。</p>" + strings.Repeat("</div>", 500)
	d, err := Read("deep.html", []byte(page))
	if err != nil || !bytes.Contains(d.Text, []byte("很深的段落，也能读出来。")) {
		t.Errorf("deep page: %v", err)
	}
	page = strings.Repeat("<div>", 100000) + "<p>太深的段落。</p>"
	if _, err := Read("deeper.html", []byte(page)); !errors.Is(err, ErrBadHTML) || !strings.HasPrefix(err.Error(), "deeper.html: ") {
		t.Errorf("page nested 100000 deep: %v", err)
	}
}

func FuzzHTML(f *testing.F) {
	pages, _ := filepath.Glob("testdata/*.html")
	for _, p := range pages {
		b, _ := os.ReadFile(p)
		f.Add(b)
	}
	f.Add([]byte(`<table><tr><td><table><tr><td>甲<br>乙</td></tr></table></td><td>丙</td></tr></table>`))
	if b, err := os.ReadFile(filepath.Join("testdata", "saved.mht")); err == nil {
		f.Add(b)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) > 1<<20 {
			return
		}
		// The same bytes as a web archive: a page or a clear error.
		if d, err := Read("fuzz.mht", data); err == nil && !utf8.Valid(d.Text) {
			t.Errorf("archive text is not UTF-8: %q", d.Text)
		} else if err != nil && !errors.Is(err, ErrNoPage) && !errors.Is(err, ErrNoText) && !errors.Is(err, ErrBadHTML) {
			t.Errorf("archive: %v", err)
		}
		d, err := Read("fuzz.html", data)
		if errors.Is(err, ErrBadHTML) || errors.Is(err, ErrNoText) {
			return
		}
		if err != nil {
			t.Fatal(err)
		}
		if !utf8.Valid(d.Text) {
			t.Errorf("text is not UTF-8: %q", d.Text)
		}
		if len(d.Text) > 0 && !bytes.HasSuffix(d.Text, []byte("\n")) {
			t.Errorf("text does not end its last line: %q", d.Text)
		}
	})
}

// FuzzDocx fuzzes whole files and, more usefully, document.xml inside a
// package with the fixture's numbering and styles.
func FuzzDocx(f *testing.F) {
	dir := filepath.Join("testdata", "numbered.docx.d")
	doc, err := os.ReadFile(filepath.Join(dir, "word", "document.xml"))
	if err != nil {
		f.Fatal(err)
	}
	num, _ := os.ReadFile(filepath.Join(dir, "word", "numbering.xml"))
	sty, _ := os.ReadFile(filepath.Join(dir, "word", "styles.xml"))
	f.Add(doc)
	f.Add(zipDir(f, dir))
	f.Add([]byte(`<w:document><w:body><w:tbl><w:tr><w:tc><w:tbl><w:tr><w:tc><w:p><w:r><w:t>x</w:t></w:r></w:p></w:tc></w:tr></w:tbl></w:tc></w:tr></w:tbl></w:body></w:document>`))
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) > 1<<20 {
			return
		}
		file := data
		if !bytes.HasPrefix(data, []byte("PK")) {
			file = zipOf(t, map[string][]byte{"word/document.xml": data, "word/numbering.xml": num, "word/styles.xml": sty})
		}
		d, err := Read("fuzz.docx", file)
		if err != nil {
			return
		}
		if !utf8.Valid(d.Text) && utf8.Valid(data) {
			t.Errorf("text is not UTF-8: %q", d.Text)
		}
		for _, h := range d.Headings {
			if h.Line < 1 || h.Line > bytes.Count(d.Text, []byte("\n")) {
				t.Errorf("heading line %d out of the text", h.Line)
			}
		}
	})
}

// TestFields: the layouts of metadata seen on government pages.
func TestFields(t *testing.T) {
	lines := func(ss ...string) []hline {
		var out []hline
		for _, s := range ss {
			out = append(out, hline{text: s})
		}
		return out
	}
	for _, c := range []struct {
		name  string
		lines []hline
		want  string
	}{
		{"spaced keys", lines("索  引  号：11111/2026-00001", "发\u3000布\u3000机\u3000构：某市财政局", "发文日期：2026年1月4日"),
			"11111/2026-00001|某市财政局|2026-01-04"},
		{"key alone, value on the next line", lines("索\u00a0\u00a0引\u00a0\u00a0号", "2026-000039", "来\u2003\u2003源", "预算处", "发布时间", "2026-03-09 14:36"),
			"2026-000039|预算处|2026-03-09"},
		{"several on a line", lines("日期： 2026-07-15 浏览量：418 来源：某市财政局责任编辑：李某文字大小：大中小"),
			"|某市财政局|2026-07-15"},
		{"empty value before a date", lines("来源：", "2026-02-28 09:43", "浏览："),
			"||"},
		{"table cells", []hline{{cells: []string{"索引号：", "A-1", "文号：", "", "发布日期：", "2026/1/5"}}},
			"A-1||2026-01-05"},
	} {
		m, official := buildMeta(parseFields(c.lines))
		issued := m.Issued
		if official != "" {
			issued = official
		}
		if got := m.IndexNo + "|" + m.Publisher + "|" + issued; got != c.want {
			t.Errorf("%s: %s, want %s (%+v)", c.name, got, c.want, m)
		}
	}
}

// TestTitleOverTwoLines: a title printed over two lines starts the text
// and is whole in the metadata.
func TestTitleOverTwoLines(t *testing.T) {
	page := `<html><head><title>网站首页</title><meta name="SiteName" content="网站首页"></head><body>
<div><a href="/">首页</a></div><div><h1>关于某市2025年预算执行情况和<br>2026年预算草案的报告</h1>
<p>各位代表：</p><p>受市人民政府委托，现将预算执行情况报告如下，请予审议。</p></div></body></html>`
	d, err := Read("t.html", []byte(page))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(d.Text, []byte("关于某市2025年预算执行情况和\n2026年预算草案的报告\n各位代表：\n")) || d.Meta.Title != "关于某市2025年预算执行情况和2026年预算草案的报告" {
		t.Errorf("text %q, title %q", d.Text, d.Meta.Title)
	}
	// Named by ArticleTitle, printed in two paragraphs after the info line.
	page = `<html><head><meta name="ArticleTitle" content="关于某市2025年预算执行情况和2026年预算草案的报告"></head><body>
<div>发布时间：2026-01-05</div><div><p>关于某市2025年预算执行情况和</p><p>2026年预算草案的报告</p><p>某市财政局</p>
<p>各位代表：</p><p>受市人民政府委托，现将预算执行情况报告如下，请予审议。</p></div></body></html>`
	if d, err = Read("t.html", []byte(page)); err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(d.Text, []byte("关于某市2025年预算执行情况和\n2026年预算草案的报告\n某市财政局\n")) || d.Meta.Issued != "2026-01-05" {
		t.Errorf("text %q, issued %q", d.Text, d.Meta.Issued)
	}
}
