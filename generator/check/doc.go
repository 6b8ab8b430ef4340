// Package check verifies that a site is safe to publish, as generator check
// and the importer's proof do. Run builds the site into a temporary
// directory with site.Build, so the build's own verification applies
// (indicators against their sentences, links of front matter, config.toml),
// and then reads the published files:
//
//	source ─ site.Build (temporary dest) ─ Published: well-formed HTML,
//	         links and fragments, government meta fields, one footer
//	content/ ─ proofread.FS ─ proofreading warnings
//
// Findings name the source file (content/…, config.toml) and, for an empty
// front matter field, the key and its line. Proofreading finds damage the
// source text already had: it gives warnings, never findings.
//
// Inputs: a site source directory and Options. Outputs: a Result (findings,
// the build's warnings, proofreading warnings) or the build's error.
// Imports: site, linkcheck (links and fragments), report/proofread, content, the standard library and
// x/net/html.
// Only main imports check.
package check
