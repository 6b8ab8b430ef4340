package extract_test

import (
	"strings"
	"testing"
	"unicode/utf8"

	"reportsite/generator/indicator"
	"reportsite/generator/indicator/extract"
)

// FuzzExtract checks what the build relies on for any text: every sentence
// is in the text, every value in its sentence, and every indicator verifies.
func FuzzExtract(f *testing.F) {
	for _, s := range []string{
		"全区地区生产总值同比增长4.9%,增幅居全市第2位;",
		"城镇居民和农村居民人均可支配收入分别达到41694元、20371元,分别增长3.0%5.4%;",
		"三次产业比例调整为4.1:43.1:52.8;社会消费品零售总额增长不低于全市平均水平。",
		"对首批可下沉的123项事项,22个项目列为省级重点项目。增长５．２％，第",
		"市本级一般公共预算收入 192778 万元，为预算的 102.8%，占比3.2%，余额1，245，053万元，居全省首位。",
		"城  乡  社  区  支  出  82.5亿  元  ，增  长  26.3%；五年来，累计完成（其中：开发区1.1亿元）。",
		// A space inside a number of letter-spaced text: the value is read
		// as written, never as 2.3 (found by the fuzzer).
		"城  乡  社  区  支  出  82.5亿  元  ，增  长  2 .3%；五年来。",
	} {
		f.Add(s, false)
		f.Add(s, true)
	}
	f.Fuzz(func(t *testing.T, text string, targets bool) {
		if !utf8.ValidString(text) {
			// Text reaches the extractor only as UTF-8: import decodes
			// it, and content.Load refuses a file that is not.
			t.Skip()
		}
		for _, ind := range extract.Extract(text, extract.Options{ResultYear: 2020, TargetYear: 2021, Targets: targets, Budget: !targets, Stage: "执行"}) {
			if !strings.Contains(text, ind.Sentence) {
				t.Fatalf("sentence %q is not in the text", ind.Sentence)
			}
			if err := indicator.Verify(ind, text); err != nil {
				t.Fatal(err)
			}
		}
	})
}
