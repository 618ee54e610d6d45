package shape_test

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/graphshape/graphshape/generated/shape"
	"github.com/graphshape/graphshape/generated/shape/shapeimpl"
	v1 "github.com/graphshape/graphshape/generated/v1"
	"github.com/graphshape/graphshape/internal/emit/testdata/golden/objects"
	"github.com/graphshape/graphshape/internal/emit/testdata/golden/roots"
)

type outcome struct {
	Syntax     bool   // a *shape.SyntaxError
	Offset     int64  // its offset, when Syntax
	Instance   string // first violation's instance location, else ""
	Keyword    string // first violation's keyword, else ""
	Violations int
}

func classify(t *testing.T, err error) outcome {
	t.Helper()
	var se *shape.SyntaxError
	var ve *shape.ValidationError
	switch {
	case err == nil:
		return outcome{}
	case errors.As(err, &se):
		return outcome{Syntax: true, Offset: se.Offset}
	case errors.As(err, &ve):
		return outcome{Instance: ve.Violations[0].InstanceLocation, Keyword: ve.Violations[0].Keyword, Violations: len(ve.Violations)}
	}
	t.Fatalf("unexpected error type %T: %v", err, err)
	return outcome{}
}

// TestHostileInput feeds input no parser should choke on. Each case must
// give a clear error naming the offset or pointer, without panicking and
// without unbounded memory or time.
func TestHostileInput(t *testing.T) {
	deep := strings.Repeat("[", 1_000_000) + strings.Repeat("]", 1_000_000)
	hugeNumber := "1" + strings.Repeat("0", 10_000_000)
	longString := `"` + strings.Repeat("a", 20<<20) + `"`
	tests := []struct {
		name   string
		doc    string
		order  bool // decode as objects.Order, else as roots.Anything
		want   outcome
		reason string
	}{
		{"empty", "", false, outcome{Syntax: true}, "a 0-byte document is not JSON"},
		{"whitespace", " \n\t", false, outcome{Syntax: true, Offset: 3}, "nor is white space alone"},
		{"truncated-object", `{"id":"a","count":`, true, outcome{Syntax: true, Offset: 18}, "truncation is reported at the end"},
		{"truncated-string", `{"id":"ab`, true, outcome{Syntax: true, Offset: 9}, "an unterminated string"},
		{"trailing-comma", `{"id":"a",}`, true, outcome{Syntax: true, Offset: 10}, "published samples sometimes have trailing commas"},
		{"trailing-data", `{"id":"a","count":1} x`, true, outcome{Syntax: true, Offset: 21}, "one document only"},
		{"bad-literal", `[tru]`, false, outcome{Syntax: true, Offset: 1}, "literals are checked"},
		{"bad-number", `[01]`, false, outcome{Syntax: true, Offset: 2}, "leading zeros are not JSON"},
		{"control-char", "[\"a\x01\"]", false, outcome{Syntax: true, Offset: 3}, "raw control characters are not allowed in strings"},
		{"bad-escape", `["\x"]`, false, outcome{Syntax: true, Offset: 2}, "unknown escapes"},
		{"invalid-utf8", "{\"id\":\"a\xffb\",\"count\":1}", true, outcome{Instance: "/id", Keyword: "utf8", Violations: 1}, "RFC 8259 requires UTF-8"},
		{"lone-surrogate", `{"id":"\ud800","count":1}`, true, outcome{Instance: "/id", Keyword: "utf8", Violations: 1}, "a lone surrogate is not a character"},
		{"invalid-utf8-key", "{\"\xff\":1}", false, outcome{Keyword: "utf8", Violations: 1}, "member names too, reported at the object that holds them"},
		{"duplicate-declared", `{"id":"a","count":1,"count":2}`, true, outcome{Instance: "/count", Keyword: "duplicate", Violations: 1}, "duplicates smuggle values past validators"},
		{"duplicate-raw", `{"a":{"b":1,"b":2}}`, false, outcome{Instance: "/a/b", Keyword: "duplicate", Violations: 1}, "duplicates are found at any depth"},
		{"int-too-large", `{"id":"a","count":99999999999999999999}`, true, outcome{Instance: "/count", Keyword: "maximum", Violations: 1}, "the schema's maximum catches it first"},
		{"number-10M-digits", `{"id":"a","count":` + hugeNumber + `}`, true, outcome{Instance: "/count", Keyword: "maximum", Violations: 1}, "a 10,000,000-digit number is compared in linear time"},
		{"number-10M-digits-raw", `[` + hugeNumber + `]`, false, outcome{}, "kept as raw text, no limit to violate"},
		{"deep-nesting", deep, false, outcome{Syntax: true, Offset: int64(shapeimpl.DefaultMaxDepth)}, "nesting is limited, so no stack exhaustion"},
		{"long-string", `{"id":` + longString + `,"count":1}`, true, outcome{}, "a 20 MiB string is fine"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var err error
			if tt.order {
				var v objects.Order
				err = v.UnmarshalJSON([]byte(tt.doc))
			} else {
				var v roots.Anything
				err = v.UnmarshalJSON([]byte(tt.doc))
			}
			got := classify(t, err)
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("%s (-want +got):\n%s\nerror: %v", tt.reason, diff, err)
			}
		})
	}
}

