package metadata

import (
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/graphshape/graphshape/internal/level"
	"github.com/graphshape/graphshape/internal/model"
	"github.com/graphshape/graphshape/schema"
)

// got is the part of a finding the rule tests compare: messages are read by
// people and checked only where a case says so.
type got struct {
	Rule, Path, Element string
	Level               level.Level
}

func project(fs []Finding) []got {
	var out []got
	for _, f := range fs {
		out = append(out, got{f.Rule, f.SchemaPath, f.CSDLElement, f.Level})
	}
	return out
}

// want builds an expected finding with its rule's level.
func want(rule, path, elem string) got {
	return got{rule, path, elem, ruleLevels[rule]}
}

func loadCrafted(t testing.TB) *Model {
	t.Helper()
	f, err := os.Open("../../testdata/metadata/crafted.csdl.xml")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	m, err := Parse(f, "crafted.csdl.xml")
	if err != nil {
		t.Fatal(err)
	}
	return m
}

func parseSchema(t testing.TB, s string) *model.Resource {
	t.Helper()
	return buildModel(t, "test.schema.json", []byte(s))
}

// buildModel compiles data and builds its model, as gen metadata-check does.
func buildModel(t testing.TB, name string, data []byte) *model.Resource {
	t.Helper()
	doc, _, err := schema.Compile(name, data)
	if err != nil {
		t.Fatalf("schema: %v\n%s", err, data)
	}
	res, err := model.Build(doc, model.Options{})
	if err != nil {
		t.Fatalf("model: %v\n%s", err, data)
	}
	return res
}

// thingSchema describes test.ns.thing of crafted.csdl.xml exactly as the
// conventions of schema/README.md say: no findings. Each rule case changes
// one thing in it (or brings its own schema).
const thingSchema = `{
  "type": "object",
  "required": ["id", "name", "when", "color"],
  "patternProperties": {"@odata\\.": {}},
  "additionalProperties": false,
  "properties": {
    "@odata.type": {"const": "#test.ns.thing"},
    "id": {"type": "string"},
    "name": {"type": "string"},
    "count": {"type": ["integer", "null"], "minimum": -2147483648, "maximum": 2147483647},
    "when": {"type": "string", "format": "date-time"},
    "color": {"$ref": "#/$defs/color"},
    "tags": {"type": "array", "items": {"type": "string"}},
    "at": {"anyOf": [{"$ref": "#/$defs/point"}, {"type": "null"}]},
    "parts": {"type": "array", "items": {"$ref": "#/$defs/part"}}
  },
  "$defs": {
    "color": {"type": "string", "enum": ["red", "green", "unknownFutureValue", "blue"], "x-enumValues": {"red": 1, "green": 2, "unknownFutureValue": 3, "blue": 4}},
    "point": {"type": "object", "additionalProperties": false, "required": ["x", "y"], "properties": {
      "x": {"type": "integer", "minimum": -2147483648, "maximum": 2147483647},
      "y": {"type": "integer", "minimum": -2147483648, "maximum": 2147483647}}},
    "part": {"type": "object", "additionalProperties": false, "properties": {"id": {"type": "string"}}}
  }
}`

// entitySchema is a closed entity schema with id and the given properties
// and $defs.
func entitySchema(props, defs string) string {
	s := `{"type": "object", "additionalProperties": false, "properties": {"id": {"type": "string"}` + props + `}`
	if defs != "" {
		s += `, "$defs": {` + defs + `}`
	}
	return s + `}`
}

// unionSchema is an entity whose shapes are a discriminated union over
// types deriving from shape: circle and square, then more branches and
// $defs.
func unionSchema(branches, defs string) string {
	return entitySchema(`, "shapes": {"type": "array", "items": {"oneOf": [{"$ref": "#/$defs/circle"}, {"$ref": "#/$defs/square"}`+branches+`]}}`,
		`"shape": {"type": "object", "properties": {"@odata.type": {"type": "string"}, "area": {"type": "number"}}, "required": ["@odata.type"]},
		"circle": {"type": "object", "allOf": [{"$ref": "#/$defs/shape"}], "properties": {"@odata.type": {"const": "#test.ns.circle"}, "radius": {"type": "number"}}, "unevaluatedProperties": false},
		"square": {"type": "object", "allOf": [{"$ref": "#/$defs/shape"}], "properties": {"@odata.type": {"const": "#test.ns.square"}, "side": {"type": "number"}}, "unevaluatedProperties": false}`+defs)
}

