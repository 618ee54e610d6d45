package gen

import (
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/graphshape/graphshape/internal/model"
	"github.com/graphshape/graphshape/schema"
)

// TestLoad: one loader for diff and metadata-check: a built-in version
// names its repository file, a file its own path, and errors keep their
// types.
func TestLoad(t *testing.T) {
	src, err := Load("beta", model.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if src.File != "schema/beta/incident.schema.json" || src.Name != "incident.schema.json" || src.Model == nil || src.Doc == nil || len(src.Data) == 0 {
		t.Errorf("beta: file %q, name %q, model %v", src.File, src.Name, src.Model != nil)
	}
	dir := t.TempDir()
	file := filepath.Join(dir, "pet.schema.json")
	if err := os.WriteFile(file, []byte(`{"title": "pet", "type": "object", "properties": {"name": {"type": "string"}}}`), 0o644); err != nil {
		t.Fatal(err)
	}
	src, err = Load(file, model.Options{Root: "Animal"})
	if err != nil {
		t.Fatal(err)
	}
	if src.File != filepath.ToSlash(file) || src.Arg != file || src.Model.Root.GoName != "Animal" {
		t.Errorf("file: File %q, Arg %q, root %q", src.File, src.Arg, src.Model.Root.GoName)
	}
	var le *schema.LoadError
	if _, err := Load(filepath.Join(dir, "absent.json"), model.Options{}); !errors.As(err, &le) {
		t.Errorf("a missing file: %v, want a *schema.LoadError", err)
	}
	bad := filepath.Join(dir, "bad.json")
	if err := os.WriteFile(bad, []byte(`{"type": "object", "maxLenght": 3}`), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := Load(bad, model.Options{}); err == nil || errors.As(err, &le) {
		t.Errorf("an unsupported keyword: %v, want a model error", err)
	}
}

// TestSourceFile: a file named like a built-in version shadows it, in
// Load and in the annotation path alike.
func TestSourceFile(t *testing.T) {
	if got := SourceFile("v1.0"); got != "schema/v1.0/incident.schema.json" {
		t.Errorf("SourceFile(v1.0) = %q", got)
	}
	dir := t.TempDir()
	t.Chdir(dir)
	if err := os.WriteFile("v1.0", []byte(`{"type": "string"}`), 0o644); err != nil {
		t.Fatal(err)
	}
	if got := SourceFile("v1.0"); got != "v1.0" {
		t.Errorf("shadowed: SourceFile(v1.0) = %q, want the local file", got)
	}
	src, err := Load("v1.0", model.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if src.Name != "v1.0" || string(src.Data) != `{"type": "string"}` {
		t.Errorf("shadowed: Load read %q (%s), want the local file", src.Name, src.Data)
	}
}
