package report

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"

	"golang.org/x/text/encoding/simplifiedchinese"
	xunicode "golang.org/x/text/encoding/unicode"
	"golang.org/x/tools/txtar"

	"reportsite/generator/content"
	"reportsite/generator/report/lex"
	"reportsite/generator/report/proofread"
)

var update = flag.Bool("update", false, "rewrite the expected output of testdata/grammar.txt and testdata/seed.golden.txtar")

// dump writes an import result as a txtar archive: the pages (paths relative
// to the report's section), the warnings and the dropped lines, with the slug
// and counts in the comment. It is the form the golden files hold.
func dump(t *testing.T, res *Result) []byte {
	t.Helper()
	s := res.Stats
	a := &txtar.Archive{Comment: []byte(fmt.Sprintf(
		"slug: %s\nencoding: %s\nparts %d, subsections %d, items %d, sub-items %d, bullets %d, enumerations %d, paragraphs %d, wrap width %d, characters compared %d\n",
		res.Slug, res.Encoding, s.Parts, s.Subsections, s.Items, s.SubItems, s.Bullets, s.Enumerations, s.Paragraphs, s.WrapWidth, s.Compared))}
	for _, p := range res.Pages {
		b, err := content.Marshal(p)
		if err != nil {
			t.Fatal(err)
		}
		a.Files = append(a.Files, txtar.File{Name: strings.TrimPrefix(p.Path, res.Slug+"/"), Data: b})
	}
	if len(res.Warnings) > 0 {
		var b strings.Builder
		for _, w := range res.Warnings {
			fmt.Fprintf(&b, "%d:%d: %s: %s (context: %s)\n", w.Line, w.Col, w.Kind, w.Message, w.Context)
		}
		a.Files = append(a.Files, txtar.File{Name: "warnings", Data: []byte(b.String())})
	}
	if len(res.Dropped) > 0 {
		var b strings.Builder
		for _, d := range res.Dropped {
			fmt.Fprintf(&b, "%d: %s: %s\n", d.Line, d.Reason, d.Text)
		}
		a.Files = append(a.Files, txtar.File{Name: "dropped", Data: []byte(b.String())})
	}
	return txtar.Format(a)
}

// A grammarCase is one case of testdata/grammar.txt.
type grammarCase struct {
	num   string
	title string
	opts  []string
	input string // as written in the file, before escapes and options
	want  string
}

const (
	caseSep  = "//////////"
	inputSep = ".........."
)

var caseHeadRe = regexp.MustCompile(`^(\d+): (.*?)(?: \[([a-z0-9 ]+)\])?$`)

// readGrammar reads the case file: cases separated by a line "//////////",
// each a line "N: title [options]", the input, a line "..........", and the
// expected output. Text before the first case is a comment.
func readGrammar(t *testing.T, name string) (header string, cases []grammarCase) {
	t.Helper()
	b, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	chunks := strings.Split(string(b), "\n"+caseSep+"\n")
	header = chunks[0]
	for _, ch := range chunks[1:] {
		head, rest, _ := strings.Cut(ch, "\n")
		m := caseHeadRe.FindStringSubmatch(head)
		if m == nil {
			t.Fatalf("%s: bad case header %q: want \"N: title [options]\"", name, head)
		}
		in, want, ok := strings.Cut(rest, inputSep+"\n")
		if !ok {
			if strings.HasSuffix(rest, inputSep) {
				in, want = strings.TrimSuffix(rest, inputSep), ""
			} else {
				t.Fatalf("%s: case %s has no %q line", name, m[1], inputSep)
			}
		}
		cases = append(cases, grammarCase{num: m[1], title: m[2], opts: strings.Fields(m[3]), input: in, want: want})
	}
	return header, cases
}

