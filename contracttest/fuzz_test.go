package contracttest

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"testing"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"

	"github.com/graphshape/graphshape/generated/shape"
	"github.com/graphshape/graphshape/generated/shape/shapeimpl"
	v1 "github.com/graphshape/graphshape/generated/v1"
)

// FuzzDecode feeds arbitrary bytes to the generated v1.0 Incident decoder
// and to jsonschema v5. It fails on a panic; on any disagreement between
// the two on a document both can judge (JSON, valid UTF-8, no duplicate
// member names: the recorded deliberate differences); and on a decode ->
// encode -> decode that is not stable. The seed corpus is every sample plus
// testdata/fuzz/FuzzDecode.
func FuzzDecode(f *testing.F) {
	files, _ := filepath.Glob("../testdata/*/*.json")
	own, _ := filepath.Glob("../testdata/*/own/*.json")
	for _, p := range append(files, own...) {
		if b, err := os.ReadFile(p); err == nil {
			f.Add(b)
		}
	}
	tg := target(f, "v1.0", "")
	f.Fuzz(func(t *testing.T, data []byte) {
		var inc v1.Incident
		err := inc.UnmarshalJSON(data)
		var se *shape.SyntaxError
		if errors.As(err, &se) {
			if json.Valid(data) && !errors.Is(err, shape.CauseDepthLimit) {
				t.Fatalf("generated decoder: syntax error %v on valid JSON", err)
			}
			return
		}
		if !json.Valid(data) {
			t.Fatalf("generated decoder accepted invalid JSON (err %v)", err)
		}
		for _, lenient := range []bool{false, true} {
			sameAsTracked(t, data, lenient)
		}
		if utf8.Valid(data) && !hasDuplicates(data) {
			r, err := tg.Check(data)
			if err != nil {
				t.Fatal(err)
			}
			if len(r.Disagreements) > 0 {
				t.Fatalf("validators disagree on %q: %v", data, r.Disagreements)
			}
		}
		// Round trip, leniently so every document decodes.
		var a, b v1.Incident
		if _, err := shape.UnmarshalLenient(data, &a); err != nil {
			t.Fatal(err)
		}
		enc, err := shape.Marshal(&a)
		if err != nil {
			t.Fatalf("encoding a decoded value: %v", err)
		}
		if _, err := shape.UnmarshalLenient(enc, &b); err != nil {
			t.Fatalf("re-decoding %s: %v", enc, err)
		}
		if enc2, err := shape.Marshal(&b); err != nil || !bytes.Equal(enc, enc2) {
			t.Fatalf("encoding not stable:\n%s\n%s", enc, enc2)
		}
		if utf8.Valid(data) {
			if diff := cmp.Diff(a, b); diff != "" {
				t.Fatalf("decode -> encode -> decode changed the value (-first +second):\n%s", diff)
			}
		}
	})
}

// sameAsTracked fails unless package shape's two passes (one without
// location bookkeeping, a tracked one only when the first found something)
// give the value, violations and tolerated points of one tracked decode.
func sameAsTracked(t *testing.T, data []byte, lenient bool) {
	t.Helper()
	var fast v1.Incident
	gotTolerated, err := shape.UnmarshalWith(data, &fast, shape.Options{Lenient: lenient})
	var gotViolations []shape.Violation
	var ve *shape.ValidationError
	if errors.As(err, &ve) {
		gotViolations = ve.Violations
	} else if err != nil {
		t.Fatalf("lenient %v: %v", lenient, err)
	}
	var slow v1.Incident
	d := shapeimpl.NewDecoder(data)
	d.Lenient = lenient
	slow.ShapeDecode(d)
	d.Finish()
	if se := d.Syntax(); se != nil {
		t.Fatalf("lenient %v: tracked decode: syntax error %s at %d where package shape found none", lenient, se.Msg, se.Offset)
	}
	if diff := cmp.Diff(asShape(d.Violations()), gotViolations); diff != "" {
		t.Errorf("lenient %v: violations differ from a tracked decode (-tracked +shape):\n%s", lenient, diff)
	}
	if diff := cmp.Diff(asShape(d.Tolerated()), gotTolerated); diff != "" {
		t.Errorf("lenient %v: tolerated points differ from a tracked decode (-tracked +shape):\n%s", lenient, diff)
	}
	if diff := cmp.Diff(slow, fast); diff != "" {
		t.Errorf("lenient %v: value differs from a tracked decode (-tracked +shape):\n%s", lenient, diff)
	}
}

func asShape(vs []shapeimpl.Violation) []shape.Violation {
	var out []shape.Violation
	for _, v := range vs {
		out = append(out, shape.Violation{InstanceLocation: v.InstanceLocation, KeywordLocation: v.KeywordLocation, Keyword: v.Keyword, Message: v.Message, Offset: v.Offset})
	}
	return out
}

// hasDuplicates reports whether any object in data repeats a member name.
func hasDuplicates(data []byte) bool {
	d := shapeimpl.NewDecoder(data)
	d.Skip()
	for _, v := range d.Violations() {
		if v.Keyword == "duplicate" {
			return true
		}
	}
	return false
}
