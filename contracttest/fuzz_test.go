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
