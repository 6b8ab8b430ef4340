package content

import (
	"errors"
	"fmt"
)

// Error is a problem found at a position in a source file. Line is 1-based;
// zero means the error concerns the file as a whole.
type Error struct {
	Path string
	Line int
	Err  error
}

func (e *Error) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d: %v", e.Path, e.Line, e.Err)
	}
	return fmt.Sprintf("%s: %v", e.Path, e.Err)
}

func (e *Error) Unwrap() error { return e.Err }

// Errorf returns an *Error at path:line with a formatted message.
func Errorf(path string, line int, format string, args ...any) *Error {
	return &Error{Path: path, Line: line, Err: fmt.Errorf(format, args...)}
}

// Errors flattens err (which may be an errors.Join tree) into its leaves, in order.
func Errors(err error) []error {
	if err == nil {
		return nil
	}
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		var out []error
		for _, e := range j.Unwrap() {
			out = append(out, Errors(e)...)
		}
		return out
	}
	return []error{err}
}

var _ error = (*Error)(nil)

// ErrNoFrontMatter is reported for a content file that does not open with "+++".
var ErrNoFrontMatter = errors.New(`missing front matter: a content file starts with a line "+++", TOML keys, and a closing "+++"`)
