package markdown

import (
	"bytes"
	"os"
	"regexp"
	"testing"
	"unicode/utf8"
)

// seed is a real report, as plain text, shared by the team's tools.
const seed = "/work/shared/seeds/000_176c12c1479f83ea.txt"

var (
	chapter = regexp.MustCompile(`^[一二三四五六七八九十]+、`)
	section = regexp.MustCompile(`^（[一二三四五六七八九十]+）`)
)

// reportMarkdown turns the seed's plain text into the Markdown the
// importer writes: numbered titles as headings, each other line a
// paragraph, wrapped at 60 characters so soft line breaks are exercised.
func reportMarkdown(text []byte) []byte {
	var b bytes.Buffer
	for _, line := range bytes.Split(text, []byte("\n")) {
		line = bytes.TrimSpace(line)
		switch {
		case len(line) == 0:
			continue
		case chapter.Match(line):
			b.WriteString("## ")
			b.Write(line)
		case section.Match(line):
			b.WriteString("### ")
			b.Write(line)
		default:
			for n := 0; len(line) > 0; n++ {
				if n == 60 {
					b.WriteByte('\n')
					n = 0
				}
				_, size := utf8.DecodeRune(line)
				b.Write(line[:size])
				line = line[size:]
			}
		}
		b.WriteString("\n\n")
	}
	return b.Bytes()
}

func BenchmarkConvert(b *testing.B) {
	text, err := os.ReadFile(seed)
	if err != nil {
		b.Skipf("no seed report: %v", err)
	}
	src := reportMarkdown(text)
	c := New()
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := c.Convert(src, Options{IDPrefix: "p1-"}); err != nil {
			b.Fatal(err)
		}
	}
}
