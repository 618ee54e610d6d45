package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const minimalIncident = `{"id":"7","createdDateTime":"2026-03-01T08:00:00Z","lastUpdateDateTime":"2026-03-01T08:00:00Z","severity":"low","status":"awaitingAction"}`

// TestConventions: the command line behaves like the Go tools: help on
// stdout with exit 0, flags after arguments, one error line, refusals
// that say why.
func TestConventions(t *testing.T) {
	dir := writeInputs(t)
	tests := []struct {
		name       string
		args       []string
		stdin      string
		code       int
		stdout     []string // each in stdout
		stderr     []string // each in stderr
		stderrOnce string   // in stderr exactly once
		noStderr   bool
		reason     string
	}{
		{name: "h", args: []string{"-h"}, stdout: []string{"usage: gen COMMAND", "validate", "examples:"}, noStderr: true, reason: "-h prints the usage on stdout"},
		{name: "help-flag", args: []string{"--help"}, stdout: []string{"usage: gen COMMAND"}, noStderr: true, reason: "--help too"},
		{name: "help", args: []string{"help"}, stdout: []string{"usage: gen COMMAND", "version"}, noStderr: true, reason: "gen help lists the commands"},
		{name: "help-generate", args: []string{"help", "generate"}, stdout: []string{"usage: gen generate -schema FILE", "-package", "examples:\n  gen generate"}, noStderr: true, reason: "gen help CMD prints that command's usage"},
		{name: "validate-h", args: []string{"validate", "-h"}, stdout: []string{"usage: gen validate", "-type", "examples:\n  gen validate"}, noStderr: true, reason: "CMD -h prints its usage on stdout"},
		{name: "diff-help", args: []string{"diff", "--help"}, stdout: []string{"usage: gen diff", "examples:\n  gen diff v1.0 beta"}, noStderr: true, reason: "CMD --help too"},
		{name: "metadata-help", args: []string{"help", "metadata-check"}, stdout: []string{"usage: gen metadata-check", "examples:"}, noStderr: true, reason: "every command has examples"},
		{name: "version", args: []string{"version"}, stdout: []string{"gen github.com/graphshape/graphshape ", "(revision "}, noStderr: true, reason: "gen version: module path, version and VCS revision from the build info"},
		{name: "no-command", args: nil, code: 2, stderr: []string{"usage: gen COMMAND", "no command given"}, reason: "no command is a usage error"},
		{name: "unknown-command", args: []string{"frobnicate"}, code: 2, stderrOnce: `unknown command "frobnicate"`, reason: "an unknown command is named once"},
		{name: "unknown-flag", args: []string{"validate", "-bogus", "v1.json"}, code: 2, stderrOnce: "flag provided but not defined: -bogus", reason: "an unknown flag's error is printed once"},
		{name: "flags-after-arguments", args: []string{"diff", "v1.0", "beta", "-fail-on", "never"}, code: 0, stdout: []string{"v1.0 -> beta (response"}, reason: "flags after the positional arguments are accepted"},
		{name: "double-dash", args: []string{"validate", "--", "-bogus"}, code: 2, stdout: []string{"-bogus: cannot read"}, reason: "after --, a dash argument is a file name"},
		{name: "out-dash", args: []string{"generate", "-schema", "v1.0", "-out", "-", "-package", "x"}, code: 2, stderrOnce: "-out - is not supported", reason: "-out - is refused, not a directory named -"},
		{name: "one-document", args: []string{"validate", "v1.json"}, stdout: []string{"1 document: 1 valid, 0 invalid"}, reason: "counts read naturally"},
		{name: "schema-type-incident", args: []string{"validate", "-schema", "v1.0", "-type", "incident", "v1.json"}, stdout: []string{"1 document: 1 valid"}, reason: "-schema v1.0 -type incident compiles the root"},
		{name: "schema-list", args: []string{"validate", "-schema", "v1.0", "list.json"}, stdout: []string{"1 document: 1 valid"}, reason: "-schema mode recognises a list response"},
		{name: "type-defs-name", args: []string{"validate", "-type", "incidentUpdate", "-"}, stdin: `{"status":"resolved"}`, stdout: []string{"1 document: 1 valid"}, reason: "-type takes a $defs name"},
		{name: "type-go-name", args: []string{"validate", "-schema", "v1.0", "-type", "IncidentUpdate", "-"}, stdin: `{"status":"resolved"}`, stdout: []string{"1 document: 1 valid"}, reason: "-type takes a Go name in -schema mode too"},
		{name: "unknown-type", args: []string{"validate", "-type", "nope", "v1.json"}, code: 2, stderrOnce: `unknown type "nope"`, reason: "an unknown type lists the known ones"},
		{name: "missing-among-several", args: []string{"validate", "v1.json", "nope.json", "list.json"}, code: 2, stdout: []string{"nope.json: cannot read", "2 documents: 2 valid, 0 invalid; 1 input could not be read"}, reason: "a missing file is reported, the others are checked, the exit code is the worst seen"},
		{name: "newline-in-name", args: []string{"validate", "-"}, stdin: strings.Replace(minimalIncident, `"id"`, `"a\nb":1,"id"`, 1), code: 1, stdout: []string{`-:1:2: "/a\nb": property "a\nb" is not allowed`, `unknown property "/a\nb"`}, reason: "a name with a newline is escaped, in findings and drift"},
		{name: "newline-in-name-github", args: []string{"validate", "-format", "github", "-"}, stdin: strings.Replace(minimalIncident, `"id"`, `"a\nb":1,"id"`, 1), code: 1, stdout: []string{"::error file=-,line=1,col=2,title=additionalProperties::\"/a\\nb\""}, reason: "github annotations stay one line"},
		{name: "schema-syntax-position", args: []string{"validate", "-schema", "-"}, code: 2, stderr: []string{"schema -: no such file"}, reason: "a schema that cannot be read is named"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, errOut, code := runGen(t, dir, []byte(tt.stdin), tt.args...)
			if code != tt.code {
				t.Errorf("%s: exit code %d, want %d\nstdout:\n%s\nstderr:\n%s", tt.reason, code, tt.code, out, errOut)
			}
			for _, s := range tt.stdout {
				if !strings.Contains(out, s) {
					t.Errorf("%s: stdout lacks %q\nstdout:\n%s\nstderr:\n%s", tt.reason, s, out, errOut)
				}
			}
			for _, s := range tt.stderr {
				if !strings.Contains(errOut, s) {
					t.Errorf("%s: stderr lacks %q\nstderr:\n%s", tt.reason, s, errOut)
				}
			}
			if tt.stderrOnce != "" && strings.Count(errOut, tt.stderrOnce) != 1 {
				t.Errorf("%s: stderr has %q %d times, want once\nstderr:\n%s", tt.reason, tt.stderrOnce, strings.Count(errOut, tt.stderrOnce), errOut)
			}
			if tt.noStderr && errOut != "" {
				t.Errorf("%s: stderr not empty:\n%s", tt.reason, errOut)
			}
			for _, l := range strings.Split(strings.TrimSuffix(out, "\n"), "\n") {
				if strings.HasPrefix(l, `b"`) || strings.HasPrefix(l, `b":`) {
					t.Errorf("%s: a member name forged the line %q", tt.reason, l)
				}
			}
		})
	}
}

