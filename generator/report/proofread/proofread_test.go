package proofread

import (
	"strings"
	"testing"
)

func TestMergedDateSuggestion(t *testing.T) {
	for in, want := range map[string]string{
		"——2021312日在会议上": "2021年3月12日",
		"于2021112日召开":    "", // 1月12日 or 11月2日
		"于20211231日召开":   "2021年12月31日",
		"于20213月召开":      "2021年3月",
	} {
		ws := Body("a.md", []byte(in+"\n"), 1)
		if len(ws) != 1 || ws[0].Kind != KindMergedDate || ws[0].Suggest != want {
			t.Errorf("%s: %+v, want the suggestion %q", in, ws, want)
		}
		if want != "" && !strings.Contains(ws[0].String(), "→ "+want+"?") {
			t.Errorf("%s: %s does not show the suggestion", in, ws[0])
		}
	}
}
