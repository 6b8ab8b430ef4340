package report

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"testing/fstest"

	"reportsite/generator/content"
	"reportsite/generator/report/lex"
	"reportsite/generator/report/proofread"
)

// FuzzImport feeds Import random input: it must never lose text (Import
// checks that itself and fails with ErrLost), never fail on text, and its
// pages must survive the trip through the file format. Seeded with the
// grammar cases, the seed report and the corpus: go test -fuzz FuzzImport
// ./generator/report.
func FuzzImport(f *testing.F) {
	_, cases := readGrammar(&testing.T{}, "testdata/grammar.txt")
	for _, c := range cases {
		f.Add([]byte(c.input))
	}
	if seed, err := os.ReadFile("testdata/seed.txt"); err == nil {
		f.Add(seed)
	}
	// The corpus's reports, when it is there (see corpus_test.go).
	corpus, _ := filepath.Glob(filepath.Join(corpusDir, "*.txt"))
	for _, name := range corpus {
		if b, err := os.ReadFile(name); err == nil {
			f.Add(b)
		}
	}
	f.Add([]byte("一、\n（一）\n1.\n（1）\n——\n一是二是\n"))
	f.Fuzz(func(t *testing.T, in []byte) {
		res, err := Import("fuzz.txt", in)
		if err != nil {
			if !errors.Is(err, lex.ErrEmpty) && !errors.Is(err, lex.ErrBinary) {
				t.Fatalf("Import: %v", err)
			}
			return
		}
		fsys := fstest.MapFS{}
		for _, p := range res.Pages {
			b, err := content.Marshal(p)
			if err != nil {
				t.Fatal(err)
			}
			q, err := content.Parse(p.Path, b)
			if err != nil {
				t.Fatalf("%s does not parse back: %v\n%s", p.Path, err, b)
			}
			if !reflect.DeepEqual(q.Meta, p.Meta) || !bytes.Equal(q.Body, p.Body) {
				t.Fatalf("%s changes on the trip through the file format:\n%+v\n%+v", p.Path, p.Meta, q.Meta)
			}
			if !strings.HasPrefix(p.Path, res.Slug+"/") {
				t.Fatalf("page %s is outside the report's section %s", p.Path, res.Slug)
			}
			fsys[p.Path] = &fstest.MapFile{Data: b}
		}
		if _, err := proofread.FS(fsys); err != nil {
			t.Fatal(err)
		}
		lines := bytes.Count(in, []byte("\n")) + bytes.Count(in, []byte("\r")) + 1
		for _, w := range res.Warnings {
			if w.Line < 0 || w.Line > lines || w.Col < 0 {
				t.Fatalf("warning outside the file (%d lines): %v", lines, w)
			}
		}
	})
}
