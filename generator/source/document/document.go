package document

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"
)

// ErrTooLarge is wrapped when a file, or a part of a Word file once
// unpacked, is over MaxSize.
var ErrTooLarge = errors.New("too large")

// Document is the text of one source file and the metadata its structure
// holds.
type Document struct {
	// Text is the report's text, UTF-8, one block per line ("\n" ends each
	// line). For a text file it is the file's bytes, unchanged, in whatever
	// encoding they are.
	Text []byte
	// Format is the format read: "text", "html", "mhtml" or "docx".
	Format string
	// Encoding is the character encoding of a web page ("UTF-8",
	// "GB18030", …); empty for other formats.
	Encoding string
	// Meta holds the metadata fields found outside the text's lines.
	Meta Meta
	// Headings are the lines of Text a Word document marks as headings.
	Headings []Heading
	// Dropped lists what the reader left out of Text, in document order:
	// a page's navigation, header, footer, link lists and hidden text, a
	// Word file's page headers and footers and tracked deletions.
	Dropped []Drop
}

// Meta is the document metadata a source holds in its structure. Empty
// fields were not found.
type Meta struct {
	Title     string // the document's title (标题, ArticleTitle, core.xml title)
	Issued    string // 发文日期 or the publication date, YYYY-MM-DD
	Written   string // 成文日期, YYYY-MM-DD
	Publisher string // 发布机构, 发文机关, 来源
	IndexNo   string // 索引号
	DocNo     string // 文号
	// Other are the remaining fields, in document order, keyed as printed
	// (layout spaces and the colon removed).
	Other []Field
}

// Field is one metadata field.
type Field struct {
	Key, Value string
}

// Heading is a line of Document.Text that the source marks as a heading.
type Heading struct {
	Line  int // 1-based line of Document.Text
	Level int // 1 for the top level
}

// MaxSize is the largest page or document, and the largest part of a Word
// file once unpacked, that Read accepts: a report is well under 1 MiB of
// text, and a saved page with inline images a few MiB.
const MaxSize = 64 << 20

// Drop is a run of a source's text that Read left out of Document.Text:
// blocks of one reason, next to each other, at one place.
type Drop struct {
	// Where is where the editor finds the run: "lines 12–48" of the .html
	// file (the lines its blocks' elements start on), "body > div#nav" (the
	// element that holds it, when the lines are not known: a page saved as
	// .mht), or a part of a Word file ("word/footer1.xml").
	Where string
	// Place is "before the article", "in the article", "after the article"
	// (a page), "in the text" (a Word file's body) or, for what is not in
	// the text's flow (a Word file's page footers, the scripts of a page),
	// "outside the text".
	Place string
	// Reason says what the run is: "navigation", "page header", "footer",
	// "share widget", "search", "form", "link list", "sidebar", "hidden",
	// "form control", "embedded object", "before the article", "after the
	// article", "script/style", "page footer", "page header part",
	// "tracked deletion".
	Reason string
	// Blocks is how many text blocks (lines, as Text would hold them) or
	// elements the run has.
	Blocks int
	// Sample is the run's first text, at most sampleLen characters, so the
	// editor recognises it.
	Sample string
}

// SampleLen is the longest Drop.Sample, in characters.
const SampleLen = 30

// ReasonScripts is the Reason of the one Drop that counts a page's
// scripts and styles.
const ReasonScripts = "script/style"

// Places of a Drop.
const (
	PlaceBefore  = "before the article"
	PlaceIn      = "in the article"
	PlaceAfter   = "after the article"
	PlaceOutside = "outside the text"
	PlaceText    = "in the text"
)

// String formats a drop as DroppedSummary lists it: where, why, how many
// blocks, and the sample.
func (d Drop) String() string {
	if d.Reason == ReasonScripts {
		return fmt.Sprintf("%d scripts and styles", d.Blocks)
	}
	s := d.Where + " " + d.Reason
	unit := "blocks"
	if d.Blocks == 1 {
		unit = "block"
	}
	s += fmt.Sprintf(" (%d %s", d.Blocks, unit)
	if d.Sample != "" {
		s += ", " + strconv.Quote(d.Sample)
	}
	return s + ")"
}

// DroppedSummary lists what Read left out, on one line, grouped by place:
// "before the article: lines 1–36 navigation (24 blocks, "首页"), …;
// after the article: …". It is empty when nothing was left out.
func (d *Document) DroppedSummary() string {
	var parts []string
	for i := 0; i < len(d.Dropped); {
		place := d.Dropped[i].Place
		var items []string
		for ; i < len(d.Dropped) && d.Dropped[i].Place == place; i++ {
			items = append(items, d.Dropped[i].String())
		}
		parts = append(parts, place+": "+strings.Join(items, ", "))
	}
	return strings.Join(parts, "; ")
}

// Sample cuts a dropped text to sampleLen characters, its white space
// collapsed; a cut text ends in "…".
func Sample(s string) string {
	s = strings.Join(strings.FieldsFunc(s, IsLayoutSpace), " ")
	if utf8.RuneCountInString(s) <= SampleLen {
		return s
	}
	r := []rune(s)
	return strings.TrimSpace(string(r[:SampleLen-1])) + "…"
}
