package shapeimpl

import (
	"math/bits"
	"slices"
	"strconv"
	"strings"
	"unicode/utf16"
	"unicode/utf8"
	"unsafe"
)

// DefaultMaxDepth is the nesting limit of a Decoder whose MaxDepth is 0:
// objects and arrays nested deeper are a *SyntaxError. Graph responses nest
// fewer than 20 levels; 512 leaves room for any real schema while bounding
// the stack and the work hostile input can cause.
const DefaultMaxDepth = 512

// Types is a set of JSON types a schema allows, plus how a mismatch is
// reported. Generated code passes it to the Decoder's readers.
type Types uint16

// The JSON types, and the report modifiers.
const (
	TNull Types = 1 << iota
	TBoolean
	TInteger
	TNumber
	TString
	TArray
	TObject
	// ViaEnum marks a schema without "type" whose "enum" limits the types: a
	// mismatch is reported under "enum".
	ViaEnum
	// ViaConst is like ViaEnum for "const".
	ViaConst
	// TAny allows every JSON type.
	TAny = TNull | TBoolean | TInteger | TNumber | TString | TArray | TObject
)

var typeNames = []string{"null", "boolean", "integer", "number", "string", "array", "object"}

func (t Types) String() string {
	var parts []string
	for i, n := range typeNames {
		if t&(1<<i) != 0 {
			if n == "integer" && t&TNumber != 0 {
				continue
			}
			parts = append(parts, n)
		}
	}
	return strings.Join(parts, " or ")
}

// frame is one step down from the root: into a member (index -1), into an
// array item (index >= 0), or in the schema only (index -2, PushKeyword).
type frame struct {
	key   string
	kw    string
	index int
	at    int  // for a member or item: offset where its value starts, before white space
	lossy bool // a member whose value lenient decoding could not hold whole (see keep)
}

type stashed struct {
	depth int
	key   string
	raw   string
}

// Decoder reads one JSON document, validating while it decodes. Generated
// ShapeDecode methods drive it; programs use package shape. A Decoder is not
// safe for concurrent use; Reset makes it ready for another document, so one
// can be kept in a sync.Pool.
type Decoder struct {
	// Lenient turns violations into tolerated points (see package shape).
	Lenient bool
	// MaxDepth limits nesting; 0 means DefaultMaxDepth.
	MaxDepth int
	// Untracked skips the bookkeeping of where the decoder is (Enter,
	// EnterIndex, PushKeyword and their undoing do nothing), which is most of
	// the cost of a valid document: violations are then recorded without
	// their locations. A caller that finds Retrack true after Finish decodes
	// again with Rewind and Untracked false to get them.
	Untracked bool
	// Select is the $select list the document was requested with (see
	// select.go); nil reads it from the root's "@odata.context", unless
	// NoContextSelect is set.
	Select          []string
	NoContextSelect bool

	src   string // the document; see own
	own   bool   // src is the caller's bytes: strings kept are copied (see keepString)
	pos   int
	err   *SyntaxError
	depth int
	stack []frame

	keyLo, keyHi int    // the member name NextKey read is src[keyLo:keyHi], or
	keyEscaped   string // when keyHi < 0, this unescaped name

	violations []Violation
	tolerated  []Violation
	stash      []stashed
	scratch    []byte // unescaping buffer
	chunk      []byte // raw values are copied into it (see rawCopy)

	lastMismatch int // offset+1 of the last value skipped as a mismatch
	duplicates   int // member names seen twice so far (see rawCopy)

	memo    map[memoKey]bool // verdicts of rules on values (see passes)
	probing int              // > 0 while only a verdict is wanted

	ctxSelect []string // the select list of the root's @odata.context
	ctxEntity bool     // that context is a single entity's
	rootList  bool     // the root has a "value" member
	inValue   bool     // the root member being decoded is "value"
	relaxed   int      // missing required members the select list explained
}

// NewDecoder returns a Decoder reading data, that copies what it returns
// (strings, names and raw values), so the caller may reuse data once
// decoding is done (see Reset).
func NewDecoder(data []byte) *Decoder {
	d := new(Decoder)
	d.Reset(data)
	return d
}

// NewDecoderString is NewDecoder for a string: decoded strings without
// escapes are substrings of s, as a string cannot change.
func NewDecoderString(s string) *Decoder {
	d := new(Decoder)
	d.reset(s)
	return d
}

// Reset prepares d for decoding data, keeping the memory of its stacks.
// Lenient and MaxDepth are cleared. data is read in place, not copied:
// it must not change until decoding is done (and Rewind's decoding), but
// nothing d returns points into it. Strings, member names (Name) and raw
// values are copied as they are returned (see keepString), so the caller
// may reuse data afterwards, and a kept string keeps alive a few kilobytes
// of other decoded strings, never the document.
func (d *Decoder) Reset(data []byte) {
	d.reset(unsafe.String(unsafe.SliceData(data), len(data)))
	d.own = true
}

// ResetBorrowed is Reset without the copies of strings: decoded strings
// without escapes point into data, which must outlive them and not change.
// (Raw values and unescaped strings are copies either way; see rawCopy.)
func (d *Decoder) ResetBorrowed(data []byte) {
	d.reset(unsafe.String(unsafe.SliceData(data), len(data)))
}

