package markdown

import (
	"bytes"
	"fmt"
	"sort"
	"strings"

	"github.com/alecthomas/chroma/v2"
	chromahtml "github.com/alecthomas/chroma/v2/formatters/html"
	"github.com/alecthomas/chroma/v2/styles"
)

// The chroma styles of ChromaCSS; both ship with chroma v2.
const (
	lightStyle = "github"
	darkStyle  = "github-dark"
)

// ChromaCSS returns the stylesheet for highlighted code: the "github" style,
// and "github-dark" inside @media (prefers-color-scheme: dark). The bytes
// are the same on every call.
func ChromaCSS() []byte {
	light, dark := styles.Get(lightStyle), styles.Get(darkStyle)
	f := chromahtml.New(chromaOptions()...)
	var b bytes.Buffer
	// Writing to a bytes.Buffer cannot fail.
	_ = f.WriteCSS(&b, light)
	b.WriteString("@media (prefers-color-scheme: dark) {\n")
	_ = f.WriteCSS(&b, dark)
	writeResets(&b, light, dark)
	b.WriteString("}\n")
	return b.Bytes()
}

// writeResets undoes, for the dark style, each property that the light
// style sets on a token class and the dark style leaves unset. chroma
// writes only what differs from a style's own background entry, so without
// this a dark page would keep, say, the light style's near-black colour of
// a token that github-dark shows in its plain text colour.
func writeResets(b *bytes.Buffer, light, dark *chroma.Style) {
	types := make([]chroma.TokenType, 0, len(chroma.StandardTypes))
	for t := range chroma.StandardTypes {
		types = append(types, t)
	}
	sort.Slice(types, func(i, j int) bool { return types[i] < types[j] })
	lightBg, darkBg := light.Get(chroma.Background), dark.Get(chroma.Background)
	var decls []string
	for _, t := range types {
		class := chroma.StandardTypes[t]
		if t == chroma.Background || t == chroma.PreWrapper || class == "" {
			continue
		}
		l, d := light.Get(t).Sub(lightBg), dark.Get(t).Sub(darkBg)
		decls = decls[:0]
		if l.Colour.IsSet() && !d.Colour.IsSet() {
			decls = append(decls, "color: inherit")
		}
		if l.Background.IsSet() && !d.Background.IsSet() {
			decls = append(decls, "background-color: transparent")
		}
		if l.Bold == chroma.Yes && d.Bold != chroma.Yes {
			decls = append(decls, "font-weight: normal")
		}
		if l.Italic == chroma.Yes && d.Italic != chroma.Yes {
			decls = append(decls, "font-style: normal")
		}
		if l.Underline == chroma.Yes && d.Underline != chroma.Yes {
			decls = append(decls, "text-decoration: none")
		}
		if len(decls) > 0 {
			fmt.Fprintf(b, ".chroma .%s { %s }\n", class, strings.Join(decls, "; "))
		}
	}
}
