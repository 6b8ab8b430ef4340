package docx

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"path"
	"regexp"
	"strconv"
	"strings"

	"reportsite/generator/source/document"
)

// ErrNotDocx is wrapped when a file is not a zip archive with
// word/document.xml.
var ErrNotDocx = errors.New("not a Word .docx file (not a zip archive with word/document.xml); open it in Word or LibreOffice and save it as .docx, or as text (.txt)")

// maxRatio is the largest compression ratio of a part over 1 MiB: Word's
// XML packs 5 to 20 times; a zip bomb a thousand.
const maxRatio = 200

// Read reads a Word document's paragraphs and tables.
func Read(data []byte) (*document.Document, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrNotDocx, err)
	}
	pk := &pkg{zr: zr}
	main := pk.target("_rels/.rels", "", "/officeDocument", "word/document.xml")
	doc, err := pk.read(main)
	if err != nil {
		return nil, err
	}
	if doc == nil {
		return nil, fmt.Errorf("%w: it has no %s", ErrNotDocx, main)
	}
	dir := path.Dir(main)
	relsName := path.Join(dir, "_rels", path.Base(main)+".rels")
	st, nb, err := pk.formats(relsName, dir)
	if err != nil {
		return nil, err
	}
	notes, err := pk.notes(relsName, dir, st)
	if err != nil {
		return nil, err
	}
	d := &document.Document{Format: "docx"}
	r := &docxReader{styles: st, num: nb, doc: d}
	if err := r.read(doc); err != nil {
		return nil, fmt.Errorf("%s: %w", main, err)
	}
	for _, ref := range r.refs {
		if text := notes[ref.key]; text != "" {
			r.out = append(r.out, ref.mark+" "+text)
		}
	}
	for _, l := range r.out {
		d.Text = append(append(d.Text, l...), '\n')
	}
	if len(r.deleted) > 0 {
		d.Dropped = append(d.Dropped, document.Drop{Where: main, Place: document.PlaceText, Reason: "tracked deletion", Blocks: len(r.deleted), Sample: document.Sample(r.deleted[0])})
	}
	if err := pk.dropFurniture(d, dir, st); err != nil {
		return nil, err
	}
	if err := pk.core(d); err != nil {
		return nil, err
	}
	return d, nil
}

// formats reads the styles and the numbering of the main document part.
func (pk *pkg) formats(relsName, dir string) (*styles, *numbering, error) {
	st := &styles{byID: map[string]*xStyle{}}
	if b, err := pk.read(pk.target(relsName, dir, "/styles", path.Join(dir, "styles.xml"))); err != nil {
		return nil, nil, err
	} else if b != nil {
		st.parse(b)
	}
	nb := &numbering{}
	if b, err := pk.read(pk.target(relsName, dir, "/numbering", path.Join(dir, "numbering.xml"))); err != nil {
		return nil, nil, err
	} else if b != nil {
		nb.parse(b)
	}
	return st, nb, nil
}

// notes reads the footnotes and endnotes by key.
func (pk *pkg) notes(relsName, dir string, st *styles) (map[string]string, error) {
	// Footnotes and endnotes are read first, into notes; the text shows
	// a note's number where it is called ("[1]") and the notes after the
	// body, in the order they are called.
	notes := map[string]string{}
	for _, kind := range []string{"footnotes", "endnotes"} {
		name := pk.target(relsName, dir, "/"+kind, path.Join(dir, kind+".xml"))
		b, err := pk.read(name)
		if err != nil {
			return nil, err
		}
		if b == nil {
			continue
		}
		nr := &docxReader{styles: st, num: &numbering{}, doc: &document.Document{}, notes: notes}
		if err := nr.read(b); err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
	}
	return notes, nil
}

