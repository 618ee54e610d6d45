// Package gentest builds random JSON Schemas from graphshape's supported
// subset, and random instances of them, for the generative test of the
// generator (gentest_test.go): every schema the generator accepts must give
// code that compiles, and the generated decoder's verdict on every instance
// must be jsonschema v5's.
//
// Generation is seeded and deterministic: the same seed gives the same
// schemas and instances on every platform.
package gentest

import (
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"net/url"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/graphshape/graphshape/internal/pointer"
)

// Names are the awkward member names, enum members and titles schemas are
// built from: Go keywords, names the generated code itself uses, case
// variants, characters no identifier holds, the empty string.
var Names = []string{"a", "b", "id", "ID", "Id", "type", "Type", "func", "default", "_", "1x", "a b", "a-b", "ß", "😀",
	"", "x\"y", "$ref", "Root", "String", "Members", "Validate", "MarshalJSON", "Extra", "status", "Status", "value", "null"}

// formats holds, per format, values on which the RFCs and jsonschema v5
// agree (v5 parses URIs with net/url, which is laxer than RFC 3986, so uri
// values are kept to forms both judge alike).
var formats = map[string][]string{
	"date":      {"2024-02-29", "2023-02-29", "2024-13-01", "x"},
	"date-time": {"2024-01-02T03:04:05Z", "2024-01-02T03:04:05+01:00", "2024-01-02 03:04:05", "2024-01-02T25:00:00Z"},
	"uuid":      {"2eb8aa08-aa98-11ea-b4aa-73b441d16380", "2eb8aa08aa9811eab4aa73b441d16380", "x"},
	"ipv4":      {"192.168.0.1", "256.0.0.1", "1.2.3", "01.2.3.4"},
	"hostname":  {"example.com", "a-.com", "-a.com", "a..b"},
	"uri":       {"http://example.com/a?b#c", "urn:isbn:0451450523", "//example.com", "a"},
}

var patterns = []string{"^a", "b$", "^[a-z]*$", "\\d", "^$", "^.{2,3}$"}

// Schema is one random schema with what is needed to make instances.
type Schema struct {
	Root any            // the schema document, decoded
	Defs map[string]any // its $defs
}

// JSON returns the schema document's text, with sorted keys.
func (s *Schema) JSON() []byte {
	b, err := json.Marshal(s.Root)
	if err != nil {
		panic(err) // only maps, slices, strings, numbers and booleans
	}
	return b
}

// descriptions are awkward doc comments: what ends a comment, a line, or
// is not allowed in Go source.
var descriptions = []string{"plain", "a\nb", "*/ x /*", "\x00", "\u2028", "line\r\n", "\ufeff", "// x", "`"}

type builder struct {
	r    *rand.Rand
	defs []string
}

// NewSchema returns a random schema: a root object with up to three $defs
// (named d0, d1, ... or, one time in three, by an awkward name) that refer
// to each other (and to themselves) freely.
func NewSchema(r *rand.Rand) *Schema {
	g := &builder{r: r}
	ndefs := r.IntN(4)
	for i := range ndefs {
		name := "d" + strconv.Itoa(i)
		if r.IntN(3) == 0 {
			name = g.pick(Names)
		}
		if !slices.Contains(g.defs, name) {
			g.defs = append(g.defs, name)
		}
	}
	defs := map[string]any{}
	for _, d := range g.defs {
		defs[d] = g.node(2)
	}
	root := g.object(3)
	root["title"] = "Root"
	if len(defs) > 0 {
		root["$defs"] = defs
	}
	return &Schema{Root: root, Defs: defs}
}

// RefTo returns the $ref to the $defs entry name: a JSON Pointer in a URI
// fragment ("~" and "/" escaped, then percent-encoded).
func RefTo(name string) string {
	p := pointer.Escape(name)
	return "#/$defs/" + (&url.URL{Fragment: p}).EscapedFragment()
}

// defName returns the $defs name a $ref made by RefTo points at.
func defName(ref string) string {
	u, err := url.Parse(ref)
	if err != nil {
		return ""
	}
	name, err := pointer.Unescape(strings.TrimPrefix(u.Fragment, "/$defs/"))
	if err != nil {
		return ""
	}
	return name
}

func (g *builder) pick(list []string) string { return list[g.r.IntN(len(list))] }