const triangle = `, "triangle": {"type": "object", "allOf": [{"$ref": "#/$defs/shape"}], "properties": {"@odata.type": {"const": "#test.ns.triangle"}, "base": {"type": "number"}}, "unevaluatedProperties": false}`

const thing = "test.ns.thing"

type ruleCase struct {
	name   string
	entity string // default thing
	schema string // default thingSchema
	edit   [2]string
	want   []got
	reason string
}

// ruleCases has at least one case per rule (TestRulesCovered holds it to
// that), named after the rule, plus variants.
var ruleCases = []ruleCase{
	{name: "clean", want: nil, reason: "a schema that follows the conventions has no findings"},
	{name: "entity-not-found", entity: "test.ns.nothing",
		want: []got{want("entity-not-found", "", "test.ns.nothing")}, reason: "nothing can be checked without the entity"},
	{name: "entity-not-found/complex", entity: "test.ns.point",
		want: []got{want("entity-not-found", "", "test.ns.point")}, reason: "the root must stand for an entity type"},
	{name: "property-missing-in-schema", edit: [2]string{`"tags": {"type": "array", "items": {"type": "string"}},`, ``},
		want: []got{want("property-missing-in-schema", "/properties/tags", "test.ns.thing/tags")}, reason: "strict decoders reject responses carrying tags"},
	{name: "property-missing-in-schema/inherited", edit: [2]string{`"name": {"type": "string"},`, ``},
		want: []got{want("property-missing-in-schema", "/properties/name", "test.base.named/name")}, reason: "name is inherited from test.base.named through the alias base"},
	{name: "property-missing-in-schema/entity-id", edit: [2]string{`"id": {"type": "string"},`, ``},
		want: []got{want("property-missing-in-schema", "/properties/id", "microsoft.graph.entity/id")}, reason: "the dangling graph.entity contributes id"},
	{name: "property-missing-in-open-schema",
		edit: [2]string{`"point": {"type": "object", "additionalProperties": false, "required": ["x", "y"], "properties": {
      "x": {"type": "integer", "minimum": -2147483648, "maximum": 2147483647},`, `"point": {"type": "object", "properties": {`},
		want:   []got{want("object-open-in-schema", "/$defs/point", "test.ns.point"), want("property-missing-in-open-schema", "/$defs/point/properties/x", "test.ns.point/x")},
		reason: "a deliberately open object lacking a property is information, not breaking"},
	{name: "navigation-property-missing-in-schema", edit: [2]string{`,
    "parts": {"type": "array", "items": {"$ref": "#/$defs/part"}}`, ``},
		want: []got{want("navigation-property-missing-in-schema", "/properties/parts", "test.ns.thing/parts")}, reason: "only $expand responses carry it"},
	{name: "property-not-in-metadata", edit: [2]string{`"tags":`, `"labels": {"type": "string"}, "tags":`},
		want: []got{want("property-not-in-metadata", "/properties/labels", "test.ns.thing")}, reason: "the service never sends labels"},
	{name: "required-property-not-in-metadata", edit: [2]string{`"required": ["id",`, `"required": ["labels", "id",`},
		schema: strings.Replace(thingSchema, `"tags":`, `"labels": {"type": "string"}, "tags":`, 1),
		want:   []got{want("required-property-not-in-metadata", "/properties/labels", "test.ns.thing")}, reason: "every response lacks labels"},
	{name: "type-mismatch", edit: [2]string{`"count": {"type": ["integer", "null"]`, `"count": {"type": ["string", "null"]`},
		want: []got{want("type-mismatch", "/properties/count", "test.ns.thing/count")}, reason: "Edm.Int32 is a JSON integer"},
	{name: "type-mismatch/definition-name", edit: [2]string{`"color": {"$ref": "#/$defs/color"}`, `"color": {"$ref": "#/$defs/part"}`},
		want: []got{want("type-mismatch", "/properties/color", "test.ns.thing/color")}, reason: "an enum or complex type is matched by its $defs name"},
	{name: "type-mismatch/collection", edit: [2]string{`"tags": {"type": "array", "items": {"type": "string"}}`, `"tags": {"type": "string"}`},
		want: []got{want("type-mismatch", "/properties/tags", "test.ns.thing/tags")}, reason: "a collection is an array"},
	{name: "type-mismatch/items", edit: [2]string{`"tags": {"type": "array", "items": {"type": "string"}}`, `"tags": {"type": "array", "items": {"type": "boolean"}}`},
		want: []got{want("type-mismatch", "/properties/tags/items", "test.ns.thing/tags")}, reason: "items are checked against the collection's element type"},
	{name: "type-mismatch/enum-definition", edit: [2]string{`"color": {"type": "string", "enum"`, `"color": {"type": "integer", "enum"`},
		want: []got{want("type-mismatch", "/$defs/color", "test.ns.color")}, reason: "enum values travel as strings"},
	{name: "type-wider-in-schema", edit: [2]string{`"count": {"type": ["integer", "null"]`, `"count": {"type": ["number", "null"]`},
		want: []got{want("type-wider-in-schema", "/properties/count", "test.ns.thing/count")}, reason: "number accepts what Int32 sends, and fractions"},
	{name: "type-wider-in-schema/untyped", edit: [2]string{`"name": {"type": "string"}`, `"name": {}`},
		want: []got{want("type-wider-in-schema", "/properties/name", "test.base.named/name")}, reason: "{} constrains nothing"},
	{name: "type-unresolved", entity: "test.ns.withMissingType", schema: entitySchema(`, "gone": {"type": ["string", "null"]}`, ""),
		want: []got{want("type-unresolved", "/properties/gone", "test.ns.withMissingType/gone")}, reason: "test.ns is in the file but declares no notDeclared"},
	{name: "type-unresolved/base-type", entity: "test.ns.orphan",
		schema: `{"type": "object", "additionalProperties": false, "properties": {"note": {"type": ["string", "null"]}}}`,
		want:   []got{want("type-unresolved", "", "test.ns.orphan")}, reason: "a missing base type in a declared namespace is reported, and the rest still checked"},
	{name: "type-outside-metadata", entity: "test.ns.withOutsideType",
		schema: entitySchema(`, "who": {"anyOf": [{"$ref": "#/$defs/identitySet"}, {"type": "null"}]}`, `"identitySet": {"type": "object"}`),
		want:   []got{want("type-outside-metadata", "/properties/who", "test.ns.withOutsideType/who")}, reason: "graph.identitySet is in a namespace the file lacks"},
	{name: "type-outside-metadata/wrong-name", entity: "test.ns.withOutsideType",
		schema: entitySchema(`, "who": {"anyOf": [{"$ref": "#/$defs/person"}, {"type": "null"}]}`, `"person": {"type": "object"}`),
		want:   []got{want("type-mismatch", "/properties/who", "test.ns.withOutsideType/who"), want("type-outside-metadata", "/properties/who", "test.ns.withOutsideType/who")}, reason: "the name is still checked"},
	{name: "type-not-checked", entity: "test.ns.withOddTypes",
		schema: entitySchema(`, "content": {"type": ["string", "null"]}, "key": {"type": "string", "format": "uuid"}, "size": {"type": "integer", "minimum": -9223372036854775808, "maximum": 9223372036854775807}, "level": {"type": "integer", "minimum": 0, "maximum": 255}, "day": {"type": "string", "format": "date"}`, ""),
		want:   []got{want("type-not-checked", "/properties/content", "test.ns.withOddTypes/content")}, reason: "Edm.Stream has no JSON mapping; Guid, Int64, Byte and Date do"},
	{name: "format-mismatch", edit: [2]string{`"format": "date-time"`, `"format": "date"`},
		want: []got{want("format-mismatch", "/properties/when", "test.ns.thing/when")}, reason: "date rejects every date-time"},
	{name: "format-missing", edit: [2]string{`, "format": "date-time"`, ``},
		want: []got{want("format-missing", "/properties/when", "test.ns.thing/when")}, reason: "any string passes"},
	{name: "format-not-in-metadata", edit: [2]string{`"name": {"type": "string"}`, `"name": {"type": "string", "format": "email"}`},
		want: []got{want("format-not-in-metadata", "/properties/name", "test.base.named/name")}, reason: "the metadata promises only a string"},
	{name: "range-mismatch", edit: [2]string{`"maximum": 2147483647},
    "when"`, `"maximum": 100},
    "when"`},
		want: []got{want("range-mismatch", "/properties/count", "test.ns.thing/count")}, reason: "narrower than Int32"},
	{name: "range-mismatch/missing", edit: [2]string{`"count": {"type": ["integer", "null"], "minimum": -2147483648, "maximum": 2147483647}`, `"count": {"type": ["integer", "null"]}`},
		want: []got{want("range-mismatch", "/properties/count", "test.ns.thing/count")}, reason: "open-ended"},
	{name: "nullability-mismatch", edit: [2]string{`"count": {"type": ["integer", "null"]`, `"count": {"type": "integer"`},
		want: []got{want("nullability-mismatch", "/properties/count", "test.ns.thing/count")}, reason: "Nullable is absent, so true"},
	{name: "nullability-mismatch/ref", edit: [2]string{`"at": {"anyOf": [{"$ref": "#/$defs/point"}, {"type": "null"}]}`, `"at": {"$ref": "#/$defs/point"}`},
		want: []got{want("nullability-mismatch", "/properties/at", "test.ns.thing/at")}, reason: "a nullable complex property needs the anyOf-null form"},
	{name: "nullable-in-schema-only", edit: [2]string{`"when": {"type": "string"`, `"when": {"type": ["string", "null"]`},
		want: []got{want("nullable-in-schema-only", "/properties/when", "test.ns.thing/when")}, reason: "when is Nullable=false"},
	{name: "nullable-in-schema-only/collection", edit: [2]string{`"tags": {"type": "array"`, `"tags": {"type": ["array", "null"]`},
		want: []got{want("nullable-in-schema-only", "/properties/tags", "test.ns.thing/tags")}, reason: "a collection is never null"},
	{name: "enum-member-missing", edit: [2]string{`"unknownFutureValue", "blue"]`, `"unknownFutureValue"]`},
		want: []got{want("enum-member-missing", "/$defs/color/enum", "test.ns.color/blue")}, reason: "a member after unknownFutureValue is a member like any other"},
	{name: "enum-member-extra", edit: [2]string{`"unknownFutureValue", "blue"]`, `"unknownFutureValue", "blue", "purple"]`},
		want: []got{want("enum-member-extra", "/$defs/color/enum", "test.ns.color")}, reason: "the service never sends purple"},
	{name: "enum-order-differs", edit: [2]string{`"enum": ["red", "green", "unknownFutureValue", "blue"]`, `"enum": ["red", "green", "blue", "unknownFutureValue"]`},
		want: []got{want("enum-order-differs", "/$defs/color/enum", "test.ns.color")}, reason: "blue moved before the sentinel"},
	{name: "enum-value-mismatch", edit: [2]string{`"blue": 4`, `"blue": 5`},
		want: []got{want("enum-value-mismatch", "/$defs/color/x-enumValues/blue", "test.ns.color/blue")}, reason: "documentation only"},
	{name: "enum-is-flags", entity: "test.ns.withPerms",
		schema: entitySchema(`, "perms": {"$ref": "#/$defs/perms"}`, `"perms": {"type": "string", "enum": ["read", "write"]}`),
		want:   []got{want("enum-is-flags", "/$defs/perms", "test.ns.perms")}, reason: "read,write would be rejected"},
	{name: "open-type-closed-in-schema", entity: "test.ns.withBag",
		schema: entitySchema(`, "bag": {"$ref": "#/$defs/bag"}`, `"bag": {"type": "object", "additionalProperties": false}`),
		want:   []got{want("open-type-closed-in-schema", "/$defs/bag", "test.ns.bag")}, reason: "dynamic members would be rejected"},
	{name: "open-type-closed-in-schema/open", entity: "test.ns.withBag",
		schema: entitySchema(`, "bag": {"$ref": "#/$defs/bag"}`, `"bag": {"type": "object"}`),
		want:   nil, reason: "an open type as an open object is right"},
	{name: "object-open-in-schema", edit: [2]string{`"patternProperties": {"@odata\\.": {}},
  "additionalProperties": false,`, ``},
		want: []got{want("object-open-in-schema", "", "test.ns.thing")}, reason: "the root is open, the entity is not"},
	{name: "derived-type-not-modelled", entity: "test.ns.withShapes",
		schema: entitySchema(`, "shapes": {"type": "array", "items": {"$ref": "#/$defs/shape"}}`, `"shape": {"type": "object", "additionalProperties": false, "properties": {"area": {"type": "number"}}}`),
		want:   []got{want("derived-type-not-modelled", "/$defs/shape", "test.ns.shape")}, reason: "a circle carries radius"},
	{name: "derived-type-not-modelled/open", entity: "test.ns.withShapes",
		schema: entitySchema(`, "shapes": {"type": "array", "items": {"$ref": "#/$defs/shape"}}`, `"shape": {"type": "object", "properties": {"area": {"type": "number"}}}`),
		want:   []got{want("object-open-in-schema", "/$defs/shape", "test.ns.shape")}, reason: "left open on purpose, as alertEvidence is"},
	{name: "derived-types", entity: "test.ns.withShapes", schema: unionSchema(`, {"$ref": "#/$defs/triangle"}`, triangle),
		want: []got{want("object-open-in-schema", "/$defs/shape", "test.ns.shape")}, reason: "each derived type is a branch; the base stays open for allOf"},
	{name: "derived-type-missing-in-schema", entity: "test.ns.withShapes", schema: unionSchema("", ""),
		want:   []got{want("object-open-in-schema", "/$defs/shape", "test.ns.shape"), want("derived-type-missing-in-schema", "/properties/shapes/items", "test.ns.triangle")},
		reason: "strict decoders reject a triangle"},
	{name: "derived-type-not-in-metadata", entity: "test.ns.withShapes",
		schema: unionSchema(`, {"$ref": "#/$defs/triangle"}, {"$ref": "#/$defs/hexagon"}`, triangle+`, "hexagon": {"type": "object", "allOf": [{"$ref": "#/$defs/shape"}], "properties": {"@odata.type": {"const": "#test.ns.hexagon"}}, "unevaluatedProperties": false}`),
		want:   []got{want("object-open-in-schema", "/$defs/shape", "test.ns.shape"), want("derived-type-not-in-metadata", "/properties/shapes/items/oneOf/3", "test.ns.withShapes/shapes")},
		reason: "the service never sends a hexagon"},
	{name: "base-type-mismatch", entity: "test.ns.withShapes",
		schema: unionSchema(`, {"$ref": "#/$defs/triangle"}, {"$ref": "#/$defs/point"}`, triangle+`, "point": {"type": "object", "allOf": [{"$ref": "#/$defs/shape"}], "properties": {"@odata.type": {"const": "#test.ns.point"}, "x": {"type": "integer", "minimum": -2147483648, "maximum": 2147483647}, "y": {"type": "integer", "minimum": -2147483648, "maximum": 2147483647}}, "required": ["x", "y"], "unevaluatedProperties": false}`),
		want: []got{want("object-open-in-schema", "/$defs/shape", "test.ns.shape"), want("property-not-in-metadata", "/$defs/shape/properties/area", "test.ns.point"),
			want("base-type-mismatch", "/properties/shapes/items/oneOf/3", "test.ns.point")},
		reason: "point does not derive from shape in the metadata"},
	{name: "odata-type-mismatch", edit: [2]string{`"#test.ns.thing"`, `"#test.thing"`},
		want: []got{want("odata-type-mismatch", "/properties/@odata.type", "test.ns.thing")}, reason: "every instance names #test.ns.thing"},
	{name: "schema-unsupported", edit: [2]string{`"count": {"type": ["integer", "null"], "minimum": -2147483648, "maximum": 2147483647}`, `"count": {"anyOf": [{"type": "integer"}, {"type": "string"}]}`},
		want: []got{want("schema-unsupported", "/properties/count", "test.ns.thing/count")}, reason: "a union of two types is not followed"},
	{name: "schema-unsupported/ref", edit: [2]string{`"count": {"type": ["integer", "null"], "minimum": -2147483648, "maximum": 2147483647}`, `"count": {"$ref": "#/properties/name"}`},
		want: []got{want("schema-unsupported", "/properties/count", "test.ns.thing/count")}, reason: "only $defs entries and the root are followed"},
}

