package extract

import (
	"fmt"
	"hash/fnv"
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"reportsite/generator/content"
	"reportsite/generator/indicator/figure"
	"reportsite/generator/indicator/naming"
)

// Options tells Extract what a page's text states. The zero value extracts
// results with an empty Period.
type Options struct {
	ResultYear int  // the year results are stated for (2020); Period of a result
	TargetYear int  // the year targets are set for (2021); Period of a target
	Targets    bool // the text states targets (主要预期目标) rather than results
	// Plan says that the text reviews a whole five-year plan (results of
	// ResultYear-4—ResultYear) or, with Targets, sets its targets
	// (TargetYear—TargetYear+4).
	Plan bool
	// Budget says that the text is part of a budget or final accounts
	// report; Stage (预算, 执行 or 决算) is the stage of its figures, which a
	// sentence may override (年初预算…, 调整预算为…: 预算).
	Budget bool
	Stage  string
}

func (o Options) period(multi bool) string {
	if o.Targets {
		if o.TargetYear == 0 {
			return ""
		}
		if o.Plan || multi {
			return years(o.TargetYear, o.TargetYear+4)
		}
		return strconv.Itoa(o.TargetYear)
	}
	if o.ResultYear == 0 {
		return ""
	}
	if o.Plan || multi {
		return years(o.ResultYear-4, o.ResultYear)
	}
	return strconv.Itoa(o.ResultYear)
}

// years writes a period of several years: "2016—2020".
func years(from, to int) string { return strconv.Itoa(from) + "—" + strconv.Itoa(to) }

// Extract returns the indicators stated in text, in reading order. text is
// plain text, one paragraph a line (see indicator.PlainText).
func Extract(text string, opt Options) []content.Indicator {
	var out []content.Indicator
	heading := false // the paragraph before was "这是…的五年。"
	for _, para := range strings.Split(text, "\n") {
		pc := paraContext{
			plan:  figure.ContainsAny(para, plans) || strings.Contains(para, "五年"),
			multi: heading || StartsFiveYears(para),
		}
		for _, s := range sentences(para) {
			o := opt
			if m := leadingYear.FindStringSubmatch(s); m != nil && !opt.Targets && opt.ResultYear > 0 {
				// 2025年，预计全市社会保险基金收入174.1亿元: the sentence
				// names the year of its figures.
				if y, _ := strconv.Atoi(m[1]); y >= opt.ResultYear-1 && y <= opt.ResultYear+1 {
					if opt.Budget && y > opt.ResultYear {
						o.Stage = "预算"
					}
					o.ResultYear = y
				}
			}
			inds, subject := extractSentence(s, o, pc)
			out = append(out, inds...)
			if subject != "" {
				pc.subject = subject
			}
		}
		heading = fiveYearHeading(para)
	}
	return out
}

// leadingYear is a year that opens a sentence: "2025年，…".
var leadingYear = regexp.MustCompile(`^(\d{4})\s*年\s*[，,]`)

// A paraContext is what a sentence's figures take from its paragraph.
type paraContext struct {
	plan    bool   // the paragraph names a five-year plan or 五年
	multi   bool   // every result of the paragraph is of several years
	subject string // the subject of the sentence before: 支出 after 一般公共预算收入
}

// StartsFiveYears reports a paragraph that reviews five years: "五年来，…".
func StartsFiveYears(para string) bool {
	p := naming.TrimPunct(para)
	return strings.HasPrefix(p, "五年来") || strings.HasPrefix(p, "过去五年") || strings.HasPrefix(p, "回望过去五年")
}

// fiveYearHeading reports a heading paragraph "这是…的五年。" whose next
// paragraph reviews five years.
func fiveYearHeading(para string) bool {
	p := strings.TrimRight(strings.TrimSpace(para), "。！!")
	return strings.HasPrefix(p, "这是") && strings.HasSuffix(p, "五年") && utf8.RuneCountInString(p) <= 30
}

// Anchor returns the id of a sentence: "i-" and 8 hex digits of its FNV-1a
// hash.
func Anchor(sentence string) string {
	h := fnv.New32a()
	h.Write([]byte(sentence))
	return fmt.Sprintf("i-%08x", h.Sum32())
}

// sentences cuts text into trimmed sentences. A closing quote or bracket
// after a sentence mark stays with its sentence.
func sentences(text string) []string {
	var out []string
	add := func(s string) {
		s = strings.TrimLeftFunc(s, func(r rune) bool { return unicode.IsSpace(r) || strings.ContainsRune(naming.Bullets, r) })
		s = strings.TrimRightFunc(s, unicode.IsSpace)
		if s != "" {
			out = append(out, s)
		}
	}
	for _, para := range strings.Split(text, "\n") {
		start := 0
		for i := 0; i < len(para); {
			r, n := utf8.DecodeRuneInString(para[i:])
			i += n
			if !strings.ContainsRune(sentenceEnds, r) {
				continue
			}
			for i < len(para) {
				r, n := utf8.DecodeRuneInString(para[i:])
				if !strings.ContainsRune(sentenceEnds+"”’」』）)", r) {
					break
				}
				i += n
			}
			add(para[start:i])
			start = i
		}
		add(para[start:])
	}
	return out
}

const sentenceEnds = "。；;！？!?"

// clauses cuts a sentence at commas, colons and sentence marks. A colon
// between digits belongs to a ratio.
func clauses(s string) []string {
	var out []string
	start := 0
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		cut := strings.ContainsRune("，,"+sentenceEnds, r)
		if (r == ',' || r == '，') && isThousands(s, i, n) {
			cut = false
		}
		if r == ':' || r == '：' {
			p, _ := utf8.DecodeLastRuneInString(s[:i])
			q, _ := utf8.DecodeRuneInString(s[i+n:])
			cut = !(figure.IsDigit(p) && figure.IsDigit(q))
		}
		if cut {
			out = append(out, s[start:i])
			start = i + n
		}
		i += n
	}
	return append(out, s[start:])
}

// isThousands reports whether the comma of width n at i separates
// thousands: 1 to 3 digits before it, exactly 3 after it (31，737).
func isThousands(s string, i, n int) bool {
	before := 0
	for j := i; j > 0; {
		r, w := utf8.DecodeLastRuneInString(s[:j])
		if !figure.IsDigit(r) {
			break
		}
		before++
		j -= w
	}
	after := 0
	for j := i + n; j < len(s); {
		r, w := utf8.DecodeRuneInString(s[j:])
		if !figure.IsDigit(r) {
			break
		}
		after++
		j += w
	}
	return before >= 1 && before <= 3 && after == 3
}

// plans are the names of five-year plans as reports write them.
var plans = []string{"十二五", "十三五", "十四五", "十五五", "十六五"}

// NamesPlan reports whether s names a five-year plan (十三五, 十四五 …).
func NamesPlan(s string) bool { return figure.ContainsAny(s, plans) }