// dropFurniture lists the page headers, footers and comments of the
// document's directory in d.Dropped.
func (pk *pkg) dropFurniture(d *document.Document, dir string, st *styles) error {
	// Page headers and footers and comments are not the report's text.
	for _, part := range []struct{ prefix, reason string }{
		{"header", "page header part"}, {"footer", "page footer"}, {"comments", "comments"},
	} {
		for _, f := range pk.zr.File {
			name := f.Name
			if path.Dir(name) != dir || !strings.HasPrefix(path.Base(name), part.prefix) || path.Ext(name) != ".xml" {
				continue
			}
			b, err := pk.read(name)
			if err != nil {
				return err
			}
			pr := &docxReader{styles: st, num: &numbering{}, doc: &document.Document{}}
			if err := pr.read(b); err != nil {
				return fmt.Errorf("%s: %w", name, err)
			}
			var text []string
			for _, l := range pr.out {
				if strings.TrimFunc(l, document.IsLayoutSpace) != "" {
					text = append(text, l)
				}
			}
			if len(text) > 0 {
				d.Dropped = append(d.Dropped, document.Drop{Where: name, Place: document.PlaceOutside, Reason: part.reason, Blocks: len(text), Sample: document.Sample(text[0])})
			}
		}
	}
	return nil
}

// core reads docProps/core.xml: the title, and when the file was created.
func (pk *pkg) core(d *document.Document) error {
	if b, err := pk.read("docProps/core.xml"); err != nil {
		return err
	} else if b != nil {
		var core struct {
			Title   string `xml:"title"`
			Created string `xml:"created"`
		}
		if xml.Unmarshal(b, &core) == nil {
			d.Meta.Title = document.CleanTitle(core.Title)
			if c := document.ISODate(core.Created); c != "" {
				d.Meta.Other = append(d.Meta.Other, document.Field{Key: "created", Value: c})
			}
		}
	}
	return nil
}

// pkg reads the parts of a zip package, each at most document.MaxSize unpacked.
type pkg struct {
	zr *zip.Reader
}

// read returns a part's bytes, or nil if the package has no such part.
func (p *pkg) read(name string) ([]byte, error) {
	name = strings.TrimPrefix(name, "/")
	for _, f := range p.zr.File {
		if !strings.EqualFold(f.Name, name) {
			continue
		}
		if f.UncompressedSize64 > document.MaxSize {
			return nil, fmt.Errorf("%w: %s would unpack to %d MiB, over the limit of %d MiB (a zip bomb?)", document.ErrTooLarge, f.Name, f.UncompressedSize64>>20, document.MaxSize>>20)
		}
		if f.UncompressedSize64 > 1<<20 && f.UncompressedSize64 > maxRatio*f.CompressedSize64 {
			return nil, fmt.Errorf("%w: %s is packed %d times (a zip bomb?)", document.ErrTooLarge, f.Name, f.UncompressedSize64/max(f.CompressedSize64, 1))
		}
		rc, err := f.Open()
		if err != nil {
			return nil, fmt.Errorf("%w: %s: %v", ErrNotDocx, f.Name, err)
		}
		defer rc.Close()
		// The sizes in the headers may lie; the reading stops at the limit.
		b, err := io.ReadAll(io.LimitReader(rc, document.MaxSize+1))
		if len(b) > document.MaxSize {
			return nil, fmt.Errorf("%w: %s unpacks to more than %d MiB (a zip bomb?)", document.ErrTooLarge, f.Name, document.MaxSize>>20)
		}
		if err != nil {
			return nil, fmt.Errorf("%w: %s: %v", ErrNotDocx, f.Name, err)
		}
		if len(b) > 1<<20 && uint64(len(b)) > maxRatio*f.CompressedSize64 {
			return nil, fmt.Errorf("%w: %s is packed %d times (a zip bomb?)", document.ErrTooLarge, f.Name, uint64(len(b))/max(f.CompressedSize64, 1))
		}
		return b, nil
	}
	return nil, nil
}

