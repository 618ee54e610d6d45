package model

import (
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/graphshape/graphshape/internal/naming"
	"github.com/graphshape/graphshape/schema"
)

func build(t *testing.T, text string) (*Resource, error) {
	t.Helper()
	doc, _, err := schema.Compile("t.schema.json", []byte(text))
	if err != nil {
		t.Fatalf("compile: %v\n%s", err, text)
	}
	return Build(doc, Options{})
}

// spell spells a GoType as Go source would.
func spell(g *GoType) string {
	switch g.Kind {
	case GoNamed:
		return g.Named.GoName
	case GoPointer:
		return "*" + g.Named.GoName
	case GoSlice, GoMap:
		elem := spell(g.Elem)
		if g.ElemOptional {
			elem = "Optional[" + elem + "]"
		}
		if g.Kind == GoSlice {
			return "[]" + elem
		}
		return "map[string]" + elem
	case GoRaw:
		return "json.RawMessage"
	}
	return g.Kind.String()
}

// shapeOf is what the model decided for one property.
type shapeOf struct {
	Kind          Kind
	Go            string
	Nullable      bool
	Raw           bool
	Optional      bool
	Unconstrained bool
	Evolvable     bool
	SentinelIndex int
}

// TestPropertyShape: the model decides each property's Go shape once;
// every consumer reads these fields.
func TestPropertyShape(t *testing.T) {
	tests := []struct {
		name     string
		prop     string // the schema of property "p"
		required bool
		defs     string // $defs members, without braces
		want     shapeOf
		reason   string
	}{
		{name: "string", prop: `{"type":"string"}`, required: true,
			want:   shapeOf{Kind: KindString, Go: "string", SentinelIndex: -1},
			reason: "a required non-null string is a plain field"},
		{name: "optional-string", prop: `{"type":"string"}`,
			want:   shapeOf{Kind: KindString, Go: "string", Optional: true, SentinelIndex: -1},
			reason: "an optional member is wrapped to tell absent apart"},
		{name: "required-nullable", prop: `{"type":["integer","null"],"minimum":0,"maximum":10}`, required: true,
			want:   shapeOf{Kind: KindInteger, Go: "int32", Nullable: true, Optional: true, SentinelIndex: -1},
			reason: "required but nullable: Optional keeps null apart; a range inside int32 gives int32"},
		{name: "number-or-integer", prop: `{"type":["integer","number"]}`, required: true,
			want:   shapeOf{Kind: KindNumber, Go: "float64", SentinelIndex: -1},
			reason: "integer and number together are a number"},
		{name: "empty", prop: `{"description":"anything","x-note":1}`, required: true,
			want:   shapeOf{Kind: KindAny, Go: "json.RawMessage", Nullable: true, Raw: true, Unconstrained: true, SentinelIndex: -1},
			reason: "only annotations: unconstrained raw JSON, decided from the keywords present"},
		{name: "true", prop: `true`,
			want:   shapeOf{Kind: KindAny, Go: "json.RawMessage", Nullable: true, Raw: true, Unconstrained: true, SentinelIndex: -1},
			reason: "the true schema is unconstrained; a raw field is never Optional (nil is absent)"},
		{name: "false", prop: `false`,
			want:   shapeOf{Kind: KindAny, Go: "json.RawMessage", Raw: true, SentinelIndex: -1},
			reason: "the false schema allows nothing, null included"},
		{name: "untyped-enum", prop: `{"enum":["a",1]}`, required: true,
			want:   shapeOf{Kind: KindAny, Go: "json.RawMessage", Raw: true, SentinelIndex: -1},
			reason: "no type, but the enum excludes null"},
		{name: "untyped-const-null", prop: `{"const":null}`, required: true,
			want:   shapeOf{Kind: KindAny, Go: "json.RawMessage", Raw: true, Nullable: true, SentinelIndex: -1},
			reason: "a null const allows null"},
		{name: "uniqueItems-false", prop: `{"uniqueItems":false}`, required: true,
			want:   shapeOf{Kind: KindAny, Go: "json.RawMessage", Raw: true, Nullable: true, SentinelIndex: -1},
			reason: "any assertion keyword, even one that asserts nothing here, makes the node constrained"},
		{name: "evolvable-enum", prop: `{"type":"string","enum":["a","unknownFutureValue","b"]}`, required: true,
			want:   shapeOf{Kind: KindEnum, Go: "TP", Evolvable: true, SentinelIndex: 1},
			reason: "Graph's evolvable-enum profile is decided once: the sentinel's index in Enum"},
		{name: "plain-enum", prop: `{"type":"string","enum":["a","b"]}`, required: true,
			want:   shapeOf{Kind: KindEnum, Go: "TP", SentinelIndex: -1},
			reason: "no sentinel: not evolvable, index -1"},
		{name: "nullable-items", prop: `{"type":"array","items":{"type":["string","null"]}}`, required: true,
			want:   shapeOf{Kind: KindArray, Go: "[]Optional[string]", SentinelIndex: -1},
			reason: "nullable items are held in Optional"},
		{name: "raw-items", prop: `{"type":"array","items":{}}`, required: true,
			want:   shapeOf{Kind: KindArray, Go: "[]json.RawMessage", SentinelIndex: -1},
			reason: "raw items hold null as the text null: no Optional"},
		{name: "map", prop: `{"type":"object","additionalProperties":{"type":"boolean"}}`, required: true,
			want:   shapeOf{Kind: KindMap, Go: "map[string]bool", SentinelIndex: -1},
			reason: "an object without properties is a map"},
		{name: "ref-nullable-target", prop: `{"$ref":"#/$defs/n"}`, required: true, defs: `"n":{"type":["string","null"]}`,
			want:   shapeOf{Kind: KindString, Go: "N", Nullable: true, Optional: true, SentinelIndex: -1},
			reason: "a $ref node is nullable when its target is: decided once, through the reference"},
		{name: "null-or-ref", prop: `{"anyOf":[{"type":"null"},{"$ref":"#/$defs/o"}]}`, required: true, defs: `"o":{"type":"object","properties":{"a":{"type":"string"}}}`,
			want:   shapeOf{Kind: KindObject, Go: "O", Nullable: true, Optional: true, SentinelIndex: -1},
			reason: "the nullable form keeps the target's Go type"},
		{name: "null-or-ref-oneOf", prop: `{"oneOf":[{"$ref":"#/$defs/o"},{"type":"null"}]}`, defs: `"o":{"type":"object","properties":{"a":{"type":"string"}}}`,
			want:   shapeOf{Kind: KindObject, Go: "O", Nullable: true, Optional: true, SentinelIndex: -1},
			reason: "the oneOf nullable form with a $ref branch, which README lists"},
		{name: "allOf", prop: `{"allOf":[{"type":"string"}]}`,
			want:   shapeOf{Kind: KindAny, Go: "json.RawMessage", Nullable: true, Raw: true, SentinelIndex: -1},
			reason: "applicators make the value raw"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			req := ""
			if tt.required {
				req = `,"required":["p"]`
			}
			defs := ""
			if tt.defs != "" {
				defs = `,"$defs":{` + tt.defs + `}`
			}
			res, err := build(t, `{"type":"object","properties":{"p":`+tt.prop+`}`+req+defs+`}`)
			if err != nil {
				t.Fatalf("%s: %v", tt.reason, err)
			}
			p := res.Root.Schema.Properties[0]
			s := p.Schema
			got := shapeOf{Kind: s.Kind, Go: spell(s.Go), Nullable: s.Nullable, Raw: s.Raw, Optional: p.Optional,
				Unconstrained: s.Unconstrained, Evolvable: s.Evolvable, SentinelIndex: s.SentinelIndex}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("%s (-want +got):\n%s", tt.reason, diff)
			}
		})
	}
}

