package site

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"reportsite/generator/internal/testsite"
	"reportsite/generator/search"
)

// TestSearchIndex checks what the build publishes for search: the text of
// every page with text of its own (not the full-text page), each result
// landing on a paragraph id that the page has.
func TestSearchIndex(t *testing.T) {
	dir := testSite(t, miniSite)
	if _, err := build(t, dir); err != nil {
		t.Fatal(err)
	}
	ix, err := search.Load(os.DirFS(filepath.Join(dir, "public")))
	if err != nil {
		t.Fatal(err)
	}
	for q, want := range map[string]string{
		"增幅居全市":  "r/01/01.html#p-1",
		"资产投资":   "r/01/01.html#p-2",
		"新旧动能":   "r/01/02.html", // in the title: the top of the page
		"实干赢得未来": "r/index.html#end-p-1",
	} {
		hits := ix.Search(q)
		if len(hits) != 1 {
			t.Errorf("%q: %d results, want 1: %+v", q, len(hits), hits)
			continue
		}
		got := hits[0].Path
		if hits[0].Anchor != "" {
			got += "#" + hits[0].Anchor
			if page := readOut(t, dir, hits[0].Path); !strings.Contains(page, ` id="`+hits[0].Anchor+`"`) {
				t.Errorf("%q: %s has no id %q", q, hits[0].Path, hits[0].Anchor)
			}
		}
		if got != want {
			t.Errorf("%q: result %s, want %s", q, got, want)
		}
	}
	if hits := ix.Search("资产投资"); len(hits) == 1 && hits[0].Heading != "投资" {
		t.Errorf("资产投资: heading %q, want 投资", hits[0].Heading)
	}
}

// TestSearchIndexIncremental edits a page and reverts the edit, deletes a
// page and restores it (so that the publisher's spare directory provides
// the page without converting it), and checks after each rebuild that the
// search index is that of a full build.
func TestSearchIndexIncremental(t *testing.T) {
	dir := testSite(t, miniSite)
	b := NewBuilder(Options{Source: dir})
	ctx := context.Background()
	if _, err := b.Build(ctx, nil); err != nil {
		t.Fatal(err)
	}
	page := "content/r/01/02.md"
	orig, err := os.ReadFile(filepath.Join(dir, page))
	if err != nil {
		t.Fatal(err)
	}
	edited := strings.Replace(string(orig), "重大工程实施方案", "改过的句子", 1)
	for i, text := range []string{edited, string(orig), edited, string(orig), "", string(orig), "", string(orig)} {
		var err error
		if text == "" {
			err = os.Remove(filepath.Join(dir, page))
		} else {
			err = os.WriteFile(filepath.Join(dir, page), []byte(text), 0o644)
		}
		if err != nil {
			t.Fatal(err)
		}
		if _, err := b.Build(ctx, []string{page}); err != nil {
			t.Fatalf("step %d: %v", i, err)
		}
		fresh := filepath.Join(t.TempDir(), "public")
		if _, err := Build(ctx, Options{Source: dir, Dest: fresh}); err != nil {
			t.Fatal(err)
		}
		want, got := testsite.MustSnapshot(t, filepath.Join(fresh, "search")), testsite.MustSnapshot(t, filepath.Join(dir, "public", "search"))
		if len(got) != len(want) {
			t.Errorf("step %d: %d search files, a full build has %d", i, len(got), len(want))
		}
		for name, data := range want {
			if got[name] != data {
				t.Errorf("step %d: search/%s differs from a full build", i, name)
			}
		}
	}
}
