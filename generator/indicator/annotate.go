package indicator

import (
	"path"
	"regexp"
	"strconv"

	"reportsite/generator/content"
)

var yearIn = regexp.MustCompile(`(\d{4})年`)

// Annotate extracts the indicators of every page of one report and sets
// them in the pages' front matter, replacing what was there. pages are the
// report's pages as the importer writes them: the report's _index.md, a
// folder per part. year is the year the report reports on.
//
// A part whose title names a later year than year (二、2021年…主要预期目标,
// 三、2021年…工作重点和措施) states targets for that year; every other page
// states results for year.
func Annotate(pages []*content.Page, year int) {
	partTitle := map[string]string{} // part directory → title
	root := ""                       // the report's own directory
	for _, p := range pages {
		if p.IsIndex() {
			d := path.Dir(p.Path)
			partTitle[d] = p.Meta.Title
			if root == "" || len(d) < len(root) {
				root = d
			}
		}
	}
	for _, p := range pages {
		opt := Options{ResultYear: year, TargetYear: year + 1}
		dir := path.Dir(p.Path)
		for d := dir; d != root && d != "." && d != "/"; d = path.Dir(d) {
			if y := laterYear(partTitle[d], year); y > 0 {
				opt.Targets, opt.TargetYear = true, y
				break
			}
		}
		if !p.IsIndex() {
			if y := laterYear(p.Meta.Title, year); y > 0 && !opt.Targets {
				opt.Targets, opt.TargetYear = true, y
			}
		}
		p.Meta.Indicators = Extract(PlainText(p.Body), opt)
	}
}

// laterYear returns the first year after year that title names, or 0.
func laterYear(title string, year int) int {
	for _, m := range yearIn.FindAllStringSubmatch(title, -1) {
		if y, _ := strconv.Atoi(m[1]); year > 0 && y > year {
			return y
		}
	}
	return 0
}
