// Package site is the only package that knows the whole pipeline. It owns
// Config (config.toml) and Build, which reads a site's source directory and
// publishes the finished site:
//
//	config.toml ─ LoadConfig ─┐
//	content/    ─ content.Load ─ plan (URLs, outline, neighbours)
//	                     └─ markdown.Convert ─ render.Execute ─┐
//	layouts/ (over theme) ─ render.Parse ────────────────────┤
//	assets/  (over theme) ─ minify, hash ────────────────────┤
//	                      sitemap.xml, robots.txt, 404.html ──┴─ publish (atomic)
//
// Output layout: a section directory D becomes D/index.html, a page D/N.md
// becomes D/N.html, a report also gets D/full.html (the whole report on one
// page), assets go to assets/ with content-hashed names, the search index
// (generator/search: every page's text, its paragraphs numbered p-1, p-2, …
// for results to land on) to search/. Pages are files
// rather than directories of their own: links stay short and work from disk,
// and a build creates a tenth of the directories.
// All links between pages are relative. A page's [[attachments]] are
// published beside it with a content hash in their names; sitemap.html
// (网站地图) and, when config.toml names a contact, contact.html (联系我们)
// are generated (portal.go); with base_url every page carries a QR code of
// its address (qr.go).
//
// Inputs: a source directory. Outputs: the destination directory and a Result
// (with Result.Sources, the content file of each page, for package check,
// which verifies a built site and imports site; site never imports check).
// Imports: content, markdown, render, theme, publish, indicator, search, the
// standard library, tdewolff/minify (CSS and JS assets) and piglig/go-qr
// (the QR codes).
package site
