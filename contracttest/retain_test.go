package contracttest

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/graphshape/graphshape/generated/beta"
	"github.com/graphshape/graphshape/generated/shape"
	v1 "github.com/graphshape/graphshape/generated/v1"
)

// retainDocs are documents that reach each way decoding keeps what it read:
// strings with and without escapes, non-ASCII, enum members and strangers,
// undeclared members (Extra), dictionaries (map keys), values lenient
// decoding keeps as sent, and violations naming document text.
var retainDocs = []string{
	`{"id":"1","displayName":"caf\u00e9 & b\u0026r","status":"Active","severity":"medium","assignedTo":"é@contoso.com","x-extra":{"k":"v"},"customTags":["a","b\"c"]}`,
	`{"id":"2","status":"wrongStatus","classification":"truePositive","createdDateTime":"not a time","lastUpdateDateTime":"2024-01-01T00:00:00Z","customTags":["a",5],"redirectIncidentId":7}`,
	`{"id":"3","customDetails":{"Ключ":"значение","k\u0041":[1,2]},"alerts":[{"id":"a","additionalData":{"one":1,"two":"2"},"evidence":[{"@odata.type":"#microsoft.graph.security.deviceEvidence","deviceDnsName":"host","createdDateTime":"2024-01-01T00:00:00Z","remediationStatus":"none","verdict":"unknown","other":"x"},{"@odata.type":"#microsoft.graph.security.strangeEvidence","name":"n"}]}]}`,
	`{"id":"4","id":"5","tenantId":"t","status":"active","status":"resolved","x":1,"x":"two"}`,
}

// TestNothingPointsIntoInput: what copying decoding (UnmarshalJSON,
// UnmarshalLenient) returns (values, violations, tolerated points) stays
// the same after every byte of the input is changed, so the caller may
// reuse the input. Every sample of both versions and retainDocs are decoded
// strictly and leniently, as the single incident or list they are.
func TestNothingPointsIntoInput(t *testing.T) {
	var files []string
	for _, pat := range []string{"*/*.json", "*/own/*.json"} {
		m, err := filepath.Glob(filepath.Join(testdata, pat))
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, m...)
	}
	if len(files) < 10 {
		t.Fatalf("found %d samples; the glob is wrong", len(files))
	}
	type doc struct {
		name string
		data []byte
		list bool
	}
	var docs []doc
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		docs = append(docs, doc{f, b, strings.HasPrefix(filepath.Base(f), "list-")})
	}
	for i, s := range retainDocs {
		docs = append(docs, doc{fmt.Sprintf("retainDocs[%d]", i), []byte(s), false})
	}
	news := map[string]func(list bool) shape.Decodable{
		"v1.0": func(list bool) shape.Decodable {
			if list {
				return new(v1.IncidentCollectionResponse)
			}
			return new(v1.Incident)
		},
		"beta": func(list bool) shape.Decodable {
			if list {
				return new(beta.IncidentCollectionResponse)
			}
			return new(beta.Incident)
		},
	}
	for version, newValue := range news {
		for _, d := range docs {
			for _, lenient := range []bool{false, true} {
				data := append([]byte(nil), d.data...)
				v := newValue(d.list)
				var tolerated []shape.Violation
				var err error
				if lenient {
					tolerated, err = shape.UnmarshalLenient(data, v)
				} else {
					err = shape.Unmarshal(data, v)
				}
				// The encoding reaches behind every pointer and interface;
				// %+v shows what encoding would not (a kept member's Go
				// value beside its raw form).
				snapshot := func() string {
					enc, encErr := shape.Marshal(v.(shape.Encodable))
					return fmt.Sprintf("%s (%v)\n%+v\nerr: %v\ntolerated: %+v", enc, encErr, v, err, tolerated)
				}
				before := snapshot()
				for i := range data {
					data[i] ^= 0xff
				}
				if diff := cmp.Diff(before, snapshot()); diff != "" {
					t.Errorf("%s as %s (lenient %v): changing the input changed the result (-before +after):\n%s", d.name, version, lenient, diff)
				}
			}
		}
	}
}
