package capture

import (
	"errors"
	"fmt"
	"sort"
	"strings"
	"unsafe"

	"github.com/graphshape/graphshape/generated/beta"
	"github.com/graphshape/graphshape/generated/shape"
	"github.com/graphshape/graphshape/generated/shape/shapeimpl"
	v1 "github.com/graphshape/graphshape/generated/v1"
	"github.com/graphshape/graphshape/internal/model"
	"github.com/graphshape/graphshape/internal/pointer"
	"github.com/graphshape/graphshape/internal/reference"
	"github.com/graphshape/graphshape/schema"
)

// Builtin lists, per built-in version, a constructor for every named type
// of its generated package, by Go name.
var Builtin = map[string]map[string]func() shape.Decodable{
	"v1.0": v1.SchemaTypes(),
	"beta": beta.SchemaTypes(),
}

// Type is a type of a schema that documents can be checked against.
type Type struct {
	GoName  string // as the generator names it ("" when the schema is outside its subset)
	Pointer string // of its schema in the document ("" for the root)
}

// Types resolves type names for -type over one schema document: every
// named type by its Go name or its $defs name, plus "incident" for the
// root and "list"/"collection" for the root's collection response.
type Types struct {
	root, list *Type // list is nil when the schema has no collection type
	byName     map[string]*Type
	names      []string
}

// ResolveTypes builds the names of data's types. A schema outside the
// generator's subset still resolves its $defs by name.
func ResolveTypes(name string, data []byte) (*Types, error) {
	doc, err := schema.Parse(name, data)
	if err != nil {
		return nil, err
	}
	ts := &Types{byName: map[string]*Type{}}
	add := func(n string, t *Type) {
		if _, dup := ts.byName[n]; !dup && n != "" {
			ts.byName[n] = t
			ts.names = append(ts.names, n)
		}
	}
	res, merr := model.Build(doc, model.Options{})
	if merr == nil {
		for _, mt := range res.Types {
			t := &Type{GoName: mt.GoName, Pointer: mt.Pointer}
			if mt == res.Root {
				ts.root = t
			}
			add(mt.GoName, t)
			if tokens := pointer.Split(mt.Pointer); len(tokens) == 2 && tokens[0] == "$defs" {
				add(tokens[1], t)
			}
		}
		if ts.root != nil {
			ts.list = ts.byName[ts.root.GoName+"CollectionResponse"]
		}
	} else {
		ts.root = &Type{}
		for _, d := range doc.Defs() {
			add(d, &Type{Pointer: pointer.Join("$defs", d)})
		}
	}
	if ts.root == nil {
		ts.root = &Type{}
	}
	sort.Strings(ts.names)
	return ts, nil
}

// Root is the schema's root type.
func (ts *Types) Root() *Type { return ts.root }

// List is the root's collection response type (GoName + "CollectionResponse"), or nil.
func (ts *Types) List() *Type { return ts.list }

// Lookup finds a type by name: a Go name, a $defs name, "incident" (the
// root), "list" or "collection" (the collection response).
func (ts *Types) Lookup(name string) (*Type, error) {
	if t, ok := ts.byName[name]; ok {
		return t, nil
	}
	switch strings.ToLower(name) {
	case "incident":
		return ts.root, nil
	case "list", "collection":
		if ts.list != nil {
			return ts.list, nil
		}
	}
	return nil, fmt.Errorf("unknown type %q (want incident, list, or one of %s)", name, strings.Join(ts.names, ", "))
}

// Tolerable reports whether lenient checking turns a tolerated point of
// keyword into a warning: re-cased or unknown enum members and undeclared
// members. Every other point still fails the document.
func Tolerable(keyword string) bool {
	return keyword == "enum" || keyword == "additionalProperties"
}

// Generated checks documents with a built-in version's generated decoders.
type Generated struct {
	New     func() shape.Decodable // the type; nil to detect Incident or IncidentCollectionResponse
	Types   map[string]func() shape.Decodable
	Lenient bool
}

// NewGenerated returns the Checker for version and the type named typ
// ("" to detect a list response per document).
func NewGenerated(version, typ string, lenient bool) (*Generated, error) {
	types, ok := Builtin[version]
	if !ok {
		return nil, fmt.Errorf("unknown version %q (want v1.0 or beta)", version)
	}
	g := &Generated{Types: types, Lenient: lenient}
	if typ == "" {
		return g, nil
	}
	data, file, err := schema.Builtin(version)
	if err != nil {
		return nil, err
	}
	ts, err := ResolveTypes(file, data)
	if err != nil {
		return nil, err
	}
	t, err := ts.Lookup(typ)
	if err != nil {
		return nil, err
	}
	if g.New = types[t.GoName]; g.New == nil {
		return nil, fmt.Errorf("type %q has no decoder in the %s package", t.GoName, version)
	}
	return g, nil
}

