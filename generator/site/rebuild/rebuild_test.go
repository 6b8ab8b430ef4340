package rebuild

import (
	"os"
	"path/filepath"
	"testing"

	"reportsite/generator/config"
	"reportsite/generator/content"
	"reportsite/generator/site/plan"
)

func tree(body01 string) *content.Section {
	page := func(p, title string, weight int) *content.Page {
		return &content.Page{Path: p, Meta: content.Meta{Title: title, Weight: weight}, Body: []byte(title)}
	}
	rep := &content.Section{Dir: "r", Index: &content.Page{Path: "r/_index.md", Meta: content.Meta{Title: "报告", Report: &content.Report{Issued: "2024-01-01"}}},
		Pages: []*content.Page{page("r/01.md", "一", 1), page("r/02.md", "二", 2)}}
	rep.Pages[0].Body = []byte(body01)
	return &content.Section{Dir: ".", Index: page("_index.md", "首页", 0), Pages: []*content.Page{page("about.md", "关于", 0)}, Sections: []*content.Section{rep}}
}

func mustPlan(t *testing.T, tr *content.Section) *plan.Plan {
	t.Helper()
	p, err := plan.New(&config.Config{Title: "站"}, tr, nil)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// TestSign: a page's signature changes with what it shows, and only then.
// As content.Load does, a rebuild gives an unchanged file's page the same
// value (front matter is signed with its pointers).
func TestSign(t *testing.T) {
	m := New(t.TempDir())
	tr := tree("甲")
	before := m.Sign(mustPlan(t, tr), 1, []string{"assets/a.css"}, nil)
	same := m.Sign(mustPlan(t, tr), 1, []string{"assets/a.css"}, nil)
	for f, s := range before {
		if same[f] != s {
			t.Errorf("%s: the same inputs signed differently", f)
		}
	}
	edit := *tr.Sections[0].Pages[0]
	edit.Body = []byte("乙")
	tr.Sections[0].Pages[0] = &edit
	edited := m.Sign(mustPlan(t, tr), 1, []string{"assets/a.css"}, nil)
	for f, changed := range map[string]bool{"r/01.html": true, "r/full.html": true, "r/02.html": false, "r/index.html": false, "about.html": false, "index.html": false, "sitemap.xml": false} {
		if (edited[f] != before[f]) != changed {
			t.Errorf("%s: after an edit of r/01.md, changed = %v, want %v", f, !changed, changed)
		}
	}
	layouts := m.Sign(mustPlan(t, tr), 2, []string{"assets/a.css"}, nil)
	for _, f := range []string{"index.html", "about.html", "r/02.html", "404.html"} {
		if layouts[f] == edited[f] {
			t.Errorf("%s: a change of the layouts kept its signature", f)
		}
	}
}

// TestLoadOptions: after a build, only the pages of changed files are read
// again, and the list of files is kept while none was added or removed.
func TestLoadOptions(t *testing.T) {
	dir := t.TempDir()
	if err := os.MkdirAll(filepath.Join(dir, "content", "r"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "content", "r", "01.md"), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	m := New(dir)
	var opt content.LoadOptions
	m.LoadOptions(&opt, []string{"content/r/01.md"})
	if opt.Reuse != nil || opt.Files != nil {
		t.Fatal("the first build reuses pages")
	}
	tr := tree("甲")
	files := []string{"_index.md", "about.md", "r/_index.md", "r/01.md", "r/02.md"}
	m.Commit(Build{Tree: tr, Files: files, Sigs: map[string]uint64{}})
	m.LoadOptions(&opt, []string{"content/r/01.md"})
	if opt.Reuse("r/01.md") != nil || opt.Reuse("r/02.md") != tr.Sections[0].Pages[1] {
		t.Error("Reuse: a changed page reused, or an unchanged one read again")
	}
	if len(opt.Files) != len(files) {
		t.Errorf("Files = %v, want the previous list", opt.Files)
	}
	for _, changed := range [][]string{{"content/r/new.md"}, {"content"}, nil} {
		m.LoadOptions(&opt, changed)
		if opt.Files != nil {
			t.Errorf("changed %q: the file list is kept", changed)
		}
	}
	m.LoadOptions(&opt, []string{"content/r"})
	if opt.Reuse("r/02.md") != nil || opt.Reuse("about.md") == nil {
		t.Error("a changed directory: its pages are reused, or others read again")
	}
}