// Rewind prepares d for decoding the same document again, as Reset or
// ResetBorrowed did; the document must not have changed.
func (d *Decoder) Rewind() {
	sel, noCtx, own := d.Select, d.NoContextSelect, d.own
	d.reset(d.src)
	d.Select, d.NoContextSelect, d.own = sel, noCtx, own
}

// Retrack reports whether an untracked decoding recorded a violation or a
// tolerated point whose locations are missing (see Untracked).
func (d *Decoder) Retrack() bool {
	return d.Untracked && d.err == nil && len(d.violations)+len(d.tolerated) > 0
}

func (d *Decoder) reset(src string) {
	*d = Decoder{
		src:        src,
		stack:      d.stack[:0],
		violations: d.violations[:0],
		tolerated:  d.tolerated[:0],
		stash:      d.stash[:0],
		scratch:    d.scratch[:0],
		chunk:      d.chunk,
	}
}

// rawChunk is the size of the chunks rawCopy cuts raw values from.
const rawChunk = 4 << 10

// rawCopy returns a copy of s, a raw value of the document, that the caller
// may keep and change. Copies are cut from a chunk, so that a document with
// many raw values (Extra members, untyped parts) costs an allocation per
// few kilobytes, not one per value; each copy's capacity ends where it does,
// so appending to one never writes into another. Values longer than a
// quarter chunk get an allocation of their own. A kept copy keeps its chunk
// alive (with the strings keepString cut from it).
//
// In a document that repeats a member name, a raw value that does is
// kept with the last of each (lastWins), as decoding reads members into
// fields, so that what lenient decoding keeps can be encoded again.
func (d *Decoder) rawCopy(s string) RawValue {
	if d.duplicates > 0 && checkRaw(RawValue(s)) == rawInvalid {
		s = lastWins(s)
	}
	if len(s) > rawChunk/4 {
		return RawValue(s)
	}
	b := d.cut(len(s))
	copy(b, s)
	return b
}

// stringCopy returns b as a string, cut from the same chunks as rawCopy's
// copies (an unescaped string is not a substring of the document). The
// bytes of a chunk are written once, before they are handed out, so the
// string never changes.
func (d *Decoder) stringCopy(b []byte) string {
	if len(b) > rawChunk/4 {
		return string(b)
	}
	c := d.cut(len(b))
	copy(c, b)
	return unsafe.String(unsafe.SliceData(c), len(c))
}

// keepString returns s, read from the document, as a string the caller may
// keep: after Reset, a copy cut from the chunks (when s is not already one:
// unescaped strings are); otherwise s itself.
func (d *Decoder) keepString(s string) string {
	if !d.own || len(s) == 0 {
		return s
	}
	if p, base := uintptr(unsafe.Pointer(unsafe.StringData(s))), uintptr(unsafe.Pointer(unsafe.StringData(d.src))); p-base >= uintptr(len(d.src)) {
		return s // not in the document
	}
	if len(s) > rawChunk/4 {
		return strings.Clone(s)
	}
	c := d.cut(len(s))
	copy(c, s)
	return unsafe.String(unsafe.SliceData(c), len(c))
}

// cut returns the next n bytes of the chunk, with a capacity of n, starting
// a new chunk when the rest is too short. The chunk is resliced in place
// (no pointer store, so no write barrier) unless a new one is needed.
func (d *Decoder) cut(n int) []byte {
	l := len(d.chunk)
	if cap(d.chunk)-l < n {
		// Every byte of a chunk is written before it is handed out, so it
		// need not be cleared.
		d.chunk, l = makeNoZero(rawChunk), 0
	}
	d.chunk = d.chunk[:l+n]
	return d.chunk[l : l+n : l+n]
}

// Release drops d's references to the document and to what it decoded, so
// a pooled Decoder keeps neither alive; it keeps only the unused rest of the
// chunk raw values are copied into (see rawCopy), which later documents fill.
// Violations and Tolerated must have been copied before.
func (d *Decoder) Release() {
	const keep = 1 << 10 // entries; larger stacks go to the collector
	if cap(d.stack) > keep || cap(d.violations) > keep || cap(d.tolerated) > keep || cap(d.stash) > keep {
		*d = Decoder{}
		return
	}
	clear(d.stack[:cap(d.stack)])
	clear(d.violations[:cap(d.violations)])
	clear(d.tolerated[:cap(d.tolerated)])
	clear(d.stash[:cap(d.stash)])
	if cap(d.scratch) > 64<<10 {
		d.scratch = nil
	}
	d.reset("")
}

// Finish checks that only white space follows the value. The outcome is
// then in Syntax, Violations and Tolerated.
func (d *Decoder) Finish() {
	if d.err == nil {
		d.skipWS()
		if d.pos < len(d.src) {
			d.syntax(CauseTrailingData, "unexpected data after the top-level value")
		}
	}
}

// Syntax returns the syntax error that stopped decoding, or nil.
func (d *Decoder) Syntax() *SyntaxError { return d.err }

// Err returns the syntax error that stopped decoding as an error, or nil.
func (d *Decoder) Err() error {
	if d.err == nil {
		return nil
	}
	return d.err
}

// Violations returns the violations found so far (strict mode). The slice
// is d's own: it is reused after Reset.
func (d *Decoder) Violations() []Violation { return d.violations }

// Tolerated returns the points lenient decoding tolerated. The slice is d's
// own: it is reused after Reset.
func (d *Decoder) Tolerated() []Violation { return d.tolerated }

