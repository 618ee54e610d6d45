package shape_test

import (
	"bytes"
	"os"
	"strconv"
	"sync"
	"testing"

	"github.com/graphshape/graphshape/generated/shape"
	v1 "github.com/graphshape/graphshape/generated/v1"
	"github.com/graphshape/graphshape/internal/emit/testdata/golden/objects"
)

// TestPooledConcurrent: pooled decoders and encoders serve goroutines at
// once without mixing their documents (run with -race to check for races).
func TestPooledConcurrent(t *testing.T) {
	var wg sync.WaitGroup
	for g := range 8 {
		wg.Go(func() {
			for i := range 200 {
				id := strconv.Itoa(g*1000 + i)
				doc := []byte(`{"id":"` + id + `","count":1}`)
				var v objects.Order
				var err error
				if i%2 == 0 {
					err = shape.Unmarshal(doc, &v)
				} else {
					err = shape.UnmarshalBorrowed(doc, &v)
				}
				if err != nil || v.ID != id {
					t.Errorf("decoded %q as %q: %v", doc, v.ID, err)
					return
				}
				if _, err := shape.UnmarshalLenient([]byte(`{"id":5}`), &v); err != nil {
					t.Errorf("lenient: %v", err)
				}
				// MarshalJSON shares the type's size hint between goroutines
				// encoding values of different lengths.
				out, err := shape.Marshal(&objects.Order{ID: id, Count: 1})
				if i%2 == 1 {
					out, err = objects.Order{ID: id, Count: 1}.MarshalJSON()
				}
				if err != nil || string(out) != `{"count":1,"id":"`+id+`"}` && string(out) != `{"id":"`+id+`","count":1}` {
					t.Errorf("encoded %s: %v", out, err)
					return
				}
			}
		})
	}
	wg.Wait()
}

// TestPooledConcurrentDocuments: goroutines decode and encode the
// $expand=alerts sample at once, strictly, borrowing and leniently, so
// that pooled decoders hand out raw values and unescaped strings from
// their chunks to one goroutine after another and pooled encoders write
// large documents. Every result re-encodes to the bytes a decoding alone
// gives, also after its goroutine overwrote the input of a copying decode
// (run with -race: make race).
func TestPooledConcurrentDocuments(t *testing.T) {
	doc, err := os.ReadFile("../../testdata/v1.0/own/list-expand-alerts.json")
	if err != nil {
		t.Fatal(err)
	}
	var ref v1.IncidentCollectionResponse
	if err := shape.Unmarshal(doc, &ref); err != nil {
		t.Fatal(err)
	}
	want, err := shape.Marshal(&ref)
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	for range 4 {
		wg.Go(func() {
			var kept []*v1.IncidentCollectionResponse
			for i := range 30 {
				in := bytes.Clone(doc)
				v := new(v1.IncidentCollectionResponse)
				var err error
				switch i % 3 {
				case 0:
					err = shape.Unmarshal(in, v)
				case 1:
					err = shape.UnmarshalBorrowed(in, v)
				case 2:
					_, err = shape.UnmarshalLenient(in, v)
				}
				if err != nil {
					t.Errorf("decoding %d: %v", i, err)
					return
				}
				if i%3 != 1 {
					clear(in) // a copying decode keeps nothing of its input
				}
				kept = append(kept, v)
			}
			for i, v := range kept {
				got, err := shape.Marshal(v)
				if i%2 == 1 {
					got, err = v.MarshalJSON() // through the type's shared size hint
				}
				if err != nil || !bytes.Equal(got, want) {
					t.Errorf("document %d re-encodes as\n%s\nwant\n%s\n(%v)", i, got, want, err)
					return
				}
			}
		})
	}
	wg.Wait()
}
