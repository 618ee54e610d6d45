package shape_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/graphshape/graphshape/generated/shape"
	"github.com/graphshape/graphshape/internal/emit/testdata/golden/roots"
)

// TestSyntaxCause checks that each kind of syntax error carries its cause,
// reachable through errors.Is.
func TestSyntaxCause(t *testing.T) {
	tests := []struct {
		name, in string
		want     shape.SyntaxCause
		reason   string
	}{
		{"empty", ``, shape.CauseUnexpectedEnd, "no value at all"},
		{"open array", `[`, shape.CauseUnexpectedEnd, "end where an item was expected"},
		{"open string", `"ab`, shape.CauseUnexpectedEnd, "end inside a string"},
		{"open escape", `"a\`, shape.CauseUnexpectedEnd, "end inside an escape"},
		{"bad value", `[}`, shape.CauseInvalidCharacter, "} cannot start a value"},
		{"no colon", `{"a" 1}`, shape.CauseInvalidCharacter, "':' expected after a member name"},
		{"no comma", `[1 2]`, shape.CauseInvalidCharacter, "',' or ']' expected"},
		{"literal", `tru`, shape.CauseInvalidLiteral, "not true"},
		{"number", `1.`, shape.CauseInvalidNumber, "no digits after the point"},
		{"exponent", `1e+`, shape.CauseInvalidNumber, "no digits in the exponent"},
		{"escape", `"\x"`, shape.CauseInvalidEscape, "\\x is not an escape"},
		{"unicode escape", `"\u12g4"`, shape.CauseInvalidEscape, "g is not a hex digit"},
		{"control", "\"a\tb\"", shape.CauseControlCharacter, "a raw tab in a string"},
		{"depth", strings.Repeat("[", 600) + strings.Repeat("]", 600), shape.CauseDepthLimit, "valid JSON nested 600 deep"},
		{"trailing", `1 2`, shape.CauseTrailingData, "a second value"},
		{"bom", "\ufeff{}", shape.CauseBOM, "a leading byte order mark"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var v roots.Anything
			err := v.UnmarshalJSON([]byte(tt.in))
			var se *shape.SyntaxError
			if !errors.As(err, &se) {
				t.Fatalf("%s: got %v, want a *shape.SyntaxError", tt.reason, err)
			}
			if diff := cmp.Diff(tt.want, se.Cause); diff != "" {
				t.Errorf("%s: cause (-want +got):\n%s", tt.reason, diff)
			}
			if !errors.Is(err, tt.want) {
				t.Errorf("%s: errors.Is(%v, %v) = false", tt.reason, err, tt.want)
			}
		})
	}
}
