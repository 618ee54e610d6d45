package schema

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// LoadError is a schema that could not be read, or is not JSON; for the
// latter Line and Column (1-based) say where.
type LoadError struct {
	Arg    string // the file name or built-in version given
	Line   int    // 0 when the file could not be read
	Column int
	Offset int64
	Err    error
}

func (e *LoadError) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d:%d: schema is not valid JSON: %v", e.Arg, e.Line, e.Column, e.Err)
	}
	return fmt.Sprintf("schema %s: %v", e.Arg, e.Err)
}

func (e *LoadError) Unwrap() error { return e.Err }

// Shadowed reports whether a file named like the built-in version arg
// exists, so that Load reads it instead of the built-in schema.
func Shadowed(arg string) bool {
	_, err := os.Stat(arg)
	return err == nil
}

// Load reads the schema arg names: a file, or a built-in version (v1.0,
// beta) when no file of that name exists. It returns the bytes and the
// document's base name, the one loader gen generate, diff, validate and
// metadata-check share. A schema that is not JSON is a *LoadError with the
// line and column of the error.
func Load(arg string) (data []byte, name string, err error) {
	if IsBuiltin(arg) && !Shadowed(arg) {
		data, file, err := Builtin(arg)
		return data, filepath.Base(file), err
	}
	data, err = os.ReadFile(arg)
	if err != nil {
		var pe *os.PathError
		if errors.As(err, &pe) {
			err = pe.Err
		}
		return nil, "", &LoadError{Arg: arg, Err: err}
	}
	if bytes.HasPrefix(data, bom) {
		return nil, "", &LoadError{Arg: arg, Line: 1, Column: 1, Err: ErrBOM}
	}
	if !json.Valid(data) {
		var v json.RawMessage
		err := json.Unmarshal(data, &v)
		off := int64(len(data))
		var se *json.SyntaxError
		if errors.As(err, &se) {
			off = se.Offset
			if strings.HasPrefix(se.Error(), "invalid character") && off > 0 {
				off-- // Offset counts the offending byte
			}
		}
		if err == nil {
			err = errors.New("invalid JSON")
		}
		line, col := position(data, off)
		return nil, "", &LoadError{Arg: arg, Line: line, Column: col, Offset: off, Err: err}
	}
	return data, filepath.Base(arg), nil
}

// position returns the 1-based line and byte column of offset in data.
func position(data []byte, offset int64) (line, col int) {
	if offset > int64(len(data)) {
		offset = int64(len(data))
	}
	before := string(data[:offset])
	return 1 + strings.Count(before, "\n"), int(offset) - strings.LastIndexByte(before, '\n')
}
