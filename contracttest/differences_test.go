package contracttest

import (
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/graphshape/graphshape/internal/waiver"
)

// difference is a reviewed entry of testdata/differences.json: a place
// where the generated decoder differs from jsonschema v5 on purpose.
type difference struct {
	Case         string `json:"case"`
	Document     string `json:"document"`
	InvalidUTF8  bool   `json:"invalidUTF8"` // replace U+00FF in Document by the byte 0xFF
	Pointer      string `json:"pointer"`
	WrapList     bool   `json:"wrapList"`
	Disagreement string `json:"disagreement"`
	Reason       string `json:"reason"`
}

// differenceSpec is the format of differences.json, read by the shared
// waiver loader: strict JSON, a reason per entry, no case twice.
var differenceSpec = waiver.Spec[difference]{
	Kind:   "differences",
	Key:    func(d difference) string { return d.Case },
	Reason: func(d difference) string { return d.Reason },
	Check: func(d difference) error {
		if d.Case == "" || d.Document == "" || d.Disagreement == "" {
			return errors.New("case, document and disagreement are required")
		}
		return nil
	},
}

// TestDeliberateDifferences: each reviewed difference happens exactly as
// recorded (a stale entry fails), and has a reason.
func TestDeliberateDifferences(t *testing.T) {
	diffs, err := differenceSpec.Load("testdata/differences.json")
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range diffs {
		t.Run(d.Case, func(t *testing.T) {
			doc := d.Document
			if d.InvalidUTF8 {
				doc = strings.ReplaceAll(doc, "\u00ff", "\xff")
			}
			if d.WrapList {
				doc = strings.Replace(doc, `{"id"`, `{"value":[{"id"`, 1)
				doc = strings.Replace(doc, `"status":"active",`, `"status":"active"}],`, 1)
			}
			r, err := target(t, "v1.0", d.Pointer).Check([]byte(doc))
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff([]string{d.Disagreement}, r.Disagreements); diff != "" {
				t.Errorf("disagreements (-recorded +now):\n%s", diff)
			}
		})
	}
}
