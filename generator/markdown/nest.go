package markdown

import (
	"html/template"
	"path"
	"slices"
	"strings"

	"github.com/yuin/goldmark/ast"
)

// Nest renders the page again for display inside a larger document, such
// as the full-text page that shows every page of a report: every id and
// in-page link gets prefix, every heading goes shift levels deeper (capped
// at h6), every relative link and image is rebased by base, the directory
// of the page as seen from the larger document's directory ("01/" when the
// page is in the subdirectory 01; "" for the same directory), and marked
// sentences are not marked. It renders the tree that Convert parsed,
// changed for the while, rather than converting again: a Result is not for
// two goroutines at once. Rendering cannot fail (it writes to memory and
// no renderer of this package returns an error), so an error is a bug and
// panics.
func (r *Result) Nest(prefix string, shift int, base string) template.HTML {
	if r.doc == nil {
		return r.HTML
	}
	cv := r.cv
	sc := cv.conv.getScratch()
	defer cv.conv.putScratch(sc)
	changes := slices.Grow(sc.changes[:0], len(r.IDs)+len(r.Links)+len(r.Headings))
	n := 0
	for _, id := range r.IDs {
		n += len(prefix) + len(id)
	}
	// The prefixed ids, in memory of the scratch: the tree holds them only
	// until it is restored below.
	ids := slices.Grow(sc.ids[:0], n)
	_ = ast.Walk(r.doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		ch := change{n: n}
		changed := false
		if v, ok := n.AttributeString("id"); ok {
			if id, ok := v.([]byte); ok {
				ch.id, changed = v, true
				at := len(ids)
				ids = append(append(ids, prefix...), id...)
				n.SetAttributeString("id", ids[at:len(ids):len(ids)])
			}
		}
		switch n := n.(type) {
		case *ast.Heading:
			ch.level, n.Level, changed = n.Level, min(n.Level+shift, 6), true
		case *ast.Link:
			ch.dest, n.Destination, changed = n.Destination, nestURL(n.Destination, prefix, base), true
		case *ast.Image:
			ch.dest, n.Destination, changed = n.Destination, nestURL(n.Destination, prefix, base), true
		}
		if changed {
			changes = append(changes, ch)
		}
		return ast.WalkContinue, nil
	})
	if cv.footnotes {
		r.doc.SetAttributeString(idPrefixAttr, append([]byte(prefix), cv.opt.IDPrefix...))
	}
	cv.hidden = true
	h, err := cv.conv.render(r.doc, cv.src)
	cv.hidden = false
	if cv.footnotes && cv.opt.IDPrefix != "" {
		r.doc.SetAttributeString(idPrefixAttr, []byte(cv.opt.IDPrefix))
	} else if cv.footnotes {
		r.doc.RemoveAttributes()
	}
	sc.changes, sc.ids = changes, ids
	for _, ch := range changes {
		if ch.id != nil {
			ch.n.SetAttributeString("id", ch.id)
		}
		switch n := ch.n.(type) {
		case *ast.Heading:
			n.Level = ch.level
		case *ast.Link:
			n.Destination = ch.dest
		case *ast.Image:
			n.Destination = ch.dest
		}
	}
	if err != nil {
		panic(err)
	}
	return h
}

// A change is what Nest changes of a node for the while.
type change struct {
	n     ast.Node
	id    any    // the id attribute it had, or nil
	dest  []byte // the destination it had, for a link or image
	level int    // the level it had, for a heading
}

// nestURL returns a link's destination as the larger document of Nest
// sees it: an in-page fragment prefixed, a relative reference rebased.
func nestURL(dest []byte, prefix, base string) []byte {
	if len(dest) > 0 && dest[0] == '#' {
		return append([]byte("#"+prefix), dest[1:]...)
	}
	return []byte(rebase(base, string(dest)))
}

// rebase returns the relative reference u as seen from a document whose
// directory is base's parent; absolute URLs, root-relative paths and
// fragments are returned as they are.
func rebase(base, u string) string {
	if base == "" || u == "" || u[0] == '#' || u[0] == '/' || HasScheme(u) {
		return u
	}
	rest := ""
	if i := strings.IndexAny(u, "?#"); i >= 0 {
		u, rest = u[:i], u[i:]
	}
	j := path.Join(base, u)
	if strings.HasSuffix(u, "/") && !strings.HasSuffix(j, "/") {
		j += "/"
	}
	return j + rest
}

// HasScheme reports whether u starts with a URL scheme ("https:", "mailto:"),
// as a browser reads one: a letter, then letters, digits, "+", "-" or ".",
// then ":".
func HasScheme(u string) bool {
	for i := 0; i < len(u); i++ {
		switch c := u[i]; {
		case c == ':':
			return i > 0
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', i > 0 && ('0' <= c && c <= '9' || c == '+' || c == '-' || c == '.'):
		default:
			return false
		}
	}
	return false
}
