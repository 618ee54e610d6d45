package schema

import (
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// nest returns n nested arrays around 0.
func nest(n int) string { return strings.Repeat("[", n) + "0" + strings.Repeat("]", n) }

func TestParse(t *testing.T) {
	tests := []struct {
		name    string
		data    string
		wantErr string // "" when the document parses
		syntax  bool   // the error is a *SyntaxError
		reason  string
	}{
		{name: "object", data: `{"type": "object"}`, reason: "a plain schema parses"},
		{name: "boolean", data: `true`, reason: "a boolean schema is a document too"},
		{name: "syntax", data: `{"type": }`, wantErr: "invalid JSON at byte offset", syntax: true, reason: "a syntax error gives the offset"},
		{name: "truncated", data: `{"type": "object"`, wantErr: "unexpected end of document", syntax: true, reason: "a truncated document is a syntax error at its end"},
		{name: "duplicate", data: `{"a": {"b": 1, "b": 2}}`, wantErr: `duplicate member "b" at /a`, reason: "duplicate members make a schema ambiguous"},
		{name: "duplicate-at-root", data: `{"a": 1, "a": 2}`, wantErr: `duplicate member "a" at (root)`, reason: "the root is shown as (root), as everywhere"},
		{name: "duplicate-escaped", data: `{"a/b~c": {"x": 1, "x": 2}}`, wantErr: `duplicate member "x" at /a~1b~0c`, reason: "member names are RFC 6901 tokens in locations"},
		{name: "trailing", data: `{} {}`, wantErr: "unexpected data after the document", reason: "one document per file"},
		{name: "nesting-at-limit", data: `{"a":` + nest(MaxNesting-1) + `}`, reason: "MaxNesting arrays and objects are allowed"},
		{name: "nesting-over-limit", data: `{"a":` + nest(MaxNesting) + `}`, wantErr: "nest more than 256 deep (schema.MaxNesting) at /a/0/0", reason: "one more is refused, naming where"},
		{name: "nesting-far-over-limit", data: nest(1_000_000), wantErr: "schema.MaxNesting", reason: "a million levels are refused at once, not compiled for minutes"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := Parse("dir/t.schema.json", []byte(tt.data))
			if tt.wantErr == "" {
				if err != nil {
					t.Fatalf("%s: %v", tt.reason, err)
				}
				if doc.Name != "t.schema.json" || doc.URL != BaseURL+"t.schema.json" {
					t.Errorf("%s: name %q, URL %q; want the base name under BaseURL", tt.reason, doc.Name, doc.URL)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) || !strings.HasPrefix(err.Error(), "t.schema.json: ") {
				t.Fatalf("%s: error %v; want one starting with the document name and containing %q", tt.reason, err, tt.wantErr)
			}
			var se *SyntaxError
			if got := errors.As(err, &se); got != tt.syntax {
				t.Errorf("%s: errors.As(*SyntaxError) = %v, want %v", tt.reason, got, tt.syntax)
			}
		})
	}
}

func TestCompile(t *testing.T) {
	tests := []struct {
		name    string
		data    string
		wantErr string
		remote  bool // the error wraps a *RemoteRefError
		reason  string
	}{
		{name: "local-ref", data: `{"$defs": {"a": {"type": "string"}}, "$ref": "#/$defs/a"}`, reason: "local references compile"},
		{name: "remote-ref", data: `{"$ref": "https://example.com/s.json"}`, wantErr: "remote reference", remote: true, reason: "nothing is fetched"},
		{name: "metaschema", data: `{"type": 5}`, wantErr: "/type", reason: "the metaschema's verdict names the keyword"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, s, err := Compile("t.schema.json", []byte(tt.data))
			if tt.wantErr == "" {
				if err != nil || s == nil {
					t.Fatalf("%s: %v", tt.reason, err)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Fatalf("%s: error %v; want one containing %q", tt.reason, err, tt.wantErr)
			}
			var re *RemoteRefError
			if got := errors.As(err, &re); got != tt.remote {
				t.Errorf("%s: errors.As(*RemoteRefError) = %v, want %v", tt.reason, got, tt.remote)
			}
		})
	}
}

func TestDefsSorted(t *testing.T) {
	doc, err := Parse("t.schema.json", []byte(`{"$defs": {"b": {}, "a": {}, "c~1d": {}}}`))
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]string{"a", "b", "c~1d"}, doc.Defs()); diff != "" {
		t.Errorf("Defs are the names as written, sorted (-want +got):\n%s", diff)
	}
}

func TestBuiltin(t *testing.T) {
	for _, v := range Versions {
		t.Run(v, func(t *testing.T) {
			data, file, err := Builtin(v)
			if err != nil || len(data) == 0 || !strings.HasSuffix(file, "incident.schema.json") || !IsBuiltin(v) {
				t.Fatalf("Builtin(%q) = %d bytes, %q, %v", v, len(data), file, err)
			}
			if _, _, err := Compile("incident.schema.json", data); err != nil {
				t.Errorf("the built-in %s schema does not compile: %v", v, err)
			}
		})
	}
	if _, _, err := Builtin("v2"); err == nil || IsBuiltin("v2") {
		t.Error("an unknown version is an error")
	}
}