func (g *builder) node(depth int) map[string]any {
	kinds := []string{"string", "integer", "number", "boolean", "enum", "const", "nullable", "typeNull", "mixedEnum", "intEnum", "constValue"}
	if depth > 0 {
		kinds = append(kinds, "object", "object", "array", "anyOf", "oneOf", "allOf", "not", "untyped", "if", "tuple")
	}
	if len(g.defs) > 0 {
		kinds = append(kinds, "ref", "ref")
	}
	switch k := g.pick(kinds); k {
	case "string":
		s := map[string]any{"type": "string"}
		if g.r.IntN(3) == 0 {
			s["minLength"] = g.r.IntN(3)
		}
		if g.r.IntN(3) == 0 {
			s["maxLength"] = 1 + g.r.IntN(4)
		}
		if g.r.IntN(4) == 0 {
			s["pattern"] = g.pick(patterns)
		}
		if g.r.IntN(4) == 0 {
			s["format"] = g.pick(sortedKeys(formats))
		}
		return s
	case "integer", "number":
		s := map[string]any{"type": k}
		if g.r.IntN(2) == 0 {
			s["minimum"] = g.r.IntN(5) - 2
		}
		if g.r.IntN(3) == 0 {
			s["exclusiveMaximum"] = json.Number(strconv.Itoa(g.r.IntN(10)) + ".5")
		}
		if g.r.IntN(3) == 0 {
			s["multipleOf"] = json.Number(g.pick([]string{"2", "3", "0.5"}))
		}
		return s
	case "boolean":
		return map[string]any{"type": "boolean"}
	case "enum":
		n := 1 + g.r.IntN(4)
		seen := map[string]bool{}
		var members []any
		for range n {
			m := g.pick(Names)
			if !seen[m] {
				seen[m] = true
				members = append(members, m)
			}
		}
		s := map[string]any{"enum": members}
		if g.r.IntN(2) == 0 {
			s["type"] = "string"
		}
		return s
	case "const":
		return map[string]any{"const": g.pick(Names)}
	case "typeNull":
		t := g.pick([]string{"string", "integer", "boolean"})
		s := map[string]any{"type": []any{t, "null"}}
		switch {
		case t == "string" && g.r.IntN(2) == 0:
			s["enum"] = []any{g.pick(Names), g.pick(Names) + "!"}
		case t == "integer" && g.r.IntN(2) == 0:
			s["const"] = json.Number("1")
		}
		if g.r.IntN(3) == 0 {
			s["enum"] = append(anySlice(s["enum"]), nil)
		}
		return s
	case "intEnum":
		s := map[string]any{"type": g.pick([]string{"integer", "number"}), "enum": []any{json.Number("1"), json.Number("2.5"), json.Number("-3")}}
		if g.r.IntN(2) == 0 {
			s["minimum"] = 0
		}
		return s
	case "constValue":
		return map[string]any{"const": []any{map[string]any{"a": json.Number("1")}, []any{json.Number("1"), "x"}, json.Number("1.0"), false}[g.r.IntN(4)]}
	case "mixedEnum":
		members := []any{json.Number("1"), g.pick(Names), nil, true, []any{}, map[string]any{}}
		g.r.Shuffle(len(members), func(i, j int) { members[i], members[j] = members[j], members[i] })
		return map[string]any{"enum": members[:1+g.r.IntN(len(members))]}
	case "if":
		s := map[string]any{"if": g.node(depth - 1), "then": g.node(depth - 1)}
		if g.r.IntN(2) == 0 {
			s["else"] = g.node(depth - 1)
		}
		return s
	case "tuple":
		s := map[string]any{"type": "array", "prefixItems": []any{g.node(depth - 1)}}
		if g.r.IntN(2) == 0 {
			s["contains"] = g.node(depth - 1)
		}
		return s
	case "nullable":
		return map[string]any{"anyOf": []any{g.node(depth - 1), map[string]any{"type": "null"}}}
	case "object":
		return g.object(depth - 1)
	case "array":
		s := map[string]any{"type": "array", "items": g.node(depth - 1)}
		if g.r.IntN(3) == 0 {
			s["minItems"] = g.r.IntN(2)
		}
		if g.r.IntN(3) == 0 {
			s["maxItems"] = 1 + g.r.IntN(3)
		}
		if g.r.IntN(4) == 0 {
			s["uniqueItems"] = true
		}
		return s
	case "anyOf", "oneOf", "allOf":
		var list []any
		for range 1 + g.r.IntN(3) {
			list = append(list, g.node(depth-1))
		}
		return map[string]any{k: list}
	case "not":
		return map[string]any{"not": g.node(depth - 1)}
	case "untyped":
		return map[string]any{}
	case "ref":
		return map[string]any{"$ref": RefTo(g.pick(g.defs))}
	}
	panic("unreachable")
}

