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
	for _, s := range []string{"<title", "三次产业比例 4.1:43.1:52.8", "第一产业 4.1", "第二产业 43.1", "第三产业 52.8"} {
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
	for _, s := range []string{"实际下降7.1%", "目标增长7%以上", "目标增长不低于全市平均水平", "实际增长13%", "2021年目标", "2020年实际"} {
		if !bytes.Contains(svg, []byte(s)) {
			t.Errorf("chart lacks %q", s)
		}
	}
	if bytes.Contains(svg, []byte("城镇登记失业率")) || bytes.Contains(svg, []byte("智能车间")) {
		t.Error("a level or a count is drawn as a growth rate")
	}
	golden(t, "plan-vs-result.svg", svg)

	if PlanVsResultSVG(nil) != nil {
		t.Error("no pairs give a chart")
	}
}
