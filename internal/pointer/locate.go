package pointer

import (
	"bytes"
	"encoding/json"
	"strconv"
)

// Locate returns the 1-based line in the JSON text doc where the value
// ptr names is declared: the line of its member name in an object, of the
// element itself in an array, and of the document's first value for "".
// When ptr names nothing in doc (or doc or ptr is malformed), it returns
// the line of the deepest ancestor it found and false. The work is one
// pass over at most the whole text.
func Locate(doc []byte, ptr string) (line int, found bool) {
	lineAt := func(off int64) int {
		if off > int64(len(doc)) {
			off = int64(len(doc))
		}
		return 1 + bytes.Count(doc[:off], []byte{'\n'})
	}
	next := func(off int64) int64 { // the start of the next value
		for off < int64(len(doc)) && bytes.IndexByte([]byte(" \t\r\n,"), doc[off]) >= 0 {
			off++
		}
		return off
	}
	best := lineAt(next(0))
	tokens, err := Parse(ptr)
	if err != nil {
		return best, false
	}
	dec := json.NewDecoder(bytes.NewReader(doc))
	dec.UseNumber()
	for _, want := range tokens {
		t, err := dec.Token()
		if err != nil {
			return best, false
		}
		switch t {
		case json.Delim('{'):
			hit := false
			for dec.More() {
				k, err := dec.Token()
				if err != nil {
					return best, false
				}
				if k == want {
					best, hit = lineAt(dec.InputOffset()), true
					break
				}
				if skip(dec) != nil {
					return best, false
				}
			}
			if !hit {
				return best, false
			}
		case json.Delim('['):
			n, err := strconv.Atoi(want)
			if err != nil || n < 0 || strconv.Itoa(n) != want {
				return best, false
			}
			hit := false
			for i := 0; dec.More(); i++ {
				if i == n {
					best, hit = lineAt(next(dec.InputOffset())), true
					break
				}
				if skip(dec) != nil {
					return best, false
				}
			}
			if !hit {
				return best, false
			}
		default:
			return best, false // a scalar has no members
		}
	}
	return best, true
}

// skip reads past one value.
func skip(dec *json.Decoder) error {
	var raw json.RawMessage
	return dec.Decode(&raw)
}
