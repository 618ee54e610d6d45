package main

import (
	"github.com/graphshape/graphshape/internal/level"
	"github.com/graphshape/graphshape/internal/report"
)

// countLine is the closing line of gen diff and gen metadata-check: how
// many findings at each level, allowed, and stale allow-list entries.
func countLine(levels []level.Level, allowed, stale int) string {
	r := &report.Report{Allowed: allowed, Stale: make([]report.Stale, stale)}
	for _, l := range levels {
		r.Items = append(r.Items, report.Item{Level: l})
	}
	return r.CountLine()
}

// annotationCommand is the GitHub workflow command for a finding's level.
func annotationCommand(l level.Level) string { return report.Command(l) }

// annotation escapes a message for a GitHub workflow command.
func annotation(s string) string { return report.Message(s) }
