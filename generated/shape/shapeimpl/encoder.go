package shapeimpl

import (
	"bytes"
	"errors"
	"math"
	"math/bits"
	"slices"
	"strconv"
	"sync"
	"unicode/utf8"
	"unsafe"
)

// Encoder appends JSON to a buffer. Generated ShapeEncode methods drive it;
// it places commas itself. The zero value is ready to use; Reset makes it
// ready for another value, so one can be kept in a sync.Pool.
type Encoder struct {
	// OmitZero leaves out required members whose field holds a zero value
	// that means "not set" (see Writes); Validate sets it.
	OmitZero bool

	buf []byte
	err error
}

var encoders = sync.Pool{New: func() any { return new(Encoder) }}

// NewEncoder returns an empty Encoder from a pool; Finish returns it there.
func NewEncoder() *Encoder {
	e := encoders.Get().(*Encoder)
	e.Reset()
	return e
}

// Finish returns a copy of the encoded JSON (one allocation of its size)
// or e's error, and puts e back in the pool: e must not be used after.
func (e *Encoder) Finish() ([]byte, error) {
	var out []byte
	err := e.err
	if err == nil {
		out = append(make([]byte, 0, len(e.buf)), e.buf...)
	}
	e.Release()
	encoders.Put(e)
	return out, err
}

// Has reports whether m holds key k; it is cheap for an empty m.
func Has[V any](m map[string]V, k string) bool {
	if len(m) == 0 {
		return false
	}
	_, ok := m[k]
	return ok
}

// Reset empties e, keeping its buffer's memory.
func (e *Encoder) Reset() {
	e.buf, e.err, e.OmitZero = e.buf[:0], nil, false
}

