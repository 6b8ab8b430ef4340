package fix

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"reportsite/generator/report/lex"
)

// Change is one correction made to a content file: at Line:Col of the
// file before the change (1-based; Col counts characters), Old became New.
// Reason is empty for Fix's mechanical corrections and holds the recorded
// reason for a Correction.
type Change struct {
	Path      string
	Line, Col int
	Old, New  string
	Reason    string
}

// String formats c as "path:line:col: old → new", with the reason, if any.
func (c Change) String() string {
	nl := strings.NewReplacer("\n", `\n`)
	s := fmt.Sprintf("%s:%d:%d: %s → %s", c.Path, c.Line, c.Col, nl.Replace(c.Old), nl.Replace(c.New))
	if c.Reason != "" {
		s += " (" + c.Reason + ")"
	}
	return s
}

// Fix applies to the content file src, named path in the changes, the corrections of punctuation that
// cannot change the meaning of the text (GB/T 15834: Chinese text takes
// full-width marks), and returns the new file and the changes, in order:
//
//   - a half-width , ; : ! ? next to a Chinese character or a full-width
//     mark becomes ， ； ： ！ ？ (never one between two ASCII letters or
//     digits: 1,000 and 4.1:43.1 stay);
//   - a pair of half-width brackets ( ) that holds Chinese text at either
//     end, or stands next to Chinese text (but not right after a Latin
//     letter or digit, as in f(x)), becomes （ ）; a bracket without its
//     partner is ambiguous and stays;
//   - half-width double quotes, when a paragraph holds them in pairs and
//     every pair stands in Chinese text, become “ and ”.
//
// Every change replaces one character by one character, and no other
// character moves: the text with its punctuation removed is the same
// before and after. Fix is idempotent: it applies the rules until none
// applies. It reads the Markdown body paragraph by paragraph, leaving
// code (fenced blocks and `spans`) and the brackets of links and images
// alone, and the front matter's one-line strings; a front matter string
// that repeats text of the body (an indicator's sentence) is fixed as the
// body is, so that it still appears in the page. A file that is not UTF-8
// is returned as it is.
func Fix(path string, src []byte) ([]byte, []Change) {
	if !utf8.Valid(src) {
		return src, nil // not a content file: the build says where
	}
	lines := strings.Split(string(src), "\n")
	fmEnd := 0 // index of the line after the front matter's closing +++
	if len(lines) > 0 && strings.TrimRight(strings.TrimPrefix(lines[0], "\uFEFF"), "\r \t") == "+++" {
		for i := 1; i < len(lines); i++ {
			if strings.TrimSpace(lines[i]) == "+++" {
				fmEnd = i + 1
				break
			}
		}
	}
	var changes []Change
	// The body, line by line; its text, joined, is what front matter
	// strings are looked up in.
	var orig, fixed []rune
	fence := ""
	for i := fmEnd; i < len(lines); i++ {
		l := strings.TrimSuffix(lines[i], "\r")
		t := strings.TrimSpace(l)
		if fence != "" {
			if strings.HasPrefix(t, fence) {
				fence = ""
			}
			continue
		}
		if strings.HasPrefix(t, "```") || strings.HasPrefix(t, "~~~") {
			fence = t[:3]
			continue
		}
		r := []rune(l)
		f := fixRunes(r, codeMask(r))
		orig = append(append(orig, r...), '\n')
		fixed = append(append(fixed, f...), '\n')
		if c := diff(r, f, i+1); len(c) > 0 {
			changes = append(changes, c...)
			lines[i] = string(f) + lines[i][len(l):]
		}
	}
	origBody := string(orig)
	var fm []Change
	multi := false // inside a multi-line string, which is left as is
	for i := 1; i < fmEnd-1; i++ {
		if n := strings.Count(lines[i], `"""`) + strings.Count(lines[i], "'''"); n%2 == 1 {
			multi = !multi
			continue
		}
		if multi {
			continue
		}
		l, c := fixTOMLLine(lines[i], i+1, origBody, fixed)
		lines[i] = l
		fm = append(fm, c...)
	}
	changes = append(fm, changes...)
	if len(changes) == 0 {
		return src, nil
	}
	for i := range changes {
		changes[i].Path = path
	}
	return []byte(strings.Join(lines, "\n")), changes
}

// fixTOMLLine fixes the one-line basic strings of a front matter line.
// A string that occurs in the body is given the body's fixed text.
func fixTOMLLine(l string, num int, origBody string, fixedBody []rune) (string, []Change) {
	eq := strings.IndexByte(l, '=')
	if eq < 0 || strings.HasPrefix(strings.TrimSpace(l), "[") || strings.HasPrefix(strings.TrimSpace(l), "#") {
		return l, nil
	}
	var b strings.Builder
	b.WriteString(l[:eq+1])
	var changes []Change
	for i := eq + 1; i < len(l); {
		if l[i] != '"' || strings.HasPrefix(l[i:], `"""`) {
			if l[i] == '#' || strings.HasPrefix(l[i:], `"""`) || l[i] == '\'' {
				// A comment, a multi-line or literal string: left as is.
				b.WriteString(l[i:])
				break
			}
			b.WriteByte(l[i])
			i++
			continue
		}
		// A basic string: its characters, each with the bytes it was
		// written as.
		var val []rune
		var src []string
		j := i + 1
		closed := false
		for j < len(l) {
			c := l[j]
			if c == '"' {
				closed = true
				break
			}
			if c == '\\' && j+1 < len(l) {
				n := 2
				r := rune(l[j+1])
				switch l[j+1] {
				case '"', '\\':
				case 'n':
					r = '\n'
				case 't':
					r = '\t'
				default:
					r = utf8.RuneError // \u escapes and the rest: not ours to fix
				}
				val = append(val, r)
				src = append(src, l[j:j+n])
				j += n
				continue
			}
			r, size := utf8.DecodeRuneInString(l[j:])
			val = append(val, r)
			src = append(src, l[j:j+size])
			j += size
		}
		if !closed {
			b.WriteString(l[i:])
			break
		}
		f := fixString(val, origBody, fixedBody)
		b.WriteByte('"')
		col := utf8.RuneCountInString(l[:i+1]) + 1
		for k, r := range val {
			if f[k] != r {
				b.WriteRune(f[k])
				changes = append(changes, Change{Line: num, Col: col, Old: src[k], New: string(f[k])})
			} else {
				b.WriteString(src[k])
			}
			col += utf8.RuneCountInString(src[k])
		}
		b.WriteByte('"')
		i = j + 1
	}
	return b.String(), changes
}

