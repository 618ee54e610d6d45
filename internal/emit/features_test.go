package emit_test

import (
	"encoding/json"
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/graphshape/graphshape/generated/shape"
	"github.com/graphshape/graphshape/internal/emit/testdata/golden/enums"
	"github.com/graphshape/graphshape/internal/emit/testdata/golden/objects"
	"github.com/graphshape/graphshape/internal/emit/testdata/golden/recursion"
	"github.com/graphshape/graphshape/internal/emit/testdata/golden/roots"
)

// found is the comparable part of a violation.
type found struct{ Instance, Keyword, KeywordLocation string }

func violations(t *testing.T, err error) []found {
	t.Helper()
	if err == nil {
		return nil
	}
	var ve *shape.ValidationError
	if !errors.As(err, &ve) {
		t.Fatalf("error %v (%T) is not a *shape.ValidationError", err, err)
	}
	var out []found
	for _, v := range ve.Violations {
		out = append(out, found{v.InstanceLocation, v.Keyword, v.KeywordLocation})
	}
	return out
}

func TestFeatureViolations(t *testing.T) {
	tests := []struct {
		name   string
		decode func([]byte) error
		doc    string
		want   []found
		reason string
	}{
		{
			name: "objects-valid", reason: "a document using every feature correctly has no violation",
			decode: func(b []byte) error { var v objects.Order; return v.UnmarshalJSON(b) },
			doc:    `{"id":"a","count":3,"price":1.25,"paid":true,"tags":["x","y"],"shipTo":{"city":"c","zip":"12345"},"note":null,"x-y":"z","labels":{"a":1}}`,
		},
		{
			name: "objects-all-wrong", reason: "every violation is reported, with pointers into document and schema",
			decode: func(b []byte) error { var v objects.Order; return v.UnmarshalJSON(b) },
			doc:    `{"id":"a","count":101,"price":1.005,"tags":["x","x",""],"shipTo":{"zip":"1"},"note":null,"x-y":1,"bad":2,"labels":{"a":1,"b":"c"}}`,
			want: []found{
				{"/count", "maximum", "/properties/count/maximum"},
				{"/price", "multipleOf", "/properties/price/multipleOf"},
				{"/tags/2", "minLength", "/properties/tags/items/minLength"},
				{"/tags", "uniqueItems", "/properties/tags/uniqueItems"},
				{"/shipTo/zip", "pattern", "/properties/shipTo/properties/zip/pattern"},
				{"/shipTo", "dependentRequired", "/properties/shipTo/dependentRequired/zip/0"},
				{"/shipTo", "required", "/properties/shipTo/required"},
				{"/x-y", "type", "/patternProperties/^x-/type"},
				{"/bad", "additionalProperties", "/additionalProperties"},
				{"/labels/b", "type", "/properties/labels/additionalProperties/type"},
			},
		},
		{
			name: "objects-missing-required-and-null", reason: "null for a non-nullable member is a type violation; absent required members are listed",
			decode: func(b []byte) error { var v objects.Order; return v.UnmarshalJSON(b) },
			doc:    `{"paid":null}`,
			want: []found{
				{"/paid", "type", "/properties/paid/type"},
				{"", "minProperties", "/minProperties"},
				{"", "required", "/required"},
				{"", "required", "/required"},
			},
		},
		{
			name: "objects-member-counts", reason: "minProperties, maxProperties and dependentRequired on structs and maps",
			decode: func(b []byte) error { var v objects.Order; return v.UnmarshalJSON(b) },
			doc:    `{"id":"a","count":1,"shipTo":{"zip":"12345"},"labels":{"a":1,"b":2,"c":3,"d":4}}`,
			want: []found{
				{"/shipTo", "dependentRequired", "/properties/shipTo/dependentRequired/zip/0"},
				{"/shipTo", "required", "/properties/shipTo/required"},
				{"/labels", "maxProperties", "/properties/labels/maxProperties"},
			},
		},
		{
			name: "objects-duplicate-member", reason: "a repeated member name is reported, not silently resolved",
			decode: func(b []byte) error { var v objects.Order; return v.UnmarshalJSON(b) },
			doc:    `{"id":"a","count":1,"id":"b"}`,
			want:   []found{{"/id", "duplicate", "/properties/id"}},
		},
		{
			name: "enums-case-and-unknown", reason: "enum mismatches point through $ref and the nullable anyOf branch",
			decode: func(b []byte) error { var v enums.Ticket; return v.UnmarshalJSON(b) },
			doc:    `{"status":"Open","previous":"gone","kind":"bug","version":2.0,"priority":4}`,
			want: []found{
				{"/status", "enum", "/properties/status/$ref/enum"},
				{"/previous", "enum", "/properties/previous/anyOf/0/$ref/enum"},
				{"/priority", "enum", "/properties/priority/enum"},
			},
		},
		{
			name: "enums-const", reason: "const compares JSON values (2.0 equals 2), and reports other values",
			decode: func(b []byte) error { var v enums.Ticket; return v.UnmarshalJSON(b) },
			doc:    `{"status":"awaitingAction","version":"2"}`,
			want:   []found{{"/version", "const", "/properties/version/const"}},
		},
		{
			name: "recursion", reason: "recursive $refs decode to any depth with the full keyword path",
			decode: func(b []byte) error { var v recursion.Node; return v.UnmarshalJSON(b) },
			doc:    `{"name":"a","parent":{"name":"b","parent":{"name":1}},"children":[{"name":"c","children":[{"name":false}]}],"meta":{"owner":{"name":"z"},"when":"nope"}}`,
			want: []found{
				{"/parent/parent/name", "type", "/properties/parent/$ref/properties/parent/$ref/properties/name/type"},
				{"/children/0/children/0/name", "type", "/properties/children/items/$ref/properties/children/items/$ref/properties/name/type"},
				{"/meta/when", "format", "/properties/meta/$ref/properties/when/format"},
			},
		},
		{
			name: "array-root", reason: "a root of type array works, with item formats and limits",
			decode: func(b []byte) error { var v roots.Names; return v.UnmarshalJSON(b) },
			doc:    `["a@example.com","not an email"]`,
			want:   []found{{"/1", "format", "/items/format"}},
		},
		{
			name: "array-root-empty", reason: "minItems applies to the root array",
			decode: func(b []byte) error { var v roots.Names; return v.UnmarshalJSON(b) },
			doc:    `[]`,
			want:   []found{{"", "minItems", "/minItems"}},
		},
		{
			name: "multi-type-def", reason: "a $defs entry of several types is checked per the type the value has",
			decode: func(b []byte) error { var v roots.Mixed; return v.UnmarshalJSON(b) },
			doc:    `"a"`,
			want:   []found{{"", "minLength", "/minLength"}},
		},
		{
			name: "multi-type-def-number", reason: "integer limits apply to integers only",
			decode: func(b []byte) error { var v roots.Mixed; return v.UnmarshalJSON(b) },
			doc:    `11`,
			want:   []found{{"", "maximum", "/maximum"}},
		},
		{
			name: "prefix-items-and-contains", reason: "prefixItems check item by item; contains counts matching items",
			decode: func(b []byte) error { var v roots.Pair; return v.UnmarshalJSON(b) },
			doc:    `["x", "y", "x"]`,
			want:   []found{{"/1", "type", "/prefixItems/1/type"}, {"", "maxContains", "/maxContains"}},
		},
		{
			name: "contains-none", reason: "without a matching item, contains fails (minContains defaults to 1)",
			decode: func(b []byte) error { var v roots.Pair; return v.UnmarshalJSON(b) },
			doc:    `["a", 1]`,
			want:   []found{{"", "minContains", "/minContains"}},
		},
		{
			name: "applicators-valid", reason: "allOf, oneOf, if/then/else, not all satisfied",
			decode: func(b []byte) error { var v roots.Composed; return v.UnmarshalJSON(b) },
			doc:    `{"kind":"a","x":1,"z":true}`,
		},
		{
			name: "applicators-invalid", reason: "each applicator reports where it failed",
			decode: func(b []byte) error { var v roots.Composed; return v.UnmarshalJSON(b) },
			doc:    `{"kind":"c","x":1,"y":2,"z":3}`,
			want: []found{
				{"/kind", "enum", "/allOf/1/properties/kind/enum"},
				{"", "oneOf", "/oneOf"},
				{"", "not", "/else/not"},
			},
		},
		{
			name: "false-def", reason: "the false schema accepts nothing",
			decode: func(b []byte) error { var v roots.Nothing; return v.UnmarshalJSON(b) },
			doc:    `1`,
			want:   []found{{"", "false", ""}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := violations(t, tt.decode([]byte(tt.doc)))
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("violations (-want +got) [%s]:\n%s", tt.reason, diff)
			}
		})
	}
}

