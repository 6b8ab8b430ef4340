package report

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/pelletier/go-toml/v2"

	"reportsite/generator/content"
	"reportsite/generator/report/frame"
	"reportsite/generator/report/lex"
)

// The corpus test imports every text of the development corpus
// (../shared/corpus, see its README.md) and compares the result with the
// outline in NAME.expected.toml: metadata, headings, the body's first and
// last paragraphs, and that no line of the body was dropped as furniture.
//
// Every field is asserted. The fields that are still wrong are listed in
// testdata/corpus.known, one "FILE FIELD" a line; a failure of a field not
// listed fails the test (a regression), and so does a listed field that now
// passes (so that the list only shrinks): rerun with -update to rewrite it,
// and review its diff.
const corpusDir = "../../../shared/corpus"

const knownFile = "testdata/corpus.known"

type corpusHeading struct {
	Level    int
	Label    string
	Text     string
	Runin    bool
	Line     int
	Optional bool
}

type corpusExpected struct {
	File          string
	Format        string
	Kind          string
	Year          int
	Title         string
	Subtitle      string
	Speaker       string
	Salutation    string
	Delivered     string
	Date          string
	Publisher     string
	IndexNo       string `toml:"index_no"`
	BodyFirst     string `toml:"body_first"`
	BodyLast      string `toml:"body_last"`
	BodyFirstLine int    `toml:"body_first_line"`
	BodyLastLine  int    `toml:"body_last_line"`
	Appendices    []string
	Headings      []corpusHeading
}

// norm is the corpus README's normalisation: every run of white space goes,
// except between two ASCII letters or digits, where it becomes one space.
func norm(s string) string {
	var b strings.Builder
	prev := rune(-1)
	space := false
	for _, r := range s {
		if lex.IsSpace(r) || r == '\u00A0' || r == '\f' {
			space = true
			continue
		}
		if space && lex.IsASCIIAlnum(prev) && lex.IsASCIIAlnum(r) {
			b.WriteByte(' ')
		}
		space = false
		b.WriteRune(r)
		prev = r
	}
	return b.String()
}

// A gotHeading is a part or subsection page of the import.
type gotHeading struct {
	level       int
	label, text string
}

// readingOrder returns the headings of the import's pages and its
// paragraphs in reading order (a heading counts as a paragraph: label, title
// and title_end; Markdown item headings too).
func readingOrder(pages []*content.Page) (heads []gotHeading, paras []string) {
	addBody := func(md []byte) {
		for _, l := range strings.Split(string(md), "\n") {
			if l = strings.TrimSpace(l); l == "" || l == content.ChildrenMarker {
				continue
			}
			paras = append(paras, lex.Unescape(lex.StripHeading(l)))
		}
	}
	addHeading := func(p *content.Page, level int) {
		heads = append(heads, gotHeading{level, p.Meta.Label, p.Meta.Title})
		paras = append(paras, p.Meta.Label+p.Meta.Title+p.Meta.TitleEnd)
	}
	if len(pages) == 0 {
		return nil, nil
	}
	rootLead, rootClosing := content.SplitChildren(pages[0].Body)
	addBody(rootLead)
	var partClosing []byte
	for _, p := range pages[1:] {
		if p.IsIndex() {
			addBody(partClosing)
			addHeading(p, 1)
			lead, closing := content.SplitChildren(p.Body)
			addBody(lead)
			partClosing = closing
			continue
		}
		addHeading(p, 2)
		addBody(p.Body)
	}
	addBody(partClosing)
	addBody(rootClosing)
	return heads, paras
}

// meetingDate is the ISO date a meeting line states.
func meetingDate(s string) string {
	k := strings.IndexFunc(s, lex.IsDigit)
	if k < 0 {
		return ""
	}
	return frame.IsoDate(s[k:])
}

// trimMeeting removes the dashes before a meeting line and the parentheses
// around it, as the corpus writes subtitles.
func trimMeeting(s string) string {
	s = strings.TrimLeft(norm(s), "—―─－-~～")
	if strings.HasPrefix(s, "（") && strings.HasSuffix(s, "）") {
		s = strings.TrimSuffix(strings.TrimPrefix(s, "（"), "）")
	} else if strings.HasPrefix(s, "(") && strings.HasSuffix(s, ")") {
		s = s[1 : len(s)-1]
	}
	return s
}

// corpusKind maps the corpus's kinds to the importer's.
var corpusKind = map[string]string{"budget": "budget-report", "final_accounts": "budget-report", "gzbg": "work-report", "plan": "plan-report"}

