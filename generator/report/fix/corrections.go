package fix

import (
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"

	"reportsite/generator/content"
)

// CorrectionsFile is the name of the file, beside a report's _index.md,
// that records the corrections an editor made by hand to the imported
// text, so that the text's path from the raw source stays auditable:
//
//	[[correction]]
//	file = "01/06.md"               # relative to the report's folder
//	original = "三大堆”2.4万处"      # the text as import and fix left it
//	corrected = "“三大堆”2.4万处"
//	reason = "the closing ” shows the opening “ was lost"
const CorrectionsFile = "corrections.toml"

// A Correction replaces Original by Corrected wherever File holds it (in
// its body and in its front matter alike, as an indicator's sentence
// repeats the body), for the Reason given.
type Correction struct {
	File      string `toml:"file"`
	Original  string `toml:"original"`
	Corrected string `toml:"corrected"`
	Reason    string `toml:"reason"`
}

// ParseCorrections reads a corrections file. Every field of every entry
// must be filled; the error names the file and the line.
func ParseCorrections(path string, src []byte) ([]Correction, error) {
	var f struct {
		Correction []Correction `toml:"correction"`
	}
	if err := content.DecodeTOML(path, 1, src, &f); err != nil {
		return nil, err
	}
	var errs []error
	for i, c := range f.Correction {
		line := content.TableLine(src, "correction", i, "")
		switch {
		case c.File == "" || c.Original == "" || c.Corrected == "" || c.Reason == "":
			errs = append(errs, content.Errorf(path, line, "correction %d: file, original, corrected and reason must all be filled", i+1))
		case c.Original == c.Corrected:
			errs = append(errs, content.Errorf(path, line, "correction %d: corrected is the same as original", i+1))
		}
	}
	return f.Correction, errors.Join(errs...)
}

// Correct applies to the file src, named path, the corrections whose File
// is name. A correction replaces every occurrence of its original that is
// not already part of its corrected text, so that correcting twice
// changes nothing. A correction whose original and corrected text are both
// missing from the file no longer fits it: that is an error naming the
// correction, and the file is returned unchanged.
func Correct(path, name string, src []byte, cs []Correction) ([]byte, []Change, error) {
	s := string(src)
	var changes []Change
	for i, c := range cs {
		if c.File != name {
			continue
		}
		var b strings.Builder
		found := false
		for k := 0; k < len(s); {
			switch {
			case strings.HasPrefix(s[k:], c.Corrected):
				found = true
				b.WriteString(c.Corrected)
				k += len(c.Corrected)
			case strings.HasPrefix(s[k:], c.Original):
				found = true
				line := strings.Count(s[:k], "\n") + 1
				col := utf8.RuneCountInString(s[strings.LastIndexByte(s[:k], '\n')+1:k]) + 1
				changes = append(changes, Change{Path: path, Line: line, Col: col, Old: c.Original, New: c.Corrected, Reason: c.Reason})
				b.WriteString(c.Corrected)
				k += len(c.Original)
			default:
				_, size := utf8.DecodeRuneInString(s[k:])
				b.WriteString(s[k : k+size])
				k += size
			}
		}
		if !found {
			return src, nil, fmt.Errorf("%s: correction %d (%q → %q) does not fit %s: neither text is in it; update or remove it", CorrectionsFile, i+1, c.Original, c.Corrected, path)
		}
		s = b.String()
	}
	return []byte(s), changes, nil
}
