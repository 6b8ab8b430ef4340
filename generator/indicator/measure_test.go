package indicator

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode"

	"reportsite/generator/content"
	"reportsite/generator/indicator/naming"
	"reportsite/generator/report"
)

// The shared inputs: the seed report and the development corpus.
const (
	sharedSeed   = "/work/shared/seeds/000_176c12c1479f83ea.txt"
	sharedCorpus = "/work/shared/corpus"
)

// A label is one hand-checked indicator of testdata/labels.
type label struct {
	names                                 []string // equally right names
	value, unit, period, kind, verb, base string
	stage                                 string
	line                                  int
}

// A labelBlock is a labelled sentence: a substring of it and its
// indicators (none for a sentence whose numbers are no indicators).
type labelBlock struct {
	sentence string
	line     int
	labels   []label
}

// readLabels reads a file of testdata/labels (see its README.txt).
func readLabels(t *testing.T, path string) []labelBlock {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var bs []labelBlock
	for i, line := range strings.Split(string(b), "\n") {
		n := i + 1
		line = strings.TrimSpace(line)
		switch {
		case line == "" || strings.HasPrefix(line, "#") || strings.HasPrefix(line, "!"):
		case strings.HasPrefix(line, ">"):
			bs = append(bs, labelBlock{sentence: strings.TrimSpace(line[1:]), line: n})
		default:
			f := strings.Split(line, "|")
			if len(f) != 8 || len(bs) == 0 {
				t.Fatalf("%s:%d: want 8 fields separated by | after a > line", path, n)
			}
			for k := range f {
				f[k] = strings.TrimSpace(f[k])
				if f[k] == "-" {
					f[k] = ""
				}
			}
			l := label{value: f[1], unit: f[2], period: f[3], kind: f[4], verb: f[5], base: f[6], stage: f[7], line: n}
			for _, name := range strings.Split(f[0], " / ") {
				l.names = append(l.names, strings.TrimSpace(name))
			}
			bs[len(bs)-1].labels = append(bs[len(bs)-1].labels, l)
		}
	}
	return bs
}

// squeeze drops white space: the labels ignore the letter-spacing of PDF
// text.
func squeeze(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s)
}

// normName is a name as compared: no quotes or spaces, and a share without
// its trailing 占比/比重 (四强产业增加值占比 and 四强产业增加值 name one share).
func normName(name, kind string) string {
	name = squeeze(naming.Unquote(name))
	if kind == "share" {
		for _, w := range []string{"占比", "比重", "所占比重"} {
			name = strings.TrimSuffix(name, w)
		}
	}
	return name
}

func normUnit(u string) string { return strings.ReplaceAll(squeeze(u), "％", "%") }

// right reports whether an extracted indicator agrees with a label in name,
// value, unit, period and kind, and otherwise what differs.
func right(ind content.Indicator, l label) (bool, string) {
	var diff []string
	if !slices.ContainsFunc(l.names, func(n string) bool { return normName(n, l.kind) == normName(ind.Name, l.kind) }) {
		diff = append(diff, fmt.Sprintf("name %q, want %q", ind.Name, strings.Join(l.names, " / ")))
	}
	if squeeze(ind.Value) != squeeze(l.value) {
		diff = append(diff, fmt.Sprintf("value %q, want %q", ind.Value, l.value))
	}
	if normUnit(ind.Unit) != normUnit(l.unit) {
		diff = append(diff, fmt.Sprintf("unit %q, want %q", ind.Unit, l.unit))
	}
	if ind.Period != l.period {
		diff = append(diff, fmt.Sprintf("period %q, want %q", ind.Period, l.period))
	}
	if ind.Kind != l.kind {
		diff = append(diff, fmt.Sprintf("kind %q, want %q", ind.Kind, l.kind))
	}
	return len(diff) == 0, strings.Join(diff, "; ")
}

// importAnnotated imports a report as the import command does and returns
// its pages with indicators.
func importAnnotated(t *testing.T, path string) []*content.Page {
	t.Helper()
	src, err := os.ReadFile(path)
	if err != nil {
		t.Skipf("no shared input: %v", err)
	}
	res, err := report.Import(filepath.Base(path), src)
	if err != nil {
		t.Fatalf("import %s: %v", path, err)
	}
	year := 0
	for _, p := range res.Pages {
		if p.Meta.Report != nil {
			year = p.Meta.Report.Year
		}
	}
	Annotate(res.Pages, year)
	return res.Pages
}

// A score is what one report's labels measure.
type score struct {
	found, labelled, right int // indicators extracted from labelled sentences, labels, right ones
	sentences, missing     int // labelled sentences, of them not whole in the import
}

func (s score) precision() float64 { return ratio(s.right, s.found) }
func (s score) recall() float64    { return ratio(s.right, s.labelled) }

func ratio(a, b int) float64 {
	if b == 0 {
		return 1
	}
	return float64(a) / float64(b)
}

