package content

import (
	"errors"
	"reflect"
	"strings"
	"testing"
	"testing/fstest"
)

func TestParseMarshalRoundTrip(t *testing.T) {
	p := &Page{Path: "r/_index.md", Meta: Meta{
		Title: "关于“报告”的\"引号\"", Label: "一、", Weight: 3,
		Report: &Report{Kind: "plan-report", Year: 2020, IndexNo: "1/2021-1", Issued: "2021-03-12", Publisher: "某局", Speaker: "局长  某某"},
	}, Body: []byte("正文。\n")}
	b, err := Marshal(p)
	if err != nil {
		t.Fatal(err)
	}
	q, err := Parse(p.Path, b)
	if err != nil {
		t.Fatalf("%v\n%s", err, b)
	}
	if q.Meta.Title != p.Meta.Title || q.Meta.Report.Speaker != "局长  某某" || string(q.Body) != "正文。\n" {
		t.Errorf("round trip changed the page:\n%s", b)
	}
	if q.BodyLine != strings.Count(string(b[:len(b)-len(q.Body)]), "\n")+1 {
		t.Errorf("BodyLine = %d", q.BodyLine)
	}
	b2, _ := Marshal(q)
	if string(b) != string(b2) {
		t.Errorf("Marshal is not stable:\n%s\n%s", b, b2)
	}
}

func TestParseCRLFAndBOM(t *testing.T) {
	p, err := Parse("a.md", []byte("\ufeff+++\r\ntitle = \"x\"\r\n+++\r\nbody\r\n"))
	if err != nil {
		t.Fatal(err)
	}
	if p.Meta.Title != "x" || p.BodyLine != 4 {
		t.Errorf("got %+v", p)
	}
}

