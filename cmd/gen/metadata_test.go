package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// runMetadataInProcess runs gen metadata-check with args and returns
// stdout, stderr and the exit code, as main would.
func runMetadataInProcess(args ...string) (string, string, int) {
	var out, errOut bytes.Buffer
	e := &env{stdin: strings.NewReader(""), stdout: &out, stderr: &errOut}
	code := exitCode(runMetadataCheck(e, args), &errOut)
	return out.String(), errOut.String(), code
}

var (
	v1Metadata = filepath.Join("..", "..", "testdata", "metadata", "v1.0-security.csdl.xml")
	v1Allow    = filepath.Join("..", "..", "testdata", "metadata", "v1.0.allow.json")
	betaNames  = filepath.Join("..", "..", "testdata", "metadata", "beta-security-type-names.json")
)

func TestMetadataCheck(t *testing.T) {
	dir := t.TempDir()
	write := func(name, s string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	stale := write("stale.json", `[{"rule":"object-open-in-schema","path":"/$defs/alertEvidence","reason":"deliberate"},{"rule":"type-mismatch","path":"/properties/status","reason":"long fixed"}]`)
	allowRoot := write("allow-root.json", `[{"rule":"entity-not-found","path":"(root)","reason":"the entity lives elsewhere"}]`)
	badXML := write("bad.xml", "<edmx:Edmx xmlns:edmx=\"http://docs.oasis-open.org/odata/ns/edmx\">\n<edmx:DataServices>\n<Schema Namespace=\"n\">\n</edmx:DataServices>")
	tests := []struct {
		name     string
		args     []string
		code     int
		contains []string
		reason   string
	}{
		{"v1.0-allowed", []string{"-metadata", v1Metadata, "-schema", "v1.0", "-allow", v1Allow}, 0,
			[]string{"0 findings: 0 breaking, 0 warning, 0 info; 1 allowed\n"}, "the built-in v1.0 schema agrees with its metadata but for the allow-listed evidence"},
		{"v1.0-text", []string{"-metadata", v1Metadata, "-entity", "microsoft.graph.security.incident", "-schema", "v1.0"}, 0,
			[]string{"info object-open-in-schema /$defs/alertEvidence (microsoft.graph.security.alertEvidence): the schema object accepts undeclared members", "1 finding: 0 breaking, 0 warning, 1 info\n"},
			"info findings are printed and do not fail"},
		{"beta-against-v1.0", []string{"-metadata", v1Metadata, "-schema", "beta"}, 1,
			[]string{"warning property-not-in-metadata /properties/recommendedActions (microsoft.graph.security.incident):", "/properties/recommendedHuntingQueries"},
			"beta's additions are not in the v1.0 metadata: warnings fail"},
		{"beta-names", []string{"-names", betaNames, "-schema", "beta"}, 0,
			[]string{"0 findings"}, "the built-in beta schema's names are all published beta names"},
		{"v1.0-schema-beta-names", []string{"-names", betaNames, "-schema", "v1.0"}, 1,
			[]string{"breaking property-missing-in-schema /properties/recommendedActions (microsoft.graph.security.incident/recommendedActions)"}, "v1.0 lacks beta's properties"},
		{"github", []string{"-metadata", v1Metadata, "-schema", "v1.0", "-format", "github"}, 0,
			[]string{"::notice file=schema/v1.0/incident.schema.json,title=object-open-in-schema::/$defs/alertEvidence (microsoft.graph.security.alertEvidence): "},
			"annotations name the built-in schema's file"},
		{"github-error", []string{"-metadata", v1Metadata, "-schema", "v1.0", "-entity", "microsoft.graph.security.nothing", "-format", "github"}, 1,
			[]string{"::error file=schema/v1.0/incident.schema.json,title=entity-not-found::(root) (microsoft.graph.security.nothing): "}, "breaking findings are errors"},
		{"stale", []string{"-metadata", v1Metadata, "-schema", "v1.0", "-allow", stale}, 1,
			[]string{"stale allow-list entry: type-mismatch /properties/status (long fixed)", "1 allowed; 1 stale allow-list entries"}, "a stale entry fails as loudly as a finding"},
		{"no-source", []string{"-schema", "v1.0"}, 2, []string{"give -metadata FILE (CSDL) or -names FILE"}, "one source is required"},
		{"both-sources", []string{"-metadata", v1Metadata, "-names", betaNames, "-schema", "v1.0"}, 2, []string{"not both"}, "one source at a time"},
		{"no-schema", []string{"-metadata", v1Metadata}, 2, []string{"-schema is required"}, "the schema is required"},
		{"bad-format", []string{"-metadata", v1Metadata, "-schema", "v1.0", "-format", "xml"}, 2, []string{`unknown format "xml"`}, "formats are checked first"},
		{"extra-arg", []string{"-metadata", v1Metadata, "-schema", "v1.0", "v1.0"}, 2, []string{`unexpected argument "v1.0"`}, "the schema is a flag"},
		{"short-entity", []string{"-metadata", v1Metadata, "-schema", "v1.0", "-entity", "incident"}, 2, []string{"not a full name"}, "entities are full names"},
		{"missing-metadata", []string{"-metadata", filepath.Join(dir, "absent.xml"), "-schema", "v1.0"}, 2, []string{"absent.xml: no such file"}, "I/O errors name the file"},
		{"invalid-xml", []string{"-metadata", badXML, "-schema", "v1.0"}, 2,
			[]string{"gen: metadata-check: metadata " + badXML + ": line 4", "element <Schema> closed by </DataServices>"}, "malformed XML names the file and line"},
		{"missing-schema", []string{"-metadata", v1Metadata, "-schema", filepath.Join(dir, "absent.schema.json")}, 2,
			[]string{"gen: metadata-check: schema " + filepath.Join(dir, "absent.schema.json") + ": no such file"}, "a schema that cannot be read is named once"},
		{"allow-root", []string{"-metadata", v1Metadata, "-schema", "v1.0", "-entity", "microsoft.graph.security.nothing", "-allow", allowRoot}, 0,
			[]string{"0 findings: 0 breaking, 0 warning, 0 info; 1 allowed"}, "a root finding is allowed by the path it prints, (root)"},
		{"missing-names", []string{"-names", filepath.Join(dir, "absent.json"), "-schema", "beta"}, 2, []string{"absent.json"}, "I/O errors name the file"},
		{"missing-allow", []string{"-metadata", v1Metadata, "-schema", "v1.0", "-allow", filepath.Join(dir, "absent.json")}, 2, []string{"allow-list"}, "the allow-list is read before anything else"},
		{"help", []string{"-h"}, 0, []string{"usage: gen metadata-check"}, "-h prints the usage and succeeds"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, errOut, code := runMetadataInProcess(tt.args...)
			if code != tt.code {
				t.Errorf("%s: exit code %d, want %d\nstdout:\n%s\nstderr:\n%s", tt.reason, code, tt.code, out, errOut)
			}
			for _, want := range tt.contains {
				if !strings.Contains(out+errOut, want) {
					t.Errorf("%s: output lacks %q\nstdout:\n%s\nstderr:\n%s", tt.reason, want, out, errOut)
				}
			}
		})
	}
}