// Offset returns the current byte offset.
func (d *Decoder) Offset() int { return d.pos }

// Since returns the document text from offset start to the current offset.
// It points into the document: the caller must not keep it.
func (d *Decoder) Since(start int) string { return d.src[start:d.pos] }

// syntax records the first syntax error. A cause of CauseInvalidCharacter
// becomes CauseUnexpectedEnd at the end of
// the input, and CauseBOM at a byte order mark.
func (d *Decoder) syntax(cause SyntaxCause, msg string) {
	if strings.HasPrefix(d.src[d.pos:], "\ufeff") {
		msg = "a byte order mark (U+FEFF) where a JSON value or token was expected; JSON text must not begin with one (RFC 8259, section 8.1)"
		cause = CauseBOM
	} else if cause == CauseInvalidCharacter && d.pos >= len(d.src) {
		cause = CauseUnexpectedEnd
	}
	if d.err == nil {
		d.err = &SyntaxError{Offset: int64(d.pos), Msg: msg, Cause: cause}
	}
}

// Enter descends into member key of the current object; kw is the keyword
// path segment of its schema (e.g. "/properties/status").
func (d *Decoder) Enter(key, kw string) {
	if !d.Untracked {
		d.stack = append(d.stack, frame{key: key, kw: kw, index: -1, at: d.pos})
	}
}

// EnterIndex descends into item i of the current array.
func (d *Decoder) EnterIndex(i int, kw string) {
	if !d.Untracked {
		d.stack = append(d.stack, frame{kw: kw, index: i, at: d.pos})
	}
}

// Leave undoes the last Enter or EnterIndex. A member whose value lenient
// decoding could not hold whole is kept as sent (see keep).
func (d *Decoder) Leave() {
	if !d.Untracked {
		if f := &d.stack[len(d.stack)-1]; f.lossy && d.err == nil {
			raw := strings.TrimLeft(d.src[f.at:d.pos], " \t\r\n")
			d.stash = append(d.stash, stashed{depth: d.depth, key: f.key, raw: raw})
		}
		d.stack = d.stack[:len(d.stack)-1]
	}
}

// keep makes lenient decoding keep the value that started at start and
// that its Go field cannot hold (a wrong type, a bad date-time): a member's
// value goes to the object's Extra as sent; an array item's makes the
// member holding the array keep the whole array as sent, so re-encoding
// drops no item.
func (d *Decoder) keep(start int) {
	if !d.Lenient || d.err != nil {
		return
	}
	if key, member := d.lastKey(); member {
		d.stash = append(d.stash, stashed{depth: d.depth, key: key, raw: d.src[start:d.pos]})
		return
	}
	for i := len(d.stack) - 1; i >= 0; i-- {
		if d.stack[i].index == -1 {
			d.stack[i].lossy = true
			return
		}
	}
}

// PushKeyword descends in the schema only (through $ref, anyOf, ...).
func (d *Decoder) PushKeyword(kw string) {
	if !d.Untracked {
		d.stack = append(d.stack, frame{kw: kw, index: -2})
	}
}

// PopKeyword undoes PushKeyword.
func (d *Decoder) PopKeyword() {
	if !d.Untracked {
		d.stack = d.stack[:len(d.stack)-1]
	}
}

// lastKey returns the member name of the innermost Enter, and whether the
// innermost step into the document was into a member.
func (d *Decoder) lastKey() (string, bool) {
	for i := len(d.stack) - 1; i >= 0; i-- {
		if f := d.stack[i]; f.index != -2 {
			return f.key, f.index == -1
		}
	}
	return "", false
}

// InstancePointer returns the JSON Pointer of the current value.
func (d *Decoder) InstancePointer() string {
	var b strings.Builder
	for _, f := range d.stack {
		switch {
		case f.index >= 0:
			b.WriteByte('/')
			b.WriteString(strconv.Itoa(f.index))
		case f.index == -1:
			b.WriteByte('/')
			b.WriteString(EscapePointerToken(f.key))
		}
	}
	return b.String()
}

func (d *Decoder) keywordPointer(suffix string) string {
	n := len(suffix)
	for _, f := range d.stack {
		n += len(f.kw)
	}
	var b strings.Builder
	b.Grow(n)
	for _, f := range d.stack {
		b.WriteString(f.kw)
	}
	b.WriteString(suffix)
	return b.String()
}

// Report records a violation of keyword at the current value; kwSuffix is
// appended to the keyword path (e.g. "/enum").
func (d *Decoder) Report(keyword, kwSuffix, msg string) {
	v := d.violation(keyword, kwSuffix, msg)
	if d.Lenient {
		d.tolerated = append(d.tolerated, v)
	} else {
		d.violations = append(d.violations, v)
	}
}

// Tolerate records a point lenient decoding accepted. It is only called in
// lenient mode.
func (d *Decoder) Tolerate(keyword, kwSuffix, msg string) {
	d.tolerated = append(d.tolerated, d.violation(keyword, kwSuffix, msg))
}

func (d *Decoder) violation(keyword, kwSuffix, msg string) Violation {
	v := Violation{Keyword: keyword, Message: msg, Offset: int64(d.pos)}
	if !d.Untracked {
		v.InstanceLocation, v.KeywordLocation = d.InstancePointer(), d.keywordPointer(kwSuffix)
		v.Offset = d.violationOffset(keyword)
	}
	return v
}