func TestLoadOrder(t *testing.T) {
	fsys := fstest.MapFS{
		"r/_index.md":    {Data: []byte("+++\ntitle = \"r\"\n+++\n")},
		"r/b.md":         {Data: []byte("+++\ntitle = \"b\"\nweight = 1\n+++\n")},
		"r/a.md":         {Data: []byte("+++\ntitle = \"a\"\nweight = 1\n+++\n")},
		"r/c.md":         {Data: []byte("+++\ntitle = \"c\"\n+++\n")},
		"r/d.md":         {Data: []byte("+++\ntitle = \"d\"\ndraft = true\n+++\n")},
		"r/x/_index.md":  {Data: []byte("+++\ntitle = \"x\"\nweight = 2\n+++\n")},
		"r/w/_index.md":  {Data: []byte("+++\ntitle = \"w\"\nweight = 1\n+++\n")},
		"r/notes.txt":    {Data: []byte("ignored")},
		"empty/.keep.md": {Data: []byte("ignored")},
	}
	root, err := Load(fsys, LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if len(root.Sections) != 1 {
		t.Fatalf("sections at root: %d, want 1 (the empty one dropped)", len(root.Sections))
	}
	r := root.Sections[0]
	var got []string
	for _, p := range r.Pages {
		got = append(got, p.Meta.Title)
	}
	for _, s := range r.Sections {
		got = append(got, s.Index.Meta.Title)
	}
	if strings.Join(got, ",") != "c,a,b,w,x" {
		t.Errorf("order = %v, want c,a,b (weight then name), then w,x", got)
	}
	root, _ = Load(fsys, LoadOptions{Drafts: true})
	if len(root.Sections[0].Pages) != 4 {
		t.Error("drafts not included with Drafts")
	}
}

func TestLoadReportsAllErrors(t *testing.T) {
	fsys := fstest.MapFS{
		"a.md": {Data: []byte("no front matter")},
		"b.md": {Data: []byte("+++\nweight = \"x\"\n+++\n")},
		"c.md": {Data: []byte("+++\n[report]\nfoo = 1\n+++\n")},
		"d.md": {Data: []byte("+++\ntitle = \"题\"\n\n[[indicators]]\nname = \"生产总值\"\nvalue = 4.9\n+++\n")},
		"e.md": {Data: []byte("+++\ntitle = \"题\"\n[[indicators]]\nname = \"甲\"\n[[indicators]]\nnmae = \"乙\"\n+++\n")},
	}
	_, err := Load(fsys, LoadOptions{})
	errs := Errors(err)
	if len(errs) != 5 {
		t.Fatalf("got %d errors, want 5: %v", len(errs), err)
	}
	for i, want := range []string{"a.md:1: missing front matter",
		`b.md:2: invalid TOML: cannot decode TOML string where a whole number is expected (key "weight")`,
		`c.md:3: unknown key "report.foo"`,
		// Errors inside an array of tables are placed on their lines.
		`d.md:6: invalid TOML: cannot decode TOML float where text in quotes is expected (key "indicators.value")`,
		`e.md:6: unknown key "indicators.nmae"`} {
		if !strings.HasPrefix(errs[i].Error(), want) {
			t.Errorf("error %d = %q, want prefix %q", i, errs[i], want)
		}
		var ce *Error
		if !errors.As(errs[i], &ce) {
			t.Errorf("error %d is not a *content.Error", i)
		}
	}
}

func TestSplitChildren(t *testing.T) {
	lead, closing := SplitChildren([]byte("a\n\n<!--children-->\nb\n"))
	if string(lead) != "a\n\n" || string(closing) != "b\n" {
		t.Errorf("got %q %q", lead, closing)
	}
	lead, closing = SplitChildren([]byte("only lead\n"))
	if string(lead) != "only lead\n" || closing != nil {
		t.Errorf("got %q %q", lead, closing)
	}
}

func TestLoadOutline(t *testing.T) {
	fsys := fstest.MapFS{
		"a.md": {Data: []byte("+++\ntitle = \"a\"\n\n[[indicators]]\nname = \"x\"\nvalue = \"1\"\n+++\nbody\n")},
		// A table after the indicators: the whole front matter is decoded.
		"b.md": {Data: []byte("+++\ntitle = \"b\"\n\n[[indicators]]\nname = \"x\"\n\n[report]\nindex_no = \"1\"\ndoc_no = \"\"\nissued = \"\"\npublisher = \"p\"\n+++\n")},
	}
	root, err := Load(fsys, LoadOptions{Outline: true})
	if err != nil {
		t.Fatal(err)
	}
	a, b := root.Pages[0], root.Pages[1]
	if !a.Outline || len(a.Meta.Indicators) != 0 || a.Body != nil || a.Meta.Title != "a" {
		t.Errorf("a: %+v", a)
	}
	if b.Outline || len(b.Meta.Indicators) != 1 || b.Meta.Report == nil || b.Meta.Report.Publisher != "p" {
		t.Errorf("b: %+v", b)
	}
}

func TestTableLine(t *testing.T) {
	src := []byte("+++\ntitle = \"t\"\n\n[[indicators]]\nname = \"a\"\n\n[[attachments]]\nfile = \"x.pdf\"\n\n[[indicators]]\n name = \"b\"\nvalue = \"1\"\n[report]\nname = \"c\"\n+++\n")
	for _, c := range []struct {
		table string
		i     int
		key   string
		want  int
	}{
		{"indicators", 0, "", 4}, {"indicators", 1, "", 10}, {"indicators", 1, "name", 11},
		{"attachments", 0, "file", 8}, {"indicators", 0, "value", 0}, {"indicators", 2, "", 0},
		{"indicators", 1, "title", 0}, // a key of the front matter, not of the table
	} {
		if got := TableLine(src, c.table, c.i, c.key); got != c.want {
			t.Errorf("TableLine(%s, %d, %q) = %d, want %d", c.table, c.i, c.key, got, c.want)
		}
	}
}

// TestFrontMatterValues: values keyed by their path, each piece of a
// string at its line:col in the file (columns count characters), a new
// piece after each escape; multi-line strings and arrays left out.
func TestFrontMatterValues(t *testing.T) {
	src := []byte("+++\ntitle = \"甲\\\"乙\\u4E19丁\"\nweight = 3 # w\nlabel = '（一）'\nnotes = \"\"\"\nx\"\"\"\ntags = [\"a\"]\n[report]\nspeaker = \"张三\"\n+++\n正文\n")
	fm, body, bodyLine := FrontMatterValues(src)
	if string(body) != "正文\n" || bodyLine != 11 {
		t.Errorf("body %q at line %d", body, bodyLine)
	}
	want := map[string]Value{
		"title":          {Text: "甲\"乙丙丁", Pos: []Pos{{0, 2, 10}, {4, 2, 13}, {10, 2, 20}}},
		"weight":         {Text: "3", Pos: []Pos{{0, 3, 10}}},
		"label":          {Text: "（一）", Pos: []Pos{{0, 4, 10}}},
		"report.speaker": {Text: "张三", Pos: []Pos{{0, 9, 12}}},
	}
	if len(fm) != len(want) {
		t.Errorf("got keys %v", fm)
	}
	for k, w := range want {
		if g := fm[k]; !reflect.DeepEqual(g, w) {
			t.Errorf("%s: got %+v, want %+v", k, g, w)
		}
	}
	if fm, body, line := FrontMatterValues([]byte("正文\n")); len(fm) != 0 || string(body) != "正文\n" || line != 1 {
		t.Errorf("no front matter: %v %q %d", fm, body, line)
	}
}

func TestKeyLine(t *testing.T) {
	src := []byte("+++\ntitle = \"t\"\n[report]\nyear = 2020\n\"doc_no\" = \"\"\n+++\n[report]\n")
	for _, c := range []struct {
		k    []string
		want int
	}{{[]string{"title"}, 2}, {[]string{"report"}, 3}, {[]string{"report", "year"}, 4}, {[]string{"report", "doc_no"}, 5}, {[]string{"x"}, 1}} {
		if got := KeyLine(src, c.k...); got != c.want {
			t.Errorf("KeyLine(%v) = %d, want %d", c.k, got, c.want)
		}
	}
	if got := KeyLine([]byte("title = \"t\"\n\n[identity]\nbadge = \"b\"\n"), "identity", "badge"); got != 4 {
		t.Errorf("KeyLine in config.toml = %d, want 4", got)
	}
}