// Release drops a very large buffer, so a pooled Encoder does not keep it.
func (e *Encoder) Release() {
	if cap(e.buf) > 64<<20 { // a pool drops its items over two collections anyway
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
func (e *Encoder) BeginObject() { e.comma(); e.buf = append(e.buf, '{') }

// EndObject writes '}'.
func (e *Encoder) EndObject() { e.buf = append(e.buf, '}') }

// BeginArray writes '['.
func (e *Encoder) BeginArray() { e.comma(); e.buf = append(e.buf, '[') }

// EndArray writes ']'.
func (e *Encoder) EndArray() { e.buf = append(e.buf, ']') }

// Name writes a member name already encoded as a JSON string, with the
// colon after it (generated code passes constants such as `"id":`).
func (e *Encoder) Name(encoded string) {
	e.comma()
	e.buf = append(e.buf, encoded...)
}

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

// Raw writes a raw JSON value (null when empty). Invalid UTF-8 in it is
// written as U+FFFD, as in strings (lenient decoding keeps such a value as
// sent); a \u escape of a lone surrogate, which JSON's grammar allows, is
// kept. A value that is not one JSON value, or that repeats a member name
// (also once its invalid bytes are replaced), is not written: it is recorded
// as e's error and null is written in its place.
func (e *Encoder) Raw(v RawValue) {
	e.comma()
	if len(v) == 0 {
		e.buf = append(e.buf, "null"...)
		return
	}
	if ok, text := validRaw(v); !ok {
		if text {
			// fixed is valid UTF-8: what remains are lone surrogate escapes.
			fixed := bytes.ToValidUTF8(v, []byte("\uFFFD"))
			if ok, text := validRaw(fixed); ok || text {
				e.buf = append(e.buf, fixed...)
				return
			}
		}
		e.Fail(errors.New("shape: a raw value is not one valid JSON value without duplicate member names: " + abbrev(strconv.Quote(string(v)))))
		e.buf = append(e.buf, "null"...)
		return
	}
	e.buf = append(e.buf, v...)
}

// validRaw reports whether v is one JSON value without duplicate member
// names (white space around it is allowed) and, when it is not, whether v is
// one JSON value whose only faults are in its text (invalid UTF-8, lone
// surrogate escapes).
func validRaw(v RawValue) (ok, textOnly bool) {
	// A string without escapes, the common case (@odata.type), needs no decoder.
	if n := len(v); n >= 2 && v[0] == '"' && v[n-1] == '"' {
		i := 1
		for i < n-1 && plain[v[i]] {
			i++
		}
		if i == n-1 {
			return true, false
		}
	}
	var d Decoder
	d.reset(unsafe.String(unsafe.SliceData(v), len(v)))
	d.Untracked = true
	d.Skip()
	d.Finish()
	if d.err != nil {
		return false, false
	}
	for _, x := range d.violations {
		if x.Keyword != "utf8" {
			return false, false
		}
	}
	return len(d.violations) == 0, true
}

// Extra writes the members of an Extra map, in sorted order. Generated
// code writes a declared member only when Extra does not hold it, so no
// member name is written twice.
func (e *Encoder) Extra(extra map[string]RawValue) {
	if len(extra) == 0 {
		return
	}
	var small [16]string
	keys := small[:0]
	for k := range extra {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range keys {
		if extra[k] == nil {
			continue // a required member the document lacked (Absent)
		}
		e.Key(k)
		e.Raw(extra[k])
	}
}

const hexDigits = "0123456789abcdef"

// safeRun returns the offset of the first byte at or after i that
// appendString does not copy as it is, or len(s); eight bytes at a time.
func safeRun(s string, i int) int {
	const lo, hi = 0x0101010101010101, 0x8080808080808080
	for ; i+8 <= len(s); i += 8 {
		x := uint64(s[i]) | uint64(s[i+1])<<8 | uint64(s[i+2])<<16 | uint64(s[i+3])<<24 |
			uint64(s[i+4])<<32 | uint64(s[i+5])<<40 | uint64(s[i+6])<<48 | uint64(s[i+7])<<56
		m := (x - 0x20*lo) | (x ^ ('"' * lo) - lo) | (x ^ ('\\' * lo) - lo) |
			(x ^ ('<' * lo) - lo) | (x ^ ('>' * lo) - lo) | (x ^ ('&' * lo) - lo)
		if m = (m&^x | x) & hi; m != 0 {
			return i + bits.TrailingZeros64(m)>>3
		}
	}
	for i < len(s) {
		if c := s[i]; c < 0x20 || c >= utf8.RuneSelf || c == '"' || c == '\\' || c == '<' || c == '>' || c == '&' {
			return i
		}
		i++
	}
	return i
}

// AppendString appends s to b as a JSON string, as Encoder writes strings
// (the generator uses it to encode member names once).
func AppendString(b []byte, s string) []byte { return appendString(b, s) }

// appendString appends s as a JSON string; invalid UTF-8 becomes U+FFFD.
func appendString(b []byte, s string) []byte {
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		if i = safeRun(s, i); i >= len(s) {
			break
		}
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

// Absent records in extra that a required member was absent from the
// decoded document (a nil value), so that re-encoding does not invent it.
func Absent(extra map[string]RawValue, k string) map[string]RawValue {
	if extra == nil {
		extra = map[string]RawValue{}
	}
	if _, ok := extra[k]; !ok {
		extra[k] = nil
	}
	return extra
}

// Writes reports whether the declared member k, whose field holds its zero
// value when zero is set, is written. A value in extra wins (lenient
// decoding kept what the field could not hold); a nil one, left by Absent,
// means the member was absent, so it is written only once the field is set.
// With OmitZero, a zero field is left out when omittable (a string, time,
// slice, map or pointer: Validate then reports a required member unset).
func (e *Encoder) Writes(extra map[string]RawValue, k string, zero, omittable bool) bool {
	if len(extra) != 0 {
		if raw, ok := extra[k]; ok {
			return raw == nil && !zero
		}
	}
	return !(zero && omittable && e.OmitZero)
}
