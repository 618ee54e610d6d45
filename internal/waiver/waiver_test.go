package waiver

import (
	"errors"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

type entry struct {
	Name   string `json:"name"`
	Reason string `json:"reason"`
}

var spec = Spec[entry]{
	Kind:   "test list",
	Key:    func(e entry) string { return e.Name },
	Reason: func(e entry) string { return e.Reason },
	Check: func(e entry) error {
		if e.Name == "" {
			return errors.New("missing name")
		}
		return nil
	},
}

func TestParse(t *testing.T) {
	got, err := spec.Parse("t.json", []byte(" [{\"name\":\"a\",\"reason\":\"r\"},\n{\"name\":\"b\",\"reason\":\"s\"}]\n"))
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]entry{{"a", "r"}, {"b", "s"}}, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	empty, err := spec.Parse("t.json", []byte(`[]`))
	if err != nil || empty == nil || len(empty) != 0 {
		t.Errorf("empty list: %v, %v; want an empty, non-nil list", empty, err)
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct {
		name, data, want, reason string
	}{
		{"null", `null`, "test list t.json: want a JSON array of entries", "null is not an empty list (issue 15 point 9)"},
		{"empty-file", ``, "want a JSON array", "nothing is not a list"},
		{"object", `{"name":"a","reason":"r"}`, "want a JSON array", "one entry must still be in an array"},
		{"bom", "\ufeff[]", "want a JSON array", "a byte-order mark is not JSON"},
		{"trailing-garbage", `[{"name":"a","reason":"r"}] xyz`, "trailing data after the array", "nothing may follow the array"},
		{"second-array", `[] []`, "trailing data after the array", "two arrays are not one list"},
		{"unknown-field", `[{"name":"a","reason":"r","why":"?"}]`, `unknown field "why"`, "a typo in a field name is caught"},
		{"syntax", `[{"name":`, "test list t.json: unexpected EOF", "syntax errors name the file"},
		{"blank-reason", `[{"name":"a","reason":"  "}]`, "entry 0 (a): a reason is required", "every entry needs a reason"},
		{"no-reason", `[{"name":"a"}]`, "entry 0 (a): a reason is required", "an absent reason is blank"},
		{"missing-field", `[{"reason":"r"}]`, "entry 0: missing name", "Check names the mandatory field"},
		{"null-entry", `[null]`, "entry 0: missing name", "a null entry has no fields"},
		{"repeated-member", `[{"name":"a","reason":"r","name":"b"}]`, `test list t.json: t.json: duplicate member "name" at /0`, "the first name would be lost silently"},
		{"invalid-utf8", "[{\"name\":\"a\xff\",\"reason\":\"r\"}]", "test list t.json: t.json: invalid JSON at byte offset 11: invalid UTF-8", "the name would silently be a\uFFFD"},
		{"lone-surrogate", `[{"name":"a\udc00","reason":"r"}]`, "byte offset 11: a \\u escape of half a UTF-16 surrogate pair", "the same for an escape"},
		{"duplicate", `[{"name":"a","reason":"r"},{"name":"b","reason":"r"},{"name":"a","reason":"s"}]`, "entry 2 (a): duplicate of entry 0", "duplicates are ambiguous"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := spec.Parse("t.json", []byte(tt.data))
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("Parse = %v, %v; want an error containing %q (%s)", got, err, tt.want, tt.reason)
			}
		})
	}
}

func TestLoadMissingFile(t *testing.T) {
	_, err := spec.Load(filepath.Join(t.TempDir(), "nope.json"))
	if err == nil || !strings.HasPrefix(err.Error(), "test list: ") {
		t.Errorf("Load of a missing file: %v, want an error naming the kind", err)
	}
}

func TestApply(t *testing.T) {
	entries := []entry{{"a", "r"}, {"b", "r"}, {"z", "stale"}}
	findings := []string{"a1", "b1", "c1", "a2"}
	kept, waived, stale := Apply(entries, findings, func(e entry, f string) bool { return strings.HasPrefix(f, e.Name) })
	if diff := cmp.Diff([]string{"c1"}, kept); diff != "" {
		t.Errorf("kept (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{"a1", "b1", "a2"}, waived); diff != "" {
		t.Errorf("waived (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]entry{{"z", "stale"}}, stale); diff != "" {
		t.Errorf("stale (-want +got):\n%s", diff)
	}
}