// violationOffset returns the byte offset a violation of keyword at the
// current value points at: the start of the value (of the object, for a
// missing member), or the opening quote of the member name for a member
// that is undeclared or repeated. It is only computed when a violation is
// made, so decoding valid documents costs nothing.
func (d *Decoder) violationOffset(keyword string) int64 {
	at := 0
	for i := len(d.stack) - 1; i >= 0; i-- {
		s := d.stack[i]
		if s.index == -2 {
			continue // a step in the schema only
		}
		at = s.at
		if s.index == -1 && (keyword == "additionalProperties" || keyword == "unevaluatedProperties" || keyword == "duplicate") {
			if k, ok := keyStart(d.src, at); ok {
				return int64(k)
			}
		}
		break
	}
	for at < len(d.src) && isSpace(d.src[at]) {
		at++
	}
	return int64(at)
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

// keyStart returns the offset of the opening quote of the member name that
// precedes the value whose text (after the ':') starts at at.
func keyStart(src string, at int) (int, bool) {
	i := at - 1
	for i >= 0 && isSpace(src[i]) {
		i--
	}
	if i < 0 || src[i] != ':' {
		return 0, false
	}
	i--
	for i >= 0 && isSpace(src[i]) {
		i--
	}
	if i < 0 || src[i] != '"' {
		return 0, false
	}
	// Inside a string every '"' is escaped: preceded by an odd number of
	// backslashes. The first one walking back that is not is the opening
	// quote.
	for j := i - 1; j >= 0; j-- {
		if src[j] != '"' {
			continue
		}
		b := 0
		for k := j - 1; k >= 0 && src[k] == '\\'; k-- {
			b++
		}
		if b%2 == 0 {
			return j, true
		}
	}
	return 0, false
}

// Missing reports required member name absent from the current object,
// unless the object is an entity of a $select response whose select list
// leaves name out (see select.go).
func (d *Decoder) Missing(name string) {
	if d.unselected(name) {
		d.relaxed++
		return
	}
	d.Report("required", "/required", "missing required property "+strconv.Quote(name))
}

// Duplicate reports that the member just entered was already seen. The
// last occurrence wins: a value of the earlier one kept for Extra is
// dropped (generated code resets the field).
func (d *Decoder) Duplicate() {
	d.duplicates++
	key, _ := d.lastKey()
	d.Report("duplicate", "", "duplicate member name "+strconv.Quote(key))
	for i := len(d.stash) - 1; i >= 0; i-- {
		if d.stash[i].key == key && d.stash[i].depth == d.depth {
			d.stash = append(d.stash[:i], d.stash[i+1:]...)
		}
	}
}

func (d *Decoder) skipWS() {
	s, i := d.src, d.pos
	// Byte by byte (most runs are a space, or a line break and a short
	// indentation), then eight bytes at a time for indentation that goes
	// on.
	for n := 0; i < len(s) && isWhite[s[i]]; n++ {
		i++
		if n >= 3 {
			for i+8 <= len(s) {
				if x := load64(s, i) ^ 0x2020202020202020; x != 0 {
					i += bits.TrailingZeros64(x) >> 3
					break
				}
				i += 8
			}
			n = 0
		}
	}
	d.pos = i
}

// isWhite holds the bytes of JSON white space.
var isWhite = [256]bool{' ': true, '\t': true, '\n': true, '\r': true}

// peek skips white space and returns the next byte, or 0 at the end.
func (d *Decoder) peek() byte {
	d.skipWS()
	if d.pos < len(d.src) {
		return d.src[d.pos]
	}
	return 0
}

// at returns the byte at the current offset, or 0 at the end. The hot
// paths write "c := d.at(); if c <= ' ' { c = d.peek() }": peek's common
// case, a token right here, without the call.
func (d *Decoder) at() byte {
	if d.pos < len(d.src) {
		return d.src[d.pos]
	}
	return 0
}

// kindAt classifies the value at the current position.
func (d *Decoder) kindAt() Types {
	switch c := d.peek(); {
	case c == '{':
		return TObject
	case c == '[':
		return TArray
	case c == '"':
		return TString
	case c == 't' || c == 'f':
		return TBoolean
	case c == 'n':
		return TNull
	case c == '-' || '0' <= c && c <= '9':
		return TNumber
	}
	return 0
}

func kindName(k Types) string {
	switch k {
	case TObject:
		return "object"
	case TArray:
		return "array"
	case TString:
		return "string"
	case TBoolean:
		return "boolean"
	case TNull:
		return "null"
	case TNumber:
		return "number"
	case TInteger:
		return "integer"
	}
	return "invalid value"
}

// Mismatch reports that the value here is not of the types t allows and
// skips it. In lenient mode the value is kept for the enclosing struct's
// Extra map.
func (d *Decoder) Mismatch(t Types) {
	if d.err != nil {
		return
	}
	got := d.kindAt()
	if got == 0 {
		d.syntax(CauseInvalidCharacter, "expected a JSON value")
		return
	}
	start := d.pos
	keyword, suffix := "type", "/type"
	msg := "got " + kindName(got) + ", want " + t.String()
	switch {
	case t&ViaEnum != 0:
		keyword, suffix, msg = "enum", "/enum", "got "+kindName(got)+", want one of the enum members"
	case t&ViaConst != 0:
		keyword, suffix, msg = "const", "/const", "got "+kindName(got)+", want the const value"
	}
	d.Report(keyword, suffix, msg)
	d.lastMismatch = start + 1
	d.Skip()
	d.keep(start)
}

// Unstash moves values that lenient decoding could not store in their
// fields, at the current object, into extra, which it returns.
func (d *Decoder) Unstash(extra map[string]RawValue) map[string]RawValue {
	// The object has been closed, so its members were at depth d.depth+1.
	for len(d.stash) > 0 && d.stash[len(d.stash)-1].depth > d.depth {
		s := d.stash[len(d.stash)-1]
		d.stash = d.stash[:len(d.stash)-1]
		if s.depth > d.depth+1 {
			continue // from a map or array below, which keeps no Extra
		}
		if extra == nil {
			extra = map[string]RawValue{}
		}
		extra[d.keepString(s.key)] = d.rawCopy(s.raw)
	}
	return extra
}

// Null consumes a null literal if one is next and reports whether it did.
func (d *Decoder) Null() bool {
	c := d.at()
	if c <= ' ' {
		c = d.peek()
	}
	if c != 'n' {
		return false
	}
	if strings.HasPrefix(d.src[d.pos:], "null") {
		d.pos += 4
		return true
	}
	d.syntax(CauseInvalidLiteral, "invalid literal")
	return false
}

func (d *Decoder) enter() bool {
	d.depth++
	max := d.MaxDepth
	if max <= 0 {
		max = DefaultMaxDepth
	}
	if d.depth > max {
		d.syntax(CauseDepthLimit, "nesting deeper than "+strconv.Itoa(max)+" levels")
		return false
	}
	return true
}

// BeginObject consumes '{' and returns true if an object is next; else it
// reports a mismatch against t, skips the value and returns false.
func (d *Decoder) BeginObject(t Types) bool { return d.begin('{', t) }

// BeginArray consumes '[' and returns true if an array is next; else it
// reports a mismatch against t, skips the value and returns false.
func (d *Decoder) BeginArray(t Types) bool { return d.begin('[', t) }

func (d *Decoder) begin(open byte, t Types) bool {
	c := d.at()
	if c <= ' ' {
		c = d.peek()
	}
	if c == open {
		if !d.enter() {
			return false
		}
		d.pos++
		return true
	}
	d.Mismatch(t)
	return false
}

// next moves past the separator before element i of the current object or
// array, or consumes its closing byte and reports false. It is small enough
// to be inlined into the generated loops.
func (d *Decoder) next(i int, close byte) bool {
	c := d.at()
	if c <= ' ' {
		c = d.peek()
	}
	switch {
	case d.err != nil:
		return false
	case c == close:
		d.pos++
		d.depth--
		return false
	case i == 0:
		return true
	case c == ',':
		d.pos++
		return true
	}
	d.syntax(CauseInvalidCharacter, separatorError[close])
	return false
}

var separatorError = map[byte]string{'}': "expected ',' or '}' after object member", ']': "expected ',' or ']' after array item"}

// NextKey advances to member i of the current object (i counts from 0) and
// returns true with its name in Key, or consumes '}' and returns false.
func (d *Decoder) NextKey(i int) bool {
	if !d.next(i, '}') {
		return false
	}
	if c := d.at(); c != '"' && (c > ' ' || d.peek() != '"') {
		d.syntax(CauseInvalidCharacter, "expected a member name")
		return false
	}
	// The name is kept as offsets into the document, not as a string: a
	// string field written per member would cost a write barrier whenever
	// the collector is marking.
	src, start := d.src, d.pos+1
	if i := plainRun(src, start); i < len(src) && src[i] == '"' {
		d.pos = i + 1
		d.keyLo, d.keyHi = start, i
	} else {
		k, ok := d.readStringSlow(start, i, true)
		if !ok {
			return false
		}
		d.keyLo, d.keyHi, d.keyEscaped = 0, -1, k
	}
	if c := d.at(); c != ':' && (c > ' ' || d.peek() != ':') {
		d.syntax(CauseInvalidCharacter, "expected ':' after member name")
		return false
	}
	d.pos++
	// Only "value" and "@odata.context" matter at the root (and leaving
	// "value"): other names skip the call.
	if n := d.keyHi - d.keyLo; d.depth == 1 && (d.keyHi < 0 || d.inValue || n == len("value") || n == len("@odata.context")) {
		d.rootMember(d.Key())
	}
	return true
}

// Key returns the member name NextKey read. It may point into the
// document: to keep the name (as a map key), call Name.
func (d *Decoder) Key() string {
	if d.keyHi < 0 {
		return d.keyEscaped
	}
	return d.src[d.keyLo:d.keyHi]
}

// Name returns the member name NextKey read as a string the caller may
// keep (see keepString).
func (d *Decoder) Name() string { return d.keepString(d.Key()) }

// NextItem advances to item i of the current array and returns true, or
// consumes ']' and returns false.
func (d *Decoder) NextItem(i int) bool { return d.next(i, ']') }

// String reads a string, or reports a mismatch against t. r, if not nil,
// holds the string's constraints. The caller may keep the string (see
// keepString).
func (d *Decoder) String(t Types, r *Rule) (string, bool) {
	s, ok := d.StringView(t, r)
	if ok && d.own {
		s = d.keepString(s)
	}
	return s, ok
}

// StringView is String for a caller that only looks at the string (an
// enum's decoder compares it with its members): it may point into the
// document, so the caller must not keep it.
func (d *Decoder) StringView(t Types, r *Rule) (string, bool) {
	if c := d.at(); c != '"' && (c > ' ' || d.peek() != '"') {
		d.Mismatch(t)
		return "", false
	}
	s, ok := d.readString()
	if ok && r != nil {
		d.checkString(r, s)
	}
	return s, ok
}

// Bool reads a boolean, or reports a mismatch against t.
func (d *Decoder) Bool(t Types, r *Rule) (bool, bool) {
	var v bool
	switch c := d.peek(); {
	case c == 't' && strings.HasPrefix(d.src[d.pos:], "true"):
		d.pos += 4
		v = true
	case c == 'f' && strings.HasPrefix(d.src[d.pos:], "false"):
		d.pos += 5
	default:
		d.Mismatch(t)
		return false, false
	}
	if r != nil && (r.Enum != nil || r.HasConst) {
		d.checkEnumConst(r, strconv.FormatBool(v))
	}
	return v, true
}

// Float64 reads a number, or reports a mismatch against t.
func (d *Decoder) Float64(t Types, r *Rule) (float64, bool) {
	c := d.peek()
	if c != '-' && (c < '0' || c > '9') {
		d.Mismatch(t)
		return 0, false
	}
	text, ok := d.readNumber()
	if !ok {
		return 0, false
	}
	if r != nil {
		d.checkNumber(r, text)
	}
	f, err := strconv.ParseFloat(text, 64)
	if err != nil {
		d.Report("goRange", "", "number "+abbrev(text)+" does not fit a float64")
		return f, false
	}
	return f, true
}

// Int64 reads an integer (a number with no fractional part, such as 3 or
// 3.0), or reports a mismatch against t.
func (d *Decoder) Int64(t Types, r *Rule) (int64, bool) {
	return d.integer(t, r, 64)
}

// Int32 is Int64 for a field of type int32.
func (d *Decoder) Int32(t Types, r *Rule) (int32, bool) {
	v, ok := d.integer(t, r, 32)
	return int32(v), ok
}

func (d *Decoder) integer(t Types, r *Rule, bits int) (int64, bool) {
	c := d.peek()
	if c != '-' && (c < '0' || c > '9') {
		d.Mismatch(t)
		return 0, false
	}
	start := d.pos
	text, ok := d.readNumber()
	if !ok {
		return 0, false
	}
	// Fast path: plain digits that fit.
	if n, ok := parsePlainInt(text, bits); ok {
		if r != nil {
			d.checkInt(r, n, text)
		}
		return n, true
	}
	dec := parseDecimal(text)
	if !dec.isInt() {
		if t&TNumber == 0 {
			d.pos = start
			d.Mismatch(t)
			return 0, false
		}
	}
	before := len(d.violations) + len(d.tolerated)
	if r != nil {
		d.checkNumber(r, text)
	}
	n, fits := dec.int64(bits)
	if !fits && len(d.violations)+len(d.tolerated) == before {
		d.Report("goRange", "", "integer "+abbrev(text)+" does not fit an int"+strconv.Itoa(bits))
		return 0, false
	}
	return n, true
}

func parsePlainInt(s string, bits int) (int64, bool) {
	neg := false
	if s != "" && s[0] == '-' {
		neg = true
		s = s[1:]
	}
	if len(s) == 0 || len(s) > 18 {
		return 0, false
	}
	var n int64
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int64(c-'0')
	}
	if neg {
		n = -n
	}
	if bits == 32 && (n < -1<<31 || n > 1<<31-1) {
		return 0, false
	}
	return n, true
}

