package compat

import (
	"fmt"
	"io"
	"strings"
)

// levelsText returns a rule's levels in profile p as "response/request",
// or "-" when the rule is not in p.
func levelsText(r Rule, p Profile) string {
	l, ok := r.LevelsFor(p)
	if !ok {
		return "-"
	}
	return l.Response.String() + "/" + l.Request.String()
}

// shortSource names each source by its file, for the text catalogue.
var shortSource = map[string]string{
	SourceVersioning: "concepts/versioning-and-support.md",
	SourceGuidelines: "graph/GuidelinesGraph.md",
	SourceEvolvable:  "graph/patterns/evolvable-enums.md",
}

// WriteText prints the rule catalogue as gen diff -rules shows it: per
// rule its ID, its levels (response/request) in each profile, the
// description, the policy lines it implements and the decision taken
// where the policy is silent.
func WriteText(w io.Writer) error {
	ew := &errWriter{w: w}
	ew.printf("%-34s %-20s %s\n", "RULE", "GRAPH resp/req", "STRICT resp/req")
	for _, r := range Rules {
		ew.printf("%-34s %-20s %s\n", r.ID, levelsText(r, Graph), levelsText(r, Strict))
		ew.printf("    %s\n", r.Description)
		for _, q := range r.Policy {
			ew.printf("    policy: \"%s\" (%s)\n", q.Text, shortSource[q.Source])
		}
		if r.Decision != "" {
			ew.printf("    decision: %s\n", r.Decision)
		}
	}
	ew.printf("%d rules; profiles: graph (the default), strict; levels: breaking, warning, info; - the rule is not in that profile\n", len(Rules))
	return ew.err
}

// WriteMarkdown prints the rule catalogue as docs/diff-rules.md holds it.
func WriteMarkdown(w io.Writer) error {
	ew := &errWriter{w: w}
	ew.printf("# gen diff rules\n\n")
	ew.printf("Generated from `internal/compat.Rules` (`gen diff -rules -format markdown`); a test checks it is fresh.\n\n")
	ew.printf("A change is judged by the first rule, in this order, that matches it and exists in the profile.\n")
	ew.printf("`-profile graph` (the default) follows Microsoft Graph's published compatibility policy;\n")
	ew.printf("`-profile strict` is for readers that reject every member they do not know (gen diff before profiles).\n")
	ew.printf("Levels are given as response/request (`-direction`); - means the rule is not in that profile, and the\n")
	ew.printf("change falls to a later rule. `gen diff -fail-on LEVEL` exits 1 when a finding reaches LEVEL.\n\n")
	ew.printf("Sources quoted:\n\n")
	for _, s := range []string{SourceVersioning, SourceGuidelines, SourceEvolvable} {
		ew.printf("- %s\n", s)
	}
	ew.printf("\n| rule | graph response | graph request | strict response | strict request |\n|---|---|---|---|---|\n")
	cell := func(r Rule, p Profile, dir Direction) string {
		l, ok := r.LevelsFor(p)
		if !ok {
			return "-"
		}
		return l.For(dir).String()
	}
	for _, r := range Rules {
		ew.printf("| [`%s`](#%s) | %s | %s | %s | %s |\n", r.ID, r.ID, cell(r, Graph, Response), cell(r, Graph, Request), cell(r, Strict, Response), cell(r, Strict, Request))
	}
	for _, r := range Rules {
		ew.printf("\n## %s\n\n%s\n", r.ID, r.Description)
		if len(r.Policy) > 0 {
			quotes := make([]string, len(r.Policy))
			for i, q := range r.Policy {
				quotes[i] = fmt.Sprintf("> \"%s\" (%s)\n", q.Text, q.Source)
			}
			ew.printf("\nPolicy:\n\n%s", strings.Join(quotes, ">\n"))
		}
		if r.Decision != "" {
			ew.printf("\nDecision: %s\n", r.Decision)
		}
	}
	return ew.err
}

// errWriter keeps the first write error.
type errWriter struct {
	w   io.Writer
	err error
}

func (e *errWriter) printf(format string, args ...any) {
	if e.err == nil {
		_, e.err = fmt.Fprintf(e.w, format, args...)
	}
}
