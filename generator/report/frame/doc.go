// Package frame reads what frames a report's text on the page it was
// copied from: the 信息公开 metadata and the title block before it (the
// head), and the page furniture, tail, appendix and colophon around it.
//
// Inputs: the report's lines (lex.Line) and a drop mark per line, which it
// fills with the reason a line is left out ("page header", "site footer",
// …). Outputs: a Head (title, content.Report fields, the title block's
// fields with their positions, the first body line, warnings) and the
// marks. Imports: content, lex, proofread (for Warning) and the standard
// library. report calls ParseHead, MarkFurniture and Colophon in order.
//
// Before the text come the 信息公开 metadata and the title block. Metadata is
// "key: value" (either colon), several pairs on a line, pairs run together
// ("来源：预算处发布时间：…"), a key printed with spaces ("索  引  号",
// "来　　源"), after a list bullet ("• 发布日期"), or a key alone on a line
// with its value on the next: 标题 (title), 索引号, 文号 (empty allowed),
// 发文日期 and 成文日期 (as YYYY-MM-DD), 发布机构, and the other keys of such
// blocks (主题分类, …) in report.other; counters, font sizes, editors and
// abstracts are dropped. A page's dates (发布日期, 发布时间, 日期, 时间,
// 生成日期, or a date alone on a line, "2026-02-28 09:43") and sources (来源)
// are read where a portal's news lists print them too: the first one at or
// after the title (or 标题) is the report's. Without 发文日期 that date is
// issued; without 发布机构 that source is the publisher; without either, a
// colophon that names the printing body and the print date
// ("…秘书处" / "2025年1月6日印") gives both.
//
// The title block: the title, a line that reads as one ("…报告", or
// "关于…预算…草案"; at most 60 characters, no sentence mark) with up to three lines before it that start
// it (back to a line starting 关于; without 关于, one line), joined and
// without layout spaces (a spaced-out "政 府 工 作 报 告" is kept as printed
// in report.heading); a title followed on its line by the meeting line in
// parentheses
// is split. Without 标题 the last title of the head is the title (earlier
// copies, a cover page's, go; the web page's own longer heading wins over a
// title block's "政府工作报告"). The meeting line ("——2021年3月12日在…会议上",
// "――…", "2019 年 1 月 21 日在…", "在…会议上", or in parentheses) is joined
// across lines
// until it ends with 上; it comes after the first title (or 标题), and a later
// one (a cover's copy) replaces an earlier.
// The speaker or issuing body is the first short line of Chinese without
// marks, digits or brackets after the title and the meeting line (an
// office and a name, "区发展改革局局长  董建生"; a body, "西安市财政局"; a
// name, "廖星辉"), joined with the next such line when it has no name yet
// ("石家庄市财政局局长" / "王东华"). The salutation ends the head.
package frame
