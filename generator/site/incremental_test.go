package site

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"reportsite/generator/internal/testsite"
)

// TestIncrementalEqualsFullBuild edits a site in every way an editor can and
// checks after each edit that a Builder's rebuild publishes exactly what a
// fresh full build of the same tree publishes, while rendering only the pages
// that depend on the edit. A deleted page reverts the site to an earlier
// state, which the spare directory still holds: nothing is rendered.
func TestIncrementalEqualsFullBuild(t *testing.T) {
	dir := testSite(t, miniSite)
	b := NewBuilder(Options{Source: dir})
	ctx := context.Background()
	if _, err := b.Build(ctx, nil); err != nil {
		t.Fatal(err)
	}
	for _, step := range []struct {
		name     string
		edit     string
		remove   string
		changed  []string
		rendered int // at most this many pages rendered again (of 10)
	}{
		{"body of a page", "-- content/r/01/02.md --\n+++\ntitle = \"新旧动能转换提质增效\"\nlabel = \"（二）\"\nweight = 2\n+++\n改过的正文。\n",
			"", []string{"content/r/01/02.md"}, 2}, // the page and the full text
		{"title of a page", "-- content/r/01/02.md --\n+++\ntitle = \"新标题\"\nlabel = \"（二）\"\nweight = 2\n+++\n改过的正文。\n",
			"", []string{"content/r/01/02.md"}, 6}, // every page of the report shows the outline
		{"nothing", "", "", []string{}, 0},
		{"a layout", "-- layouts/page.html --\n{{define \"main\"}}<main id=\"main\"><h1>{{.Title}}</h1>{{.Content}}</main>{{end}}\n",
			"", []string{"layouts/page.html"}, 10},
		{"a stylesheet", "-- assets/site.css --\nbody{color:#111}\n", "", []string{"assets/site.css"}, 10},
		{"config", "-- config.toml --\ntitle = \"新站名\"\n", "", []string{"config.toml"}, 10},
		{"a new page", "-- content/r/01/03.md --\n+++\ntitle = \"第三节\"\nlabel = \"（三）\"\nweight = 3\n+++\n新的一节。\n",
			"", []string{"content/r/01/03.md"}, 7},
		{"a deleted page", "", "content/r/01/03.md", []string{"content/r/01/03.md"}, 0},
		// A watcher may name only the new directory, not the files in it.
		{"a new directory", "-- content/r/09/_index.md --\n+++\ntitle = \"第九部分\"\nlabel = \"九、\"\nweight = 9\n+++\n第九部分。\n-- content/r/09/01.md --\n+++\ntitle = \"一节\"\nweight = 1\n+++\n正文。\n",
			"", []string{"content/r/09"}, 10},
		{"page outside a report", "-- content/about.md --\n+++\ntitle = \"关于本站\"\n+++\n说明。\n", "", []string{"content/about.md"}, 2},
		// The site's home shows the newest report's headline figures and
		// every report's metadata.
		{"a headline figure", "-- content/r/01/02.md --\n+++\ntitle = \"新标题\"\nlabel = \"（二）\"\nweight = 2\n\n[[indicators]]\nname = \"投资\"\nvalue = \"5\"\nnumber = 5.0\nunit = \"%\"\nkind = \"change\"\nperiod = \"2020\"\nheadline = true\nanchor = \"i-cccc0001\"\nsentence = \"全区投资增长5%。\"\n+++\n全区投资增长5%。\n",
			"", []string{"content/r/01/02.md"}, 14},
		{"a report's issue date", "-- content/r/_index.md --\n+++\ntitle = \"关于某某区2020年度计划执行情况的报告\"\nweight = 1\n[report]\nkind = \"plan-report\"\nyear = 2020\nissued = \"2021-03-13\"\npublisher = \"某某区发展和改革局\"\n+++\n受区人民政府委托。\n",
			"", []string{"content/r/_index.md"}, 14},
		{"an attachment", "-- content/about.md --\n+++\ntitle = \"关于本站\"\n[[attachments]]\nfile = \"a.txt\"\n+++\n说明。\n-- content/a.txt --\n一\n",
			"", []string{"content/about.md", "content/a.txt"}, 2}, // and the home page, which lists it
		// Only the attachment changed: its hashed name, and so the page.
		{"an attachment's bytes", "-- content/a.txt --\n二\n", "", []string{"content/a.txt"}, 1},
	} {
		t.Run(step.name, func(t *testing.T) {
			if step.edit != "" {
				testsite.Write(t, dir, step.edit)
			}
			if step.remove != "" {
				os.Remove(filepath.Join(dir, step.remove))
			}
			res, err := b.Build(ctx, step.changed)
			if err != nil {
				t.Fatal(err)
			}
			// Fewer when the publisher's spare directory (the build before
			// the last) already holds a page as this build would write it.
			if res.Rendered > step.rendered {
				t.Errorf("rendered %d pages, want at most %d", res.Rendered, step.rendered)
			}
			fresh := filepath.Join(t.TempDir(), "public")
			if _, err := Build(ctx, Options{Source: dir, Dest: fresh}); err != nil {
				t.Fatal(err)
			}
			want, got := testsite.MustSnapshot(t, fresh), testsite.MustSnapshot(t, filepath.Join(dir, "public"))
			for name, data := range want {
				if got[name] != data {
					t.Errorf("%s differs from a full build", name)
				}
			}
			for name := range got {
				if _, ok := want[name]; !ok {
					t.Errorf("%s is published but a full build has no such file", name)
				}
			}
		})
	}
}

