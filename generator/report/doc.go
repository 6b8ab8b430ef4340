// Package report imports the raw text of a Chinese government report (国民经济
// 和社会发展计划执行情况报告, 政府工作报告, 预算执行情况报告), as copied from a
// web page or extracted from a PDF, into content pages; and proofreads it.
//
// Inputs: the file's bytes (text: package source reads saved pages and
// Word documents). Outputs: []*content.Page, []proofread.Warning. Imports:
// content, markdown (only for a page's plain text in the lossless check:
// the text a reader sees is defined once, by markdown.Converter.PlainText),
// its own subpackages lex, frame and proofread, and the standard library.
// Import is pure: the caller reads and writes files (package
// importer is the whole import stage: it adds the file's metadata, the
// recorded corrections and the indicators; content.Write writes the
// pages, refusing to overwrite hand edits).
//
// The subpackages, imports pointing one way (report → frame → proofread →
// lex; fix → lex): lex is the text with its positions (decoding, lines,
// units, numbering labels, letter spacing); proofread the checks on units
// of text and their run over content files; frame the head (metadata,
// title block) and the page furniture; fix generator fix's corrections and
// the recorded ones.
//
// # Reading the text
//
// lex.Decode reads UTF-8 (with or without a BOM), UTF-16 with a BOM, and
// GB18030/GBK, which it detects as text that is not UTF-8. An empty file and
// a binary one are errors (lex.ErrEmpty, lex.ErrBinary). Then, the normalisations
// the lossless check allows:
//
//   - CRLF, CR and LF end lines; a form feed ends a line (and a PDF page).
//   - White space at both ends of a line goes (U+3000 indentation, tabs);
//     no-break and typographic spaces inside a line become ASCII spaces;
//     U+FEFF, U+200B and control characters go.
//   - A line set with space between its characters (PDF extraction of
//     justified or letter-spaced text: "关  于  岳  阳  市", "增 长") loses
//     that space, and so does every line of a file letter-spaced
//     throughout and every body line of PDF or hard-wrapped text, except in
//     Latin text ("GDP growth", "says, growth"). Columns of warnings on such
//     a line count the line without its spaces.
//   - Page furniture goes, each line listed in Result.Dropped with its
//     reason, and summed up by Result.DroppedSummary ("lines 1–36 (page
//     header), 402–517 (site footer); 18 page numbers"): tool bars (字号,
//     【大 中 小】, 打印, 关闭, |, share buttons, and such words run together,
//     "收藏打印"), breadcrumbs, counters (浏览次数), template placeholders
//     ({{loginInfo.showname}}), icon-font glyphs (private-use characters),
//     table rules drawn in text ("+----+"), decorated page numbers
//     ("- 3 -", "第3页"), and, in a file with form feeds, bare page numbers
//     (not a number whose next line begins with the mark of an item label,
//     "1" / ". 着力支持…", which pdftotext cuts so) and running headers
//     repeated on most pages.
//   - The head: when a salutation ("各位代表：", "主任、各位副主任、…各位委员：")
//     comes within the first 400 lines and before any 一、 part, it ends the
//     head, and every line before it that is not metadata or the title block
//     is the page's header (navigation, news lists, a photo caption, the
//     papers' header "市十五届人大五次 / 会议文件（十二）", an abstract) and
//     goes. Without a salutation the head ends at the first numbered heading
//     or long sentence within 400 lines; its lines before the title go, and
//     a line after it that is none of these is kept as the first paragraph,
//     with a warning. A title is never a line of a news list ("…的通知02-14"). The site name,
//     copies of the title and a 发布日期 line that repeats 发文日期 go too.
//   - The tail: after the start of the last 一、 part, the text ends at an
//     appendix (a line 附件, 附件1：…, 附表, 附件下载, 名词解释,
//     预算报告名词解释, 注解) or at the page's footer: a site footer line
//     (ICP备, 公网安备, 版权所有, 主办单位, 网站标识码), or a tool bar, an
//     editor's or source line (责任编辑：, （来源：青海日报）), a QR-code
//     prompt, a link list (相关链接>>, ids of related articles) that no
//     text but copies of earlier lines follows (a page may repeat its title
//     and opening after the footer). The short lines without a full stop
//     just before it go too, and at the end of any file a colophon
//     ("…秘书处", "2025年1月6日印", "共印700份") and a list of attachment
//     file names (".pdf", ".doc"). Everything from there to the end is
//     dropped as appendix (which is so not published: the editor adds it by
//     hand if wanted) or site footer.
//   - Lines that were hard-wrapped are joined. Text is wrapped when most of
//     its lines have one width (in columns: Chinese characters count two,
//     spaces inside a line none) and rarely end a sentence, or when it has
//     form feeds (PDF text, however irregular pdftotext's lines). In wrapped
//     text a line goes on the previous one's paragraph unless it is
//     indented, numbered or a bullet, and the previous line (a) is full
//     (within 4 columns of the width), unless a blank line after a full stop
//     separates them (a blank line after a full line mid-sentence is a page
//     break); or (b) does not end a sentence (。！？；：”), is not part of a
//     numbered heading without a sentence mark, and is nearly full (within
//     10 columns: the first line of a paragraph lost its indent), or ends
//     with a mark no paragraph ends with (，、（“) or a number, or is a label
//     alone ("②"), or the line goes on its number (".7 亿元" after "519"),
//     or the text has form feeds; or (c) is
//     the first line of a numbered heading, nearly full, and the line is
//     short and does not end a sentence either (a heading wrapped).
//     Otherwise every line is a paragraph, except that a line goes on a
//     long one (50 characters or more) that ends in Chinese without a full
//     stop when it follows at once, in Chinese or with a figure, and begins
//     no block: a paragraph broken by a stray line break ("…“十四" /
//     "五”时期…"). Lines join without a space, except between two Latin
//     letters.
//   - White space between a label and its heading (一、 2020年) is layout.
//
// # The head
//
// Package frame reads the 信息公开 metadata and the title block before the
// text, and the page furniture around it (see its doc for the rules).
//
// A front matter key the text does not give stays empty, and Result.Missing
// lists the ones an editor should fill: report.issued, report.publisher,
// report.index_no (and title when the file name was used).
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
// a run-in item stays a paragraph that starts with its label. A page that
// clearly uses unnumbered subheads, at least three short paragraphs of one
// sentence ending with 。 and no other mark ("生态底色更加亮丽。"), each
// followed by a longer paragraph, has them as headings too ("##", or "###"
// on a page with item headings); a single such paragraph stays text. Nothing is made
// bold (CommonMark would not render "**…。**" next to Chinese punctuation).
// Characters that Markdown would read as markup are backslash-escaped, so
// that the page renders the text as printed.
//
// # Nothing lost, nothing invented
//
// The text is never corrected. Import checks every result: it writes the
// pages in their file form, loads them with content.Load, reads their
// Markdown as a reader sees it (markdown.Converter.PlainText, the text the
// build verifies indicators against and search indexes), puts label, title
// and title_end back, and compares the text with the source's text
// lines after the normalisations above, character for character, white space
// aside (white space is layout in Chinese text; a run between two Latin
// letters is compared as one space). A difference is a bug in the importer,
// reported as ErrLost; Stats.Compared counts the characters compared.
// FuzzImport runs the check on random input.
//
// # Proofreading
//
// Damage is reported as warnings at FILE:LINE:COL by package proofread,
// whose checks import runs on the units of text it writes (heading,
// paragraph, title block field), so that generator check finds on content/
// what import found. The text is never corrected: package fix makes the
// corrections an editor asks for ("generator fix").
package report
