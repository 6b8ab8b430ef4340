// Package site is the only package that knows the whole pipeline. It owns
// Build, which reads a site's source directory and publishes the finished
// site:
//
//	config.toml ─ config.Load ─┐
//	content/    ─ content.Load ─ plan.New (URLs, outline, neighbours)
//	                     └─ markdown.Convert ─ render.NewPage, Execute ─┐
//	layouts/ (over theme) ─ render.Parse ─────────────────────────────┤
//	assets/  (over theme) ─ assets.Load (minify, hash) ───────────────┤
//	                      sitemap.xml, robots.txt, 404.html ───────────┴─ publish (atomic)
//
// The code follows the steps of a build (build.go): read the sources, plan
// the pages (package site/plan: which output pages exist, where, and how
// they link; the attachments and related links of front matter), prepare
// (the home's headline figures, signatures), render every page a report at
// a time (pages.go; indicators.go verifies and marks the indicator
// sentences, search.go feeds the search index, package linkcheck checks the
// links), then publish. What a build knows of the builds before it is one
// type, incremental (incremental.go): for a Builder, memory, which holds
// the caches and package site/rebuild's Memory (the previous build's
// pages, the signature of every output file's inputs, the link refs and
// search texts of the files it may keep) so that a rebuild renders only
// what changed, or, for a single Build, single, which keeps nothing and
// streams page texts instead. The build code itself has no branch on the
// kind of build.
//
// site decides what is on each page; render decides how it reads: the page
// view (render.NewPage), the cards and their wording, the data page, the
// titles of generated pages, the links around the text and the QR code are
// render's. site passes it what the plan knows (render.Entry).
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
// are generated (planned by site/plan); with base_url every page carries a
// QR code of its address.
//
// Inputs: a source directory. Outputs: the destination directory and a Result
// (with Result.Sources, the content file of each page, for package check,
// which verifies a built site and imports site; site never imports check).
// Imports: config (reading and checking config.toml, which STYLE.md first
// gave to site), assets (loading, minifying and hash-naming the assets),
// its subpackages site/plan and site/rebuild (which only site imports),
// linkcheck, content, markdown, render, theme, publish, indicator, search
// and the standard library.
package site
