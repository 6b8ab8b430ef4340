package indicator

import (
	"strings"
	"unicode/utf8"

	"reportsite/generator/content"
	"reportsite/generator/indicator/figure"
)

// A Pair is a target of the plan year beside the result of the report year
// for the same measure.
type Pair struct {
	Target content.Indicator
	Result content.Indicator
}

// Pairs matches each target with the result of the same measure, in the
// order of targets; a target without a matching result is left out, and a
// result is used once. A target and a result are of the same measure when:
//
//   - their names are equal once 全区, 全市, 全县, 全年, 规模以上, 规上 and
//     限额以上 are dropped from the front (规模以上固定资产投资 = 固定资产投资),
//     or else one such name ends with the other and the shorter has at least
//     4 characters (城镇新增就业 and 全区城镇新增就业);
//   - a growth target (Direction set: 增长7%以上) meets a change
//     (同比增长4.9%) in the same unit, or, for a target without a number
//     (增长不低于全市平均水平), a change in % or 个百分点;
//   - a level target (no Direction: 控制在4.5%以内, 4500人以上) meets a level
//     in the same unit.
//
// Equal names win over the suffix rule; among equals the first result in
// order wins. Ranks, ratios and comparisons never pair.
func Pairs(results, targets []content.Indicator) []Pair {
	used := make([]bool, len(results))
	var out []Pair
	for _, t := range targets {
		if t.Kind != "target" {
			continue
		}
		best := -1
		for i, r := range results {
			if used[i] || !sameSort(t, r) {
				continue
			}
			tk, rk := measure(t.Name), measure(r.Name)
			if tk == rk {
				best = i
				break
			}
			if best < 0 && suffixOf(tk, rk) {
				best = i
			}
		}
		if best >= 0 {
			used[best] = true
			out = append(out, Pair{Target: t, Result: results[best]})
		}
	}
	return out
}

// sameSort reports whether a result answers a target: growth to change,
// level to level.
func sameSort(t, r content.Indicator) bool {
	if t.Direction != "" {
		if r.Kind != "change" {
			return false
		}
		if !HasNumber(t) {
			return figure.IsRate(r.Unit)
		}
		return r.Unit == t.Unit
	}
	return r.Kind == "level" && r.Unit == t.Unit && HasNumber(t)
}

// measure is a name without the scope words that differ between a plan's
// target and a report's result.
func measure(name string) string {
	for changed := true; changed; {
		changed = false
		for _, p := range []string{"全区", "全市", "全县", "全年", "规模以上", "规上", "限额以上"} {
			if t, ok := strings.CutPrefix(name, p); ok && t != "" {
				name, changed = t, true
			}
		}
	}
	return name
}

func suffixOf(a, b string) bool {
	if len(a) > len(b) {
		a, b = b, a
	}
	return utf8.RuneCountInString(a) >= 4 && strings.HasSuffix(b, a)
}
