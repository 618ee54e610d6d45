package main

import (
	"encoding/json"
	"fmt"
	"io"

	"github.com/graphshape/graphshape/internal/allow"
	"github.com/graphshape/graphshape/internal/compat"
	"github.com/graphshape/graphshape/internal/delta"
	"github.com/graphshape/graphshape/internal/gen"
	"github.com/graphshape/graphshape/internal/level"
	"github.com/graphshape/graphshape/internal/model"
	"github.com/graphshape/graphshape/internal/report"
)

const diffSynopsis = "diff [-format text|markdown|json|github] [-fail-on breaking|warning|info|never] [-direction response|request] [-profile graph|strict] [-allow FILE] OLD NEW\n" +
	"       gen diff -rules [-format text|markdown|json]"

// runDiff implements "gen diff".
func runDiff(e *env, args []string) error {
	fs := newFlagSet(e, "diff", diffSynopsis,
		"  gen diff v1.0 beta\n  gen diff -fail-on warning -format github old.schema.json new.schema.json\n  gen diff -rules")
	format := fs.String("format", "text", "output `format`: text, markdown, json or github")
	failOn := fs.String("fail-on", "breaking", "exit 1 when a finding reaches this `level`: breaking, warning, info or never")
	direction := fs.String("direction", "response", "judge for a consumer of responses or a sender of requests: response or request")
	profile := fs.String("profile", "graph", "compatibility `profile`: graph (Microsoft Graph's published policy) or strict (readers that reject every unknown member)")
	allowFile := fs.String("allow", "", "allow-list `file` of accepted findings, each with a reason")
	rules := fs.Bool("rules", false, "print the rule catalogue (ID, levels per profile and direction, the policy line each implements) and exit")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	switch *format {
	case "text", "markdown", "json", "github":
	default:
		return usagef("diff: unknown format %q (want text, markdown, json or github)", *format)
	}
	if *rules {
		if fs.NArg() != 0 {
			return usagef("diff: -rules takes no schemas")
		}
		return printRules(e.stdout, *format)
	}
	threshold, err := level.Parse(*failOn)
	if err != nil {
		return usagef("diff: -fail-on: %v", err)
	}
	dir, err := compat.ParseDirection(*direction)
	if err != nil {
		return usagef("diff: -direction: %v", err)
	}
	prof, err := compat.ParseProfile(*profile)
	if err != nil {
		return usagef("diff: -profile: %v", err)
	}
	if fs.NArg() != 2 {
		return usagef("diff: want two schemas, OLD and NEW (files, or the built-in v1.0 and beta)")
	}
	var list *allow.List
	if *allowFile != "" {
		if list, err = allow.Load(*allowFile); err != nil {
			return fmt.Errorf("diff: %w", err)
		}
	}
	oldSrc, err := gen.Load(fs.Arg(0), model.Options{})
	if err != nil {
		return fmt.Errorf("diff: %w", err)
	}
	newSrc, err := gen.Load(fs.Arg(1), model.Options{})
	if err != nil {
		return fmt.Errorf("diff: %w", err)
	}
	findings := compat.Check(delta.Compare(oldSrc.Model, newSrc.Model), dir, prof)
	kept, allowed, stale := allow.ApplyKeys(list, findings, func(f compat.Finding) (string, []string) { return f.Rule, f.Keys() })
	rep := report.Diff(report.DiffInput{
		Old:       report.Schema{Arg: oldSrc.Arg, File: oldSrc.File, Data: oldSrc.Data},
		New:       report.Schema{Arg: newSrc.Arg, File: newSrc.File, Data: newSrc.Data},
		Direction: string(dir), Profile: string(prof), FailOn: threshold.String(),
		Findings: kept, Allowed: allowed, Stale: stale,
	})
	if err := rep.Write(e.stdout, *format); err != nil {
		return fmt.Errorf("diff: %w", err)
	}
	if rep.Fails(threshold) {
		return errFindings
	}
	return nil
}

// printRules prints the rule catalogue.
func printRules(w io.Writer, format string) error {
	switch format {
	case "json":
		b, _ := json.MarshalIndent(compat.Rules, "", "  ")
		_, err := fmt.Fprintf(w, "%s\n", b)
		return err
	case "markdown":
		return compat.WriteMarkdown(w)
	case "text":
		return compat.WriteText(w)
	}
	return usagef("diff: -rules: format %q is not supported (want text, markdown or json)", format)
}
