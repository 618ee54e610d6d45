// Package report is the one printer of the findings of gen diff and gen
// metadata-check: text, Markdown, JSON or GitHub workflow commands, with
// one count line.
//
// A Report is built by Diff or Metadata from a command's findings, or
// directly; Write prints it. Output meant for people shows the root
// pointer "" as pointer.Root, "(root)"; JSON keeps "". Every field a
// finding brings (a member name, a CSDL element, a file name) is kept on
// one line, so no input can forge a finding line.
package report

import (
	"cmp"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/graphshape/graphshape/internal/level"
	"github.com/graphshape/graphshape/internal/pointer"
)

// Formats lists the formats Write prints.
var Formats = []string{"text", "markdown", "json", "github"}

// Item is one finding as printed.
type Item struct {
	Level   level.Level
	Rule    string
	Path    string // JSON Pointer (into the schema or an instance); "" is the root
	Detail  string // shown in parentheses after the path, if not empty
	Message string
	File    string // GitHub: the file the annotation names; "" means Report.File
	Line    int    // GitHub: the 1-based line it names; 0 names none
}

// Stale is an allow-list entry that matched no finding.
type Stale struct {
	Rule, Path, Reason string
}

// Report is what a command prints.
type Report struct {
	Title     string // text: the first line; none if empty
	Heading   string // Markdown: the "## " heading, already Markdown (see Code); none if empty
	File      string // GitHub: the file of items without one and of stale entries; none if empty
	RuleWidth int    // text: pad the level to 8 and the rule to RuleWidth columns; 0 separates them by one space
	Items     []Item
	Allowed   int // findings the allow-list accepted
	Stale     []Stale
	JSON      any // JSON: the value printed, the command's own JSON shape
}

// Path shows a schema or instance pointer: pointer.Root, "(root)", for
// the root.
func Path(p string) string { return pointer.Show(p) }

func (it Item) where() string {
	if it.Detail != "" {
		return Path(it.Path) + " (" + it.Detail + ")"
	}
	return Path(it.Path)
}

// Fails reports whether the report fails a run whose threshold is
// threshold: a finding reaches it, or an allow-list entry is stale.
func (r *Report) Fails(threshold level.Level) bool {
	if len(r.Stale) > 0 {
		return true
	}
	for _, it := range r.Items {
		if it.Level.Reaches(threshold) {
			return true
		}
	}
	return false
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

// Write prints the report in format, one of Formats. An unknown format is
// an error, and so is a failed write.
func (r *Report) Write(w io.Writer, format string) error {
	var b strings.Builder
	switch format {
	case "text":
		r.Text(&b)
	case "markdown":
		r.Markdown(&b)
	case "json":
		if err := r.WriteJSON(&b); err != nil {
			return err
		}
	case "github":
		r.GitHub(&b)
	default:
		return fmt.Errorf("report: unknown format %q (want text, markdown, json or github)", format)
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// WriteJSON writes r.JSON, indented by two spaces, and a newline.
func (r *Report) WriteJSON(w io.Writer) error {
	b, err := json.MarshalIndent(r.JSON, "", "  ")
	if err != nil {
		return fmt.Errorf("report: %w", err)
	}
	_, err = fmt.Fprintf(w, "%s\n", b)
	return err
}

// Text writes the report as text, one finding per line: level, rule,
// "path (detail): message".
func (r *Report) Text(w io.Writer) {
	if r.Title != "" {
		fmt.Fprintln(w, oneLine(r.Title))
	}
	for _, it := range r.Items {
		if r.RuleWidth > 0 {
			fmt.Fprintf(w, "%-8s %-*s %s: %s\n", it.Level, r.RuleWidth, oneLine(it.Rule), oneLine(it.where()), oneLine(it.Message))
		} else {
			fmt.Fprintf(w, "%s %s %s: %s\n", it.Level, oneLine(it.Rule), oneLine(it.where()), oneLine(it.Message))
		}
	}
	for _, s := range r.Stale {
		fmt.Fprintf(w, "stale allow-list entry: %s %s (%s)\n", oneLine(s.Rule), oneLine(s.Path), oneLine(s.Reason))
	}
	fmt.Fprintln(w, r.CountLine())
}

// Markdown writes the report as a Markdown table under its heading.
func (r *Report) Markdown(w io.Writer) {
	if r.Heading != "" {
		fmt.Fprintf(w, "## %s\n\n", oneLine(r.Heading))
	}
	if len(r.Items) > 0 {
		fmt.Fprintln(w, "| level | rule | path | change |")
		fmt.Fprintln(w, "|---|---|---|---|")
		for _, it := range r.Items {
			fmt.Fprintf(w, "| %s | %s | %s | %s |\n", it.Level, Code(it.Rule), Code(it.where()), Cell(it.Message))
		}
		fmt.Fprintln(w)
	}
	for _, s := range r.Stale {
		fmt.Fprintf(w, "- stale allow-list entry: %s %s (%s)\n", Code(s.Rule), Code(s.Path), Cell(s.Reason))
	}
	fmt.Fprintln(w, r.CountLine()+".")
}

// GitHub writes the report as GitHub workflow commands (error for
// breaking, warning, notice for info), each naming its file and line when
// known, then the count line.
func (r *Report) GitHub(w io.Writer) {
	for _, it := range r.Items {
		props := ""
		if f := cmp.Or(it.File, r.File); f != "" {
			props = "file=" + Property(f) + ","
		}
		if it.Line > 0 {
			props += "line=" + strconv.Itoa(it.Line) + ","
		}
		fmt.Fprintf(w, "::%s %stitle=%s::%s\n", Command(it.Level), props, Property(it.Rule), Message(it.where()+": "+it.Message))
	}
	file := ""
	if r.File != "" {
		file = "file=" + Property(r.File) + ","
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

// Cell makes s safe in a Markdown table cell: on one line, '|' escaped.
func Cell(s string) string { return strings.ReplaceAll(oneLine(s), "|", "\\|") }

// Code is s as inline code in a Markdown table cell or heading.
func Code(s string) string { return "`" + Cell(s) + "`" }

// oneLine keeps s on one line: control characters (a member name holding
// "\n" could forge a finding line) are written as Go escapes.
func oneLine(s string) string {
	if !strings.ContainsFunc(s, func(r rune) bool { return r < 0x20 || r == 0x7f || r == 0x85 || r == 0x2028 || r == 0x2029 }) {
		return s
	}
	q := strconv.Quote(s)
	return q[1 : len(q)-1]
}