// TestIntegerOutOfGoRange: a number the schema allows but the Go field
// cannot hold is a "goRange" violation, never a silent wrap-around.
func TestIntegerOutOfGoRange(t *testing.T) {
	var v objects.Order
	err := v.UnmarshalJSON([]byte(`{"id":"x","count":1,"labels":{"a":9223372036854775808,"b":1e400,"c":-9223372036854775808}}`))
	var ve *shape.ValidationError
	if !errors.As(err, &ve) {
		t.Fatalf("err = %v, want a *shape.ValidationError", err)
	}
	var got []string
	for _, x := range ve.Violations {
		got = append(got, x.InstanceLocation+" "+x.Keyword)
	}
	if diff := cmp.Diff([]string{"/labels/a goRange", "/labels/b goRange"}, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	if v.Labels.Value["c"] != -9223372036854775808 {
		t.Errorf("c = %d, want the minimum int64", v.Labels.Value["c"])
	}
}

func TestLenientToleratesUTF8AndDuplicates(t *testing.T) {
	var v objects.Order
	tolerated, err := shape.UnmarshalLenient([]byte("{\"id\":\"a\xff\",\"count\":1,\"count\":2}"), &v)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, x := range tolerated {
		got = append(got, x.InstanceLocation+" "+x.Keyword)
	}
	if diff := cmp.Diff([]string{"/id utf8", "/count duplicate"}, got); diff != "" {
		t.Errorf("tolerated (-want +got):\n%s", diff)
	}
	if v.ID != "a\uFFFD" || v.Count != 2 {
		t.Errorf("decoded %q %d, want the replacement character and the last duplicate", v.ID, v.Count)
	}
}

// TestLenientDuplicatesReencode: a document that repeats a member name
// inside a value lenient decoding keeps as sent (an unknown member, an item
// of the wrong type) decodes to a value Marshal can encode, with the last of
// each repeated name, as typed members read it; the repeat is reported.
func TestLenientDuplicatesReencode(t *testing.T) {
	for _, tt := range []struct{ doc, want string }{
		{`{"":[{"":"","":""}]}`, `{"":[{"":""}]}`},
		{`{"id":"1","x":{"a":1,"a":2}}`, `{"id":"1","x":{"a":2}}`},
		{`{"id":"1","customTags":[{"a":1,"a":2}]}`, `{"id":"1","customTags":[{"a":2}]}`},
	} {
		var inc v1.Incident
		tolerated, err := shape.UnmarshalLenient([]byte(tt.doc), &inc)
		if err != nil {
			t.Fatalf("%s: %v", tt.doc, err)
		}
		if !strings.Contains(fmt.Sprint(tolerated), "duplicate member name") {
			t.Errorf("%s: the repeated name is not reported: %v", tt.doc, tolerated)
		}
		out, err := shape.Marshal(&inc)
		if err != nil || string(out) != tt.want {
			t.Errorf("%s re-encodes as %s, %v; want %s", tt.doc, out, err, tt.want)
		}
	}
}
