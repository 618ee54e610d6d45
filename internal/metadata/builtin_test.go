package metadata

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/graphshape/graphshape/internal/allow"
	"github.com/graphshape/graphshape/internal/model"
	"github.com/graphshape/graphshape/internal/pointer"
	"github.com/graphshape/graphshape/schema"
)

const incident = "microsoft.graph.security.incident"

func loadV1(t testing.TB) *Model {
	t.Helper()
	f, err := os.Open("../../testdata/metadata/v1.0-security.csdl.xml")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	m, err := Parse(f, "v1.0-security.csdl.xml")
	if err != nil {
		t.Fatal(err)
	}
	return m
}

func builtinDoc(t *testing.T, version string) *model.Resource {
	t.Helper()
	data, _, err := schema.Builtin(version)
	if err != nil {
		t.Fatal(err)
	}
	return buildModel(t, "incident.schema.json", data)
}

// expectAllowed fails for every finding the allow-list file does not
// accept and for every entry that accepts nothing: the schema must agree
// with the metadata except where a reviewed entry says why not.
func expectAllowed(t *testing.T, findings []Finding, allowFile string) {
	t.Helper()
	list, err := allow.Load(allowFile)
	if err != nil {
		t.Fatal(err)
	}
	kept, allowed, stale := allow.Apply(list, findings, func(f Finding) (string, string) { return f.Rule, f.SchemaPath })
	for _, f := range kept {
		t.Errorf("%s %s %s (%s): %s\n\tfix the schema, or add {\"rule\": %q, \"path\": %q, \"reason\": \"...\"} to %s",
			f.Level, f.Rule, shownPath(f.SchemaPath), f.CSDLElement, f.Message, f.Rule, f.SchemaPath, filepath.Base(allowFile))
	}
	for _, e := range stale {
		t.Errorf("stale entry in %s: %s %s (%s) matches no finding: remove it", filepath.Base(allowFile), e.Rule, e.Path, e.Reason)
	}
	for _, f := range allowed {
		t.Logf("allowed: %s %s %s: %s", f.Level, f.Rule, shownPath(f.SchemaPath), f.Message)
	}
}

func shownPath(p string) string { return pointer.Show(p) }

// TestBuiltinV1 holds the built-in v1.0 schema against the v1.0 metadata
// excerpt.
func TestBuiltinV1(t *testing.T) {
	expectAllowed(t, Check(loadV1(t), incident, builtinDoc(t, "v1.0")), "../../testdata/metadata/v1.0.allow.json")
}

// TestBuiltinNames holds each built-in schema against its version's
// published type names (beta has no CSDL at hand; v1.0 is checked both
// ways).
func TestBuiltinNames(t *testing.T) {
	for _, version := range schema.Versions {
		t.Run(version, func(t *testing.T) {
			data, err := os.ReadFile("../../testdata/metadata/" + version + "-security-type-names.json")
			if err != nil {
				t.Fatal(err)
			}
			names, err := ParseNames(version+"-security-type-names.json", data, "microsoft.graph.security")
			if err != nil {
				t.Fatal(err)
			}
			expectAllowed(t, CheckNames(names, incident, builtinDoc(t, version)), "../../testdata/metadata/"+version+".names.allow.json")
		})
	}
}

// TestBuiltinBeta holds the built-in beta schema against the national
// cloud's beta CSDL (testdata/metadata/beta-security.csdl.xml); each entry
// of beta.allow.json names the lag or the gap it accepts.
func TestBuiltinBeta(t *testing.T) {
	f, err := os.Open("../../testdata/metadata/beta-security.csdl.xml")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	m, err := Parse(f, "beta-security.csdl.xml")
	if err != nil {
		t.Fatal(err)
	}
	expectAllowed(t, Check(m, incident, builtinDoc(t, "beta")), "../../testdata/metadata/beta.allow.json")
}

// TestDerivedTypes: the branches of the evidence union are compared with
// the metadata's derived types, inherited members included: a member a
// derived type lacks or adds, and a derived type the union lacks, are
// findings; the unmodified schema has none of them.
func TestDerivedTypes(t *testing.T) {
	data, _, err := schema.Builtin("v1.0")
	if err != nil {
		t.Fatal(err)
	}
	var doc map[string]any
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber() // keep the integer bounds exact
	if err := dec.Decode(&doc); err != nil {
		t.Fatal(err)
	}
	defs := doc["$defs"].(map[string]any)
	delete(defs["deviceEvidence"].(map[string]any)["properties"].(map[string]any), "hostName")
	defs["userEvidence"].(map[string]any)["properties"].(map[string]any)["bogus"] = map[string]any{"type": "string"}
	items := defs["alert"].(map[string]any)["properties"].(map[string]any)["evidence"].(map[string]any)["items"].(map[string]any)
	var kept []any
	for _, b := range items["oneOf"].([]any) {
		if b.(map[string]any)["$ref"] != "#/$defs/ipEvidence" {
			kept = append(kept, b)
		}
	}
	items["oneOf"] = kept
	mutated, err := json.Marshal(doc)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, f := range Check(loadV1(t), incident, buildModel(t, "incident.schema.json", mutated)) {
		if f.Rule != "object-open-in-schema" {
			got = append(got, f.Rule+" "+f.SchemaPath)
		}
	}
	want := []string{
		"derived-type-missing-in-schema /$defs/alert/properties/evidence/items",
		"property-missing-in-schema /$defs/deviceEvidence/properties/hostName",
		"property-not-in-metadata /$defs/userEvidence/properties/bogus",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("findings (-want +got):\n%s", diff)
	}
}
