package markdown

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"

	"github.com/alecthomas/chroma/v2/styles"
	"golang.org/x/tools/txtar"

	"reportsite/generator/content"
)

var update = flag.Bool("update", false, "rewrite want.html and want.headings in testdata/*.txtar")

// TestConvert runs the cases in testdata/*.txtar. Each archive holds
// input.md, want.html and want.headings (one "level id text" line per
// heading); its comment may set "idprefix: …". With -update the wanted
// files are rewritten from the output: review the diff before committing.
func TestConvert(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("testdata", "*.txtar"))
	if err != nil {
		t.Fatal(err)
	}
	if len(files) == 0 {
		t.Fatal("no testdata/*.txtar")
	}
	c := New()
	for _, file := range files {
		name := strings.TrimSuffix(filepath.Base(file), ".txtar")
		t.Run(name, func(t *testing.T) {
			ar, err := txtar.ParseFile(file)
			if err != nil {
				t.Fatal(err)
			}
			opt := caseOptions(t, ar.Comment)
			input, ok := archiveFile(ar, "input.md")
			if !ok {
				t.Fatalf("%s: no input.md", file)
			}
			res, err := c.Convert(input, opt)
			if err != nil {
				t.Fatal(err)
			}
			if bad := forbidden(string(res.HTML)); bad != "" {
				t.Errorf("output has %s", bad)
			}
			got := map[string][]byte{
				"want.html":     []byte(res.HTML),
				"want.headings": formatHeadings(res.Headings),
			}
			if *update {
				writeArchive(t, file, ar, got)
				return
			}
			for _, name := range []string{"want.html", "want.headings"} {
				want, _ := archiveFile(ar, name)
				if !bytes.Equal(got[name], want) {
					t.Errorf("%s: %s differs (go test -update rewrites it)\n--- got\n%s--- want\n%s", file, name, got[name], want)
				}
			}
		})
	}
}

func caseOptions(t *testing.T, comment []byte) Options {
	var opt Options
	for _, line := range strings.Split(string(comment), "\n") {
		key, value, ok := strings.Cut(line, ":")
		if !ok {
			continue
		}
		switch strings.TrimSpace(key) {
		case "idprefix":
			opt.IDPrefix = strings.TrimSpace(value)
		case "paragraphids":
			opt.ParagraphIDs = strings.TrimSpace(value) == "true"
		default:
			t.Fatalf("unknown option %q in archive comment", key)
		}
	}
	return opt
}

func archiveFile(ar *txtar.Archive, name string) ([]byte, bool) {
	for _, f := range ar.Files {
		if f.Name == name {
			return f.Data, true
		}
	}
	return nil, false
}

func writeArchive(t *testing.T, file string, ar *txtar.Archive, got map[string][]byte) {
	out := &txtar.Archive{Comment: ar.Comment}
	for _, f := range ar.Files {
		if f.Name == "input.md" {
			out.Files = append(out.Files, f)
		}
	}
	for _, name := range []string{"want.html", "want.headings"} {
		out.Files = append(out.Files, txtar.File{Name: name, Data: got[name]})
	}
	if err := os.WriteFile(file, txtar.Format(out), 0o644); err != nil {
		t.Fatal(err)
	}
}

func formatHeadings(hs []content.Heading) []byte {
	var b bytes.Buffer
	for _, h := range hs {
		fmt.Fprintf(&b, "%d %s %s\n", h.Level, h.ID, h.Text)
	}
	return b.Bytes()
}

func convert(t *testing.T, src string, opt Options) string {
	t.Helper()
	res, err := New().Convert([]byte(src), opt)
	if err != nil {
		t.Fatal(err)
	}
	return string(res.HTML)
}

