package main

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// hostileCase runs gen end to end on adversarial input (issue 15): each must
// end with the given exit code and name the given text, never panic.
type hostileCase struct {
	name     string
	files    map[string]string // written into the working directory
	setup    func(t *testing.T, dir string)
	stdin    string
	args     []string
	wantCode int
	contains []string // in stdout+stderr
	reason   string
}

func runHostile(t *testing.T, tests []hostileCase) {
	t.Helper()
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			for name, content := range tc.files {
				if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			if tc.setup != nil {
				tc.setup(t, dir)
			}
			out, code := runGenTimeout(t, dir, []byte(tc.stdin), tc.args...)
			if strings.Contains(out, "panic") || strings.Contains(out, "goroutine") {
				t.Fatalf("%s: gen panicked:\n%s", tc.reason, out)
			}
			if code != tc.wantCode {
				t.Errorf("%s: exit code %d, want %d\n%s", tc.reason, code, tc.wantCode, out)
			}
			for _, c := range tc.contains {
				if !strings.Contains(out, c) {
					t.Errorf("%s: output does not name %q:\n%s", tc.reason, c, out)
				}
			}
		})
	}
}

// runGenTimeout runs the built binary like runGen, failing the test when it
// does not end within a minute (a hang).
func runGenTimeout(t *testing.T, dir string, stdin []byte, args ...string) (output string, code int) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, genBinary, args...)
	cmd.Dir = dir
	cmd.Stdin = bytes.NewReader(stdin)
	var o bytes.Buffer
	cmd.Stdout, cmd.Stderr = &o, &o
	err := cmd.Run()
	if ctx.Err() != nil {
		t.Fatalf("gen %s did not end within a minute:\n%s", strings.Join(args, " "), o.String())
	}
	if ee, ok := err.(*exec.ExitError); ok {
		return o.String(), ee.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	return o.String(), 0
}

// TestHostileNumbers: numbers jsonschema v5 cannot turn into a big.Rat made
// it panic in every command that reaches it (issue 15, point 1).
func TestHostileNumbers(t *testing.T) {
	huge := `{"properties":{"a":{"maxLength":1e99999999999}}}`
	enum := `{"enum":[1e99999999999,2]}`
	long := `{"priorityScore":` + strings.Repeat("7", 1_000_000) + `}`
	runHostile(t, []hostileCase{
		{name: "generate", files: map[string]string{"s.json": huge}, args: []string{"generate", "-schema", "s.json", "-out", "out", "-package", "p"},
			wantCode: 2, contains: []string{"s.json#/properties/a/maxLength", "exponent"}, reason: "the schema loader refuses the number, naming where"},
		{name: "diff", files: map[string]string{"s.json": huge, "t.json": `{}`}, args: []string{"diff", "t.json", "s.json"},
			wantCode: 2, contains: []string{"s.json#/properties/a/maxLength"}, reason: "gen diff loads through the same loader"},
		{name: "metadata-check", files: map[string]string{"s.json": huge, "n.txt": "incident\n"}, args: []string{"metadata-check", "-names", "n.txt", "-schema", "s.json"},
			wantCode: 2, contains: []string{"s.json#/properties/a/maxLength"}, reason: "gen metadata-check loads through the same loader"},
		{name: "validate-schema-enum", files: map[string]string{"e.json": enum}, stdin: "2\n", args: []string{"validate", "-schema", "e.json"},
			wantCode: 2, contains: []string{"e.json#/enum/0"}, reason: "a schema with such a number is refused before any document"},
		{name: "validate-document", stdin: `{"priorityScore":1e99999999999}` + "\n", args: []string{"validate", "-schema", "v1.0"},
			wantCode: 1, contains: []string{"instance /priorityScore", "exponent"}, reason: "the document's number is reported, naming where, and the run goes on"},
		{name: "validate-long-number", stdin: long, args: []string{"validate", "-schema", "v1.0"},
			wantCode: 1, contains: []string{"instance /priorityScore", "1000000 characters"}, reason: "a 1,000,000-digit number is refused in linear time, not handed to v5 (3.9 s before)"},
	})
}

// TestHostileDraft: a $schema other than draft 2020-12 was generated as if
// it were 2020-12 (issue 15, point 4).
func TestHostileDraft(t *testing.T) {
	d4 := `{"$schema":"http://json-schema.org/draft-04/schema#","properties":{"a":{"minimum":5,"exclusiveMinimum":true}}}`
	d7 := `{"$schema":"http://json-schema.org/draft-07/schema#","prefixItems":[{"type":"string"}]}`
	ok := `{"$schema":"https://json-schema.org/draft/2020-12/schema#","type":"object","title":"t"}`
	runHostile(t, []hostileCase{
		{name: "draft-04", files: map[string]string{"s.json": d4}, args: []string{"generate", "-schema", "s.json", "-out", "out", "-package", "p"},
			wantCode: 2, contains: []string{"s.json#/$schema", "draft-04", "not draft 2020-12"}, reason: "draft-04's boolean exclusiveMinimum would be ignored"},
		{name: "draft-07-validate", files: map[string]string{"s.json": d7}, stdin: "[1]\n", args: []string{"validate", "-schema", "s.json"},
			wantCode: 2, contains: []string{"s.json#/$schema", "not draft 2020-12"}, reason: "every command reads schemas the same way"},
		{name: "draft-07-diff", files: map[string]string{"s.json": d7, "t.json": `{}`}, args: []string{"diff", "t.json", "s.json"},
			wantCode: 2, contains: []string{"s.json#/$schema"}, reason: "gen diff refuses it too"},
		{name: "2020-12", files: map[string]string{"s.json": ok}, args: []string{"generate", "-schema", "s.json", "-out", "out", "-package", "p"},
			wantCode: 0, reason: "draft 2020-12 spelled with a trailing # is read"},
	})
}

