package fix_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"

	"reportsite/generator/content"
	"reportsite/generator/report"
	"reportsite/generator/report/fix"
)

// TestFixOnlyPunctuation imports the seed and every corpus text, and fixes
// every page: the text without punctuation is unchanged, every change is
// one mark, and fixing again changes nothing.
func TestFixOnlyPunctuation(t *testing.T) {
	files := []string{"../testdata/seed.txt"}
	corpus, _ := filepath.Glob("../../../../shared/corpus/*.txt")
	files = append(files, corpus...)
	if len(corpus) == 0 {
		t.Log("no corpus at ../../../../shared/corpus: the seed only")
	}
	changed := 0
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		res, err := report.Import(filepath.Base(f), src)
		if err != nil {
			t.Logf("%s: not imported: %v", f, err)
			continue
		}
		for _, p := range res.Pages {
			b, err := content.Marshal(p)
			if err != nil {
				t.Fatal(err)
			}
			got, changes := fix.Fix(p.Path, b)
			changed += len(changes)
			if fix.Punctless(string(got)) != fix.Punctless(string(b)) {
				t.Errorf("%s %s: fix changed more than punctuation", f, p.Path)
			}
			for _, c := range changes {
				if !strings.ContainsAny(c.Old, fix.HalfMarks) || !unicode.IsPunct([]rune(c.New)[0]) {
					t.Errorf("%s: %v is not a mark for a mark", f, c)
				}
			}
			if again, more := fix.Fix(p.Path, got); string(again) != string(got) || len(more) > 0 {
				t.Errorf("%s %s: fix is not idempotent: %v", f, p.Path, more)
			}
			if _, err := content.Parse(p.Path, got); err != nil {
				t.Errorf("%s: fixed page does not parse: %v", f, err)
			}
		}
	}
	if changed == 0 {
		t.Error("no change made on the seed and the corpus")
	}
	t.Logf("%d files, %d changes", len(files), changed)
}
