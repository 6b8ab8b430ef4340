package indicator

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"strconv"

	"reportsite/generator/content"
)

// A Row is one indicator of the open data, with the page that states it.
type Row struct {
	// Page is the URL path of the page, e.g. "/2020-plan-report/01/01/".
	Page      string
	Indicator content.Indicator
}

// URL is the link to the indicator's sentence: Page, "#" and the anchor.
func (r Row) URL() string { return r.Page + "#" + r.Indicator.Anchor }

// fields are the columns of the open data, in order: the JSON key, then the
// CSV header (Chinese, a space, the JSON key).
var fields = []struct{ key, zh string }{
	{"page", "页面"},
	{"url", "链接"},
	{"anchor", "锚点"},
	{"name", "指标"},
	{"value", "数值（原文）"},
	{"number", "数值"},
	{"unit", "单位"},
	{"kind", "类型"},
	{"direction", "方向"},
	{"bound", "限定"},
	{"period", "年度"},
	{"headline", "主要指标"},
	{"sentence", "原文句子"},
}

// jsonRow is a Row as JSON: the keys of fields, in order. Number is null
// when the value is not a number (a ratio, a benchmark).
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
	Headline  bool     `json:"headline"`
	Sentence  string   `json:"sentence"`
}

// JSON returns rows as a JSON array of objects with the keys page, url,
// anchor, name, value, number, unit, kind, direction, bound, period,
// headline and sentence, in that order, indented by two spaces, with
// Chinese and <, >, & written as themselves. number is null when the value
// is not a number.
func JSON(rows []Row) []byte {
	out := make([]jsonRow, 0, len(rows))
	for _, r := range rows {
		ind := r.Indicator
		j := jsonRow{
			Page: r.Page, URL: r.URL(), Anchor: ind.Anchor, Name: ind.Name, Value: ind.Value,
			Unit: ind.Unit, Kind: ind.Kind, Direction: ind.Direction, Bound: ind.Bound,
			Period: ind.Period, Headline: ind.Headline, Sentence: ind.Sentence,
		}
		if n, ok := parseNumber(ind.Value); ok {
			j.Number = &n
		}
		out = append(out, j)
	}
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(out); err != nil {
		panic(err) // strings, bools and finite floats always encode
	}
	return b.Bytes()
}

// CSV returns rows as RFC 4180 CSV: UTF-8 with a byte order mark (so that
// Excel and WPS read it as UTF-8), CRLF line ends, and a header row whose
// cells are the Chinese column name, a space and the JSON key ("指标 name").
// number is empty when the value is not a number; headline is true or false.
func CSV(rows []Row) []byte {
	var b bytes.Buffer
	b.WriteString("\ufeff")
	w := csv.NewWriter(&b)
	w.UseCRLF = true
	header := make([]string, len(fields))
	for i, f := range fields {
		header[i] = f.zh + " " + f.key
	}
	_ = w.Write(header) // a bytes.Buffer never fails
	for _, r := range rows {
		ind := r.Indicator
		number := ""
		if n, ok := parseNumber(ind.Value); ok {
			number = strconv.FormatFloat(n, 'f', -1, 64)
		}
		_ = w.Write([]string{
			r.Page, r.URL(), inert(ind.Anchor), inert(ind.Name), inert(ind.Value), number, inert(ind.Unit), inert(ind.Kind),
			inert(ind.Direction), inert(ind.Bound), inert(ind.Period), strconv.FormatBool(ind.Headline), inert(ind.Sentence),
		})
	}
	w.Flush()
	return b.Bytes()
}

// inert keeps a text cell from being read as a formula by Excel or WPS: a
// cell that starts with =, +, -, @ or a control character gets a leading
// apostrophe (OWASP's advice for CSV injection). Numbers written as text,
// such as "-7.1", are left alone.
func inert(s string) string {
	if s == "" {
		return s
	}
	switch s[0] {
	case '=', '+', '-', '@', '\t', '\r':
		if _, err := strconv.ParseFloat(s, 64); err == nil {
			return s
		}
		return "'" + s
	}
	return s
}
