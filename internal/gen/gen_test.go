package gen

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/graphshape/graphshape/internal/model"
	"github.com/graphshape/graphshape/internal/naming"
	"github.com/graphshape/graphshape/schema"
)

func TestGenerateBadInput(t *testing.T) {
	tests := []struct {
		name    string
		schema  string
		is      func(error) bool // the error type callers branch on; nil if none
		contain []string         // the message names the place
		reason  string
	}{
		{
			name: "invalid-json", schema: `{"type": "object",}`,
			is:      func(err error) bool { var e *schema.SyntaxError; return errors.As(err, &e) && e.Offset > 0 },
			contain: []string{"t.schema.json", "byte offset"},
			reason:  "a syntax error gives the byte offset",
		},
		{
			name: "duplicate-key", schema: `{"type": "object", "type": "string"}`,
			contain: []string{"t.schema.json", `duplicate member "type"`},
			reason:  "duplicate keys make a schema ambiguous",
		},
		{
			name: "not-a-schema", schema: `{"type": 5}`,
			contain: []string{"t.schema.json", "/type"},
			reason:  "the metaschema rejects it, naming the keyword",
		},
		{
			name: "unsupported-unevaluatedProperties", schema: `{"type": "object", "properties": {"a": {"type": "object", "unevaluatedProperties": false}}}`,
			is: func(err error) bool {
				var e *model.UnsupportedError
				return errors.As(err, &e) && e.Keyword == "unevaluatedProperties"
			},
			contain: []string{"t.schema.json#/properties/a", `"unevaluatedProperties"`},
			reason:  "a keyword the generator does not honour is rejected with its location",
		},
		{
			name: "unsupported-dependentSchemas", schema: `{"$defs": {"x": {"dependentSchemas": {"a": {"required": ["b"]}}}}}`,
			is: func(err error) bool {
				var e *model.UnsupportedError
				return errors.As(err, &e) && e.Keyword == "dependentSchemas"
			},
			contain: []string{"t.schema.json#/$defs/x", `"dependentSchemas"`},
			reason:  "rejected where it stands, in a $defs entry too",
		},
		{
			name: "ref-with-siblings", schema: `{"$defs": {"x": {"type": "string"}}, "properties": {"a": {"$ref": "#/$defs/x", "minLength": 2}}}`,
			is: func(err error) bool {
				var e *model.UnsupportedError
				return errors.As(err, &e) && e.Keyword == "minLength"
			},
			contain: []string{"t.schema.json#/properties/a", "beside $ref"},
			reason:  "constraints beside $ref are not honoured, so they are rejected",
		},
		{
			name: "typo-keyword", schema: `{"type": "string", "maxLenght": 3}`,
			is: func(err error) bool {
				var e *model.UnsupportedError
				return errors.As(err, &e) && e.Keyword == "maxLenght"
			},
			contain: []string{"t.schema.json#", `"maxLenght"`},
			reason:  "an unknown keyword (a typo) is not silently ignored",
		},
		{
			name: "unknown-format", schema: `{"type": "string", "format": "color"}`,
			is: func(err error) bool {
				var e *model.UnsupportedError
				return errors.As(err, &e) && e.Keyword == "format"
			},
			contain: []string{`format "color"`},
			reason:  "a format the generator cannot assert is rejected",
		},
		{
			name: "remote-ref", schema: `{"type": "object", "properties": {"a": {"$ref": "https://example.com/a.json"}}}`,
			is:      func(err error) bool { var e *schema.RemoteRefError; return errors.As(err, &e) },
			contain: []string{"https://example.com/a.json", "not supported"},
			reason:  "graphshape never fetches a remote schema",
		},
		{
			name: "ref-to-nowhere", schema: `{"type": "object", "properties": {"a": {"$ref": "#/$defs/missing"}}}`,
			contain: []string{"t.schema.json", "#/$defs/missing"},
			reason:  "a dangling local reference names itself",
		},
		{
			name: "name-collision", schema: `{"type": "object", "properties": {"tenantId": {"type": "string"}, "tenantID": {"type": "string"}}}`,
			is:      func(err error) bool { var e *naming.CollisionError; return errors.As(err, &e) && e.Name == "TenantID" },
			contain: []string{"TenantID", "#/properties/tenantID", "#/properties/tenantId"},
			reason:  "two JSON names mapping to one Go name are an error naming both",
		},
		{
			name: "method-collision", schema: `{"type": "object", "properties": {"validate": {"type": "string"}}}`,
			is:      func(err error) bool { var e *naming.CollisionError; return errors.As(err, &e) },
			contain: []string{"Validate", "#/properties/validate"},
			reason:  "a field may not take the name of a generated method",
		},
		{
			name: "type-collision", schema: `{"title": "Thing", "$defs": {"thing": {"type": "string"}}}`,
			is:      func(err error) bool { var e *naming.CollisionError; return errors.As(err, &e) && e.Name == "Thing" },
			contain: []string{"#/$defs/thing"},
			reason:  "a $defs entry may not take the root type's name",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			files, err := Generate(Options{SchemaName: "t.schema.json", Schema: []byte(tt.schema), Package: "p"})
			if err == nil {
				t.Fatalf("Generate succeeded with %d files, want an error (%s)", len(files), tt.reason)
			}
			if tt.is != nil && !tt.is(err) {
				t.Errorf("error %v (%T) is not of the expected type (%s)", err, err, tt.reason)
			}
			for _, c := range tt.contain {
				if !strings.Contains(err.Error(), c) {
					t.Errorf("error %q does not contain %q (%s)", err, c, tt.reason)
				}
			}
		})
	}
}