// TestBuildRefuses: schemas whose Go code could not compile are refused,
// naming the location.
func TestBuildRefuses(t *testing.T) {
	tests := []struct {
		name    string
		schema  string
		contain []string
		is      func(error) bool // nil: no particular type
		reason  string
	}{
		{name: "self-ref", schema: `{"type":"object","$defs":{"a":{"$ref":"#/$defs/a"}}}`,
			contain: []string{"t.schema.json#/$defs/a", "$ref cycle", "#/$defs/a -> #/$defs/a"}, reason: "type A A"},
		{name: "null-or-cycle", schema: `{"type":"object","$defs":{"a":{"anyOf":[{"$ref":"#/$defs/a"},{"type":"null"}]}}}`,
			contain: []string{"t.schema.json#/$defs/a", "$ref cycle"}, reason: "the nullable form has no object in between"},
		{name: "schema-digest", schema: `{"type":"object","$defs":{"schemaDigest":{"type":"string"}}}`,
			contain: []string{"t.schema.json#/$defs/schemaDigest", `"SchemaDigest"`},
			is:      func(err error) bool { var c *naming.CollisionError; return errors.As(err, &c) }, reason: "a name every generated package declares"},
		{name: "members-func", schema: `{"type":"object","$defs":{"s":{"type":"string","enum":["members"]}}}`,
			contain: []string{"t.schema.json#/$defs/s/enum/0", "members function", `"SMembers"`}, reason: "the constant would collide with the members function"},
		{name: "depth", schema: `{"type":"object","properties":{"a":` + strings.Repeat(`{"type":"array","items":`, MaxDepth) + `{}` + strings.Repeat(`}`, MaxDepth) + `}}`,
			contain: []string{"t.schema.json#/properties/a/items", "model.MaxDepth"}, reason: "subschemas nested deeper than MaxDepth"},
		{name: "oneOf-ref-nullable", schema: `{"type":"object","properties":{"p":{"oneOf":[{"type":"null"},{"$ref":"#/$defs/n"}]}},"$defs":{"n":{"type":["string","null"]}}}`,
			contain: []string{"t.schema.json#/properties/p", "must not accept null", "#/$defs/n"},
			is:      func(err error) bool { var u *UnsupportedError; return errors.As(err, &u) && u.Keyword == "oneOf" }, reason: "null would match both branches"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := build(t, tt.schema)
			if err == nil {
				t.Fatalf("%s: built; want a refusal", tt.reason)
			}
			for _, c := range tt.contain {
				if !strings.Contains(err.Error(), c) {
					t.Errorf("%s: error %q lacks %q", tt.reason, err, c)
				}
			}
			if tt.is != nil && !tt.is(err) {
				t.Errorf("%s: error %T is not of the expected type", tt.reason, err)
			}
		})
	}
}

// TestInlineTypeReachedByRef: a $ref into an inline object and the inline
// object itself are one named type, whichever the walk meets first.
func TestInlineTypeReachedByRef(t *testing.T) {
	for _, text := range []string{
		`{"type":"object","properties":{"a":{"$ref":"#/$defs/x/properties/o"}},"$defs":{"x":{"type":"object","properties":{"o":{"type":"object","properties":{"q":{"type":"string"}}}}}}}`,
		`{"type":"object","properties":{"z":{"$ref":"#/$defs/x/properties/o"}},"$defs":{"x":{"type":"object","properties":{"o":{"type":"string","enum":["k"]}}}}}`,
	} {
		res, err := build(t, text)
		if err != nil {
			t.Fatal(err)
		}
		var names []string
		for _, ty := range res.Types {
			names = append(names, ty.GoName+" "+ty.Pointer)
		}
		if diff := cmp.Diff([]string{"T ", "X /$defs/x", "XO /$defs/x/properties/o"}, names); diff != "" {
			t.Errorf("one type per location (-want +got):\n%s", diff)
		}
	}
}
