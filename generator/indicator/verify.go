package indicator

import (
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"reportsite/generator/content"
	"reportsite/generator/indicator/figure"
	"reportsite/generator/markdown"
)

// Verify checks one indicator against the plain text of its page (see
// PlainText): its value must be in its sentence and its sentence in the
// text, so that no number on the site differs from the report. It also
// checks what a card needs: a name, a known kind and direction, an anchor,
// and a Number equal to a numeric Value. The error names the indicator and
// says what to fix; the caller adds the page's path.
func Verify(ind content.Indicator, text string) error {
	label := fmt.Sprintf("indicator %q (%s%s)", ind.Name, ind.Value, ind.Unit)
	switch {
	case ind.Name == "":
		return fmt.Errorf("%s: name is empty: set name", label)
	case ind.Value == "":
		return fmt.Errorf("%s: value is empty: set value to the number as the sentence writes it", label)
	case ind.Sentence == "":
		return fmt.Errorf("%s: sentence is empty: set sentence to the sentence of the text that states the value", label)
	case !strings.Contains(ind.Sentence, ind.Value):
		return fmt.Errorf("%s: value %q is not in its sentence %q: fix the number or the sentence", label, ind.Value, short(ind.Sentence))
	case !strings.Contains(text, ind.Sentence):
		return fmt.Errorf("%s: sentence %q is not in the page's text: copy the sentence from the text again, or remove the indicator", label, short(ind.Sentence))
	case !slices.Contains(kinds, ind.Kind):
		return fmt.Errorf("%s: kind %q is not one of %s", label, ind.Kind, strings.Join(kinds, ", "))
	case ind.Direction != "" && ind.Direction != "up" && ind.Direction != "down":
		return fmt.Errorf("%s: direction %q is not up or down", label, ind.Direction)
	case ind.Anchor == "":
		return fmt.Errorf("%s: anchor is empty: set anchor = %q", label, Anchor(ind.Sentence))
	}
	if n, ok := figure.ParseNumber(ind.Value); ok && n != ind.Number {
		return fmt.Errorf("%s: number %s does not match value %q: set number = %s", label,
			strconv.FormatFloat(ind.Number, 'f', -1, 64), ind.Value, strconv.FormatFloat(n, 'f', -1, 64))
	}
	return nil
}

var kinds = []string{"level", "change", "rank", "ratio", "target", "comparison", "share", "completion"}

// VerifyPage checks every indicator of a page (see Verify), and that
// indicators sharing an anchor share a sentence. It returns all errors
// joined, nil if there are none.
func VerifyPage(inds []content.Indicator, text string) error {
	var errs []error
	sentenceOf := map[string]string{}
	for _, ind := range inds {
		if err := Verify(ind, text); err != nil {
			errs = append(errs, err)
			continue
		}
		if s, ok := sentenceOf[ind.Anchor]; ok && s != ind.Sentence {
			errs = append(errs, fmt.Errorf("indicator %q (%s%s): anchor %q belongs to another sentence %q: set anchor = %q",
				ind.Name, ind.Value, ind.Unit, ind.Anchor, short(s), Anchor(ind.Sentence)))
			continue
		}
		sentenceOf[ind.Anchor] = ind.Sentence
	}
	return errors.Join(errs...)
}

// short shortens a sentence for a message.
func short(s string) string {
	const max = 40
	if utf8.RuneCountInString(s) <= max {
		return s
	}
	r := []rune(s)
	return string(r[:max]) + "…"
}

// PlainText returns the text of a Markdown body as a reader sees it, one
// block (paragraph, heading, list item, table cell) a line: the text the
// build verifies indicator sentences against and marks them in
// (markdown.Converter.PlainText, the same text as the build's
// markdown.Result.Text: the one definition of a page's plain text). An
// image's alt text is no part of it. Markup is gone and escapes
// are undone, so a sentence may hold emphasis, a link or inline code; the
// lines of a paragraph are joined as the page shows them (without a space
// where either side is Chinese).
func PlainText(body []byte) string {
	return markdown.New().PlainText(body)
}

// Sanity returns, for each indicator of one report, why the build should
// hold its card back from publication, or "" when it may be published.
// These are figures a statistician would not sign without looking again:
//   - two cards with the same name, period, kind and unit but different
//     values (省级重点项目 22个 and 13个, both 2020): one of the two names or
//     periods is wrong. Not for the figures of a budget report (Stage set),
//     which repeats its items for each fund and level of government;
//   - a name ending in 率 with a count unit (农村饮用水源地水质达标率 43处);
//   - an income with a head-count unit (…年人均纯收入 39888293名);
//   - a count of people or households of seven digits or more without a
//     multiplier (39888293名): a merged number (3988户8293名) looks so.
//
// An indicator an editor marked Confirmed is never held back. The reason
// names the rule and says what to do.
func Sanity(inds []content.Indicator) []string {
	reasons := make([]string, len(inds))
	type key struct{ name, period, kind, stage, unit string }
	first := map[key]int{}
	for i, ind := range inds {
		if ind.Stage != "" {
			// A budget report repeats its items (年终结余, 调出资金) for
			// each fund and each level of government by design.
			continue
		}
		k := key{ind.Name, ind.Period, ind.Kind, ind.Stage, ind.Unit}
		if j, ok := first[k]; ok && inds[j].Value != ind.Value {
			msg := fmt.Sprintf("another card has the same name, period and kind with value %s%s", inds[j].Value, inds[j].Unit)
			if reasons[i] == "" {
				reasons[i] = msg
			}
			if reasons[j] == "" {
				reasons[j] = fmt.Sprintf("another card has the same name, period and kind with value %s%s", ind.Value, ind.Unit)
			}
		} else if !ok {
			first[k] = i
		}
	}
	for i, ind := range inds {
		if reasons[i] != "" {
			continue
		}
		bare := figure.BareUnit(ind.Unit)
		headCount := slices.Contains([]string{"名", "人", "户", "人次"}, ind.Unit)
		digits := 0
		for _, r := range ind.Value {
			if figure.IsDigit(r) {
				digits++
			} else if r == '.' || r == '．' {
				break
			}
		}
		switch {
		case strings.HasSuffix(ind.Name, "率") && figure.IsClassifier(bare):
			reasons[i] = "a rate (…率) counted in " + ind.Unit + ": the name runs across the clause of another figure"
		case strings.Contains(ind.Name, "收入") && headCount:
			reasons[i] = "an income counted in " + ind.Unit + ": the name belongs to another figure"
		case headCount && digits >= 7:
			reasons[i] = "a count of " + ind.Value + ind.Unit + " is implausible: two numbers may have merged (3988户8293名)"
		}
	}
	for i, ind := range inds {
		if ind.Confirmed {
			reasons[i] = ""
		}
	}
	return reasons
}
