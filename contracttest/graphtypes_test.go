package contracttest

import (
	"errors"
	"os"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/graphshape/graphshape/generated/shape"
	v1 "github.com/graphshape/graphshape/generated/v1"
)

// TestEvidenceTypeSwitch: a client decodes the documented-shape
// $expand=alerts list and type-switches its evidence; each item is the
// derived type its @odata.type names.
func TestEvidenceTypeSwitch(t *testing.T) {
	data, err := os.ReadFile("../testdata/v1.0/own/list-expand-alerts.json")
	if err != nil {
		t.Fatal(err)
	}
	var list v1.IncidentCollectionResponse
	if err := list.UnmarshalJSON(data); err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, inc := range list.Value {
		for _, a := range inc.Alerts.Value {
			for _, ev := range a.Evidence.Value {
				switch x := ev.(type) {
				case *v1.DeviceEvidence:
					var _ shape.Optional[string] = x.HostName
					got = append(got, "device")
				case *v1.FileEvidence:
					got = append(got, "file")
				case *v1.IPEvidence:
					got = append(got, "ip")
				case *v1.UserEvidence:
					got = append(got, "user")
				default:
					got = append(got, "other")
				}
			}
		}
	}
	sort.Strings(got)
	if diff := cmp.Diff([]string{"device", "file", "ip", "user"}, got); diff != "" {
		t.Errorf("evidence types (-want +got):\n%s", diff)
	}
}

// TestDerivedEvidenceMutations: a typo'd member or a wrong type inside a
// derived evidence type is a violation at its pointer.
func TestDerivedEvidenceMutations(t *testing.T) {
	const device = `{"@odata.type":"#microsoft.graph.security.deviceEvidence","createdDateTime":"2024-01-01T00:00:00Z","remediationStatus":"none","verdict":"unknown",%s}`
	for _, tc := range []struct{ member, ptr, keyword string }{
		{`"hostNmae":"x"`, "/hostNmae", "unevaluatedProperties"},
		{`"hostName":5`, "/hostName", "type"},
		{`"healthStatus":"bogus"`, "/healthStatus", "enum"},
	} {
		doc := strings.Replace(device, "%s", tc.member, 1)
		var ev v1.DeviceEvidence
		err := ev.UnmarshalJSON([]byte(doc))
		var verr *shape.ValidationError
		if !errors.As(err, &verr) {
			t.Fatalf("%s: got %v, want a *shape.ValidationError", doc, err)
		}
		found := false
		for _, v := range verr.Violations {
			found = found || v.InstanceLocation == tc.ptr && v.Keyword == tc.keyword
		}
		if !found {
			t.Errorf("%s: no %s violation at %s in %v", doc, tc.keyword, tc.ptr, verr)
		}
	}
}

// TestUnknownDerivedType: an unknown @odata.type is a strict violation
// naming it; lenient decoding keeps the item (base members and the rest as
// sent) and re-encodes what was sent.
func TestUnknownDerivedType(t *testing.T) {
	const doc = `{"id":"1","serviceSource":"microsoftDefenderForEndpoint","severity":"low","status":"new","evidence":[{"@odata.type":"#microsoft.graph.security.futureEvidence","createdDateTime":"2024-01-01T00:00:00Z","remediationStatus":"none","verdict":"unknown","novel":{"a":1}}]}`
	var a v1.Alert
	err := a.UnmarshalJSON([]byte(doc))
	if err == nil || !strings.Contains(err.Error(), "futureEvidence") {
		t.Fatalf("strict: got %v, want a violation naming the unknown type", err)
	}
	var b v1.Alert
	tolerated, err := shape.UnmarshalLenient([]byte(doc), &b)
	if err != nil {
		t.Fatalf("lenient: %v", err)
	}
	if len(tolerated) != 1 {
		t.Errorf("lenient: tolerated %v, want one point", tolerated)
	}
	base, ok := b.Evidence.Value[0].(*v1.AlertEvidenceBase)
	if !ok {
		t.Fatalf("lenient: item is %T, want *v1.AlertEvidenceBase", b.Evidence.Value[0])
	}
	if string(base.Extra["novel"]) != `{"a":1}` {
		t.Errorf("lenient: Extra = %v, want novel kept as sent", base.Extra)
	}
	out, err := shape.Marshal(&b)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(out), `"novel":{"a":1}`) || !strings.Contains(string(out), "futureEvidence") {
		t.Errorf("re-encoded %s lost the unknown item's members", out)
	}
}

