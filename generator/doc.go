// Command generator publishes Chinese government reports as static websites.
//
//	generator new    [-title T] DIR                 a new site: config.toml, content/, …
//	generator import [-site DIR] [-force] REPORT    report text, .html or .docx → content/<slug>/
//	generator fix    [-n] [PATH…]                   full-width punctuation, recorded corrections
//	generator build  [-source DIR] [-dest DIR]      content/ → public/
//	generator serve  [-source DIR] [-addr ADDR]     build, serve, rebuild on change
//	generator check  [-source DIR]                  verify a site is safe to publish
//
// The pipeline, one package per stage:
//
//	REPORT ─ importer: source (webpage, docx) ─ report (lex, frame) ─ indicator ─ content/*.md
//	         indicator: extract (sentences) ─ naming (the name) ─ figure (numbers, units)
//	         report/proofread: warnings on the text and on content/; report/fix: generator fix
//	config.toml ─ config ──────────────────────┐
//	content/*.md ─ content.Load ───────────────┤
//	                   markdown (goldmark, chroma): one walk of the tree gives the
//	                   HTML, headings, ids, links with lines, search text, plain text;
//	                   markdown/dialect (our Markdown), markdown/mark (indicator sentences)
//	layouts/ + theme ─ render (html/template) ─┤
//	assets/  + theme ─ assets (minify, hash) ──┴─ site.Build ─ publish ─ public/
//	         site.Build: site/plan (the pages) → render each → linkcheck, search;
//	         site/rebuild: a Builder's memory of its last builds (signatures)
//	serve: watch files → site.Build → live reload
//	check: site.Build into a temporary directory → links (linkcheck), meta
//	       fields, HTML; proofread.FS on content/ → findings and warnings
//
// main owns flags and exit codes only; site is the one package that knows the
// whole pipeline, with two subpackages of its own: site/plan decides the
// output pages and site/rebuild remembers a Builder's previous builds;
// config reads and checks config.toml (for site and for import into a
// site); assets loads, minifies and hash-names the assets for site;
// linkcheck resolves links against the published files (for site and
// check); check verifies its result (for generator check and the import's
// proof); content is the shared data model.
package main
