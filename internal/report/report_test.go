package report

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/graphshape/graphshape/internal/allow"
	"github.com/graphshape/graphshape/internal/compat"
	"github.com/graphshape/graphshape/internal/delta"
	"github.com/graphshape/graphshape/internal/level"
	"github.com/graphshape/graphshape/internal/metadata"
)

func write(t *testing.T, r *Report, format string) string {
	t.Helper()
	var b strings.Builder
	if err := r.Write(&b, format); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// sample is a report with the root, a detail, a stale entry and text that
// needs escaping in every format.
func sample() *Report {
	return &Report{
		Title:   "old -> new",
		Heading: "Schema diff: " + Code("a|b"),
		File:    "schema/x,y:z.json",
		Items: []Item{
			{Level: level.Info, Rule: "description-changed", Path: "", Message: "the root: description changed"},
			{Level: level.Breaking, Rule: "type-mismatch", Path: "/a\nb", Detail: "ns.t/a", Message: "100% | wrong"},
			{Level: level.Warning, Rule: "property-added", Path: "/c", Message: "added", File: "new.json", Line: 7},
		},
		Allowed: 2,
		Stale:   []Stale{{Rule: "r", Path: "/gone", Reason: "why"}},
		JSON:    map[string]any{"findings": []string{}},
	}
}

func TestWrite(t *testing.T) {
	for _, tt := range []struct {
		format string
		width  int
		want   string
	}{
		{"text", 0, `old -> new
info description-changed (root): the root: description changed
breaking type-mismatch /a\nb (ns.t/a): 100% | wrong
warning property-added /c: added
stale allow-list entry: r /gone (why)
3 findings: 1 breaking, 1 warning, 1 info; 2 allowed; 1 stale allow-list entries
`},
		{"text", 20, `old -> new
info     description-changed  (root): the root: description changed
breaking type-mismatch        /a\nb (ns.t/a): 100% | wrong
warning  property-added       /c: added
stale allow-list entry: r /gone (why)
3 findings: 1 breaking, 1 warning, 1 info; 2 allowed; 1 stale allow-list entries
`},
		{"markdown", 0, "## Schema diff: `a\\|b`\n\n" +
			"| level | rule | path | change |\n|---|---|---|---|\n" +
			"| info | `description-changed` | `(root)` | the root: description changed |\n" +
			"| breaking | `type-mismatch` | `/a\\nb (ns.t/a)` | 100% \\| wrong |\n" +
			"| warning | `property-added` | `/c` | added |\n\n" +
			"- stale allow-list entry: `r` `/gone` (why)\n" +
			"3 findings: 1 breaking, 1 warning, 1 info; 2 allowed; 1 stale allow-list entries.\n"},
		{"github", 0, "::notice file=schema/x%2Cy%3Az.json,title=description-changed::(root): the root: description changed\n" +
			"::error file=schema/x%2Cy%3Az.json,title=type-mismatch::/a%0Ab (ns.t/a): 100%25 | wrong\n" +
			"::warning file=new.json,line=7,title=property-added::/c: added\n" +
			"::error file=schema/x%2Cy%3Az.json,title=stale-allow-entry::r /gone matches no finding\n" +
			"3 findings: 1 breaking, 1 warning, 1 info; 2 allowed; 1 stale allow-list entries\n"},
		{"json", 0, "{\n  \"findings\": []\n}\n"},
	} {
		r := sample()
		r.RuleWidth = tt.width
		if diff := cmp.Diff(tt.want, write(t, r, tt.format)); diff != "" {
			t.Errorf("%s (width %d) (-want +got):\n%s", tt.format, tt.width, diff)
		}
	}
	if err := sample().Write(&strings.Builder{}, "yaml"); err == nil || !strings.Contains(err.Error(), `unknown format "yaml"`) {
		t.Errorf("unknown format: error %v", err)
	}
}

func TestFails(t *testing.T) {
	r := &Report{Items: []Item{{Level: level.Warning}}}
	for _, tt := range []struct {
		threshold level.Level
		want      bool
	}{{level.Info, true}, {level.Warning, true}, {level.Breaking, false}, {level.Never, false}} {
		if got := r.Fails(tt.threshold); got != tt.want {
			t.Errorf("a warning, threshold %s: Fails %v, want %v", tt.threshold, got, tt.want)
		}
	}
	r.Stale = []Stale{{Rule: "x"}}
	if !r.Fails(level.Never) {
		t.Error("a stale entry fails even with -fail-on never")
	}
	if (&Report{}).Fails(level.Info) {
		t.Error("an empty report fails")
	}
}

// TestDiff: gen diff's report names the new schema's file and line, the
// old one's for a removal, pads the rule column to the widest rule ID and
// prints the root as (root); JSON keeps "" and [] for no findings.
func TestDiff(t *testing.T) {
	oldS := Schema{Arg: "old.json", File: "dir/old.json", Data: []byte("{\n  \"properties\": {\n    \"gone\": {}\n  }\n}\n")}
	newS := Schema{Arg: "new.json", File: "dir/new.json", Data: []byte("{\n  \"properties\": {\n\n    \"added\": {}\n  }\n}\n")}
	d := &delta.Diff{Changes: []delta.Change{
		{Kind: delta.DescriptionChanged, Path: "", OldPointer: "", NewPointer: ""},
		{Kind: delta.PropertyAdded, Path: "/added", NewPointer: "/properties/added", Nullable: true, Closed: true},
		{Kind: delta.PropertyRemoved, Path: "/gone", OldPointer: "/properties/gone"},
	}}
	fs := compat.Check(d, compat.Response, compat.Graph)
	if len(fs) != 3 {
		t.Fatalf("findings %v, want 3", fs)
	}
	r := Diff(DiffInput{Old: oldS, New: newS, Direction: "response", Profile: "graph", FailOn: "breaking", Findings: fs})
	gh := strings.Split(write(t, r, "github"), "\n")
	want := []string{
		"::notice file=dir/new.json,line=1,title=description-changed::(root): the root: description changed",
		"::warning file=dir/new.json,line=4,title=property-added-closed::/added: property /added added (nullable)",
		"::error file=dir/old.json,line=3,title=property-removed::/gone: property /gone removed",
		"3 findings: 1 breaking, 1 warning, 1 info", "",
	}
	if diff := cmp.Diff(want, gh); diff != "" {
		t.Errorf("github (-want +got):\n%s", diff)
	}
	text := strings.Split(write(t, r, "text"), "\n")
	if text[0] != "old.json -> new.json (response, graph profile)" {
		t.Errorf("title %q", text[0])
	}
	if want := "info     description-changed               (root): the root: description changed"; text[1] != want {
		t.Errorf("text line\n%q, want\n%q (the rule column is %d wide)", text[1], want, ruleWidth)
	}
	if ruleWidth != len("enum-member-added-before-sentinel") {
		t.Errorf("ruleWidth %d, want the widest rule ID's", ruleWidth)
	}
	js := write(t, Diff(DiffInput{Old: oldS, New: newS, Direction: "request", Profile: "strict", FailOn: "never"}), "json")
	wantJS := "{\n  \"old\": \"old.json\",\n  \"new\": \"new.json\",\n  \"direction\": \"request\",\n  \"profile\": \"strict\",\n  \"failOn\": \"never\",\n  \"findings\": []\n}\n"
	if diff := cmp.Diff(wantJS, js); diff != "" {
		t.Errorf("json (-want +got):\n%s", diff)
	}
	if !strings.Contains(write(t, r, "json"), "\"path\": \"\",") {
		t.Error("JSON does not keep the root as \"\"")
	}
}

// TestMetadata: gen metadata-check's report shows the CSDL element as the
// detail, escapes the file and keeps a forged name on one line; an
// allow-list entry names a root finding by (root).
func TestMetadata(t *testing.T) {
	fs := []metadata.Finding{
		{Rule: "entity-not-found", Level: level.Breaking, SchemaPath: "", CSDLElement: "ns.nothing", Message: "not declared"},
		{Rule: "property-not-in-metadata", Level: level.Warning, SchemaPath: "/properties/a\ninfo forged /x", CSDLElement: "ns.t", Message: "m"},
	}
	r := Metadata(MetadataInput{File: "s,1.json", Findings: fs})
	wantText := "breaking entity-not-found (root) (ns.nothing): not declared\n" +
		"warning property-not-in-metadata /properties/a\\ninfo forged /x (ns.t): m\n" +
		"2 findings: 1 breaking, 1 warning, 0 info\n"
	if diff := cmp.Diff(wantText, write(t, r, "text")); diff != "" {
		t.Errorf("text (-want +got):\n%s", diff)
	}
	if gh := write(t, r, "github"); !strings.HasPrefix(gh, "::error file=s%2C1.json,title=entity-not-found::(root) (ns.nothing): not declared\n") {
		t.Errorf("github:\n%s", gh)
	}
	if js := write(t, Metadata(MetadataInput{}), "json"); js != "{\n  \"findings\": [],\n  \"allowed\": [],\n  \"stale\": []\n}\n" {
		t.Errorf("json of nothing:\n%s", js)
	}
	list, err := allow.Parse("a.json", []byte(`[{"rule":"entity-not-found","path":"(root)","reason":"the entity is elsewhere"}]`))
	if err != nil {
		t.Fatal(err)
	}
	kept, allowed, stale := allow.Apply(list, fs, MetadataKey)
	if len(kept) != 1 || len(allowed) != 1 || allowed[0].Rule != "entity-not-found" || len(stale) != 0 {
		t.Errorf("kept %v, allowed %v, stale %v: want the root finding allowed by (root)", kept, allowed, stale)
	}
}
