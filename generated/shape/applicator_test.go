package shape_test

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/graphshape/graphshape/generated/shape"
)

// recursiveAnyOf is the rule table of
// {"$defs":{"t":{"anyOf":[{"type":"array","items":{"$ref":"#/$defs/t"}},
// {"type":"array","items":{"$ref":"#/$defs/t"}}]}}}: rule 0 is t.
func recursiveAnyOf(kw string) []shape.Rule {
	r := shape.Rule{}
	switch kw {
	case "anyOf":
		r.AnyOf = []int{2, 3}
	case "oneOf":
		r.OneOf = []int{2, 3}
	case "allOf":
		r.AllOf = []int{2, 3}
	}
	return shape.CompileRules([]shape.Rule{
		r,
		{Types: shape.TArray, Items: 1},
		{Types: shape.TArray, Items: 1},
	})
}

func decodeRaw(rules []shape.Rule, doc string) error {
	d := shape.NewDecoderString(doc)
	d.Raw(rules, 0)
	return d.Finish()
}

// TestApplicatorsNotExponential: a recursive anyOf of arrays made the rule
// interpreter exponential in the nesting (a 58-byte document nested 26 deep
// took 25 s; issue 15, point 6). Verdicts are remembered per (offset, rule),
// so nesting 400 deep takes milliseconds.
func TestApplicatorsNotExponential(t *testing.T) {
	nest := func(n int, inner string) string { return strings.Repeat("[", n) + inner + strings.Repeat("]", n) }
	tests := []struct {
		name, kw, doc  string
		wantViolations bool
		reason         string
	}{
		{"anyOf-valid", "anyOf", nest(400, ""), false, "every level passes both branches"},
		{"anyOf-invalid-deep", "anyOf", nest(400, "1"), true, "the innermost value fails every branch at every level"},
		{"oneOf-valid-twice", "oneOf", nest(400, ""), true, "both branches pass: oneOf fails"},
		{"allOf-valid", "allOf", nest(400, ""), false, "allOf of two passing branches"},
		{"allOf-invalid-deep", "allOf", nest(400, "1"), true, "allOf fails at the bottom"},
		{"anyOf-wide", "anyOf", "[" + strings.Repeat(nest(20, "")+",", 2000) + nest(20, "true") + "]", true, "many siblings, one failing"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			begin := time.Now()
			err := decodeRaw(recursiveAnyOf(tc.kw), tc.doc)
			if took := time.Since(begin); took > 5*time.Second {
				t.Fatalf("%s: took %v", tc.reason, took)
			}
			var ve *shape.ValidationError
			if got := errors.As(err, &ve); got != tc.wantViolations {
				t.Fatalf("%s: err = %v, want violations: %v", tc.reason, err, tc.wantViolations)
			}
			if ve != nil && len(ve.Violations) > 2000 {
				t.Errorf("%s: %d violations listed, want the listing bounded", tc.reason, len(ve.Violations))
			}
		})
	}
}

// TestApplicatorsReportAsBefore: remembering verdicts does not change what
// is reported for a failing anyOf: every branch's failures, as jsonschema
// v5 reports them.
func TestApplicatorsReportAsBefore(t *testing.T) {
	err := decodeRaw(recursiveAnyOf("anyOf"), `[1]`)
	var ve *shape.ValidationError
	if !errors.As(err, &ve) {
		t.Fatalf("err = %v, want a *ValidationError", err)
	}
	type found struct{ Instance, Keyword, KeywordLocation string }
	var got []found
	for _, v := range ve.Violations {
		got = append(got, found{v.InstanceLocation, v.Keyword, v.KeywordLocation})
	}
	// Each outer branch fails at /0, where the inner anyOf fails both of
	// its branches: 2 × 2 type violations.
	want := []found{
		{"/0", "type", "/anyOf/0/items/anyOf/0/type"},
		{"/0", "type", "/anyOf/0/items/anyOf/1/type"},
		{"/0", "type", "/anyOf/1/items/anyOf/0/type"},
		{"/0", "type", "/anyOf/1/items/anyOf/1/type"},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("violations (-want +got):\n%s", diff)
	}
}
