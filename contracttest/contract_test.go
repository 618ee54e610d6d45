package contracttest

import (
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/graphshape/graphshape/generated/beta"
	"github.com/graphshape/graphshape/generated/shape"
	v1 "github.com/graphshape/graphshape/generated/v1"
	"github.com/graphshape/graphshape/internal/golden"
	"github.com/graphshape/graphshape/schema"
)

var update = flag.Bool("update", false, "rewrite golden files")

const testdata = "../testdata"

// target returns the Target for a built-in version's root type (ptr "")
// or one of its $defs.
func target(t testing.TB, version, ptr string) *Target {
	t.Helper()
	data, file, err := schema.Builtin(version)
	if err != nil {
		t.Fatal(err)
	}
	name := version + " Incident"
	var newFn func() shape.Decodable
	switch {
	case version == "v1.0" && ptr == "":
		newFn = func() shape.Decodable { return new(v1.Incident) }
	case version == "v1.0":
		name = version + " IncidentCollectionResponse"
		newFn = func() shape.Decodable { return new(v1.IncidentCollectionResponse) }
	case ptr == "":
		newFn = func() shape.Decodable { return new(beta.Incident) }
	default:
		name = version + " IncidentCollectionResponse"
		newFn = func() shape.Decodable { return new(beta.IncidentCollectionResponse) }
	}
	return &Target{Name: name, SchemaName: filepath.Base(file), Schema: data, Pointer: ptr, New: newFn}
}

const listPointer = "/$defs/incidentCollectionResponse"

// samples returns the sample files of a version: documented ones directly in
// testdata/<version>/, our own under testdata/<version>/own/. Files whose
// name starts with "list-" are list responses; "patch-request" files are
// request bodies, checked elsewhere.
func samples(t *testing.T, version string, own, list bool) []string {
	t.Helper()
	dir := filepath.Join(testdata, version)
	if own {
		dir = filepath.Join(dir, "own")
	}
	all, err := filepath.Glob(filepath.Join(dir, "*.json"))
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, f := range all {
		base := filepath.Base(f)
		if strings.HasPrefix(base, "patch-request") {
			continue
		}
		if strings.HasPrefix(base, "list-") == list {
			out = append(out, f)
		}
	}
	return out
}

// TestSamples runs every sample of each version through its version's
// decoder and the reference validator; the documented samples' findings must
// each be explained by the ledger, and every ledger entry must still match.
func TestSamples(t *testing.T) {
	ledger, err := LoadLedger("testdata/ledger.json")
	if err != nil {
		t.Fatal(err)
	}
	documented := map[string][]Finding{}
	for _, version := range schema.Versions {
		t.Run(version, func(t *testing.T) {
			for _, own := range []bool{false, true} {
				for _, list := range []bool{false, true} {
					ptr := ""
					if list {
						ptr = listPointer
					}
					tg := target(t, version, ptr)
					files := samples(t, version, own, list)
					results := Run(t, tg, files, *update, nil)
					if !own {
						for _, f := range files {
							rel, _ := filepath.Rel(testdata, f)
							if r := results[f]; r != nil {
								documented[filepath.ToSlash(rel)+"|"+tg.Name] = r.Generated
							}
						}
					}
				}
			}
		})
	}
	if len(documented) == 0 {
		t.Fatal("no documented samples found")
	}
	unexplained, stale := ledger.Reconcile(documented)
	for _, u := range unexplained {
		t.Errorf("finding on a documented sample without a ledger entry: %s", u)
	}
	for _, s := range stale {
		t.Errorf("stale ledger entry (matches no finding): %+v", s)
	}
	t.Log("\n" + deviationTable(ledger))
	golden.Check(t, "testdata/documentation-deviations.md", []byte(deviationTable(ledger)), *update)
}

// deviationTable renders the ledger: what the documentation gets wrong, per
// version.
func deviationTable(l Ledger) string {
	var b strings.Builder
	b.WriteString("# What the documentation samples get wrong\n\nGenerated from contracttest/testdata/ledger.json by `go test ./contracttest -update`.\n\n")
	b.WriteString("| version | sample | location | keyword | why |\n|---|---|---|---|---|\n")
	entries := append(Ledger(nil), l...)
	sort.SliceStable(entries, func(i, j int) bool {
		if entries[i].Sample != entries[j].Sample {
			return entries[i].Sample < entries[j].Sample
		}
		return entries[i].InstanceLocation < entries[j].InstanceLocation
	})
	for _, e := range entries {
		version, sample, _ := strings.Cut(e.Sample, "/")
		fmt.Fprintf(&b, "| %s | %s | `%s` | %s | %s |\n", version, sample, e.InstanceLocation, e.Keyword, strings.ReplaceAll(e.Reason, "|", "\\|"))
	}
	return b.String()
}

