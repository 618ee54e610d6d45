// Package model turns a JSON Schema document into graphshape's typed model:
// the named Go types to generate, each schema node with its constraints, and
// every output name decided once. The printer (internal/emit) and the diff
// engine (internal/delta) read this model and never see raw schema.
//
// Build accepts a documented subset of draft 2020-12 (see Supported) and
// rejects every other keyword with an *UnsupportedError naming the keyword
// and its location, so nothing is ever silently ignored.
package model

import (
	"encoding/json"
	"math/big"
	"regexp"
)

// Resource is the model of one schema document.
type Resource struct {
	Name   string  // document name, e.g. "incident.schema.json"
	Digest string  // hex SHA-256 of the document bytes
	Root   *Type   // the named type of the document root
	Types  []*Type // every named type, sorted by GoName; Root among them
}

// Type is a named Go type: the document root, a $defs entry, or an inline
// object or enum schema that needs a name (named after its parent and
// property, e.g. IncidentStatus).
type Type struct {
	GoName  string  // exported Go identifier
	Pointer string  // JSON Pointer of the schema in the document ("" for the root)
	Schema  *Schema // the schema; never a $ref node
	Cyclic  bool    // the type contains itself through struct fields
}

// Kind is the Go shape of a schema node.
type Kind int

const (
	// KindAny is a value of any JSON type (or of several types): json.RawMessage,
	// validated by the support package's rule interpreter.
	KindAny Kind = iota
	// KindBool is a boolean: bool.
	KindBool
	// KindInteger is an integer: int64, or int32 when the range fits.
	KindInteger
	// KindNumber is a number: float64.
	KindNumber
	// KindString is a string without enum: string.
	KindString
	// KindEnum is a string enum: a named string type with a constant per member.
	KindEnum
	// KindArray is an array: []T.
	KindArray
	// KindObject is an object with declared properties: a struct.
	KindObject
	// KindMap is an object without declared properties: map[string]T.
	KindMap
	// KindNull is a value that can only be null: struct{}.
	KindNull
	// KindUnion is a discriminated oneOf/anyOf (see Union): a Go interface
	// implemented by a struct per branch.
	KindUnion
)

var kindNames = [...]string{"any", "bool", "integer", "number", "string", "enum", "array", "object", "map", "null", "union"}

// String returns the kind's name.
func (k Kind) String() string {
	if int(k) < len(kindNames) {
		return kindNames[k]
	}
	return "kind?"
}

// JSON type names, as in the "type" keyword.
const (
	TypeNull    = "null"
	TypeBoolean = "boolean"
	TypeInteger = "integer"
	TypeNumber  = "number"
	TypeString  = "string"
	TypeArray   = "array"
	TypeObject  = "object"
)

