package content

import (
	"bytes"
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/BurntSushi/toml"
)

var typeErrLine = regexp.MustCompile(`^toml: line (\d+) (.*)$`)

// DecodeTOML decodes src into v strictly: a syntax error, a value of the wrong
// type and a key that v has no field for are all errors. path names the file
// and firstLine is the line of src's first byte in that file, so that positions
// in errors are positions in the file. All unknown keys are reported, joined.
func DecodeTOML(path string, firstLine int, src []byte, v any) error {
	md, err := toml.NewDecoder(bytes.NewReader(src)).Decode(v)
	if err != nil {
		var pe toml.ParseError
		if errors.As(err, &pe) {
			msg := pe.Message
			if pe.LastKey != "" {
				msg = fmt.Sprintf("%s (key %q)", msg, pe.LastKey)
			}
			return Errorf(path, firstLine+pe.Position.Line-1, "invalid TOML: %s", msg)
		}
		// Type mismatches come back as plain errors ("toml: line 2 (last key
		// "title"): incompatible types…"); the line is only in the text.
		if m := typeErrLine.FindStringSubmatch(err.Error()); m != nil {
			n, _ := strconv.Atoi(m[1])
			return Errorf(path, firstLine+n-1, "invalid TOML: %s", m[2])
		}
		return &Error{Path: path, Line: 0, Err: fmt.Errorf("invalid TOML: %w", err)}
	}
	var errs []error
	undecoded := md.Undecoded()
	seen := make(map[string]bool, len(undecoded))
	for _, k := range undecoded {
		seen[k.String()] = true
		// A table that is unknown as a whole is reported once, by its header.
		if len(k) > 1 && seen[toml.Key(k[:len(k)-1]).String()] {
			seen[k.String()] = true
			continue
		}
		errs = append(errs, Errorf(path, firstLine+keyLine(src, k)-1,
			"unknown key %q: remove it or check its spelling", k.String()))
	}
	return errors.Join(errs...)
}

// KeyLine returns the 1-based line of src on which the key with the given
// path (table names, then the key) is defined, or 1 when it cannot be found.
// Decoders use it to place errors about valid TOML with wrong values.
func KeyLine(src []byte, key ...string) int { return keyLine(src, toml.Key(key)) }

// keyLine finds the 1-based line on which key k is defined in src, by following
// table headers. It returns 1 when the key cannot be located (for instance in an
// inline table); the decoder itself does not record positions of valid keys.
func keyLine(src []byte, k toml.Key) int {
	table := ""
	parent := strings.Join(k[:len(k)-1], ".")
	full := k.String()
	last := k[len(k)-1]
	for i, line := range strings.Split(string(src), "\n") {
		t := strings.TrimSpace(line)
		if strings.HasPrefix(t, "[") {
			name := strings.Trim(t, "[] \t")
			if name == full {
				return i + 1
			}
			table = name
			continue
		}
		eq := strings.IndexByte(t, '=')
		if eq < 0 {
			continue
		}
		key := strings.Trim(strings.TrimSpace(t[:eq]), `"'`)
		if (table == parent && key == last) || (table == "" && key == full) {
			return i + 1
		}
	}
	return 1
}
