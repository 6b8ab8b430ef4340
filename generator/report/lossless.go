package report

import (
	"fmt"
	"io"
	"io/fs"
	"path"
	"sort"
	"strings"
	"time"
	"unicode/utf8"

	"reportsite/generator/content"
	"reportsite/generator/markdown"
	"reportsite/generator/report/lex"
)

// canon is the form in which the lossless check compares texts: white space
// is layout in Chinese text and goes, except a run between two ASCII letters,
// which becomes one space ("GDP growth").
func canon(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	prev := rune(-1)
	space := false
	for _, r := range s {
		if lex.IsSpace(r) {
			space = true
			continue
		}
		if space && lex.IsASCIILetter(prev) && lex.IsASCIILetter(r) {
			b.WriteByte(' ')
		}
		space = false
		b.WriteRune(r)
		prev = r
	}
	return b.String()
}

// checkLossless verifies that the pages hold the text of the body lines,
// character for character and in order: it writes the pages in their file
// form, loads them back with content.Load, strips the Markdown, and compares.
// It returns the number of characters compared.
func checkLossless(name string, body []bodyLine, pages []*content.Page) (int, error) {
	var src strings.Builder
	for _, l := range body {
		src.WriteString(l.Text)
		src.WriteByte('\n')
	}
	want := canon(src.String())

	fsys := newMemFS()
	for _, p := range pages {
		b, err := content.Marshal(p)
		if err != nil {
			return 0, &content.Error{Path: name, Err: fmt.Errorf("%w: %v", ErrLost, err)}
		}
		fsys.add(p.Path, b)
	}
	root, err := content.Load(fsys, content.LoadOptions{Drafts: true})
	if err != nil {
		return 0, &content.Error{Path: name, Err: fmt.Errorf("%w: the pages do not load: %v", ErrLost, err)}
	}
	var out strings.Builder
	md := markdown.New()
	for _, s := range root.Sections {
		sectionText(&out, md, s, true)
	}
	got := canon(out.String())
	if got == want {
		return utf8.RuneCountInString(want), nil
	}
	i := 0
	for i < len(got) && i < len(want) && got[i] == want[i] {
		i++
	}
	line := 0
	n := 0
	for _, l := range body {
		n += len(canon(l.Text))
		if n > i {
			line = l.Num
			break
		}
	}
	return 0, &content.Error{Path: name, Line: line, Err: fmt.Errorf("%w: the source has %q, the output %q",
		ErrLost, snippet(want, i), snippet(got, i))}
}

func snippet(s string, i int) string {
	for i > 0 && !utf8.RuneStart(s[i]) {
		i--
	}
	j := i
	for k := 0; k < 12 && j < len(s); k++ {
		_, n := utf8.DecodeRuneInString(s[j:])
		j += n
	}
	return s[i:j]
}

// sectionText writes the text of a section in reading order: its heading,
// its lead, its pages and subsections, its closing. The report's own title is
// metadata, not body text.
func sectionText(b *strings.Builder, md *markdown.Converter, s *content.Section, report bool) {
	var lead, closing []byte
	if s.Index != nil {
		if !report {
			headingText(b, s.Index)
		}
		lead, closing = content.SplitChildren(s.Index.Body)
	}
	plainText(b, md, lead)
	for _, p := range s.Pages {
		headingText(b, p)
		plainText(b, md, p.Body)
	}
	for _, sub := range s.Sections {
		sectionText(b, md, sub, false)
	}
	plainText(b, md, closing)
}

func headingText(b *strings.Builder, p *content.Page) {
	b.WriteString(p.Meta.Label)
	b.WriteByte('\n')
	b.WriteString(p.Meta.Title)
	b.WriteString(p.Meta.TitleEnd)
	b.WriteByte('\n')
}

// plainText writes the text of Markdown as a reader sees it: the one
// definition of a page's text (markdown.Converter.PlainText), which the
// build verifies indicators against and search indexes.
func plainText(b *strings.Builder, md *markdown.Converter, src []byte) {
	b.WriteString(md.PlainText(src))
	b.WriteByte('\n')
}

// memFS is a read-only file system of files held in memory, for loading the
// pages back. Its directory listings are built as files are added:
// fstest.MapFS builds one per ReadDir from all the files, which is quadratic
// in the number of pages.
type memFS struct {
	files map[string][]byte
	dirs  map[string]map[string]bool // directory → names of its entries
}

func newMemFS() *memFS {
	return &memFS{files: map[string][]byte{}, dirs: map[string]map[string]bool{".": {}}}
}

func (m *memFS) add(name string, data []byte) {
	m.files[name] = data
	for name != "." {
		dir := path.Dir(name)
		if m.dirs[dir] == nil {
			m.dirs[dir] = map[string]bool{}
		}
		m.dirs[dir][path.Base(name)] = true
		name = dir
	}
}

func (m *memFS) Open(name string) (fs.File, error) {
	info, err := m.Stat(name)
	if err != nil {
		return nil, err
	}
	return &memFile{info: info.(memInfo), data: m.files[name]}, nil
}

func (m *memFS) Stat(name string) (fs.FileInfo, error) {
	if _, ok := m.files[name]; ok {
		return memInfo{name: path.Base(name), size: int64(len(m.files[name]))}, nil
	}
	if _, ok := m.dirs[name]; ok {
		return memInfo{name: path.Base(name), dir: true}, nil
	}
	return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrNotExist}
}

func (m *memFS) ReadFile(name string) ([]byte, error) {
	if b, ok := m.files[name]; ok {
		return b, nil
	}
	return nil, &fs.PathError{Op: "read", Path: name, Err: fs.ErrNotExist}
}

func (m *memFS) ReadDir(name string) ([]fs.DirEntry, error) {
	names, ok := m.dirs[name]
	if !ok {
		return nil, &fs.PathError{Op: "readdir", Path: name, Err: fs.ErrNotExist}
	}
	out := make([]fs.DirEntry, 0, len(names))
	for n := range names {
		info, _ := m.Stat(path.Join(name, n))
		out = append(out, fs.FileInfoToDirEntry(info))
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name() < out[j].Name() })
	return out, nil
}

type memInfo struct {
	name string
	size int64
	dir  bool
}

func (i memInfo) Name() string       { return i.name }
func (i memInfo) Size() int64        { return i.size }
func (i memInfo) ModTime() time.Time { return time.Time{} }
func (i memInfo) IsDir() bool        { return i.dir }
func (i memInfo) Sys() any           { return nil }
func (i memInfo) Mode() fs.FileMode {
	if i.dir {
		return fs.ModeDir | 0o555
	}
	return 0o444
}

type memFile struct {
	info memInfo
	data []byte
	off  int
}

func (f *memFile) Stat() (fs.FileInfo, error) { return f.info, nil }
func (f *memFile) Close() error               { return nil }
func (f *memFile) Read(b []byte) (int, error) {
	if f.off >= len(f.data) {
		return 0, io.EOF
	}
	n := copy(b, f.data[f.off:])
	f.off += n
	return n, nil
}

var (
	_ fs.ReadDirFS  = (*memFS)(nil)
	_ fs.ReadFileFS = (*memFS)(nil)
	_ fs.StatFS     = (*memFS)(nil)
)
