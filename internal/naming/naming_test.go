package naming

import (
	"encoding/json"
	"errors"
	"go/token"
	"math"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestExported(t *testing.T) {
	tests := []struct {
		in, want string
		reason   string
	}{
		// The examples Graph's schemas need.
		{"redirectIncidentId", "RedirectIncidentID", "Id is the initialism ID"},
		{"incidentWebUrl", "IncidentWebURL", "Url is the initialism URL"},
		{"tenantId", "TenantID", "a trailing initialism"},
		{"id", "ID", "a lone initialism"},
		{"@odata.type", "ODataType", "an OData annotation"},
		{"@odata.nextLink", "ODataNextLink", "an OData annotation"},
		{"@odata.count", "ODataCount", "an OData annotation"},
		{"@odata.context", "ODataContext", "an OData annotation"},
		{"customTags@odata.type", "CustomTagsODataType", "a property annotation"},
		{"kqlText", "KQLText", "KQL is an initialism"},
		{"createdDateTime", "CreatedDateTime", "plain camelCase"},
		{"alertWebUrl", "AlertWebURL", "Url is the initialism URL"},
		{"mitreTechniques", "MitreTechniques", "plain camelCase"},
		{"ipAddress", "IPAddress", "a leading initialism"},
		{"HTTPServer", "HTTPServer", "an upper-case run ends before the word that follows it"},
		{"snake_case_name", "SnakeCaseName", "underscores separate words"},
		{"kebab-case", "KebabCase", "dashes separate words"},
		{"ALLCAPS", "Allcaps", "an upper-case word that is no initialism is title-cased"},
		{"a", "A", "one letter"},
		{"x509Thumbprint", "X509Thumbprint", "digits stay in their word; an upper-case letter after them starts one"},
		{"urls", "URLs", "the plural of an initialism"},
		{"userIds", "UserIDs", "the plural of an initialism at the end"},

		// Splitting.
		{"ipv4Address", "Ipv4Address", "letters and digits are not split from each other"},
		{"UTF8String", "UTF8String", "an initialism with a digit, then a word"},
		{"utf8", "UTF8", "an initialism with a digit"},
		{"URLs", "URLs", "an upper-case initialism with a plural s stays one word"},
		{"APIsByName", "APIsByName", "a plural initialism before a word"},
		{"externalIPs", "ExternalIPs", "a plural initialism after a word"},
		{"ODataType", "ODataType", "OData in a Go-style name"},
		{"odata", "OData", "OData alone"},
		{"ODATA", "OData", "OData upper-case"},
		{"odatas", "Odatas", "OData has no plural"},
		{"IPsec", "IPsec", "an upper-case run before a lower-case word"},
		{"with space", "WithSpace", "spaces separate words"},
		{"$ref", "Ref", "a dollar sign is dropped"},
		{"a/b.c~d", "ABCD", "every punctuation rune separates words"},
		{"__proto__", "Proto", "leading and trailing separators are dropped"},
		{"a🙂b", "AB", "an emoji separates words"},
		{"thumbs👍up", "ThumbsUp", "an emoji separates words"},
		{"a\u0301b", "AB", "a combining mark is no letter: it separates words"},

		// Non-ASCII letters.
		{"größe", "Größe", "non-ASCII letters are kept"},
		{"übergröße", "Übergröße", "a non-ASCII first letter is upper-cased"},
		{"ÉTAT", "État", "non-ASCII upper-case letters are title-cased"},
		{"名前", "X名前", "a letter without an upper case gets an X prefix"},
		{"ڔ0", "Xڔ0", "a caseless letter then a digit (found by fuzzing)"},
		{"٣rd", "N٣rd", "a non-ASCII leading digit gets an N prefix"},

		// Leading digits.
		{"1st", "N1st", "a leading digit gets an N prefix"},
		{"2", "N2", "a number gets an N prefix"},
		{"-1", "N1", "a minus sign is a separator"},
		{"2FA", "N2fa", "an upper-case run after a leading digit"},

		// No letters or digits.
		{"", "Empty", "the empty name"},
		{"@", "X40", "no letters or digits: the hex of the bytes"},
		{"_", "X5F", "a lone underscore"},
		{"-_", "X2D5F", "every byte is spelled out"},
		{"🙂", "XF09F9982", "the bytes of an emoji"},
		{"\xff", "XFF", "invalid UTF-8"},
	}
	for _, tt := range tests {
		t.Run(strconv.Quote(tt.in), func(t *testing.T) {
			if diff := cmp.Diff(tt.want, Exported(tt.in)); diff != "" {
				t.Errorf("Exported(%q) (-want +got) [%s]:\n%s", tt.in, tt.reason, diff)
			}
		})
	}
}

// TestInitialisms checks every initialism in the spellings a JSON name may
// use.
func TestInitialisms(t *testing.T) {
	required := strings.Fields(`ACL API ASCII CPU CSS CSV DNS EOF GUID HTML HTTP HTTPS ID IP JSON KQL
		LHS QPS RAM RHS RPC SLA SMTP SQL SSH TCP TLS TTL UDP UI UID UUID URI URL UTF8 VM XML XMPP XSRF XSS`)
	var all []string
	for i := range initialisms {
		all = append(all, i)
	}
	slices.Sort(required)
	slices.Sort(all)
	if diff := cmp.Diff(required, all); diff != "" {
		t.Errorf("initialisms (-want +got):\n%s", diff)
	}
	for _, in := range all {
		lower := strings.ToLower(in)
		title := strings.ToUpper(lower[:1]) + lower[1:]
		t.Run(in, func(t *testing.T) {
			tests := []struct {
				fn       func(string) string
				in, want string
				reason   string
			}{
				{Exported, lower, in, "lower-case"},
				{Exported, title, in, "title-case"},
				{Exported, in, in, "upper-case"},
				{Exported, "get" + title + "Value", "Get" + in + "Value", "title-case between words"},
				{Exported, "get" + in + "Value", "Get" + in + "Value", "upper-case between words"},
				{Exported, "get_" + lower, "Get" + in, "after a separator"},
				{Exported, "@" + lower + ".x", in + "X", "between separators"},
			}
			if !initialisms[in+"S"] { // https is HTTPS, not the plural of HTTP
				tests = append(tests, []struct {
					fn       func(string) string
					in, want string
					reason   string
				}{
					{Exported, lower + "s", in + "s", "plural, lower-case"},
					{Exported, in + "s", in + "s", "plural, upper-case"},
					{Exported, "all" + in + "sFound", "All" + in + "sFound", "plural between words"},
				}...)
			}
			for _, tt := range tests {
				if diff := cmp.Diff(tt.want, tt.fn(tt.in)); diff != "" {
					t.Errorf("%q (-want +got) [%s]:\n%s", tt.in, tt.reason, diff)
				}
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
		{"IncidentStatus", "active", "IncidentStatusActive", "a lower-case member"},
		{"IncidentStatus", "unknownFutureValue", "IncidentStatusUnknownFutureValue", "the evolvable-enum sentinel"},
		{"IncidentStatus", "awaitingAction", "IncidentStatusAwaitingAction", "a camelCase member"},
		{"AlertClassification", "TruePositive", "AlertClassificationTruePositive", "a PascalCase member"},
		{"DetectionSource", "microsoftDefenderForIoT", "DetectionSourceMicrosoftDefenderForIoT", "an upper-case run at the end"},
		{"Level", "1", "Level1", "no N prefix after a type name"},
		{"Level", "2nd", "Level2nd", "no N prefix after a type name"},
		{"Level", "名前", "Level名前", "no X prefix after a type name"},
		{"Code", "", "CodeEmpty", "the empty string"},
		{"Code", "@", "CodeX40", "a string without letters or digits"},
		{"Code", "url", "CodeURL", "initialisms"},
		{"Code", nil, "CodeNull", "null"},
		{"Code", true, "CodeTrue", "true"},
		{"Code", false, "CodeFalse", "false"},
		{"Code", json.Number("1"), "Code1", "a number"},
		{"Code", json.Number("-1"), "CodeMinus1", "a negative number"},
		{"Code", json.Number("1.5"), "Code1Dot5", "a fraction"},
		{"Code", json.Number("1e3"), "Code1e3", "an exponent keeps its letter"},
		{"Code", json.Number("1E+3"), "Code1E3", "a plus sign is dropped"},
		{"Code", json.Number("-1.5e-3"), "CodeMinus1Dot5eMinus3", "every sign and point is spelled out"},
		{"Code", json.Number(""), "CodeValue", "a json.Number without text"},
		{"Code", 1.5, "Code1Dot5", "a float64"},
		{"Code", 1e21, "Code1e21", "a large float64"},
		{"Code", math.Inf(-1), "CodeMinusInf", "an infinite float64"},
		{"Code", float32(0.5), "Code0Dot5", "a float32"},
		{"Code", 7, "Code7", "an int"},
		{"Code", -7, "CodeMinus7", "a negative int"},
		{"Code", int64(8), "Code8", "another integer type"},
		{"Code", map[string]any{}, "CodeValue", "an object"},
		{"Code", []any{1}, "CodeValue", "an array"},
		{"Code", struct{}{}, "CodeValue", "any other type"},
	}
	for _, tt := range tests {
		t.Run(tt.want, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, EnumConst(tt.typ, tt.member)); diff != "" {
				t.Errorf("EnumConst(%q, %#v) (-want +got) [%s]:\n%s", tt.typ, tt.member, tt.reason, diff)
			}
		})
	}
}

// TestScope claims names in order, on one zero Scope.
func TestScope(t *testing.T) {
	var s Scope
	if s.Taken("TenantID") {
		t.Fatal("a zero Scope has a taken name")
	}
	steps := []struct {
		name, origin string
		want         *CollisionError
		reason       string
	}{
		{"TenantID", "#/properties/tenantId", nil, "the first claim on a zero Scope"},
		{"TenantID", "#/properties/tenantId", nil, "the same origin may claim again"},
		{"TenantID", "#/properties/tenantID", &CollisionError{Name: "TenantID", First: "#/properties/tenantId", Second: "#/properties/tenantID"}, "another origin collides"},
		{"TenantID", "#/properties/tenant_id", &CollisionError{Name: "TenantID", First: "#/properties/tenantId", Second: "#/properties/tenant_id"}, "the first claim is kept"},
		{"TenantID", "#/properties/tenantId", nil, "the first origin still holds the name"},
		{"TenantId", "#/properties/tenantID", nil, "names are compared exactly"},
	}
	for i, st := range steps {
		t.Run(strconv.Itoa(i), func(t *testing.T) {
			var got *CollisionError
			if err := s.Claim(st.name, st.origin); err != nil && !errors.As(err, &got) {
				t.Fatalf("Claim(%q, %q) = %v, not a *CollisionError", st.name, st.origin, err)
			}
			if diff := cmp.Diff(st.want, got); diff != "" {
				t.Errorf("Claim(%q, %q) (-want +got) [%s]:\n%s", st.name, st.origin, st.reason, diff)
			}
			if !s.Taken(st.name) {
				t.Errorf("Taken(%q) = false after Claim [%s]", st.name, st.reason)
			}
		})
	}
	if s.Taken("Other") {
		t.Error("Taken reports a name nobody claimed")
	}
}

func TestCollisionError(t *testing.T) {
	tests := []struct {
		err    *CollisionError
		want   string
		reason string
	}{
		{
			&CollisionError{Name: "TenantID", First: "#/properties/tenantId", Second: "#/properties/tenantID"},
			`go name "TenantID" is produced by both #/properties/tenantId and #/properties/tenantID`,
			"the name quoted, the origins as they are",
		},
		{
			&CollisionError{Name: `A"B`, First: "x", Second: "y"},
			`go name "A\"B" is produced by both x and y`,
			"the name is quoted Go-style",
		},
	}
	for _, tt := range tests {
		t.Run(tt.err.Name, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, tt.err.Error()); diff != "" {
				t.Errorf("(-want +got) [%s]:\n%s", tt.reason, diff)
			}
		})
	}
}

// FuzzExported checks that any input gives Exported a valid exported
// identifier, and EnumConst one too. Its seeds are in testdata/fuzz/FuzzExported.
func FuzzExported(f *testing.F) {
	f.Fuzz(func(t *testing.T, s string) {
		if e := Exported(s); !token.IsIdentifier(e) || !token.IsExported(e) {
			t.Errorf("Exported(%q) = %q, not an exported identifier", s, e)
		}
		if c := EnumConst("T", s); !token.IsIdentifier(c) || !token.IsExported(c) {
			t.Errorf("EnumConst(%q, %q) = %q, not an exported identifier", "T", s, c)
		}
	})
}
