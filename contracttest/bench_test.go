package contracttest

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"testing"

	"github.com/graphshape/graphshape/generated/shape"
	v1 "github.com/graphshape/graphshape/generated/v1"
	"github.com/graphshape/graphshape/internal/reference"
	"github.com/graphshape/graphshape/schema"
)

// plainIncident mirrors v1.Incident with the plain types encoding/json
// users write by hand: baseline (a) decodes into it, without validation.
type plainIncident struct {
	ODataContext       string         `json:"@odata.context"`
	ODataType          string         `json:"@odata.type"`
	ID                 string         `json:"id"`
	AssignedTo         *string        `json:"assignedTo"`
	Classification     *string        `json:"classification"`
	Comments           []plainComment `json:"comments"`
	CreatedDateTime    string         `json:"createdDateTime"`
	CustomTags         []string       `json:"customTags"`
	Description        *string        `json:"description"`
	Determination      *string        `json:"determination"`
	DisplayName        *string        `json:"displayName"`
	IncidentWebURL     *string        `json:"incidentWebUrl"`
	LastModifiedBy     *string        `json:"lastModifiedBy"`
	LastUpdateDateTime string         `json:"lastUpdateDateTime"`
	PriorityScore      *int32         `json:"priorityScore"`
	RedirectIncidentID *string        `json:"redirectIncidentId"`
	ResolvingComment   *string        `json:"resolvingComment"`
	Severity           string         `json:"severity"`
	Status             string         `json:"status"`
	Summary            *string        `json:"summary"`
	SystemTags         []string       `json:"systemTags"`
	TenantID           *string        `json:"tenantId"`
}

type plainComment struct {
	Comment              *string `json:"comment"`
	CreatedByDisplayName *string `json:"createdByDisplayName"`
	CreatedDateTime      string  `json:"createdDateTime"`
}

type plainList struct {
	ODataContext  string          `json:"@odata.context"`
	ODataNextLink string          `json:"@odata.nextLink"`
	Value         []plainIncident `json:"value"`
}

// workload is one benchmark input.
type workload struct {
	name string
	doc  []byte
	list bool
}

// listOf builds a list response of n incidents from the v1.0 sample, each
// with a distinct id and a comment, so strings differ.
func listOf(tb testing.TB, n int) []byte {
	tb.Helper()
	sample, err := os.ReadFile("../testdata/v1.0/get-incident.json")
	if err != nil {
		tb.Fatal(err)
	}
	var m map[string]any
	if err := json.Unmarshal(sample, &m); err != nil {
		tb.Fatal(err)
	}
	delete(m, "@odata.context")
	var b bytes.Buffer
	b.WriteString(`{"@odata.context":"https://graph.microsoft.com/v1.0/$metadata#security/incidents","@odata.nextLink":"https://graph.microsoft.com/v1.0/security/incidents?$skip=1000","value":[`)
	for i := range n {
		m["id"] = fmt.Sprint(i)
		m["comments"] = []any{map[string]any{"comment": fmt.Sprintf("comment %d", i), "createdByDisplayName": "analyst@contoso.com", "createdDateTime": "2026-02-25T16:29:33.1Z"}}
		one, err := json.Marshal(m)
		if err != nil {
			tb.Fatal(err)
		}
		if i > 0 {
			b.WriteByte(',')
		}
		b.Write(one)
	}
	b.WriteString("]}")
	return b.Bytes()
}

func workloads(b *testing.B) []workload {
	sample, err := os.ReadFile("../testdata/v1.0/get-incident.json")
	if err != nil {
		b.Fatal(err)
	}
	return []workload{
		{"sample", sample, false},
		{"list-1", listOf(b, 1), true},
		{"list-1000", listOf(b, 1000), true},
		{"list-10000", listOf(b, 10000), true},
	}
}

// BenchmarkDecode compares, on each workload, the generated strict decoder
// (decode + full validation) with three baselines:
//
//	plain-json:       encoding/json Unmarshal into equivalent plain structs, no validation (a)
//	any+jsonschema:   encoding/json into any, then jsonschema v5 Validate (b)
//	json-valid:       json.Valid on the same bytes: the scan-only floor (c)
func BenchmarkDecode(b *testing.B) {
	data, _, err := schema.Builtin("v1.0")
	if err != nil {
		b.Fatal(err)
	}
	refOne, err := reference.Compile("incident.schema.json", data, "")
	if err != nil {
		b.Fatal(err)
	}
	refList, err := reference.Compile("incident.schema.json", data, listPointer)
	if err != nil {
		b.Fatal(err)
	}
	for _, w := range workloads(b) {
		b.Run(w.name+"/generated", func(b *testing.B) {
			b.SetBytes(int64(len(w.doc)))
			b.ReportAllocs()
			for b.Loop() {
				var err error
				if w.list {
					var v v1.IncidentCollectionResponse
					err = v.UnmarshalJSON(w.doc)
				} else {
					var v v1.Incident
					err = v.UnmarshalJSON(w.doc)
				}
				if err != nil {
					b.Fatal(err)
				}
			}
		})
		b.Run(w.name+"/plain-json", func(b *testing.B) {
			b.SetBytes(int64(len(w.doc)))
			b.ReportAllocs()
			for b.Loop() {
				var err error
				if w.list {
					var v plainList
					err = json.Unmarshal(w.doc, &v)
				} else {
					var v plainIncident
					err = json.Unmarshal(w.doc, &v)
				}
				if err != nil {
					b.Fatal(err)
				}
			}
		})
		b.Run(w.name+"/any+jsonschema", func(b *testing.B) {
			ref := refOne
			if w.list {
				ref = refList
			}
			b.SetBytes(int64(len(w.doc)))
			b.ReportAllocs()
			for b.Loop() {
				if vs, err := ref.Validate(w.doc); err != nil || len(vs) > 0 {
					b.Fatal(err, vs)
				}
			}
		})
		b.Run(w.name+"/json-valid", func(b *testing.B) {
			b.SetBytes(int64(len(w.doc)))
			b.ReportAllocs()
			for b.Loop() {
				if !json.Valid(w.doc) {
					b.Fatal("invalid")
				}
			}
		})
	}
}

// TestBenchmarkWorkloadsValid keeps the benchmark honest: every workload is
// valid for both validators, so no benchmark measures an early exit.
func TestBenchmarkWorkloadsValid(t *testing.T) {
	doc := listOf(t, 50)
	var v v1.IncidentCollectionResponse
	if err := v.UnmarshalJSON(doc); err != nil {
		t.Fatal(err)
	}
	if len(v.Value) != 50 {
		t.Fatalf("decoded %d incidents, want 50", len(v.Value))
	}
	var p plainList
	if err := json.Unmarshal(doc, &p); err != nil || len(p.Value) != 50 {
		t.Fatalf("plain decode: %v, %d incidents", err, len(p.Value))
	}
	enc, err := shape.Marshal(&v)
	if err != nil {
		t.Fatal(err)
	}
	var again v1.IncidentCollectionResponse
	if err := again.UnmarshalJSON(enc); err != nil {
		t.Fatal(err)
	}
}