// TestHostileOutputDirectory: gen generate hung on a FIFO named *_gen.go,
// and a killed run's temporaries were neither cleaned nor reported (issue
// 15, point 3).
func TestHostileOutputDirectory(t *testing.T) {
	sch := `{"title":"t","type":"object","properties":{"a":{"type":"string"}}}`
	gen := []string{"generate", "-schema", "s.json", "-out", "out", "-package", "p"}
	check := append(append([]string(nil), gen...), "-check")
	mkfifo := func(t *testing.T, dir string) {
		if err := os.Mkdir(filepath.Join(dir, "out"), 0o755); err != nil {
			t.Fatal(err)
		}
		if out, err := exec.Command("mkfifo", filepath.Join(dir, "out", "t_gen.go")).CombinedOutput(); err != nil {
			t.Fatalf("mkfifo: %v\n%s", err, out)
		}
	}
	leftover := func(t *testing.T, dir string) {
		if _, code := runGenTimeout(t, dir, nil, gen...); code != 0 {
			t.Fatalf("first generate: exit %d", code)
		}
		if err := os.WriteFile(filepath.Join(dir, "out", ".t_gen.go.tmp42"), []byte("// Code generated by graph"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	runHostile(t, []hostileCase{
		{name: "fifo-generate", files: map[string]string{"s.json": sch}, setup: mkfifo, args: gen,
			wantCode: 2, contains: []string{"t_gen.go", "not a regular file"}, reason: "a FIFO in the way is refused without opening it for a blocking read"},
		{name: "fifo-check", files: map[string]string{"s.json": sch}, setup: mkfifo, args: check,
			wantCode: 2, contains: []string{"t_gen.go", "not a regular file"}, reason: "-check does not hang on it either"},
		{name: "leftover-check", files: map[string]string{"s.json": sch}, setup: leftover, args: check,
			wantCode: 1, contains: []string{"stale: out/.t_gen.go.tmp42"}, reason: "-check reports a killed run's temporary"},
		{name: "leftover-generate", files: map[string]string{"s.json": sch}, setup: func(t *testing.T, dir string) {
			leftover(t, dir)
			if _, code := runGenTimeout(t, dir, nil, gen...); code != 0 {
				t.Fatalf("second generate: exit %d", code)
			}
		}, args: check, wantCode: 0, reason: "the next run removes it, so -check is clean after it"},
	})
}

// TestHostileSmaller: issue 15, point 9 (reader parts).
func TestHostileSmaller(t *testing.T) {
	bom := "\ufeff"
	nul := `{"title":"t","type":"object","description":"a\u0000b\ufeffc","properties":{"q\u0000\ufeff\nx":{"type":"string","pattern":"^\u0000\ufeff$","description":"x\ufeffy"}}}`
	edm := `xmlns="http://docs.oasis-open.org/odata/ns/edm"`
	cycle := `<Schema Namespace="n" ` + edm + `><EntityType Name="a" BaseType="n.b"/><EntityType Name="b" BaseType="n.a"/></Schema>`
	foreign := `<Schema Namespace="n" xmlns="urn:other"><EntityType Name="a"/></Schema>`
	sch := `{"title":"a","type":"object"}`
	runHostile(t, []hostileCase{
		{name: "bom-document", stdin: bom + `{"id":"x"}` + "\n", args: []string{"validate", "-version", "v1.0"},
			wantCode: 1, contains: []string{"byte order mark"}, reason: "a BOM is named, not 'expected a JSON value'"},
		{name: "bom-document-reference", stdin: bom + `{"id":"x"}` + "\n", args: []string{"validate", "-schema", "v1.0"},
			wantCode: 1, contains: []string{"byte order mark"}, reason: "the reference path names it too"},
		{name: "bom-schema", files: map[string]string{"s.json": bom + sch}, args: []string{"generate", "-schema", "s.json", "-out", "out", "-package", "p"},
			wantCode: 2, contains: []string{"s.json", "byte order mark"}, reason: "a schema file with a BOM"},
		{name: "nul-feff-in-comments", files: map[string]string{"s.json": nul}, args: []string{"generate", "-schema", "s.json", "-out", "out", "-package", "p"},
			wantCode: 0, reason: "NUL, U+FEFF and a newline in descriptions and names are escaped in comments, not a formatter error"},
		{name: "csdl-cycle", files: map[string]string{"m.xml": cycle, "s.json": sch}, args: []string{"metadata-check", "-metadata", "m.xml", "-entity", "n.a", "-schema", "s.json"},
			wantCode: 2, contains: []string{"BaseType cycle n.a -> n.b -> n.a"}, reason: "a cyclic BaseType is reported as a cycle"},
		{name: "csdl-foreign", files: map[string]string{"m.xml": foreign, "s.json": sch}, args: []string{"metadata-check", "-metadata", "m.xml", "-entity", "n.a", "-schema", "s.json"},
			wantCode: 2, contains: []string{"no CSDL 4", "urn:other"}, reason: "XML in a foreign namespace is not CSDL"},
	})
}