func (tc ruleCase) schemaText(t *testing.T) string {
	s := tc.schema
	if s == "" {
		s = thingSchema
	}
	if tc.edit[0] != "" {
		if !strings.Contains(s, tc.edit[0]) {
			t.Fatalf("edit %q: not in the schema", tc.edit[0])
		}
		s = strings.Replace(s, tc.edit[0], tc.edit[1], 1)
	}
	return s
}

func TestRules(t *testing.T) {
	m := loadCrafted(t)
	for _, tc := range ruleCases {
		t.Run(tc.name, func(t *testing.T) {
			entity := tc.entity
			if entity == "" {
				entity = thing
			}
			fs := Check(m, entity, parseSchema(t, tc.schemaText(t)))
			if diff := cmp.Diff(tc.want, project(fs)); diff != "" {
				t.Errorf("%s (-want +got):\n%s\nmessages:\n%s", tc.reason, diff, messages(fs))
			}
		})
	}
}

func messages(fs []Finding) string {
	var b strings.Builder
	for _, f := range fs {
		b.WriteString("  " + f.Rule + " " + f.SchemaPath + ": " + f.Message + "\n")
	}
	return b.String()
}

// TestRulesCovered: every rule has a case in ruleCases or namesCases, the
// IDs are unique kebab-case, and every rule is described.
func TestRulesCovered(t *testing.T) {
	covered := map[string]bool{}
	for _, tc := range ruleCases {
		for _, w := range tc.want {
			covered[w.Rule] = true
		}
	}
	for _, tc := range namesCases {
		for _, w := range tc.want {
			covered[w.Rule] = true
		}
	}
	kebab := regexp.MustCompile(`^[a-z]+(-[a-z0-9]+)*$`)
	seen := map[string]bool{}
	for _, r := range Rules {
		switch {
		case seen[r.ID]:
			t.Errorf("rule %s: listed twice", r.ID)
		case !kebab.MatchString(r.ID):
			t.Errorf("rule %q: not a kebab-case ID", r.ID)
		case strings.TrimSpace(r.Description) == "":
			t.Errorf("rule %s: no description", r.ID)
		case !covered[r.ID]:
			t.Errorf("rule %s: no test case expects it", r.ID)
		}
		seen[r.ID] = true
	}
	for id := range covered {
		if !seen[id] {
			t.Errorf("a case expects rule %s, which is not in Rules", id)
		}
	}
}

