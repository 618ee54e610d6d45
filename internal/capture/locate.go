// Package capture validates captured Graph responses for gen validate: it
// reads inputs (one JSON document per file, or JSON Lines) with bounded
// memory, checks every document with a Checker on all cores while keeping
// the results in input order, places every violation at a line and column,
// counts drift (unknown enum members and properties) from the violations'
// structured fields, and formats the results as text, JSON or GitHub
// workflow commands.
package capture

import (
	"strconv"
	"strings"

	"github.com/graphshape/graphshape/generated/shape"
	"github.com/graphshape/graphshape/generated/shape/shapeimpl"
	"github.com/graphshape/graphshape/internal/pointer"
)

// Position returns the 1-based line and column (in bytes) of offset in doc,
// counting lines from firstLine, the line doc starts on in its input.
func Position(doc string, offset int64, firstLine int) (line, column int) {
	if offset < 0 {
		offset = 0
	}
	if offset > int64(len(doc)) {
		offset = int64(len(doc))
	}
	before := doc[:offset]
	line = firstLine + strings.Count(before, "\n")
	return line, int(offset) - (strings.LastIndexByte(before, '\n') + 1) + 1
}

// Locate returns the byte offset in doc of the value at the JSON Pointer
// ptr, or, with key set, of the opening quote of the name of the member
// ptr ends in. It scans doc with the shape Decoder, skipping what is not
// on the way, and reports false when ptr is malformed (RFC 6901), names
// nothing in doc, or doc is not JSON up to there.
func Locate(doc, ptr string, key bool) (int64, bool) {
	tokens, err := pointer.Parse(ptr)
	if err != nil {
		return 0, false
	}
	d := shapeimpl.NewDecoderString(doc)
	at := d.Begin()
	keyAt := -1
	for _, tok := range tokens {
		found := false
		if at >= len(doc) {
			return 0, false
		}
		switch doc[at] {
		case '{':
			d.BeginObject(shapeimpl.TObject)
			for i := 0; ; i++ {
				before := d.Offset()
				if !d.NextKey(i) {
					break
				}
				if d.Key() == tok {
					keyAt = nameStart(doc, before)
					at = d.Begin()
					found = true
					break
				}
				d.Skip()
			}
		case '[':
			d.BeginArray(shapeimpl.TArray)
			n, err := strconv.Atoi(tok)
			if err != nil || n < 0 {
				return 0, false
			}
			for i := 0; d.NextItem(i); i++ {
				if i == n {
					at = d.Begin()
					keyAt = -1
					found = true
					break
				}
				d.Skip()
			}
		}
		if !found || d.Err() != nil {
			return 0, false
		}
	}
	if key {
		if keyAt < 0 {
			return 0, false
		}
		return int64(keyAt), true
	}
	return int64(at), true
}

// nameStart returns the offset of the '"' that opens the member name
// following offset from (past white space and a ',').
func nameStart(doc string, from int) int {
	for from < len(doc) && doc[from] != '"' {
		from++
	}
	return from
}

// keyLocated reports whether a violation of keyword is placed at the name
// of its member rather than at its value (see shape.Violation.Offset).
func keyLocated(keyword string) bool {
	return keyword == "additionalProperties" || keyword == "unevaluatedProperties" || keyword == "duplicate"
}

// LocateAll sets the Offset of each violation by scanning doc (for
// validators that report pointers only, such as jsonschema v5).
func LocateAll(doc string, vs []shape.Violation) {
	for i := range vs {
		v := &vs[i]
		if off, ok := Locate(doc, v.InstanceLocation, keyLocated(v.Keyword)); ok {
			v.Offset = off
		} else if off, ok := Locate(doc, v.InstanceLocation, false); ok {
			v.Offset = off
		}
	}
}

// ValueAt returns the JSON text of the value starting at offset in doc
// (string, number, literal, object or array), or "" when there is none.
func ValueAt(doc string, offset int64) string {
	if offset < 0 || offset >= int64(len(doc)) {
		return ""
	}
	d := shapeimpl.NewDecoderString(doc[offset:])
	d.Skip()
	if d.Err() != nil {
		return ""
	}
	return doc[offset : offset+int64(d.Offset())]
}
