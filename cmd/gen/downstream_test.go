package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestDownstream plays a downstream repository: a module outside this one
// (with a replace to it) declares gen as a tool, runs go generate on a small
// schema of its own, builds, and decodes a document with the result.
func TestDownstream(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a separate module; skipped with -short")
	}
	repo, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	files := map[string]string{
		"go.mod": "module example.com/pets\n\ngo 1.24\n\ntool github.com/graphshape/graphshape/cmd/gen\n\n" +
			"require github.com/graphshape/graphshape v0.0.0\n\nreplace github.com/graphshape/graphshape => " + repo + "\n",
		"pet.schema.json": `{
  "$schema": "https://json-schema.org/draft/2020-12/schema",
  "title": "Pet",
  "type": "object",
  "properties": {
    "name": {"type": "string", "minLength": 1},
    "kind": {"type": "string", "enum": ["cat", "dog", "unknownFutureValue"]},
    "born": {"type": ["string", "null"], "format": "date"}
  },
  "required": ["name", "kind"],
  "additionalProperties": false
}
`,
		"pets.go": "// Package pets is a downstream package.\npackage pets\n\n//go:generate go tool gen generate -schema pet.schema.json -out . -package pets\n",
		"main/main.go": `package main

import (
	"encoding/json"
	"fmt"
	"os"

	"example.com/pets"
	"github.com/graphshape/graphshape/generated/shape"
)

func main() {
	var p pets.Pet
	if err := p.UnmarshalJSON([]byte(os.Args[1])); err != nil {
		b, _ := json.Marshal(err)
		fmt.Println(string(b))
		return
	}
	tolerated, _ := shape.UnmarshalLenient([]byte(os.Args[1]), &p)
	fmt.Println("ok", p.Name, p.Kind, p.Born.State, len(tolerated))
}
`,
	}
	for name, content := range files {
		path := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	// The repository's go.sum holds the hashes of every module the tool
	// needs: with it, nothing asks the checksum database (no network).
	sum, err := os.ReadFile(filepath.Join(repo, "go.sum"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "go.sum"), sum, 0o644); err != nil {
		t.Fatal(err)
	}
	goCmd := "go" // go test puts its own go command first on PATH
	run := func(args ...string) string {
		t.Helper()
		cmd := exec.Command(goCmd, args...)
		cmd.Dir = dir
		cmd.Env = append(os.Environ(), "GOFLAGS=-mod=mod", "GOPROXY=off", "GOSUMDB=off", "GOWORK=off", "GOTOOLCHAIN=local")
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("go %s: %v\n%s", strings.Join(args, " "), err, out)
		}
		return string(out)
	}
	run("mod", "tidy")
	run("generate", "./...")
	if _, err := os.Stat(filepath.Join(dir, "pet_gen.go")); err != nil {
		t.Fatalf("go generate wrote no pet_gen.go: %v", err)
	}
	run("vet", "./...")
	if got := run("run", "./main", `{"name":"Rex","kind":"dog","born":null}`); got != "ok Rex dog null 0\n" {
		t.Errorf("valid document: got %q", got)
	}
	got := run("run", "./main", `{"name":"","kind":"Dog","colour":"red"}`)
	for _, want := range []string{`"instanceLocation":"/name","keywordLocation":"/properties/name/minLength"`,
		`"instanceLocation":"/kind","keywordLocation":"/properties/kind/enum"`,
		`"instanceLocation":"/colour","keywordLocation":"/additionalProperties"`} {
		if !strings.Contains(got, want) {
			t.Errorf("invalid document: output %s lacks %s", got, want)
		}
	}
	// The check mode sees the fresh output as up to date.
	run("tool", "gen", "generate", "-check", "-schema", "pet.schema.json", "-out", ".", "-package", "pets")
}
