package capture

import (
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/graphshape/graphshape/generated/shape"
)

// FuzzCheck feeds arbitrary documents to gen validate's built-in checkers,
// which reuse pooled decoders and the caller's string, and fails unless
// each finds what package shape's Unmarshal functions find on the same
// bytes: the same syntax errors, violations and tolerated points (split
// into failures and warnings by Tolerable), for both versions, strict and
// lenient, with the type given and detected. The seed corpus is every
// sample plus testdata/fuzz/FuzzCheck.
func FuzzCheck(f *testing.F) {
	files, _ := filepath.Glob("../../testdata/*/*.json")
	own, _ := filepath.Glob("../../testdata/*/own/*.json")
	for _, p := range append(files, own...) {
		if b, err := os.ReadFile(p); err == nil {
			f.Add(b)
		}
	}
	f.Add([]byte(minimal))
	type checker struct {
		version, typ string
		lenient      bool
		g            *Generated
	}
	var checkers []checker
	for _, version := range []string{"v1.0", "beta"} {
		for _, typ := range []string{"", "incident"} {
			for _, lenient := range []bool{false, true} {
				g, err := NewGenerated(version, typ, lenient)
				if err != nil {
					f.Fatal(err)
				}
				checkers = append(checkers, checker{version, typ, lenient, g})
			}
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		for _, c := range checkers {
			fail, warn, err := c.g.Check(string(data))
			wantFail, wantWarn, wantErr := viaShape(c.g.Types, data, c.typ == "", c.lenient)
			if (err == nil) != (wantErr == nil) || err != nil && err.Error() != wantErr.Error() {
				t.Fatalf("%s type %q lenient %v: error %v, package shape's %v", c.version, c.typ, c.lenient, err, wantErr)
			}
			if diff := cmp.Diff(wantFail, fail); diff != "" {
				t.Errorf("%s type %q lenient %v: failures differ from package shape's (-shape +check):\n%s", c.version, c.typ, c.lenient, diff)
			}
			if diff := cmp.Diff(wantWarn, warn); diff != "" {
				t.Errorf("%s type %q lenient %v: warnings differ from package shape's (-shape +check):\n%s", c.version, c.typ, c.lenient, diff)
			}
		}
	})
}

// viaShape decodes data with package shape as an Incident, or, when detect
// is set and the Incident has an undeclared top-level "value", as a
// collection response, and splits what it finds as Generated.Check does.
func viaShape(types map[string]func() shape.Decodable, data []byte, detect, lenient bool) (fail, warn []shape.Violation, err error) {
	decode := func(name string) ([]shape.Violation, []shape.Violation, error) {
		tolerated, err := shape.UnmarshalWith(data, types[name](), shape.Options{Lenient: lenient})
		var ve *shape.ValidationError
		if errors.As(err, &ve) {
			return ve.Violations, tolerated, nil
		}
		if err != nil {
			return nil, nil, err
		}
		return nil, tolerated, nil
	}
	vs, tolerated, err := decode("Incident")
	if detect && err == nil && hasValueMember(vs, tolerated) {
		vs, tolerated, err = decode("IncidentCollectionResponse")
	}
	if err != nil || !lenient {
		return vs, nil, err
	}
	fail, warn = splitTolerated(tolerated)
	return fail, warn, nil
}
