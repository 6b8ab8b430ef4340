package indicator

import (
	"reportsite/generator/content"
	"reportsite/generator/indicator/extract"
	"reportsite/generator/indicator/figure"
)

// Options tells Extract what a page's text states (see extract.Options).
type Options = extract.Options

// Extract returns the indicators stated in text, in reading order. text is
// plain text, one paragraph a line (see PlainText).
func Extract(text string, opt Options) []content.Indicator { return extract.Extract(text, opt) }

// Anchor returns the id of a sentence: "i-" and 8 hex digits of its FNV-1a
// hash.
func Anchor(sentence string) string { return extract.Anchor(sentence) }

// HasNumber reports whether ind.Value is a number, as against a ratio
// ("4.1:43.1:52.8") or a benchmark ("全市平均水平").
func HasNumber(ind content.Indicator) bool {
	_, ok := figure.ParseNumber(ind.Value)
	return ok
}

// BoundBefore reports whether a bound is written before the number (不低于7%)
// rather than after it (7%以上, 20余场次).
func BoundBefore(bound string) bool { return figure.BoundBefore(bound) }
