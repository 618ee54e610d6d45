package shapeimpl

import (
	"encoding/binary"
	"encoding/json"
	"errors"
	"math"
	"math/bits"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"
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

	buf   []byte
	err   error
	hint  *SizeHint // from NewEncoderSized
	asked int       // the capacity asked of makeNoZero,
	given int       // and the capacity it gave (rounded up to a size class)
	// more is set when the last thing written ends a value, so that the
	// next value or member needs a ',' first. A flag, not a look at the
	// last byte written: that load waits on the store just made.
	more bool
}

var encoders = sync.Pool{New: func() any { return new(Encoder) }}

// NewEncoder returns an empty Encoder from a pool; Finish returns it there.
func NewEncoder() *Encoder {
	e := encoders.Get().(*Encoder)
	e.Reset()
	return e
}

// SizeHint remembers how long one type's encodings have been, so that an
// Encoder from NewEncoderSized writes into a buffer of about the right
// size that Finish hands over without a copy. Generated MarshalJSON
// methods keep one per type. The zero value is ready to use, and a
// SizeHint is safe for concurrent use.
type SizeHint struct{ n atomic.Int64 }

// size returns the capacity to ask for: the longest recent encoding (the
// allocator rounds it up to its next size class, which leaves room for
// one a little longer).
func (h *SizeHint) size() int {
	if n := int(h.n.Load()); n > 0 {
		return n
	}
	return minBuffer
}

// note records an encoding of n bytes. It keeps the longest, and lets go
// of it only for one under half its size, so that the hint is rarely
// written (it is shared by every goroutine encoding the type).
func (h *SizeHint) note(n int) {
	if old := int(h.n.Load()); n > old || n < old/2 {
		h.n.Store(int64(n))
	}
}

// NewEncoderSized is NewEncoder for an encoding Finish hands over: the
// Encoder writes into a new buffer of the size h suggests.
func NewEncoderSized(h *SizeHint) *Encoder {
	e := encoders.Get().(*Encoder)
	e.Reset()
	e.hint, e.asked = h, h.size()
	e.buf = makeNoZero(e.asked)
	e.given = cap(e.buf)
	return e
}

// makeNoZero returns an empty slice with room for n bytes, without the
// clearing make does first: strings.Builder.Grow allocates its buffer that
// way (the runtime's bytealg.MakeNoZero), and this takes that buffer over.
// Its bytes are garbage until written, so Finish hands out only the bytes
// written, with the capacity cut to their length: the rest can never be
// read. The Builder and its string are dropped at once, and nothing else
// refers to the buffer.
func makeNoZero(n int) []byte {
	var b strings.Builder
	b.Grow(n)
	b.WriteByte(0) // a string of one byte, whose data is the buffer
	return unsafe.Slice(unsafe.StringData(b.String()), b.Cap())[:0]
}

// Finish returns the encoded JSON or e's error, and puts e back in the
// pool: e must not be used after. From NewEncoderSized, the buffer itself
// is returned when the encoding fills at least seven eighths of it, or of
// the capacity asked for when the buffer did not grow (the allocator
// rounds that up to a size class): the allocation of the output is then
// the only one. Otherwise, and from NewEncoder, the output is a copy of
// its length.
func (e *Encoder) Finish() ([]byte, error) {
	var out []byte
	err := e.err
	if err == nil {
		if h := e.hint; h != nil {
			h.note(len(e.buf))
			if n, c := len(e.buf), cap(e.buf); c == e.given && n >= e.asked-e.asked/8 || n >= c-c/8 {
				out, e.buf = e.buf[:n:n], nil // never the unwritten capacity (makeNoZero)
			}
		}
		if out == nil {
			out = slices.Clone(e.buf) // append: only the rest of the last page is zeroed, not the copy
		}
	}
	e.Release()
	encoders.Put(e)
	return out, err
}

