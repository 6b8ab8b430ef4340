module reportsite

// Direct dependencies, one owner package each (see ../shared/design/STYLE.md):
// goldmark, goldmark-highlighting, chroma: generator/markdown (with its
// subpackages dialect and mark);
// pelletier/go-toml/v2 (decoding: five times as fast, with the position of
// every error) and BurntSushi/toml (encoding, whose format the committed
// content follows): generator/content; fsnotify: generator/watch;
// tdewolff/minify: generator/assets (CSS and JS assets); x/text:
// generator/report/lex (GB18030, UTF-16, widths) and generator/source/webpage
// (web page charsets); x/net/html: generator/check (the published pages) and
// generator/source/webpage (reading saved web pages);
// x/sys: generator/publish (renameat2, flock). Test only: x/tools (txtar, in
// generator/internal/testsite, which only tests import),
// chromedp and cdproto (the theme's browser tests, which drive Debian's
// Chromium). goldmark-highlighting has no tagged release; the pin is its last
// commit.

go 1.26.8

require (
	github.com/BurntSushi/toml v1.6.0
	github.com/alecthomas/chroma/v2 v2.27.0
	github.com/chromedp/cdproto v0.159.0
	github.com/chromedp/chromedp v0.23.0
	github.com/fsnotify/fsnotify v1.10.1
	github.com/pelletier/go-toml/v2 v2.4.3
	github.com/piglig/go-qr v1.1.0 // generator/render: each page's QR code as inline SVG (Nayuki's encoder ported, no dependencies; its decoder checks the test)
	github.com/tdewolff/minify/v2 v2.24.25
	github.com/yuin/goldmark v1.8.7
	github.com/yuin/goldmark-highlighting/v2 v2.0.0-20230729083705-37449abec8cc
	golang.org/x/net v0.62.0
	golang.org/x/sys v0.49.0
	golang.org/x/text v0.44.0
	golang.org/x/tools v0.52.0
)

require (
	github.com/dlclark/regexp2/v2 v2.2.1 // indirect
	github.com/go-json-experiment/json v0.0.0-20260213210345-44df1a37e875 // indirect
	github.com/tdewolff/parse/v2 v2.8.20 // indirect
)
