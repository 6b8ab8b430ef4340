// Package indicator finds the figures a report's text states, proves them
// against the text, pairs targets with results, and writes them as SVG
// charts and open data.
//
// Inputs are a page's plain text (PlainText turns an imported Markdown body
// into it) and []content.Indicator as stored in front matter. Outputs are
// []content.Indicator (Extract), errors that name the indicator (Verify,
// VerifyPage), []Pair (Pairs), SVG bytes (StructureSVG, PlanVsResultSVG) and
// JSON and CSV bytes (JSON, CSV). Every output is deterministic: the same
// input gives the same bytes.
//
// Imports: reportsite/generator/content and the standard library only. The
// package holds no state; its word lists are unexported and never written.
//
// # Extraction
//
// Text is cut into sentences after 。；;！？!? (a sentence never crosses a
// line), sentences into clauses at ，,：: (not between digits) and the
// sentence marks. A figure is an Arabic number followed by a unit (亿元, %,
// 个百分点, 万平方米, 个, 家 …; a 万 or 亿 multiplier may come first), a ratio
// a:b:c, or a rank 第N位. Not figures: a number with no unit (years,
// 人才金政37), one touching a Latin letter or "+" (PM10, 3GW, “5+N”), one
// followed by 级 (3A级), and a threshold that qualifies a noun
// (投资500万元以上技术改造项目).
//
// A figure's name comes from the clause text before it, after the previous
// figure: leading 全区/累计/实施/完成 … and trailing verbs and adverbs
// (达到, 增长, 同比, 分别 …) are dropped, a base of comparison (比十二五末,
// 较年初) is cut, and a list ending in 等 keeps what follows 等. The verb
// decides the kind: 增长/提高/增加 … give a change going up, 下降/减少/降低 …
// down, 改善 a change without direction whose name ends in 改善; 达到, 为,
// 提高至, 控制在 … or no verb give a level. Other forms:
//   - 分别: "城镇居民和农村居民人均可支配收入分别达到41694元、20371元" pairs the
//     names before 分别 (split at 、 then 和/及/与) with the figures in order; a
//     shared tail is completed (城镇居民 → 城镇居民人均可支配收入), and a later
//     "分别增长3.0%5.4%" in the sentence reuses the names.
//   - a count before its noun: "22个项目列为省级重点项目" is named by what
//     follows (the object of 列为/列入/纳入/入选/获批, else the noun);
//   - an attribute: "总投资341亿元的重点项目" is named 重点项目总投资;
//   - a name-less clause ("同比增加51天", "总产5.42万吨", "在建0.92万亩")
//     takes the subject of the figure before it in the sentence;
//   - a rank "增幅居全市第2位" is named 地区生产总值增幅全市排名, Value "2",
//     Unit "位";
//   - a comparison "好于全市5.7个百分点" is a change (up for 好于/高于/快于/优于,
//     down for 低于/慢于/差于) named 一般公共预算收入好于全市;
//   - a ratio keeps all its terms in Value ("4.1:43.1:52.8"), Number 0;
//     Terms reads them.
//
// A figure whose name cannot be found ("增长4.9%" alone) is left out: a card
// needs a label.
//
// Bound holds what the text writes around the number: after it 以上, 以内,
// 以下, 左右, or 余/多 between number and unit; before it 超过, 不低于, 不少于,
// 不超过, 不高于 (see BoundBefore). Results keep their bound too
// (控制在2.64%以内), so that a card prints what the report prints.
//
// Options says what a page states; it is a plain struct, not named Context,
// because it carries no deadline and is no bag of collaborators. On a page
// of targets (Options.Targets) every level and change is Kind
// "target", with Direction set for a growth target. A target without a
// number ("社会消费品零售总额增长不低于全市平均水平") has the benchmark as its
// Value ("全市平均水平", verbatim in the sentence), Bound "不低于", Number 0
// and no Unit; HasNumber tells such a value from a number.
//
// Sentence is the trimmed sentence, verbatim; Anchor is "i-" and 8 hex digits
// of the FNV-1a hash of Sentence, so re-import gives the same anchors and
// indicators of one sentence share one. Headline marks the key measures of
// an economic report (see headlineNames) when stated as a level, change or
// target; editors may change it by hand.
package indicator