// target returns the part a relationship of the given type (its URI's
// ending) points to from the rels part, resolved against dir, or def.
func (p *pkg) target(rels, dir, typ, def string) string {
	b, err := p.read(rels)
	if err != nil || b == nil {
		return def
	}
	var x struct {
		Rels []struct {
			Type   string `xml:"Type,attr"`
			Target string `xml:"Target,attr"`
			Mode   string `xml:"TargetMode,attr"`
		} `xml:"Relationship"`
	}
	if xml.Unmarshal(b, &x) != nil {
		return def
	}
	for _, r := range x.Rels {
		if strings.HasSuffix(r.Type, typ) && r.Mode != "External" {
			if strings.HasPrefix(r.Target, "/") {
				return strings.TrimPrefix(r.Target, "/")
			}
			return path.Join(dir, r.Target)
		}
	}
	return def
}

type xVal struct {
	Val string `xml:"val,attr"`
}

type xNumPr struct {
	Ilvl  *xVal `xml:"ilvl"`
	NumID *xVal `xml:"numId"`
}

type xStyle struct {
	Type    string `xml:"type,attr"`
	ID      string `xml:"styleId,attr"`
	Name    xVal   `xml:"name"`
	BasedOn xVal   `xml:"basedOn"`
	PPr     struct {
		NumPr      *xNumPr `xml:"numPr"`
		OutlineLvl *xVal   `xml:"outlineLvl"`
	} `xml:"pPr"`
}

// styles are a document's paragraph styles.
type styles struct {
	byID map[string]*xStyle
}

func (s *styles) parse(b []byte) {
	var x struct {
		Styles []*xStyle `xml:"style"`
	}
	if xml.Unmarshal(b, &x) != nil {
		return
	}
	for _, st := range x.Styles {
		if st.Type == "" || st.Type == "paragraph" {
			s.byID[st.ID] = st
		}
	}
}

var headingStyleRe = regexp.MustCompile(`(?i)^(?:heading|标题)\s*([1-9])$`)

// chain returns a style and the styles it is based on, nearest first.
func (s *styles) chain(id string) []*xStyle {
	var out []*xStyle
	for i := 0; i < 10 && id != ""; i++ {
		st := s.byID[id]
		if st == nil {
			break
		}
		out = append(out, st)
		id = st.BasedOn.Val
	}
	return out
}

// level returns the heading level a style gives its paragraphs, or 0.
func (s *styles) level(id string) int {
	for _, st := range s.chain(id) {
		if m := headingStyleRe.FindStringSubmatch(strings.TrimSpace(st.Name.Val)); m != nil {
			return int(m[1][0] - '0')
		}
		if st.PPr.OutlineLvl != nil {
			return outlineLevel(st.PPr.OutlineLvl.Val)
		}
	}
	return 0
}

// numPr returns the numbering a style gives its paragraphs.
func (s *styles) numPr(id string) (numID string, ilvl int) {
	for _, st := range s.chain(id) {
		if n := st.PPr.NumPr; n != nil && n.NumID != nil {
			if n.Ilvl != nil {
				ilvl, _ = strconv.Atoi(n.Ilvl.Val)
			}
			return n.NumID.Val, ilvl
		}
	}
	return "", 0
}

// outlineLevel turns Word's outline level (0-8, 9 for body text) into a
// heading level (1-9, 0 for none).
func outlineLevel(v string) int {
	n, err := strconv.Atoi(v)
	if err != nil || n < 0 || n > 8 {
		return 0
	}
	return n + 1
}

type xLvl struct {
	Ilvl    string `xml:"ilvl,attr"`
	Start   *xVal  `xml:"start"`
	NumFmt  *xVal  `xml:"numFmt"`
	LvlText *xVal  `xml:"lvlText"`
	Restart *xVal  `xml:"lvlRestart"`
	Suff    xVal   `xml:"suff"`
	IsLgl   *xVal  `xml:"isLgl"`
	// Word 2010 writes a custom format as a Choice and the classic one as
	// its Fallback.
	Alt struct {
		Fallback struct {
			NumFmt *xVal `xml:"numFmt"`
		} `xml:"Fallback"`
	} `xml:"AlternateContent"`
}