// scoreLabels scores the extraction of one report against its labels. An
// extracted indicator counts right only if name, value, unit, period and
// kind all agree with a label of its sentence; each label is matched once.
func scoreLabels(t *testing.T, pages []*content.Page, blocks []labelBlock, file string) score {
	t.Helper()
	var paras []string
	var inds []content.Indicator
	for _, p := range pages {
		for _, para := range strings.Split(PlainText(p.Body), "\n") {
			paras = append(paras, squeeze(para))
		}
		inds = append(inds, p.Meta.Indicators...)
	}
	var s score
	for _, b := range blocks {
		s.sentences++
		key := squeeze(b.sentence)
		if !slices.ContainsFunc(paras, func(p string) bool { return strings.Contains(p, key) }) {
			s.missing++
			t.Logf("%s:%d: sentence not whole in the import, left out: %s", file, b.line, b.sentence)
			continue
		}
		var got []content.Indicator
		// A sentence starts after a list bullet (●住房保障支出…).
		skey := strings.TrimLeft(key, naming.Bullets)
		for _, ind := range inds {
			if strings.Contains(squeeze(ind.Sentence), skey) {
				got = append(got, ind)
			}
		}
		// The labels are those of one sentence; a text the report repeats
		// word for word (a summary and its section) is scored once.
		if len(got) > 0 {
			first := got[0].Anchor
			n := len(got)
			got = slices.DeleteFunc(got, func(ind content.Indicator) bool { return ind.Anchor != first })
			if n > len(got) {
				t.Logf("%s:%d: the text is in more than one sentence; scored against the first", file, b.line)
			}
		}
		s.found += len(got)
		s.labelled += len(b.labels)
		used := make([]bool, len(b.labels))
		for _, ind := range got {
			ok := false
			for k, l := range b.labels {
				if !used[k] {
					if r, _ := right(ind, l); r {
						used[k], ok = true, true
						break
					}
				}
			}
			if ok {
				s.right++
				continue
			}
			why := "no label of its sentence has this value"
			for k, l := range b.labels {
				if !used[k] && squeeze(l.value) == squeeze(ind.Value) {
					_, why = right(ind, l)
					why = fmt.Sprintf("label %s:%d: %s", file, l.line, why)
					break
				}
			}
			t.Logf("%s:%d: wrong: %s %s%s [%s %s]: %s", file, b.line, ind.Name, ind.Value, ind.Unit, ind.Kind, ind.Period, why)
		}
		for k, l := range b.labels {
			if !used[k] {
				t.Logf("%s:%d: missed: %s %s%s [%s %s]", file, l.line, l.names[0], l.value, l.unit, l.kind, l.period)
			}
		}
	}
	return s
}

// TestMeasure runs the extractor on the seed and on every corpus report as
// the import command does, and scores it against the hand-checked labels of
// testdata/labels: per file, the indicators found in labelled sentences,
// the labels, precision and recall. The floors asserted are the measured
// figures of the current rules, so that a regression fails; the issue's
// goal is precision ≥ 97% on the seed and ≥ 90% on the corpus, recall ≥ 90%.
func TestMeasure(t *testing.T) {
	files, err := filepath.Glob("testdata/labels/*.txt")
	if err != nil {
		t.Fatal(err)
	}
	var corpus score
	var seed score
	var table []string
	for _, f := range files {
		base := strings.TrimSuffix(filepath.Base(f), ".txt")
		if base == "README" {
			continue
		}
		src := filepath.Join(sharedCorpus, base+".txt")
		if base == "seed" {
			src = sharedSeed
		}
		blocks := readLabels(t, f)
		pages := importAnnotated(t, src)
		var all []content.Indicator
		for _, p := range pages {
			all = append(all, p.Meta.Indicators...)
		}
		for i, r := range Sanity(all) {
			if r != "" {
				t.Logf("%s: held back: %s %s%s (%s): %s", base, all[i].Name, all[i].Value, all[i].Unit, all[i].Period, r)
			}
		}
		s := scoreLabels(t, pages, blocks, f)
		table = append(table, fmt.Sprintf("%-28s found %3d labelled %3d right %3d  precision %5.1f%%  recall %5.1f%%  (sentences %d, not whole in the import %d)",
			base, s.found, s.labelled, s.right, 100*s.precision(), 100*s.recall(), s.sentences, s.missing))
		if base == "seed" {
			seed = s
			continue
		}
		corpus.found += s.found
		corpus.labelled += s.labelled
		corpus.right += s.right
		corpus.sentences += s.sentences
		corpus.missing += s.missing
	}
	table = append(table, fmt.Sprintf("%-28s found %3d labelled %3d right %3d  precision %5.1f%%  recall %5.1f%%",
		"corpus", corpus.found, corpus.labelled, corpus.right, 100*corpus.precision(), 100*corpus.recall()))
	t.Log("\n" + strings.Join(table, "\n"))
	if os.Getenv("MEASURE_PRINT") != "" {
		fmt.Println(strings.Join(table, "\n"))
	}

	// Floors: the figures measured with the current rules (see the
	// package's closing note in doc.go), kept so that a change that makes
	// extraction worse fails.
	floors := []struct {
		what      string
		s         score
		precision float64
		recall    float64
	}{
		{"seed", seed, seedPrecisionFloor, seedRecallFloor},
		{"corpus", corpus, corpusPrecisionFloor, corpusRecallFloor},
	}
	for _, f := range floors {
		if f.s.precision() < f.precision {
			t.Errorf("%s: precision %.1f%% < %.1f%%", f.what, 100*f.s.precision(), 100*f.precision)
		}
		if f.s.recall() < f.recall {
			t.Errorf("%s: recall %.1f%% < %.1f%%", f.what, 100*f.s.recall(), 100*f.recall)
		}
	}
}

// The floors TestMeasure asserts.
const (
	seedPrecisionFloor = 0.99 // baseline before issue 14's rules: 78.9%
	seedRecallFloor    = 0.99 // baseline 79.5%
	// Issue 14's goal is 90% on the corpus (baseline 21.5/17.0). Measured
	// 90.6/91.7 when the importer began to join PDF text's paragraphs (more
	// labelled sentences whole); 98.0/98.0 with the rules of from…to
	// changes, counts, thresholds, scopes and a budget's sides, and the
	// labels placed in the sentences the text is cut into.
	corpusPrecisionFloor = 0.98
	corpusRecallFloor    = 0.98
)
