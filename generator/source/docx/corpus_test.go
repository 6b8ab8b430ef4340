package docx

import (
	"bytes"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"reportsite/generator/internal/testsite"
	"reportsite/generator/source/document"
)

// norm is the corpus' normalisation (README, comparison rule 1).
func norm(s string) string { return document.Squeeze(s) }

// corpus is the shared corpus of real reports (../shared/corpus/README.md).
const corpus = "../../../../shared/corpus"

// TestCorpusDocx reads the corpus' Word file and checks it against its
// expected.toml and LibreOffice's text of it.
func TestCorpusDocx(t *testing.T) {
	base := filepath.Join(corpus, "chengde_2025_budget")
	data, err := os.ReadFile(base + ".docx")
	if os.IsNotExist(err) {
		t.Skip("no corpus at " + corpus)
	}
	if err != nil {
		t.Fatal(err)
	}
	d, err := Read(data)
	if err != nil {
		t.Fatal(err)
	}
	e := testsite.ReadExpected(t, base+".expected.toml")
	lines := strings.Split(strings.TrimSuffix(string(d.Text), "\n"), "\n")
	var normed []string
	for _, l := range lines {
		normed = append(normed, norm(l))
	}
	text := strings.Join(normed, "\n")
	for _, k := range []string{"title", "subtitle", "speaker", "salutation"} {
		if v := e.Fields[k]; !strings.Contains(strings.ReplaceAll(text, "\n", ""), v) {
			t.Errorf("%s %q not in the text", k, v)
		}
	}
	if miss := testsite.InOrder(text, []string{e.Fields["body_first"], e.Fields["body_last"]}); miss != "" {
		t.Fatalf("body marker %q not found in order", miss)
	}
	fl, _ := strconv.Atoi(e.Fields["body_first_line"])
	ll, _ := strconv.Atoi(e.Fields["body_last_line"])
	body := testsite.CorpusLines(t, base+".txt", fl, ll, norm)
	if miss := testsite.InOrder(strings.ReplaceAll(text, "\n", ""), body); miss != "" {
		t.Errorf("body line lost: %q", miss)
	}
	// Every heading starts a line, with its label, in order.
	i := 0
	for _, h := range e.Headings {
		want := h.Label + h.Text
		for i < len(normed) && !strings.HasPrefix(normed[i], want) {
			i++
		}
		if i == len(normed) {
			t.Fatalf("heading %q is not a line of its own (in order)", want)
		}
	}
	if !bytes.Contains(d.Text, []byte("\n附表1\n")) {
		t.Errorf("the tables after the report are lost")
	}
	t.Logf("%d lines, %d headings", len(lines), len(e.Headings))
}
