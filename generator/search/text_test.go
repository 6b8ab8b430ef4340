package search

import (
	"testing"
)

func TestFold(t *testing.T) {
	for in, want := range map[string]string{
		"GDP增长４．９％": "gdp增长4.9%",
		"“十四五”规划":   "“十四五”规划",
		"Ｈｅｌｌｏ，世界":  "hello,世界",
		"":          "",
	} {
		if got := fold(in); got != want {
			t.Errorf("fold(%q) = %q, want %q", in, got, want)
		}
	}
}
