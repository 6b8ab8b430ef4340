package indicator

import (
	"reportsite/generator/indicator/figure"

	"path"
	"regexp"
	"strconv"
	"strings"

	"reportsite/generator/content"
	"reportsite/generator/indicator/extract"
)

var yearIn = regexp.MustCompile(`(\d{4})\s*年`)

// Annotate extracts the indicators of every page of one report and sets
// them in the pages' front matter, replacing what was there. pages are the
// report's pages as the importer writes them: the report's _index.md, a
// folder per part. year is the year the report reports on (0 if unknown).
//
// The parts' titles say what a page states. Results belong to the earliest
// year a part title names (2025年和“十四五”时期工作回顾 in a report of 2026),
// else to year. A part whose title names a later year states targets for
// that year (二、2021年…主要预期目标); in a budget report (a title with 预算
// or 决算) it states the budget of that year (Stage 预算) rather than
// targets. A part titled with a five-year plan and
// no year states the plan's targets (“十五五”时期主要目标任务: 2026—2030)
// or, with 期间/时期 and a review word, its results (“十四五”期间财政改革发展
// 成效: 2021—2025). Results of a budget report are Stage 执行, of a final
// accounts report (决算) Stage 决算. The result pages of a part whose lead
// opens a paragraph with 回望过去五年, 过去五年 or 五年来 review those five
// years (Period ResultYear-4—ResultYear).
func Annotate(pages []*content.Page, year int) {
	r := readParts(pages, year)
	for _, p := range pages {
		p.Meta.Indicators = Extract(PlainText(p.Body), r.options(p))
	}
}

// parts is what the parts' titles and leads of one report say.
type parts struct {
	title       map[string]string // part directory → title
	reviewsFive map[string]bool   // part directory whose lead opens a five-year review
	root        string            // the report's own directory
	budget      bool              // a budget or final accounts report
	final       bool              // a final accounts report (决算)
	resultYear  int
}

// readParts reads the titles and leads of a report's parts.
func readParts(pages []*content.Page, year int) parts {
	r := parts{title: map[string]string{}, reviewsFive: map[string]bool{}}
	rootTitle := ""
	kind := ""
	for _, p := range pages {
		if p.IsIndex() {
			d := path.Dir(p.Path)
			r.title[d] = p.Meta.Title
			lead, _ := content.SplitChildren(p.Body)
			for _, para := range strings.Split(PlainText(lead), "\n") {
				if extract.StartsFiveYears(para) {
					r.reviewsFive[d] = true
				}
			}
			if r.root == "" || len(d) < len(r.root) {
				r.root, rootTitle = d, p.Meta.Title
			}
		}
		if p.Meta.Report != nil && p.Meta.Report.Kind != "" {
			kind = p.Meta.Report.Kind
		}
	}
	r.budget = kind == "budget-report"
	for d, t := range r.title {
		if d == r.root {
			continue
		}
		if strings.Contains(t, "预算") || strings.Contains(t, "决算") {
			r.budget = true
		}
		if strings.Contains(t, "决算") {
			r.final = true
		}
		if y := firstYear(t); y > 0 && (r.resultYear == 0 || y < r.resultYear) {
			r.resultYear = y
		}
	}
	if strings.Contains(rootTitle, "决算") {
		r.budget, r.final = true, true
	}
	if r.resultYear == 0 || year > 0 && r.resultYear > year {
		r.resultYear = year
	}
	return r
}

// options says what page p states, from its own title and its parts'.
func (r parts) options(p *content.Page) Options {
	opt := Options{ResultYear: r.resultYear, TargetYear: r.resultYear + 1, Budget: r.budget}
	if r.budget {
		opt.Stage = "执行"
		if r.final {
			opt.Stage = "决算"
		}
	}
	var titles []string // the page's own title, then its parts' titles, inner first
	if !p.IsIndex() {
		titles = append(titles, p.Meta.Title)
	}
	for d := path.Dir(p.Path); d != r.root && d != "." && d != "/"; d = path.Dir(d) {
		titles = append(titles, r.title[d])
	}
	for _, t := range titles {
		if y := laterYear(t, r.resultYear); y > 0 {
			opt.TargetYear = y
			if r.budget {
				// A budget report's next year is its budget: amounts
				// and growth rates of Stage 预算, not targets.
				opt.Stage = "预算"
				opt.ResultYear = y
			} else {
				opt.Targets = true
			}
			break
		}
		if firstYear(t) == 0 && nextPlan(t) {
			opt.Targets, opt.Plan = true, true
			break
		}
		if firstYear(t) == 0 && planReview(t) {
			opt.Plan = true
			break
		}
	}
	if !p.IsIndex() && !opt.Targets && opt.Stage != "预算" && r.reviewsFive[path.Dir(p.Path)] {
		// 回望过去五年，…: the sections after such a lead review the
		// five years.
		opt.Plan = true
	}
	return opt
}

// firstYear returns the first year a title names, or 0.
func firstYear(title string) int {
	if m := yearIn.FindStringSubmatch(title); m != nil {
		y, _ := strconv.Atoi(m[1])
		return y
	}
	return 0
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

// nextPlan reports whether a part title names a five-year plan's targets:
// “十五五”时期主要目标任务, “十五五”发展的主要考虑.
func nextPlan(title string) bool {
	return extract.NamesPlan(title) && figure.ContainsAny(title, []string{"目标", "考虑", "思路", "规划"})
}

// planReview reports whether a part title reviews a whole five-year plan:
// “十四五”期间财政改革发展成效.
func planReview(title string) bool {
	return extract.NamesPlan(title) && figure.ContainsAny(title, []string{"期间", "时期", "以来"}) &&
		figure.ContainsAny(title, []string{"成效", "回顾", "成就", "成绩"})
}

// OneYear returns the indicators whose Period is one year: a target for a
// year answers to a result of a year, not to a five-year total (累计, 十三五).
func OneYear(inds []content.Indicator) []content.Indicator {
	out := make([]content.Indicator, 0, len(inds))
	for _, ind := range inds {
		if !strings.Contains(ind.Period, "—") {
			out = append(out, ind)
		}
	}
	return out
}
