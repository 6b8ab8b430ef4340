package report

import (
	"strings"
	"testing"
)

// TestDroppedSummary checks the one-line account of dropped lines of a PDF
// text with a web page's footer: ranges of furniture by reason, page numbers
// and running headers counted; and the metadata an editor must fill.
func TestDroppedSummary(t *testing.T) {
	src := "某某市人民政府文件\n关于2020年国民经济和社会发展计划执行情况的报告\n各位代表：\n一、执行情况\n" +
		strings.Repeat("经济平稳运行，各项指标完成较好，全年目标顺利实现，发展质量稳步提升，\n", 20) +
		"- 1 -\n\f某某市人民政府文件\n" + strings.Repeat("经济平稳运行，各项指标完成较好，全年目标顺利实现，发展质量稳步提升。\n", 20) +
		"- 2 -\n\f某某市人民政府文件\n最后一段。\n打印本页\n关闭窗口\n版权所有：某某市人民政府\n"
	res, err := Import("x.txt", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	got := res.DroppedSummary()
	want := "lines 1 (page header), 50–52 (site footer); 2 page numbers; 2 running headers or footers"
	if got != want {
		t.Errorf("DroppedSummary() = %q, want %q\ndropped: %v", got, want, res.DroppedRanges)
	}
	if strings.Join(res.Missing, " ") != "report.issued report.publisher report.index_no" {
		t.Errorf("Missing = %v", res.Missing)
	}
}

// TestTailRepeat checks the end of a web page that repeats the title and
// the opening paragraph after its footer: the footer and the copies are
// dropped, and the text ends with its last paragraph.
func TestTailRepeat(t *testing.T) {
	src := "2026年某某省人民政府工作报告\n各位代表：\n现在，我代表省人民政府，向大会报告工作，请予审议。\n" +
		"一、过去一年工作回顾\n全省经济运行稳中有进。\n各位代表！让我们团结奋斗，再创佳绩！\n" +
		"责任编辑：\n张三\n相关链接>>\n2026年某某省人民政府工作报告\n现在，我代表省人民政府，向大会报告工作，请予审议。\n"
	res, err := Import("x.txt", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	_, paras := readingOrder(res.Pages)
	if last := paras[len(paras)-1]; last != "各位代表！让我们团结奋斗，再创佳绩！" {
		t.Errorf("last paragraph %q", last)
	}
	if got, want := res.DroppedSummary(), "lines 7–11 (site footer)"; got != want {
		t.Errorf("DroppedSummary() = %q, want %q", got, want)
	}
}