// corpusRow is one file's figures for the table the test prints.
type corpusRow struct {
	file                    string
	heads, headsWant        int
	meta, metaWant          int
	dropped, warnings, open int
	first, last             string
	paras                   int
	elapsed                 time.Duration
	appendix                string
	failures                []string
}

func (r *corpusRow) check(field string, ok bool, format string, args ...any) {
	if !ok {
		r.failures = append(r.failures, field+"\t"+fmt.Sprintf(format, args...))
	}
}

// bodyDropReasons are the reasons a line inside the body may be dropped: the
// furniture of PDF pages.
var bodyDropReasons = map[string]bool{frame.DropPageNo: true, frame.DropRunning: true}

func checkCorpusFile(t *testing.T, txt string) *corpusRow {
	name := strings.TrimSuffix(filepath.Base(txt), ".txt")
	row := &corpusRow{file: name}
	var exp corpusExpected
	b, err := os.ReadFile(filepath.Join(corpusDir, name+".expected.toml"))
	if err != nil {
		t.Fatal(err)
	}
	if err := toml.Unmarshal(b, &exp); err != nil {
		t.Fatalf("%s.expected.toml: %v", name, err)
	}
	src, err := os.ReadFile(txt)
	if err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	res, err := Import(filepath.Base(txt), src)
	row.elapsed = time.Since(start)
	if err != nil {
		row.check("import", false, "%v", err)
		return row
	}
	rep := res.Pages[0].Meta.Report
	if rep == nil {
		rep = &content.Report{}
	}
	meta := []struct {
		field, want, got string
	}{
		{"title", exp.Title, res.Pages[0].Meta.Title},
		{"subtitle", exp.Subtitle, trimMeeting(rep.Meeting)},
		{"speaker", exp.Speaker, rep.Speaker},
		{"salutation", exp.Salutation, rep.Salutation},
		{"delivered", exp.Delivered, meetingDate(rep.Meeting)},
		{"date", exp.Date, rep.Issued},
		{"publisher", exp.Publisher, rep.Publisher},
		{"index_no", exp.IndexNo, rep.IndexNo},
		{"kind", corpusKind[exp.Kind], rep.Kind},
	}
	for _, m := range meta {
		row.metaWant++
		ok := norm(m.want) == norm(m.got)
		if ok {
			row.meta++
		}
		row.check(m.field, ok, "got %q, want %q", norm(m.got), norm(m.want))
	}
	// The corpus's year of a work report is its session's; the importer
	// files a work report under the year before, with the other reports of
	// its session (see doc.go).
	year := rep.Year
	if rep.Kind == "work-report" {
		year++
	}
	row.metaWant++
	if year == exp.Year {
		row.meta++
	}
	row.check("year", year == exp.Year, "got %d (front matter %d), want %d", year, rep.Year, exp.Year)

	heads, paras := readingOrder(res.Pages)
	row.paras = len(paras)
	// Headings: every expected one that is not optional, in order; no
	// heading that is not expected.
	k := 0
	var missing []string
	for _, h := range exp.Headings {
		if !h.Optional {
			row.headsWant++
		}
		found := -1
		for j := k; j < len(heads); j++ {
			g := heads[j]
			if g.level == h.Level && norm(g.label) == norm(h.Label) && norm(g.text) == norm(h.Text) {
				found = j
				break
			}
		}
		if found < 0 {
			if !h.Optional {
				missing = append(missing, fmt.Sprintf("%d:%d %s%s", h.Line, h.Level, h.Label, h.Text))
			}
			continue
		}
		if !h.Optional {
			row.heads++
		}
		k = found + 1
	}
	row.check("headings", len(missing) == 0, "%d of %d missing or wrong, first %q", len(missing), row.headsWant, first(missing))
	var extra []string
	for _, g := range heads {
		if !slices.ContainsFunc(exp.Headings, func(h corpusHeading) bool {
			return norm(g.label) == norm(h.Label) && norm(g.text) == norm(h.Text)
		}) {
			extra = append(extra, fmt.Sprintf("%d %s%s", g.level, g.label, g.text))
		}
	}
	row.check("extra_headings", len(extra) == 0, "%d headings not expected, first %q", len(extra), first(extra))

	// The body's ends.
	if len(paras) > 0 {
		row.first = prefix(norm(paras[0]), 10)
		row.last = suffix(norm(paras[len(paras)-1]), 10)
	}
	row.check("body_first", row.first == norm(exp.BodyFirst), "got %q, want %q", row.first, norm(exp.BodyFirst))
	lastOK := row.last == norm(exp.BodyLast)
	if lastOK && len(exp.Appendices) > 0 {
		row.appendix = "dropped"
	}
	row.check("body_last", lastOK, "got %q, want %q", row.last, norm(exp.BodyLast))

	// No line of the body is dropped, except page furniture.
	var lost []string
	for _, d := range res.Dropped {
		if d.Line >= exp.BodyFirstLine && d.Line <= exp.BodyLastLine && !bodyDropReasons[d.Reason] {
			lost = append(lost, fmt.Sprintf("%d (%s) %s", d.Line, d.Reason, d.Text))
		}
	}
	row.check("body_dropped", len(lost) == 0, "%d body lines dropped, first %q", len(lost), first(lost))

	row.dropped = len(res.Dropped)
	row.warnings = len(res.Warnings)
	// A paragraph split mid-sentence: it ends without a closing mark, is
	// not a numbered heading, and the next paragraph is not numbered either.
	for i, p := range paras {
		if i+1 < len(paras) && !strings.ContainsAny(lex.LastRune(p), "。！？；：”）)!?;:") && !startsBlock(p) && !startsBlock(paras[i+1]) {
			row.open++
		}
	}
	return row
}

