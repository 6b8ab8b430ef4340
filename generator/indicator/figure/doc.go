// Package figure reads the figures of one clause of a report: a number and
// its unit, a bound written around it, a rank or a ratio. It knows nothing
// of names, sentences or indicators.
//
// Input is a clause (package extract cuts the text into them). Output is
// []Figure, each with its byte span in the clause, its value as written,
// unit, bound and kind; ParseNumber reads a value, and the predicates on
// characters and units (IsDigit, IsHan, IsLatin, IsClassifier, IsRate,
// BareUnit, BoundBefore, CutPreBound, EndsWithObjectVerb) are the ones the
// later stages share. Imports: the standard library only. The package holds
// no state; its word lists are unexported and never written.
//
// A figure is an Arabic number followed by a unit (亿元, %, 个百分点, 万平方米,
// 个, 家, 岁 …; a 万 or 亿 multiplier may come first; a bare 万 before the
// people an object verb reaches, 带动3.78万农牧民; spaces may stand between
// number and unit and, in letter-spaced PDF text, inside the unit; a base
// may follow: 5000元/人), a ratio a:b:c, or a rank 第N位, 第二位, 首位,
// 全省第一. Numbers keep their thousands separators (52,015, 31，737) and
// full-width digits as written.
//
// Not figures: a number with no unit (years, dates, times, document
// numbers, phone numbers, 人才金政37), one touching a Latin letter, "+", "-"
// or "·" (PM10, 3GW, “5+N”, 2020-01-12, “9·5”), one in quotation marks
// (“3个100万”), one followed by 级 (3A级), a two-term ratio without a word
// of proportion (10:26, 附件1：2018) and an ordinal (第二批, 第三轮). A
// threshold that qualifies a noun (投资500万元以上技术改造项目) is a figure
// marked Qualifier.
//
// Bound holds what the text writes around the number: after it 以上, 以内,
// 以下, 左右, or 余/多 between number and unit (cards print 11500余人次);
// before it 超过, 超, 不低于, 不少于, 不超过, 不高于 (see BoundBefore).
package figure
