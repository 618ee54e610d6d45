package shape_test

import (
	"errors"
	"testing"

	"github.com/graphshape/graphshape/generated/shape"
	v1 "github.com/graphshape/graphshape/generated/v1"
)

// TestSelect: required properties outside a $select list are not
// required, from @odata.context or from the caller; the selected ones and
// everything below the entities are validated as usual.
func TestSelect(t *testing.T) {
	const ctx = `"@odata.context":"$metadata#security/incidents(displayName,status)/$entity",`
	for _, tc := range []struct {
		name    string
		doc     string
		opts    shape.Options
		missing []string // the required members still reported
	}{
		{"context", `{` + ctx + `"displayName":"x","status":"active"}`, shape.Options{}, nil},
		{"context, selected member missing", `{` + ctx + `"displayName":"x"}`, shape.Options{}, []string{"status"}},
		{"no context", `{"displayName":"x","status":"active"}`, shape.Options{}, []string{"createdDateTime", "id", "lastUpdateDateTime", "severity"}},
		{"context ignored", `{` + ctx + `"displayName":"x","status":"active"}`, shape.Options{IgnoreContext: true}, []string{"createdDateTime", "id", "lastUpdateDateTime", "severity"}},
		{"option", `{"id":"1","status":"active"}`, shape.Options{Select: []string{"id"}}, nil},
		{"option overrides context", `{` + ctx + `"displayName":"x","status":"active"}`, shape.Options{Select: []string{"id", "severity"}}, []string{"id", "severity"}},
		{"nested objects keep their required members", `{` + ctx + `"displayName":"x","status":"active","comments":[{"comment":"c"}]}`, shape.Options{}, []string{"createdDateTime"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var inc v1.Incident
			_, err := shape.UnmarshalWith([]byte(tc.doc), &inc, tc.opts)
			var got []string
			var ve *shape.ValidationError
			if errors.As(err, &ve) {
				for _, v := range ve.Violations {
					if v.Keyword != "required" {
						t.Errorf("unexpected violation %v", v)
					}
					got = append(got, v.Message[len(`missing required property "`):len(v.Message)-1])
				}
			} else if err != nil {
				t.Fatal(err)
			}
			if len(got) != len(tc.missing) {
				t.Fatalf("missing %v, want %v", got, tc.missing)
			}
			for i := range got {
				if got[i] != tc.missing[i] {
					t.Errorf("missing %v, want %v", got, tc.missing)
				}
			}
		})
	}
	// A selected member that is there is still validated.
	var inc v1.Incident
	err := shape.Unmarshal([]byte(`{`+ctx+`"displayName":"x","status":"Bogus"}`), &inc)
	if err == nil {
		t.Error("a bad status in a $select response passed")
	}
	// A collection response: the list's own required "value" stays required.
	var list v1.IncidentCollectionResponse
	err = shape.Unmarshal([]byte(`{"@odata.context":"$metadata#security/incidents(id)"}`), &list)
	if err == nil {
		t.Error("a collection response without value passed")
	}
	if err := shape.Unmarshal([]byte(`{"@odata.context":"$metadata#security/incidents(id)","value":[{"id":"1"}]}`), &list); err != nil {
		t.Errorf("a $select list response: %v", err)
	}
}
