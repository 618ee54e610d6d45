package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/graphshape/graphshape/internal/golden"
)

// validateCase runs gen validate end to end.
type validateCase struct {
	name     string
	args     []string
	stdin    string
	wantCode int
	contains []string // in stdout+stderr
	golden   bool     // compare stdout with testdata/validate/<name>.golden
	reason   string
}

func writeInputs(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	read := func(p string) []byte {
		b, err := os.ReadFile(filepath.Join("..", "..", "testdata", p))
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	compact := func(b []byte) string {
		var buf bytes.Buffer
		if err := json.Compact(&buf, b); err != nil {
			t.Fatal(err)
		}
		return buf.String()
	}
	v1 := read("v1.0/get-incident.json")
	beta := read("beta/get-incident.json")
	list := read("v1.0/own/list-paged.json")
	files := map[string]string{
		"v1.json":      string(v1),
		"beta.json":    string(beta),
		"list.json":    string(list),
		"lines.jsonl":  compact(v1) + "\n" + compact(beta) + "\n" + `{"id": "broken",` + "\n" + compact(list) + "\n",
		"empty.json":   "",
		"blank.jsonl":  "\n\n",
		"notjson.json": "this is not JSON\n",
	}
	for name, content := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Mkdir(filepath.Join(dir, "adir"), 0o755); err != nil {
		t.Fatal(err)
	}
	return dir
}

func TestValidateCommand(t *testing.T) {
	dir := writeInputs(t)
	schemaFile, err := filepath.Abs("../../schema/v1.0/incident.schema.json")
	if err != nil {
		t.Fatal(err)
	}
	tests := []validateCase{
		{name: "valid", args: []string{"validate", "v1.json"}, wantCode: 0, golden: true, reason: "the v1.0 sample is valid"},
		{name: "invalid-text", args: []string{"validate", "-version", "beta", "beta.json"}, wantCode: 1, golden: true, reason: "text: file:line: pointer: message, then the summary and drift"},
		{name: "invalid-json", args: []string{"validate", "-version", "beta", "-format", "json", "beta.json"}, wantCode: 1, golden: true, reason: "json: one object per document"},
		{name: "invalid-github", args: []string{"validate", "-version", "beta", "-format", "github", "beta.json"}, wantCode: 1, golden: true, reason: "github: workflow annotations"},
		{name: "lenient", args: []string{"validate", "-version", "beta", "-lenient", "beta.json"}, wantCode: 1, golden: true, reason: "re-cased enums and unknown members are warnings; the const and required violations still fail"},
		{name: "list", args: []string{"validate", "list.json"}, wantCode: 0, contains: []string{"1 document: 1 valid"}, reason: "a list response is recognised by its value array"},
		{name: "list-forced-wrong", args: []string{"validate", "-type", "incident", "list.json"}, wantCode: 1, contains: []string{"missing required property"}, reason: "-type forces the type"},
		{name: "jsonl", args: []string{"validate", "-version", "v1.0", "lines.jsonl"}, wantCode: 1, golden: true, reason: "a broken line in the middle: the other lines are still checked"},
		{name: "stdin", args: []string{"validate", "-"}, stdin: "{\"id\":1}\n", wantCode: 1, contains: []string{"-:1:7: /id: got number, want string"}, reason: "- reads standard input"},
		{name: "schema-path", args: []string{"validate", "-schema", schemaFile, "-format", "json", "beta.json"}, wantCode: 1, contains: []string{`"instanceLocation":"/classification","keywordLocation":"/properties/classification/anyOf/0/$ref/enum","keyword":"enum"`}, reason: "-schema uses jsonschema v5 and reports the same shape"},
		{name: "empty-file", args: []string{"validate", "empty.json"}, wantCode: 1, contains: []string{"empty.json:1: document 1: holds no JSON document"}, reason: "an empty file holds no document, which fails"},
		{name: "blank-lines", args: []string{"validate", "blank.jsonl"}, wantCode: 1, contains: []string{"holds no JSON document"}, reason: "blank lines are no documents either"},
		{name: "not-json", args: []string{"validate", "notjson.json"}, wantCode: 1, contains: []string{"notjson.json:1:1: document 1: invalid JSON at byte offset 0"}, reason: "a document that is not JSON is invalid, not a crash"},
		{name: "directory", args: []string{"validate", "adir"}, wantCode: 2, contains: []string{"adir is a directory"}, reason: "a directory given as a file"},
		{name: "missing-file", args: []string{"validate", "nope.json"}, wantCode: 2, contains: []string{"nope.json", "no such file"}, reason: "an unreadable file"},
		{name: "unknown-flag", args: []string{"validate", "-bogus", "v1.json"}, wantCode: 2, contains: []string{"flag provided but not defined: -bogus"}, reason: "usage errors exit 2"},
		{name: "unknown-format", args: []string{"validate", "-format", "xml", "v1.json"}, wantCode: 2, contains: []string{`unknown format "xml"`}, reason: "usage errors exit 2"},
		{name: "unknown-version", args: []string{"validate", "-version", "v2", "v1.json"}, wantCode: 2, contains: []string{`unknown version "v2"`}, reason: "usage errors exit 2"},
		{name: "both-sources", args: []string{"validate", "-version", "beta", "-schema", schemaFile, "v1.json"}, wantCode: 2, contains: []string{"exclude each other"}, reason: "usage errors exit 2"},
		{name: "bad-schema", args: []string{"validate", "-schema", "notjson.json", "v1.json"}, wantCode: 2, contains: []string{"notjson.json:1:2: schema is not valid JSON"}, reason: "an unreadable schema exits 2"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, errOut, code := runGen(t, dir, []byte(tt.stdin), tt.args...)
			if code != tt.wantCode {
				t.Errorf("exit code %d, want %d (%s)\nstdout:\n%s\nstderr:\n%s", code, tt.wantCode, tt.reason, out, errOut)
			}
			for _, c := range tt.contains {
				if !strings.Contains(out+errOut, c) {
					t.Errorf("output lacks %q (%s)\nstdout:\n%s\nstderr:\n%s", c, tt.reason, out, errOut)
				}
			}
			if tt.golden {
				golden.Check(t, filepath.Join("testdata", "validate", tt.name+".golden"), []byte(out+errOut), *update)
			}
		})
	}
}
