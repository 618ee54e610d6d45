// Package fromcsdl converts CSDL types into JSON Schema $defs entries, the
// way schema/README.md writes Graph types: the types derived from a base
// (Graph's alertEvidence and its 48 *Evidence types) become derived objects
// ({"allOf": [{"$ref": base}], ..., "unevaluatedProperties": false}) with
// @odata.type fixed by a const, and the complex and enum types they
// reference become closed objects and string enums. Every entry it writes
// carries "x-csdl" with the CSDL type's full name, so generated entries are
// told from hand-maintained ones and can be regenerated (see the test).
//
// The package also holds the small order-preserving JSON reader and writer
// the regeneration uses, so the hand-maintained parts of a schema keep their
// layout byte for byte.
package fromcsdl

import (
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/graphshape/graphshape/internal/metadata"
)

// Marker is the annotation every generated entry carries: the CSDL type's
// full name.
const Marker = "x-csdl"

// Options controls Convert.
type Options struct {
	// Base is the full name of the base type, e.g.
	// "microsoft.graph.security.alertEvidence". It is referenced, not
	// generated: the schema maintains it by hand.
	Base string
	// Keep holds $defs names the schema maintains by hand: references to
	// them are written, their types are not generated.
	Keep map[string]bool
}

// Result is what Convert produced.
type Result struct {
	Defs    []Member // the generated $defs entries, sorted by name
	Derived []string // the $defs names of the types derived from Base, sorted
}

type converter struct {
	m    *metadata.Model
	opts Options
	defs map[string]*Value
	todo []string // full names still to convert
}

// Convert converts the types of m derived (directly or not) from
// opts.Base, and the types they reference, into $defs entries.
func Convert(m *metadata.Model, opts Options) (*Result, error) {
	c := &converter{m: m, opts: opts, defs: map[string]*Value{}}
	if m.Types[opts.Base] == nil {
		return nil, fmt.Errorf("fromcsdl: base type %s is not in the metadata", opts.Base)
	}
	res := &Result{}
	var names []string
	for full := range m.Types {
		names = append(names, full)
	}
	sort.Strings(names)
	for _, full := range names {
		if c.derivesFrom(full, opts.Base) {
			name, err := c.defName(full)
			if err != nil {
				return nil, err
			}
			res.Derived = append(res.Derived, name)
			c.todo = append(c.todo, full)
		}
	}
	for len(c.todo) > 0 {
		full := c.todo[0]
		c.todo = c.todo[1:]
		name, err := c.defName(full)
		if err != nil {
			return nil, err
		}
		if c.defs[name] != nil || opts.Keep[name] || full == opts.Base {
			continue
		}
		var v *Value
		if e := m.Enums[full]; e != nil {
			v = c.enum(e)
		} else {
			v, err = c.structured(m.Types[full])
			if err != nil {
				return nil, err
			}
		}
		c.defs[name] = v
	}
	for name, v := range c.defs {
		res.Defs = append(res.Defs, Member{Key: name, Value: v})
	}
	sort.Slice(res.Defs, func(i, j int) bool { return res.Defs[i].Key < res.Defs[j].Key })
	sort.Strings(res.Derived)
	return res, nil
}

func (c *converter) derivesFrom(full, base string) bool {
	t := c.m.Types[full]
	for i := 0; t != nil && t.BaseType != "" && i < 64; i++ {
		if t.BaseType == base {
			return true
		}
		t = c.m.Types[t.BaseType]
	}
	return false
}

const security = "microsoft.graph.security"

// defName is the $defs name of a CSDL type: its simple name. Types of other
// namespaces than microsoft.graph.security are refused: the schema has no
// naming rule for them yet (the evidence types reference none).
func (c *converter) defName(full string) (string, error) {
	i := strings.LastIndexByte(full, '.')
	if i < 0 {
		return "", fmt.Errorf("fromcsdl: %q is not a qualified type name", full)
	}
	name := full[i+1:]
	if full[:i] != security {
		return "", fmt.Errorf("fromcsdl: type %s is outside %s: no naming rule for it", full, security)
	}
	return name, nil
}

func (c *converter) ref(full string) (*Value, error) {
	name, err := c.defName(full)
	if err != nil {
		return nil, err
	}
	if c.m.Types[full] == nil && c.m.Enums[full] == nil {
		return nil, fmt.Errorf("fromcsdl: type %s is referenced but not in the metadata", full)
	}
	if !slices.Contains(c.todo, full) && c.defs[name] == nil {
		c.todo = append(c.todo, full)
	}
	return Object(M("$ref", String("#/$defs/"+name))), nil
}