// TestIncrementalAfterError: a failed rebuild leaves the site as it was, and
// the next good build catches up with everything that changed meanwhile.
func TestIncrementalAfterError(t *testing.T) {
	dir := testSite(t, miniSite)
	b := NewBuilder(Options{Source: dir})
	ctx := context.Background()
	if _, err := b.Build(ctx, nil); err != nil {
		t.Fatal(err)
	}
	before := testsite.MustSnapshot(t, filepath.Join(dir, "public"))
	testsite.Write(t, dir, "-- content/r/01/01.md --\n+++\ntitle = \n+++\n")
	if _, err := b.Build(ctx, []string{"content/r/01/01.md"}); err == nil {
		t.Fatal("broken front matter built")
	}
	after := testsite.MustSnapshot(t, filepath.Join(dir, "public"))
	for name, data := range before {
		if after[name] != data {
			t.Errorf("%s changed after a failed rebuild", name)
		}
	}
	testsite.Write(t, dir, "-- content/r/01/01.md --\n+++\ntitle = \"修好了\"\n+++\n正文。\n")
	if _, err := b.Build(ctx, []string{"content/r/01/01.md"}); err != nil {
		t.Fatal(err)
	}
	if got := readOut(t, dir, "r/01/01.html"); !strings.Contains(got, "修好了") {
		t.Error("the fixed page is not published")
	}
}

// TestIncrementalChecksKeptLinks: a page kept from the spare directory (the
// build before last) still has its links checked.
func TestIncrementalChecksKeptLinks(t *testing.T) {
	dir := testSite(t, miniSite)
	linking := "-- content/r/01/01.md --\n+++\ntitle = \"x\"\nweight = 1\n+++\n见[下一节](02.html)。\n"
	testsite.Write(t, dir, linking)
	b := NewBuilder(Options{Source: dir})
	ctx := context.Background()
	changed := []string{"content/r/01/01.md"}
	for _, body := range []string{linking, strings.Replace(linking, "见", "参见", 1), linking} {
		testsite.Write(t, dir, body)
		if _, err := b.Build(ctx, changed); err != nil {
			t.Fatal(err)
		}
	}
	os.Remove(filepath.Join(dir, "content/r/01/02.md"))
	_, err := b.Build(ctx, []string{"content/r/01/02.md"})
	if err == nil || !strings.Contains(err.Error(), `content/r/01/01.md:5: broken link "02.html"`) {
		t.Errorf("deleting a linked page: %v", err)
	}
}
