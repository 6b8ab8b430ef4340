package webpage

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"reportsite/generator/source/document"
)

// read reads a page, or a web archive when name ends in .mht, as package
// source's Read does for them.
func read(name string, data []byte) (*document.Document, error) {
	d, _, err := readTexts(name, data)
	return d, err
}

// errNoText stands for source.ErrNoText: a page without text.
var errNoText = errors.New("no text found")

// readTexts is read that also returns the full text of each drop.
func readTexts(name string, data []byte) (*document.Document, [][]string, error) {
	withLines := true
	if strings.HasSuffix(name, ".mht") {
		page, err := mhtmlPage(data)
		if err != nil {
			return nil, nil, err
		}
		data, withLines = page, false
	}
	d, texts, err := readHTML(data, withLines)
	if err != nil {
		return nil, nil, err
	}
	if !withLines {
		d.Format = "mhtml"
	}
	if len(d.Text) == 0 {
		return nil, nil, errNoText
	}
	return d, texts, nil
}

var update = flag.Bool("update", false, "rewrite the golden files of testdata/")

// dump writes a document as its golden file shows it.
func dump(d *document.Document) string {
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

// TestGolden reads each page and web archive of testdata and compares
// the text and metadata with NAME.golden (go test -update rewrites them;
// review the diff).
func TestGolden(t *testing.T) { goldenFixtures(t, ".golden", dump) }

// goldenFixtures reads each page and web archive of testdata and compares what show makes of it
// with NAME+suffix; go test -update rewrites them, to be reviewed by eye.
func goldenFixtures(t *testing.T, suffix string, show func(*document.Document) string) {
	t.Helper()
	pages, _ := filepath.Glob("testdata/*.html")
	archives, _ := filepath.Glob("testdata/*.mht")
	for _, name := range append(pages, archives...) {
		t.Run(filepath.Base(name), func(t *testing.T) {
			data, err := os.ReadFile(name)
			if err != nil {
				t.Fatal(err)
			}
			d, err := read(filepath.Base(name), data)
			if err != nil {
				t.Fatal(err)
			}
			got := show(d)
			golden := name + suffix
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
		d, err := read(name, data)
		if err != nil {
			t.Fatal(err)
		}
		if d.Encoding != "GB18030" || !utf8.Valid(d.Text) || !bytes.Contains(d.Text, []byte("朱镕基")) || bytes.ContainsRune(d.Text, utf8.RuneError) {
			t.Errorf("%s: encoding %s, text %q", name, d.Encoding, d.Text)
		}
	}
	converted := []byte(`<meta http-equiv=Content-Type content="text/html; charset=gb2312"><p>各位代表：</p>`)
	if d, err := read("converted.htm", converted); err != nil || string(d.Text) != "各位代表：\n" || d.Encoding != "UTF-8" {
		t.Errorf("UTF-8 page declared gb2312: %q, %s, %v", d.Text, d.Encoding, err)
	}
	d, err := read("latin.htm", []byte("<meta charset=\"windows-1252\"><p>caf\xe9</p>"))
	if err != nil || string(d.Text) != "café\n" || d.Encoding != "WINDOWS-1252" {
		t.Errorf("windows-1252 page: %q, %s, %v", d.Text, d.Encoding, err)
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
		if d, err := read("fuzz.mht", data); err == nil && !utf8.Valid(d.Text) {
			t.Errorf("archive text is not UTF-8: %q", d.Text)
		} else if err != nil && !errors.Is(err, ErrNoPage) && !errors.Is(err, errNoText) && !errors.Is(err, ErrBadHTML) {
			t.Errorf("archive: %v", err)
		}
		d, err := read("fuzz.html", data)
		if errors.Is(err, ErrBadHTML) || errors.Is(err, errNoText) {
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
	d, err := read("t.html", []byte(page))
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
	if d, err = read("t.html", []byte(page)); err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(d.Text, []byte("关于某市2025年预算执行情况和\n2026年预算草案的报告\n某市财政局\n")) || d.Meta.Issued != "2026-01-05" {
		t.Errorf("text %q, issued %q", d.Text, d.Meta.Issued)
	}
}
