package source

import (
	"archive/zip"
	"bytes"
	"errors"
	"strings"
	"testing"
)

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
