package content

import (
	"bytes"
	"errors"
	"fmt"
	"regexp"
	"strings"

	"github.com/pelletier/go-toml/v2"
)

// DecodeTOML decodes src into v strictly: a syntax error, a value of the wrong
// type and a key that v has no field for are all errors. path names the file
// and firstLine is the line of src's first byte in that file, so that positions
// in errors are positions in the file. All unknown keys are reported, joined.
//
// Decoding uses github.com/pelletier/go-toml/v2, which is about five times
// as fast as the encoder's library on front matter with indicator tables and
// knows the position of every error; Marshal writes with BurntSushi/toml.
func DecodeTOML(path string, firstLine int, src []byte, v any) error {
	d := toml.NewDecoder(bytes.NewReader(src))
	d.DisallowUnknownFields()
	err := d.Decode(v)
	if err == nil {
		return nil
	}
	var strict *toml.StrictMissingError
	if errors.As(err, &strict) {
		var errs []error
		for _, e := range strict.Errors {
			row, _ := e.Position()
			errs = append(errs, Errorf(path, firstLine+row-1,
				"unknown key %q: remove it or check its spelling", strings.Join(e.Key(), ".")))
		}
		return errors.Join(errs...)
	}
	var de *toml.DecodeError
	if errors.As(err, &de) {
		row, _ := de.Position()
		msg := typeErr.ReplaceAllStringFunc(strings.TrimPrefix(de.Error(), "toml: "), plainType)
		if k := de.Key(); len(k) > 0 && !strings.Contains(msg, "key ") {
			msg = fmt.Sprintf("%s (key %q)", msg, strings.Join(k, "."))
		}
		return Errorf(path, firstLine+row-1, "invalid TOML: %s", msg)
	}
	return &Error{Path: path, Line: 0, Err: fmt.Errorf("invalid TOML: %w", err)}
}

// typeErr matches the Go side of a type mismatch in the decoder's messages
// ("… into struct field content.Meta.Weight of type int"), which plainType
// says in the editor's terms.
var typeErr = regexp.MustCompile(`into struct field \S+ of type \S+$`)

func plainType(m string) string {
	t := m[strings.LastIndexByte(m, ' ')+1:]
	switch {
	case t == "string":
		return "where text in quotes is expected"
	case t == "bool":
		return "where true or false is expected"
	case strings.HasPrefix(t, "int"), strings.HasPrefix(t, "uint"):
		return "where a whole number is expected"
	case strings.HasPrefix(t, "float"):
		return "where a number is expected"
	case strings.HasPrefix(t, "[]"):
		return "where an array of tables is expected"
	}
	return "where a table is expected"
}
