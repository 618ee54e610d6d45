package metadata

import (
	"encoding/json"
	"math/big"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/graphshape/graphshape/internal/model"
	"github.com/graphshape/graphshape/internal/pointer"
)

// shape is what the check needs to know of one schema node that describes a
// value: its JSON types, whether null is allowed and which definition it
// refers to. It is read from the model (internal/model), which resolved
// references, the nullable anyOf form and nullability once.
type shape struct {
	at       string        // pointer of the node as written (before anyOf is unwrapped)
	ptr      string        // pointer of the node that gives the value's type
	node     *model.Schema // that node
	types    []string      // non-null JSON types, sorted; nil when typed is false
	typed    bool          // the node constrains the type (type, enum or const)
	nullable bool
	ref      string        // the $defs name referred to, "" when none
	refPtr   string        // the pointer of the definition referred to
	refNode  *model.Schema // the definition referred to
	problem  string        // why the node cannot be followed, "" when it can
}

// schemaDoc is the schema being checked.
type schemaDoc struct {
	res      *model.Resource
	rootName string // the $defs-like name of the root: the entity's simple name
}

// typesOf returns the non-null JSON types n allows, whether it allows null,
// and whether it constrains the type at all (type, enum or const).
func typesOf(n *model.Schema) (types []string, nullable, typed bool) {
	add := func(t string) {
		if t == model.TypeNull {
			nullable = true
		} else if !slices.Contains(types, t) {
			types = append(types, t)
		}
	}
	switch {
	case n.Types != nil:
		for _, t := range n.Types {
			add(t)
		}
	case n.Enum != nil:
		for _, v := range n.Enum {
			add(jsonType(v))
		}
	case n.Const != nil:
		add(jsonType(n.Const.V))
	default:
		return nil, false, false
	}
	sort.Strings(types)
	return types, nullable, true
}

func jsonType(v any) string {
	switch x := v.(type) {
	case nil:
		return "null"
	case bool:
		return "boolean"
	case string:
		return "string"
	case json.Number:
		if _, err := strconv.ParseInt(string(x), 10, 64); err == nil {
			return "integer"
		}
		return "number"
	case map[string]any:
		return "object"
	case []any:
		return "array"
	}
	return "unknown"
}

// isNullSchema reports whether n admits null only.
func isNullSchema(n *model.Schema) bool {
	types, nullable, typed := typesOf(n)
	return typed && nullable && len(types) == 0
}

// shapeOf describes the value schema n.
func (d *schemaDoc) shapeOf(n *model.Schema) shape {
	ptr := n.Pointer
	s := shape{at: ptr, ptr: ptr, node: n}
	if n.NullOr != nil {
		inner := d.shapeOf(n.NullOr)
		inner.at = ptr
		inner.nullable = true
		return inner
	}
	if n.Ref != nil && n.Ref.Schema != nil && n.Ref.Schema.Union != nil {
		n = n.Ref.Schema // a $ref to a union of $defs (alertItem)
		s.node = n
	}
	if u := n.Union; u != nil && u.Base != nil {
		// A discriminated union over derived types: the CSDL declares the
		// property with the base type.
		name, problem := d.refName(u.Base)
		if problem != "" {
			s.problem = problem
			return s
		}
		if x, ok := standsFor(u.Base.Schema); ok {
			// A base named apart from the type it stands for ($defs/alertBase
			// for a concrete alert that is also a branch).
			name = x[strings.LastIndexByte(x, '.')+1:]
		}
		s.types, s.typed = []string{model.TypeObject}, true
		s.ref, s.refPtr, s.refNode = name, u.Base.Pointer, u.Base.Schema
		return s
	}
	for _, alt := range []struct {
		kw       string
		branches []*model.Schema
	}{{"anyOf", n.AnyOf}, {"oneOf", n.OneOf}} {
		if alt.branches == nil {
			continue
		}
		var value *model.Schema
		nullBranch, others := false, 0
		for _, b := range alt.branches {
			if b.Bool != nil {
				continue
			}
			if isNullSchema(b) {
				nullBranch = true
				continue
			}
			others++
			value = b
		}
		if others != 1 {
			s.problem = alt.kw + " with " + strconv.Itoa(others) + " non-null branches"
			return s
		}
		inner := d.shapeOf(value)
		inner.at = ptr
		inner.nullable = inner.nullable || nullBranch
		return inner
	}
	s.types, s.nullable, s.typed = typesOf(n)
	if n.Ref != nil {
		name, problem := d.refName(n.Ref)
		if problem != "" {
			s.problem = problem
			return s
		}
		s.ref, s.refPtr, s.refNode = name, n.Ref.Pointer, n.Ref.Schema
		if _, tn, _ := typesOf(n.Ref.Schema); tn {
			s.nullable = true
		}
	}
	return s
}

