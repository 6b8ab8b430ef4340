package lex

import (
	"bytes"
	"errors"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/simplifiedchinese"
	xunicode "golang.org/x/text/encoding/unicode"
)

// Errors for input that is not a report at all. Import wraps them in a
// *content.Error naming the file.
var (
	ErrEmpty  = errors.New("empty file: there is no text to import")
	ErrBinary = errors.New("binary file: not text in UTF-8, UTF-16 or GB18030 (GBK)")
)

// Encoding names, as Result.Encoding reports them.
const (
	encUTF8    = "UTF-8"
	encUTF8BOM = "UTF-8 with BOM"
	encUTF16LE = "UTF-16LE"
	encUTF16BE = "UTF-16BE"
	encGB18030 = "GB18030"
)

// Decode returns src as UTF-8 text. It reads UTF-8 with or without a byte
// order mark, UTF-16 with a byte order mark, and GB18030 (a superset of GBK
// and GB2312), which it detects as text that is not valid UTF-8. It returns
// ErrEmpty for a file with no text, and ErrBinary for a file that is none of
// these. Bytes that cannot be decoded become U+FFFD, which the proofreading
// checks report. Line endings and spaces are left as they are.
func Decode(src []byte) (string, error) {
	s, _, err := DecodeEncoding(src)
	return s, err
}

// DecodeEncoding is Decode, and names the encoding it read: "UTF-8",
// "GB18030", …
func DecodeEncoding(src []byte) (text, enc string, err error) {
	switch {
	case bytes.HasPrefix(src, []byte("\xef\xbb\xbf")):
		src, enc = src[3:], encUTF8BOM
	case bytes.HasPrefix(src, []byte("\xff\xfe")):
		text, err = decodeWith(xunicode.UTF16(xunicode.LittleEndian, xunicode.IgnoreBOM), src[2:])
		enc = encUTF16LE
	case bytes.HasPrefix(src, []byte("\xfe\xff")):
		text, err = decodeWith(xunicode.UTF16(xunicode.BigEndian, xunicode.IgnoreBOM), src[2:])
		enc = encUTF16BE
	case bytes.HasPrefix(src, []byte("\x84\x31\x95\x33")):
		text, err = decodeWith(simplifiedchinese.GB18030, src[4:])
		enc = encGB18030
	}
	if err != nil {
		return "", enc, ErrBinary
	}
	if enc == "" || enc == encUTF8BOM {
		if bytes.IndexByte(src, 0) >= 0 {
			return "", "", ErrBinary
		}
		switch {
		case utf8.Valid(src):
			text = string(src)
			if enc == "" {
				enc = encUTF8
			}
		case mostlyUTF8(src):
			// A few broken sequences in UTF-8 text (a truncated copy): GB18030
			// would garble every other character, so keep UTF-8.
			text = strings.ToValidUTF8(string(src), "\uFFFD")
			if enc == "" {
				enc = encUTF8
			}
		default:
			text, err = decodeWith(simplifiedchinese.GB18030, src)
			if err != nil {
				return "", "", ErrBinary
			}
			enc = encGB18030
		}
	}
	if strings.TrimFunc(text, func(r rune) bool { return IsSpace(r) || r == '\uFEFF' }) == "" {
		return "", enc, ErrEmpty
	}
	if !looksLikeText(text) {
		return "", enc, ErrBinary
	}
	return text, enc, nil
}

func decodeWith(e encoding.Encoding, src []byte) (string, error) {
	b, err := e.NewDecoder().Bytes(src)
	if err != nil {
		return "", err
	}
	return string(b), nil
}

// mostlyUTF8 reports whether at most one in a hundred of the multi-byte
// sequences of src is invalid UTF-8.
func mostlyUTF8(src []byte) bool {
	var good, bad int
	for len(src) > 0 {
		if src[0] < utf8.RuneSelf {
			src = src[1:]
			continue
		}
		r, n := utf8.DecodeRune(src)
		if r == utf8.RuneError && n == 1 {
			bad++
		} else {
			good++
		}
		src = src[n:]
	}
	return bad*100 <= good
}

// looksLikeText reports whether s has few control characters and few
// replacement characters: at most one in twenty runes.
func looksLikeText(s string) bool {
	var n, odd int
	for _, r := range s {
		n++
		switch {
		case r == '\n' || r == '\r' || r == '\t' || r == '\f' || r == '\v':
		case r == utf8.RuneError || r == 0 || unicode.IsControl(r):
			odd++
		}
	}
	return odd*20 <= n
}
