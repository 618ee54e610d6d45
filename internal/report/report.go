// Package report prints the findings of gen diff and gen metadata-check in
// one way: text, Markdown or GitHub workflow commands, with one count line.
package report

import (
	"fmt"
	"io"
	"strings"

	"github.com/graphshape/graphshape/internal/level"
)

// Item is one finding as printed.
type Item struct {
	Level   level.Level
	Rule    string
	Path    string // JSON Pointer into the schema ("" for the root)
	Detail  string // shown in parentheses after the path, if not empty
	Message string
}

// Stale is an allow-list entry that matched no finding.
type Stale struct {
	Rule, Path, Reason string
}

// Report is what a command prints.
type Report struct {
	Title   string // the first line (text) or heading (Markdown); none if empty
	File    string // the file GitHub annotations point at; none if empty
	Items   []Item
	Allowed int // findings the allow-list accepted
	Stale   []Stale
}

// Path shows a schema or instance pointer: "(root)" for the root.
func Path(p string) string {
	if p == "" {
		return "(root)"
	}
	return p
}

func (it Item) where() string {
	if it.Detail != "" {
		return Path(it.Path) + " (" + it.Detail + ")"
	}
	return Path(it.Path)
}

// CountLine is the closing line: how many findings at each level, allowed,
// and stale allow-list entries.
func (r *Report) CountLine() string {
	n := map[level.Level]int{}
	for _, it := range r.Items {
		n[it.Level]++
	}
	noun := "findings"
	if len(r.Items) == 1 {
		noun = "finding"
	}
	s := fmt.Sprintf("%d %s: %d breaking, %d warning, %d info", len(r.Items), noun, n[level.Breaking], n[level.Warning], n[level.Info])
	if r.Allowed > 0 {
		s += fmt.Sprintf("; %d allowed", r.Allowed)
	}
	if len(r.Stale) > 0 {
		s += fmt.Sprintf("; %d stale allow-list entries", len(r.Stale))
	}
	return s
}

// Text writes the report as text, one finding per line.
func (r *Report) Text(w io.Writer) {
	if r.Title != "" {
		fmt.Fprintln(w, oneLine(r.Title))
	}
	for _, it := range r.Items {
		fmt.Fprintf(w, "%-8s %-28s %s: %s\n", it.Level, it.Rule, oneLine(it.where()), oneLine(it.Message))
	}
	for _, s := range r.Stale {
		fmt.Fprintf(w, "stale allow-list entry: %s %s (%s)\n", s.Rule, oneLine(s.Path), oneLine(s.Reason))
	}
	fmt.Fprintln(w, r.CountLine())
}

// Markdown writes the report as a Markdown table.
func (r *Report) Markdown(w io.Writer) {
	if r.Title != "" {
		fmt.Fprintf(w, "## %s\n\n", oneLine(r.Title))
	}
	cell := func(s string) string { return strings.ReplaceAll(oneLine(s), "|", "\\|") }
	if len(r.Items) > 0 {
		fmt.Fprintln(w, "| level | rule | path | change |")
		fmt.Fprintln(w, "|---|---|---|---|")
		for _, it := range r.Items {
			fmt.Fprintf(w, "| %s | `%s` | `%s` | %s |\n", it.Level, it.Rule, cell(it.where()), cell(it.Message))
		}
		fmt.Fprintln(w)
	}
	for _, s := range r.Stale {
		fmt.Fprintf(w, "- stale allow-list entry: `%s` `%s` (%s)\n", s.Rule, cell(s.Path), cell(s.Reason))
	}
	fmt.Fprintln(w, r.CountLine()+".")
}

// GitHub writes the report as GitHub workflow commands: error for
// breaking, warning, notice for info.
func (r *Report) GitHub(w io.Writer) {
	file := ""
	if r.File != "" {
		file = "file=" + Property(r.File) + ","
	}
	for _, it := range r.Items {
		fmt.Fprintf(w, "::%s %stitle=%s::%s\n", Command(it.Level), file, Property(it.Rule), Message(it.where()+": "+it.Message))
	}
	for _, s := range r.Stale {
		fmt.Fprintf(w, "::error %stitle=stale-allow-entry::%s\n", file, Message(s.Rule+" "+s.Path+" matches no finding"))
	}
	fmt.Fprintln(w, r.CountLine())
}

// Command is the GitHub workflow command for a finding's level.
func Command(l level.Level) string {
	switch l {
	case level.Breaking:
		return "error"
	case level.Warning:
		return "warning"
	}
	return "notice"
}

// Message escapes the message of a GitHub workflow command: '%', '\r' and
// '\n', as GitHub's workflow-command rules require.
func Message(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace(s)
}

// Property escapes a property value of a GitHub workflow command: as
// Message, plus ':' and ','.
func Property(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C").Replace(s)
}

// oneLine keeps s on one line: '\r' and '\n' are shown as \r and \n.
func oneLine(s string) string {
	return strings.NewReplacer("\r", `\r`, "\n", `\n`).Replace(s)
}
