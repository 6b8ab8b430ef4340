// Package indicator finds the figures a report's text states, proves them
// against the text, checks that a card is fit to publish, pairs targets with
// results, and writes them as SVG charts and open data. It is the facade
// over the extraction stages, which live in subpackages:
//
//	indicator            Annotate, Verify, Sanity, Pairs, charts, open data
//	  └─ extract         plain text → []content.Indicator (sentences, clauses, forms)
//	       ├─ naming     the text before a figure → name, verb, base, bound
//	       │    └─ figure
//	       └─ figure     a clause → numbers with units, ranks, ratios
//
// Imports point down only; no subpackage imports indicator (their tests
// may, to verify what they extract).
//
// Inputs are a page's plain text (PlainText turns a Markdown body into it,
// by markdown.Converter.PlainText: the text as a reader sees it, the same
// text the build verifies against) and []content.Indicator as stored in front matter. Outputs are
// []content.Indicator (Extract, Annotate), errors that name the indicator
// (Verify, VerifyPage), the reasons to hold a card back (Sanity), []Pair
// (Pairs, with OneYear results), SVG bytes (StructureSVG, PlanVsResultSVG)
// and JSON and CSV bytes (JSON, CSV). Every output is deterministic: the
// same input gives the same bytes. Extract, Options, Anchor, HasNumber and
// BoundBefore are those of packages extract and figure, kept here so that
// callers need one import.
//
// Imports: reportsite/generator/content, reportsite/generator/markdown (for
// the plain text), its subpackages extract and figure, and the standard
// library (the tests also import reportsite/generator/report, to measure
// extraction on imported reports, and naming). The package holds no state;
// its word lists are unexported and never written. Rules are rules of the
// language of these reports, never lists of a report's sentences;
// testdata/labels holds the hand-checked figures of the seed and the corpus
// that TestMeasure scores them against.
//
// # Periods and stages (Annotate, Options)
//
// The parts' titles say what a page states. Results belong to the earliest
// year a part title names (a 2026 report's "2025年和“十四五”时期工作回顾"
// states 2025), else to the report's year. A part titled with a later year
// states that year's targets (Kind target); in a budget or final accounts
// report (a title with 预算 or 决算) it states that year's budget instead:
// levels and changes of Stage 预算. Other figures of such a report are Stage
// 执行 (决算 for final accounts); a figure the text quotes from the budget
// (年初预算合计…, 调整预算为…, …批准的…预算收入为…) is Stage 预算.
//
// Within a part, a sentence may name its own years or stage: see package
// extract.
//
// # Sanity checks
//
// Sanity returns, for the indicators of one report, the cards a
// statistician would not sign: two cards with one name, period, kind and
// unit but different values (not among budget figures, which repeat their
// items for each fund); a name ending in 率 with a count unit; an income with
// a head-count unit; a head count of seven digits or more (a merged
// 3988户8293名). The site holds such a card back from publication, with a
// warning at its file and line, until the text is corrected or an editor
// sets Confirmed.
//
// # Measured
//
// TestMeasure prints, per report, the indicators found in labelled
// sentences, the labels, precision and recall (an indicator is right only
// if name, value, unit, period and kind all agree with a label). Before the
// rules of issue 14: seed precision 78.9%, recall 79.5%; corpus 21.5%,
// 17.0%. With them: seed 100%, 100%; corpus 98.0%, 98.0%. A labelled text
// the report repeats word for word is scored against its first sentence.
package indicator
