// Package lex is a report's text as the importer and proofreading share it:
// decoded (Decode: UTF-8, UTF-16, GB18030), cut into lines with their
// positions (SplitLines, Line), joined into units of text that know where
// each character came from (Unit, Joiner), with the numbering labels of
// GB/T 9704 (LabelAt: 一、 （一） 1. （1） ①), the letter spacing of PDF
// text undone (Unspace), the Markdown escapes import writes undone
// (Unescape), and the character classes these rules use (IsHan, IsCJK,
// DisplayWidth).
//
// Inputs: bytes and strings. Outputs: the values above. Imports: the
// standard library and golang.org/x/text (GB18030, UTF-16, widths); no
// other package of this module.
package lex