// Raw reads any value, validates it against rules[i] (i == 0: no rule),
// and returns its text.
func (d *Decoder) Raw(rules []Rule, i int) RawValue {
	d.peek()
	start := d.pos
	if i > 0 {
		d.validate(rules, i)
	} else {
		d.Skip()
	}
	if d.err != nil {
		return nil
	}
	return d.rawCopy(d.src[start:d.pos])
}

// Skip skips one value, checking its syntax (and, in strict mode, its
// UTF-8 and duplicate member names).
func (d *Decoder) Skip() {
	c := d.at()
	if c <= ' ' {
		c = d.peek()
	}
	switch c {
	case '{':
		if !d.enter() {
			return
		}
		d.pos++
		// The names seen so far: in a small array, then (for a large
		// object) in a map.
		var small [8]string
		names := small[:0]
		var seen map[string]bool
		for i := 0; d.NextKey(i); i++ {
			k := d.Key()
			dup := false
			if seen != nil {
				dup = seen[k]
				seen[k] = true
			} else {
				dup = slices.Contains(names, k)
				if len(names) < len(small) {
					names = append(names, k)
				} else {
					seen = make(map[string]bool, 2*len(small))
					for _, n := range names {
						seen[n] = true
					}
					seen[k] = true
				}
			}
			if dup {
				d.Enter(k, "")
				d.Duplicate()
				d.Leave()
			}
			d.Enter(k, "")
			d.Skip()
			d.Leave()
		}
	case '[':
		if !d.enter() {
			return
		}
		d.pos++
		for i := 0; d.NextItem(i); i++ {
			d.EnterIndex(i, "")
			d.Skip()
			d.Leave()
		}
	case '"':
		d.skipString()
	case 't':
		d.literal("true")
	case 'f':
		d.literal("false")
	case 'n':
		d.literal("null")
	case 0:
		d.syntax(CauseUnexpectedEnd, "unexpected end of input")
	default:
		d.readNumber()
	}
}

