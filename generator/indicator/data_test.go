package indicator

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"strings"
	"testing"

	"reportsite/generator/content"
)

func testRows() []Row {
	const text = "全区地区生产总值同比增长4.9%,增幅居全市第2位;三次产业比例调整为4.1:43.1:52.8,“引号”与<符号>&。"
	var rows []Row
	for _, ind := range Extract(text, Options{ResultYear: 2020}) {
		rows = append(rows, Row{Page: "/2020-plan-report/01/01/", Indicator: ind})
	}
	return rows
}

func TestJSON(t *testing.T) {
	rows := testRows()
	b := JSON(rows)
	if !bytes.Equal(b, JSON(rows)) {
		t.Error("two calls give different bytes")
	}
	golden(t, "indicators.json", b)

	var back []map[string]any
	if err := json.Unmarshal(b, &back); err != nil {
		t.Fatal(err)
	}
	if len(back) != 3 || back[0]["number"] != 4.9 || back[2]["number"] != nil || back[0]["url"] != "/2020-plan-report/01/01/#"+rows[0].Indicator.Anchor {
		t.Errorf("decoded: %v", back)
	}
	// The keys come in the order of fields, which also heads the CSV.
	first := b[:bytes.IndexByte(b, '}')]
	at := -1
	for _, f := range fields {
		k := bytes.Index(first, []byte(`"`+f.key+`":`))
		if k <= at {
			t.Fatalf("key %q is missing or out of the order of fields:\n%s", f.key, first)
		}
		at = k
	}
	if !bytes.Contains(b, []byte("<符号>&")) {
		t.Error("JSON escapes <, > or &")
	}
}

func TestCSV(t *testing.T) {
	rows := testRows()
	b := CSV(rows)
	if !bytes.Equal(b, CSV(rows)) {
		t.Error("two calls give different bytes")
	}
	golden(t, "indicators.csv", b)

	if !bytes.HasPrefix(b, []byte("\xef\xbb\xbf")) {
		t.Error("no UTF-8 byte order mark")
	}
	if bytes.Count(b, []byte("\r\n")) != 4 || bytes.Count(b, []byte("\n")) != 4 {
		t.Errorf("want 4 lines each ended by CRLF:\n%q", b)
	}
	recs, err := csv.NewReader(bytes.NewReader(b[3:])).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(recs[0][:4], ","); got != "页面 page,链接 url,锚点 anchor,指标 name" {
		t.Errorf("header starts %q", got)
	}
	if recs[1][4] != "4.9" || recs[1][5] != "4.9" || recs[3][5] != "" || recs[3][4] != "4.1:43.1:52.8" {
		t.Errorf("rows: %q", recs[1:])
	}
	if !strings.Contains(recs[3][12], "“引号”与<符号>&") {
		t.Errorf("sentence not kept: %q", recs[3][12])
	}

	if got := CSV(nil); !bytes.Equal(got, append([]byte("\ufeff"), []byte(strings.Join(recs[0], ",")+"\r\n")...)) {
		t.Errorf("no rows: %q", got)
	}
}

func TestCSVFormulaInert(t *testing.T) {
	rows := []Row{{Page: "p.html", Indicator: content.Indicator{Name: "=HYPERLINK(\"http://x\")", Value: "-7.1", Sentence: "@SUM(1)"}}}
	got := string(CSV(rows))
	for _, want := range []string{`"'=HYPERLINK(""http://x"")"`, ",-7.1,", ",'@SUM(1)"} {
		if !strings.Contains(got, want) {
			t.Errorf("missing %s in\n%s", want, got)
		}
	}
}
