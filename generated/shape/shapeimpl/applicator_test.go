package shapeimpl_test

import (
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	shape "github.com/graphshape/graphshape/generated/shape/shapeimpl"
)

// recursiveAnyOf is the rule table of
// {"$defs":{"t":{"anyOf":[{"type":"array","items":{"$ref":"#/$defs/t"}},
// {"type":"array","items":{"$ref":"#/$defs/t"}}]}}}: rule 1 is t (entry 0
// is unused, so that the index 0 means none).
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
		{},
		r,
		{Types: shape.TArray, Items: 1},
		{Types: shape.TArray, Items: 1},
	})
}

// decodeRaw validates doc against rules[1] and returns the syntax error or
// the violations.
func decodeRaw(rules []shape.Rule, doc string) (*shape.SyntaxError, []shape.Violation) {
	d := shape.NewDecoderString(doc)
	d.Raw(rules, 1)
	d.Finish()
	return d.Syntax(), d.Violations()
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
			se, vs := decodeRaw(recursiveAnyOf(tc.kw), tc.doc)
			if took := time.Since(begin); took > 5*time.Second {
				t.Fatalf("%s: took %v", tc.reason, took)
			}
			if se != nil {
				t.Fatalf("%s: syntax error %v", tc.reason, se)
			}
			if got := len(vs) > 0; got != tc.wantViolations {
				t.Fatalf("%s: violations %v, want some: %v", tc.reason, vs, tc.wantViolations)
			}
			if len(vs) > 2000 {
				t.Errorf("%s: %d violations listed, want the listing bounded", tc.reason, len(vs))
			}
		})
	}
}

// TestApplicatorsReportAsBefore: remembering verdicts does not change what
// is reported for a failing anyOf: every branch's failures, as jsonschema
// v5 reports them.
func TestApplicatorsReportAsBefore(t *testing.T) {
	se, vs := decodeRaw(recursiveAnyOf("anyOf"), `[1]`)
	if se != nil {
		t.Fatal(se)
	}
	type found struct{ Instance, Keyword, KeywordLocation string }
	var got []found
	for _, v := range vs {
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