func writeGrammar(t *testing.T, name, header string, cases []grammarCase) {
	var b strings.Builder
	b.WriteString(header)
	for _, c := range cases {
		b.WriteString("\n" + caseSep + "\n")
		fmt.Fprintf(&b, "%s: %s", c.num, c.title)
		if len(c.opts) > 0 {
			fmt.Fprintf(&b, " [%s]", strings.Join(c.opts, " "))
		}
		b.WriteString("\n" + c.input + inputSep + "\n" + c.want)
	}
	if err := os.WriteFile(name, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
}

// caseInput turns a case's input into the file's bytes: the escapes \t \r
// \f \\ and \uXXXX, then the options: crlf and cr line endings, noeol (no
// final newline), bom, gb18030, utf16le.
func caseInput(t *testing.T, c grammarCase) []byte {
	t.Helper()
	var b strings.Builder
	s := c.input
	for i := 0; i < len(s); i++ {
		if s[i] != '\\' || i+1 >= len(s) {
			b.WriteByte(s[i])
			continue
		}
		switch s[i+1] {
		case 't':
			b.WriteByte('\t')
		case 'r':
			b.WriteByte('\r')
		case 'f':
			b.WriteByte('\f')
		case '\\':
			b.WriteByte('\\')
		case 'u':
			v, err := strconv.ParseUint(s[i+2:i+6], 16, 32)
			if err != nil {
				t.Fatalf("case %s: bad escape %q", c.num, s[i:i+6])
			}
			b.WriteRune(rune(v))
			i += 4
		default:
			b.WriteByte('\\')
			b.WriteByte(s[i+1])
		}
		i++
	}
	in := b.String()
	for _, o := range c.opts {
		switch o {
		case "noeol":
			in = strings.TrimSuffix(in, "\n")
		case "crlf":
			in = strings.ReplaceAll(in, "\n", "\r\n")
		case "cr":
			in = strings.ReplaceAll(in, "\n", "\r")
		}
	}
	data := []byte(in)
	for _, o := range c.opts {
		switch o {
		case "bom":
			data = append([]byte("\uFEFF"), data...)
		case "gb18030":
			enc, err := simplifiedchinese.GB18030.NewEncoder().Bytes(data)
			if err != nil {
				t.Fatalf("case %s: %v", c.num, err)
			}
			data = enc
		case "utf16le":
			enc, err := xunicode.UTF16(xunicode.LittleEndian, xunicode.UseBOM).NewEncoder().Bytes(data)
			if err != nil {
				t.Fatalf("case %s: %v", c.num, err)
			}
			data = enc
		}
	}
	return data
}

// TestGrammar runs the numbered cases of testdata/grammar.txt. Each is a
// subtest named by its number: go test -run 'TestGrammar/12' reruns one. The
// expected output is the dump of the result, or "error: …" for input that
// Import refuses.
func TestGrammar(t *testing.T) {
	const name = "testdata/grammar.txt"
	header, cases := readGrammar(t, name)
	seen := map[string]bool{}
	for i := range cases {
		c := &cases[i]
		if seen[c.num] {
			t.Fatalf("case number %s is used twice", c.num)
		}
		seen[c.num] = true
		t.Run(c.num, func(t *testing.T) {
			got := runCase(t, c.num, caseInput(t, *c))
			if *update {
				c.want = got
				return
			}
			if got != c.want {
				t.Errorf("case %s: %s\n--- got\n%s--- want\n%s", c.num, c.title, got, c.want)
			}
		})
	}
	if *update {
		writeGrammar(t, name, header, cases)
	}
}

func runCase(t *testing.T, num string, in []byte) string {
	res, err := Import("case"+num+".txt", in)
	if err != nil {
		if errors.Is(err, ErrLost) {
			t.Fatal(err)
		}
		return "error: " + err.Error() + "\n"
	}
	checkResult(t, "case"+num+".txt", res, in)
	return string(dump(t, res))
}

// checkResult asserts what holds for every import: the same input gives the
// same output, the pages load, and the checks on the written pages find what
// import found.
func checkResult(t *testing.T, name string, res *Result, in []byte) {
	t.Helper()
	again, err := Import(name, in)
	if err != nil {
		t.Fatalf("second import failed: %v", err)
	}
	fsys := fstest.MapFS{}
	for i, p := range res.Pages {
		a, err := content.Marshal(p)
		if err != nil {
			t.Fatal(err)
		}
		b, _ := content.Marshal(again.Pages[i])
		if !bytes.Equal(a, b) {
			t.Fatalf("import is not deterministic: %s differs", p.Path)
		}
		fsys[p.Path] = &fstest.MapFile{Data: a}
	}
	if _, err := content.Load(fsys, content.LoadOptions{}); err != nil {
		t.Fatalf("written pages do not load: %v", err)
	}
	ws, err := proofread.FS(fsys)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := warningKeys(ws), warningKeys(withoutImportOnly(res.Warnings)); got != want {
		t.Errorf("proofread.FS on the pages does not find what Import found:\n--- proofread.FS\n%s--- Import\n%s", got, want)
	}
	// Both point at the same character, in the source and in the page.
	text, err := lex.Decode(in)
	if err != nil {
		t.Fatal(err)
	}
	at := map[string][]string{}
	for _, w := range withoutImportOnly(res.Warnings) {
		at[w.Kind+w.Message+w.Context] = append(at[w.Kind+w.Message+w.Context], runeAt(text, w.Line, w.Col))
	}
	for _, w := range ws {
		k := w.Kind + w.Message + w.Context
		c := runeAt(string(fsys[w.Path].Data), w.Line, w.Col)
		if !slices.Contains(at[k], c) {
			t.Errorf("%s: the page has %q at the warning's position, the source %q", w, c, at[k])
		}
	}
}

// runeAt returns the character at line:col of s, counting lines as
// splitLines does.
func runeAt(s string, line, col int) string {
	s = strings.TrimPrefix(s, "\uFEFF")
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.ReplaceAll(s, "\r", "\n")
	ls := strings.Split(s, "\n")
	if line < 1 || line > len(ls) {
		return fmt.Sprintf("(no line %d)", line)
	}
	rs := []rune(ls[line-1])
	if col < 1 || col > len(rs) {
		return fmt.Sprintf("(no column %d)", col)
	}
	return string(rs[col-1])
}

// withoutImportOnly leaves out the warnings about the source file as a whole
// and its head, which the content files cannot show.
func withoutImportOnly(ws []proofread.Warning) []proofread.Warning {
	var out []proofread.Warning
	for _, w := range ws {
		if w.Kind == proofread.KindMetadata || (w.Kind == proofread.KindStructure && !strings.HasPrefix(w.Message, "heading")) {
			continue
		}
		out = append(out, w)
	}
	return out
}

// warningKeys lists warnings without their positions, sorted.
func warningKeys(ws []proofread.Warning) string {
	keys := make([]string, len(ws))
	for i, w := range ws {
		keys[i] = w.Kind + ": " + w.Message + " (" + w.Context + ")\n"
	}
	slices.Sort(keys)
	return strings.Join(keys, "")
}

// TestSeedGolden compares the full import of the seed report with
// testdata/seed.golden.txtar; go test ./generator/report -update rewrites it,
// to be reviewed by eye.
func TestSeedGolden(t *testing.T) {
	in, err := os.ReadFile("testdata/seed.txt")
	if err != nil {
		t.Fatal(err)
	}
	res, err := Import("seed.txt", in)
	if err != nil {
		t.Fatal(err)
	}
	checkResult(t, "seed.txt", res, in)
	got := dump(t, res)
	const golden = "testdata/seed.golden.txtar"
	if *update {
		if err := os.WriteFile(golden, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("seed import differs from %s; rerun with -update and review the diff", filepath.Base(golden))
	}
}

// TestSeedWarnings asserts each kind of damage the seed report holds, where
// it is: the proofreading checks find them, and the text keeps them.
func TestSeedWarnings(t *testing.T) {
	in, err := os.ReadFile("testdata/seed.txt")
	if err != nil {
		t.Fatal(err)
	}
	res, err := Import("seed.txt", in)
	if err != nil {
		t.Fatal(err)
	}
	want := []struct {
		at, kind, text string
	}{
		{"15:3", proofread.KindMergedDate, "date 2021312日 looks merged"},              // ——2021312日在…会议上
		{"27:74", proofread.KindMergedFigures, "figures 65.7%50% run together"},       // 分别达到65.7%50%
		{"27:193", proofread.KindMergedNumber, "39888293名 is too long for one count"}, // 全区39888293名
		{"29:172", proofread.KindQuote, "closing ” without an opening “"},             // 六稳”“六保
		{"41:318", proofread.KindMergedFigures, "figures 577.2公里89个 run together"},
		{"41:367", proofread.KindQuote, "closing ” without an opening “"},   // 三大堆”2.4万处
		{"67:920", proofread.KindQuote, "closing ” without an opening “"},   // 两个100%”加快
		{"71:277", proofread.KindQuote, "opening “ not closed"},             // 文旅”“农旅”“工旅融合
		{"83:429", proofread.KindBracket, "opening ( not closed"},           // 除颤器(AED急救设备。
		{"21:5", proofread.KindHalfWidth, `half-width ":" in Chinese text`}, // 各位代表:
		{"23:9", proofread.KindHalfWidth, `half-width "," ×3 in Chinese text`},
		{"31:1", proofread.KindHalfWidth, `half-width "(", ")", "," in Chinese text`}, // (一)经济运行稳步回升,向好…
		{"27:19", proofread.KindHalfWidth, `half-width "," ×7, ";" ×6 in Chinese text`},
		{"47:5", proofread.KindHalfWidth, `half-width "," ×10, ":", ";" ×5 in Chinese text`}, // 主要表现在:
	}
	for _, w := range want {
		found := false
		for _, got := range res.Warnings {
			if fmt.Sprintf("%d:%d", got.Line, got.Col) == w.at && got.Kind == w.kind && strings.Contains(got.Message, w.text) {
				found = true
			}
		}
		if !found {
			t.Errorf("no %s warning %q at seed.txt:%s", w.kind, w.text, w.at)
		}
	}
	kinds := map[string]int{}
	for _, w := range res.Warnings {
		kinds[w.Kind]++
	}
	wantKinds := map[string]int{proofread.KindMergedDate: 1, proofread.KindMergedFigures: 6, proofread.KindMergedNumber: 2, proofread.KindQuote: 11, proofread.KindBracket: 1, proofread.KindHalfWidth: 47}
	if fmt.Sprint(kinds) != fmt.Sprint(wantKinds) {
		t.Errorf("warnings by kind: got %v, want %v", kinds, wantKinds)
	}
	// The text is kept as printed: damage stays.
	page := string(res.Pages[1].Body)
	for _, s := range []string{"65.7%50%", "39888293名", "六稳”“六保"} {
		if !strings.Contains(page, s) {
			t.Errorf("part 一 lost the damaged text %q", s)
		}
	}
	if s := res.Stats; s.Parts != 3 || s.Subsections != 17 || s.Bullets != 6 || s.Enumerations != 7 {
		t.Errorf("stats: got %+v, want 3 parts, 17 subsections, 6 bullets, 7 enumerations", s)
	}
}
