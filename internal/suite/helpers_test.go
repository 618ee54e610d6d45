package suite

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/graphshape/graphshape/internal/gen"
	"github.com/graphshape/graphshape/internal/model"
	"github.com/graphshape/graphshape/schema"
)

func TestParseOutput(t *testing.T) {
	tests := []struct {
		name    string
		out     string
		want    []Result
		wantErr bool
	}{
		{name: "empty", out: ""},
		{
			name: "verdicts and details",
			out:  "a.json\tg\tt1\tvalid\na.json\tg\tt2\tinvalid\t\"(root): bad\\tthing\"\n",
			want: []Result{
				{Key: Key{File: "a.json", Group: "g", Test: "t1"}, Verdict: Valid},
				{Key: Key{File: "a.json", Group: "g", Test: "t2"}, Verdict: Invalid, Detail: "(root): bad\tthing"},
			},
		},
		{name: "unknown verdict", out: "a.json\tg\tt\tmaybe\n", wantErr: true},
		{name: "too few columns", out: "a.json\tg\tvalid\n", wantErr: true},
		{name: "detail not quoted", out: "a.json\tg\tt\terror\toops\n", wantErr: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ParseOutput([]byte(tt.out))
			if (err != nil) != tt.wantErr {
				t.Fatalf("error %v, want error %v", err, tt.wantErr)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("results (-want +got):\n%s", diff)
			}
		})
	}
}

func TestBrokenPackages(t *testing.T) {
	out := "# suite/g007\ng007/root_gen.go:3:1: syntax error\n# suite\n./main.go:1:1: oops\n# suite/g012\ng012/rules_gen.go:9:2: undefined: x\n"
	want := map[string]string{
		"g007": "g007/root_gen.go:3:1: syntax error\n",
		"g012": "g012/rules_gen.go:9:2: undefined: x\n\n",
	}
	if diff := cmp.Diff(want, brokenPackages([]byte(out))); diff != "" {
		t.Errorf("broken packages (-want +got):\n%s", diff)
	}
}

func TestSkipKeyword(t *testing.T) {
	tests := []struct {
		name string
		err  error
		want string
	}{
		{"unsupported keyword", &model.UnsupportedError{Keyword: "allOf"}, "allOf"},
		{"wrapped remote ref", fmt.Errorf("x: %w", &schema.RemoteRefError{URL: "http://x/y.json"}), "$ref (remote)"},
		{"anchor", &model.RefError{Ref: "#foo", Detail: "anchors are not supported; use a JSON Pointer"}, "$ref (anchor)"},
		{"other resource", &model.RefError{Ref: "node", Detail: "only references within the document (#/...) are supported"}, "$ref (URI of another resource)"},
		{"unresolved pointer is a bug", &model.RefError{Ref: "#/$defs/a%25b", Detail: "no such location in the document"}, ""},
		{"other error is a bug", errors.New("boom"), ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := skipKeyword(tt.err); got != tt.want {
				t.Errorf("skipKeyword(%v) = %q, want %q", tt.err, got, tt.want)
			}
		})
	}
}

// TestSkipKeywordFromGenerate checks the classification on the errors the
// generator really returns.
func TestSkipKeywordFromGenerate(t *testing.T) {
	tests := []struct {
		schema string
		want   string
	}{
		{`{"unevaluatedItems": false}`, "unevaluatedItems"},
		{`{"format": "iri"}`, "format"},
		{`{"$ref": "http://example.com/x.json"}`, "$ref (remote)"},
		{`{"$defs": {"a": {"$anchor": "a"}}, "$ref": "#a"}`, "$ref (anchor)"},
		{`{"pattern": "^\\cC$"}`, "pattern (not RE2 syntax)"},
	}
	for _, tt := range tests {
		t.Run(tt.schema, func(t *testing.T) {
			_, err := gen.Generate(gen.Options{SchemaName: "x.schema.json", Schema: []byte(tt.schema), Package: "g", Root: root})
			if err == nil {
				t.Fatal("generation succeeded, want an error")
			}
			if got := skipKeyword(err); got != tt.want {
				t.Errorf("skipKeyword(%v) = %q, want %q", err, got, tt.want)
			}
		})
	}
}

func TestLoadLedger(t *testing.T) {
	tests := []struct {
		name    string
		json    string
		wantErr bool
	}{
		{"test entry", `[{"file": "a.json", "group": "g", "test": "t", "reason": "r"}]`, false},
		{"group entry", `[{"file": "a.json", "group": "g", "reason": "known bug: r"}]`, false},
		{"no reason", `[{"file": "a.json", "group": "g", "test": "t", "reason": " "}]`, true},
		{"twice", `[{"file": "a.json", "group": "g", "test": "t", "reason": "r"}, {"file": "a.json", "group": "g", "test": "t", "reason": "s"}]`, true},
		{"unknown field", `[{"file": "a.json", "group": "g", "test": "t", "reason": "r", "why": "x"}]`, true},
		{"null", `null`, true},
		{"trailing data", `[{"file": "a.json", "group": "g", "test": "t", "reason": "r"}] x`, true},
		{"no group", `[{"file": "a.json", "test": "t", "reason": "r"}]`, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "ledger.json")
			if err := os.WriteFile(path, []byte(tt.json), 0o644); err != nil {
				t.Fatal(err)
			}
			if _, err := LoadLedger(path); (err != nil) != tt.wantErr {
				t.Errorf("error %v, want error %v", err, tt.wantErr)
			}
		})
	}
}
