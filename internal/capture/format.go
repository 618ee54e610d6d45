package capture

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"
)

// Report prints results as they come and keeps the counts and the drift
// for the summary. Formats: "text" (file:line:col: /pointer: message),
// "json" (one object per document, JSON Lines) and "github" (workflow
// commands).
type Report struct {
	Format  string
	Lenient bool
	// Expect lists known deviations: a violation one explains is printed
	// as expected, with its reason, and does not fail the document; an
	// expectation for a document that no violation matches does.
	Expect []Expectation

	w *bufio.Writer

	Docs, Valid, Invalid, Warned, Unreadable, Expected, Selected int
	Bytes                                                        int64
	drift                                                        map[string]int
}

// NewReport returns a Report writing to w in format.
func NewReport(w io.Writer, format string, lenient bool) *Report {
	return &Report{Format: format, Lenient: lenient, w: bufio.NewWriterSize(w, 64<<10), drift: map[string]int{}}
}

// jsonResult is the JSON form of one document's result.
type jsonResult struct {
	Source      string            `json:"source"`
	Index       int               `json:"index"`
	Line        int               `json:"line"`
	Valid       bool              `json:"valid"`
	Error       string            `json:"error,omitempty"`
	ErrorLine   int               `json:"errorLine,omitempty"`
	ErrorColumn int               `json:"errorColumn,omitempty"`
	ErrorOffset int64             `json:"errorOffset,omitempty"`
	Violations  []Finding         `json:"violations"`
	Warnings    []Finding         `json:"warnings,omitempty"`
	Expected    []expectedFinding `json:"expected,omitempty"`
	NotFound    []Expectation     `json:"notFound,omitempty"`
	Select      []string          `json:"select,omitempty"`
}

// expectedFinding is a violation an expectation explains.
type expectedFinding struct {
	Finding
	Reason string `json:"reason"`
}

// Add records and prints one result.
func (p *Report) Add(r *Result) {
	if r.Unreadable {
		p.Unreadable++
		p.input(r)
		return
	}
	p.Docs++
	p.Bytes += int64(r.Bytes)
	if r.Select != nil {
		p.Selected++
	}
	for _, k := range r.Drift {
		p.drift[k]++
	}
	var explained []expectedFinding
	var missing []Expectation
	if len(p.Expect) > 0 {
		fs, reasons, rest, miss := expected(p.Expect, r)
		for i, f := range fs {
			explained = append(explained, expectedFinding{f, reasons[i]})
		}
		r.Violations, missing = rest, miss
		r.Valid = r.Err == nil && len(rest) == 0 && len(miss) == 0
		p.Expected += len(explained)
	}
	if r.Valid {
		p.Valid++
	} else {
		p.Invalid++
	}
	if len(r.Warnings) > 0 {
		p.Warned++
	}
	switch p.Format {
	case "json":
		res := jsonResult{Source: r.Source, Index: r.Index, Line: r.Line, Valid: r.Valid, Violations: r.Violations, Warnings: r.Warnings, Expected: explained, NotFound: missing, Select: r.Select}
		if res.Violations == nil {
			res.Violations = []Finding{}
		}
		if r.Err != nil {
			res.Error = r.Err.Error()
			res.ErrorLine, res.ErrorColumn, res.ErrorOffset = r.ErrLine, r.ErrColumn, r.ErrOffset
		}
		b, _ := json.Marshal(res)
		p.w.Write(b)
		p.w.WriteByte('\n')
	case "github":
		if r.Err != nil {
			fmt.Fprintf(p.w, "::error %s::document %d: %s\n", properties(r.Source, r.errLine(), r.ErrColumn, ""), r.Index, Message(r.Err.Error()))
		}
		for _, f := range r.Violations {
			fmt.Fprintf(p.w, "::error %s::%s\n", properties(r.Source, f.Line, f.Column, f.Keyword), Message(Pointer(f.InstanceLocation)+": "+f.Message))
		}
		for _, f := range r.Warnings {
			fmt.Fprintf(p.w, "::warning %s::%s\n", properties(r.Source, f.Line, f.Column, f.Keyword), Message(Pointer(f.InstanceLocation)+": "+f.Message))
		}
		for _, f := range explained {
			fmt.Fprintf(p.w, "::notice %s::%s\n", properties(r.Source, f.Line, f.Column, f.Keyword), Message("expected: "+Pointer(f.InstanceLocation)+": "+f.Message+" (ledger: "+f.Reason+")"))
		}
		for _, e := range missing {
			fmt.Fprintf(p.w, "::error %s::%s\n", properties(r.Source, r.Line, 0, e.Keyword), Message("expected deviation not found: "+Pointer(e.InstanceLocation)+" "+e.Keyword+" ("+e.Reason+")"))
		}
	default:
		if r.Err != nil {
			fmt.Fprintf(p.w, "%s: document %d: %s\n", position(r.Source, r.errLine(), r.ErrColumn), r.Index, escapeControls(r.Err.Error()))
		}
		for _, f := range r.Violations {
			fmt.Fprintf(p.w, "%s: %s: %s\n", position(r.Source, f.Line, f.Column), Pointer(f.InstanceLocation), escapeControls(f.Message))
		}
		for _, f := range r.Warnings {
			fmt.Fprintf(p.w, "%s: warning: %s: %s\n", position(r.Source, f.Line, f.Column), Pointer(f.InstanceLocation), escapeControls(f.Message))
		}
		for _, f := range explained {
			fmt.Fprintf(p.w, "%s: expected: %s: %s (%s)\n", position(r.Source, f.Line, f.Column), Pointer(f.InstanceLocation), escapeControls(f.Message), "ledger: "+escapeControls(f.Reason))
		}
		for _, e := range missing {
			fmt.Fprintf(p.w, "%s: expected deviation not found: %s %s (%s)\n", position(r.Source, r.Line, 0), Pointer(e.InstanceLocation), e.Keyword, escapeControls(e.Reason))
		}
	}
}