// TestMessages pins a few messages people read in CI logs.
func TestMessages(t *testing.T) {
	m := loadCrafted(t)
	tests := []struct {
		name, from, to, want, reason string
	}{
		{"sentinel", `"unknownFutureValue", "blue"]`, `"unknownFutureValue"]`,
			"the metadata member blue is not in the schema's enum (it comes after unknownFutureValue: the service sends it when the request has Prefer: include-unknown-enum-members)",
			"say why a member after the sentinel matters"},
		{"range", `"maximum": 2147483647},
    "when"`, `"maximum": 100},
    "when"`,
			"the schema's range is [-2147483648, 100]; Edm.Int32 is [-2147483648, 2147483647] (narrower: values the service may send are rejected)",
			"both ranges and the direction"},
		{"order", `"enum": ["red", "green", "unknownFutureValue", "blue"]`, `"enum": ["green", "red", "unknownFutureValue", "blue"]`,
			"member 0 is red in the metadata and green in the schema; the metadata's order is red, green, unknownFutureValue, blue",
			"where the order first differs, and the order to restore"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fs := Check(m, thing, parseSchema(t, strings.Replace(thingSchema, tt.from, tt.to, 1)))
			if len(fs) != 1 {
				t.Fatalf("want one finding, got:\n%s", messages(fs))
			}
			if diff := cmp.Diff(tt.want, fs[0].Message); diff != "" {
				t.Errorf("%s (-want +got):\n%s", tt.reason, diff)
			}
		})
	}
}

