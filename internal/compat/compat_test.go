package compat

import (
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

// TestRules has one minimal schema pair per rule, judged in both directions.
func TestRules(t *testing.T) {
	tests := []struct {
		rule, old, new string
		resp, req      level.Level
		reason         string
	}{
		{"property-removed", `{"type":"object","properties":{"a":{"type":"string"},"b":{"type":"string"}}}`, `{"type":"object","properties":{"a":{"type":"string"}}}`, level.Breaking, level.Breaking, "readers lose b"},
		{"property-added-closed", `{"type":"object","properties":{"a":{"type":"string"}},"additionalProperties":false}`, `{"type":"object","properties":{"a":{"type":"string"},"b":{"type":"string"}},"additionalProperties":false}`, level.Breaking, level.Info, "strict old readers reject b"},
		{"property-added", `{"type":"object","properties":{"a":{"type":"string"}}}`, `{"type":"object","properties":{"a":{"type":"string"},"b":{"type":"string"}}}`, level.Info, level.Info, "open objects tolerate b"},
		{"property-renamed-case", `{"type":"object","properties":{"tenantId":{"type":"string"}}}`, `{"type":"object","properties":{"tenantID":{"type":"string"}}}`, level.Breaking, level.Breaking, "names are case-sensitive"},
		{"type-widened", `{"type":"object","properties":{"a":{"type":"string"}}}`, `{"type":"object","properties":{"a":{"type":["string","integer"]}}}`, level.Breaking, level.Info, "readers get integers"},
		{"type-narrowed", `{"type":"object","properties":{"a":{"type":["string","integer"]}}}`, `{"type":"object","properties":{"a":{"type":"string"}}}`, level.Info, level.Breaking, "writers of integers are rejected"},
		{"type-changed", `{"type":"object","properties":{"a":{"type":"string"}}}`, `{"type":"object","properties":{"a":{"type":"boolean"}}}`, level.Breaking, level.Breaking, "neither covers the other"},
		{"property-became-nullable", `{"type":"object","properties":{"a":{"type":"string"}}}`, `{"type":"object","properties":{"a":{"type":["string","null"]}}}`, level.Breaking, level.Info, "readers must handle null"},
		{"property-became-non-nullable", `{"type":"object","properties":{"a":{"type":["string","null"]}}}`, `{"type":"object","properties":{"a":{"type":"string"}}}`, level.Info, level.Breaking, "writers clearing with null are rejected"},
		{"property-became-required", `{"type":"object","properties":{"a":{"type":"string"}}}`, `{"type":"object","properties":{"a":{"type":"string"}},"required":["a"]}`, level.Info, level.Breaking, "writers must send a"},
		{"property-became-optional", `{"type":"object","properties":{"a":{"type":"string"}},"required":["a"]}`, `{"type":"object","properties":{"a":{"type":"string"}}}`, level.Breaking, level.Info, "readers relying on a break"},
		{"enum-member-added-evolvable", `{"enum":["a","unknownFutureValue"],"type":"string"}`, `{"enum":["a","unknownFutureValue","b"],"type":"string"}`, level.Info, level.Info, "Graph clients map b to the sentinel"},
		{"enum-member-added", `{"enum":["a"],"type":"string"}`, `{"enum":["a","b"],"type":"string"}`, level.Breaking, level.Info, "strict readers reject b"},
		{"enum-member-removed", `{"enum":["a","b"],"type":"string"}`, `{"enum":["a"],"type":"string"}`, level.Breaking, level.Breaking, "writers of b are rejected"},
		{"enum-casing-changed", `{"enum":["TruePositive"],"type":"string"}`, `{"enum":["truePositive"],"type":"string"}`, level.Breaking, level.Breaking, "case-sensitive"},
		{"enum-members-reordered", `{"enum":["a","b"],"type":"string"}`, `{"enum":["b","a"],"type":"string"}`, level.Info, level.Info, "values travel by name"},
		{"enum-sentinel-removed", `{"enum":["a","unknownFutureValue"],"type":"string"}`, `{"enum":["a"],"type":"string"}`, level.Breaking, level.Warning, "no longer evolvable"},
		{"enum-sentinel-added", `{"enum":["a"],"type":"string"}`, `{"enum":["a","unknownFutureValue"],"type":"string"}`, level.Warning, level.Info, "readers may get the sentinel"},
		{"const-changed", `{"const":"#a"}`, `{"const":"#b"}`, level.Breaking, level.Breaking, "a different value"},
		{"format-changed", `{"type":"string","format":"date"}`, `{"type":"string","format":"date-time"}`, level.Warning, level.Warning, "values valid before may fail"},
		{"limit-tightened", `{"type":"string","maxLength":10}`, `{"type":"string","maxLength":5}`, level.Info, level.Breaking, "writers of long strings are rejected"},
		{"limit-loosened", `{"type":"integer","maximum":5}`, `{"type":"integer","maximum":10}`, level.Warning, level.Info, "readers may get larger numbers"},
		{"object-closed", `{"type":"object","properties":{"a":{"type":"string"}}}`, `{"type":"object","properties":{"a":{"type":"string"}},"additionalProperties":false}`, level.Info, level.Breaking, "writers of extra members are rejected"},
		{"object-opened", `{"type":"object","properties":{"a":{"type":"string"}},"additionalProperties":false}`, `{"type":"object","properties":{"a":{"type":"string"}}}`, level.Breaking, level.Info, "strict readers reject extra members"},
		{"read-only-changed", `{"type":"object","properties":{"a":{"type":"string"}}}`, `{"type":"object","properties":{"a":{"type":"string","readOnly":true}}}`, level.Info, level.Warning, "writers should stop sending a"},
		{"description-changed", `{"type":"string","description":"x"}`, `{"type":"string","description":"y"}`, level.Info, level.Info, "documentation only"},
		{"definition-added", `{"type":"string"}`, `{"type":"string","$defs":{"x":{"type":"string"}}}`, level.Info, level.Info, "new generated type"},
		{"definition-removed", `{"type":"string","$defs":{"x":{"type":"string"}}}`, `{"type":"string"}`, level.Warning, level.Warning, "a generated type disappears"},
	}
	covered := map[string]bool{}
	for _, tt := range tests {
		t.Run(tt.rule, func(t *testing.T) {
			covered[tt.rule] = true
			d := delta.Compare(build(t, tt.old), build(t, tt.new))
			for dir, want := range map[Direction]level.Level{Response: tt.resp, Request: tt.req} {
				var got []judged
				for _, f := range Check(d, dir) {
					got = append(got, judged{f.Rule, f.Path, f.Level})
				}
				found := false
				for _, g := range got {
					if g.Rule == tt.rule {
						found = true
						if g.Level != want {
							t.Errorf("%s: level %v, want %v (%s)", dir, g.Level, want, tt.reason)
						}
					}
				}
				if !found {
					t.Errorf("%s: rule %s not reported; got %v", dir, tt.rule, got)
				}
			}
		})
	}
	for _, r := range Rules {
		if !covered[r.ID] {
			t.Errorf("rule %s has no test", r.ID)
		}
	}
}

func TestNoChange(t *testing.T) {
	s := `{"type":"object","properties":{"a":{"$ref":"#/$defs/e"}},"$defs":{"e":{"enum":["x"],"type":"string"}}}`
	if d := delta.Compare(build(t, s), build(t, s)); d != nil {
		t.Errorf("identical schemas: diff %+v, want nil", d)
	}
	if f := Check(nil, Response); f != nil {
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
		{"type-narrowed", `"score":{"type":["number","string"]}`, `"score":{"type":"number"}`, []judged{{"type-narrowed", "/score", level.Info}}, "readers get a subset"},
		{"object-closed", `"meta":{"type":"object","properties":{"a":{"type":"string"}}}`, `"meta":{"type":"object","properties":{"a":{"type":"string"}},"additionalProperties":false}`, []judged{{"object-closed", "/meta", level.Info}}, "readers are fine; writers are not"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			next := replaceOnce(t, base, tt.from, tt.to)
			var got []judged
			for _, f := range Check(delta.Compare(build(t, base), build(t, next)), Response) {
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
