package contracttest

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/graphshape/graphshape/generated/beta"
	"github.com/graphshape/graphshape/generated/shape"
	"github.com/graphshape/graphshape/schema"
)

// TestManualAlert: beta's alerts are a union with a default branch: an
// alert without @odata.type is a *beta.Alert, a manualAlert a
// *beta.ManualAlert; an unknown @odata.type, one that is not a string, and
// a plain alert carrying manualAlert's members are violations, in the
// generated decoders and jsonschema v5 alike.
func TestManualAlert(t *testing.T) {
	data, err := os.ReadFile("../testdata/beta/own/list-expand-manual-alert.json")
	if err != nil {
		t.Fatal(err)
	}
	var list beta.IncidentCollectionResponse
	if err := list.UnmarshalJSON(data); err != nil {
		t.Fatal(err)
	}
	var kinds []string
	for _, a := range list.Value[0].Alerts.Value {
		switch x := a.(type) {
		case *beta.Alert:
			kinds = append(kinds, "alert "+x.ID)
		case *beta.ManualAlert:
			if x.IsExcludedFromCorrelation {
				t.Errorf("isExcludedFromCorrelation decoded as true")
			}
			kinds = append(kinds, "manual "+x.ID)
		default:
			t.Errorf("alert of type %T", a)
		}
	}
	if len(kinds) != 2 || !strings.HasPrefix(kinds[0], "alert ") || !strings.HasPrefix(kinds[1], "manual ") {
		t.Errorf("alerts decoded as %v, want a plain alert then a manual alert", kinds)
	}
	out, err := shape.Marshal(&list)
	if err != nil {
		t.Fatal(err)
	}
	var again beta.IncidentCollectionResponse
	if err := again.UnmarshalJSON(out); err != nil {
		t.Fatalf("re-decoding: %v", err)
	}

	raw, file, err := schema.Builtin("beta")
	if err != nil {
		t.Fatal(err)
	}
	tg := &Target{Name: "beta Incident", SchemaName: filepath.Base(file), Schema: raw, New: func() shape.Decodable { return new(beta.Incident) }}
	const plain = `"id":"a","serviceSource":"microsoftDefenderForEndpoint","severity":"low","status":"new"`
	for _, tc := range []struct {
		alert string
		valid bool
	}{
		{`{` + plain + `}`, true},
		{`{"@odata.type":"#microsoft.graph.security.alert",` + plain + `}`, true},
		{`{` + plain + `,"@odata.type":"#microsoft.graph.security.manualAlert","isExcludedFromCorrelation":true}`, true},
		{`{"@odata.type":"#microsoft.graph.security.futureAlert",` + plain + `}`, false},
		{`{"@odata.type":5,` + plain + `}`, false},
		{`{` + plain + `,"isExcludedFromCorrelation":true}`, false},
		{`{"@odata.type":"#microsoft.graph.security.manualAlert",` + plain + `}`, false},
		{`5`, false},
	} {
		doc := `{"id":"1","createdDateTime":"2026-03-01T08:00:00Z","lastUpdateDateTime":"2026-03-01T08:00:00Z","severity":"low","status":"active","alerts":[` + tc.alert + `]}`
		check(t, tg, tc.alert, []byte(doc), tc.valid)
	}
}