func TestGenerateRootName(t *testing.T) {
	tests := []struct {
		name, file, schema, root, want, reason string
	}{
		{"flag", "x.schema.json", `{"title": "Ignored"}`, "Chosen", "Chosen", "-root wins"},
		{"title", "x.schema.json", `{"title": "my thing"}`, "", "MyThing", "then the title"},
		{"file", "order-line.schema.json", `{}`, "", "OrderLine", "then the file name"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			files, err := Generate(Options{SchemaName: tt.file, Schema: []byte(tt.schema), Package: "p", Root: tt.root})
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(string(files[0].Source), "\ntype "+tt.want+" ") {
				t.Errorf("no type %s in %s (%s)", tt.want, files[0].Name, tt.reason)
			}
		})
	}
}

func TestWriteKeepsForeignFiles(t *testing.T) {
	dir := t.TempDir()
	files, err := Generate(Options{SchemaName: "a.schema.json", Schema: []byte(`{"title": "A", "type": "string"}`), Package: "p"})
	if err != nil {
		t.Fatal(err)
	}
	mine := filepath.Join(dir, "mine.go")
	foreignGen := filepath.Join(dir, "handwritten_gen.go")
	write(t, mine, "package p\n")
	write(t, foreignGen, "package p\n// not ours\n")
	oldGen := filepath.Join(dir, "old_gen.go")
	write(t, oldGen, "// "+headerText()+"\npackage p\n")
	if err := Write(dir, files); err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{mine, foreignGen} {
		if _, err := os.Stat(p); err != nil {
			t.Errorf("%s was removed: the generator must never delete a file it did not write", p)
		}
	}
	if _, err := os.Stat(oldGen); !os.IsNotExist(err) {
		t.Errorf("%s, generated earlier and no longer produced, was not removed", oldGen)
	}
	stale, err := Stale(dir, files)
	if err != nil {
		t.Fatal(err)
	}
	if len(stale) != 0 {
		t.Errorf("Stale after Write = %v, want none", stale)
	}
	// Edit a generated file: Stale names it; Write restores it.
	write(t, filepath.Join(dir, files[0].Name), "// "+headerText()+"\npackage p // edited\n")
	stale, _ = Stale(dir, files)
	if diff := cmp.Diff([]string{files[0].Name}, stale); diff != "" {
		t.Errorf("Stale (-want +got):\n%s", diff)
	}
	// A foreign file in the way of an output file: refuse, write nothing.
	dir2 := t.TempDir()
	write(t, filepath.Join(dir2, files[0].Name), "package p\n// hand-written\n")
	err = Write(dir2, files)
	var fe *ForeignFileError
	if !errors.As(err, &fe) {
		t.Fatalf("Write over a foreign file: err = %v, want *ForeignFileError", err)
	}
	entries, _ := os.ReadDir(dir2)
	if len(entries) != 1 {
		t.Errorf("Write refused but left %d files, want only the foreign one", len(entries))
	}
}

func headerText() string { return string(headerLine[3:]) }

func write(t *testing.T, path, s string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(s), 0o644); err != nil {
		t.Fatal(err)
	}
}
