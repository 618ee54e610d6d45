package contracttest

import (
	"errors"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/graphshape/graphshape/generated/beta"
	"github.com/graphshape/graphshape/generated/shape"
	v1 "github.com/graphshape/graphshape/generated/v1"
	"github.com/graphshape/graphshape/internal/model"
	"github.com/graphshape/graphshape/schema"
)

// checkEnum: every member decodes strictly; its PascalCase, UPPER and lower
// forms (where they are not members themselves) fail strictly with a hint
// naming the member, and decode leniently to the member with the tolerance
// reported.
func checkEnum[T ~string, P interface {
	*T
	shape.Decodable
}](t *testing.T, name string, members []T) {
	t.Run(name, func(t *testing.T) {
		if len(members) == 0 {
			t.Fatal("no members")
		}
		isMember := map[string]bool{}
		for _, m := range members {
			isMember[string(m)] = true
		}
		for _, m := range members {
			var v T
			if err := shape.Unmarshal([]byte(`"`+string(m)+`"`), P(&v)); err != nil || v != m {
				t.Errorf("member %q: strict decode gave %q, %v", m, v, err)
			}
			for _, variant := range []string{pascal(string(m)), strings.ToUpper(string(m)), strings.ToLower(string(m))} {
				if isMember[variant] {
					continue
				}
				var s T
				err := shape.Unmarshal([]byte(`"`+variant+`"`), P(&s))
				var ve *shape.ValidationError
				if !errors.As(err, &ve) || ve.Violations[0].Keyword != "enum" || !strings.Contains(ve.Violations[0].Message, `the member is "`+string(m)+`"`) {
					t.Errorf("%q: strict decode error %v, want an enum violation naming %q", variant, err, m)
				}
				var l T
				tolerated, err := shape.UnmarshalLenient([]byte(`"`+variant+`"`), P(&l))
				if err != nil || l != m || len(tolerated) != 1 || tolerated[0].Keyword != "enum" {
					t.Errorf("%q: lenient decode gave %q, %v, tolerated %v; want %q with one tolerance", variant, l, err, tolerated, m)
				}
			}
		}
	})
}

// TestEnumCasing covers every enum of both versions; the list is checked
// against the model, so an enum added to a schema fails until it is here.
func TestEnumCasing(t *testing.T) {
	covered := map[string][]string{
		"v1.0": {"AlertClassification", "AlertDetermination", "AlertSeverity", "AlertStatus", "DetectionSource", "EvidenceRemediationStatus", "EvidenceRole", "EvidenceVerdict", "IncidentStatus", "InvestigationState", "ServiceSource"},
	}
	covered["v1.0"] = append(covered["v1.0"], evidenceEnums...)
	// The comment request's @odata.type: two spellings of one type name,
	// not a metadata enum, so no casing to hold against the CSDL.
	covered["v1.0"] = append(covered["v1.0"], "AlertCommentRequestODataType")
	sort.Strings(covered["v1.0"])
	covered["beta"] = covered["v1.0"]
	checkEvidenceEnums(t)
	checkEnum(t, "v1.0/AlertClassification", v1.AlertClassificationMembers())
	checkEnum(t, "v1.0/AlertDetermination", v1.AlertDeterminationMembers())
	checkEnum(t, "v1.0/AlertSeverity", v1.AlertSeverityMembers())
	checkEnum(t, "v1.0/AlertStatus", v1.AlertStatusMembers())
	checkEnum(t, "v1.0/DetectionSource", v1.DetectionSourceMembers())
	checkEnum(t, "v1.0/EvidenceRemediationStatus", v1.EvidenceRemediationStatusMembers())
	checkEnum(t, "v1.0/EvidenceRole", v1.EvidenceRoleMembers())
	checkEnum(t, "v1.0/EvidenceVerdict", v1.EvidenceVerdictMembers())
	checkEnum(t, "v1.0/IncidentStatus", v1.IncidentStatusMembers())
	checkEnum(t, "v1.0/InvestigationState", v1.InvestigationStateMembers())
	checkEnum(t, "v1.0/ServiceSource", v1.ServiceSourceMembers())
	checkEnum(t, "beta/AlertClassification", beta.AlertClassificationMembers())
	checkEnum(t, "beta/AlertDetermination", beta.AlertDeterminationMembers())
	checkEnum(t, "beta/AlertSeverity", beta.AlertSeverityMembers())
	checkEnum(t, "beta/AlertStatus", beta.AlertStatusMembers())
	checkEnum(t, "beta/DetectionSource", beta.DetectionSourceMembers())
	checkEnum(t, "beta/EvidenceRemediationStatus", beta.EvidenceRemediationStatusMembers())
	checkEnum(t, "beta/EvidenceRole", beta.EvidenceRoleMembers())
	checkEnum(t, "beta/EvidenceVerdict", beta.EvidenceVerdictMembers())
	checkEnum(t, "beta/IncidentStatus", beta.IncidentStatusMembers())
	checkEnum(t, "beta/InvestigationState", beta.InvestigationStateMembers())
	checkEnum(t, "beta/ServiceSource", beta.ServiceSourceMembers())
	for _, version := range schema.Versions {
		data, file, err := schema.Builtin(version)
		if err != nil {
			t.Fatal(err)
		}
		doc, _, err := schema.Compile(filepath.Base(file), data)
		if err != nil {
			t.Fatal(err)
		}
		res, err := model.Build(doc, model.Options{Root: "Incident"})
		if err != nil {
			t.Fatal(err)
		}
		var enums []string
		for _, ty := range res.Types {
			if ty.Schema.Kind == model.KindEnum && ty.Schema.Ref == nil {
				enums = append(enums, ty.GoName)
			}
		}
		sort.Strings(enums)
		if diff := cmp.Diff(covered[version], enums); diff != "" {
			t.Errorf("%s: enums in the schema vs covered here (-covered +schema):\n%s", version, diff)
		}
	}
}

