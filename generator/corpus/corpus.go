// Package corpus writes benchmark source trees: N reports, each a copy of a
// template report (the committed seed report) with deterministic variations
// in the place name, the years and every figure, so that pages differ while
// keeping the seed's structure and length. The same N gives the same bytes.
// The tree stays in the content format (Hugo's conventions), so other
// generators can build the same corpus for comparison.
//
// Inputs: an fs.FS holding the template report's section. Outputs: a source
// directory (config.toml and content/). Imports: content and the standard
// library.
package corpus

import (
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"reportsite/generator/content"
	"slices"
	"sort"
	"strconv"
	"strings"
)

// Options describes a corpus.
type Options struct {
	Reports int
	// Template is the section directory of one report: its _index.md and
	// part folders.
	Template fs.FS
	// Place is the place name in the template to vary, e.g. "周村".
	Place string
	// Year is the template's report year, e.g. 2020; it and the next year
	// are shifted together.
	Year int
}

// places are two-character district and county names; with the report's
// number added, every report gets a distinct name.
var places = []string{"张店", "淄川", "博山", "临淄", "桓台", "高青", "沂源", "历下", "市中", "槐荫",
	"天桥", "历城", "长清", "章丘", "济阳", "莱芜", "钢城", "平阴", "商河", "芝罘", "福山", "牟平", "莱山", "蓬莱"}

const config = `title = "报告基准语料"
base_url = "https://example.gov.cn/"
language = "zh-CN"

[identity]
site_name = "基准测试站点"
site_domain = "example.gov.cn"
site_id_code = "3700000001"
sponsor = "基准测试单位"
contact = "0000-0000000"
icp = "鲁ICP备00000000号"
police_record = "鲁公网安备 37000000000000号"
`

// Write writes config.toml and content/ for opt into dir, which must not
// hold a content/ directory yet.
func Write(dir string, opt Options) error {
	if opt.Reports < 1 {
		return fmt.Errorf("corpus: -reports must be at least 1")
	}
	type file struct {
		name string
		data []byte
	}
	var files []file
	err := fs.WalkDir(opt.Template, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(opt.Template, p)
		files = append(files, file{p, data})
		return err
	})
	if err != nil {
		return fmt.Errorf("corpus: reading the template: %w", err)
	}
	if !slices.ContainsFunc(files, func(f file) bool { return path.Ext(f.name) == ".md" }) {
		return fmt.Errorf("corpus: the template holds no .md files")
	}
	sort.Slice(files, func(i, j int) bool { return files[i].name < files[j].name })
	if _, err := os.Stat(filepath.Join(dir, "content")); err == nil {
		return fmt.Errorf("corpus: %s already holds content/: choose an empty directory", dir)
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(dir, "config.toml"), []byte(config), 0o644); err != nil {
		return err
	}
	for i := range opt.Reports {
		v := variation(i, opt)
		root := filepath.Join(dir, "content", fmt.Sprintf("r%05d", i+1))
		for _, f := range files {
			p := filepath.Join(root, filepath.FromSlash(f.name))
			if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
				return err
			}
			data := f.data // other files (attachments such as 原文.txt) are copied
			if path.Ext(f.name) == ".md" {
				if data, err = v.apply(f.name, f.data); err != nil {
					return fmt.Errorf("corpus: %w", err)
				}
			}
			if err := os.WriteFile(p, data, 0o644); err != nil {
				return err
			}
		}
	}
	return nil
}

type vary struct {
	i         int
	replace   *strings.Replacer
	shift     byte
	yearShift int // how many years earlier this report is than the template
}

func variation(i int, opt Options) vary {
	year := opt.Year - i%12
	place := places[i%len(places)]
	if i >= len(places) {
		place += strconv.Itoa(i / len(places))
	}
	var pairs []string
	if opt.Place != "" {
		pairs = append(pairs, opt.Place, place)
	}
	if opt.Year != 0 {
		pairs = append(pairs, strconv.Itoa(opt.Year+1), strconv.Itoa(year+1), strconv.Itoa(opt.Year), strconv.Itoa(year))
	}
	return vary{i: i, replace: strings.NewReplacer(pairs...), shift: byte(i%9 + 1), yearShift: opt.Year - year}
}

var figure = regexp.MustCompile(`\d+(\.\d+)?`)

// apply varies one file: in its body and in every text of its front matter,
// names and years are replaced and every other figure's digits rotated by
// the report's shift. The rotation is a function of the figure's text, so an
// indicator's value and its sentence stay equal; its number is parsed again
// from the varied value. Weights and dates are kept.
func (v vary) apply(name string, data []byte) ([]byte, error) {
	pg, err := content.Parse(name, data)
	if err != nil {
		return nil, err
	}
	m := &pg.Meta
	m.Title, m.Description = v.text(m.Title), v.text(m.Description)
	if r := m.Report; r != nil {
		r.Year -= v.yearShift
		r.Meeting, r.Speaker, r.Salutation = v.text(r.Meeting), v.text(r.Speaker), v.text(r.Salutation)
		r.Publisher, r.Heading = v.text(r.Publisher), v.text(r.Heading)
	}
	for i := range m.Indicators {
		ind := &m.Indicators[i]
		ind.Name, ind.Value, ind.Sentence = v.text(ind.Name), v.text(ind.Value), v.text(ind.Sentence)
		if ind.Number != 0 {
			if n, err := strconv.ParseFloat(ind.Value, 64); err == nil {
				ind.Number = n
			}
		}
		if y, err := strconv.Atoi(ind.Period); err == nil {
			ind.Period = strconv.Itoa(y - v.yearShift)
		}
	}
	pg.Body = []byte(v.text(string(pg.Body)))
	return content.Marshal(pg)
}

// text varies one text: names and years replaced, other figures rotated.
func (v vary) text(s string) string {
	s = v.replace.Replace(s)
	return figure.ReplaceAllStringFunc(s, func(f string) string {
		if len(f) == 4 && (strings.HasPrefix(f, "19") || strings.HasPrefix(f, "20")) {
			return f // a year
		}
		return v.rotate(f)
	})
}

// rotate adds the report's shift to every digit of the figure f, keeping a
// number from starting with 0.
func (v vary) rotate(f string) string {
	b := []byte(f)
	for k, c := range b {
		if c >= '0' && c <= '9' {
			d := (c-'0'+v.shift)%10 + '0'
			if k == 0 && d == '0' && len(b) > 1 && b[1] != '.' {
				d = '1'
			}
			b[k] = d
		}
	}
	return string(b)
}