// fixString fixes one front matter string: as the body is fixed where the
// body holds it, else on its own.
func fixString(val []rune, origBody string, fixedBody []rune) []rune {
	s := string(val)
	if !strings.ContainsAny(s, halfMarks) {
		return val
	}
	if k := strings.Index(origBody, s); k >= 0 {
		off := utf8.RuneCountInString(origBody[:k])
		return fixedBody[off : off+len(val)]
	}
	return fixRunes(val, nil)
}

// halfMarks are the half-width marks Fix may replace.
const halfMarks = `,;:!?()"`

// fixRunes applies the rules to one paragraph until none applies. skip
// marks characters that are code. It returns a new slice of the same
// length.
func fixRunes(r []rune, skip []bool) []rune {
	f := append([]rune(nil), r...)
	if !strings.ContainsAny(string(r), halfMarks) {
		return f
	}
	for fixPass(f, skip) {
	}
	return f
}

// fixPass applies each rule once and reports whether it changed anything.
func fixPass(r []rune, skip []bool) bool {
	at := func(i int) rune {
		if i < 0 || i >= len(r) {
			return 0
		}
		return r[i]
	}
	skipped := func(i int) bool { return skip != nil && skip[i] }
	changed := false
	var stack []int
	var quotes []int
	for i, c := range r {
		if skipped(i) {
			continue
		}
		switch c {
		case ',', ';', ':', '!', '?':
			if c == '!' && at(i+1) == '[' {
				continue // a Markdown image
			}
			p, n := at(i-1), at(i+1)
			if lex.IsCJK(p) || lex.IsCJK(n) {
				r[i] = fullWidth(c)
				changed = true
			}
		case '(', '（':
			if at(i-1) == ']' {
				stack = append(stack, -1) // a Markdown link's destination
				continue
			}
			stack = append(stack, i)
		case ')', '）':
			if len(stack) == 0 {
				continue
			}
			o := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			if o < 0 || (r[o] == '（' && c == '）') {
				continue
			}
			inner := lex.IsCJK(at(o+1)) || lex.IsCJK(at(i-1))
			if !inner && lex.IsASCIIAlnum(at(o-1)) {
				continue // f(x), a URL's (1): not Chinese text's brackets
			}
			if inner || lex.IsCJK(at(o-1)) || lex.IsCJK(at(i+1)) {
				r[o], r[i] = '（', '）'
				changed = true
			}
		case '"':
			quotes = append(quotes, i)
		}
	}
	if len(quotes) > 0 && len(quotes)%2 == 0 {
		all := true
		for k := 0; k < len(quotes); k += 2 {
			o, c := quotes[k], quotes[k+1]
			if !(lex.IsCJK(at(o-1)) || lex.IsCJK(at(o+1)) || lex.IsCJK(at(c-1)) || lex.IsCJK(at(c+1))) {
				all = false
				break
			}
		}
		if all {
			for k := 0; k < len(quotes); k += 2 {
				r[quotes[k]], r[quotes[k+1]] = '“', '”'
			}
			changed = true
		}
	}
	return changed
}

func fullWidth(c rune) rune {
	switch c {
	case ',':
		return '，'
	case ';':
		return '；'
	case ':':
		return '：'
	case '!':
		return '！'
	case '?':
		return '？'
	}
	return c
}

// codeMask marks the characters of a Markdown line inside `code spans`,
// or nil when it has none.
func codeMask(r []rune) []bool {
	var mask []bool
	for i := 0; i < len(r); i++ {
		if r[i] != '`' || (i > 0 && r[i-1] == '\\') {
			continue
		}
		n := 0
		for i+n < len(r) && r[i+n] == '`' {
			n++
		}
		ticks := strings.Repeat("`", n)
		rest := string(r[i+n:])
		k := strings.Index(rest, ticks)
		if k < 0 {
			i += n - 1
			continue
		}
		end := i + n + utf8.RuneCountInString(rest[:k]) + n
		if mask == nil {
			mask = make([]bool, len(r))
		}
		for j := i; j < end; j++ {
			mask[j] = true
		}
		i = end - 1
	}
	return mask
}

// diff lists the characters where a and b (of one length) differ, at line
// num.
func diff(a, b []rune, num int) []Change {
	var out []Change
	for i := range a {
		if a[i] != b[i] {
			out = append(out, Change{Line: num, Col: i + 1, Old: string(a[i]), New: string(b[i])})
		}
	}
	return out
}
