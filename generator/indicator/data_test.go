package indicator

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"strings"
	"testing"

	"reportsite/generator/content"
	"reportsite/generator/indicator/figure"
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
	if !strings.Contains(recs[3][15], "“引号”与<符号>&") {
		t.Errorf("sentence not kept: %q", recs[3][15])
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

// JSON writes what encoding/json writes for the same objects (the way JSON
// was written before): on the seed report's indicators and on strings that
// need escaping, numbers at the edges of plain notation, and no rows.
func TestJSONMatchesEncodingJSON(t *testing.T) {
	type jsonRow struct {
		Page      string   `json:"page"`
		URL       string   `json:"url"`
		Anchor    string   `json:"anchor"`
		Name      string   `json:"name"`
		Value     string   `json:"value"`
		Number    *float64 `json:"number"`
		Unit      string   `json:"unit"`
		Kind      string   `json:"kind"`
		Direction string   `json:"direction"`
		Bound     string   `json:"bound"`
		Period    string   `json:"period"`
		Verb      string   `json:"verb"`
		Base      string   `json:"base"`
		Stage     string   `json:"stage"`
		Headline  bool     `json:"headline"`
		Sentence  string   `json:"sentence"`
	}
	reference := func(rows []Row) []byte {
		out := make([]jsonRow, 0, len(rows))
		for _, r := range rows {
			ind := r.Indicator
			j := jsonRow{Page: r.Page, URL: r.URL(), Anchor: ind.Anchor, Name: ind.Name, Value: ind.Value,
				Unit: ind.Unit, Kind: ind.Kind, Direction: ind.Direction, Bound: ind.Bound,
				Period: ind.Period, Verb: ind.Verb, Base: ind.Base, Stage: ind.Stage, Headline: ind.Headline, Sentence: ind.Sentence}
			if n, ok := figure.ParseNumber(ind.Value); ok {
				j.Number = &n
			}
			out = append(out, j)
		}
		var b bytes.Buffer
		enc := json.NewEncoder(&b)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		if err := enc.Encode(out); err != nil {
			t.Fatal(err)
		}
		return b.Bytes()
	}

	var rows []Row
	one, two := seedParts(t)
	for _, ind := range append(Extract(one, Options{ResultYear: 2020, TargetYear: 2021}),
		Extract(two, Options{ResultYear: 2020, TargetYear: 2021, Targets: true})...) {
		rows = append(rows, Row{Page: "https://example.gov.cn/r/01/01.html", Indicator: ind})
	}
	if len(rows) < 100 {
		t.Fatalf("%d indicators from the seed", len(rows))
	}
	odd := []string{"", "引号\"与\\反斜杠", "换行\n回车\r制表\t", "\b\f\x00\x01\x1f\x7f", "<p>&amp;</p>", "\u2028\u2029", "bad\xffutf8\xc3", "全角１２．５"}
	for i, s := range odd {
		rows = append(rows, Row{Page: s, Indicator: content.Indicator{Name: s, Value: s, Unit: s, Sentence: s, Anchor: s, Headline: i%2 == 0}})
	}
	for _, v := range []string{"0", "0.0000001", "0.000001", "123.450", "1000000000000000000000", "999999999999999999999", "１２．５", "4.1:43.1:52.8", "."} {
		rows = append(rows, Row{Indicator: content.Indicator{Name: "数", Value: v}})
	}
	for _, rs := range [][]Row{rows, rows[:1], nil, {}} {
		if got, want := JSON(rs), reference(rs); !bytes.Equal(got, want) {
			t.Errorf("%d rows:\n%s\nencoding/json:\n%s", len(rs), got, want)
		}
	}
}
