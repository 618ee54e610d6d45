package naming

import (
	"encoding/json"
	"go/token"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestExported(t *testing.T) {
	tests := []struct{ in, want, reason string }{
		{"redirectIncidentId", "RedirectIncidentID", "Id is the initialism ID"},
		{"incidentWebUrl", "IncidentWebURL", "Url is the initialism URL"},
		{"tenantId", "TenantID", "trailing initialism"},
		{"id", "ID", "a lone initialism"},
		{"@odata.type", "ODataType", "OData annotations"},
		{"@odata.nextLink", "ODataNextLink", "OData annotations"},
		{"@odata.count", "ODataCount", "OData annotations"},
		{"@odata.context", "ODataContext", "OData annotations"},
		{"customTags@odata.type", "CustomTagsODataType", "property annotations"},
		{"kqlText", "KQLText", "KQL is an initialism"},
		{"createdDateTime", "CreatedDateTime", "plain camelCase"},
		{"mitreTechniques", "MitreTechniques", "plain camelCase"},
		{"ipAddress", "IPAddress", "leading initialism"},
		{"HTTPServer", "HTTPServer", "upper-case run followed by a word"},
		{"snake_case_name", "SnakeCaseName", "underscores separate words"},
		{"kebab-case", "KebabCase", "dashes separate words"},
		{"ALLCAPS", "Allcaps", "an upper-case word that is no initialism"},
		{"a", "A", "one letter"},
		{"x509Thumbprint", "X509Thumbprint", "digits stay in their word"},
		{"urls", "URLs", "plural initialism"},
		{"userIds", "UserIDs", "plural initialism at the end"},
		{"größe", "Größe", "non-ASCII letters are kept"},
		{"1st", "N1st", "a leading digit gets a prefix"},
		{"", "Empty", "the empty name"},
		{"@", "X40", "no letters or digits"},
		{"a🙂b", "AB", "symbols separate words"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got := Exported(tt.in); got != tt.want {
				t.Errorf("Exported(%q) = %q, want %q (%s)", tt.in, got, tt.want, tt.reason)
			}
		})
	}
}

func TestUnexported(t *testing.T) {
	tests := []struct{ in, want, reason string }{
		{"id", "id", "initialism lower-cased"},
		{"urlPath", "urlPath", "leading initialism lower-cased"},
		{"@odata.type", "odataType", "OData lower-cased"},
		{"type", "type_", "keyword"},
		{"string", "string_", "predeclared identifier"},
		{"tenantId", "tenantID", "later initialisms stay upper-case"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got := Unexported(tt.in); got != tt.want {
				t.Errorf("Unexported(%q) = %q, want %q (%s)", tt.in, got, tt.want, tt.reason)
			}
		})
	}
}

func TestEnumConst(t *testing.T) {
	tests := []struct {
		typ    string
		member any
		want   string
		reason string
	}{
		{"IncidentStatus", "active", "IncidentStatusActive", "camelCase member"},
		{"IncidentStatus", "unknownFutureValue", "IncidentStatusUnknownFutureValue", "the sentinel"},
		{"IncidentStatus", "awaitingAction", "IncidentStatusAwaitingAction", "a member after the sentinel"},
		{"AlertClassification", "TruePositive", "AlertClassificationTruePositive", "PascalCase member"},
		{"Level", "1", "Level1", "no N prefix after a type name"},
		{"Code", json.Number("1"), "Code1", "numbers"},
		{"Code", json.Number("-1"), "CodeMinus1", "negative numbers"},
		{"Code", json.Number("1.5"), "Code1Dot5", "fractions"},
		{"Code", json.Number("1e3"), "Code1e3", "exponents"},
		{"Code", nil, "CodeNull", "null"},
		{"Code", true, "CodeTrue", "booleans"},
		{"Code", "", "CodeEmpty", "the empty string"},
		{"Code", map[string]any{}, "CodeValue", "objects"},
	}
	for _, tt := range tests {
		t.Run(tt.want, func(t *testing.T) {
			if got := EnumConst(tt.typ, tt.member); got != tt.want {
				t.Errorf("EnumConst(%q, %#v) = %q, want %q (%s)", tt.typ, tt.member, got, tt.want, tt.reason)
			}
		})
	}
}

func TestScope(t *testing.T) {
	var s Scope
	if s.Taken("A") {
		t.Fatal("a zero Scope has taken names")
	}
	if err := s.Claim("TenantID", "#/properties/tenantId"); err != nil {
		t.Fatal(err)
	}
	if err := s.Claim("TenantID", "#/properties/tenantId"); err != nil {
		t.Errorf("re-claim by the same origin: %v", err)
	}
	err := s.Claim("TenantID", "#/properties/tenantID")
	want := &CollisionError{Name: "TenantID", First: "#/properties/tenantId", Second: "#/properties/tenantID"}
	if diff := cmp.Diff(want, err); diff != "" {
		t.Errorf("collision (-want +got):\n%s", diff)
	}
	if got := err.Error(); got != `go name "TenantID" is produced by both #/properties/tenantId and #/properties/tenantID` {
		t.Errorf("message %q", got)
	}
}

// FuzzExported: any input gives a valid exported identifier, and Unexported
// a valid identifier that is not a keyword.
func FuzzExported(f *testing.F) {
	for _, s := range []string{"redirectIncidentId", "@odata.type", "", "1", "größe", "a b", "type", "\xff"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		e := Exported(s)
		if !token.IsIdentifier(e) || !token.IsExported(e) {
			t.Fatalf("Exported(%q) = %q, not an exported identifier", s, e)
		}
		u := Unexported(s)
		if !token.IsIdentifier(u) || token.IsExported(u) || token.IsKeyword(u) {
			t.Fatalf("Unexported(%q) = %q, not an unexported non-keyword identifier", s, u)
		}
	})
}
