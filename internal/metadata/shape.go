package metadata

import (
	"encoding/json"
	"math/big"
	"net/url"
	"slices"
	"sort"
	"strconv"
	"strings"
)

// shape is what the check needs to know of one schema node that describes a
// value: its JSON types, whether null is allowed and which definition it
// refers to.
type shape struct {
	at       string         // pointer of the node as written (before anyOf is unwrapped)
	ptr      string         // pointer of the node that gives the value's type
	node     map[string]any // that node
	types    []string       // non-null JSON types, sorted; nil when typed is false
	typed    bool           // the node constrains the type (type, enum or const)
	nullable bool
	ref      string         // the $defs name referred to, "" when none
	refPtr   string         // the pointer of the definition referred to
	refNode  map[string]any // the definition referred to
	problem  string         // why the node cannot be followed, "" when it can
}

// schemaDoc is the schema document being checked.
type schemaDoc struct {
	root     map[string]any
	name     string // the document's base name, accepted before '#' in $ref
	url      string
	rootName string // the $defs-like name of the root: the entity's simple name
}

func escape(s string) string {
	return strings.ReplaceAll(strings.ReplaceAll(s, "~", "~0"), "/", "~1")
}

func unescape(s string) string {
	return strings.ReplaceAll(strings.ReplaceAll(s, "~1", "/"), "~0", "~")
}

