package contracttest

import (
	"bytes"
	"path/filepath"
	"strings"
	"testing"

	"github.com/graphshape/graphshape/internal/gen"
	"github.com/graphshape/graphshape/schema"
)

// TestSuiteCanFail proves the suite's checks catch what they are for: each
// case breaks one thing and asserts the check that must notice it does.
func TestSuiteCanFail(t *testing.T) {
	ledger, err := LoadLedger("testdata/ledger.json")
	if err != nil {
		t.Fatal(err)
	}
	v1doc := readSample(t, "v1.0/get-incident.json")
	goldenFile := readSample(t, "v1.0/get-incident.json.findings.golden")
	edits := []struct {
		name, from, to string
		want           string // a finding the edit must produce
		reason         string
	}{
		{"enum-changed", `"status": "active"`, `"status": "Active"`, `"/status" enum`, "a re-cased enum value"},
		{"required-dropped", `"createdDateTime": "2026-01-22T12:09:23.1433333Z",`, ``, `"" required`, "a required property dropped"},
		{"property-renamed", `"tenantId"`, `"tenantID"`, `"/tenantID" additionalProperties`, "a property renamed"},
	}
	for _, e := range edits {
		t.Run(e.name, func(t *testing.T) {
			doc := bytes.Replace(v1doc, []byte(e.from), []byte(e.to), 1)
			if bytes.Equal(doc, v1doc) {
				t.Fatalf("the edit %q did not apply to the sample", e.from)
			}
			r, err := target(t, "v1.0", "").Check(doc)
			if err != nil {
				t.Fatal(err)
			}
			// The golden no longer matches.
			if bytes.Equal(GoldenText(r.Findings()), goldenFile) {
				t.Errorf("%s: the findings still equal the golden file", e.reason)
			}
			// The ledger does not explain the new finding.
			unexplained, _ := ledger.Reconcile(map[string][]Finding{"v1.0/get-incident.json|v1.0 Incident": r.Generated})
			if len(unexplained) == 0 || !strings.Contains(strings.Join(unexplained, "\n"), e.want) {
				t.Errorf("%s: unexplained findings %v, want one for %s", e.reason, unexplained, e.want)
			}
		})
	}
	t.Run("keyword-location-differs", func(t *testing.T) {
		// An entry for the same place and keyword but another failing
		// keyword location explains nothing, and is stale.
		doc := bytes.Replace(v1doc, []byte(`"status": "active"`), []byte(`"status": "Active"`), 1)
		r, err := target(t, "v1.0", "").Check(doc)
		if err != nil {
			t.Fatal(err)
		}
		other := Ledger{{Sample: "v1.0/get-incident.json", Target: "v1.0 Incident", InstanceLocation: "/status", Keyword: "enum", KeywordLocation: "/properties/severity/$ref/enum", Reason: "another enum"}}
		unexplained, stale := other.Reconcile(map[string][]Finding{"v1.0/get-incident.json|v1.0 Incident": r.Generated})
		if len(unexplained) != 1 || !strings.Contains(unexplained[0], `"/status" enum /properties/status/$ref/enum`) {
			t.Errorf("unexplained = %v, want the /status enum finding", unexplained)
		}
		if len(stale) != 1 {
			t.Errorf("stale = %v, want the entry with the other keyword location", stale)
		}
	})
	t.Run("stale-ledger-entry", func(t *testing.T) {
		extra := append(Ledger{{Sample: "v1.0/get-incident.json", Target: "v1.0 Incident", InstanceLocation: "/status", Keyword: "enum", KeywordLocation: "/properties/status/$ref/enum", Reason: "no longer true"}}, ledger...)
		r, err := target(t, "v1.0", "").Check(v1doc)
		if err != nil {
			t.Fatal(err)
		}
		_, stale := extra.Reconcile(map[string][]Finding{"v1.0/get-incident.json|v1.0 Incident": r.Generated})
		if len(stale) == 0 || stale[0].Reason != "no longer true" {
			t.Errorf("an entry matching no finding was not reported stale: %v", stale)
		}
	})
	t.Run("schema-edited-not-regenerated", func(t *testing.T) {
		data, _, err := schema.Builtin("v1.0")
		if err != nil {
			t.Fatal(err)
		}
		edited := bytes.Replace(data, []byte(`"The incident name."`), []byte(`"The incident's name."`), 1)
		if bytes.Equal(edited, data) {
			t.Fatal("the edit did not apply to the schema")
		}
		files, err := gen.Generate(gen.Options{SchemaName: "incident.schema.json", Schema: edited, Package: "v1", Root: "Incident"})
		if err != nil {
			t.Fatal(err)
		}
		stale, err := gen.Stale(filepath.Join("..", "generated", "v1"), files)
		if err != nil {
			t.Fatal(err)
		}
		if len(stale) == 0 {
			t.Error("a schema edited without regenerating was not reported stale")
		}
	})
	t.Run("validators-disagree", func(t *testing.T) {
		// A target whose schema says something else than the generated type
		// was made from: the agreement check must catch it.
		tg := target(t, "v1.0", "")
		tg.Schema = bytes.Replace(tg.Schema, []byte(`"awaitingAction"`), []byte(`"awaitingActionX"`), 1)
		doc := bytes.Replace(v1doc, []byte(`"status": "active"`), []byte(`"status": "awaitingAction"`), 1)
		r, err := tg.Check(doc)
		if err != nil {
			t.Fatal(err)
		}
		if len(r.Disagreements) == 0 {
			t.Error("a schema/code mismatch produced no disagreement")
		}
	})
}
