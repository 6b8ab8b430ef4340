package indicator

import (
	"bufio"
	"os"
	"strings"
	"testing"

	"reportsite/generator/content"
)

// want is one expected indicator of a case or of the seed list.
type want struct {
	part                                string
	name, value, unit, kind, dir, bound string
	line                                int
}

func (w want) String() string {
	return w.name + " " + w.value + w.unit + " " + w.kind + " " + w.dir + " " + w.bound
}

// parseWant reads "part | name | value | unit | kind | direction | bound"
// (part left out when withPart is false); "-" is empty.
func parseWant(line string, n int, withPart bool) (want, bool) {
	f := strings.Split(line, "|")
	for i := range f {
		f[i] = strings.TrimSpace(f[i])
		if f[i] == "-" {
			f[i] = ""
		}
	}
	if withPart {
		if len(f) != 7 {
			return want{}, false
		}
		return want{f[0], f[1], f[2], f[3], f[4], f[5], f[6], n}, true
	}
	if len(f) != 6 {
		return want{}, false
	}
	return want{"", f[0], f[1], f[2], f[3], f[4], f[5], n}, true
}

func got(ind content.Indicator) want {
	return want{name: ind.Name, value: ind.Value, unit: ind.Unit, kind: ind.Kind, dir: ind.Direction, bound: ind.Bound}
}

// seedParts splits the seed report into its parts 一 and 二.
func seedParts(t *testing.T) (one, two string) {
	t.Helper()
	b, err := os.ReadFile("testdata/seed-report.txt")
	if err != nil {
		t.Fatal(err)
	}
	text := string(b)
	cut := func(s, line string) (string, string) {
		i := strings.Index(s, "\n"+line)
		if i < 0 {
			t.Fatalf("seed has no line %q", line)
		}
		return s[:i+1], s[i+1:]
	}
	_, rest := cut(text, "一、2020年国民经济和社会发展计划执行情况")
	one, rest = cut(rest, "二、2021年国民经济和社会发展主要预期目标")
	two, _ = cut(rest, "三、")
	return one, two
}

func readSeedList(t *testing.T) []want {
	t.Helper()
	f, err := os.Open("testdata/seed.txt")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var ws []want
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		w, ok := parseWant(line, n, true)
		if !ok {
			t.Fatalf("testdata/seed.txt:%d: want 7 fields separated by |", n)
		}
		ws = append(ws, w)
	}
	return ws
}

// TestSeed measures extraction on parts 一 and 二 of the seed against the
// hand-checked list in testdata/seed.txt. A found indicator matches a listed
// one of the same part, value, unit and kind (each listed one matches once,
// one of the same name first); precision and recall count matches. Names,
// directions and bounds of the matches are compared after.
func TestSeed(t *testing.T) {
	one, two := seedParts(t)
	list := readSeedList(t)
	if len(list) < 60 {
		t.Fatalf("the seed list has %d indicators, want at least 60", len(list))
	}
	var found []want
	for _, p := range []struct {
		part, text string
		opt        Options
	}{
		{"一", one, Options{ResultYear: 2020, TargetYear: 2021}},
		{"二", two, Options{ResultYear: 2020, TargetYear: 2021, Targets: true}},
	} {
		for _, ind := range Extract(p.text, p.opt) {
			w := got(ind)
			w.part = p.part
			found = append(found, w)
			if !strings.Contains(p.text, ind.Sentence) || !strings.Contains(ind.Sentence, ind.Value) {
				t.Errorf("%s: sentence or value not verbatim: %q in %q", w, ind.Value, ind.Sentence)
			}
		}
	}

	key := func(w want) string { return w.part + "|" + w.value + "|" + w.unit + "|" + w.kind }
	used := make([]bool, len(found))
	matchOf := make([]int, len(list))
	for i := range matchOf {
		matchOf[i] = -1
	}
	for pass := 0; pass < 2; pass++ {
		for i, w := range list {
			if matchOf[i] >= 0 {
				continue
			}
			for j, g := range found {
				if !used[j] && key(g) == key(w) && (pass == 1 || g.name == w.name) {
					used[j], matchOf[i] = true, j
					break
				}
			}
		}
	}
	matched := 0
	var names, dirs, bounds int
	for i, w := range list {
		j := matchOf[i]
		if j < 0 {
			t.Logf("missed (seed.txt:%d): %s", w.line, w)
			continue
		}
		matched++
		g := found[j]
		if g.name == w.name {
			names++
		} else {
			t.Logf("name (seed.txt:%d): got %q, want %q", w.line, g.name, w.name)
		}
		if g.dir == w.dir {
			dirs++
		} else {
			t.Logf("direction (seed.txt:%d) %s: got %q", w.line, w, g.dir)
		}
		if g.bound == w.bound {
			bounds++
		} else {
			t.Logf("bound (seed.txt:%d) %s: got %q", w.line, w, g.bound)
		}
	}
	for j, g := range found {
		if !used[j] {
			t.Logf("not in the list: %s %s", g.part, g)
		}
	}
	precision := float64(matched) / float64(len(found))
	recall := float64(matched) / float64(len(list))
	t.Logf("found %d, listed %d, matched %d: precision %.1f%%, recall %.1f%%", len(found), len(list), matched, 100*precision, 100*recall)
	t.Logf("of the matches: names %d/%d, directions %d/%d, bounds %d/%d", names, matched, dirs, matched, bounds, matched)
	if precision < 0.95 {
		t.Errorf("precision %.1f%% < 95%%", 100*precision)
	}
	if recall < 0.90 {
		t.Errorf("recall %.1f%% < 90%%", 100*recall)
	}
	if dirs != matched || bounds != matched {
		t.Errorf("directions %d/%d, bounds %d/%d: want all", dirs, matched, bounds, matched)
	}
	if names*100 < matched*80 {
		t.Errorf("names %d/%d agree, want at least 80%%", names, matched)
	}
}
