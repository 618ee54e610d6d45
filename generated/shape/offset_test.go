package shape_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/graphshape/graphshape/generated/shape"
	"github.com/graphshape/graphshape/internal/emit/testdata/golden/objects"
)

// TestViolationOffset: every violation carries the byte offset of what it
// is about, computed by the Decoder's reporting paths.
func TestViolationOffset(t *testing.T) {
	type located struct {
		Instance string
		Keyword  string
		Offset   int64
	}
	tests := []struct {
		name    string
		doc     string
		lenient bool
		keyword string
		at      string // the violation points at the n-th occurrence of at
		nth     int
		reason  string
	}{
		{"type", `{"id":"a", "count": "x"}`, false, "type", `"x"`, 0, "the value of the wrong type"},
		{"maximum", "{\"id\":\"a\",\n  \"count\":\t101}", false, "maximum", `101`, 0, "white space before the value is not part of it"},
		{"missing-root", ` {"count":1}`, false, "required", `{`, 0, "a missing member: the object that lacks it"},
		{"missing-nested", `{"id":"a","count":1,"shipTo": {"zip":"12345"}}`, false, "required", `{"zip"`, 0, "a missing member of a nested object"},
		{"undeclared", `{"id":"a","count":1, "z\"z\\":1}`, false, "additionalProperties", `"z\"z\\"`, 0, "an undeclared member: its name, escaped quotes and backslashes skipped"},
		{"undeclared-nested", `{"id":"a","count":1,"shipTo":{"city":"x","street" : 1}}`, false, "additionalProperties", `"street"`, 0, "an undeclared member of a nested object"},
		{"duplicate", `{"id":"a","count":1,"count":2}`, false, "duplicate", `"count"`, 1, "a repeated member: the second name"},
		{"item", `{"id":"a","count":1,"tags":["a", ""]}`, false, "minLength", `""`, 0, "an array item"},
		{"lenient", `{"id":"a","count":1,"tags":["a", ""]}`, true, "minLength", `""`, 0, "tolerated points carry offsets too"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var v objects.Order
			var vs []shape.Violation
			if tt.lenient {
				var err error
				if vs, err = shape.UnmarshalLenient([]byte(tt.doc), &v); err != nil {
					t.Fatal(err)
				}
			} else {
				var ve *shape.ValidationError
				if err := v.UnmarshalJSON([]byte(tt.doc)); !errors.As(err, &ve) {
					t.Fatalf("err = %v, want a *shape.ValidationError", err)
				}
				vs = ve.Violations
			}
			var got []located
			for _, x := range vs {
				if x.Keyword == tt.keyword {
					got = append(got, located{x.InstanceLocation, x.Keyword, x.Offset})
				}
			}
			off := -1
			for i, rest := 0, 0; i <= tt.nth; i++ {
				j := strings.Index(tt.doc[rest:], tt.at)
				if j < 0 {
					t.Fatalf("%q has no occurrence %d of %q", tt.doc, tt.nth, tt.at)
				}
				off, rest = rest+j, rest+j+1
			}
			if len(got) != 1 {
				t.Fatalf("%d %s violations in %v, want 1", len(got), tt.keyword, vs)
			}
			if diff := cmp.Diff(int64(off), got[0].Offset); diff != "" {
				t.Errorf("%s: offset of %v (-want +got):\n%s", tt.reason, got[0], diff)
			}
		})
	}
}
