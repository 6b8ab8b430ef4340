package naming

import (
	"strings"
	"testing"
)

// TestRead checks how the text before a figure is read: the name without
// scope words, years and adverbs, the verb as printed, the base, the bound
// and the per-unit base.
func TestRead(t *testing.T) {
	for _, tc := range []struct{ before, want string }{
		{"全区地区生产总值同比增长", "地区生产总值 change up 同比增长 - - -"},
		{"全市一般公共预算支出", "一般公共预算支出 level - - - - -"},
		{"空气优良天数比十二五末增加", "空气优良天数 change up 增加 比十二五末 - -"},
		{"农民人均纯收入稳定超过", "农民人均纯收入 level - 超过 - 超过 -"},
		{"城乡低保标准由每人每月", "城乡低保标准 level - - - - /人·月"},
		{"限额增加后全市政府债务限额为", "政府债务限额 level - 为 - - -"},
		{"压减“三公”经费", "三公经费 change down 压减 - - -"},
		{"市级安排扶贫专项资金", "市级扶贫专项资金 level - - - - -"},
		{"分别达到", " level - 达到 - - -"},
	} {
		p := Read(tc.before)
		got := strings.Join([]string{p.Name, p.Kind, or(p.Dir), or(p.Verb), or(p.Base), or(p.PreBound), or(p.PerUnit)}, " ")
		if got != tc.want {
			t.Errorf("Read(%q) = %q, want %q", tc.before, got, tc.want)
		}
	}
}

func or(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

// TestSplit checks the names before 分别: split at 、 and 和, each completed
// with the tail it shares with the last.
func TestSplit(t *testing.T) {
	for _, tc := range []struct {
		s    string
		n    int
		want string
	}{
		{"城镇居民和农村居民人均可支配收入", 2, "城镇居民人均可支配收入|农村居民人均可支配收入"},
		{"一二三产增加值", 3, "一产增加值|二产增加值|三产增加值"},
		{"COD、氨氮浓度", 2, "COD浓度|氨氮浓度"},
		{"城镇居民", 2, ""},
	} {
		if g := strings.Join(Split(tc.s, tc.n), "|"); g != tc.want {
			t.Errorf("Split(%q, %d) = %q, want %q", tc.s, tc.n, g, tc.want)
		}
	}
}
