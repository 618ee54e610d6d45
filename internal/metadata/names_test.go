package metadata

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// craftedNames lists the types of crafted.csdl.xml's test.ns the way Graph's
// type-mappings files do: simple names, declared properties (thing's name,
// declared by its base type, is listed to keep thingSchema usable), enum
// members alphabetically.
const craftedNames = `{
  "entity": {
    "thing": {"properties": ["color", "count", "name", "tags", "when", "at"], "navigationProperties": ["parts"]},
    "part": {"properties": [], "navigationProperties": []}
  },
  "complex": {
    "point": {"properties": ["x", "y"], "navigationProperties": []}
  },
  "enum": {
    "color": ["blue", "green", "red", "unknownFutureValue"]
  }
}`

type namesCase struct {
	name   string
	entity string
	names  string // default craftedNames
	schema string // default thingSchema
	edit   [2]string
	want   []got
	reason string
}

var namesCases = []namesCase{
	{name: "clean", reason: "every reached definition is listed, with its properties and members"},
	{name: "entity-not-found", entity: "test.ns.nothing",
		want: []got{want("entity-not-found", "", "test.ns.nothing")}, reason: "the entity must be listed"},
	{name: "name-not-in-metadata", names: strings.Replace(craftedNames, `"point"`, `"pointer"`, 1),
		want: []got{want("name-not-in-metadata", "/$defs/point", "test.ns.point")}, reason: "point is reached from thing.at and not listed"},
	{name: "name-not-in-metadata/enum", names: strings.Replace(craftedNames, `"color": [`, `"colour": [`, 1),
		want: []got{want("name-not-in-metadata", "/$defs/color", "test.ns.color")}, reason: "an enum definition must be among the enum names"},
	{name: "name-not-in-metadata/open-placeholder",
		edit:  [2]string{`"part": {"type": "object", "additionalProperties": false, "properties": {"id": {"type": "string"}}}`, `"part": {"type": "object"}`},
		names: strings.Replace(craftedNames, `"part":`, `"piece":`, 1),
		want:  nil, reason: "an open object without properties stands for a type of another namespace and is skipped"},
	{name: "type-mismatch", names: strings.Replace(strings.Replace(craftedNames, `"color": ["blue", "green", "red", "unknownFutureValue"]`, ``, 1), `"point": {`, `"color": {"properties": []}, "point": {`, 1),
		want: []got{want("type-mismatch", "/$defs/color", "test.ns.color")}, reason: "the schema's enum is listed as a complex type"},
	{name: "property-missing-in-schema", edit: [2]string{`"tags": {"type": "array", "items": {"type": "string"}},`, ``},
		want: []got{want("property-missing-in-schema", "/properties/tags", "test.ns.thing/tags")}, reason: "a listed property the closed object lacks"},
	{name: "navigation-property-missing-in-schema", edit: [2]string{`,
    "parts": {"type": "array", "items": {"$ref": "#/$defs/part"}}`, ``},
		want: []got{want("navigation-property-missing-in-schema", "/properties/parts", "test.ns.thing/parts")}, reason: "navigation properties are listed apart"},
	{name: "property-missing-in-open-schema", edit: [2]string{`"point": {"type": "object", "additionalProperties": false, "required": ["x", "y"], "properties": {
      "x": {"type": "integer", "minimum": -2147483648, "maximum": 2147483647},`, `"point": {"type": "object", "properties": {`},
		want: []got{want("property-missing-in-open-schema", "/$defs/point/properties/x", "test.ns.point/x")}, reason: "open objects tolerate it"},
	{name: "property-not-in-metadata", edit: [2]string{`"tags":`, `"labels": {"type": "string"}, "tags":`},
		want: []got{want("property-not-in-metadata", "/properties/labels", "test.ns.thing")}, reason: "not listed"},
	{name: "required-property-not-in-metadata", edit: [2]string{`"required": ["id",`, `"required": ["labels", "id",`},
		schema: strings.Replace(thingSchema, `"tags":`, `"labels": {"type": "string"}, "tags":`, 1),
		want:   []got{want("required-property-not-in-metadata", "/properties/labels", "test.ns.thing")}, reason: "every response lacks labels"},
	{name: "enum-member-missing", edit: [2]string{`"unknownFutureValue", "blue"]`, `"unknownFutureValue"]`},
		want: []got{want("enum-member-missing", "/$defs/color/enum", "test.ns.color/blue")}, reason: "member sets are compared"},
	{name: "enum-member-extra", edit: [2]string{`"unknownFutureValue", "blue"]`, `"unknownFutureValue", "blue", "purple"]`},
		want: []got{want("enum-member-extra", "/$defs/color/enum", "test.ns.color")}, reason: "member sets are compared"},
	{name: "enum-order-ignored", edit: [2]string{`"enum": ["red", "green", "unknownFutureValue", "blue"]`, `"enum": ["blue", "green", "red", "unknownFutureValue"]`},
		want: nil, reason: "the lists are alphabetical: order cannot be checked"},
	{name: "names-only", names: `{"entity": ["test.ns.thing", "part"], "complex": ["point"], "enum": ["color"]}`,
		want: nil, reason: "a list of bare names (full or simple) checks names only"},
	{name: "names-only/missing", names: `{"entity": ["test.ns.thing", "part"], "complex": [], "enum": ["color"]}`,
		want: []got{want("name-not-in-metadata", "/$defs/point", "test.ns.point")}, reason: "names are still checked"},
}

