// Package content owns the data model of a site's source text and its on-disk
// format, in both directions.
//
// A content tree follows Hugo's conventions: every page is a Markdown file whose
// TOML front matter sits between two "+++" lines; a directory is a section and its
// "_index.md" holds the section's own front matter and lead text; siblings are
// ordered by weight, then by file name. Load reads such a tree from an fs.FS into
// a Tree; Marshal writes one Page back as bytes, so the importer and the build
// share one definition of the format.
//
// content also owns where things are in a TOML file: Values and
// FrontMatterValues give a front matter's values with their line:col (for
// proofreading), KeyLine and TableLine the line of a key or of an entry of
// an array of tables (for errors about valid TOML with wrong values). They
// read the TOML with go-toml/v2's own parser, as the decoder does.
//
// Inputs: an fs.FS rooted at content/. Outputs: *Tree, []byte, *Error.
// Imports: the standard library, github.com/pelletier/go-toml/v2 (decoding
// and positions: fast, and it knows where every error is) and
// github.com/BurntSushi/toml (Marshal, whose output format the committed
// content follows: go-toml/v2's encoder writes every string as a literal
// '…' string and has no option for basic "…" strings) only. It knows
// nothing of HTML or Markdown rendering, and every other stage may import it.
package content
