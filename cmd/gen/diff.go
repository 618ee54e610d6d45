package main

import (
	"encoding/json"
	"fmt"
	"path/filepath"

	"github.com/graphshape/graphshape/internal/allow"
	"github.com/graphshape/graphshape/internal/compat"
	"github.com/graphshape/graphshape/internal/delta"
	"github.com/graphshape/graphshape/internal/level"
	"github.com/graphshape/graphshape/internal/model"
	"github.com/graphshape/graphshape/internal/report"
	"github.com/graphshape/graphshape/schema"
)

// runDiff implements "gen diff".
func runDiff(e *env, args []string) error {
	fs := newFlagSet(e, "diff", "diff [-format text|markdown|json|github] [-fail-on breaking|warning|info|never] [-direction response|request] [-allow FILE] OLD NEW",
		"  gen diff v1.0 beta\n  gen diff -fail-on warning -format github old.schema.json new.schema.json")
	format := fs.String("format", "text", "output `format`: text, markdown, json or github")
	failOn := fs.String("fail-on", "breaking", "exit 1 when a finding reaches this `level`: breaking, warning, info or never")
	direction := fs.String("direction", "response", "judge for a consumer of responses or a sender of requests: response or request")
	allowFile := fs.String("allow", "", "allow-list `file` of accepted findings, each with a reason")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	switch *format {
	case "text", "markdown", "json", "github":
	default:
		return usagef("diff: unknown format %q (want text, markdown, json or github)", *format)
	}
	threshold, err := level.Parse(*failOn)
	if err != nil {
		return usagef("diff: -fail-on: %v", err)
	}
	dir, err := compat.ParseDirection(*direction)
	if err != nil {
		return usagef("diff: -direction: %v", err)
	}
	if fs.NArg() != 2 {
		return usagef("diff: want two schemas, OLD and NEW (files, or the built-in v1.0 and beta)")
	}
	oldArg, newArg := fs.Arg(0), fs.Arg(1)
	var list *allow.List
	if *allowFile != "" {
		if list, err = allow.Load(*allowFile); err != nil {
			return fmt.Errorf("diff: %w", err)
		}
	}
	oldRes, err := loadModel(oldArg)
	if err != nil {
		return fmt.Errorf("diff: %w", err)
	}
	newRes, err := loadModel(newArg)
	if err != nil {
		return fmt.Errorf("diff: %w", err)
	}
	findings := compat.Check(delta.Compare(oldRes, newRes), dir)
	kept, allowed, stale := allow.Apply(list, findings, func(f compat.Finding) (string, string) { return f.Rule, f.PointerOf() })
	rep := diffReport{Old: oldArg, New: newArg, Direction: string(dir), FailOn: threshold.String(), Findings: kept, Allowed: allowed, Stale: stale}
	if rep.Findings == nil {
		rep.Findings = []compat.Finding{}
	}
	switch *format {
	case "json":
		b, _ := json.MarshalIndent(rep, "", "  ")
		fmt.Fprintf(e.stdout, "%s\n", b)
	case "markdown":
		p := rep.printed()
		p.Title = "Schema diff: `" + rep.Old + "` → `" + rep.New + "` (" + rep.Direction + ")"
		p.Markdown(e.stdout)
	case "github":
		p := rep.printed()
		p.Title = ""
		p.GitHub(e.stdout)
	default:
		rep.printed().Text(e.stdout)
	}
	failed := len(stale) > 0
	for _, f := range kept {
		if f.Level.Reaches(threshold) {
			failed = true
		}
	}
	if failed {
		return errFindings
	}
	return nil
}

// loadModel reads, compiles and models a schema file or built-in version.
func loadModel(arg string) (*model.Resource, error) {
	data, name, err := schema.Load(arg)
	if err != nil {
		return nil, err
	}
	doc, _, err := schema.Compile(name, data)
	if err != nil {
		return nil, err
	}
	return model.Build(doc, model.Options{})
}

type diffReport struct {
	Old       string           `json:"old"`
	New       string           `json:"new"`
	Direction string           `json:"direction"`
	FailOn    string           `json:"failOn"`
	Findings  []compat.Finding `json:"findings"`
	Allowed   []compat.Finding `json:"allowed,omitempty"`
	Stale     []allow.Entry    `json:"stale,omitempty"`
}

// printed is the report as internal/report prints it.
func (r *diffReport) printed() *report.Report {
	p := &report.Report{Title: r.Old + " -> " + r.New + " (" + r.Direction + ")", Allowed: len(r.Allowed)}
	if !schema.IsBuiltin(r.New) {
		p.File = filepath.ToSlash(r.New)
	}
	for _, f := range r.Findings {
		p.Items = append(p.Items, report.Item{Level: f.Level, Rule: f.Rule, Path: f.Path, Message: f.Message})
	}
	for _, s := range r.Stale {
		p.Stale = append(p.Stale, report.Stale{Rule: s.Rule, Path: s.Path, Reason: s.Reason})
	}
	return p
}