func (g *builder) object(depth int) map[string]any {
	props := map[string]any{}
	var names []any
	for range g.r.IntN(4) {
		n := g.pick(Names)
		if _, dup := props[n]; dup {
			continue
		}
		props[n] = g.node(max(depth, 0))
		names = append(names, n)
	}
	s := map[string]any{"type": "object", "properties": props}
	var req []any
	for _, n := range names {
		if g.r.IntN(3) == 0 {
			req = append(req, n)
		}
	}
	if n := g.pick(Names); g.r.IntN(8) == 0 && !slices.Contains(req, any(n)) {
		req = append(req, n) // perhaps a member properties does not declare
	}
	if len(req) > 0 {
		s["required"] = req
	}
	switch g.r.IntN(5) {
	case 0:
		s["additionalProperties"] = false
	case 1:
		s["additionalProperties"] = map[string]any{"type": "integer"}
	case 2:
		s["additionalProperties"] = true
	}
	if g.r.IntN(5) == 0 {
		s["minProperties"] = 1
	}
	if g.r.IntN(6) == 0 {
		s["patternProperties"] = map[string]any{g.pick(patterns): g.node(0)}
	}
	if len(names) > 1 && g.r.IntN(6) == 0 {
		s["dependentRequired"] = map[string]any{names[0].(string): []any{names[1]}}
	}
	if g.r.IntN(4) == 0 {
		s["title"] = g.pick(Names)
	}
	if g.r.IntN(4) == 0 {
		s["description"] = g.pick(descriptions)
	}
	return s
}

func anySlice(v any) []any {
	l, _ := v.([]any)
	return l
}

// NewInstance returns a random instance of s: mostly values built to fit
// (so that deep constraints are reached), with wrong types, missing and
// extra members mixed in.
func NewInstance(r *rand.Rand, s *Schema) []byte {
	ig := &instGen{r: r, defs: s.Defs}
	b, err := json.Marshal(ig.value(s.Root, 6))
	if err != nil {
		panic(err)
	}
	return b
}

type instGen struct {
	r    *rand.Rand
	defs map[string]any
}

func (ig *instGen) random(depth int) any {
	switch ig.r.IntN(7) {
	case 0:
		return nil
	case 1:
		return ig.r.IntN(2) == 0
	case 2:
		return ig.r.IntN(7) - 3
	case 3:
		return json.Number(strconv.Itoa(ig.r.IntN(20)-5) + ".5")
	case 4:
		return Names[ig.r.IntN(len(Names))]
	case 5:
		if depth > 0 {
			return []any{ig.random(depth - 1)}
		}
	}
	if depth > 0 {
		return map[string]any{Names[ig.r.IntN(len(Names))]: ig.random(depth - 1)}
	}
	return map[string]any{}
}

func (ig *instGen) value(node any, depth int) any {
	m, _ := node.(map[string]any)
	if m == nil || depth <= 0 || ig.r.IntN(8) == 0 {
		return ig.random(max(depth-1, 0))
	}
	if ref, ok := m["$ref"].(string); ok {
		return ig.value(ig.defs[defName(ref)], depth-1)
	}
	if e, ok := m["enum"].([]any); ok {
		return e[ig.r.IntN(len(e))]
	}
	if c, ok := m["const"]; ok {
		return c
	}
	for _, kw := range []string{"anyOf", "oneOf", "allOf"} {
		if l, ok := m[kw].([]any); ok {
			return ig.value(l[ig.r.IntN(len(l))], depth-1)
		}
	}
	switch m["type"] {
	case "string":
		if f, ok := m["format"].(string); ok {
			return formats[f][ig.r.IntN(len(formats[f]))]
		}
		return Names[ig.r.IntN(len(Names))]
	case "integer":
		return ig.r.IntN(13) - 4
	case "number":
		return json.Number(fmt.Sprintf("%d.%d", ig.r.IntN(12)-3, ig.r.IntN(2)*5))
	case "boolean":
		return ig.r.IntN(2) == 0
	case "array":
		var out []any
		for range ig.r.IntN(4) {
			out = append(out, ig.value(m["items"], depth-1))
		}
		if out == nil {
			out = []any{}
		}
		return out
	case "object":
		out := map[string]any{}
		props, _ := m["properties"].(map[string]any)
		for _, k := range sortedKeys(props) {
			if ig.r.IntN(4) != 0 {
				out[k] = ig.value(props[k], depth-1)
			}
		}
		if ig.r.IntN(5) == 0 {
			out[Names[ig.r.IntN(len(Names))]] = ig.random(depth - 1)
		}
		return out
	}
	return ig.random(depth - 1)
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