// TestMalformedSchemaPosition: every command names the line and column
// of a schema that is not JSON, never only "EOF".
func TestMalformedSchemaPosition(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "bad.json"), []byte("{\n  \"type\": \"object\",\n  \"properties\": {\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{
		{"generate", "-schema", "bad.json", "-out", "out", "-package", "p"},
		{"diff", "bad.json", "v1.0"},
		{"validate", "-schema", "bad.json", "-"},
		{"metadata-check", "-names", "x.json", "-schema", "bad.json"},
	} {
		t.Run(args[0], func(t *testing.T) {
			_, errOut, code := runGen(t, dir, []byte("{}"), args...)
			if code != 2 || !strings.Contains(errOut, "bad.json:4:1: schema is not valid JSON") {
				t.Errorf("exit %d, stderr %q: want exit 2 and bad.json:4:1", code, errOut)
			}
		})
	}
}

// TestLongLineContinues: a JSON Lines line over the 64 MiB limit is
// reported and the next line is still checked.
func TestLongLineContinues(t *testing.T) {
	var b strings.Builder
	b.WriteString(minimalIncident + "\n")
	b.WriteString(`{"id":"` + strings.Repeat("x", 64<<20) + `"}` + "\n")
	b.WriteString(`{"id":1}` + "\n")
	out, errOut, code := runGen(t, t.TempDir(), []byte(b.String()), "validate", "-")
	for _, want := range []string{"-:2: document 2: line longer than 67108864 bytes, skipped", "-:3:7: /id: got number, want string", "3 documents: 1 valid, 2 invalid"} {
		if !strings.Contains(out, want) {
			t.Errorf("stdout lacks %q\nstdout:\n%s\nstderr:\n%s", want, out, errOut)
		}
	}
	if code != 1 {
		t.Errorf("exit code %d, want 1", code)
	}
}

// TestExpect: a ledger's deviations are shown as expected, with their
// reasons, and do not fail; one that no longer happens does.
func TestExpect(t *testing.T) {
	dir := writeInputs(t)
	ledger := filepath.Join(dir, "ledger.json")
	if err := os.WriteFile(ledger, []byte(`[{"sample":"v1.json","instanceLocation":"/id","keyword":"type","reason":"sent as a number on purpose"}]`), 0o644); err != nil {
		t.Fatal(err)
	}
	// The documented beta sample against the repository's ledger, as make runs it.
	root, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	out, errOut, code := runGen(t, root, nil, "validate", "-version", "beta", "-expect", "contracttest/testdata/ledger.json", "testdata/beta/get-incident.json")
	if code != 0 || !strings.Contains(out, "1 document: 1 valid, 0 invalid, 8 expected deviations") ||
		!strings.Contains(out, `testdata/beta/get-incident.json:13:13: expected: /status: value "Active" is not a member of the enum; the member is "active" (the case differs) (ledger: the sample sends PascalCase "Active"; the member is active)`) {
		t.Errorf("exit %d, want 0 with every deviation expected\nstdout:\n%s\nstderr:\n%s", code, out, errOut)
	}
	out, errOut, code = runGen(t, dir, nil, "validate", "-expect", ledger, "v1.json")
	if code != 1 || !strings.Contains(out, "v1.json:1: expected deviation not found: /id type (sent as a number on purpose)") {
		t.Errorf("exit %d, want 1 naming the deviation that no longer happens\nstdout:\n%s\nstderr:\n%s", code, out, errOut)
	}
	// A ledger repeating a member is refused, not read with the last one.
	if err := os.WriteFile(ledger, []byte(`[{"sample":"v1.json","instanceLocation":"/id","keyword":"type","reason":"a","reason":"b"}]`), 0o644); err != nil {
		t.Fatal(err)
	}
	out, errOut, code = runGen(t, dir, nil, "validate", "-expect", ledger, "v1.json")
	if code != 2 || !strings.Contains(errOut, `ledger.json: duplicate member "reason" at /0`) {
		t.Errorf("exit %d, want 2 naming the repeated member\nstdout:\n%s\nstderr:\n%s", code, out, errOut)
	}
}
