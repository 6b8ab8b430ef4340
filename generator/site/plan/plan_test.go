package plan

import (
	"strings"
	"testing"
	"testing/fstest"

	"reportsite/generator/config"
	"reportsite/generator/content"
)

// tree is a site with a page outside reports and a report of two parts,
// the second with a page of its own.
func tree() *content.Section {
	page := func(p, title string, weight int) *content.Page {
		return &content.Page{Path: p, Meta: content.Meta{Title: title, Weight: weight}}
	}
	rep := &content.Section{Dir: "r", Index: &content.Page{Path: "r/_index.md", Meta: content.Meta{Title: "报告", Report: &content.Report{Issued: "2024-01-01"}}},
		Pages: []*content.Page{page("r/02.md", "二", 2), page("r/01.md", "一", 1)}}
	rep.Sections = []*content.Section{{Dir: "r/03", Index: page("r/03/_index.md", "三", 3), Pages: []*content.Page{page("r/03/01.md", "三之一", 1)}}}
	return &content.Section{Dir: ".", Index: page("_index.md", "首页", 0), Pages: []*content.Page{page("about.md", "关于", 0)}, Sections: []*content.Section{rep}}
}

func TestNew(t *testing.T) {
	p, err := New(&config.Config{Title: "站", Identity: config.Identity{Contact: "电话"}}, tree(), nil)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, n := range p.Nodes {
		got = append(got, n.Kind+":"+n.OutFile())
	}
	want := "home:index.html page:about.html report:r/index.html page:r/02.html page:r/01.html section:r/03/index.html page:r/03/01.html full:r/full.html sitemap:sitemap.html contact:contact.html"
	if strings.Join(got, " ") != want {
		t.Errorf("nodes:\n got %s\nwant %s", strings.Join(got, " "), want)
	}
	r := p.Nodes[2]
	var reading []string
	for _, n := range r.Reading {
		reading = append(reading, n.Title)
	}
	if strings.Join(reading, " ") != "报告 一 二 三 三之一" {
		t.Errorf("reading order %v: pages and sections in weight order", reading)
	}
	if r.Data != nil || r.Report.DataPath != "" {
		t.Error("a report without indicators has a data page")
	}
	if len(p.Reports) != 1 || len(r.Report.Outline) != 3 || len(r.Report.Outline[2].Children) != 1 {
		t.Errorf("reports %v, outline %+v", p.Reports, r.Report.Outline)
	}
	e := Entry(r.Reading[2])
	if e.Prev == nil || e.Prev.Text != "一" || e.Next == nil || e.Next.Text != "三" || len(e.Ancestors) != 2 {
		t.Errorf("entry of 二: prev %v, next %v, ancestors %v", e.Prev, e.Next, e.Ancestors)
	}
	if g := p.Groups(); len(g) != 6 || len(g[2]) != 6 || g[2][5].Kind != "full" || g[5][0].OutFile() != "404.html" {
		t.Errorf("groups %v", g)
	}
	// A report with indicators gets a data page.
	p, err = New(&config.Config{}, tree(), map[string]bool{"r/01.md": true})
	if err != nil || p.Nodes[2].Data == nil || p.Nodes[2].Data.OutFile() != "r/data.html" {
		t.Fatalf("with indicators: %v", err)
	}
}

func TestNewDuplicateOutput(t *testing.T) {
	tr := tree()
	tr.Pages = append(tr.Pages, &content.Page{Path: "sitemap.md"})
	_, err := New(&config.Config{}, tr, nil)
	if err == nil || !strings.Contains(err.Error(), "(网站地图): its output sitemap.html is also produced by content/sitemap.md") {
		t.Fatalf("err = %v", err)
	}
}

func TestReadAttachments(t *testing.T) {
	tr := tree()
	pg := tr.Pages[0]
	pg.Meta.Attachments = []content.Attachment{{File: "a.pdf"}, {File: "gone.pdf"}}
	pg.Meta.Related = []content.Related{{Title: "x", URL: "ftp://x"}}
	p, err := New(&config.Config{}, tr, nil)
	if err != nil {
		t.Fatal(err)
	}
	fsys := fstest.MapFS{"about.md": {Data: []byte("+++\n[[attachments]]\nfile = \"a.pdf\"\n[[attachments]]\nfile = \"gone.pdf\"\n[[related]]\ntitle = \"x\"\nurl = \"ftp://x\"\n+++\n")}, "a.pdf": {Data: []byte("%PDF")}}
	errs := p.ReadAttachments(fsys)
	if len(errs) != 2 || !strings.HasPrefix(errs[0].Error(), "content/about.md:5: [[attachments]] file \"gone.pdf\": no such file") ||
		!strings.HasPrefix(errs[1].Error(), "content/about.md:8: [[related]] url \"ftp://x\"") {
		t.Errorf("errors %v", errs)
	}
	a := p.Nodes[1].Portal.Attach
	if len(a) != 1 || a[0].Title != "a" || a[0].Size != 4 || !strings.HasPrefix(a[0].Out, "a.") || !strings.HasSuffix(a[0].Out, ".pdf") {
		t.Errorf("attachments %+v", a)
	}
}