func (d *Decoder) literal(lit string) {
	if strings.HasPrefix(d.src[d.pos:], lit) {
		d.pos += len(lit)
		return
	}
	d.syntax(CauseInvalidLiteral, "invalid literal")
}

// readNumber scans a number per RFC 8259 and returns its text.
func (d *Decoder) readNumber() (string, bool) {
	s := d.src
	start := d.pos
	i := d.pos
	if i < len(s) && s[i] == '-' {
		i++
	}
	switch {
	case i < len(s) && s[i] == '0':
		i++
	case i < len(s) && '1' <= s[i] && s[i] <= '9':
		for i < len(s) && '0' <= s[i] && s[i] <= '9' {
			i++
		}
	default:
		d.pos = i
		cause := CauseInvalidNumber
		if i == start {
			cause = CauseInvalidCharacter // not a number at all
		}
		d.syntax(cause, "invalid number")
		return "", false
	}
	if i < len(s) && s[i] == '.' {
		i++
		j := i
		for i < len(s) && '0' <= s[i] && s[i] <= '9' {
			i++
		}
		if i == j {
			d.pos = i
			d.syntax(CauseInvalidNumber, "invalid number: no digits after the decimal point")
			return "", false
		}
	}
	if i < len(s) && (s[i] == 'e' || s[i] == 'E') {
		i++
		if i < len(s) && (s[i] == '+' || s[i] == '-') {
			i++
		}
		j := i
		for i < len(s) && '0' <= s[i] && s[i] <= '9' {
			i++
		}
		if i == j {
			d.pos = i
			d.syntax(CauseInvalidNumber, "invalid number: no digits in the exponent")
			return "", false
		}
	}
	d.pos = i
	return s[start:i], true
}