func (c *converter) structured(t *metadata.StructuredType) (*Value, error) {
	kind := "complex type"
	if t.Kind == metadata.EntityType {
		kind = "entity type"
	}
	props := Object()
	var required []*Value
	derived := t.BaseType != ""
	if derived {
		props.Obj = append(props.Obj, M("@odata.type", Object(
			M("description", String("The OData type of the object; it selects this derived type.")),
			M("type", String("string")),
			M("const", String("#"+t.FullName)))))
	}
	for _, p := range t.Properties {
		s, err := c.property(p)
		if err != nil {
			return nil, fmt.Errorf("fromcsdl: %s.%s: %w", t.FullName, p.Name, err)
		}
		props.Obj = append(props.Obj, M(p.Name, s))
		if !p.Nullable && !p.Collection {
			required = append(required, String(p.Name))
		}
	}
	desc := fmt.Sprintf("The %s %s", kind, t.FullName)
	if derived {
		base, err := c.defName(t.BaseType)
		if err != nil {
			return nil, err
		}
		desc += fmt.Sprintf(", derived from %s: its members and the base's; closed (unevaluatedProperties false).", base)
	} else if t.OpenType {
		desc += " (an open type: any further members)."
	} else {
		desc += "."
	}
	out := Object(M("description", String(desc)), M(Marker, String(t.FullName)), M("type", String("object")))
	if derived {
		r, err := c.ref(t.BaseType)
		if err != nil {
			return nil, err
		}
		out.Obj = append(out.Obj, M("allOf", Array(r)))
	}
	if len(props.Obj) > 0 {
		out.Obj = append(out.Obj, M("properties", props))
	}
	if len(required) > 0 {
		out.Obj = append(out.Obj, M("required", Array(required...)))
	}
	switch {
	case derived:
		out.Obj = append(out.Obj, M("unevaluatedProperties", Bool(false)))
	case t.OpenType || c.isBase(t.FullName):
		// open: further members (or a derived type's) are allowed
	default:
		out.Obj = append(out.Obj,
			M("patternProperties", Object(M(`@odata\.`, Object(M("description", String("OData annotations, such as @odata.type on the object or an annotation on a member.")))))),
			M("additionalProperties", Bool(false)))
	}
	return out, nil
}

func (c *converter) isBase(full string) bool {
	for _, t := range c.m.Types {
		if t.BaseType == full {
			return true
		}
	}
	return false
}

// property returns the schema of a structural property. A collection is
// never null; its items are nullable unless Nullable="false" (CSDL's
// Nullable applies to a collection's items).
func (c *converter) property(p metadata.Property) (*Value, error) {
	item, err := c.typeSchema(p.Type, p.Nullable)
	if err != nil {
		return nil, err
	}
	if p.Collection {
		return Object(M("type", String("array")), M("items", item)), nil
	}
	return item, nil
}

var intRange = map[string][2]string{
	"Edm.Byte":  {"0", "255"},
	"Edm.SByte": {"-128", "127"},
	"Edm.Int16": {"-32768", "32767"},
	"Edm.Int32": {"-2147483648", "2147483647"},
	"Edm.Int64": {"-9223372036854775808", "9223372036854775807"},
}

var stringFormat = map[string]string{
	"Edm.DateTimeOffset": "date-time",
	"Edm.Date":           "date",
	"Edm.TimeOfDay":      "time",
	"Edm.Duration":       "duration",
	"Edm.Guid":           "uuid",
}

func typeOf(json string, nullable bool) *Value {
	if nullable {
		return Array(String(json), String("null"))
	}
	return String(json)
}

