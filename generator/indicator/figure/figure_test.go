package figure

import (
	"fmt"
	"strings"
	"testing"
)

// TestScan checks the figures of clauses the package doc names: units with
// multipliers and spaces, bounds, ranks, ratios, and numbers that are no
// figures.
func TestScan(t *testing.T) {
	for _, tc := range []struct{ clause, want string }{
		{"全区地区生产总值同比增长4.9%", "4.9 % - -"},
		{"城  乡  社  区  支  出  82.5亿  元", "82.5 亿元 - -"},
		{"余额1，245，053万元", "1，245，053 万元 - -"},
		{"接待11500余人次", "11500 人次 余 -"},
		{"稳定在100%以上", "100 % 以上 -"},
		{"标准提高到5000元/人", "5000 元/人 - -"},
		{"增幅居全市第2位", "2 位 - rank"},
		{"居全省首位", "首 位 - rank"},
		{"增速全省第一", "一 位 - rank"},
		{"三次产业比例调整为4.1:43.1:52.8", "4.1:43.1:52.8 - - ratio"},
		{"带动3.78万农牧民就业增收", "3.78 万 - -"},
		{"PM10浓度下降3GW", ""},
		{"“3个100万”工程", ""},
		{"培育3A级景区", ""},
		{"10:26召开，第二批", ""},
		{"2020年1月", ""},
	} {
		var got []string
		for _, f := range Scan(tc.clause) {
			if f.Value != tc.clause[f.Start:f.End][:len(f.Value)] && f.Kind != "rank" {
				t.Errorf("%q: value %q is not where its span starts", tc.clause, f.Value)
			}
			got = append(got, strings.Join([]string{f.Value, or(f.Unit), or(f.Bound), or(f.Kind)}, " "))
		}
		if g := strings.Join(got, "; "); g != tc.want {
			t.Errorf("Scan(%q) = %q, want %q", tc.clause, g, tc.want)
		}
	}
}

func or(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

func TestParseNumber(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want string
	}{{"4.9", "4.9 true"}, {"５．２", "5.2 true"}, {"4.1:43.1", "0 false"}, {"全市平均水平", "0 false"}, {"", "0 false"}} {
		n, ok := ParseNumber(tc.in)
		if g := fmt.Sprint(n, " ", ok); g != tc.want {
			t.Errorf("ParseNumber(%q) = %s, want %s", tc.in, g, tc.want)
		}
	}
}
