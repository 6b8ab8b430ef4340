// Package report imports the raw text of a Chinese government report (国民经济
// 和社会发展计划执行情况报告, 政府工作报告, 预算执行情况报告), as copied from a
// web page or extracted from a PDF, into content pages; and proofreads it.
//
// Inputs: the file's bytes. Outputs: []*content.Page, []Warning. Imports:
// content, the standard library, and golang.org/x/text for GB18030 and
// UTF-16. Import is pure: the caller reads and writes files
// (content.Write writes the pages, refusing to overwrite hand edits).
//
// # Reading the text
//
// Decode reads UTF-8 (with or without a BOM), UTF-16 with a BOM, and
// GB18030/GBK, which it detects as text that is not UTF-8. An empty file and
// a binary one are errors (ErrEmpty, ErrBinary). Then, the normalisations
// the lossless check allows:
//
//   - CRLF, CR and LF end lines; a form feed ends a line (and a PDF page).
//   - White space at both ends of a line goes (U+3000 indentation, tabs);
//     no-break and typographic spaces inside a line become ASCII spaces;
//     U+FEFF, U+200B and control characters go.
//   - Page furniture goes, each line listed in Result.Dropped with its
//     reason: tool bars (字号, 【大 中 小】, 打印, 关闭, |, share buttons),
//     breadcrumbs, counters (浏览次数), footers and 上一篇/下一篇 at the end,
//     decorated page numbers ("- 3 -", "第3页"), and, in a file with form
//     feeds, bare page numbers and running headers repeated on most pages.
//     In the head: the site name, copies of the title, a 发布日期 line that
//     repeats 发文日期.
//   - Lines that were hard-wrapped are joined. Text is wrapped when most of its
//     lines have one width (in columns: Chinese characters count two) and
//     rarely end a sentence; then a full line goes on into the next unless
//     that one is indented, numbered, a bullet, or follows a blank line after
//     a full stop (a blank line after a full line mid-sentence is a page
//     break). Otherwise every line is a paragraph. Lines join without a
//     space, except between two Latin letters.
//   - White space between a label and its heading (一、 2020年) is layout.
//
// # The head
//
// Before the text come the 信息公开 metadata and the title block. Metadata is
// "key: value" (either colon), several pairs on a line, or a key alone on a
// line with its value on the next: 标题 (title), 索引号, 文号 (empty allowed),
// 发文日期 and 成文日期 (as YYYY-MM-DD), 发布机构, and the other keys of such
// blocks (主题分类, 来源, …) in report.other. The title block: the title (a
// spaced-out "政 府 工 作 报 告" or one printed on two lines is kept as printed in
// report.heading when it differs from 标题; without 标题 it gives the title,
// its spaces removed), the meeting line ("——2021年3月12日在…会议上", or in
// parentheses), the speaker ("区发展改革局局长  董建生") and the salutation
// ("各位代表："), which ends the head. A line of the head that is none of these
// is kept as the first paragraph of the text, with a warning.
//
// The kind comes from the title: plan-report (国民经济和社会发展…计划),
// budget-report (预算, 决算), work-report (政府工作报告). The year is the year
// reported on: the first year a plan or budget report's title names
// ("2020年度…执行情况与2021年计划草案" is 2020); for a work report, and any
// report whose title names no year, the year before its session ("2021年政府
// 工作报告" is 2020), so that the three reports of one session share it. The
// slug is "<year>-<kind>", or "report" when neither is known.
//
// # The grammar
//
// Numbering follows GB/T 9704: 一、 parts; （一） or (一) subsections; 1. 1．
// 1、 items; （1） or (1) sub-items; ① below. Labels are kept exactly as
// printed, full- or half-width. "一、二季度", "1.5万" and "2、3月" are numbers,
// not numbering. A heading stands on its own line or runs in: the heading of a
// numbered paragraph is its text up to the first 。, ！ or ？ outside quotes
// and brackets, the mark is kept as title_end, and the rest of the paragraph
// is the section's first paragraph. A paragraph without such a mark is all
// heading (over 60 characters, a warning says its 。 may be lost).
// Target bullets (──, ——) and inline enumerations (一是…二是…) are text.
//
// A report with 一、 parts has a folder per part; the paragraphs after a part's
// last subsection are the part's closing when every subsection of the part is
// one run-in paragraph (the seed's "总的来看，…"), and the last subsection's
// otherwise. The paragraphs from the first that addresses the audience as the
// salutation does ("各位代表，使命呼唤担当…") after the last part's subsections
// are the report's closing. A report without parts but with （一） subsections
// has a page per subsection; one with neither is one page, with a warning.
//
// # What import writes
//
// For the slug S, in reading order, paths relative to the content root:
//
//	S/_index.md        title = 标题, weight = year, [report] metadata;
//	                   body: the preamble, then a ChildrenMarker line and the
//	                   closing, if any
//	S/01/_index.md     a part: title (without 一、), label = "一、",
//	                   title_end for a run-in heading, weight = 1, 2, …;
//	                   body: its lead, then ChildrenMarker and its closing
//	S/01/01.md         a subsection: title, label = "(一)", title_end, weight
//	S/01.md            a subsection of a report without parts
//
// Names are two-digit positions, weights keep the report's order, numbering
// that skips or repeats included. Bodies are Markdown: one paragraph a line,
// blank lines between. An item or sub-item that stands alone (at most 50
// characters, no full stop before its end, followed by its own text) becomes
// a heading, "## 1.加快工业转型" ("###" for a sub-item under an item heading);
// a run-in item stays a paragraph that starts with its label. Nothing is made
// bold (CommonMark would not render "**…。**" next to Chinese punctuation).
// Characters that Markdown would read as markup are backslash-escaped, so
// that the page renders the text as printed.
//
// # Nothing lost, nothing invented
//
// The text is never corrected. Import checks every result: it writes the
// pages in their file form, loads them with content.Load, strips the
// Markdown (heading marks, escapes, the ChildrenMarker) and puts label,
// title and title_end back, and compares the text with the source's text
// lines after the normalisations above, character for character, white space
// aside (white space is layout in Chinese text; a run between two Latin
// letters is compared as one space). A difference is a bug in the importer,
// reported as ErrLost; Stats.Compared counts the characters compared.
// FuzzImport runs the check on random input.
//
// # Proofreading
//
// Damage is reported as warnings at FILE:LINE:COL (columns count
// characters): a closing quote without an opening one (六稳”“六保, reported
// once), an unclosed quote or bracket, a date that lost 年 and 月
// (2021312日), a count too long to be one (39888293名), two figures run
// together (65.7%50%, 577.2公里89个), numbering that skips, repeats or goes
// back (parts, subsections, items, sub-items, 一是…三是), half-width , ; : (
// ) ? ! next to Chinese characters (once per paragraph, with counts), and
// undecodable characters. Proofread, ProofreadFile and ProofreadFS run the
// same checks over content files, on the same units of text (heading,
// paragraph, title block field), so that generator check finds on content/
// what import found, at positions in the .md files.
package report