func (l *xLvl) format() string {
	if l.NumFmt != nil {
		return l.NumFmt.Val
	}
	if l.Alt.Fallback.NumFmt != nil {
		return l.Alt.Fallback.NumFmt.Val
	}
	return "decimal"
}

func (l *xLvl) start() int {
	if l.Start == nil {
		return 1
	}
	n, err := strconv.Atoi(l.Start.Val)
	if err != nil {
		return 1
	}
	return n
}

// numbering holds a document's lists and counts their items as Word does:
// the counters belong to the abstract list, so two lists (numId) of one
// abstract list continue each other, unless a list overrides a level's
// start, which starts that level again where the list is first used; a
// level starts again after a higher level is used (or the level its
// lvlRestart names).
type numbering struct {
	abstract map[string]map[int]*xLvl
	nums     map[string]xNum
	count    map[string]*[9]int // abstract id → counters
	started  map[string]*[9]bool
	used     map[string]bool // numId with overrides already applied
}

type xNum struct {
	ID       string `xml:"numId,attr"`
	Abstract xVal   `xml:"abstractNumId"`
	Override []struct {
		Ilvl  string `xml:"ilvl,attr"`
		Start *xVal  `xml:"startOverride"`
		Lvl   *xLvl  `xml:"lvl"`
	} `xml:"lvlOverride"`
}

func (n *numbering) parse(b []byte) {
	var x struct {
		Abstract []struct {
			ID   string  `xml:"abstractNumId,attr"`
			Lvls []*xLvl `xml:"lvl"`
		} `xml:"abstractNum"`
		Nums []xNum `xml:"num"`
	}
	if xml.Unmarshal(b, &x) != nil {
		return
	}
	n.abstract = map[string]map[int]*xLvl{}
	n.nums = map[string]xNum{}
	for _, a := range x.Abstract {
		m := map[int]*xLvl{}
		for _, l := range a.Lvls {
			if i, err := strconv.Atoi(l.Ilvl); err == nil && i >= 0 && i < 9 {
				m[i] = l
			}
		}
		n.abstract[a.ID] = m
	}
	for _, m := range x.Nums {
		n.nums[m.ID] = m
	}
}

// label returns the label Word prints before the next paragraph of list
// numID at level ilvl, and the separator after it.
func (n *numbering) label(numID string, ilvl int) string {
	num, ok := n.nums[numID]
	if !ok || ilvl < 0 || ilvl > 8 {
		return ""
	}
	lvls, count, started := n.levels(numID, num)
	lvl := lvls[ilvl]
	if lvl == nil {
		return ""
	}
	advance(lvls, count, started, ilvl, lvl)
	if lvl.LvlText == nil {
		return ""
	}
	return render(lvls, count, started, lvl)
}

// levels returns the levels of list numID, its abstract list's with the
// list's overrides, and the counters of its abstract list; a start
// override sets the counters the first time the list is used.
func (n *numbering) levels(numID string, num xNum) (map[int]*xLvl, *[9]int, *[9]bool) {
	abs := num.Abstract.Val
	lvls := map[int]*xLvl{}
	for i, l := range n.abstract[abs] {
		lvls[i] = l
	}
	if n.count == nil {
		n.count, n.started, n.used = map[string]*[9]int{}, map[string]*[9]bool{}, map[string]bool{}
	}
	if n.count[abs] == nil {
		n.count[abs], n.started[abs] = new([9]int), new([9]bool)
	}
	count, started := n.count[abs], n.started[abs]
	for _, o := range num.Override {
		i, err := strconv.Atoi(o.Ilvl)
		if err != nil || i < 0 || i > 8 {
			continue
		}
		if o.Lvl != nil {
			lvls[i] = o.Lvl
		}
		if o.Start != nil && !n.used[numID] {
			s, _ := strconv.Atoi(o.Start.Val)
			count[i], started[i] = s-1, true
		}
	}
	n.used[numID] = true
	return lvls, count, started
}