// Schema is one schema node with everything the generator and the diff need.
// A nil *Schema never appears where a schema is required.
type Schema struct {
	Pointer string // JSON Pointer of this node in the document
	Kind    Kind   // the Go shape (for a $ref node, the target's kind)

	// Ref is the named type a "$ref" points at; when set, the node holds
	// no constraints of its own (only annotations).
	Ref *Type

	// NullOr is set for the form {"anyOf"|"oneOf": [S, {"type": "null"}]}
	// (in either order): the node is null or S. NullOrKeyword is "anyOf" or
	// "oneOf" and NullOrIndex the index of S in it.
	NullOr        *Schema
	NullOrKeyword string
	NullOrIndex   int

	// Applicators other than the nullable form. A node with any of them is
	// KindAny: held as raw JSON, validated by the rule interpreter.
	AllOf []*Schema
	AnyOf []*Schema
	OneOf []*Schema
	Not   *Schema
	If    *Schema
	Then  *Schema
	Else  *Schema

	// Bool is set for a boolean schema: true accepts everything, false
	// nothing.
	Bool *bool

	Types []string // the "type" keyword, as written (nil: any type)
	// Nullable reports whether null is a valid value of the node, decided
	// once by Build: by "type" (null among the types; with no "type", unless
	// an "enum" without null or a non-null "const" excludes it), by the
	// NullOr form, by a true boolean schema, or for a $ref node by its
	// target. False for the false schema. For a Raw node with applicators
	// (allOf, not, ...) it says only that type, enum and const allow null.
	Nullable bool

	// Unconstrained reports whether the node accepts every value: the true
	// schema, or an object schema whose keywords are all annotations ($comment,
	// title, description, default, readOnly, writeOnly, deprecated, examples,
	// contentEncoding, contentMediaType, x-*). Decided from the set of keywords
	// present, so a keyword added to Supported is never silently "empty".
	Unconstrained bool

	// Raw reports whether the value is held as json.RawMessage (Go.Kind is
	// GoRaw) and validated by the support package's rule interpreter: KindAny
	// and KindNull nodes and boolean schemas, looking through NullOr but not
	// through $ref (a $ref to a raw type is held as that named type).
	Raw bool

	// Go is the Go type a value of this node is held in where the node is
	// used (a struct field, an array item, a map value), without the
	// shape.Optional wrapper a property may add. Never nil after Build.
	Go *GoType

	Enum   []any    // "enum" members in order (json.Number for numbers); nil if absent
	EnumGo []string // Go constant per Enum member, same index; "" for a non-string member (null)
	// Evolvable reports whether the enum follows Graph's evolvable-enum
	// profile: one of its members is the string EnumSentinel
	// ("unknownFutureValue"). Clients treat members they do not know as the
	// sentinel; members listed after it are sent only on request (Prefer:
	// include-unknown-enum-members). False when Enum is nil.
	Evolvable bool
	// SentinelIndex is the index in Enum of EnumSentinel; -1 when the enum
	// is not evolvable or there is no enum.
	SentinelIndex int
	Const         *Value // "const"
	Format        string
	MinLength     int // -1 when absent
	MaxLength     int // -1 when absent
	Pattern       *regexp.Regexp

	Minimum          *Number
	Maximum          *Number
	ExclusiveMinimum *Number
	ExclusiveMaximum *Number
	MultipleOf       *Number
	GoInt32          bool // KindInteger whose range fits int32

	Items       *Schema   // "items"; nil when absent
	PrefixItems []*Schema // "prefixItems"; arrays with it are held as raw JSON
	Contains    *Schema   // "contains"; arrays with it are held as raw JSON
	MinContains int       // -1 when absent (contains then needs 1)
	MaxContains int       // -1 when absent
	MinItems    int       // -1 when absent
	MaxItems    int       // -1 when absent
	UniqueItems bool

	MinProperties     int                 // -1 when absent
	MaxProperties     int                 // -1 when absent
	DependentRequired map[string][]string // "dependentRequired"; nil when absent

	Properties []*Property // sorted by JSONName
	Required   []string    // as written
	// Additional is the "additionalProperties" schema: nil when absent
	// (anything is allowed); a Bool false node when closed.
	Additional        *Schema
	PatternProperties []*PatternProperty // in document order
	ExtraGoName       string             // struct field holding members not declared (KindObject)

	// Extensions holds the "x-" keywords as decoded (json.Number for
	// numbers), such as x-enumValues; nil when there are none. They are
	// annotations: nothing is validated or generated from them.
	Extensions map[string]any

	Title       string
	Description string
	ReadOnly    bool
	WriteOnly   bool
	Deprecated  bool
	Default     *Value
	Comment     string

	// Named is set on nodes that define an inline named type (an object or
	// enum schema written in place); its Type is in Resource.Types. Nil on a
	// type's own schema (Type.Schema of a $defs entry or the root) and on
	// every other node.
	Named *Type

	// Inheritance (see inherit.go). Bases is set on a derived object (a
	// typed allOf): every schema merged into it, transitively, each with the
	// keyword path from this node; Properties then holds the merged members
	// and Own the node's own. Unevaluated is "unevaluatedProperties" (nil
	// when absent). Union is set on a discriminated oneOf/anyOf (KindUnion).
	Bases       []*Base
	BaseNodes   []*Schema // the allOf entries as written
	Own         []*Property
	Unevaluated *Schema
	Union       *Union
}

// Closed reports whether undeclared members are forbidden.
func (s *Schema) Closed() bool {
	return s.Additional != nil && s.Additional.Bool != nil && !*s.Additional.Bool
}

// Sealed reports whether undeclared members are forbidden by
// "additionalProperties": false or, on a derived object (Bases set), by
// "unevaluatedProperties": false.
func (s *Schema) Sealed() bool {
	return s.Closed() || len(s.Bases) > 0 && s.Unevaluated != nil && s.Unevaluated.Bool != nil && !*s.Unevaluated.Bool
}

