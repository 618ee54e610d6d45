package shape_test

import (
	"strconv"
	"sync"
	"testing"

	"github.com/graphshape/graphshape/generated/shape"
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
				out, err := shape.Marshal(&objects.Order{ID: id, Count: 1})
				if err != nil || string(out) != `{"count":1,"id":"`+id+`"}` && string(out) != `{"id":"`+id+`","count":1}` {
					t.Errorf("encoded %s: %v", out, err)
					return
				}
			}
		})
	}
	wg.Wait()
}
