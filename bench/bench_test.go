package bench

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	v1 "github.com/graphshape/graphshape/generated/v1"
)

// TestSameData: every contestant accepts every workload and, but for
// json.Valid, decodes the same data; every encoder writes it back.
func TestSameData(t *testing.T) {
	ws, err := Workloads()
	if err != nil {
		t.Fatal(err)
	}
	cs, err := Contestants()
	if err != nil {
		t.Fatal(err)
	}
	for _, w := range ws {
		t.Run(w.Name, func(t *testing.T) {
			want := ""
			for _, c := range cs {
				v, err := c.Decode(w)
				if err != nil {
					t.Fatalf("%s rejects %s: %v", c.Name, w.Name, err)
				}
				if v == nil {
					continue
				}
				got, err := Canonical(v)
				if err != nil {
					t.Fatalf("%s: %v", c.Name, err)
				}
				if want == "" {
					want = got
					continue
				}
				if diff := cmp.Diff(want, got); diff != "" {
					t.Errorf("%s decodes other data than %s (-want +got):\n%s", c.Name, cs[0].Name, diff)
				}
			}
		})
	}
}

// TestLinearWorkloads: the lists of the growth table decode.
func TestLinearWorkloads(t *testing.T) {
	for _, n := range []int{1, 10, 100} {
		doc, err := ListOf(n)
		if err != nil {
			t.Fatal(err)
		}
		cs, _ := Contestants()
		v, err := cs[0].Decode(Workload{Doc: doc, List: true})
		if err != nil {
			t.Fatalf("%d incidents: %v", n, err)
		}
		if got := len(v.(*v1.IncidentCollectionResponse).Value); got != n {
			t.Errorf("%d incidents decoded as %d", n, got)
		}
	}
}