// TestLineBreaks checks each soft line break rule on its own, beside the
// broader linebreaks.txtar.
func TestLineBreaks(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"国民经济\n持续恢复", "国民经济持续恢复"},
		{"增长5.2%，\n高于全市", "增长5.2%，高于全市"},
		{"稳中求进；\n统筹发展", "稳中求进；统筹发展"},
		{"（2020年）\n完成", "（2020年）完成"},
		{"完成\n（2020年）", "完成（2020年）"},
		{"目标。\n全年", "目标。全年"},
		{"他说“好”\n“不好”", "他说“好”“不好”"},
		{"实现**重点**\n任务", "实现<strong>重点</strong>任务"},
		{"实现\n**重点**任务", "实现<strong>重点</strong>任务"},
		{"详见\n[附件](a.pdf)", `详见<a href="a.pdf">附件</a>`},
		{"[附件](a.pdf)\n所列", `<a href="a.pdf">附件</a>所列`},
		{"GDP\n增长", "GDP增长"},
		{"增长\nGDP", "增长GDP"},
		{"2020年\n3月", "2020年3月"},
		{"Hello\nworld", "Hello\nworld"},
		{"end.\nNext", "end.\nNext"},
		{"Hello,\nworld", "Hello,\nworld"},
		{"see\n*this*", "see\n<em>this</em>"},
		{"*this*\none", "<em>this</em>\none"},
		{"English\n[link](x)", "English\n<a href=\"x\">link</a>"},
		{"한국어\n문장", "한국어\n문장"},
		{"中文  \n硬换行", "中文<br>\n硬换行"},
		{"中文\\\n硬换行", "中文<br>\n硬换行"},
	} {
		got := strings.TrimSuffix(strings.TrimPrefix(convert(t, tc.in, Options{}), "<p>"), "</p>\n")
		if got != tc.want {
			t.Errorf("%q\n got %q\nwant %q", tc.in, got, tc.want)
		}
	}
}

var (
	// tagRE finds the real tags of a page; escaped ones start with "&lt;".
	tagRE  = regexp.MustCompile(`<(/?[a-zA-Z][a-zA-Z0-9]*)([^>]*)>`)
	attrRE = regexp.MustCompile(`([^\s=]+)(?:="([^"]*)")?`)
	// activeTags can run script or change the page around them.
	activeTags = map[string]bool{"script": true, "iframe": true, "object": true, "embed": true, "style": true,
		"svg": true, "math": true, "base": true, "form": true, "meta": true, "link": true, "frame": true}
	activeURL = regexp.MustCompile(`(?i)^\s*(javascript|vbscript|data|file):`)
)

// forbidden reports the first tag or attribute of page through which a
// browser could run script, load content or apply an inline style.
func forbidden(page string) string {
	for _, m := range tagRE.FindAllStringSubmatch(page, -1) {
		name := strings.ToLower(strings.TrimPrefix(m[1], "/"))
		if activeTags[name] {
			return m[0]
		}
		for _, a := range attrRE.FindAllStringSubmatch(m[2], -1) {
			key := strings.ToLower(a[1])
			if strings.HasPrefix(key, "on") || key == "style" || key == "srcdoc" {
				return m[0]
			}
			if (key == "href" || key == "src") && activeURL.MatchString(a[2]) {
				return m[0]
			}
		}
	}
	return ""
}

func TestNothingExecutable(t *testing.T) {
	for _, bad := range []string{"<script>", `<img src=x onerror="a">`, `<a href="javascript:x">`, `<img src=" data:image/png,">`, "</iframe>", `<th style="x">`} {
		if forbidden(bad) == "" {
			t.Fatalf("forbidden misses %s", bad)
		}
	}
	for _, in := range []string{
		"<script>alert(1)</script>",
		"段落<script>alert(1)</script>",
		"<iframe src=\"https://evil.example\"></iframe>",
		"<img src=x onerror=alert(1)>",
		"段落 <img src=x onerror=alert(1)> 段落",
		"<svg onload=alert(1)>",
		"<style>body{display:none}</style>",
		"[x](javascript:alert(1))",
		"[x](JaVaScRiPt:alert(1))",
		"[x](&#106;avascript:alert(1))",
		"[x](javascript&colon;alert(1))",
		"[x](<java\tscript:alert(1)>)",
		"[x](\x01javascript:alert(1))",
		"[x](vbscript:msgbox(1))",
		"[x](data:text/html;base64,PHNjcmlwdD4=)",
		"![x](data:image/png;base64,iVBORw0KGgo=)",
		"![x](data:image/svg+xml;base64,PHN2Zz4=)",
		"<javascript:alert(1)>",
		"[x][r]\n\n[r]: javascript:alert(1)",
		"[x](file:///etc/passwd)",
	} {
		got := convert(t, in, Options{})
		if bad := forbidden(got); bad != "" {
			t.Errorf("%q renders %s in %q", in, bad, got)
		}
		if strings.Contains(got, "<a") && !strings.Contains(in, "<a") {
			t.Errorf("%q keeps a link: %q", in, got)
		}
	}
}

