package frame

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"reportsite/generator/report/lex"
)

// The seed report as copied from the portal: the 信息公开 block, the page's
// own title and date line, its 字号/打印 buttons, the title block and the
// salutation. The head is read from it, the buttons are marked as page
// furniture, and the body starts at the first paragraph after 各位代表：.
func TestSeedHead(t *testing.T) {
	src, err := os.ReadFile(filepath.Join("..", "..", "..", "..", "shared", "seeds", "000_176c12c1479f83ea.txt"))
	if err != nil {
		t.Skip("no seed beside the repository:", err)
	}
	text, err := lex.Decode(src)
	if err != nil {
		t.Fatal(err)
	}
	lines := lex.SplitLines(text)
	drop := make([]string, len(lines))
	h := ParseHead("seed.txt", lines, drop)
	MarkFurniture(lines, h.End, drop)

	const title = "关于周村区2020年度国民经济和社会发展计划执行情况与2021年计划草案的报告"
	if h.Title != title {
		t.Errorf("Title = %q, want %q", h.Title, title)
	}
	r := h.Report
	for _, c := range []struct{ field, got, want string }{
		{"issued", r.Issued, "2021-03-12"},
		{"publisher", r.Publisher, "周村区发展和改革局"},
		{"speaker", r.Speaker, "区发展改革局局长  董建生"},
	} {
		if c.got != c.want {
			t.Errorf("%s = %q, want %q", c.field, c.got, c.want)
		}
	}
	if !strings.HasPrefix(r.Meeting, "——") || !strings.HasSuffix(r.Meeting, "会议上") {
		t.Errorf("meeting = %q, want the line from —— to 会议上", r.Meeting)
	}
	first := h.End
	for first < len(lines) && strings.TrimSpace(lines[first].Text) == "" {
		first++
	}
	if first >= len(lines) || !strings.HasPrefix(lines[first].Text, "受区人民政府委托") {
		t.Errorf("body starts at line %d %q, want the paragraph after 各位代表：", first, lines[min(first, len(lines)-1)].Text)
	}
	var furniture []string
	for i := range h.End {
		if drop[i] != "" && strings.Contains(lines[i].Text, "打印") {
			furniture = append(furniture, drop[i])
		}
	}
	if len(furniture) == 0 {
		t.Errorf("the page's 打印 button is not marked as furniture; marks: %q", drop[:h.End])
	}
}
