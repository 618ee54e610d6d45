package schema

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestCompileHostile(t *testing.T) {
	tests := []struct {
		name, doc string
		want      string // substring of the error; "" for none
		reason    string
	}{
		{"huge-exponent", `{"properties":{"a":{"maxLength":1e99999999999}}}`, "s.json#/properties/a/maxLength: number 1e99999999999", "v5's big.Rat fails on it and v5 panics"},
		{"huge-negative-exponent", `{"minimum":1E-9999999}`, "s.json#/minimum", "a negative exponent as well"},
		{"exponent-leading-zeros", `{"minimum":1e0000000000000000000005}`, "", "leading zeros do not count"},
		{"exponent-at-limit", `{"minimum":1e10000}`, "", "the limit itself is allowed"},
		{"exponent-over-limit", `{"minimum":1e+10001}`, "the exponent +10001", "one beyond is refused"},
		{"long-number", `{"enum":[` + strings.Repeat("1", MaxNumberLength+1) + `]}`, "s.json#/enum/0: number 1111", "a number longer than MaxNumberLength"},
		{"panic-recovered-or-refused", `{"enum":[1e99999999999,2]}`, "s.json#/enum/0", "the enum v5 would hash"},
		{"draft-04", `{"$schema":"http://json-schema.org/draft-04/schema#"}`, `s.json#/$schema: "http://json-schema.org/draft-04/schema#" is not draft 2020-12`, "other drafts are refused"},
		{"draft-latest", `{"$schema":"https://json-schema.org/schema"}`, "is not draft 2020-12", "'latest' changes meaning over time"},
		{"draft-not-string", `{"$schema":1}`, "a json.Number is not draft 2020-12", "a non-string $schema"},
		{"draft-custom", `{"$schema":"https://example.com/meta"}`, `remote reference "https://example.com/meta"`, "a custom meta-schema is never fetched"},
		{"draft-2019", `{"$schema":"https://json-schema.org/draft/2019-09/schema"}`, "is not draft 2020-12", "2019-09 differs too"},
		{"draft-2020-http", `{"$schema":"http://json-schema.org/draft/2020-12/schema"}`, "", "http spelling of 2020-12"},
		{"invalid-utf8-name", "{\"properties\":{\"a\xff\":{}}}", "s.json: invalid JSON at byte offset 17: invalid UTF-8", "encoding/json would read the name as a\uFFFD"},
		{"invalid-utf8-pattern", "{\"pattern\":\"^\xc3$\"}", "byte offset 13: invalid UTF-8", "a truncated sequence in a pattern"},
		{"lone-surrogate", `{"properties":{"a\ud800":{}}}`, `byte offset 17: a \u escape of half a UTF-16 surrogate pair`, "a lone high surrogate"},
		{"lone-low-surrogate", `{"const":"\udc00x"}`, "byte offset 10: a \\u escape", "a lone low surrogate"},
		{"high-then-not-low", `{"const":"\ud800\u0041"}`, "byte offset 10", "a high surrogate followed by another escape"},
		{"surrogate-pair", `{"const":"\ud83d\ude00 \\ud800"}`, "", "a pair is a character; an escaped backslash before ud800 is no escape"},
		{"utf8-ok", `{"const":"ß😀"}`, "", "valid UTF-8 is kept"},
		{"draft-2020-hash", `{"$schema":"https://json-schema.org/draft/2020-12/schema#"}`, "", "trailing #"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, _, err := Compile("s.json", []byte(tc.doc))
			got := ""
			if err != nil {
				got = err.Error()
			}
			if tc.want == "" {
				if err != nil {
					t.Fatalf("%s: unexpected error %v", tc.reason, err)
				}
				return
			}
			if !strings.Contains(got, tc.want) {
				t.Fatalf("%s: error %q does not contain %q", tc.reason, got, tc.want)
			}
		})
	}
}

func TestCheckNumbers(t *testing.T) {
	doc, err := Parse("d.json", []byte(`{"b":[1,2],"a":{"x":1.5e3}}`))
	if err != nil {
		t.Fatal(err)
	}
	if err := CheckNumbers("d.json", doc.Root); err != nil {
		t.Fatalf("ordinary numbers refused: %v", err)
	}
	var ne *NumberError
	err = CheckNumbers("", []any{map[string]any{"a/b": json.Number("1e20000")}})
	if !errors.As(err, &ne) {
		t.Fatalf("got %v, want a *NumberError", err)
	}
	if diff := cmp.Diff("/0/a~1b", ne.Pointer); diff != "" {
		t.Errorf("pointer (-want +got):\n%s", diff)
	}
}
