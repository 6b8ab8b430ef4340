package indicator

import (
	"bytes"
	"encoding/csv"
	"math"
	"strconv"
	"unicode/utf8"

	"reportsite/generator/content"
	"reportsite/generator/indicator/figure"
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
	{"verb", "动词"},
	{"base", "比较基准"},
	{"stage", "预算阶段"},
	{"headline", "主要指标"},
	{"sentence", "原文句子"},
}

// JSON returns rows as a JSON array of objects with the keys page, url,
// anchor, name, value, number, unit, kind, direction, bound, period, verb,
// base, stage, headline and sentence, in that order, indented by two spaces, with
// Chinese and <, >, & written as themselves. number is null when the value
// is not a number.
//
// It writes the bytes that encoding/json's Encoder (SetEscapeHTML(false),
// SetIndent("", "  ")) writes for the same objects, which a test checks, in
// a sixth of the time: every build writes the open data of every report.
func JSON(rows []Row) []byte {
	if len(rows) == 0 {
		return []byte("[]\n")
	}
	b := make([]byte, 0, 700*len(rows))
	b = append(b, "[\n"...)
	for i, r := range rows {
		ind := r.Indicator
		if i > 0 {
			b = append(b, ",\n"...)
		}
		b = append(b, "  {"...)
		str := func(key, v string) {
			b = append(b, "\n    \""...)
			b = append(b, key...)
			b = append(b, "\": "...)
			b = appendJSONString(b, v)
			b = append(b, ',')
		}
		str("page", r.Page)
		str("url", r.URL())
		str("anchor", ind.Anchor)
		str("name", ind.Name)
		str("value", ind.Value)
		b = append(b, "\n    \"number\": "...)
		if n, ok := figure.ParseNumber(ind.Value); ok {
			b = appendJSONFloat(b, n)
		} else {
			b = append(b, "null"...)
		}
		b = append(b, ',')
		str("unit", ind.Unit)
		str("kind", ind.Kind)
		str("direction", ind.Direction)
		str("bound", ind.Bound)
		str("period", ind.Period)
		str("verb", ind.Verb)
		str("base", ind.Base)
		str("stage", ind.Stage)
		b = append(b, "\n    \"headline\": "...)
		b = strconv.AppendBool(b, ind.Headline)
		b = append(b, ',')
		str("sentence", ind.Sentence)
		b = b[:len(b)-1] // the last comma
		b = append(b, "\n  }"...)
	}
	return append(b, "\n]\n"...)
}

// appendJSONString appends s as a JSON string, escaped as encoding/json
// escapes it when it does not escape HTML: quotes, backslashes and control
// characters, U+2028 and U+2029, and invalid UTF-8 as U+FFFD.
func appendJSONString(b []byte, s string) []byte {
	const hex = "0123456789abcdef"
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' {
				i++
				continue
			}
			b = append(b, s[start:i]...)
			switch c {
			case '"', '\\':
				b = append(b, '\\', c)
			case '\b':
				b = append(b, '\\', 'b')
			case '\f':
				b = append(b, '\\', 'f')
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			default:
				b = append(b, '\\', 'u', '0', '0', hex[c>>4], hex[c&0xF])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
			i += size
			start = i
			continue
		}
		if r == '\u2028' || r == '\u2029' {
			b = append(b, s[start:i]...)
			b = append(b, '\\', 'u', '2', '0', '2', hex[r&0xF])
			i += size
			start = i
			continue
		}
		i += size
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}

// appendJSONFloat appends f as encoding/json writes a float64.
func appendJSONFloat(b []byte, f float64) []byte {
	format := byte('f')
	if abs := math.Abs(f); abs != 0 && (abs < 1e-6 || abs >= 1e21) {
		format = 'e'
	}
	b = strconv.AppendFloat(b, f, format, -1, 64)
	if format == 'e' {
		// clean up e-09 to e-9
		if n := len(b); n >= 4 && b[n-4] == 'e' && b[n-3] == '-' && b[n-2] == '0' {
			b[n-2] = b[n-1]
			b = b[:n-1]
		}
	}
	return b
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
		if n, ok := figure.ParseNumber(ind.Value); ok {
			number = strconv.FormatFloat(n, 'f', -1, 64)
		}
		_ = w.Write([]string{
			r.Page, r.URL(), inert(ind.Anchor), inert(ind.Name), inert(ind.Value), number, inert(ind.Unit), inert(ind.Kind),
			inert(ind.Direction), inert(ind.Bound), inert(ind.Period), inert(ind.Verb), inert(ind.Base), inert(ind.Stage),
			strconv.FormatBool(ind.Headline), inert(ind.Sentence),
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
