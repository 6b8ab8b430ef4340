package docx

import (
	"archive/zip"
	"bytes"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"reportsite/generator/source/document"
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

// TestGolden reads each Word document of testdata and compares
// the text and metadata with NAME.golden (go test -update rewrites them;
// review the diff).
func TestGolden(t *testing.T) { goldenFixtures(t, ".golden", dump) }

// goldenFixtures reads each Word document of testdata (a folder NAME.d
// zipped) and compares what show makes of it
// with NAME+suffix; go test -update rewrites them, to be reviewed by eye.
func goldenFixtures(t *testing.T, suffix string, show func(*document.Document) string) {
	t.Helper()
	docs, _ := filepath.Glob("testdata/*.docx.d")
	for _, name := range docs {
		t.Run(filepath.Base(name), func(t *testing.T) {
			d, err := Read(zipDir(t, name))
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
		d, err := Read(file)
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

// dumpDropped writes a document's drops as their golden file shows them:
// one drop a line, then the summary.
func dumpDropped(d *document.Document) string {
	var b strings.Builder
	for _, x := range d.Dropped {
		fmt.Fprintf(&b, "%s | %s | %s | %d | %q\n", x.Place, x.Where, x.Reason, x.Blocks, x.Sample)
	}
	fmt.Fprintf(&b, "summary: %s\n", d.DroppedSummary())
	return b.String()
}

// TestDroppedGolden lists what Read leaves out of each Word document
// of testdata and compares it with NAME.dropped (go test -update
// rewrites them; review the diff).
func TestDroppedGolden(t *testing.T) { goldenFixtures(t, ".dropped", dumpDropped) }
