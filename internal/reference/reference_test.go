package reference

import (
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