// TestCheckNilInputs: nil inputs are findings, not panics.
func TestCheckNilInputs(t *testing.T) {
	tests := []struct {
		name   string
		m      *Model
		doc    *model.Resource
		want   []got
		reason string
	}{
		{"nil-model", nil, parseSchema(t, thingSchema), []got{want("entity-not-found", "", thing)}, "an empty model has no entity"},
		{"nil-schema", loadCrafted(t), nil, []got{want("schema-unsupported", "", thing)}, "no schema root to walk"},
		{"boolean-root", loadCrafted(t), parseSchema(t, `true`), []got{want("schema-unsupported", "", thing)}, "the root must be an object schema"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, project(Check(tt.m, thing, tt.doc))); diff != "" {
				t.Errorf("%s (-want +got):\n%s", tt.reason, diff)
			}
		})
	}
}

// TestRulesDocumented: docs/metadata-check.md has a row for every rule,
// with its level and description as Rules has them.
func TestRulesDocumented(t *testing.T) {
	doc, err := os.ReadFile("../../docs/metadata-check.md")
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range Rules {
		row := "| `" + r.ID + "` | " + r.Level.String() + " | " + strings.ReplaceAll(r.Description, "|", `\|`) + " |\n"
		if !strings.Contains(string(doc), row) {
			t.Errorf("docs/metadata-check.md lacks the row\n%s", row)
		}
	}
}
