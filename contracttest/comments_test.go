package contracttest

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/graphshape/graphshape/generated/beta"
	"github.com/graphshape/graphshape/generated/shape"
	v1 "github.com/graphshape/graphshape/generated/v1"
	"github.com/graphshape/graphshape/schema"
)

// TestCommentEndpoint: the documented request and response of POST
// /security/incidents/{id}/comments (testdata/<version>/comments/) fit
// alertCommentRequest and alertCommentCollectionResponse, in the generated
// decoders and jsonschema v5 alike; a request without its comment, or with
// a member the endpoint does not take, fails both.
func TestCommentEndpoint(t *testing.T) {
	types := map[string]map[string]func() shape.Decodable{
		"v1.0": {"alertCommentRequest": func() shape.Decodable { return new(v1.AlertCommentRequest) }, "alertCommentCollectionResponse": func() shape.Decodable { return new(v1.AlertCommentCollectionResponse) }},
		"beta": {"alertCommentRequest": func() shape.Decodable { return new(beta.AlertCommentRequest) }, "alertCommentCollectionResponse": func() shape.Decodable { return new(beta.AlertCommentCollectionResponse) }},
	}
	for _, version := range schema.Versions {
		data, file, err := schema.Builtin(version)
		if err != nil {
			t.Fatal(err)
		}
		tg := func(def string) *Target {
			return &Target{Name: version + " " + def, SchemaName: filepath.Base(file), Schema: data, Pointer: "/$defs/" + def, New: types[version][def]}
		}
		for _, tc := range []struct {
			file, def string
			valid     bool
		}{
			{"post-comments-request.json", "alertCommentRequest", true},
			{"post-comments-response.json", "alertCommentCollectionResponse", true},
		} {
			doc, err := os.ReadFile(filepath.Join(testdata, version, "comments", tc.file))
			if err != nil {
				t.Fatal(err)
			}
			check(t, tg(tc.def), version+"/"+tc.file, doc, tc.valid)
		}
		for _, bad := range []string{`{"@odata.type":"microsoft.graph.security.alertComment"}`, `{"comment":"c","createdDateTime":"2022-10-13T07:08:45Z"}`, `{"comment":5}`} {
			check(t, tg("alertCommentRequest"), version+" "+bad, []byte(bad), false)
		}
	}
}

func check(t *testing.T, tg *Target, name string, doc []byte, valid bool) {
	t.Helper()
	r, err := tg.Check(doc)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	for _, d := range r.Disagreements {
		t.Errorf("%s: validators disagree: %s", name, d)
	}
	if got := len(r.Generated) == 0; got != valid {
		t.Errorf("%s as %s: valid = %v, want %v (%v)", name, tg.Name, got, valid, r.Generated)
	}
}
