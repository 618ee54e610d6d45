package shape

import (
	"math"
	"strconv"
	"unicode/utf8"
)

// Encoder appends JSON to a buffer. Generated ShapeEncode methods drive it;
// it places commas itself. The zero value is ready to use.
type Encoder struct {
	buf []byte
}

// Bytes returns the encoded JSON.
func (e *Encoder) Bytes() []byte { return e.buf }

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

// Raw writes a raw JSON value (null when empty).
func (e *Encoder) Raw(v RawValue) {
	e.comma()
	if len(v) == 0 {
		e.buf = append(e.buf, "null"...)
		return
	}
	e.buf = append(e.buf, v...)
}

// Extra writes the members of an Extra map, in sorted order.
func (e *Encoder) Extra(extra map[string]RawValue) {
	if len(extra) == 0 {
		return
	}
	for _, k := range SortedKeys(extra) {
		e.Key(k)
		e.Raw(extra[k])
	}
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