// TestDateTimeRoundTrip: date-time members are time.Time, and the instant
// (and offset) survive decode -> encode -> decode.
func TestDateTimeRoundTrip(t *testing.T) {
	var inc v1.Incident
	inc.CreatedDateTime = time.Time{}
	var alert v1.Alert
	alert.CreatedDateTime = shape.Optional[time.Time]{}
	for _, text := range []string{"2021-08-13T08:43:35.5533333Z", "2021-08-13T10:43:35+02:00", "2016-12-31T23:59:60Z", "2021-08-13t08:43:35.123456789123z"} {
		doc := `{"id":"1","createdDateTime":"` + text + `","lastUpdateDateTime":"2021-08-13T08:43:35Z","severity":"low","status":"active"}`
		var a v1.Incident
		if err := a.UnmarshalJSON([]byte(doc)); err != nil {
			t.Fatalf("%s: %v", text, err)
		}
		want, err := time.Parse(time.RFC3339Nano, strings.ToUpper(strings.Replace(text, ":60Z", ":59Z", 1)))
		if err != nil {
			t.Fatal(err)
		}
		if strings.Contains(text, ":60Z") {
			want = want.Add(time.Second)
		}
		if !a.CreatedDateTime.Equal(want) {
			t.Errorf("%s decoded as %v, want %v", text, a.CreatedDateTime, want)
		}
		out, err := shape.Marshal(&a)
		if err != nil {
			t.Fatal(err)
		}
		var b v1.Incident
		if err := b.UnmarshalJSON(out); err != nil {
			t.Fatalf("%s: re-decoding %s: %v", text, out, err)
		}
		if !b.CreatedDateTime.Equal(a.CreatedDateTime) {
			t.Errorf("%s: instant changed: %v then %v", text, a.CreatedDateTime, b.CreatedDateTime)
		}
		_, off1 := a.CreatedDateTime.Zone()
		_, off2 := b.CreatedDateTime.Zone()
		if off1 != off2 {
			t.Errorf("%s: offset changed: %d then %d", text, off1, off2)
		}
	}
	bad := `{"id":"1","createdDateTime":"yesterday","lastUpdateDateTime":"2021-08-13T08:43:35Z","severity":"low","status":"active"}`
	var c v1.Incident
	if err := c.UnmarshalJSON([]byte(bad)); err == nil || !strings.Contains(err.Error(), "/createdDateTime") {
		t.Errorf("a bad date-time: got %v, want a violation at /createdDateTime", err)
	}
	var d v1.Incident
	points, err := shape.UnmarshalLenient([]byte(bad), &d)
	if err != nil || len(points) != 1 || points[0].InstanceLocation != "/createdDateTime" {
		t.Errorf("lenient: got %v, %v; want one point at /createdDateTime", points, err)
	}
	out, err := shape.Marshal(&d)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(out), `"createdDateTime":"yesterday"`) {
		t.Errorf("lenient re-encoding lost the bad date-time: %s", out)
	}
}