// refName returns the $defs-like name of the named type a $ref reaches:
// the root's (the entity's simple name) or a $defs entry's.
func (d *schemaDoc) refName(t *model.Type) (name, problem string) {
	if t.Pointer == "" {
		return d.rootName, ""
	}
	tokens, err := pointer.Parse(t.Pointer)
	if err != nil || len(tokens) != 2 || tokens[0] != "$defs" {
		return "", "$ref " + strconv.Quote("#"+t.Pointer) + " does not name a $defs entry"
	}
	return tokens[1], ""
}

// follow returns the shape of the definition s refers to when s itself
// does not constrain the type (a $ref to a primitive definition), keeping
// s's pointer and nullability.
func (d *schemaDoc) follow(s shape) shape {
	for i := 0; i < 16 && !s.typed && s.ref != "" && s.problem == ""; i++ {
		next := d.shapeOf(s.refNode)
		next.at = s.at
		next.nullable = next.nullable || s.nullable
		s = next
	}
	return s
}

// objectProperties returns the properties n declares, directly or in allOf
// branches (followed through $ref), by name with their schemas. Members
// listed only in "required", and members whose names contain '@' (OData
// annotations), are left out.
func (d *schemaDoc) objectProperties(n *model.Schema) map[string]*model.Schema {
	out := map[string]*model.Schema{}
	var walk func(n *model.Schema, depth int)
	walk = func(n *model.Schema, depth int) {
		if depth > 16 {
			return
		}
		for _, p := range n.Properties {
			if p.Implicit || strings.Contains(p.JSONName, "@") {
				continue
			}
			if _, dup := out[p.JSONName]; !dup {
				out[p.JSONName] = p.Schema
			}
		}
		for _, b := range n.AllOf {
			if b.Ref != nil && b.Ref.Schema != nil {
				b = b.Ref.Schema
			}
			walk(b, depth+1)
		}
	}
	walk(n, 0)
	return out
}

// property returns n's declared property name, or nil.
func property(n *model.Schema, name string) *model.Property {
	for _, p := range n.Properties {
		if p.JSONName == name && !p.Implicit {
			return p
		}
	}
	return nil
}

func required(n *model.Schema) map[string]bool {
	out := map[string]bool{}
	for _, r := range n.Required {
		out[r] = true
	}
	for _, p := range n.Properties { // a derived object's merged members
		if p.Required {
			out[p.JSONName] = true
		}
	}
	return out
}

// number reads an extension's numeric value as an exact rational.
func number(v any) (*big.Rat, bool) {
	if x, ok := v.(json.Number); ok {
		return new(big.Rat).SetString(string(x))
	}
	return nil, false
}

// enumMembers returns the string members of n's enum, and whether n has an
// enum keyword.
func enumMembers(n *model.Schema) ([]string, bool) {
	if n.Enum == nil {
		return nil, false
	}
	out := make([]string, 0, len(n.Enum))
	for _, v := range n.Enum {
		if s, ok := v.(string); ok {
			out = append(out, s)
		}
	}
	return out, true
}

// standsFor returns the metadata type a schema stands for when its $defs
// name is not the type's: "x-csdl" (on the entries internal/fromcsdl
// generates) or "x-stands-for" (on hand-maintained ones, such as
// alertBase for alert).
func standsFor(s *model.Schema) (string, bool) {
	for _, k := range []string{"x-csdl", "x-stands-for"} {
		if x, ok := s.Extensions[k].(string); ok && x != "" {
			return x, true
		}
	}
	return "", false
}