// advance counts one more paragraph at level ilvl and resets the levels
// below it that restart after it.
func advance(lvls map[int]*xLvl, count *[9]int, started *[9]bool, ilvl int, lvl *xLvl) {
	if started[ilvl] {
		count[ilvl]++
	} else {
		count[ilvl], started[ilvl] = lvl.start(), true
	}
	for j := ilvl + 1; j < 9; j++ {
		l := lvls[j]
		if l == nil || l.Restart == nil {
			started[j] = false
			continue
		}
		if r, _ := strconv.Atoi(l.Restart.Val); r != 0 && ilvl <= r-1 {
			started[j] = false
		}
	}
}

// render prints a level's lvlText with each level's counter in its format.
func render(lvls map[int]*xLvl, count *[9]int, started *[9]bool, lvl *xLvl) string {
	text := lvl.LvlText.Val
	var b strings.Builder
	for i := 0; i < len(text); i++ {
		if text[i] == '%' && i+1 < len(text) && text[i+1] >= '1' && text[i+1] <= '9' {
			k := int(text[i+1] - '1')
			i++
			l := lvls[k]
			if l == nil {
				continue
			}
			c := count[k]
			if !started[k] {
				c = l.start()
			}
			f := l.format()
			if lvl.IsLgl != nil && lvl.IsLgl.Val != "0" && lvl.IsLgl.Val != "false" {
				f = "decimal"
			}
			b.WriteString(formatNumber(c, f))
			continue
		}
		b.WriteByte(text[i])
	}
	s := b.String()
	if lvl.format() == "bullet" {
		s = strings.Map(func(r rune) rune {
			if r >= 0xE000 && r <= 0xF8FF {
				return '•'
			}
			return r
		}, s)
	}
	if s == "" {
		return ""
	}
	// Word puts a tab after the label by default. A label that ends in a
	// Latin mark ("1.") is kept apart from text that may start with a
	// figure ("1. 2025年…" is not "1.2025"); Chinese marks (、）．) end
	// a label by themselves.
	if lvl.Suff.Val != "nothing" {
		if last := s[len(s)-1]; last < 0x80 && last != ' ' {
			s += " "
		}
	}
	return s
}

const (
	cnDigits = "〇一二三四五六七八九"
	cnLegal  = "零壹贰叁肆伍陆柒捌玖"
)

// formatNumber writes n in one of Word's number formats.
func formatNumber(n int, f string) string {
	if n < 0 {
		n = 0
	}
	switch f {
	case "none", "bullet":
		return ""
	case "decimalZero":
		return fmt.Sprintf("%02d", n)
	case "decimalFullWidth", "decimalFullWidth2":
		return strings.Map(func(r rune) rune { return r - '0' + '０' }, strconv.Itoa(n))
	case "chineseCounting", "chineseCountingThousand", "japaneseCounting", "taiwaneseCounting", "taiwaneseCountingThousand", "ideographLegalTraditional":
		return chineseNumber(n, []rune("零一二三四五六七八九"), []rune("十百千"), true)
	case "chineseLegalSimplified":
		return chineseNumber(n, []rune(cnLegal), []rune("拾佰仟"), false)
	case "ideographDigital", "japaneseDigitalTenThousand", "taiwaneseDigital":
		return strings.Map(func(r rune) rune { return []rune(cnDigits)[r-'0'] }, strconv.Itoa(n))
	case "ideographTraditional":
		return cycle(n, "甲乙丙丁戊己庚辛壬癸")
	case "ideographZodiac":
		return cycle(n, "子丑寅卯辰巳午未申酉戌亥")
	case "decimalEnclosedCircle", "decimalEnclosedCircleChinese", "ideographEnclosedCircle":
		if n >= 1 && n <= 20 {
			return string(rune(0x2460 + n - 1))
		}
	case "decimalEnclosedParen":
		if n >= 1 && n <= 20 {
			return string(rune(0x2474 + n - 1))
		}
	case "decimalEnclosedFullstop":
		if n >= 1 && n <= 20 {
			return string(rune(0x2488 + n - 1))
		}
	case "lowerLetter", "upperLetter":
		if n >= 1 {
			s := strings.Repeat(string(rune('a'+(n-1)%26)), (n-1)/26+1)
			if f == "upperLetter" {
				s = strings.ToUpper(s)
			}
			return s
		}
	case "lowerRoman", "upperRoman":
		if n >= 1 && n < 4000 {
			s := roman(n)
			if f == "lowerRoman" {
				s = strings.ToLower(s)
			}
			return s
		}
	}
	return strconv.Itoa(n)
}

