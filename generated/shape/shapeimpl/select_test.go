package shapeimpl

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestContextSelect(t *testing.T) {
	for _, tc := range []struct {
		ctx  string
		want []string
	}{
		{"https://graph.microsoft.com/v1.0/$metadata#security/incidents(displayName,status)/$entity", []string{"displayName", "status"}},
		{"$metadata#security/incidents(id,severity)", []string{"id", "severity"}},
		{"$metadata#security/incidents( id , severity )", []string{"id", "severity"}},
		{"$metadata#security/incidents(displayName,alerts(id,title))", []string{"displayName", "alerts"}},
		{"$metadata#security/incidents(id,alerts())", []string{"id", "alerts"}},
		{"$metadata#security/incidents(alerts())", nil}, // $expand alone selects every property
		{"$metadata#security/incidents(*)", nil},
		{"$metadata#security/incidents(id,*)", nil},
		{"$metadata#security/incidents/$entity", nil},
		{"$metadata#security/incidents", nil},
		{"no fragment(id)", nil},
		{"$metadata#security/incidents(id", nil}, // unbalanced
		{"", nil},
		{"$metadata#security/alerts_v2('da637865765418431569_-773071023')/comments", nil}, // a key predicate
		{"$metadata#security/incidents('1')/alerts(id,title)", []string{"id", "title"}},
		{"$metadata#security/incidents('a(b')/alerts(id)", []string{"id"}},
		{"$metadata#security/incidents(42)", nil},
		{"$metadata#security/incidents(id=42)", nil},
		{"$metadata#security/incidents('x')", nil},
	} {
		if diff := cmp.Diff(tc.want, ContextSelect(tc.ctx)); diff != "" {
			t.Errorf("ContextSelect(%q) (-want +got):\n%s", tc.ctx, diff)
		}
	}
}
