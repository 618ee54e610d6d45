package bench

import (
	"encoding/json"
	"strconv"
	"testing"

	"github.com/google/go-cmp/cmp"
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

// TestGrowthSameData: at every size of the growth table, graphshape,
// goccy/go-json and encoding/json accept the list and decode the same
// incidents, item for item.
func TestGrowthSameData(t *testing.T) {
	cs, err := Contestants()
	if err != nil {
		t.Fatal(err)
	}
	gs := Growth(cs)
	if len(gs) != 3 {
		t.Fatalf("growth table has %d contestants, want 3", len(gs))
	}
	for _, n := range GrowthSizes {
		doc, err := ListOf(n)
		if err != nil {
			t.Fatal(err)
		}
		var want []string
		for _, c := range gs {
			v, err := c.Decode(Workload{Doc: doc, List: true})
			if err != nil {
				t.Fatalf("%s rejects the list of %d: %v", c.Name, n, err)
			}
			got, err := CanonicalItems(v)
			if err != nil {
				t.Fatal(err)
			}
			if len(got) != n+1 {
				t.Fatalf("%s decodes %d incidents of %d", c.Name, len(got)-1, n)
			}
			if want == nil {
				want = got
				continue
			}
			for i := range want {
				if want[i] != got[i] {
					t.Fatalf("list of %d, item %d: %s decodes other data than %s (-want +got):\n%s", n, i, c.Name, gs[0].Name, cmp.Diff(want[i], got[i]))
				}
			}
		}
	}
}

// TestSameEncoding: what each encoder writes, allocating its output
// (Encoders) or into a reused buffer (Reusers), decodes to the data it
// was given, so the encoders of the table do the same work.
func TestSameEncoding(t *testing.T) {
	ws, err := Workloads()
	if err != nil {
		t.Fatal(err)
	}
	cs, err := Contestants()
	if err != nil {
		t.Fatal(err)
	}
	for _, w := range ws {
		gv, err := cs[0].Decode(w)
		if err != nil {
			t.Fatal(err)
		}
		want, err := Canonical(gv)
		if err != nil {
			t.Fatal(err)
		}
		pv, err := cs[2].Decode(w)
		if err != nil {
			t.Fatal(err)
		}
		for i, e := range append(Encoders(), Reusers()...) {
			v := pv
			if i%len(Encoders()) == 0 { // graphshape's, of either list
				v = gv
			}
			out, err := e.Encode(v)
			if err != nil {
				t.Fatalf("%s cannot encode %s: %v", e.Name, w.Name, err)
			}
			var x any
			if err := json.Unmarshal(out, &x); err != nil {
				t.Fatalf("%s wrote invalid JSON for %s: %v", e.Name, w.Name, err)
			}
			got, err := json.Marshal(prune(x))
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(want, string(got)); diff != "" {
				t.Errorf("%s encodes %s as other data (-want +got):\n%s", e.Name, w.Name, diff)
			}
		}
	}
}

// BenchmarkGrowth decodes lists of every size of the growth table with
// graphshape, goccy/go-json and encoding/json; ns/incident is reported too.
func BenchmarkGrowth(b *testing.B) {
	cs, err := Contestants()
	if err != nil {
		b.Fatal(err)
	}
	for _, n := range GrowthSizes {
		doc, err := ListOf(n)
		if err != nil {
			b.Fatal(err)
		}
		w := Workload{Name: strconv.Itoa(n), Doc: doc, List: true}
		for _, c := range Growth(cs) {
			b.Run(w.Name+"/"+c.Name, func(b *testing.B) {
				b.ReportAllocs()
				b.SetBytes(int64(len(doc)))
				for b.Loop() {
					if _, err := c.Decode(w); err != nil {
						b.Fatal(err)
					}
				}
				b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n), "ns/incident")
			})
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
func BenchmarkEncode(b *testing.B) { benchEncoders(b, Encoders) }

// BenchmarkEncodeReuse runs every encoder that writes into a reused
// buffer (Reusers) on every workload: encoding work without the
// allocation of the output.
func BenchmarkEncodeReuse(b *testing.B) { benchEncoders(b, Reusers) }

// benchEncoders runs the encoders list returns, graphshape's first, on
// every workload: graphshape's on the value graphshape decoded, the others
// on the plain structs goccy decoded.
func benchEncoders(b *testing.B, list func() []Encoder) {
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
		for i, e := range list() {
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