func first(s []string) string {
	if len(s) == 0 {
		return ""
	}
	return s[0]
}

func prefix(s string, n int) string {
	for i := range s {
		if n == 0 {
			return s[:i]
		}
		n--
	}
	return s
}

func suffix(s string, n int) string {
	i := len(s)
	for ; i > 0 && n > 0; n-- {
		_, size := utf8.DecodeLastRuneInString(s[:i])
		i -= size
	}
	return s[i:]
}

func TestCorpus(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join(corpusDir, "*.txt"))
	if len(files) == 0 {
		t.Skipf("no corpus at %s: the corpus test needs ../shared/corpus beside the repository", corpusDir)
	}
	sort.Strings(files)
	known := map[string]bool{}
	if b, err := os.ReadFile(knownFile); err == nil {
		for _, l := range strings.Split(string(b), "\n") {
			if l = strings.TrimSpace(l); l != "" && !strings.HasPrefix(l, "#") {
				known[l] = true
			}
		}
	}
	var failing []string
	var table strings.Builder
	fmt.Fprintf(&table, "%-30s %9s %7s %7s %5s %5s %5s %-8s %6s  %s\n", "file", "headings", "meta", "dropped", "warn", "paras", "split", "appendix", "ms", "first … last")
	var tot corpusRow
	for _, f := range files {
		row := checkCorpusFile(t, f)
		fmt.Fprintf(&table, "%-30s %4d/%-4d %3d/%-3d %7d %5d %5d %5d %-8s %6d  %s … %s\n", row.file, row.heads, row.headsWant,
			row.meta, row.metaWant, row.dropped, row.warnings, row.paras, row.open, row.appendix, row.elapsed.Milliseconds(), row.first, row.last)
		tot.heads += row.heads
		tot.headsWant += row.headsWant
		tot.meta += row.meta
		tot.metaWant += row.metaWant
		tot.dropped += row.dropped
		tot.warnings += row.warnings
		tot.paras += row.paras
		tot.open += row.open
		for _, fl := range row.failures {
			field, msg, _ := strings.Cut(fl, "\t")
			key := row.file + " " + field
			failing = append(failing, key)
			if !known[key] || *update {
				if !*update {
					t.Errorf("%s: %s: %s", row.file, field, msg)
				}
			} else {
				t.Logf("known: %s: %s: %s", row.file, field, msg)
			}
		}
	}
	fmt.Fprintf(&table, "%-30s %4d/%-4d %3d/%-3d %7d %5d %5d %5d\n", "total", tot.heads, tot.headsWant, tot.meta, tot.metaWant, tot.dropped, tot.warnings, tot.paras, tot.open)
	t.Logf("corpus:\n%s", table.String())
	if *update {
		var b strings.Builder
		b.WriteString("# Fields of the corpus test (corpus_test.go) that are still wrong, one \"FILE FIELD\" a line.\n# Rewritten by go test -run TestCorpus -update; the list should only shrink.\n")
		for _, k := range failing {
			b.WriteString(k + "\n")
		}
		if err := os.WriteFile(knownFile, []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	now := map[string]bool{}
	for _, k := range failing {
		now[k] = true
	}
	var fixed []string
	for k := range known {
		if !now[k] {
			fixed = append(fixed, k)
		}
	}
	sort.Strings(fixed)
	for _, k := range fixed {
		t.Errorf("%s now passes: remove it from %s (go test -run TestCorpus -update)", k, knownFile)
	}
}
