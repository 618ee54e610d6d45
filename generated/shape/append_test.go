package shape_test

import (
	"bytes"
	"encoding/json"
	"os"
	"testing"

	"github.com/graphshape/graphshape/generated/shape"
	v1 "github.com/graphshape/graphshape/generated/v1"
	"github.com/graphshape/graphshape/internal/emit/testdata/golden/objects"
)

// TestAppendJSON: AppendJSON writes what Marshal writes, after what dst
// holds, without an allocation once dst has room; on an error dst comes
// back with its length unchanged.
func TestAppendJSON(t *testing.T) {
	doc, err := os.ReadFile("../../testdata/v1.0/get-incident.json")
	if err != nil {
		t.Fatal(err)
	}
	var v v1.Incident
	if err := shape.Unmarshal(doc, &v); err != nil {
		t.Fatal(err)
	}
	want, err := shape.Marshal(&v)
	if err != nil {
		t.Fatal(err)
	}
	got, err := shape.AppendJSON([]byte("prefix "), &v)
	if err != nil || string(got) != "prefix "+string(want) {
		t.Fatalf("AppendJSON = %.60q..., %v; want the prefix, then %.40q...", got, err, want)
	}
	buf := make([]byte, 0, 2*len(want))
	if allocs := testing.AllocsPerRun(50, func() {
		if buf, err = shape.AppendJSON(buf[:0], &v); err != nil || !bytes.Equal(buf, want) {
			t.Fatalf("AppendJSON into a reused buffer = %.40q..., %v", buf, err)
		}
	}); allocs != 0 {
		t.Errorf("AppendJSON into a buffer with room: %v allocations, want 0", allocs)
	}
	bad := objects.Order{ID: "1", Extra: map[string]json.RawMessage{"x": json.RawMessage("{")}}
	dst := []byte("kept")
	if out, err := shape.AppendJSON(dst, &bad); err == nil || string(out) != "kept" {
		t.Errorf("AppendJSON(a raw value that is not JSON) = %q, %v; want \"kept\" and an error", out, err)
	}
}