// Check implements Checker. Without a type, a document is decoded as an
// Incident, and again as an IncidentCollectionResponse only if the
// Incident decoding found an undeclared top-level "value" member: single
// incidents are read once.
func (g *Generated) Check(doc string) ([]shape.Violation, []shape.Violation, error) {
	if g.New != nil {
		return g.decode(doc, g.New())
	}
	vs, ws, err := g.decode(doc, g.Types["Incident"]())
	if err == nil && hasValueMember(vs, ws) {
		return g.decode(doc, g.Types["IncidentCollectionResponse"]())
	}
	return vs, ws, err
}

func hasValueMember(lists ...[]shape.Violation) bool {
	for _, vs := range lists {
		for _, v := range vs {
			if v.InstanceLocation == "/value" && v.Keyword == "additionalProperties" {
				return true
			}
		}
	}
	return false
}

// decode decodes doc into v through package shape (pooled decoders, a
// first pass without location bookkeeping, a tracked one only to locate
// what it found). The document is borrowed, not copied: it is a string, so
// it cannot change under the values that point into it.
func (g *Generated) decode(doc string, v shape.Decodable) ([]shape.Violation, []shape.Violation, error) {
	tolerated, err := shape.UnmarshalWith(unsafe.Slice(unsafe.StringData(doc), len(doc)), v, shape.Options{Borrow: true, Lenient: g.Lenient})
	if err != nil {
		// Only here: errors.As's targets escape to the heap.
		var ve *shape.ValidationError
		if !errors.As(err, &ve) {
			return nil, nil, err // a *shape.SyntaxError
		}
		if !g.Lenient {
			return ve.Violations, nil, nil
		}
	}
	fail, warn := splitTolerated(tolerated)
	return fail, warn, nil
}

// splitTolerated splits what a lenient decode tolerated into failures and
// the warnings Tolerable allows, each in document order.
func splitTolerated(tolerated []shape.Violation) (fail, warn []shape.Violation) {
	for _, t := range tolerated {
		if Tolerable(t.Keyword) {
			warn = append(warn, t)
		} else {
			fail = append(fail, t)
		}
	}
	return fail, warn
}

// Reference checks documents with jsonschema v5 against a schema file.
type Reference struct {
	one, list *reference.Validator // list is nil when forced or absent
}

// NewReference compiles the schema data (named name) at the type named
// typ, or, with typ "", at the root and (if the schema has one) at its
// collection response, which a document with a top-level "value" array
// is checked against.
func NewReference(name string, data []byte, typ string) (*Reference, error) {
	ts, err := ResolveTypes(name, data)
	if err != nil {
		return nil, err
	}
	t := ts.Root()
	if typ != "" {
		if t, err = ts.Lookup(typ); err != nil {
			return nil, err
		}
	}
	r := &Reference{}
	if r.one, err = reference.Compile(name, data, t.Pointer); err != nil {
		return nil, err
	}
	if typ == "" && ts.List() != nil {
		if r.list, err = reference.Compile(name, data, ts.List().Pointer); err != nil {
			return nil, err
		}
	}
	return r, nil
}

// Check implements Checker; offsets are found by scanning doc. A strict
// pass of the support package's decoder goes first: syntax, with the
// generated decoders' nesting limit (shapeimpl.DefaultMaxDepth), so that a
// document is refused alike with -version and -schema; then invalid UTF-8
// and repeated members, which jsonschema v5 cannot see (it decodes with
// encoding/json, which replaces the bytes and keeps the last member), are
// reported as and where the generated decoders report them.
func (r *Reference) Check(doc string) ([]shape.Violation, []shape.Violation, error) {
	d := shapeimpl.NewDecoderString(doc)
	d.Skip()
	d.Finish()
	if se := d.Syntax(); se != nil {
		return nil, nil, &shape.SyntaxError{Offset: se.Offset, Msg: se.Msg}
	}
	v, list := r.one, false
	if r.list != nil && IsList(doc) {
		v, list = r.list, true
	}
	vs, err := v.Validate([]byte(doc))
	if err == nil {
		vs = Unselected(vs, SelectList(doc), list || !SelectEntity(doc))
	}
	if err != nil {
		return nil, nil, err
	}
	LocateAll(doc, vs)
	extra := false
	for _, x := range convert(d.Violations()) {
		if x.Keyword == "utf8" || x.Keyword == "duplicate" {
			vs, extra = append(vs, x), true
		}
	}
	if extra {
		reference.Sort(vs)
	}
	return vs, nil, nil
}

// IsList reports whether doc is an object with a top-level "value" array.
func IsList(doc string) bool {
	off, ok := Locate(doc, "/value", false)
	return ok && doc[off] == '['
}

// convert copies the decoder's violations into the user type.
func convert(vs []shapeimpl.Violation) []shape.Violation {
	if len(vs) == 0 {
		return nil
	}
	out := make([]shape.Violation, len(vs))
	for i, v := range vs {
		out[i] = shape.Violation{InstanceLocation: v.InstanceLocation, KeywordLocation: v.KeywordLocation, Keyword: v.Keyword, Message: v.Message, Offset: v.Offset}
	}
	return out
}
