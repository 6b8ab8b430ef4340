// Package docx reads a Word document (.docx) for package source: its
// paragraphs in order, with Word's automatic numbering printed as its label
// ("一、", "（一）", "1."), each table row on one line, its headings and
// what was left out.
//
// Inputs: the file's bytes. Outputs: a *document.Document (Read), or an
// error wrapping ErrNotDocx or document.ErrTooLarge; package source adds
// the file's name. Imports: the standard library and
// reportsite/generator/source/document.
//
// # Word documents
//
// Paragraphs of word/document.xml in order, tables row by row as for HTML,
// text boxes before the paragraph that anchors them; deleted text, field
// instructions and the fallback copy of alternate content are not text.
// A footnote call is printed as its number ("[1]"; endnotes "[i]"), and
// the notes follow the body, one line each ("[1] 预算稳定调节基金：…"), in
// the order they are called.
// Automatic numbering (numbering.xml) is rendered as Word prints it: lvlText
// ("%1、", "（%1）", "%1.%2") with each level's counter in its numFmt
// (chineseCounting 一二…十一, decimal, decimalFullWidth, enclosed circles,
// letters, roman, 甲乙丙…); counters run per list (numId) and level, a start
// override starts a list again, and a level resets the levels below it. A
// paragraph whose style (or its pPr) is a heading (Word's "heading N", "标题
// N", or an outline level) is listed in Document.Headings. From
// docProps/core.xml only the title is used (Meta.Title, which the importer
// uses only when the body has no title block); "created" is when the file
// was made, not when the report was issued, and is kept in Meta.Other.
//
// A Word file's page headers, footers and comments (its header*.xml,
// footer*.xml, comments*.xml parts) and its tracked deletions are listed in
// Document.Dropped.
//
// # Limits
//
// A zip entry that would unpack to more than 64 MiB (a zip bomb: reading
// stops there, whatever the entry claims) or whose compression ratio is
// over 200:1 above 1 MiB is document.ErrTooLarge; a file that is not a zip
// with word/document.xml is ErrNotDocx.
package docx
