package main

import (
	"encoding/json"
	"fmt"
	"io"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/graphshape/graphshape/internal/allow"
	"github.com/graphshape/graphshape/internal/compat"
	"github.com/graphshape/graphshape/internal/delta"
	"github.com/graphshape/graphshape/internal/level"
	"github.com/graphshape/graphshape/internal/model"
	jsonpointer "github.com/graphshape/graphshape/internal/pointer"
	"github.com/graphshape/graphshape/schema"
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
	oldArg, newArg := fs.Arg(0), fs.Arg(1)
	var list *allow.List
	if *allowFile != "" {
		if list, err = allow.Load(*allowFile); err != nil {
			return fmt.Errorf("diff: %w", err)
		}
	}
	oldSrc, err := loadDiffSide(oldArg)
	if err != nil {
		return fmt.Errorf("diff: %w", err)
	}
	newSrc, err := loadDiffSide(newArg)
	if err != nil {
		return fmt.Errorf("diff: %w", err)
	}
	findings := compat.Check(delta.Compare(oldSrc.res, newSrc.res), dir, prof)
	kept, allowed, stale := allow.ApplyKeys(list, findings, func(f compat.Finding) (string, []string) { return f.Rule, f.Keys() })
	rep := diffReport{Old: oldArg, New: newArg, Direction: string(dir), Profile: string(prof), FailOn: threshold.String(), Findings: kept, Allowed: allowed, Stale: stale}
	if rep.Findings == nil {
		rep.Findings = []compat.Finding{}
	}
	switch *format {
	case "json":
		b, _ := json.MarshalIndent(rep, "", "  ")
		fmt.Fprintf(e.stdout, "%s\n", b)
	case "markdown":
		rep.markdown(e.stdout)
	case "github":
		rep.github(e.stdout, oldSrc, newSrc)
	default:
		rep.text(e.stdout)
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

// diffSide is one schema of a diff: its model, and the file and text that
// annotations point into.
type diffSide struct {
	res  *model.Resource
	file string // the path annotations name: the argument, or the built-in's path in this repository
	data []byte
}

// loadDiffSide reads, compiles and models a schema file or built-in version.
func loadDiffSide(arg string) (diffSide, error) {
	data, name, err := schema.Load(arg)
	if err != nil {
		return diffSide{}, err
	}
	doc, _, err := schema.Compile(name, data)
	if err != nil {
		return diffSide{}, err
	}
	res, err := model.Build(doc, model.Options{})
	if err != nil {
		return diffSide{}, err
	}
	file := filepath.ToSlash(arg)
	if schema.IsBuiltin(arg) {
		if _, builtinFile, err := schema.Builtin(arg); err == nil && name == filepath.Base(builtinFile) {
			file = "schema/" + builtinFile
		}
	}
	return diffSide{res: res, file: file, data: data}, nil
}

type diffReport struct {
	Old       string           `json:"old"`
	New       string           `json:"new"`
	Direction string           `json:"direction"`
	Profile   string           `json:"profile"`
	FailOn    string           `json:"failOn"`
	Findings  []compat.Finding `json:"findings"`
	Allowed   []compat.Finding `json:"allowed,omitempty"`
	Stale     []allow.Entry    `json:"stale,omitempty"`
}

func (r *diffReport) counts() string {
	levels := make([]level.Level, len(r.Findings))
	for i, f := range r.Findings {
		levels[i] = f.Level
	}
	return countLine(levels, len(r.Allowed), len(r.Stale))
}

// shown returns an instance path as reports print it: "/" for the root.
func shown(p string) string {
	if p == "" {
		return "/"
	}
	return p
}

// oneLine makes s safe to print on one line: control characters (a member
// name holding "\n" could forge lines) are written as Go escapes.
func oneLine(s string) string {
	if !strings.ContainsFunc(s, func(r rune) bool { return r < 0x20 || r == 0x7f || r == 0x85 || r == 0x2028 || r == 0x2029 }) {
		return s
	}
	q := strconv.Quote(s)
	return q[1 : len(q)-1]
}

func (r *diffReport) text(w io.Writer) {
	fmt.Fprintf(w, "%s -> %s (%s, %s profile)\n", oneLine(r.Old), oneLine(r.New), r.Direction, r.Profile)
	for _, f := range r.Findings {
		fmt.Fprintf(w, "%-8s %-33s %s: %s\n", f.Level, f.Rule, oneLine(f.Shown()), oneLine(f.Message))
	}
	for _, s := range r.Stale {
		fmt.Fprintf(w, "stale allow-list entry: %s %s (%s)\n", oneLine(s.Rule), oneLine(s.Path), oneLine(s.Reason))
	}
	fmt.Fprintln(w, r.counts())
}

func (r *diffReport) markdown(w io.Writer) {
	cell := func(s string) string { return strings.ReplaceAll(oneLine(s), "|", "\\|") }
	fmt.Fprintf(w, "## Schema diff: `%s` → `%s` (%s, %s profile)\n\n", cell(r.Old), cell(r.New), r.Direction, r.Profile)
	if len(r.Findings) > 0 {
		fmt.Fprintln(w, "| level | rule | path | change |")
		fmt.Fprintln(w, "|---|---|---|---|")
		for _, f := range r.Findings {
			fmt.Fprintf(w, "| %s | `%s` | `%s` | %s |\n", f.Level, f.Rule, cell(f.Shown()), cell(f.Message))
		}
		fmt.Fprintln(w)
	}
	for _, s := range r.Stale {
		fmt.Fprintf(w, "- stale allow-list entry: `%s` `%s` (%s)\n", cell(s.Rule), cell(s.Path), cell(s.Reason))
	}
	fmt.Fprintln(w, r.counts()+".")
}

// github prints GitHub workflow commands: each finding names the file and
// line of its place in the new schema, or in the old one for a removal.
func (r *diffReport) github(w io.Writer, oldSide, newSide diffSide) {
	for _, f := range r.Findings {
		side, ptr := newSide, f.NewPointer
		if f.Removed() {
			side, ptr = oldSide, f.OldPointer
		}
		line, _ := jsonpointer.Locate(side.data, ptr)
		fmt.Fprintf(w, "::%s file=%s,line=%d,title=%s::%s\n", annotationCommand(f.Level), ghProperty(side.file), line, ghProperty(f.Rule), ghData(f.Shown()+": "+f.Message))
	}
	for _, s := range r.Stale {
		fmt.Fprintf(w, "::error title=stale-allow-entry::%s\n", ghData(s.Rule+" "+s.Path+" matches no finding"))
	}
	fmt.Fprintln(w, r.counts())
}

// ghData escapes the message of a GitHub workflow command: "%", CR and LF.
func ghData(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace(s)
}

// ghProperty escapes a property value of a GitHub workflow command: as
// ghData, and ":" and "," too.
func ghProperty(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C").Replace(s)
}