func TestLenientKeepsEverything(t *testing.T) {
	var tk enums.Ticket
	tolerated, err := shape.UnmarshalLenient([]byte(`{"status":"Open","previous":"newThing","kind":5,"other":true}`), &tk)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, v := range tolerated {
		got = append(got, v.InstanceLocation+" "+v.Keyword)
	}
	if diff := cmp.Diff([]string{"/status enum", "/previous enum", "/kind type"}, got); diff != "" {
		t.Errorf("tolerated (-want +got):\n%s", diff)
	}
	if tk.Status != enums.StatusOpen {
		t.Errorf("status = %q, want it normalised to %q", tk.Status, enums.StatusOpen)
	}
	out, err := tk.MarshalJSON()
	if err != nil {
		t.Fatal(err)
	}
	want := `{"previous":"newThing","status":"open","kind":5,"other":true}` // declared members first, then Extra sorted
	if string(out) != want {
		t.Errorf("re-encoded %s, want %s (unknown members and wrong-typed values kept)", out, want)
	}
}

func TestRoundTripKeepsAbsentNullValue(t *testing.T) {
	docs := []string{
		`{"count":1,"id":"a"}`,
		`{"count":1,"id":"a","note":null}`,
		`{"count":1,"id":"a","labels":{},"note":"n","tags":[],"x-a":"b"}`,
	}
	for _, doc := range docs {
		var a, b objects.Order
		if err := a.UnmarshalJSON([]byte(doc)); err != nil {
			t.Fatalf("%s: %v", doc, err)
		}
		enc, err := json.Marshal(a)
		if err != nil {
			t.Fatal(err)
		}
		if err := b.UnmarshalJSON(enc); err != nil {
			t.Fatalf("re-decoding %s: %v", enc, err)
		}
		if diff := cmp.Diff(a, b); diff != "" {
			t.Errorf("%s: decode -> encode -> decode changed the value (-first +second):\n%s", doc, diff)
		}
		if string(enc) != doc {
			t.Errorf("re-encoded %s, want %s", enc, doc)
		}
	}
}

func TestValidateGoValue(t *testing.T) {
	o := objects.Order{ID: "a", Count: 200, Note: shape.NullOf[string]()}
	got := violations(t, o.Validate())
	want := []found{{"/count", "maximum", "/properties/count/maximum"}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Validate (-want +got):\n%s", diff)
	}
}