// TestMetadataCheckJSON: the JSON report is one object with findings,
// allowed and stale, always arrays, and the same bytes on every run.
func TestMetadataCheckJSON(t *testing.T) {
	args := []string{"-metadata", v1Metadata, "-schema", "v1.0", "-allow", v1Allow, "-format", "json"}
	out, errOut, code := runMetadataInProcess(args...)
	if code != 0 {
		t.Fatalf("exit code %d\n%s%s", code, out, errOut)
	}
	var rep struct {
		Findings []map[string]string `json:"findings"`
		Allowed  []map[string]string `json:"allowed"`
		Stale    []map[string]string `json:"stale"`
	}
	dec := json.NewDecoder(strings.NewReader(out))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&rep); err != nil {
		t.Fatalf("decoding %s: %v", out, err)
	}
	if rep.Findings == nil || rep.Stale == nil || len(rep.Findings) != 0 || len(rep.Stale) != 0 {
		t.Errorf("findings %v, stale %v: want empty arrays", rep.Findings, rep.Stale)
	}
	if len(rep.Allowed) != 1 {
		t.Fatalf("allowed %v, want the alertEvidence finding", rep.Allowed)
	}
	wantAllowed := []map[string]string{{
		"rule": "object-open-in-schema", "level": "info", "schemaPath": "/$defs/alertEvidence",
		"csdlElement": "microsoft.graph.security.alertEvidence", "message": rep.Allowed[0]["message"],
	}}
	if diff := cmp.Diff(wantAllowed, rep.Allowed); diff != "" {
		t.Errorf("allowed (-want +got):\n%s", diff)
	}
	again, _, _ := runMetadataInProcess(args...)
	if again != out {
		t.Errorf("two runs differ:\n%s\n%s", out, again)
	}
}