func TestCodeUsesClasses(t *testing.T) {
	got := convert(t, "```go\nfunc main() {}\n```\n", Options{})
	if !strings.Contains(got, `class="chroma"`) || strings.Contains(got, "style=") {
		t.Errorf("want chroma classes and no inline style, got %s", got)
	}
}

func TestChromaCSS(t *testing.T) {
	for _, name := range []string{lightStyle, darkStyle} {
		if _, ok := styles.Registry[name]; !ok {
			t.Errorf("chroma has no style %q", name)
		}
	}
	a, b := ChromaCSS(), ChromaCSS()
	if !bytes.Equal(a, b) {
		t.Error("ChromaCSS differs between calls")
	}
	css := string(a)
	i := strings.Index(css, "@media (prefers-color-scheme: dark) {\n")
	if i < 0 || !strings.HasSuffix(css, "}\n") {
		t.Fatalf("no dark block:\n%s", css)
	}
	// Every token the light style colours must be coloured again in the
	// dark block, or it keeps its light-mode colour on a dark background.
	light, dark := tokenColours(css[:i]), tokenColours(css[i:])
	if !light[".k"] {
		t.Fatalf("no keyword colour in the light style:\n%s", css)
	}
	for class := range light {
		if !dark[class] {
			t.Errorf("dark block leaves the light colour of %s", class)
		}
	}
}

// tokenColours returns the token classes that rules in css give a colour.
func tokenColours(css string) map[string]bool {
	m := map[string]bool{}
	for _, line := range strings.Split(css, "\n") {
		sel, decl, ok := strings.Cut(line, " { ")
		if class, isToken := strings.CutPrefix(sel, ".chroma "); ok && isToken && strings.Contains(decl, "color:") {
			m[class] = true
		}
	}
	return m
}

// TestConcurrent converts every case from several goroutines at once
// through one Converter; run with -race.
func TestConcurrent(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join("testdata", "*.txtar"))
	var inputs [][]byte
	for _, f := range files {
		ar, err := txtar.ParseFile(f)
		if err != nil {
			t.Fatal(err)
		}
		in, _ := archiveFile(ar, "input.md")
		inputs = append(inputs, in)
	}
	c := New()
	want := make([]Result, len(inputs))
	for i, in := range inputs {
		want[i], _ = c.Convert(in, Options{IDPrefix: "x-"})
	}
	var wg sync.WaitGroup
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for r := 0; r < 5; r++ {
				for i, in := range inputs {
					got, err := c.Convert(in, Options{IDPrefix: "x-"})
					if err != nil {
						t.Error(err)
						return
					}
					if got.HTML != want[i].HTML || fmt.Sprint(got.Headings) != fmt.Sprint(want[i].Headings) {
						t.Errorf("input %d: concurrent result differs", i)
						return
					}
				}
			}
		}()
	}
	wg.Wait()
}

func TestExternalLinksAndHeadingShift(t *testing.T) {
	c := New()
	r, err := c.Convert([]byte("## 小标题\n\n见[国务院](https://www.gov.cn/)和[上一节](../01/index.html)。\n"), Options{HeadingShift: 2})
	if err != nil {
		t.Fatal(err)
	}
	html := string(r.HTML)
	for _, want := range []string{
		`<h4 id="小标题">小标题</h4>`,
		`<a href="https://www.gov.cn/" class="external" rel="noopener">国务院</a>`,
		`<a href="../01/index.html">上一节</a>`,
	} {
		if !strings.Contains(html, want) {
			t.Errorf("missing %s in\n%s", want, html)
		}
	}
	if r.Headings[0].Level != 2 {
		t.Errorf("outline level = %d, want the unshifted 2", r.Headings[0].Level)
	}
}
