package dialect

import (
	"strings"
	"testing"
)

func TestSlug(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"一、2020年国民经济和社会发展计划执行情况", "一2020年国民经济和社会发展计划执行情况"},
		{"（一）坚持稳中求进工作总基调，统筹疫情防控和经济社会发展", "一坚持稳中求进工作总基调统筹疫情防控和经济社会发展"},
		{"“六稳”“六保”：扎实推进", "六稳六保扎实推进"},
		{"Ｇｄｐ　２０２０", "gdp-2020"},
		{"Hello,  World -- Again", "hello-world-again"},
		{"  前后 空格  ", "前后-空格"},
		{"snake_case", "snake_case"},
		{"！！！", "section"},
		{"", "section"},
		{strings.Repeat("长", 40), strings.Repeat("长", 32)},
		{strings.Repeat("长", 31) + " 尾", strings.Repeat("长", 31)},
		{strings.Repeat("长", 30) + " 尾巴", strings.Repeat("长", 30) + "-尾"},
	} {
		if got := string(appendSlug(nil, []byte(tc.in))); got != tc.want {
			t.Errorf("appendSlug(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestIDsUnique(t *testing.T) {
	s := &IDs{Prefix: "p1-"}
	s.Put([]byte("p1-目标-2"))
	var got []string
	for _, v := range []string{"目标", "目标", "目标-1", "目标", "目标", "！"} {
		got = append(got, string(s.Generate([]byte(v), 0)))
	}
	want := "p1-目标 p1-目标-1 p1-目标-1-1 p1-目标-3 p1-目标-4 p1-section"
	if strings.Join(got, " ") != want {
		t.Errorf("got  %s\nwant %s", strings.Join(got, " "), want)
	}
}