// typesOf returns the non-null JSON types n allows, whether it allows null,
// and whether it constrains the type at all (type, enum or const).
func typesOf(n map[string]any) (types []string, nullable, typed bool) {
	add := func(t string) {
		if t == "null" {
			nullable = true
		} else if !slices.Contains(types, t) {
			types = append(types, t)
		}
	}
	switch t := n["type"].(type) {
	case string:
		add(t)
		typed = true
	case []any:
		for _, v := range t {
			if s, ok := v.(string); ok {
				add(s)
			}
		}
		typed = true
	default:
		var values []any
		if e, ok := n["enum"].([]any); ok {
			values = e
		} else if c, ok := n["const"]; ok {
			values = []any{c}
		} else {
			return nil, false, false
		}
		for _, v := range values {
			add(jsonType(v))
		}
		typed = true
	}
	sort.Strings(types)
	return types, nullable, typed
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
	case float64:
		if x == float64(int64(x)) {
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
func isNullSchema(n map[string]any) bool {
	types, nullable, typed := typesOf(n)
	return typed && nullable && len(types) == 0
}

// shapeOf describes the value schema n at ptr.
func (d *schemaDoc) shapeOf(n map[string]any, ptr string) shape {
	s := shape{at: ptr, ptr: ptr, node: n}
	for _, kw := range []string{"anyOf", "oneOf"} {
		branches, ok := n[kw].([]any)
		if !ok {
			continue
		}
		var value map[string]any
		valueAt, nullBranch, others := "", false, 0
		for i, b := range branches {
			bn, ok := b.(map[string]any)
			if !ok {
				continue
			}
			if isNullSchema(bn) {
				nullBranch = true
				continue
			}
			others++
			value, valueAt = bn, ptr+"/"+kw+"/"+strconv.Itoa(i)
		}
		if others != 1 {
			s.problem = kw + " with " + strconv.Itoa(others) + " non-null branches"
			return s
		}
		inner := d.shapeOf(value, valueAt)
		inner.at = ptr
		inner.nullable = inner.nullable || nullBranch
		return inner
	}
	s.types, s.nullable, s.typed = typesOf(n)
	if ref, ok := n["$ref"].(string); ok {
		name, refPtr, target, problem := d.resolveRef(ref)
		if problem != "" {
			s.problem = problem
			return s
		}
		s.ref, s.refPtr, s.refNode = name, refPtr, target
		if _, tn, _ := typesOf(target); tn {
			s.nullable = true
		}
	}
	return s
}

// resolveRef resolves a $ref to the root or to a $defs entry of the
// document.
func (d *schemaDoc) resolveRef(ref string) (name, ptr string, target map[string]any, problem string) {
	base, frag, _ := strings.Cut(ref, "#")
	if base != "" && base != d.name && base != d.url {
		return "", "", nil, "$ref " + strconv.Quote(ref) + " leaves the document"
	}
	if f, err := url.PathUnescape(frag); err == nil {
		frag = f
	}
	if frag == "" {
		return d.rootName, "", d.root, ""
	}
	rest, ok := strings.CutPrefix(frag, "/$defs/")
	if !ok || strings.Contains(rest, "/") {
		return "", "", nil, "$ref " + strconv.Quote(ref) + " does not name a $defs entry"
	}
	defs, _ := d.root["$defs"].(map[string]any)
	name = unescape(rest)
	target, ok = defs[name].(map[string]any)
	if !ok {
		return "", "", nil, "$ref " + strconv.Quote(ref) + " names no $defs entry"
	}
	return name, "/$defs/" + rest, target, ""
}

// follow returns the shape of the definition s refers to when s itself
// does not constrain the type (a $ref to a primitive definition), keeping
// s's pointer and nullability.
func (d *schemaDoc) follow(s shape) shape {
	for i := 0; i < 16 && !s.typed && s.ref != "" && s.problem == ""; i++ {
		next := d.shapeOf(s.refNode, s.refPtr)
		next.at = s.at
		next.nullable = next.nullable || s.nullable
		s = next
	}
	return s
}

// objectProperties returns the properties n declares, directly or in allOf
// branches (followed through $ref), by name with their pointers. Members
// whose names contain '@' are OData annotations and are left out.
func (d *schemaDoc) objectProperties(n map[string]any, ptr string) map[string]propAt {
	out := map[string]propAt{}
	var walk func(n map[string]any, ptr string, depth int)
	walk = func(n map[string]any, ptr string, depth int) {
		if depth > 16 {
			return
		}
		if props, ok := n["properties"].(map[string]any); ok {
			for name, v := range props {
				pn, ok := v.(map[string]any)
				if !ok || strings.Contains(name, "@") {
					continue
				}
				if _, dup := out[name]; !dup {
					out[name] = propAt{node: pn, ptr: ptr + "/properties/" + escape(name)}
				}
			}
		}
		if all, ok := n["allOf"].([]any); ok {
			for i, b := range all {
				bn, ok := b.(map[string]any)
				if !ok {
					continue
				}
				bptr := ptr + "/allOf/" + strconv.Itoa(i)
				if ref, ok := bn["$ref"].(string); ok {
					if _, rp, target, problem := d.resolveRef(ref); problem == "" {
						bn, bptr = target, rp
					}
				}
				walk(bn, bptr, depth+1)
			}
		}
	}
	walk(n, ptr, 0)
	return out
}

type propAt struct {
	node map[string]any
	ptr  string
}

// closed reports whether n refuses undeclared members.
func closed(n map[string]any) bool {
	for _, kw := range []string{"additionalProperties", "unevaluatedProperties"} {
		if b, ok := n[kw].(bool); ok && !b {
			return true
		}
	}
	return false
}

func required(n map[string]any) map[string]bool {
	out := map[string]bool{}
	if r, ok := n["required"].([]any); ok {
		for _, v := range r {
			if s, ok := v.(string); ok {
				out[s] = true
			}
		}
	}
	return out
}

// number reads a JSON number keyword as an exact rational.
func number(v any) (*big.Rat, bool) {
	switch x := v.(type) {
	case json.Number:
		r, ok := new(big.Rat).SetString(string(x))
		return r, ok
	case float64:
		return new(big.Rat).SetFloat64(x), true
	case int:
		return new(big.Rat).SetInt64(int64(x)), true
	case int64:
		return new(big.Rat).SetInt64(x), true
	}
	return nil, false
}

// enumMembers returns the string members of n's enum, and whether n has an
// enum keyword.
func enumMembers(n map[string]any) ([]string, bool) {
	vals, ok := n["enum"].([]any)
	if !ok {
		return nil, false
	}
	out := make([]string, 0, len(vals))
	for _, v := range vals {
		if s, ok := v.(string); ok {
			out = append(out, s)
		}
	}
	return out, true
}