func (c *converter) typeSchema(t string, nullable bool) (*Value, error) {
	switch {
	case t == "Edm.String":
		return Object(M("type", typeOf("string", nullable))), nil
	case t == "Edm.Binary":
		return Object(M("type", typeOf("string", nullable)), M("contentEncoding", String("base64"))), nil
	case t == "Edm.Boolean":
		return Object(M("type", typeOf("boolean", nullable))), nil
	case t == "Edm.Double" || t == "Edm.Single" || t == "Edm.Decimal":
		return Object(M("type", typeOf("number", nullable))), nil
	case stringFormat[t] != "":
		return Object(M("type", typeOf("string", nullable)), M("format", String(stringFormat[t]))), nil
	case intRange[t] != [2]string{}:
		r := intRange[t]
		return Object(M("type", typeOf("integer", nullable)), M("minimum", Number(r[0])), M("maximum", Number(r[1]))), nil
	case strings.HasPrefix(t, "Edm."):
		return Object(M("description", String("A value of CSDL type "+t+", not checked."))), nil
	}
	r, err := c.ref(t)
	if err != nil {
		return nil, err
	}
	if nullable {
		return Object(M("anyOf", Array(r, Object(M("type", String("null")))))), nil
	}
	return r, nil
}

func (c *converter) enum(e *metadata.EnumType) *Value {
	var members, after []string
	sentinel := -1
	for i, m := range e.Members {
		members = append(members, m.Name)
		if m.Name == "unknownFutureValue" {
			sentinel = i
		} else if sentinel >= 0 {
			after = append(after, m.Name)
		}
	}
	desc := fmt.Sprintf("The enum type %s", e.FullName)
	if e.UnderlyingType != "" && e.UnderlyingType != "Edm.Int32" {
		desc += " (underlying type " + e.UnderlyingType + ")"
	}
	desc += "."
	if sentinel >= 0 {
		list := "none yet"
		if len(after) > 0 {
			list = strings.Join(after, ", ")
		}
		desc += " An evolvable enum: unknownFutureValue is the sentinel; the members declared after it (" + list + ") are sent only when the request has the header Prefer: include-unknown-enum-members, otherwise the service sends unknownFutureValue in their place."
	}
	vals := Object()
	var enum []*Value
	for _, m := range e.Members {
		enum = append(enum, String(m.Name))
		vals.Obj = append(vals.Obj, M(m.Name, Number(fmt.Sprint(m.Value))))
	}
	out := Object(M("description", String(desc)), M(Marker, String(e.FullName)), M("type", String("string")), M("enum", Array(enum...)), M("x-enumValues", vals))
	if e.IsFlags {
		// A flags enum's value is a comma-separated list of members.
		alt := strings.Join(members, "|")
		out = Object(M("description", String(desc+" A flags enum: the value is a comma-separated list of members.")), M(Marker, String(e.FullName)),
			M("type", String("string")), M("pattern", String("^("+alt+")(, ?("+alt+"))*$")), M("x-enumValues", vals))
	}
	return out
}

// Union returns the discriminated union over the derived types: the
// schema of an item that is one of them, chosen by @odata.type.
func Union(derived []string) *Value {
	var refs []*Value
	for _, d := range derived {
		refs = append(refs, Object(M("$ref", String("#/$defs/"+d))))
	}
	return Object(M("oneOf", Array(refs...)))
}

// Regenerate returns doc, a schema document, with its generated $defs
// entries (those carrying Marker) replaced by a fresh conversion of m: the
// types derived from alertEvidence and what they reference, appended after
// the hand-maintained entries in name order, and alert.evidence's items set
// to the discriminated union over the derived types. doc is not modified
// beyond its $defs member.
func Regenerate(doc *Value, m *metadata.Model) (*Value, *Result, error) {
	defs := doc.Get("$defs")
	if defs == nil || defs.Kind != 'o' {
		return nil, nil, fmt.Errorf("fromcsdl: the schema has no $defs object")
	}
	keep := map[string]bool{}
	var hand []Member
	for _, d := range defs.Obj {
		if d.Value.Get(Marker) == nil {
			keep[d.Key] = true
			hand = append(hand, d)
		}
	}
	res, err := Convert(m, Options{Base: security + ".alertEvidence", Keep: keep})
	if err != nil {
		return nil, nil, err
	}
	defs.Obj = append(hand, res.Defs...)
	// The alert's members are in $defs/alert, or, where alert has derived
	// types (beta's manualAlert), in the base they share, $defs/alertBase.
	ev := defs.Get("alertBase").Get("properties").Get("evidence")
	if ev == nil {
		ev = defs.Get("alert").Get("properties").Get("evidence")
	}
	if ev == nil {
		return nil, nil, fmt.Errorf("fromcsdl: the schema has no $defs/alert/properties/evidence (nor $defs/alertBase/...)")
	}
	ev.Set("items", Union(res.Derived))
	return doc, res, nil
}
