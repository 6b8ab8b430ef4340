package corpus

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
)

var template = fstest.MapFS{
	"_index.md": {Data: []byte("+++\ntitle = \"关于周村区2020年度计划执行情况与2021年计划草案的报告\"\nweight = 2020\n[report]\nyear = 2020\nissued = \"2021-03-12\"\nindex_no = \"x\"\ndoc_no = \"\"\npublisher = \"周村区发展和改革局\"\n+++\n前言。\n")},
	"01/01.md":  {Data: []byte("+++\ntitle = \"经济运行\"\nweight = 1\n[[indicators]]\nname = \"地区生产总值\"\nvalue = \"4.9\"\nnumber = 4.9\n[[indicators]]\nname = \"人数\"\nvalue = \"13\"\nnumber = 13.0\n+++\n全区地区生产总值同比增长4.9%，增幅居全市第2位。\n")},
}

func TestWriteIsDeterministicAndVaried(t *testing.T) {
	a, b := t.TempDir(), t.TempDir()
	opt := Options{Reports: 3, Template: template, Place: "周村", Year: 2020}
	if err := Write(a, opt); err != nil {
		t.Fatal(err)
	}
	if err := Write(b, opt); err != nil {
		t.Fatal(err)
	}
	read := func(dir, p string) string {
		data, err := os.ReadFile(filepath.Join(dir, p))
		if err != nil {
			t.Fatal(err)
		}
		return string(data)
	}
	for _, p := range []string{"config.toml", "content/r00001/01/01.md", "content/r00003/_index.md"} {
		if read(a, p) != read(b, p) {
			t.Errorf("%s differs between two runs", p)
		}
	}
	one, two := read(a, "content/r00001/01/01.md"), read(a, "content/r00002/01/01.md")
	if one == two {
		t.Error("two reports have the same page")
	}
	// A figure in front matter and in its sentence vary together.
	if !strings.Contains(one, `value = "5.0"`) || !strings.Contains(one, "同比增长5.0%") || !strings.Contains(one, `value = "24"`) || !strings.Contains(one, "number = 24.0") {
		t.Errorf("figures not varied consistently:\n%s", one)
	}
	idx := read(a, "content/r00002/_index.md")
	if !strings.Contains(idx, "关于淄川区2019年度计划执行情况与2020年计划草案的报告") || !strings.Contains(idx, "weight = 2020") || !strings.Contains(idx, `issued = "2021-03-12"`) {
		t.Errorf("names, years or fixed keys wrong:\n%s", idx)
	}
	if err := Write(a, opt); err == nil {
		t.Error("writing over an existing corpus succeeded")
	}
}