func TestCheckNames(t *testing.T) {
	for _, tc := range namesCases {
		t.Run(tc.name, func(t *testing.T) {
			entity, names, s := tc.entity, tc.names, tc.schema
			if entity == "" {
				entity = thing
			}
			if names == "" {
				names = craftedNames
			}
			if s == "" {
				s = thingSchema
			}
			if tc.edit[0] != "" {
				if !strings.Contains(s, tc.edit[0]) {
					t.Fatalf("edit %q: not in the schema", tc.edit[0])
				}
				s = strings.Replace(s, tc.edit[0], tc.edit[1], 1)
			}
			n, err := ParseNames("names.json", []byte(names), "test.ns")
			if err != nil {
				t.Fatal(err)
			}
			fs := CheckNames(n, entity, parseSchema(t, s))
			if diff := cmp.Diff(tc.want, project(fs)); diff != "" {
				t.Errorf("%s (-want +got):\n%s\nmessages:\n%s", tc.reason, diff, messages(fs))
			}
		})
	}
}

func TestParseNames(t *testing.T) {
	tests := []struct {
		name, data string
		want       *Names
		reason     string
	}{
		{"detailed", `{"entity": {"a": {"properties": ["p"], "navigationProperties": ["n"]}}, "complex": {"other.ns.b": {"properties": []}}, "enum": {"c": ["x", "y"]}}`,
			&Names{
				Entities: map[string]*NamedType{"test.ns.a": {Detailed: true, Properties: []string{"p"}, NavigationProperties: []string{"n"}}},
				Complex:  map[string]*NamedType{"other.ns.b": {Detailed: true, Properties: []string{}}},
				Enums:    map[string]*NamedEnum{"test.ns.c": {Detailed: true, Members: []string{"x", "y"}}},
			}, "Graph's type-mappings format; a dotted name is already full"},
		{"bare", `{"entity": ["a"], "complex": [], "enum": ["test.ns.c"]}`,
			&Names{
				Entities: map[string]*NamedType{"test.ns.a": {}},
				Complex:  map[string]*NamedType{},
				Enums:    map[string]*NamedEnum{"test.ns.c": {}},
			}, "arrays of names carry no properties or members"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ParseNames("n.json", []byte(tt.data), "test.ns")
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("%s (-want +got):\n%s", tt.reason, diff)
			}
		})
	}
}

func TestParseNamesErrors(t *testing.T) {
	tests := []struct {
		name, data, want, reason string
	}{
		{"not-json", `{"entity":`, "names n.json: unexpected end of JSON input", "syntax errors name the file"},
		{"unknown-kind", `{"entities": []}`, `names n.json: unknown member "entities" (want entity, complex and enum)`, "a typo is not silently an empty list"},
		{"bad-enum", `{"enum": {"c": "x"}}`, "names n.json: enum: json: cannot unmarshal", "members are an array"},
		{"repeated-kind", `{"entity": ["a"], "entity": ["b"]}`, `names n.json: n.json: duplicate member "entity" at (root)`, "the first list would be lost silently"},
		{"invalid-utf8", "{\"entity\": [\"a\xff\"]}", "names n.json: n.json: invalid JSON at byte offset 14: invalid UTF-8", "the name would silently be a\uFFFD"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ParseNames("n.json", []byte(tt.data), "test.ns")
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("%s: error %v, want it to contain %q", tt.reason, err, tt.want)
			}
		})
	}
}
