package fix

import (
	"bytes"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"reportsite/generator/content"
)

func TestFixCases(t *testing.T) {
	cases := []struct{ name, in, want string }{
		{"comma and semicolon", "增长4.9%,增幅居全市第2位;固定资产", "增长4.9%，增幅居全市第2位；固定资产"},
		{"numbers stay", "共1,000万元,比例4.1:43.1,时间10:30", "共1,000万元，比例4.1:43.1，时间10:30"},
		{"paired brackets", "(一)经济运行,设备(AED)急救", "（一）经济运行，设备（AED）急救"},
		{"unpaired bracket stays", "除颤器(AED急救设备。", "除颤器(AED急救设备。"},
		{"latin brackets stay", "see (page 3) for more", "see (page 3) for more"},
		{"function brackets stay", "其中f(x)为函数,GDP(国内生产总值)增长", "其中f(x)为函数，GDP（国内生产总值）增长"},
		{"quotes in pairs", `全面做好"六稳""六保"工作`, "全面做好“六稳”“六保”工作"},
		{"odd quotes stay", `全面做好六稳""六保"工作`, `全面做好六稳""六保"工作`},
		{"question and exclamation", "是否完成?完成了!", "是否完成？完成了！"},
		{"after a fixed bracket", "指标5%,(一)", "指标5%，（一）"},
		{"markdown link", "见[通知](http://a.cn/x?y=1),请查阅", "见[通知](http://a.cn/x?y=1)，请查阅"},
		{"code span", "运行`a,b`命令,完成", "运行`a,b`命令，完成"},
		{"image", "如图![图](a.png)", "如图![图](a.png)"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, _ := Fix("a.md", []byte(c.in+"\n"))
			if string(got) != c.want+"\n" {
				t.Errorf("Fix(%q)\n got %q\nwant %q", c.in, got, c.want)
			}
		})
	}
}

// TestFixFrontMatter: a front matter string that repeats the body is fixed
// as the body is, even where its own ends would not say so.
func TestFixFrontMatter(t *testing.T) {
	in := "+++\ntitle = \"计划(草案)\"\ndescription = \"\"\"\nx = \"甲,乙\"\n\"\"\"\nlabel = \"(一)\"\n\n[[indicators]]\nname = \"a \\\"b\\\" 字\\\"c\\\"\"\nsentence = \"增长5%;\"\n+++\n全区增长5%;全年完成。\n"
	got, changes := Fix("a.md", []byte(in))
	want := "+++\ntitle = \"计划（草案）\"\ndescription = \"\"\"\nx = \"甲,乙\"\n\"\"\"\nlabel = \"（一）\"\n\n[[indicators]]\nname = \"a \\\"b\\\" 字\\\"c\\\"\"\nsentence = \"增长5%；\"\n+++\n全区增长5%；全年完成。\n"
	if string(got) != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
	if _, err := content.Parse("a.md", got); err != nil {
		t.Errorf("fixed front matter does not parse: %v", err)
	}
	if len(changes) != 6 || changes[0].String() != "a.md:2:12: ( → （" {
		t.Errorf("changes: %v", changes)
	}
}

// punctless returns s without its punctuation and white space.
func punctless(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsPunct(r) || unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s)
}

func TestCorrect(t *testing.T) {
	cs, err := ParseCorrections(CorrectionsFile, []byte(`[[correction]]
file = "01/01.md"
original = "六稳”“六保"
corrected = "“六稳”“六保”"
reason = "paired"
`))
	if err != nil {
		t.Fatal(err)
	}
	src := []byte("做好六稳”“六保工作，落实六稳”“六保任务\n")
	got, changes, err := Correct("c/01/01.md", "01/01.md", src, cs)
	want := "做好“六稳”“六保”工作，落实“六稳”“六保”任务\n"
	if err != nil || string(got) != want || len(changes) != 2 || changes[1].Col != 14 {
		t.Fatalf("Correct: %q %v %v", got, changes, err)
	}
	again, more, err := Correct("c/01/01.md", "01/01.md", got, cs)
	if err != nil || string(again) != want || len(more) != 0 {
		t.Errorf("correcting twice: %q %v %v", again, more, err)
	}
	if _, _, err := Correct("c/01/01.md", "01/01.md", []byte("其他\n"), cs); err == nil || !strings.Contains(err.Error(), "does not fit") {
		t.Errorf("a correction that does not fit: %v", err)
	}
	if _, err := ParseCorrections("c.toml", []byte("[[correction]]\nfile = \"a.md\"\noriginal = \"x\"\n")); err == nil || !strings.Contains(err.Error(), "c.toml:1: correction 1") {
		t.Errorf("incomplete correction: %v", err)
	}
	if _, err := ParseCorrections("c.toml", []byte("[[correction]]\nfile = \"a.md\"\nwhy = \"x\"\n")); err == nil || !strings.Contains(err.Error(), `unknown key "correction.why"`) {
		t.Errorf("unknown key: %v", err)
	}
}

// FuzzFix checks Fix's promises on any input: only punctuation changes,
// one mark for one mark, and a second Fix changes nothing.
func FuzzFix(f *testing.F) {
	f.Add([]byte("+++\ntitle = \"计划(草案)\"\n[[indicators]]\nsentence = \"增长5%;\"\n+++\n全区增长5%;全年\"完成\"。\n"))
	f.Add([]byte("见[通知](http://a.cn/x?y=1),运行`a,b`命令,f(x)与(甲)!\n```\n代码,不改\n```\n"))
	f.Add([]byte("+++\ndescription = \"\"\"\n甲,乙\n\"\"\"\nname = \"a \\\"b\\\" 字\\\"c\\\"\\u4e00,\"\n+++\n"))
	f.Fuzz(func(t *testing.T, src []byte) {
		got, changes := Fix("a.md", src)
		if !utf8.Valid(src) {
			if !bytes.Equal(got, src) || len(changes) > 0 {
				t.Fatalf("Fix changed a file that is not UTF-8: %q", src)
			}
			return
		}
		if punctless(string(got)) != punctless(string(src)) {
			t.Fatalf("Fix changed more than punctuation:\n%q\n%q", src, got)
		}
		for _, c := range changes {
			if !strings.ContainsAny(c.Old, halfMarks) || utf8.RuneCountInString(c.New) != 1 {
				t.Fatalf("%v is not a mark for a mark", c)
			}
		}
		if again, more := Fix("a.md", got); !bytes.Equal(again, got) || len(more) > 0 {
			t.Fatalf("Fix is not idempotent on %q: %v", src, more)
		}
	})
}
