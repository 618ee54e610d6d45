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

// BenchmarkDecode runs every contestant on every workload (go test -bench;
// cmd/table gives the interleaved ratios).
func BenchmarkDecode(b *testing.B) {
	ws, err := Workloads()
	if err != nil {
		b.Fatal(err)
	}
	cs, err := Contestants()
	if err != nil {
		b.Fatal(err)
	}
	for _, w := range ws {
		for _, c := range cs {
			b.Run(w.Name+"/"+c.Name, func(b *testing.B) {
				b.ReportAllocs()
				b.SetBytes(int64(len(w.Doc)))
				for b.Loop() {
					if _, err := c.Decode(w); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}

// BenchmarkEncode runs every encoder on every workload.
func BenchmarkEncode(b *testing.B) {
	ws, err := Workloads()
	if err != nil {
		b.Fatal(err)
	}
	cs, err := Contestants()
	if err != nil {
		b.Fatal(err)
	}
	for _, w := range ws {
		gv, _ := cs[0].Decode(w)
		pv, _ := cs[2].Decode(w)
		for i, e := range Encoders() {
			v := pv
			if i == 0 {
				v = gv
			}
			b.Run(w.Name+"/"+e.Name, func(b *testing.B) {
				b.ReportAllocs()
				for b.Loop() {
					if _, err := e.Encode(v); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}
