package lex

import (
	"errors"
	"strings"
	"testing"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/simplifiedchinese"
	xunicode "golang.org/x/text/encoding/unicode"
)

func encode(t *testing.T, e encoding.Encoding, s string) []byte {
	t.Helper()
	b, err := e.NewEncoder().Bytes([]byte(s))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestDecode(t *testing.T) {
	const text = "各位代表：\n一、2020年工作回顾\n增长4.9%，“六稳”“六保”。\n"
	tests := []struct {
		name string
		src  []byte
		enc  string
	}{
		{"utf-8", []byte(text), encUTF8},
		{"utf-8 with bom", append([]byte("\uFEFF"), text...), encUTF8BOM},
		{"gbk", encode(t, simplifiedchinese.GBK, text), encGB18030},
		{"gb18030", encode(t, simplifiedchinese.GB18030, text), encGB18030},
		{"gb18030 with bom", append([]byte("\x84\x31\x95\x33"), encode(t, simplifiedchinese.GB18030, text)...), encGB18030},
		{"utf-16le", encode(t, xunicode.UTF16(xunicode.LittleEndian, xunicode.UseBOM), text), encUTF16LE},
		{"utf-16be", encode(t, xunicode.UTF16(xunicode.BigEndian, xunicode.UseBOM), text), encUTF16BE},
	}
	for _, tt := range tests {
		got, enc, err := DecodeEncoding(tt.src)
		if err != nil || got != text || enc != tt.enc {
			t.Errorf("%s: decode = %q, %q, %v; want the text, %q", tt.name, got, enc, err, tt.enc)
		}
	}
}

func TestDecodeDamage(t *testing.T) {
	// A UTF-8 file with one broken byte stays UTF-8: the byte becomes U+FFFD,
	// which proofreading reports, and the rest is not garbled as GB18030.
	src := []byte(strings.Repeat("全区经济运行平稳。", 50) + "\xff" + "增长。")
	got, enc, err := DecodeEncoding(src)
	if err != nil || enc != encUTF8 || !strings.Contains(got, "平稳。\uFFFD增长") {
		t.Errorf("decode = %q, %v; want UTF-8 with one U+FFFD", enc, err)
	}
	for _, bad := range []struct {
		name string
		src  string
		err  error
	}{
		{"empty", "", ErrEmpty},
		{"white space", " \n\t\u3000\r\n", ErrEmpty},
		{"bom only", "\uFEFF", ErrEmpty},
		{"nul bytes", "text\x00more", ErrBinary},
		{"controls", strings.Repeat("\x01\x02\x03a", 100), ErrBinary},
		{"random high bytes", strings.Repeat("\x80\xff\xfe\x81", 100), ErrBinary},
	} {
		if _, err := Decode([]byte(bad.src)); !errors.Is(err, bad.err) {
			t.Errorf("%s: Decode error = %v, want %v", bad.name, err, bad.err)
		}
	}
}

func TestSplitLines(t *testing.T) {
	ls := SplitLines("a\r\n\u3000\u3000b \r c\fd\u00a0e\u200b\n\t f")
	type pos struct {
		Text     string
		Num, Col int
		Indent   int
		Page     bool
	}
	want := []pos{{"a", 1, 1, 0, false}, {"b", 2, 3, 4, false}, {"c", 3, 2, 1, false}, {"d e", 3, 4, 0, true}, {"f", 4, 3, 5, false}}
	if len(ls) != len(want) {
		t.Fatalf("got %d lines %+v, want %d", len(ls), ls, len(want))
	}
	for i, w := range want {
		if got := pos(ls[i]); got != w {
			t.Errorf("line %d: got %+v, want %+v", i, got, w)
		}
	}
}
