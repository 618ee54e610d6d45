package allow

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

type finding struct{ rule, path string }

func TestApply(t *testing.T) {
	l, err := Parse("t.json", []byte(`[
		{"rule": "a", "path": "/x", "reason": "known"},
		{"rule": "b", "path": "/y/*", "reason": "subtree"},
		{"rule": "c", "path": "/z", "reason": "stale"}
	]`))
	if err != nil {
		t.Fatal(err)
	}
	fs := []finding{{"a", "/x"}, {"a", "/xx"}, {"b", "/y"}, {"b", "/y/z"}, {"b", "/yz"}}
	kept, allowed, stale := Apply(l, fs, func(f finding) (string, string) { return f.rule, f.path })
	if diff := cmp.Diff([]finding{{"a", "/xx"}, {"b", "/yz"}}, kept, cmp.AllowUnexported(finding{})); diff != "" {
		t.Errorf("kept (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]finding{{"a", "/x"}, {"b", "/y"}, {"b", "/y/z"}}, allowed, cmp.AllowUnexported(finding{})); diff != "" {
		t.Errorf("allowed (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]Entry{{Rule: "c", Path: "/z", Reason: "stale"}}, stale); diff != "" {
		t.Errorf("stale (-want +got):\n%s", diff)
	}
}

func TestApplyNilList(t *testing.T) {
	fs := []finding{{"a", "/x"}}
	kept, allowed, stale := Apply[finding](nil, fs, func(f finding) (string, string) { return f.rule, f.path })
	if len(kept) != 1 || allowed != nil || stale != nil {
		t.Errorf("nil list: kept %v allowed %v stale %v, want all kept", kept, allowed, stale)
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct {
		name, data, want, reason string
	}{
		{"no-reason", `[{"rule":"a","path":"/x","reason":" "}]`, "entry 0 (a /x): a reason is required", "every entry needs a reason"},
		{"no-rule", `[{"path":"/x","reason":"r"}]`, "entry 0: missing rule", "rule is mandatory"},
		{"no-path", `[{"rule":"a","reason":"r"}]`, "entry 0: missing path (rule a)", "path is mandatory"},
		{"unknown-field", `[{"rule":"a","path":"/x","reason":"r","why":"?"}]`, `unknown field "why"`, "typos in field names are caught"},
		{"duplicate", `[{"rule":"a","path":"/x","reason":"r"},{"rule":"a","path":"/x","reason":"s"}]`, "entry 1 (a /x): duplicate of entry 0", "duplicates are ambiguous"},
		{"not-json", `[{`, "allow-list t.json:", "syntax errors name the file"},
		{"null", `null`, "allow-list t.json: want a JSON array", "null is not an empty allow-list (issue 15 point 9)"},
		{"trailing-garbage", `[{"rule":"a","path":"/x","reason":"r"}]}`, "allow-list t.json: trailing data after the array", "nothing may follow the array"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse("t.json", []byte(tt.data))
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("Parse error = %v, want it to contain %q (%s)", err, tt.want, tt.reason)
			}
		})
	}
}
