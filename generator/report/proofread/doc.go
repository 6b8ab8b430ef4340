// Package proofread finds the damage in a report's text that import keeps
// as it is and reports: the editor's checks, on the imported file and on
// content files alike.
//
// Inputs: units of text with their positions (lex.Unit), or content files
// (Body, File, FS, which read the front matter's values with their
// positions from content). Outputs: []Warning, each at FILE:LINE:COL.
// Imports: content, lex and the standard library.
//
// Damage is reported as warnings at FILE:LINE:COL (columns count
// characters): a closing quote without an opening one (六稳”“六保, reported
// once), an unclosed quote or bracket, a date that lost 年 and 月
// (2021312日), a count too long to be one (39888293名), two figures run
// together (65.7%50%, 577.2公里89个), numbering that skips, repeats or goes
// back (parts, subsections, items, sub-items, 一是…三是), half-width , ; : (
// ) ? ! next to Chinese characters (once per paragraph, with counts), and
// undecodable characters. Body, File and FS run the
// same checks over content files, on the same units of text (heading,
// paragraph, title block field), so that generator check finds on content/
// what import found, at positions in the .md files.
package proofread