// chineseNumber writes n (below 10000) as Chinese numerals are read:
// 十, 十一, 二十, 一百零五, 一千零一十; short drops the 一 of 一十 at the
// start (十一), as counting does and the legal (banking) form does not.
func chineseNumber(n int, digits, units []rune, short bool) string {
	if n == 0 {
		return string(digits[0])
	}
	if n >= 10000 {
		return strconv.Itoa(n)
	}
	var b []rune
	zero := false
	for i, p := 3, 1000; i >= 0; i, p = i-1, p/10 {
		d := n / p % 10
		if d == 0 {
			zero = len(b) > 0
			continue
		}
		if zero {
			b = append(b, digits[0])
			zero = false
		}
		if !(short && i == 1 && d == 1 && len(b) == 0) {
			b = append(b, digits[d])
		}
		if i > 0 {
			b = append(b, units[i-1])
		}
	}
	return string(b)
}

func cycle(n int, set string) string {
	r := []rune(set)
	if n < 1 {
		return strconv.Itoa(n)
	}
	if n <= len(r) {
		return string(r[n-1])
	}
	return strconv.Itoa(n)
}

func roman(n int) string {
	vals := []int{1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1}
	syms := []string{"M", "CM", "D", "CD", "C", "XC", "L", "XL", "X", "IX", "V", "IV", "I"}
	var b strings.Builder
	for i, v := range vals {
		for n >= v {
			b.WriteString(syms[i])
			n -= v
		}
	}
	return b.String()
}

// docxReader walks word/document.xml token by token.
type docxReader struct {
	styles *styles
	num    *numbering
	doc    *document.Document
	out    []string

	paras  []*para
	tables []*table

	// notes collects the text of the notes of a notes part, keyed by
	// "footnote 1", "endnote 2"; noteKey is the note being read.
	notes   map[string]string
	noteKey string
	// refs are the notes the body calls, in order, with their marks.
	refs        []noteRef
	nFoot, nEnd int
	// deleted is the text of each tracked deletion.
	deleted []string
}

// noteRef is a footnote or endnote called in the text.
type noteRef struct {
	key, mark string
}

type para struct {
	text   strings.Builder
	style  string
	numID  string
	ilvl   int
	hasNum bool
	level  int
}

type table struct {
	row   []*cell // cells of the open row
	lines []string
}

type cell struct {
	lines  []string
	nested bool
}

// emit adds a finished line to the innermost open cell, or to the text.
func (r *docxReader) emit(s string, level int) {
	if len(r.tables) > 0 {
		t := r.tables[len(r.tables)-1]
		if len(t.row) > 0 {
			c := t.row[len(t.row)-1]
			c.lines = append(c.lines, s)
			return
		}
		t.lines = append(t.lines, s)
		return
	}
	r.out = append(r.out, s)
	if level > 0 {
		r.doc.Headings = append(r.doc.Headings, document.Heading{Line: len(r.out), Level: level})
	}
}

