package shapeimpl

import (
	"strings"
	"testing"
)

// TestRawCopiesAreTheirOwn: raw values and unescaped strings cut from one
// chunk do not overlap: changing or appending to a raw value leaves the
// other values of the document as decoded, across documents of a reused
// decoder too.
func TestRawCopiesAreTheirOwn(t *testing.T) {
	var d Decoder
	var raws []RawValue
	var strs []string
	for doc := range 3 {
		d.Reset([]byte(`[{"a":1}, "x\u0026y", [true], "p\nq", null]`))
		if !d.BeginArray(TArray) {
			t.Fatal("not an array")
		}
		for i := 0; d.NextItem(i); i++ {
			if i%2 == 1 {
				s, _ := d.String(TString, nil)
				strs = append(strs, s)
				continue
			}
			raws = append(raws, d.Raw([]Rule{{}}, 0))
		}
		d.Finish()
		if d.Err() != nil {
			t.Fatalf("document %d: %v", doc, d.Err())
		}
	}
	for i := range raws {
		if cap(raws[i]) != len(raws[i]) {
			t.Errorf("raw %q has capacity %d beyond its length", raws[i], cap(raws[i]))
		}
		raws[i] = append(raws[i], "!!!!"...)
		raws[i][0] = '#'
	}
	want := []string{`#"a":1}!!!!`, `#true]!!!!`, `#ull!!!!`}
	for i, r := range raws {
		if got := string(r); got != want[i%3] {
			t.Errorf("raw %d = %q, want %q", i, got, want[i%3])
		}
	}
	for i, s := range strs {
		if w := []string{"x&y", "p\nq"}[i%2]; s != w {
			t.Errorf("string %d = %q, want %q", i, s, w)
		}
	}
}

// TestLargeRawValue: a raw value longer than a quarter chunk is copied on
// its own, whole.
func TestLargeRawValue(t *testing.T) {
	big := `"` + strings.Repeat("x", rawChunk) + `"`
	var d Decoder
	d.Reset([]byte(big))
	r := d.Raw([]Rule{{}}, 0)
	d.Finish()
	if d.Err() != nil || string(r) != big {
		t.Fatalf("raw value of %d bytes decoded as %d bytes: %v", len(big), len(r), d.Err())
	}
}
