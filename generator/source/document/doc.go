// Package document is the result every reader of package source builds:
// Document (the text, one block a line, its metadata, headings and what was
// left out), Meta, Field, Heading and Drop, and the rules of lines that the
// readers share: table rows on one line (RowCells, CellSep), layout spaces
// (IsLayoutSpace, Squeeze), dates (ISODate), titles (CleanTitle) and the
// samples of what was left out (Sample).
//
// Inputs are what a reader found; outputs are these values. Imports: the
// standard library only.
//
// # Lines
//
// One block is one line: a paragraph, a heading, a list item, a line ended by
// <br>, a table row. White space is collapsed as a browser does, and a line
// break in the source between two Chinese characters is dropped (CSS Text's
// segment break rule), so no stray space splits a word. A table row becomes
// one line with its cells separated by two ideographic spaces (U+3000
// U+3000), which the importer keeps as text; "|" is never used, because the
// importer drops "|" tool bars. A cell of several lines (a header cell
// "比上年" / "增长(%)") is joined into one when it is short (60 characters);
// a row with a longer cell or a nested table (a layout table) gives its
// blocks line by line instead.
//
// # What is left out
//
// Document.Dropped lists, in document order, what a reader left out of
// Text, and DroppedSummary puts it on one line for the import command: each
// Drop with where it was, its place, its reason, its number of blocks and
// the first 30 characters (SampleLen) of its text. Dates are written
// YYYY-MM-DD.
package document
