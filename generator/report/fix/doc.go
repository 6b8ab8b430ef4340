// Package fix corrects content files where the correction cannot change
// the meaning (Fix: full-width punctuation next to Chinese text), and
// applies the corrections an editor recorded by hand in a report's
// corrections.toml (ParseCorrections, Correct), for "generator fix" and
// for import, which applies them again on a new import.
//
// Inputs: a content file's bytes and its name; a corrections file. Outputs:
// the corrected bytes and every Change at FILE:LINE:COL. Imports: content,
// lex and the standard library.
package fix
