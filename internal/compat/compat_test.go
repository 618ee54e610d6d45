package compat

import (
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/graphshape/graphshape/internal/delta"
	"github.com/graphshape/graphshape/internal/level"
	"github.com/graphshape/graphshape/internal/model"
	"github.com/graphshape/graphshape/schema"
)

func build(t *testing.T, src string) *model.Resource {
	t.Helper()
	doc, _, err := schema.Compile("s.schema.json", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	r, err := model.Build(doc, model.Options{Root: "Root"})
	if err != nil {
		t.Fatal(err)
	}
	return r
}

type judged struct {
	Rule, Path string
	Level      level.Level
}

// want is what one profile says of a change: the rule that judges it and
// its level for each direction.
type want struct {
	rule      string
	resp, req level.Level
}

const (
	obj       = `{"type":"object","properties":{"a":{"type":"string"}}}`
	objClosed = `{"type":"object","properties":{"a":{"type":"string"}},"additionalProperties":false}`
)

// TestRules has one minimal schema pair per rule, judged in both
// directions and both profiles. Where a rule does not exist in a profile,
// the case names the rule that judges the change there instead. Every
// finding is asserted: the other rules stay silent.
func TestRules(t *testing.T) {
	tests := []struct {
		name, old, new string
		graph, strict  want
		also           []string // further rule IDs the pair rightly triggers (any level, any profile)
		policy         string   // part of the policy line the graph rule quotes; "" when it quotes none
		reason         string
	}{
		{"annotation-changed", `{"type":"object","properties":{"@odata.etag":{"type":"string"},"a":{"type":"string"}}}`, obj,
			want{"annotation-changed", level.Info, level.Info}, want{"property-removed", level.Breaking, level.Breaking}, nil,
			"change to the type of an annotation", "annotations are not declared properties in Graph"},
		{"property-removed", `{"type":"object","properties":{"a":{"type":"string"},"b":{"type":"string"}}}`, obj,
			want{"property-removed", level.Breaking, level.Breaking}, want{"property-removed", level.Breaking, level.Breaking}, nil,
			"Removal, rename, or change to the type of a declared property", "readers lose b"},
		{"property-added-required", objClosed, `{"type":"object","properties":{"a":{"type":"string"},"b":{"type":"string"}},"required":["b"],"additionalProperties":false}`,
			want{"property-added-required", level.Breaking, level.Breaking}, want{"property-added-closed", level.Breaking, level.Info}, nil,
			`Adding Nullable="false" properties`, "writers must now send b"},
		{"property-added-non-nullable", obj, `{"type":"object","properties":{"a":{"type":"string"},"b":{"type":"integer"}}}`,
			want{"property-added-non-nullable", level.Breaking, level.Breaking}, want{"property-added", level.Info, level.Info}, nil,
			`Adding Nullable="false" properties`, "Graph: a non-nullable property added breaks, even to an open object"},
		{"property-added-closed", objClosed, `{"type":"object","properties":{"a":{"type":"string"},"b":{"type":["string","null"]}},"additionalProperties":false}`,
			want{"property-added-closed", level.Warning, level.Info}, want{"property-added-closed", level.Breaking, level.Info}, nil,
			"Addition of properties that are nullable", "Graph: compatible; strict old readers reject b"},
		{"property-added-closed/default", objClosed, `{"type":"object","properties":{"a":{"type":"string"},"b":{"type":"string","default":"x"}},"additionalProperties":false}`,
			want{"property-added-closed", level.Warning, level.Info}, want{"property-added-closed", level.Breaking, level.Info}, nil,
			"have a default value", "a defaulted property counts as nullable"},
		{"property-added-closed/array", objClosed, `{"type":"object","properties":{"a":{"type":"string"},"b":{"type":"array","items":{"type":"string"}}},"additionalProperties":false}`,
			want{"property-added-closed", level.Warning, level.Info}, want{"property-added-closed", level.Breaking, level.Info}, nil,
			"have a default value", "a collection reads as empty when absent"},
		{"property-added", obj, `{"type":"object","properties":{"a":{"type":"string"},"b":{"type":["string","null"]}}}`,
			want{"property-added", level.Info, level.Info}, want{"property-added", level.Info, level.Info}, nil,
			"Addition of properties that are nullable", "open objects tolerate b"},
		{"property-renamed-case", `{"type":"object","properties":{"tenantId":{"type":"string"}}}`, `{"type":"object","properties":{"tenantID":{"type":"string"}}}`,
			want{"property-renamed-case", level.Breaking, level.Breaking}, want{"property-renamed-case", level.Breaking, level.Breaking}, nil,
			"rename", "names are case-sensitive"},
		{"type-widened", obj, `{"type":"object","properties":{"a":{"type":["string","integer"]}}}`,
			want{"type-widened", level.Breaking, level.Breaking}, want{"type-widened", level.Breaking, level.Info}, nil,
			"change to the type of a declared property", "readers get integers"},
		{"type-narrowed", `{"type":"object","properties":{"a":{"type":["string","integer"]}}}`, obj,
			want{"type-narrowed", level.Breaking, level.Breaking}, want{"type-narrowed", level.Info, level.Breaking}, nil,
			"change to the type of a declared property", "writers of integers are rejected; Graph calls any type change breaking"},
		{"type-changed", obj, `{"type":"object","properties":{"a":{"type":"boolean"}}}`,
			want{"type-changed", level.Breaking, level.Breaking}, want{"type-changed", level.Breaking, level.Breaking}, nil,
			"change to the type of a declared property", "neither covers the other"},
		{"property-became-nullable", obj, `{"type":"object","properties":{"a":{"type":["string","null"]}}}`,
			want{"property-became-nullable", level.Breaking, level.Info}, want{"property-became-nullable", level.Breaking, level.Info}, nil,
			"change to the type of a declared property", "readers must handle null"},
		{"property-became-non-nullable", `{"type":"object","properties":{"a":{"type":["string","null"]}}}`, obj,
			want{"property-became-non-nullable", level.Info, level.Breaking}, want{"property-became-non-nullable", level.Info, level.Breaking}, nil,
			"change to the type of a declared property", "writers clearing with null are rejected"},
		{"property-became-required", obj, `{"type":"object","properties":{"a":{"type":"string"}},"required":["a"]}`,
			want{"property-became-required", level.Info, level.Breaking}, want{"property-became-required", level.Info, level.Breaking}, nil,
			`Adding Nullable="false" properties`, "writers must send a"},
		{"property-became-optional", `{"type":"object","properties":{"a":{"type":"string"}},"required":["a"]}`, obj,
			want{"property-became-optional", level.Breaking, level.Info}, want{"property-became-optional", level.Breaking, level.Info}, nil,
			"", "readers relying on a break"},
		{"enum-member-added-before-sentinel", `{"enum":["a","unknownFutureValue"],"type":"string"}`, `{"enum":["a","b","unknownFutureValue"],"type":"string"}`,
			want{"enum-member-added-before-sentinel", level.Breaking, level.Breaking}, want{"enum-member-added-evolvable", level.Info, level.Info}, nil,
			"New values MUST not be inserted into the enum before `unknownFutureValue`", "clients that did not opt in receive b"},
		{"enum-member-added-evolvable", `{"enum":["a","unknownFutureValue"],"type":"string"}`, `{"enum":["a","unknownFutureValue","b"],"type":"string"}`,
			want{"enum-member-added-evolvable", level.Info, level.Info}, want{"enum-member-added-evolvable", level.Info, level.Info}, nil,
			"Adding a member after the sentinel member", "Graph clients get the sentinel for b"},
		{"enum-member-added", `{"enum":["a"],"type":"string"}`, `{"enum":["a","b"],"type":"string"}`,
			want{"enum-member-added", level.Breaking, level.Info}, want{"enum-member-added", level.Breaking, level.Info}, nil,
			"Adding EnumType members for nonevolvable enumerations", "strict readers reject b"},
		{"enum-member-removed", `{"enum":["a","b"],"type":"string"}`, `{"enum":["a"],"type":"string"}`,
			want{"enum-member-removed", level.Breaking, level.Breaking}, want{"enum-member-removed", level.Breaking, level.Breaking}, nil,
			"change to the type of a declared property", "writers of b are rejected"},
		{"enum-casing-changed", `{"enum":["TruePositive"],"type":"string"}`, `{"enum":["truePositive"],"type":"string"}`,
			want{"enum-casing-changed", level.Breaking, level.Breaking}, want{"enum-casing-changed", level.Breaking, level.Breaking}, nil,
			"", "case-sensitive"},
		{"enum-members-reordered", `{"enum":["a","b"],"type":"string"}`, `{"enum":["b","a"],"type":"string"}`,
			want{"enum-members-reordered", level.Info, level.Info}, want{"enum-members-reordered", level.Info, level.Info}, nil,
			"", "values travel by name"},
		{"enum-sentinel-moved", `{"enum":["a","b","unknownFutureValue"],"type":"string"}`, `{"enum":["a","unknownFutureValue","b"],"type":"string"}`,
			want{"enum-sentinel-moved", level.Breaking, level.Breaking}, want{"enum-members-reordered", level.Info, level.Info}, []string{"enum-members-reordered"},
			"Changing the value (that is, position) of the `unknownFutureValue` sentinel", "b becomes opt-in"},
		{"enum-sentinel-removed", `{"enum":["a","unknownFutureValue"],"type":"string"}`, `{"enum":["a"],"type":"string"}`,
			want{"enum-sentinel-removed", level.Breaking, level.Breaking}, want{"enum-sentinel-removed", level.Breaking, level.Warning}, nil,
			"Changing the value (that is, position) of the `unknownFutureValue` sentinel", "no longer evolvable"},
		{"enum-sentinel-added", `{"enum":["a"],"type":"string"}`, `{"enum":["a","unknownFutureValue"],"type":"string"}`,
			want{"enum-sentinel-added", level.Warning, level.Info}, want{"enum-sentinel-added", level.Warning, level.Info}, nil,
			"", "readers may get the sentinel"},
		{"const-changed", `{"const":"#a"}`, `{"const":"#b"}`,
			want{"const-changed", level.Breaking, level.Breaking}, want{"const-changed", level.Breaking, level.Breaking}, nil,
			"change to the type of a declared property", "a different value"},
		{"format-changed", `{"type":"string","format":"date"}`, `{"type":"string","format":"date-time"}`,
			want{"format-changed", level.Warning, level.Warning}, want{"format-changed", level.Warning, level.Warning}, nil,
			"", "values valid before may fail"},
		{"limit-tightened", `{"type":"string","maxLength":10}`, `{"type":"string","maxLength":5}`,
			want{"limit-tightened", level.Info, level.Breaking}, want{"limit-tightened", level.Info, level.Breaking}, nil,
			"", "writers of long strings are rejected"},
		{"limit-loosened", `{"type":"integer","maximum":5}`, `{"type":"integer","maximum":10}`,
			want{"limit-loosened", level.Warning, level.Info}, want{"limit-loosened", level.Warning, level.Info}, nil,
			"", "readers may get larger numbers"},
		{"object-closed", obj, objClosed,
			want{"object-closed", level.Info, level.Warning}, want{"object-closed", level.Info, level.Breaking}, nil,
			`Adding or removing an annotation OpenType="true"`, "writers of extra members are rejected"},
		{"object-opened", objClosed, obj,
			want{"object-opened", level.Info, level.Info}, want{"object-opened", level.Breaking, level.Info}, nil,
			`Adding or removing an annotation OpenType="true"`, "strict readers reject extra members; Graph readers expect them"},
		{"read-only-changed", obj, `{"type":"object","properties":{"a":{"type":"string","readOnly":true}}}`,
			want{"read-only-changed", level.Info, level.Warning}, want{"read-only-changed", level.Info, level.Warning}, nil,
			"", "writers should stop sending a"},
		{"description-changed", `{"type":"string","description":"x"}`, `{"type":"string","description":"y"}`,
			want{"description-changed", level.Info, level.Info}, want{"description-changed", level.Info, level.Info}, nil,
			"", "documentation only"},
		{"definition-added", `{"type":"string"}`, `{"type":"string","$defs":{"x":{"type":"string"}}}`,
			want{"definition-added", level.Info, level.Info}, want{"definition-added", level.Info, level.Info}, nil,
			"derived types not previously defined", "new generated type"},
		{"definition-removed", `{"type":"string","$defs":{"x":{"type":"string"}}}`, `{"type":"string"}`,
			want{"definition-removed", level.Warning, level.Warning}, want{"definition-removed", level.Warning, level.Warning}, nil,
			"", "a generated type disappears"},
	}
	// Changes delta cannot report yet (it waits on the model's
	// discriminated unions): judged from a hand-made change.
	synthetic := []struct {
		name          string
		change        delta.Change
		graph, strict want
		policy        string
		reason        string
	}{
		{"derived-type-added", delta.Change{Kind: delta.DerivedTypeAdded, Path: "/evidence/*", Detail: "#microsoft.graph.security.newEvidence"},
			want{"derived-type-added", level.Warning, level.Info}, want{"derived-type-added", level.Breaking, level.Info},
			"derived types not previously defined", "Graph clients expect new derived types; strict readers reject the discriminator"},
		{"derived-type-removed", delta.Change{Kind: delta.DerivedTypeRemoved, Path: "/evidence/*", Detail: "#microsoft.graph.security.ipEvidence"},
			want{"derived-type-removed", level.Breaking, level.Breaking}, want{"derived-type-removed", level.Breaking, level.Breaking},
			"change to the type of a declared property", "writers of the removed type are rejected"},
	}
	covered := map[Profile]map[string]bool{Graph: {}, Strict: {}}
	for _, tt := range synthetic {
		t.Run(tt.name, func(t *testing.T) {
			d := &delta.Diff{Changes: []delta.Change{tt.change}}
			for _, p := range Profiles {
				w := tt.graph
				if p == Strict {
					w = tt.strict
				}
				covered[p][w.rule] = true
				for _, dir := range []Direction{Response, Request} {
					var got []judged
					for _, f := range Check(d, dir, p) {
						got = append(got, judged{Rule: f.Rule, Path: f.Path, Level: f.Level})
					}
					lv := w.resp
					if dir == Request {
						lv = w.req
					}
					if diff := cmp.Diff([]judged{{Rule: w.rule, Path: tt.change.Path, Level: lv}}, got); diff != "" {
						t.Errorf("%s %s (-want +got) [%s]:\n%s", p, dir, tt.reason, diff)
					}
				}
			}
			var quoted []string
			for _, r := range Rules {
				if r.ID == tt.graph.rule {
					for _, q := range r.Policy {
						quoted = append(quoted, q.Text)
					}
				}
			}
			if !slices.ContainsFunc(quoted, func(q string) bool { return strings.Contains(q, tt.policy) }) {
				t.Errorf("rule %s quotes %q, want a line with %q", tt.graph.rule, quoted, tt.policy)
			}
		})
	}
	byID := map[string]Rule{}
	for _, r := range Rules {
		byID[r.ID] = r
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := delta.Compare(build(t, tt.old), build(t, tt.new))
			for _, p := range Profiles {
				w := tt.graph
				if p == Strict {
					w = tt.strict
				}
				covered[p][w.rule] = true
				if _, ok := byID[w.rule].LevelsFor(p); !ok {
					t.Errorf("%s: rule %q does not exist in this profile", p, w.rule)
				}
				for _, dir := range []Direction{Response, Request} {
					lv := w.resp
					if dir == Request {
						lv = w.req
					}
					var got []judged
					for _, f := range Check(d, dir, p) {
						if f.Rule == w.rule || !slices.Contains(tt.also, f.Rule) {
							got = append(got, judged{Rule: f.Rule, Level: f.Level})
						}
					}
					if diff := cmp.Diff([]judged{{Rule: w.rule, Level: lv}}, got); diff != "" {
						t.Errorf("%s %s (-want +got) [%s]:\n%s", p, dir, tt.reason, diff)
					}
				}
			}
			r := byID[tt.graph.rule]
			var quoted []string
			for _, q := range r.Policy {
				quoted = append(quoted, q.Text)
			}
			switch {
			case tt.policy == "" && len(r.Policy) == 0 && r.Decision == "":
				t.Errorf("rule %s quotes no policy and states no decision", r.ID)
			case tt.policy != "" && !slices.ContainsFunc(quoted, func(q string) bool { return strings.Contains(q, tt.policy) }):
				t.Errorf("rule %s quotes %q, want a line with %q", r.ID, quoted, tt.policy)
			case tt.policy == "" && len(r.Policy) > 0:
				t.Errorf("rule %s quotes %q; the test expects none", r.ID, quoted)
			}
		})
	}
	for _, r := range Rules {
		for _, p := range Profiles {
			if _, ok := r.LevelsFor(p); ok && !covered[p][r.ID] {
				t.Errorf("rule %s has no test in profile %s", r.ID, p)
			}
		}
	}
}