// TestValidateGoValues: Validate on a value built in Go reports the
// required members it does not set; a decoded sample validates.
func TestValidateGoValues(t *testing.T) {
	var empty v1.Incident
	err := empty.Validate()
	var ve *shape.ValidationError
	if !errors.As(err, &ve) {
		t.Fatalf("Incident{}.Validate() = %v, want a *shape.ValidationError", err)
	}
	var missing []string
	for _, v := range ve.Violations {
		if v.Keyword == "required" {
			missing = append(missing, v.Message)
		}
	}
	sort.Strings(missing)
	want := []string{`missing required property "createdDateTime"`, `missing required property "id"`, `missing required property "lastUpdateDateTime"`, `missing required property "severity"`, `missing required property "status"`}
	if diff := cmp.Diff(want, missing); diff != "" {
		t.Errorf("Incident{}.Validate() missing (-want +got):\n%s", diff)
	}
	now := time.Date(2026, 12, 2, 13, 0, 0, 0, time.UTC)
	full := v1.Incident{ID: "1", CreatedDateTime: now, LastUpdateDateTime: now, Severity: v1.AlertSeverityLow, Status: v1.IncidentStatusActive}
	if err := full.Validate(); err != nil {
		t.Errorf("a complete Incident: %v", err)
	}
	data, err := os.ReadFile("../testdata/v1.0/own/list-expand-alerts.json")
	if err != nil {
		t.Fatal(err)
	}
	var list v1.IncidentCollectionResponse
	if err := list.UnmarshalJSON(data); err != nil {
		t.Fatal(err)
	}
	if err := list.Validate(); err != nil {
		t.Errorf("a decoded sample does not validate: %v", err)
	}
}

// TestLenientLosesNothing: lenient re-encoding invents no absent member
// and drops no array item of the wrong type.
func TestLenientLosesNothing(t *testing.T) {
	for _, tc := range []struct{ doc, want string }{
		// Required members absent: not invented.
		{`{"id":"1","qty":1}`, `{"id":"1","qty":1}`},
		// An item of the wrong type: the array is kept as sent.
		{`{"id":"1","customTags":["a",5,"b"]}`, `{"id":"1","customTags":["a",5,"b"]}`},
		// A derived-type array with an item that is no object.
		{`{"id":"1","alerts":[{"id":"a","evidence":[5]}]}`, `{"alerts":[{"id":"a","evidence":[5]}],"id":"1"}`},
	} {
		var inc v1.Incident
		if _, err := shape.UnmarshalLenient([]byte(tc.doc), &inc); err != nil {
			t.Fatalf("%s: %v", tc.doc, err)
		}
		out, err := shape.Marshal(&inc)
		if err != nil {
			t.Fatal(err)
		}
		if string(out) != tc.want {
			t.Errorf("%s re-encoded as %s, want %s", tc.doc, out, tc.want)
		}
	}
	// A field set after decoding is written, although it was absent.
	var inc v1.Incident
	if _, err := shape.UnmarshalLenient([]byte(`{"qty":1}`), &inc); err != nil {
		t.Fatal(err)
	}
	inc.ID = "9"
	out, err := shape.Marshal(&inc)
	if err != nil {
		t.Fatal(err)
	}
	if string(out) != `{"id":"9","qty":1}` {
		t.Errorf("got %s, want the id set after decoding", out)
	}
}

// TestRepeatedDiscriminator: a repeated @odata.type fails strict decoding
// whichever occurrence chose the branch (the first one, when it stands
// first, is taken without scanning the rest of the object).
func TestRepeatedDiscriminator(t *testing.T) {
	const ev = `{"@odata.type":"#microsoft.graph.security.deviceEvidence","createdDateTime":"2024-01-01T00:00:00Z","remediationStatus":"none","verdict":"unknown","@odata.type":"#microsoft.graph.security.userEvidence"}`
	doc := `{"id":"a","serviceSource":"microsoftDefenderForEndpoint","severity":"low","status":"new","evidence":[` + ev + `]}`
	var a v1.Alert
	err := a.UnmarshalJSON([]byte(doc))
	var ve *shape.ValidationError
	if !errors.As(err, &ve) {
		t.Fatalf("got %v, want a *shape.ValidationError", err)
	}
	dup := false
	for _, v := range ve.Violations {
		dup = dup || v.Keyword == "duplicate" && v.InstanceLocation == "/evidence/0/@odata.type"
	}
	if !dup {
		t.Errorf("no duplicate violation at /evidence/0/@odata.type in %v", ve)
	}
}