// readString reads a string at the current '"'. Without escapes and with
// valid UTF-8 the result shares the document's memory.
func (d *Decoder) readString() (string, bool) {
	s := d.src
	start := d.pos + 1
	i := plainRun(s, start)
	if i < len(s) && s[i] == '"' {
		d.pos = i + 1
		return s[start:i], true
	}
	return d.readStringSlow(start, i, true)
}

// skipString is readString for a value nobody keeps (Skip): it checks the
// string as readString does, reporting the same errors and violations, but
// builds no unescaped copy.
func (d *Decoder) skipString() {
	s := d.src
	start := d.pos + 1
	i := plainRun(s, start)
	if i < len(s) && s[i] == '"' {
		d.pos = i + 1
		return
	}
	d.readStringSlow(start, i, false)
}

// plainRun returns the offset of the first byte at or after i that is not
// plain (see plain), or len(s). It looks at the first 16 bytes itself, a
// word at a time, which covers most strings of a Graph document (ids,
// enum members, member names), and leaves what is left to plainRunLong
// (16 bytes at a time where the processor allows it) when that is 16
// bytes or more.
func plainRun(s string, i int) int {
	if i+16 <= len(s) {
		if m := plainBytes(load64(s, i)); m != 0 {
			return i + bits.TrailingZeros64(m)>>3
		}
		if m := plainBytes(load64(s, i+8)); m != 0 {
			return i + 8 + bits.TrailingZeros64(m)>>3
		}
		if i += 16; i+16 <= len(s) {
			return plainRunLong(s, i)
		}
	}
	return plainRunWords(s, i)
}

// plainBytes returns a mask whose lowest set bit is the high bit of the
// first byte of x that is not plain: below 0x20, '"', '\\' or not ASCII.
// Bits above it may be set falsely (borrows), never below.
func plainBytes(x uint64) uint64 {
	const lo = 0x0101010101010101
	return ((x - 0x20*lo) | (x ^ '"'*lo - lo) | (x ^ '\\'*lo - lo) | x) & (0x80 * lo)
}

// plainRunWords is plainRun eight bytes at a time: the plainRunLong of
// processors without a 16-byte version, and the reference the 16-byte
// version is tested against.
func plainRunWords(s string, i int) int {
	// The constants come from a variable, so that they are loaded into
	// registers once, not written into the loop (the compiler
	// rematerialises 64-bit constants at every use).
	lo, c20, eq22, eq5c, hi := swar.lo, swar.c20, swar.eq22, swar.eq5c, swar.hi
	for ; i+8 <= len(s); i += 8 {
		x := load64(s, i)
		// A byte's high bit is set in m where the byte is below 0x20, '"',
		// '\\' or not ASCII; borrows can only mark bytes after a marked one.
		if m := ((x - c20) | (x ^ eq22 - lo) | (x ^ eq5c - lo) | x) & hi; m != 0 {
			return i + bits.TrailingZeros64(m)>>3
		}
	}
	for i < len(s) && plain[s[i]] {
		i++
	}
	return i
}

// plain marks the bytes a string can hold as they are: printable ASCII
// other than '"' and '\\'.
var plain = func() (t [256]bool) {
	for c := 0x20; c < 0x80; c++ {
		t[c] = c != '"' && c != '\\'
	}
	return t
}()