func TestNoChange(t *testing.T) {
	s := `{"type":"object","properties":{"a":{"$ref":"#/$defs/e"}},"$defs":{"e":{"enum":["x"],"type":"string"}}}`
	if d := delta.Compare(build(t, s), build(t, s)); d != nil {
		t.Errorf("identical schemas: diff %+v, want nil", d)
	}
	if f := Check(nil, Response, Graph); f != nil {
		t.Errorf("Check(nil) = %v", f)
	}
}

// TestRevisions: crafted revisions of one schema, each with the level a
// response consumer should see.
func TestRevisions(t *testing.T) {
	base := `{"type":"object","properties":{
		"id":{"type":"string"},
		"status":{"$ref":"#/$defs/status"},
		"kind":{"$ref":"#/$defs/kind"},
		"score":{"type":["number","string"]},
		"note":{"type":"string"},
		"meta":{"type":"object","properties":{"a":{"type":"string"}}}},
		"required":["id"],
		"$defs":{"status":{"type":"string","enum":["active","unknownFutureValue"]},"kind":{"type":"string","enum":["a","b"]}}}`
	tests := []struct {
		name, from, to string
		want           []judged
		reason         string
	}{
		{"property-removed", `"note":{"type":"string"},`, ``, []judged{{"property-removed", "/note", level.Breaking}}, "a removed property breaks readers"},
		{"made-nullable", `"note":{"type":"string"}`, `"note":{"type":["string","null"]}`, []judged{{"property-became-nullable", "/note", level.Breaking}}, "newly nullable breaks readers"},
		{"member-added-evolvable", `"enum":["active","unknownFutureValue"]`, `"enum":["active","unknownFutureValue","awaitingAction"]`, []judged{{"enum-member-added-evolvable", "/status", level.Info}}, "Graph's evolvable enums"},
		{"member-added-closed", `"enum":["a","b"]`, `"enum":["a","b","c"]`, []judged{{"enum-member-added", "/kind", level.Breaking}}, "a closed enum"},
		{"type-narrowed", `"score":{"type":["number","string"]}`, `"score":{"type":"number"}`, []judged{{"type-narrowed", "/score", level.Breaking}}, "Graph calls every change to a declared property's type breaking"},
		{"object-closed", `"meta":{"type":"object","properties":{"a":{"type":"string"}}}`, `"meta":{"type":"object","properties":{"a":{"type":"string"}},"additionalProperties":false}`, []judged{{"object-closed", "/meta", level.Info}}, "readers are fine; writers are not"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			next := replaceOnce(t, base, tt.from, tt.to)
			var got []judged
			for _, f := range Check(delta.Compare(build(t, base), build(t, next)), Response, Graph) {
				got = append(got, judged{f.Rule, f.Path, f.Level})
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("(-want +got) [%s]:\n%s", tt.reason, diff)
			}
		})
	}
}

func replaceOnce(t *testing.T, s, from, to string) string {
	t.Helper()
	for i := 0; i+len(from) <= len(s); i++ {
		if s[i:i+len(from)] == from {
			return s[:i] + to + s[i+len(from):]
		}
	}
	t.Fatalf("%q not found", from)
	return ""
}