// TestCrossVersion decodes each version's samples with the other version's
// package and goldens those findings: what a client of one version sees when
// handed the other's responses.
func TestCrossVersion(t *testing.T) {
	for _, pair := range [][2]string{{"v1.0", "beta"}, {"beta", "v1.0"}} {
		samplesOf, decodeWith := pair[0], pair[1]
		t.Run(samplesOf+"-with-"+decodeWith, func(t *testing.T) {
			for _, own := range []bool{false, true} {
				for _, list := range []bool{false, true} {
					ptr := ""
					if list {
						ptr = listPointer
					}
					tg := target(t, decodeWith, ptr)
					for _, f := range samples(t, samplesOf, own, list) {
						doc, err := os.ReadFile(f)
						if err != nil {
							t.Fatal(err)
						}
						r, err := tg.Check(doc)
						if err != nil {
							t.Fatal(err)
						}
						for _, d := range r.Disagreements {
							t.Errorf("%s with %s: validators disagree: %s", f, tg.Name, d)
						}
						golden.Check(t, f+".as-"+decodeWith+".findings.golden", GoldenText(r.Findings()), *update)
					}
				}
			}
		})
	}
}

type point struct{ Instance, Keyword string }

func points(vs []shape.Violation) []point {
	var out []point
	for _, v := range vs {
		out = append(out, point{v.InstanceLocation, v.Keyword})
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Instance != out[j].Instance {
			return out[i].Instance < out[j].Instance
		}
		return out[i].Keyword < out[j].Keyword
	})
	return out
}

func readSample(t *testing.T, rel string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(testdata, rel))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestSeedV1 is the v1.0 documentation sample: it fits the v1.0 schema.
func TestSeedV1(t *testing.T) {
	var inc v1.Incident
	if err := inc.UnmarshalJSON(readSample(t, "v1.0/get-incident.json")); err != nil {
		t.Fatalf("the v1.0 documented sample has violations: %v", err)
	}
	if inc.Status != v1.IncidentStatusActive || inc.Severity != v1.AlertSeverityHigh {
		t.Errorf("decoded status %q severity %q", inc.Status, inc.Severity)
	}
	if !inc.RedirectIncidentID.IsNull() || !inc.ResolvingComment.IsNull() {
		t.Errorf("null members not decoded as null: %+v %+v", inc.RedirectIncidentID, inc.ResolvingComment)
	}
	if got, _ := inc.PriorityScore.Get(); got != 100 {
		t.Errorf("priorityScore = %d, want 100", got)
	}
}

// TestSeedBeta is the beta documentation sample: its violations are listed,
// each with the member it means, and lenient decoding accepts it.
func TestSeedBeta(t *testing.T) {
	doc := readSample(t, "beta/get-incident.json")
	var inc beta.Incident
	err := inc.UnmarshalJSON(doc)
	var ve *shape.ValidationError
	if !errors.As(err, &ve) {
		t.Fatalf("err = %v, want a *shape.ValidationError", err)
	}
	want := []point{
		{"/@odata.type", "const"},   // #microsoft.graph.incident lacks .security
		{"/classification", "enum"}, // TruePositive
		{"/comments/0", "required"}, // createdDateTime missing
		{"/comments/0/createdBy", "additionalProperties"},
		{"/comments/0/createdTime", "additionalProperties"},
		{"/determination", "enum"}, // MultiStagedAttack
		{"/severity", "enum"},      // Medium
		{"/status", "enum"},        // Active
	}
	if diff := cmp.Diff(want, points(ve.Violations)); diff != "" {
		t.Errorf("violations (-want +got):\n%s", diff)
	}
	for _, v := range ve.Violations {
		if v.Keyword == "enum" && !strings.Contains(v.Message, "the case differs") {
			t.Errorf("%s: no case hint in %q", v.InstanceLocation, v.Message)
		}
	}
	tolerated, err := shape.UnmarshalLenient(doc, &inc)
	if err != nil {
		t.Fatalf("lenient decoding failed: %v", err)
	}
	if diff := cmp.Diff(want, points(tolerated)); diff != "" {
		t.Errorf("tolerated (-want +got):\n%s", diff)
	}
	if inc.Status != beta.IncidentStatusActive || inc.Classification.Value != beta.AlertClassificationTruePositive {
		t.Errorf("lenient decoding did not normalise: status %q classification %q", inc.Status, inc.Classification.Value)
	}
	if got := string(inc.Comments.Value[0].Extra["createdBy"]); got != `"DavidS@contoso.com"` {
		t.Errorf("unknown comment member not kept: %q", got)
	}
}

// TestRoundTrip: decode -> encode -> decode gives an equal value, and
// absent, null and present members stay as they were.
func TestRoundTrip(t *testing.T) {
	for _, rel := range []string{"v1.0/get-incident.json", "beta/get-incident.json"} {
		t.Run(rel, func(t *testing.T) {
			doc := readSample(t, rel)
			var a, b v1.Incident
			if _, err := shape.UnmarshalLenient(doc, &a); err != nil {
				t.Fatal(err)
			}
			enc, err := a.MarshalJSON()
			if err != nil {
				t.Fatal(err)
			}
			if _, err := shape.UnmarshalLenient(enc, &b); err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(a, b); diff != "" {
				t.Errorf("decode -> encode -> decode changed the value (-first +second):\n%s", diff)
			}
			if !strings.Contains(string(enc), `"redirectIncidentId":null`) {
				t.Errorf("null redirectIncidentId was not re-encoded as null: %s", enc)
			}
			if strings.Contains(string(enc), `"alerts"`) {
				t.Errorf("absent alerts appeared in the encoding: %s", enc)
			}
		})
	}
}
