package main

import (
	"fmt"

	"github.com/graphshape/graphshape/internal/level"
)

// countLine is the closing line of gen diff and gen metadata-check: how
// many findings at each level, allowed, and stale allow-list entries.
func countLine(levels []level.Level, allowed, stale int) string {
	n := map[level.Level]int{}
	for _, l := range levels {
		n[l]++
	}
	s := fmt.Sprintf("%d findings: %d breaking, %d warning, %d info", len(levels), n[level.Breaking], n[level.Warning], n[level.Info])
	if allowed > 0 {
		s += fmt.Sprintf("; %d allowed", allowed)
	}
	if stale > 0 {
		s += fmt.Sprintf("; %d stale allow-list entries", stale)
	}
	return s
}

// annotationCommand is the GitHub workflow command for a finding's level.
func annotationCommand(l level.Level) string {
	switch l {
	case level.Breaking:
		return "error"
	case level.Warning:
		return "warning"
	}
	return "notice"
}
