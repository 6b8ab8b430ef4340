package extract_test

import (
	"fmt"
	"os"
	"regexp"
	"strings"
	"testing"

	"reportsite/generator/content"
	"reportsite/generator/indicator"
	"reportsite/generator/indicator/extract"
)

// A extractCase is one numbered case of testdata/cases.txt.
type extractCase struct {
	n       string
	title   string
	text    string
	targets bool
	want    []want
	line    int
}

// want is one expected indicator of a case.
type want struct {
	name, value, unit, kind, dir, bound string
}

func (w want) String() string {
	return w.name + " " + w.value + w.unit + " " + w.kind + " " + w.dir + " " + w.bound
}

// parseWant reads "name | value | unit | kind | direction | bound"; "-" is
// empty.
func parseWant(line string) (want, bool) {
	f := strings.Split(line, "|")
	for i := range f {
		f[i] = strings.TrimSpace(f[i])
		if f[i] == "-" {
			f[i] = ""
		}
	}
	if len(f) != 6 {
		return want{}, false
	}
	return want{f[0], f[1], f[2], f[3], f[4], f[5]}, true
}

func got(ind content.Indicator) want {
	return want{name: ind.Name, value: ind.Value, unit: ind.Unit, kind: ind.Kind, dir: ind.Direction, bound: ind.Bound}
}

var caseTitle = regexp.MustCompile(`^### (\d+)\. (.*)$`)

func readCases(t *testing.T) []extractCase {
	t.Helper()
	b, err := os.ReadFile("testdata/cases.txt")
	if err != nil {
		t.Fatal(err)
	}
	var cs []extractCase
	inWant := false
	for i, line := range strings.Split(string(b), "\n") {
		n := i + 1
		if m := caseTitle.FindStringSubmatch(line); m != nil {
			cs = append(cs, extractCase{n: m[1], title: m[2], targets: strings.HasSuffix(m[2], "[targets]"), line: n})
			inWant = false
			continue
		}
		if len(cs) == 0 || line == "" || strings.HasPrefix(line, "# ") {
			continue
		}
		c := &cs[len(cs)-1]
		switch {
		case line == "---":
			inWant = true
		case inWant:
			w, ok := parseWant(line)
			if !ok {
				t.Fatalf("testdata/cases.txt:%d: want 6 fields separated by |", n)
			}
			c.want = append(c.want, w)
		default:
			c.text += line + "\n"
		}
	}
	return cs
}

func TestCases(t *testing.T) {
	cs := readCases(t)
	if len(cs) == 0 {
		t.Fatal("no cases")
	}
	for _, c := range cs {
		t.Run(c.n, func(t *testing.T) {
			inds := extract.Extract(c.text, extract.Options{ResultYear: 2020, TargetYear: 2021, Targets: c.targets})
			var gotLines, wantLines []string
			for _, ind := range inds {
				gotLines = append(gotLines, got(ind).String())
				if !strings.Contains(c.text, ind.Sentence) {
					t.Errorf("sentence %q is not in the text", ind.Sentence)
				}
				if !strings.Contains(ind.Sentence, ind.Value) {
					t.Errorf("value %q is not in its sentence %q", ind.Value, ind.Sentence)
				}
				if ind.Anchor != extract.Anchor(ind.Sentence) {
					t.Errorf("anchor %q, want %q", ind.Anchor, extract.Anchor(ind.Sentence))
				}
				wantPeriod := map[bool]string{false: "2020", true: "2021"}[c.targets]
				if strings.Contains(c.title, "[2016—2020]") {
					wantPeriod = "2016—2020"
				}
				if ind.Period != wantPeriod {
					t.Errorf("period %q, want %q", ind.Period, wantPeriod)
				}
				if err := indicator.Verify(ind, c.text); err != nil {
					t.Error(err)
				}
			}
			for _, w := range c.want {
				wantLines = append(wantLines, w.String())
			}
			if g, w := strings.Join(gotLines, "\n"), strings.Join(wantLines, "\n"); g != w {
				t.Errorf("testdata/cases.txt:%d: %s\ngot:\n%s\nwant:\n%s", c.line, c.title, g, w)
			}
		})
	}
}

func TestHeadline(t *testing.T) {
	text := "全区地区生产总值同比增长4.9%,增幅居全市第2位;一般公共预算收入同比下降7.1%,好于全市5.7个百分点;建成智慧工厂2家。"
	var marked []string
	for _, ind := range extract.Extract(text, extract.Options{}) {
		if ind.Headline {
			marked = append(marked, fmt.Sprintf("%s %s%s", ind.Name, ind.Value, ind.Unit))
		}
	}
	if g, w := strings.Join(marked, "; "), "地区生产总值 4.9%; 一般公共预算收入 7.1%"; g != w {
		t.Errorf("headline: got %q, want %q", g, w)
	}
}

func TestAnchorStable(t *testing.T) {
	const s = "全区地区生产总值同比增长4.9%,增幅居全市第2位;"
	a := extract.Anchor(s)
	if !regexp.MustCompile(`^i-[0-9a-f]{8}$`).MatchString(a) {
		t.Fatalf("anchor %q is not i- and 8 hex digits", a)
	}
	inds := extract.Extract(s+"固定资产投资同比增长13%。", extract.Options{})
	if len(inds) != 3 || inds[0].Anchor != a || inds[1].Anchor != a || inds[2].Anchor == a {
		t.Errorf("indicators of one sentence must share its anchor, others not: %+v", inds)
	}
}
