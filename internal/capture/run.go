package capture

import (
	"encoding/json"
	"errors"
	"runtime"
	"strconv"
	"strings"
	"sync"

	"github.com/graphshape/graphshape/generated/shape"
	"github.com/graphshape/graphshape/internal/pointer"
)

// Checker checks one document. It must be safe for concurrent use.
type Checker interface {
	// Check returns the violations that fail doc, the points that are only
	// warnings (lenient), and a non-nil error when doc is not JSON. The
	// violations' Offset fields must be set.
	Check(doc string) (violations, warnings []shape.Violation, err error)
}

// Finding is a violation placed in its input.
type Finding struct {
	shape.Violation
	Line   int `json:"line"`
	Column int `json:"column"`
}

// Result is the outcome for one document, or for an input that could not
// be read (Unreadable).
type Result struct {
	Source     string
	Index      int // 1-based document number in its input
	Line       int // the line the document starts on
	Bytes      int
	Valid      bool
	Unreadable bool  // the input could not be opened or read; Err says why
	Err        error // why the document is not valid JSON, or could not be read
	ErrLine    int   // where Err happened, when known (else 0)
	ErrColumn  int
	ErrOffset  int64
	Violations []Finding
	Warnings   []Finding
	Drift      []string // drift keys, see DriftKey
	// Select is the $select list of the document's "@odata.context"
	// (nil when it has none): required properties of its entities outside
	// it were not required (see SelectList).
	Select []string
}

// Run reads every input, checks its documents with workers goroutines
// (0: GOMAXPROCS) and calls emit with each result, in input order, from
// the calling goroutine. An input that cannot be opened or read gives a
// Result with Unreadable set, and the next input is read.
func Run(inputs []Input, c Checker, workers int, emit func(*Result)) {
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	type job struct {
		docs []Document
		out  chan []*Result
	}
	jobs := make(chan job, workers)
	order := make(chan chan []*Result, 2*workers)
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				rs := make([]*Result, len(j.docs))
				for i := range j.docs {
					rs[i] = checkDocument(c, &j.docs[i])
				}
				j.out <- rs
			}
		}()
	}
	go func() {
		send := func(docs []Document) {
			out := make(chan []*Result, 1)
			order <- out
			jobs <- job{docs: docs, out: out}
		}
		fail := func(name string, err error) {
			out := make(chan []*Result, 1)
			order <- out
			out <- []*Result{{Source: name, Unreadable: true, Err: err}}
		}
		for _, in := range inputs {
			rc, err := in.Open()
			if err != nil {
				fail(in.Name, err)
				continue
			}
			err = ReadDocuments(in.Name, rc, 0, send)
			rc.Close()
			if err != nil {
				fail(in.Name, err)
			}
		}
		close(jobs)
		close(order)
		wg.Wait()
	}()
	for out := range order {
		for _, r := range <-out {
			emit(r)
		}
	}
}

// checkDocument checks one document and places its findings.
func checkDocument(c Checker, d *Document) *Result {
	r := &Result{Source: d.Source, Index: d.Index, Line: d.Line, Bytes: len(d.Text), Err: d.Err}
	if d.Err != nil {
		r.ErrLine = d.Line
		return r
	}
	r.Select = SelectList(d.Text)
	vs, ws, err := c.Check(d.Text)
	if err != nil {
		r.Err = err
		if off, ok := errorOffset(err); ok {
			// An error at the end (truncation) is placed just after the
			// last value byte, not on the line after the newline.
			if end := int64(len(strings.TrimRight(d.Text, " \t\r\n"))); off > end {
				off = end
			}
			r.ErrOffset = off
			r.ErrLine, r.ErrColumn = Position(d.Text, off, d.Line)
		}
	}
	r.Valid = err == nil && len(vs) == 0
	r.Violations = place(d, vs)
	r.Warnings = place(d, ws)
	for _, v := range vs {
		if k := DriftKey(d.Text, v); k != "" {
			r.Drift = append(r.Drift, k)
		}
	}
	for _, v := range ws {
		if k := DriftKey(d.Text, v); k != "" {
			r.Drift = append(r.Drift, k)
		}
	}
	return r
}

func place(d *Document, vs []shape.Violation) []Finding {
	if len(vs) == 0 {
		return nil
	}
	fs := make([]Finding, len(vs))
	for i, v := range vs {
		fs[i].Violation = v
		fs[i].Line, fs[i].Column = Position(d.Text, v.Offset, d.Line)
	}
	return fs
}

// errorOffset returns the byte offset a syntax error names.
func errorOffset(err error) (int64, bool) {
	var se *shape.SyntaxError
	if errors.As(err, &se) {
		return se.Offset, true
	}
	var je *json.SyntaxError
	if errors.As(err, &je) {
		if strings.HasPrefix(je.Error(), "invalid character") && je.Offset > 0 {
			return je.Offset - 1, true // Offset counts the offending byte
		}
		return je.Offset, true
	}
	return 0, false
}

// DriftKey names the drift a violation shows, from its structured fields:
// "unknown property P" for an undeclared member, "unknown enum member P =
// V" for an enum violation, V being the JSON text of the value sent; "" for
// any other violation. Array indices in P are folded to "*", so repeated
// drift counts once per place; P is quoted when it holds control
// characters, so a key never spans lines.
func DriftKey(doc string, v shape.Violation) string {
	switch v.Keyword {
	case "oneOf", "anyOf":
		// A discriminated union's item whose @odata.type no branch has.
		if off, ok := Locate(doc, v.InstanceLocation+"/@odata.type", false); ok {
			if val := ValueAt(doc, off); strings.HasPrefix(val, `"`) {
				return "unknown derived type " + Pointer(fold(v.InstanceLocation)) + " = " + escapeControls(val)
			}
		}
	case "additionalProperties", "unevaluatedProperties":
		return "unknown property " + Pointer(fold(v.InstanceLocation))
	case "enum":
		val := ValueAt(doc, v.Offset)
		if val == "" {
			val = "?"
		}
		if len(val) > 80 {
			val = val[:60] + "..."
		}
		return "unknown enum member " + Pointer(fold(v.InstanceLocation)) + " = " + escapeControls(val)
	}
	return ""
}

func fold(ptr string) string {
	if !strings.ContainsAny(ptr, "0123456789") {
		return ptr
	}
	parts := strings.Split(ptr, "/")
	for i, p := range parts {
		if _, err := strconv.Atoi(p); err == nil && i > 0 {
			parts[i] = "*"
		}
	}
	return strings.Join(parts, "/")
}

// Pointer shows an instance location: pointer.Root, "(root)", for the
// root, the pointer itself if printable, else the pointer as a Go-quoted
// string.
func Pointer(ptr string) string {
	if ptr == "" {
		return pointer.Root
	}
	if hasControl(ptr) {
		return strconv.Quote(ptr)
	}
	return ptr
}

func hasControl(s string) bool {
	for _, r := range s {
		if r < 0x20 || r == 0x7f || r == '\u2028' || r == '\u2029' || r == '\u0085' {
			return true
		}
	}
	return false
}

// escapeControls replaces control characters in s by Go escapes, so s
// stays on one line.
func escapeControls(s string) string {
	if !hasControl(s) {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		if r < 0x20 || r == 0x7f || r == '\u2028' || r == '\u2029' || r == '\u0085' {
			q := strconv.QuoteRune(r)
			b.WriteString(q[1 : len(q)-1])
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}
