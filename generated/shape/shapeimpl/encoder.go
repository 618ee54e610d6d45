package shapeimpl

import (
	"errors"
	"math"
	"strconv"
	"unicode/utf8"
	"unsafe"
)

// Encoder appends JSON to a buffer. Generated ShapeEncode methods drive it;
// it places commas itself. The zero value is ready to use; Reset makes it
// ready for another value, so one can be kept in a sync.Pool.
type Encoder struct {
	buf  []byte
	err  error
	objs []int // offset of each open object's '{'
}

// Reset empties e, keeping its buffer's memory.
func (e *Encoder) Reset() {
	e.buf, e.err, e.objs = e.buf[:0], nil, e.objs[:0]
}

// Release drops a very large buffer, so a pooled Encoder does not keep it.
func (e *Encoder) Release() {
	if cap(e.buf) > 1<<20 {
		e.buf = nil
	}
	e.Reset()
}

// Bytes returns the encoded JSON; it is e's own buffer, valid until Reset.
func (e *Encoder) Bytes() []byte { return e.buf }

// Err returns the first reason the value could not be encoded as valid JSON
// without duplicate member names, or nil.
func (e *Encoder) Err() error { return e.err }

// Fail records err unless an error was recorded already.
func (e *Encoder) Fail(err error) {
	if e.err == nil {
		e.err = err
	}
}

func (e *Encoder) comma() {
	if n := len(e.buf); n > 0 {
		switch e.buf[n-1] {
		case '{', '[', ':':
		default:
			e.buf = append(e.buf, ',')
		}
	}
}

// BeginObject writes '{'.
func (e *Encoder) BeginObject() {
	e.comma()
	e.objs = append(e.objs, len(e.buf))
	e.buf = append(e.buf, '{')
}

// EndObject writes '}'.
func (e *Encoder) EndObject() {
	if n := len(e.objs); n > 0 {
		e.objs = e.objs[:n-1]
	}
	e.buf = append(e.buf, '}')
}

// BeginArray writes '['.
func (e *Encoder) BeginArray() { e.comma(); e.buf = append(e.buf, '[') }

// EndArray writes ']'.
func (e *Encoder) EndArray() { e.buf = append(e.buf, ']') }

// Key writes a member name and ':'.
func (e *Encoder) Key(k string) {
	e.comma()
	e.buf = appendString(e.buf, k)
	e.buf = append(e.buf, ':')
}

// String writes a string.
func (e *Encoder) String(s string) { e.comma(); e.buf = appendString(e.buf, s) }

// Bool writes a boolean.
func (e *Encoder) Bool(b bool) { e.comma(); e.buf = strconv.AppendBool(e.buf, b) }

// Int64 writes an integer.
func (e *Encoder) Int64(n int64) { e.comma(); e.buf = strconv.AppendInt(e.buf, n, 10) }

// Float64 writes a number; NaN and infinities, which JSON cannot hold, are
// written as null.
func (e *Encoder) Float64(f float64) {
	e.comma()
	if math.IsNaN(f) || math.IsInf(f, 0) {
		e.buf = append(e.buf, "null"...)
		return
	}
	e.buf = strconv.AppendFloat(e.buf, f, 'g', -1, 64)
}

// Null writes null.
func (e *Encoder) Null() { e.comma(); e.buf = append(e.buf, "null"...) }

// Raw writes a raw JSON value (null when empty). A value that is not one
// JSON value, or that repeats a member name, is not written: it is recorded
// as e's error and null is written in its place.
func (e *Encoder) Raw(v RawValue) {
	e.comma()
	if len(v) == 0 {
		e.buf = append(e.buf, "null"...)
		return
	}
	if !validRaw(v) {
		e.Fail(errors.New("shape: a raw value is not one valid JSON value without duplicate member names: " + abbrev(strconv.Quote(string(v)))))
		e.buf = append(e.buf, "null"...)
		return
	}
	e.buf = append(e.buf, v...)
}

// validRaw reports whether v is one JSON value without duplicate member
// names (white space around it is allowed).
func validRaw(v RawValue) bool {
	// A string without escapes, the common case (@odata.type), needs no decoder.
	if n := len(v); n >= 2 && v[0] == '"' && v[n-1] == '"' {
		i := 1
		for i < n-1 && plain[v[i]] {
			i++
		}
		if i == n-1 {
			return true
		}
	}
	var d Decoder
	d.reset(unsafe.String(unsafe.SliceData(v), len(v)))
	d.Skip()
	d.Finish()
	return d.err == nil && len(d.violations) == 0
}

// Extra writes the members of an Extra map, in sorted order. A key equal to
// a member already written to the current object is not written again: it
// is recorded as e's error.
func (e *Encoder) Extra(extra map[string]RawValue) {
	if len(extra) == 0 {
		return
	}
	written := e.writtenKeys()
	for _, k := range SortedKeys(extra) {
		if _, dup := written[k]; dup {
			e.Fail(errors.New("shape: Extra holds " + strconv.Quote(k) + ", a member the value sets already"))
			continue
		}
		e.Key(k)
		e.Raw(extra[k])
	}
}

// writtenKeys returns the member names written so far to the innermost
// open object, read back from the buffer (which holds valid JSON).
func (e *Encoder) writtenKeys() map[string]struct{} {
	keys := map[string]struct{}{}
	if len(e.objs) == 0 {
		return keys
	}
	start := e.objs[len(e.objs)-1]
	var d Decoder
	d.reset(unsafe.String(unsafe.SliceData(e.buf[start:]), len(e.buf)-start))
	d.pos = 1 // past '{'
	d.depth = 1
	for i := 0; ; i++ {
		if d.peek() == 0 { // the object is still open
			break
		}
		if !d.NextKey(i) {
			break
		}
		keys[d.key] = struct{}{}
		d.Skip()
	}
	return keys
}

const hexDigits = "0123456789abcdef"

// appendString appends s as a JSON string; invalid UTF-8 becomes U+FFFD.
func appendString(b []byte, s string) []byte {
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' && c != '<' && c != '>' && c != '&' {
				i++
				continue
			}
			b = append(b, s[start:i]...)
			switch c {
			case '"', '\\':
				b = append(b, '\\', c)
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			default:
				b = append(b, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xf])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
			i++
			start = i
			continue
		}
		if r == '\u2028' || r == '\u2029' {
			b = append(b, s[start:i]...)
			b = append(b, '\\', 'u', '2', '0', '2', hexDigits[r&0xf])
			i += size
			start = i
			continue
		}
		i += size
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}