func (r *Result) errLine() int {
	if r.ErrLine > 0 {
		return r.ErrLine
	}
	return r.Line
}

// input prints an input that could not be read.
func (p *Report) input(r *Result) {
	switch p.Format {
	case "json":
		b, _ := json.Marshal(struct {
			Source string `json:"source"`
			Error  string `json:"error"`
		}{r.Source, r.Err.Error()})
		p.w.Write(b)
		p.w.WriteByte('\n')
	case "github":
		fmt.Fprintf(p.w, "::error %s::cannot read: %s\n", properties(r.Source, 0, 0, ""), Message(r.Err.Error()))
	default:
		fmt.Fprintf(p.w, "%s: cannot read: %s\n", escapeControls(r.Source), escapeControls(r.Err.Error()))
	}
}

func position(source string, line, col int) string {
	s := escapeControls(source) + ":" + strconv.Itoa(line)
	if col > 0 {
		s += ":" + strconv.Itoa(col)
	}
	return s
}

// properties formats the properties of a GitHub workflow command.
func properties(file string, line, col int, title string) string {
	s := "file=" + Property(file)
	if line > 0 {
		s += ",line=" + strconv.Itoa(line)
	}
	if col > 0 {
		s += ",col=" + strconv.Itoa(col)
	}
	if title != "" {
		s += ",title=" + Property(title)
	}
	return s
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

// Flush writes out what is buffered.
func (p *Report) Flush() error { return p.w.Flush() }

// Summary writes the closing lines to w: the counts ("1 document: ...")
// and the drift, one line per kind and place, sorted.
func (p *Report) Summary(w io.Writer) {
	noun := "documents"
	if p.Docs == 1 {
		noun = "document"
	}
	fmt.Fprintf(w, "%d %s: %d valid, %d invalid", p.Docs, noun, p.Valid, p.Invalid)
	if p.Expected > 0 {
		fmt.Fprintf(w, ", %d expected deviations", p.Expected)
	}
	if p.Lenient {
		fmt.Fprintf(w, ", %d with warnings", p.Warned)
	}
	if p.Selected > 0 {
		fmt.Fprintf(w, "; %d with a $select list in @odata.context (required properties outside it not required)", p.Selected)
	}
	if p.Unreadable > 0 {
		inputs := "inputs"
		if p.Unreadable == 1 {
			inputs = "input"
		}
		fmt.Fprintf(w, "; %d %s could not be read", p.Unreadable, inputs)
	}
	fmt.Fprintln(w)
	keys := make([]string, 0, len(p.drift))
	for k := range p.drift {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	if len(keys) > 0 {
		fmt.Fprintln(w, "drift:")
		for _, k := range keys {
			fmt.Fprintf(w, "  %6d  %s\n", p.drift[k], k)
		}
	}
}