// readStringSlow finishes readString from offset i, the first byte of the
// string starting at start that is not plain. With build false it only
// checks the string and returns "" for one that needed unescaping.
func (d *Decoder) readStringSlow(start, i int, build bool) (string, bool) {
	s := d.src
	buf := d.scratch[:0]
	escaped := false // buf holds the string up to lit
	badUTF8 := false
	lit := start // start of the pending literal run
	for i < len(s) {
		c := s[i]
		switch {
		case c == '"':
			d.pos = i + 1
			if badUTF8 {
				d.Report("utf8", "", "string is not valid UTF-8 (invalid bytes or a lone surrogate)")
			}
			if !escaped {
				return s[start:i], true
			}
			if !build {
				return "", true
			}
			buf = append(buf, s[lit:i]...)
			d.scratch = buf[:0]
			return d.stringCopy(buf), true
		case c == '\\':
			escaped = true
			if build {
				buf = append(buf, s[lit:i]...)
			}
			if i+1 >= len(s) {
				d.pos = i
				d.syntax(CauseUnexpectedEnd, "unexpected end of input in string escape")
				return "", false
			}
			switch e := s[i+1]; e {
			case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
				if build {
					buf = append(buf, unescape[e])
				}
				i += 2
			case 'u':
				r, ok := hex4(s, i+2)
				if !ok {
					d.pos = i
					d.syntax(CauseInvalidEscape, "invalid \\u escape in string")
					return "", false
				}
				i += 6
				if utf16.IsSurrogate(r) {
					r2, ok2 := rune(-1), false
					if i+6 <= len(s) && s[i] == '\\' && s[i+1] == 'u' {
						r2, ok2 = hex4(s, i+2)
					}
					if ok2 {
						if dec := utf16.DecodeRune(r, r2); dec != utf8.RuneError {
							r = dec
							i += 6
						} else {
							r = utf8.RuneError
							badUTF8 = true
						}
					} else {
						r = utf8.RuneError
						badUTF8 = true
					}
				}
				if build {
					buf = utf8.AppendRune(buf, r)
				}
			default:
				d.pos = i
				d.syntax(CauseInvalidEscape, "invalid escape in string")
				return "", false
			}
			lit = i
		case c < 0x20:
			d.pos = i
			d.syntax(CauseControlCharacter, "control character in string")
			return "", false
		case c < 0x80:
			i = plainRun(s, i+1)
		default:
			r, size := utf8.DecodeRuneInString(s[i:])
			if r == utf8.RuneError && size == 1 {
				badUTF8 = true
				escaped = true
				if build {
					buf = append(buf, s[lit:i]...)
					buf = append(buf, "\uFFFD"...)
				}
				i++
				lit = i
				continue
			}
			i += size
		}
	}
	d.pos = len(s)
	d.syntax(CauseUnexpectedEnd, "unexpected end of input in string")
	return "", false
}

// unescape maps the letter of a one-letter escape to its byte.
var unescape = [256]byte{'"': '"', '\\': '\\', '/': '/', 'b': '\b', 'f': '\f', 'n': '\n', 'r': '\r', 't': '\t'}

func hex4(s string, i int) (rune, bool) {
	if i+4 > len(s) {
		return 0, false
	}
	var r rune
	for _, c := range []byte(s[i : i+4]) {
		r <<= 4
		switch {
		case '0' <= c && c <= '9':
			r |= rune(c - '0')
		case 'a' <= c && c <= 'f':
			r |= rune(c - 'a' + 10)
		case 'A' <= c && c <= 'F':
			r |= rune(c - 'A' + 10)
		default:
			return 0, false
		}
	}
	return r, true
}

func abbrev(s string) string {
	if len(s) > 40 {
		return s[:20] + "..." + s[len(s)-10:] + " (" + strconv.Itoa(len(s)) + " characters)"
	}
	return s
}

// Begin skips white space and returns the offset of the value that follows.
func (d *Decoder) Begin() int {
	d.peek()
	return d.pos
}

// Decoded reports whether the value that started at offset start was
// decoded, rather than skipped as a type mismatch.
func (d *Decoder) Decoded(start int) bool {
	return d.lastMismatch != start+1
}

// Recheck validates the member value that started at start against rules[i]
// as well (a patternProperties schema that also applies to a declared
// member), then returns to where decoding was.
func (d *Decoder) Recheck(start int, key, kw string, rules []Rule, i int) {
	if d.err != nil {
		return
	}
	end := d.pos
	d.pos = start
	d.Enter(key, kw)
	d.validate(rules, i)
	d.Leave()
	d.pos = end
}

// Grow makes room in items, which holds the first item of an array (it
// started at offset start), for as many more items of the same size as the
// rest of the document could hold, so that a long list is not copied
// again and again as it grows. It does so only near the root (a list
// response's items), and never for more memory than twice the rest of the
// document; elsewhere append's growth is left alone.
func Grow[T any](d *Decoder, items []T, start int) []T {
	size, rest := d.pos-start, len(d.src)-d.pos
	if d.depth > 2 || size < 16 || len(items) != 1 || rest < size {
		return items
	}
	n := rest / size
	if elem := int(unsafe.Sizeof(items[0])); elem > 0 && n > 2*rest/elem {
		n = 2 * rest / elem
	}
	return slices.Grow(items, n)
}