// TestPatchRequest: the PATCH body sample fits incidentUpdate (only
// updatable members, null clears a member) and re-encodes as sent.
func TestPatchRequest(t *testing.T) {
	for _, tt := range []struct {
		version string
		decode  func([]byte) ([]byte, error)
	}{
		{"v1.0", func(b []byte) ([]byte, error) {
			var u v1.IncidentUpdate
			if err := u.UnmarshalJSON(b); err != nil {
				return nil, err
			}
			if !u.ResolvingComment.IsNull() || u.Status.Value != v1.IncidentStatusResolved || u.Summary.IsPresent() {
				t.Errorf("decoded %+v", u)
			}
			return u.MarshalJSON()
		}},
		{"beta", func(b []byte) ([]byte, error) {
			var u beta.IncidentUpdate
			if err := u.UnmarshalJSON(b); err != nil {
				return nil, err
			}
			return u.MarshalJSON()
		}},
	} {
		t.Run(tt.version, func(t *testing.T) {
			doc := readSample(t, tt.version+"/own/patch-request.json")
			enc, err := tt.decode(doc)
			if err != nil {
				t.Fatal(err)
			}
			want := `{"assignedTo":"KaiC@contoso.com","classification":"truePositive","customTags":["Demo"],"determination":"multiStagedAttack","resolvingComment":null,"status":"resolved"}`
			if string(enc) != want {
				t.Errorf("re-encoded\n%s\nwant\n%s", enc, want)
			}
			data, file, _ := schema.Builtin(tt.version)
			tg := &Target{Name: tt.version + " IncidentUpdate", SchemaName: filepath.Base(file), Schema: data, Pointer: "/$defs/incidentUpdate",
				New: func() shape.Decodable {
					if tt.version == "v1.0" {
						return new(v1.IncidentUpdate)
					}
					return new(beta.IncidentUpdate)
				}}
			r, err := tg.Check(doc)
			if err != nil || len(r.Findings()) > 0 {
				t.Errorf("patch request: %v, findings %v", err, r.Findings())
			}
			// A read-only member is not part of an update.
			r, err = tg.Check([]byte(`{"id":"29","status":"active"}`))
			if err != nil || len(r.Generated) != 1 || r.Generated[0].InstanceLocation != "/id" || len(r.Disagreements) > 0 {
				t.Errorf("read-only id in a PATCH body: %v, %+v", err, r)
			}
		})
	}
}
