package reference

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestNormalise(t *testing.T) {
	schema := `{"type":"object","properties":{
		"e":{"anyOf":[{"$ref":"#/$defs/e"},{"type":"null"}]},
		"o":{"type":"object","properties":{"a":{"type":"string"}},"required":["x","y"],"additionalProperties":false}},
		"$defs":{"e":{"type":"string","enum":["a"]}}}`
	v, err := Compile("s.json", []byte(schema), "")
	if err != nil {
		t.Fatal(err)
	}
	type found struct{ Instance, Keyword, KeywordLocation string }
	tests := []struct {
		name, doc string
		want      []found
		reason    string
	}{
		{"null-branch-dropped", `{"e":"b"}`, []found{{"/e", "enum", "/properties/e/anyOf/0/$ref/enum"}}, "the nullable form's null branch is not reported"},
		{"null-ok", `{"e":null}`, nil, "null is valid"},
		{"split", `{"o":{"p":1,"q'\"r":2}}`, []found{
			{"/o", "required", "/properties/o/required"},
			{"/o", "required", "/properties/o/required"},
			{"/o/p", "additionalProperties", "/properties/o/additionalProperties"},
			{"/o/q'\"r", "additionalProperties", "/properties/o/additionalProperties"},
		}, "required and additionalProperties are split per member, names unquoted"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			vs, err := v.Validate([]byte(tt.doc))
			if err != nil {
				t.Fatal(err)
			}
			var got []found
			for _, x := range vs {
				got = append(got, found{x.InstanceLocation, x.Keyword, x.KeywordLocation})
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("(-want +got) [%s]:\n%s", tt.reason, diff)
			}
		})
	}
	if _, err := v.Validate([]byte(`{"e":`)); err == nil {
		t.Error("invalid JSON gave no error")
	}
}

// TestValidateHostileNumbers: a document number jsonschema v5 cannot turn
// into a big.Rat made it panic (issue 15, point 1); it is an error naming
// where.
func TestValidateHostileNumbers(t *testing.T) {
	v, err := Compile("s.json", []byte(`{"properties":{"n":{"type":"integer","maximum":5}}}`), "")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, doc, want, reason string
	}{
		{"huge-exponent", `{"n":1e99999999999}`, "instance /n: number 1e99999999999", "v5 would panic"},
		{"long", `{"n":` + strings.Repeat("9", 20000) + `}`, "instance /n: number 999", "v5 would take quadratic time"},
		{"nested", `[{"n":[1,2e-99999]}]`, "instance /0/n/1", "the pointer names the element"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := v.Validate([]byte(tc.doc))
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("%s: got error %v, want one containing %q", tc.reason, err, tc.want)
			}
		})
	}
	if vs, err := v.Validate([]byte(`{"n":6}`)); err != nil || len(vs) != 1 {
		t.Errorf("an ordinary number: got %v, %v; want one violation", vs, err)
	}
}