// AppendTo runs encode with e writing after the bytes of dst, in dst's
// memory while it has room, and returns the extended slice, or dst and
// e's error. It puts e back in the pool, as Finish does; e's own buffer is
// kept there for later.
func (e *Encoder) AppendTo(dst []byte, encode func(*Encoder)) ([]byte, error) {
	own := e.buf
	e.buf = dst
	encode(e)
	out, err := e.buf, e.err
	e.buf = own
	e.Release()
	encoders.Put(e)
	if err != nil {
		return dst, err
	}
	return out, nil
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
	e.buf, e.err, e.more, e.OmitZero, e.hint, e.asked, e.given = e.buf[:0], nil, false, false, nil, 0, 0
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

// The writers below keep e.buf's pointer unchanged while the buffer has
// room: they reslice it in place (e.buf = e.buf[:n]) and copy into it, so
// the hot path stores only the length. Storing the pointer (as
// e.buf = append(e.buf, s...) or e.buf = f(e.buf) do) costs a write
// barrier whenever the collector is marking, which profiles showed as a
// sixth of the encoding time. Only grow, out of line, stores the pointer.

// grow makes room for at least n more bytes.
//
//go:noinline
func (e *Encoder) grow(n int) {
	if cap(e.buf) == 0 && n < minBuffer {
		n = minBuffer
	}
	e.buf = slices.Grow(e.buf, n)
}

// minBuffer is the first buffer's capacity: a Graph incident encodes to
// about a kilobyte.
const minBuffer = 2 << 10

// extend lengthens e.buf by n bytes within its capacity and returns the
// offset of the first of them.
func (e *Encoder) extend(n int) int {
	l := len(e.buf)
	if cap(e.buf)-l < n {
		e.grow(n)
	}
	e.buf = e.buf[:l+n]
	return l
}

// token writes s after a ',' if one is due; more says whether s ends a
// value (a literal) or opens one (a member name, '{', '[').
func (e *Encoder) token(s string, more bool) {
	b := e.buf
	l := len(b)
	if cap(b)-l <= len(s) {
		e.grow(len(s) + 1)
		b = e.buf
	}
	b = b[:cap(b)]
	if e.more {
		b[l] = ','
		l++
	}
	copyWords(b[l:], s)
	e.buf = e.buf[:l+len(s)]
	e.more = more
}

// quoted writes s as a JSON string after a ',' if one is due: a member
// without a name.
func (e *Encoder) quoted(s string) { e.NameString("", s) }

// swar holds the word constants of the scans of strings (copySafe,
// plainRun; see unsafeBytes): byte value times lo is that byte in every
// position of a word.
var swar = struct{ lo, hi, c20, or2, eq3e, or4, eq22, eq26, eq5c uint64 }{
	lo: 0x0101010101010101, hi: 0x8080808080808080, c20: 0x20 * 0x0101010101010101,
	or2: 0x02 * 0x0101010101010101, eq3e: 0x3e * 0x0101010101010101,
	or4: 0x04 * 0x0101010101010101, eq22: 0x22 * 0x0101010101010101, eq26: 0x26 * 0x0101010101010101,
	eq5c: '\\' * 0x0101010101010101,
}

// BeginObject writes '{'.
func (e *Encoder) BeginObject() { e.token("{", false) }

// EndObject writes '}'.
func (e *Encoder) EndObject() { e.buf[e.extend(1)] = '}'; e.more = true }

// BeginArray writes '['.
func (e *Encoder) BeginArray() { e.token("[", false) }

// EndArray writes ']'.
func (e *Encoder) EndArray() { e.buf[e.extend(1)] = ']'; e.more = true }

// Name writes a member name already encoded as a JSON string, with the
// colon after it (generated code passes constants such as `"id":`).
func (e *Encoder) Name(encoded string) { e.token(encoded, false) }

// Key writes a member name and ':'.
func (e *Encoder) Key(k string) {
	e.quoted(k)
	e.buf[e.extend(1)] = ':'
	e.more = false
}

// String writes a string.
func (e *Encoder) String(s string) { e.quoted(s) }

// Bool writes a boolean.
func (e *Encoder) Bool(b bool) {
	if b {
		e.token("true", true)
	} else {
		e.token("false", true)
	}
}

// Int64 writes an integer.
func (e *Encoder) Int64(n int64) {
	var tmp [24]byte
	e.token(unsafeString(strconv.AppendInt(tmp[:0], n, 10)), true)
}

// Float64 writes a number; NaN and infinities, which JSON cannot hold, are
// written as null.
func (e *Encoder) Float64(f float64) {
	if math.IsNaN(f) || math.IsInf(f, 0) {
		e.token("null", true)
		return
	}
	var tmp [32]byte
	e.token(unsafeString(strconv.AppendFloat(tmp[:0], f, 'g', -1, 64)), true)
}

// Null writes null.
func (e *Encoder) Null() { e.token("null", true) }

// unsafeString views b as a string for as long as b does not change.
func unsafeString(b []byte) string { return unsafe.String(unsafe.SliceData(b), len(b)) }

// Raw writes a raw JSON value (null when empty). A value that is not one
// JSON value, or that repeats a member name, is not written: it is recorded
// as e's error and null is written in its place. Invalid UTF-8 in its
// strings (which lenient decoding tolerates and keeps) is written as
// U+FFFD, as String writes it.
func (e *Encoder) Raw(v RawValue) {
	if len(v) == 0 {
		e.token("null", true)
		return
	}
	switch checkRaw(v) {
	case rawValid:
		e.token(unsafeString(v), true)
	case rawBadUTF8:
		// Two member names may become one once their bad bytes are
		// replaced: the replaced value is judged again.
		if fixed := validUTF8(v); checkRaw(fixed) == rawValid {
			e.token(unsafeString(fixed), true)
			return
		}
		fallthrough
	default:
		e.Fail(errors.New("shape: a raw value is not one valid JSON value without duplicate member names: " + abbrev(strconv.Quote(string(v)))))
		e.token("null", true)
	}
}

// The verdicts of checkRaw.
const (
	rawValid   = iota
	rawBadUTF8 // valid but for invalid UTF-8 bytes in strings
	rawInvalid // not one JSON value, or a repeated member name
)

// checkRaw judges v: one JSON value without duplicate member names (white
// space around it is allowed), and whether its bytes are valid UTF-8. Lone
// surrogates in \u escapes are valid JSON text and are written as they are.
func checkRaw(v RawValue) int {
	// A string without escapes, the common case (@odata.type), needs no decoder.
	if n := len(v); n >= 2 && v[0] == '"' && v[n-1] == '"' && plainRun(unsafeString(v), 1) == n-1 {
		return rawValid
	}
	var d Decoder
	d.reset(unsafe.String(unsafe.SliceData(v), len(v)))
	d.Untracked = true
	d.Skip()
	d.Finish()
	if d.err != nil {
		return rawInvalid
	}
	for _, x := range d.violations {
		if x.Keyword != "utf8" {
			return rawInvalid
		}
	}
	if len(d.violations) > 0 && !utf8.Valid(v) {
		return rawBadUTF8
	}
	return rawValid
}

// lastWins returns the JSON value s with each object's repeated member
// names left out but for the last occurrence, which stays where it stands;
// the rest is written as Encoder writes it. It returns s as it is when s
// is not one JSON value. Nesting is bounded by the decoder that read s.
func lastWins(s string) string {
	dec := json.NewDecoder(strings.NewReader(s))
	dec.UseNumber()
	b, err := appendLastWins(nil, dec)
	if err != nil {
		return s
	}
	return string(b)
}

// appendLastWins appends the next value of dec to b, as lastWins writes it.
func appendLastWins(b []byte, dec *json.Decoder) ([]byte, error) {
	t, err := dec.Token()
	if err != nil {
		return b, err
	}
	switch t := t.(type) {
	case json.Delim:
		if t == '[' {
			b = append(b, '[')
			for i := 0; dec.More(); i++ {
				if i > 0 {
					b = append(b, ',')
				}
				if b, err = appendLastWins(b, dec); err != nil {
					return b, err
				}
			}
			_, err = dec.Token() // ']'
			return append(b, ']'), err
		}
		type member struct {
			key string
			val []byte
		}
		var ms []member
		for dec.More() {
			k, err := dec.Token()
			if err != nil {
				return b, err
			}
			key, _ := k.(string)
			val, err := appendLastWins(nil, dec)
			if err != nil {
				return b, err
			}
			ms = slices.DeleteFunc(ms, func(m member) bool { return m.key == key })
			ms = append(ms, member{key, val})
		}
		if _, err := dec.Token(); err != nil { // '}'
			return b, err
		}
		b = append(b, '{')
		for i, m := range ms {
			if i > 0 {
				b = append(b, ',')
			}
			b = appendString(b, m.key)
			b = append(b, ':')
			b = append(b, m.val...)
		}
		return append(b, '}'), nil
	case string:
		return appendString(b, t), nil
	case json.Number:
		return append(b, t...), nil
	case bool:
		return strconv.AppendBool(b, t), nil
	default: // nil
		return append(b, "null"...), nil
	}
}

// validUTF8 returns v with each byte that is not part of valid UTF-8
// replaced by U+FFFD. Outside strings a JSON value has only ASCII, so only
// string contents change.
func validUTF8(v []byte) []byte {
	out := make([]byte, 0, len(v)+8)
	for i := 0; i < len(v); {
		r, size := utf8.DecodeRune(v[i:])
		if r == utf8.RuneError && size == 1 {
			out = append(out, "\uFFFD"...)
		} else {
			out = append(out, v[i:i+size]...)
		}
		i += size
	}
	return out
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

// load64 returns the eight bytes of s at i as a little-endian word (one
// load: the compiler combines the byte loads).
func load64(s string, i int) uint64 {
	s = s[i : i+8]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}

// unsafeBytes returns a mask whose lowest set bit is the high bit of the
// first byte of x that a JSON string cannot hold as it is, as Encoder
// writes strings: below 0x20, '"', '\\', '<', '>', '&' or not ASCII. Bits
// above it may be set falsely (borrows), never below. '<' and '>' (0x3c,
// 0x3e) are found together as the bytes that are 0x3e with bit 1 set, '"'
// and '&' (0x22, 0x26) as the bytes that are 0x26 with bit 2 set.
func unsafeBytes(x uint64) uint64 {
	const lo, hi = 0x0101010101010101, 0x8080808080808080
	m := (x - 0x20*lo) | ((x | 0x02*lo) ^ 0x3e*lo - lo) | ((x | 0x04*lo) ^ 0x26*lo - lo) | (x ^ '\\'*lo - lo)
	return (m | x) & hi
}

// safeByte marks the bytes appendString copies as they are.
var safeByte = func() (t [256]bool) {
	for c := 0x20; c < utf8.RuneSelf; c++ {
		t[c] = c != '"' && c != '\\' && c != '<' && c != '>' && c != '&'
	}
	return t
}()

// AppendString appends s to b as a JSON string, as Encoder writes strings
// (the generator uses it to encode member names once).
func AppendString(b []byte, s string) []byte { return appendString(b, s) }

// appendString appends s as a JSON string; invalid UTF-8 becomes U+FFFD.
func appendString(b []byte, s string) []byte {
	b = append(b, '"')
	b = appendEscaped(b, s, 0)
	return append(b, '"')
}

// appendEscaped appends s[i:], escaped as appendString escapes it, to b,
// which holds s[:i] already; i is 0 or where a byte needs an escape. Each
// run of bytes that need none is checked and copied in one pass (copyRun)
// into b's room.
func appendEscaped(b []byte, s string, i int) []byte {
	for i < len(s) {
		b = slices.Grow(b, len(s)-i)
		n := copyRun(b[len(b):len(b)+len(s)-i], s[i:])
		b, i = b[:len(b)+n], i+n
		if i >= len(s) {
			break
		}
		c := s[i]
		if c < utf8.RuneSelf {
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
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			b = append(b, `\ufffd`...)
		case r == '\u2028' || r == '\u2029':
			b = append(b, '\\', 'u', '2', '0', '2', hexDigits[r&0xf])
		default:
			b = append(b, s[i:i+size]...)
		}
		i += size
	}
	return b
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

// The fused writers below write one member, its encoded name (a constant
// such as `"id":`, as Name takes it) and its value, with one comma check
// and one capacity check; generated encoders use them for members of
// scalar types. Each writes what Name followed by the value's own writer
// writes.

// member makes room for a ',', name and n more bytes, writes the ',' if
// one is due and name, and returns the buffer up to its capacity and the
// offset after name. The caller stores the new length and e.more.
func (e *Encoder) member(name string, n int) ([]byte, int) {
	b := e.buf
	at := len(b)
	if cap(b)-at <= len(name)+n {
		e.grow(len(name) + n + 1)
		b = e.buf
	}
	b = b[:cap(b)]
	if e.more {
		b[at] = ','
		at++
	}
	at += copyWords(b[at:], name)
	return b, at
}

// NameString writes a member whose value is the string s. The bytes that
// need no escape are checked and copied in one pass (copyRun); from the
// first one that does, appendEscaped writes the rest.
func (e *Encoder) NameString(name, s string) {
	b, at := e.member(name, len(s)+2)
	b[at] = '"'
	at++
	if i := copyRun(b[at:], s); i < len(s) {
		e.buf = appendEscaped(e.buf[:at+i], s, i) // escapes: the slow path, from the first
		e.buf = append(e.buf, '"')
		e.more = true
		return
	}
	at += len(s)
	b[at] = '"'
	e.buf = e.buf[:at+1]
	e.more = true
}

// copyWords copies s to the start of dst, which has room for it, and
// returns len(s). For the short strings of member names and values this is
// quicker than copy, whose memmove is a call: up to 32 bytes it is a few
// overlapping loads and stores without a loop, and beyond that eight
// bytes at a time (the last word overlaps the one before).
func copyWords(dst []byte, s string) int {
	n := len(s)
	switch {
	case n < 4:
		for i := 0; i < n; i++ {
			dst[i] = s[i]
		}
		return n
	case n < 8:
		_ = dst[n-1]
		x, y := load32(s, 0), load32(s, n-4)
		binary.LittleEndian.PutUint32(dst, x)
		binary.LittleEndian.PutUint32(dst[n-4:], y)
		return n
	case n <= 16:
		_ = dst[n-1]
		x, y := load64(s, 0), load64(s, n-8)
		binary.LittleEndian.PutUint64(dst, x)
		binary.LittleEndian.PutUint64(dst[n-8:], y)
		return n
	case n <= 32:
		_ = dst[n-1]
		w, x, y, z := load64(s, 0), load64(s, 8), load64(s, n-16), load64(s, n-8)
		binary.LittleEndian.PutUint64(dst, w)
		binary.LittleEndian.PutUint64(dst[8:], x)
		binary.LittleEndian.PutUint64(dst[n-16:], y)
		binary.LittleEndian.PutUint64(dst[n-8:], z)
		return n
	}
	_ = dst[n-1]
	for i := 0; i+8 < n; i += 8 {
		binary.LittleEndian.PutUint64(dst[i:], load64(s, i))
	}
	binary.LittleEndian.PutUint64(dst[n-8:], load64(s, n-8))
	return n
}

// load32 returns the four bytes of s at i as a little-endian word.
func load32(s string, i int) uint32 {
	s = s[i : i+4]
	return uint32(s[0]) | uint32(s[1])<<8 | uint32(s[2])<<16 | uint32(s[3])<<24
}

// copyRun copies s to the start of dst, which has room for all of it,
// and returns the length of its longest prefix that appendString copies as
// it is (len(s) when no byte needs an escape): dst starts with that
// prefix, and what it holds after it is garbage. Strings of 16 bytes or
// more go to copyRunLong (16 bytes at a time where the processor allows
// it); shorter ones are done here, a byte or two overlapping words at a
// time.
func copyRun(dst []byte, s string) int {
	n := len(s)
	if n < 8 {
		for i := 0; i < n; i++ {
			c := s[i]
			if !safeByte[c] {
				return i
			}
			dst[i] = c
		}
		return n
	}
	if n >= 16 {
		return copyRunLong(dst, s)
	}
	_ = dst[n-1]
	x, y := load64(s, 0), load64(s, n-8)
	binary.LittleEndian.PutUint64(dst, x)
	binary.LittleEndian.PutUint64(dst[n-8:], y)
	if m := unsafeBytes(x); m != 0 {
		return bits.TrailingZeros64(m) >> 3
	}
	if m := unsafeBytes(y); m != 0 {
		return n - 8 + bits.TrailingZeros64(m)>>3 // the bytes y shares with x are safe
	}
	return n
}

// copyRunWords is copyRun for any length, eight bytes at a time: the
// copyRunLong of processors without a 16-byte version, and the reference
// the 16-byte version is tested against.
func copyRunWords(dst []byte, s string) int {
	n := len(s)
	if n < 8 {
		return copyRun(dst, s)
	}
	_ = dst[n-1]
	for i := 0; i+8 < n; i += 8 {
		x := load64(s, i)
		binary.LittleEndian.PutUint64(dst[i:], x)
		if m := unsafeBytes(x); m != 0 {
			return i + bits.TrailingZeros64(m)>>3
		}
	}
	x := load64(s, n-8)
	binary.LittleEndian.PutUint64(dst[n-8:], x)
	if m := unsafeBytes(x); m != 0 {
		return n - 8 + bits.TrailingZeros64(m)>>3 // the bytes before the last word are safe
	}
	return n
}

// NameNull writes a member whose value is null.
func (e *Encoder) NameNull(name string) {
	b, at := e.member(name, 4)
	copy(b[at:], "null")
	e.buf = e.buf[:at+4]
	e.more = true
}

// NameBool writes a member whose value is the boolean v.
func (e *Encoder) NameBool(name string, v bool) {
	lit := "false"
	if v {
		lit = "true"
	}
	b, at := e.member(name, len(lit))
	at += copy(b[at:], lit)
	e.buf = e.buf[:at]
	e.more = true
}

// maxInt64 is the longest integer strconv.AppendInt writes.
const maxInt64 = len("-9223372036854775808")

// NameInt64 writes a member whose value is the integer n.
func (e *Encoder) NameInt64(name string, n int64) {
	b, at := e.member(name, maxInt64)
	// b has room: AppendInt writes in place and the pointer is unchanged.
	at += len(strconv.AppendInt(b[at:at], n, 10))
	e.buf = e.buf[:at]
	e.more = true
}

// NameFloat64 writes a member whose value is the number f (null for NaN
// and infinities, as Float64 writes them).
func (e *Encoder) NameFloat64(name string, f float64) {
	e.Name(name)
	e.Float64(f)
}

// maxDateTime is the longest date-time string AppendDateTime writes for a
// year in 0000-9999, with its quotes.
const maxDateTime = len(`"2006-01-02T15:04:05.999999999-07:00"`)

// The Unix seconds of 0000-01-01T00:00:00 and 10000-01-01T00:00:00 (as
// wall clock seconds in t's own offset): the years RFC 3339 can write.
const (
	minDateTimeSec = -62167219200
	endDateTimeSec = 253402300800
)

// NameTime writes a member whose value is t as an RFC 3339 date-time
// string (a year outside 0000-9999 fails, as Time does).
func (e *Encoder) NameTime(name string, t time.Time) {
	_, off := t.Zone()
	wall := t.Unix() + int64(off)
	if wall < minDateTimeSec || wall >= endDateTimeSec {
		e.Name(name)
		e.Time(t) // fails
		return
	}
	b, at := e.member(name, maxDateTime)
	b[at] = '"'
	at += 1 + putDateTime(b[at+1:], t, wall)
	b[at] = '"'
	e.buf = e.buf[:at+1]
	e.more = true
}

// putDateTime writes t, whose wall clock time in its own offset is wall
// Unix seconds (in 0000-9999), at the start of b (which has room for it),
// as AppendDateTime appends it, and returns the length written. It reads
// t's zone once, where AppendDateTime's Date, Clock and Zone read it three
// times, and writes two digits at a time from a table.
func putDateTime(b []byte, t time.Time, wall int64) int {
	_ = b[len(`2006-01-02T15:04:05.999999999-07:00`)-1]
	// Unsigned from here: wall is in 0000-9999, so the seconds since
	// 0000-01-01 are not negative, and unsigned division by a constant is
	// a multiplication without the corrections signed division needs.
	since := uint64(wall - minDateTimeSec)
	days, secs := uint32(since/86400), uint32(since%86400)
	// Days to a civil date (H. Hinnant, "chrono-Compatible Low-Level Date
	// Algorithms"), in eras of 400 years from 0000-03-01, counted from the
	// era before (-0400-03-01) so that January and February of year 0 are
	// not negative.
	z := days + 146097 - 60
	era := z / 146097
	doe := z - era*146097
	yoe := (doe - doe/1460 + doe/36524 - doe/146096) / 365
	year := yoe + era*400 - 400
	doy := doe - (365*yoe + yoe/4 - yoe/100)
	mp := (5*doy + 2) / 153
	day := doy - (153*mp+2)/5 + 1
	month := mp + 3
	if mp >= 10 {
		month = mp - 9
		year++
	}
	put2(b[0:], year/100)
	put2(b[2:], year%100)
	b[4] = '-'
	put2(b[5:], month)
	b[7] = '-'
	put2(b[8:], day)
	b[10] = 'T'
	put2(b[11:], secs/3600)
	b[13] = ':'
	put2(b[14:], secs/60%60)
	b[16] = ':'
	put2(b[17:], secs%60)
	n := 19
	if ns := uint32(t.Nanosecond()); ns != 0 {
		b[n] = '.'
		b[n+1] = byte('0' + ns/1e8)
		r := ns % 1e8
		put2(b[n+2:], r/1e6)
		put2(b[n+4:], r/1e4%100)
		put2(b[n+6:], r/100%100)
		put2(b[n+8:], r%100)
		n += 10
		for b[n-1] == '0' {
			n--
		}
	}
	off := int(wall - t.Unix())
	if off == 0 {
		b[n] = 'Z'
		return n + 1
	}
	b[n] = '+'
	if off < 0 {
		b[n], off = '-', -off
	}
	off /= 60
	put2(b[n+1:], uint32(off/60))
	b[n+3] = ':'
	put2(b[n+4:], uint32(off%60))
	return n + 6
}

// put2 writes n (0-99) as two digits.
func put2(b []byte, n uint32) {
	b[1], b[0] = digits2[2*n+1], digits2[2*n]
}

// digits2 holds 00 to 99, two bytes each.
const digits2 = "00010203040506070809101112131415161718192021222324252627282930313233343536373839404142434445464748495051525354555657585960616263646566676869707172737475767778798081828384858687888990919293949596979899"
