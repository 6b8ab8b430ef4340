package indicator

import (
	"bytes"
	"encoding/xml"
	"flag"
	"io"
	"os"
	"strings"
	"testing"

	"reportsite/generator/content"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// golden compares got with testdata/name, or writes it there with -update.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := "testdata/" + name
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to write it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the output; review it and run go test -update:\ngot:\n%s", path, got)
	}
}

// checkSVG checks what every chart promises: well-formed XML, role="img"
// labelled by a <title> and a <desc> that exist, no style attribute or
// element, no script, and a viewBox 320 wide.
func checkSVG(t *testing.T, svg []byte) {
	t.Helper()
	ids := map[string]string{}
	var root xml.StartElement
	d := xml.NewDecoder(bytes.NewReader(svg))
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("not well-formed: %v", err)
		}
		se, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		if root.Name.Local == "" {
			root = se
		}
		switch se.Name.Local {
		case "style", "script", "foreignObject":
			t.Errorf("element <%s> is not allowed", se.Name.Local)
		}
		for _, a := range se.Attr {
			if a.Name.Local == "style" || strings.HasPrefix(a.Name.Local, "on") {
				t.Errorf("<%s> has attribute %s", se.Name.Local, a.Name.Local)
			}
			if a.Name.Local == "id" {
				ids[a.Value] = se.Name.Local
			}
		}
	}
	attr := func(name string) string {
		for _, a := range root.Attr {
			if a.Name.Local == name {
				return a.Value
			}
		}
		return ""
	}
	if root.Name.Local != "svg" || attr("role") != "img" {
		t.Errorf("root is <%s role=%q>, want <svg role=\"img\">", root.Name.Local, attr("role"))
	}
	if !strings.HasPrefix(attr("viewBox"), "0 0 320 ") || attr("width") != "" || attr("height") != "" {
		t.Errorf("viewBox %q width %q height %q: want a viewBox 320 wide and no fixed size", attr("viewBox"), attr("width"), attr("height"))
	}
	labels := strings.Fields(attr("aria-labelledby"))
	if len(labels) != 2 || ids[labels[0]] != "title" || ids[labels[1]] != "desc" {
		t.Errorf("aria-labelledby %q must name the chart's <title> and <desc>", attr("aria-labelledby"))
	}
}

func TestStructureSVG(t *testing.T) {
	one, _ := seedParts(t)
	var ratio content.Indicator
	for _, ind := range Extract(one, Options{ResultYear: 2020}) {
		if ind.Kind == "ratio" {
			ratio = ind
		}
	}
	svg := StructureSVG(ratio)
	checkSVG(t, svg)
	if !bytes.Equal(svg, StructureSVG(ratio)) {
		t.Error("two calls give different bytes")
	}
	for _, s := range []string{"<title", "三次产业比例 4.1:43.1:52.8", "第一产业 4.1%", "第二产业 43.1%", "第三产业 52.8%"} {
		if !bytes.Contains(svg, []byte(s)) {
			t.Errorf("chart lacks %q", s)
		}
	}
	golden(t, "structure.svg", svg)

	if StructureSVG(content.Indicator{Name: "地区生产总值", Value: "4.9", Kind: "change"}) != nil {
		t.Error("a figure that is not a ratio gives a chart")
	}
}

func TestPlanVsResultSVG(t *testing.T) {
	pairs := seedPairs(t)
	svg := PlanVsResultSVG(pairs)
	checkSVG(t, svg)
	if !bytes.Equal(svg, PlanVsResultSVG(pairs)) {
		t.Error("two calls give different bytes")
	}
	for _, s := range []string{"同比下降7.1%", "增长7%以上", "不低于全市平均水平", "同比增长13%", ">2021年目标<", ">2020年完成情况<", ">0%<", ">15%<"} {
		if !bytes.Contains(svg, []byte(s)) {
			t.Errorf("chart lacks %q", s)
		}
	}
	// The seed's targets are for 2021 and its results for 2020: they are
	// drawn in blocks of their own, never side by side as if one missed
	// the other.
	if bytes.Contains(svg, []byte("目标与完成")) || bytes.Contains(svg, []byte("实际")) {
		t.Error("a 2021 target is set against a 2020 result")
	}
	// A verb given by the text is used as written.
	withVerb := append([]Pair(nil), pairs...)
	withVerb[0].Result.Verb = "增长"
	if !bytes.Contains(PlanVsResultSVG(withVerb), []byte(">增长4.9%<")) {
		t.Error("the sentence's verb is not shown")
	}
	// Targets and results of one year are drawn together, under that year.
	sameYear := []Pair{{
		Target: content.Indicator{Name: "地区生产总值", Value: "6", Unit: "%", Kind: "target", Direction: "up", Bound: "左右", Period: "2020"},
		Result: content.Indicator{Name: "地区生产总值", Value: "4.9", Unit: "%", Kind: "change", Direction: "up", Period: "2020"},
	}}
	one := PlanVsResultSVG(sameYear)
	checkSVG(t, one)
	for _, s := range []string{">2020年目标与完成<", ">目标+6%左右<", ">完成+4.9%<"} {
		if !bytes.Contains(one, []byte(s)) {
			t.Errorf("same-year chart lacks %q:\n%s", s, one)
		}
	}
	// Every text is of one size, in currentColor.
	if n, m := bytes.Count(svg, []byte("<text ")), bytes.Count(svg, []byte(`font-size="14.5" fill="currentColor"`)); n == 0 || n != m {
		t.Errorf("%d of %d texts are 14.5 units in currentColor", m, n)
	}
	if bytes.Contains(svg, []byte("城镇登记失业率")) || bytes.Contains(svg, []byte("智能车间")) {
		t.Error("a level or a count is drawn as a growth rate")
	}
	golden(t, "plan-vs-result.svg", svg)

	if PlanVsResultSVG(nil) != nil {
		t.Error("no pairs give a chart")
	}
}