// skippedWord are elements whose content is not the document's text.
var skippedWord = map[string]bool{
	"delText": true, "instrText": true, "Fallback": true, "pPrChange": true, "rPrChange": true,
	"commentReference": true, "del": true,
	"moveFrom": true, "tabs": true, "sectPr": true, "tblPr": true, "tcPr": true, "trPr": true, "rPr": true, "object": true,
}

func (r *docxReader) read(b []byte) error {
	dec := xml.NewDecoder(bytes.NewReader(b))
	dec.Strict = false
	inT := 0
	for {
		tok, err := dec.RawToken()
		if err == io.EOF {
			break
		}
		if err != nil {
			return fmt.Errorf("not well-formed XML: %v", err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			name := t.Name.Local
			if skippedWord[name] {
				var del *strings.Builder
				if name == "del" || name == "moveFrom" {
					del = &strings.Builder{}
				}
				if err := skipElement(dec, del); err != nil {
					return err
				}
				if del != nil && strings.TrimSpace(del.String()) != "" {
					r.deleted = append(r.deleted, del.String())
				}
				continue
			}
			r.start(name, t.Attr)
			if name == "t" {
				inT++
			}
		case xml.EndElement:
			if t.Name.Local == "t" && inT > 0 {
				inT--
			}
			r.end(t.Name.Local)
		case xml.CharData:
			if inT > 0 && len(r.paras) > 0 {
				r.paras[len(r.paras)-1].text.Write(t)
			}
		}
	}
	return nil
}

// skipElement skips to the end of the element just started, writing its
// character data to text unless text is nil.
func skipElement(dec *xml.Decoder, text *strings.Builder) error {
	depth := 1
	for depth > 0 {
		tok, err := dec.RawToken()
		if err != nil {
			if err == io.EOF {
				return nil
			}
			return fmt.Errorf("not well-formed XML: %v", err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			depth++
		case xml.EndElement:
			depth--
		case xml.CharData:
			if text != nil {
				text.Write(t)
			}
		}
	}
	return nil
}

func wattr(attrs []xml.Attr, key string) (string, bool) {
	for _, a := range attrs {
		if a.Name.Local == key {
			return a.Value, true
		}
	}
	return "", false
}

// start handles the start of an element of the document's XML.
func (r *docxReader) start(name string, attrs []xml.Attr) {
	var p *para
	if len(r.paras) > 0 {
		p = r.paras[len(r.paras)-1]
	}
	switch name {
	case "p":
		r.paras = append(r.paras, &para{})
	case "footnote", "endnote", "footnoteReference", "endnoteReference":
		r.note(p, name, attrs)
	case "tbl", "tr", "tc":
		r.table(name)
	default:
		if p != nil {
			inPara(p, name, attrs)
		}
	}
}

// inPara handles an element inside paragraph p: its properties (style,
// numbering, outline level) and the characters written as elements.
func inPara(p *para, name string, attrs []xml.Attr) {
	val, _ := wattr(attrs, "val")
	switch name {
	case "pStyle":
		p.style = val
	case "ilvl":
		p.ilvl, _ = strconv.Atoi(val)
		p.hasNum = true
	case "numId":
		p.numID = val
		p.hasNum = true
	case "outlineLvl":
		p.level = outlineLevel(val)
		if p.level == 0 {
			p.level = -1 // body text, whatever the style says
		}
	case "tab", "ptab":
		p.text.WriteByte('\t')
	case "br", "cr":
		if typ, _ := wattr(attrs, "type"); typ != "page" && typ != "column" {
			p.text.WriteByte('\n')
		}
	case "noBreakHyphen":
		p.text.WriteByte('-')
	case "sym":
		if c, ok := wattr(attrs, "char"); ok {
			if n, err := strconv.ParseUint(c, 16, 32); err == nil {
				if n >= 0xF000 && n <= 0xF0FF {
					n -= 0xF000
				}
				if n >= 0x20 {
					p.text.WriteRune(rune(n))
				}
			}
		}
	}
}

// note handles a footnote or endnote (when reading the notes) and a call
// of one in paragraph p, which prints its mark.
func (r *docxReader) note(p *para, name string, attrs []xml.Attr) {
	id, _ := wattr(attrs, "id")
	switch name {
	case "footnote", "endnote":
		if r.notes != nil {
			r.noteKey, r.out = name+" "+id, nil
		}
		return
	}
	if p == nil {
		return
	}
	var mark string
	if name == "footnoteReference" {
		r.nFoot++
		mark = "[" + strconv.Itoa(r.nFoot) + "]"
	} else {
		// Word numbers endnotes i, ii, iii by default.
		r.nEnd++
		mark = "[" + formatNumber(r.nEnd, "lowerRoman") + "]"
	}
	p.text.WriteString(mark)
	r.refs = append(r.refs, noteRef{key: strings.TrimSuffix(name, "Reference") + " " + id, mark: mark})
}

// table handles the start of a table, a row or a cell.
func (r *docxReader) table(name string) {
	switch name {
	case "tbl":
		if len(r.tables) > 0 {
			if t := r.tables[len(r.tables)-1]; len(t.row) > 0 {
				t.row[len(t.row)-1].nested = true
			}
		}
		r.tables = append(r.tables, &table{})
	case "tr":
		if len(r.tables) > 0 {
			r.tables[len(r.tables)-1].row = nil
		}
	case "tc":
		if len(r.tables) > 0 {
			t := r.tables[len(r.tables)-1]
			t.row = append(t.row, &cell{})
		}
	}
}

func (r *docxReader) end(name string) {
	switch name {
	case "footnote", "endnote":
		if r.notes != nil && r.noteKey != "" {
			r.notes[r.noteKey] = strings.TrimSpace(strings.Join(r.out, " "))
			r.noteKey, r.out = "", nil
		}
	case "p":
		if len(r.paras) == 0 {
			return
		}
		p := r.paras[len(r.paras)-1]
		r.paras = r.paras[:len(r.paras)-1]
		r.endPara(p)
	case "tr":
		if len(r.tables) == 0 {
			return
		}
		t := r.tables[len(r.tables)-1]
		cells := t.row
		t.row = nil
		simple := true
		var all [][]string
		for _, c := range cells {
			simple = simple && !c.nested
			all = append(all, c.lines)
		}
		texts, ok := document.RowCells(all)
		if simple && ok {
			if len(texts) > 0 {
				t.lines = append(t.lines, strings.Join(texts, document.CellSep))
			}
		} else {
			for _, c := range cells {
				t.lines = append(t.lines, c.lines...)
			}
		}
	case "tbl":
		if len(r.tables) == 0 {
			return
		}
		t := r.tables[len(r.tables)-1]
		r.tables = r.tables[:len(r.tables)-1]
		for _, l := range t.lines {
			r.emit(l, 0)
		}
	}
}

func (r *docxReader) endPara(p *para) {
	text := p.text.String()
	numID, ilvl := p.numID, p.ilvl
	if !p.hasNum {
		numID, ilvl = r.styles.numPr(p.style)
	}
	label := ""
	if numID != "" && numID != "0" {
		// An empty item is counted (Word prints its number) but not kept.
		label = r.num.label(numID, ilvl)
	}
	if strings.TrimSpace(text) == "" {
		return
	}
	level := p.level
	if level == 0 {
		level = r.styles.level(p.style)
	}
	level = max(level, 0)
	for i, l := range strings.Split(label+text, "\n") {
		if strings.TrimSpace(l) == "" {
			continue
		}
		if i > 0 {
			level = 0
		}
		r.emit(strings.TrimRight(l, " \t"), level)
	}
}