// Target returns the node that carries the constraints: the Ref target's
// schema for a $ref node, NullOr's target for a null-or node, else s.
func (s *Schema) Target() *Schema {
	for range 64 { // a chain longer than this is a reference cycle

		switch {
		case s.Ref != nil:
			s = s.Ref.Schema
		case s.NullOr != nil:
			s = s.NullOr
		default:
			return s
		}
	}
	return s
}

// Property is a declared object member.
type Property struct {
	JSONName string  // the member name, as written in the schema
	GoName   string  // the struct field's name, unique within the struct
	Schema   *Schema // the member's schema; never nil
	Required bool    // listed in the object's "required"
	// Implicit reports a member listed in "required" that "properties" does
	// not declare: Schema is then the true schema at the object's
	// /required pointer.
	Implicit bool

	// Optional reports whether the field is a shape.Optional[T] (T is
	// Schema.Go) keeping absent, null and present apart: the member may be
	// absent or may be null, and the value is not raw (a raw field is nil
	// when absent and holds the text null when null).
	Optional bool

	// ReadOnly reports whether the member is readOnly, on the property's own
	// schema or on the NullOr branch it wraps.
	ReadOnly bool

	// Via is the keyword path from the object to the schema declaring the
	// member ("" for its own members, "/allOf/0/$ref" for a base's); Also
	// lists further declarations of the same name in merged schemas, and
	// RequiredVia the keyword path of each "required" naming it.
	Via         string
	Also        []*Declaration
	RequiredVia []string
}

// EnumSentinel is the member that makes an enum evolvable in Graph's
// profile: the service sends it for members a client does not know.
const EnumSentinel = "unknownFutureValue"

// GoKind is the kind of a GoType.
type GoKind int

const (
	// GoRaw is json.RawMessage: the value as sent, validated by the rule table.
	GoRaw GoKind = iota
	// GoBool is bool.
	GoBool
	// GoInt32 is int32 (an integer whose declared range fits).
	GoInt32
	// GoInt64 is int64.
	GoInt64
	// GoFloat64 is float64.
	GoFloat64
	// GoString is string.
	GoString
	// GoNamed is the generated named type GoType.Named, by value.
	GoNamed
	// GoPointer is *Named: a reference to a named type that contains itself
	// through struct fields (Type.Cyclic), so the struct needs a pointer.
	GoPointer
	// GoSlice is []Elem.
	GoSlice
	// GoMap is map[string]Elem.
	GoMap
	// GoTime is time.Time: a string of format "date-time" with no other
	// string constraint (see IsDateTime), decoded with shapeimpl.ParseDateTime.
	GoTime
)

var goKindNames = [...]string{"raw", "bool", "int32", "int64", "float64", "string", "named", "pointer", "slice", "map", "time"}

// String returns the Go kind's name.
func (k GoKind) String() string {
	if int(k) >= 0 && int(k) < len(goKindNames) {
		return goKindNames[k]
	}
	return "gokind?"
}

// GoType is the Go type of a schema node's values, decided once by Build.
type GoType struct {
	Kind GoKind
	// Named is the named type for GoNamed and GoPointer; nil otherwise.
	Named *Type
	// Elem is the element type for GoSlice and GoMap (json.RawMessage when
	// the schema has no "items" or "additionalProperties"); nil otherwise.
	Elem *GoType
	// ElemOptional reports, for GoSlice and GoMap, whether each element is
	// held in a shape.Optional[Elem] because the element schema allows null
	// and is not raw; false otherwise.
	ElemOptional bool
}

// PatternProperty is one "patternProperties" entry.
type PatternProperty struct {
	Pattern string
	Regexp  *regexp.Regexp
	Schema  *Schema
}

// Value is a JSON value from the schema (const, default), kept with its
// canonical encoding.
type Value struct {
	V    any    // decoded (json.Number for numbers)
	JSON string // canonical JSON encoding
}

// Number is a numeric keyword value kept exactly.
type Number struct {
	Text string   // as written
	Rat  *big.Rat // exact value
}

// NewValue returns v with its canonical JSON.
func NewValue(v any) *Value {
	b, _ := json.Marshal(v)
	return &Value{V: v, JSON: string(b)}
}
