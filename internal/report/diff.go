package report

import (
	"github.com/graphshape/graphshape/internal/allow"
	"github.com/graphshape/graphshape/internal/compat"
	"github.com/graphshape/graphshape/internal/pointer"
)

// Schema is one schema of a diff as its report names it.
type Schema struct {
	Arg  string // as given on the command line: a file or a built-in version
	File string // the path annotations name (a built-in's path in the repository)
	Data []byte // the schema text, to find the line of a finding
}

// DiffInput is what gen diff found.
type DiffInput struct {
	Old, New                   Schema
	Direction, Profile, FailOn string
	Findings                   []compat.Finding // not allowed
	Allowed                    []compat.Finding // accepted by the allow-list
	Stale                      []allow.Entry    // allow-list entries that matched nothing
}

// diffJSON is gen diff's JSON shape.
type diffJSON struct {
	Old       string           `json:"old"`
	New       string           `json:"new"`
	Direction string           `json:"direction"`
	Profile   string           `json:"profile"`
	FailOn    string           `json:"failOn"`
	Findings  []compat.Finding `json:"findings"`
	Allowed   []compat.Finding `json:"allowed,omitempty"`
	Stale     []allow.Entry    `json:"stale,omitempty"`
}

// ruleWidth is the width of the widest rule ID in compat.Rules, the rule
// column of gen diff's text.
var ruleWidth = func() int {
	n := 0
	for _, r := range compat.Rules {
		n = max(n, len(r.ID))
	}
	return n
}()

// Diff is gen diff's report. Text and Markdown head it with the two
// schemas, direction and profile; a GitHub annotation names the file and
// line of its finding in the new schema, or in the old one for a removal.
func Diff(in DiffInput) *Report {
	r := &Report{
		Title:     in.Old.Arg + " -> " + in.New.Arg + " (" + in.Direction + ", " + in.Profile + " profile)",
		Heading:   "Schema diff: " + Code(in.Old.Arg) + " → " + Code(in.New.Arg) + " (" + in.Direction + ", " + in.Profile + " profile)",
		RuleWidth: ruleWidth,
		Allowed:   len(in.Allowed),
		JSON: diffJSON{Old: in.Old.Arg, New: in.New.Arg, Direction: in.Direction, Profile: in.Profile, FailOn: in.FailOn,
			Findings: nonNil(in.Findings), Allowed: in.Allowed, Stale: in.Stale},
	}
	for _, f := range in.Findings {
		side, ptr := in.New, f.NewPointer
		if f.Removed() {
			side, ptr = in.Old, f.OldPointer
		}
		line, _ := pointer.Locate(side.Data, ptr)
		r.Items = append(r.Items, Item{Level: f.Level, Rule: f.Rule, Path: f.Path, Message: f.Message, File: side.File, Line: line})
	}
	r.Stale = stale(in.Stale)
	return r
}

func stale(es []allow.Entry) []Stale {
	out := make([]Stale, len(es))
	for i, e := range es {
		out[i] = Stale{Rule: e.Rule, Path: e.Path, Reason: e.Reason}
	}
	return out
}

// nonNil returns s, or an empty slice for nil, so JSON prints [] and not
// null.
func nonNil[S ~[]E, E any](s S) S {
	if s == nil {
		return S{}
	}
	return s
}
