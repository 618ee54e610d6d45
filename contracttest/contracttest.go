// Package contracttest proves that documents fit the types graphshape
// generated for them: each document is decoded strictly with the generated
// code and validated with the reference validator (jsonschema v5), the two
// verdicts are normalised into findings and must agree, and the findings are
// compared with a golden file beside the document. Findings on documented
// samples must each be explained in a ledger.
//
// The package's own tests run this on the documented Graph samples. A
// downstream repository that generated its own package runs the same checks
// on its captured responses with a Target and Run (see the example).
package contracttest

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/graphshape/graphshape/generated/shape"
	"github.com/graphshape/graphshape/internal/golden"
	"github.com/graphshape/graphshape/internal/reference"
)

// The sources of a finding.
const (
	Generated = "generated" // the generated strict decoder
	Reference = "reference" // jsonschema v5
)

// Finding is one violation, normalised so the two validators compare: no
// message text (it differs between them and between versions of v5).
type Finding struct {
	Source           string `json:"source"`
	InstanceLocation string `json:"instanceLocation"`
	Keyword          string `json:"keyword"`
	KeywordLocation  string `json:"keywordLocation"`
}

// String formats the finding as one tab-separated golden line.
func (f Finding) String() string {
	loc := f.InstanceLocation
	if loc == "" {
		loc = "/"
	}
	return f.Source + "\t" + loc + "\t" + f.Keyword + "\t" + f.KeywordLocation
}

// Target is what documents are checked against: a generated type and the
// (sub)schema it was generated from.
type Target struct {
	Name       string                 // for messages, e.g. "v1.0 Incident"
	SchemaName string                 // the schema's file name
	Schema     []byte                 // the schema document
	Pointer    string                 // JSON Pointer of the type's schema ("" for the root)
	New        func() shape.Decodable // a new value of the generated type

	ref *reference.Validator
}

// Result is the outcome of checking one document.
type Result struct {
	Generated []Finding // from the generated decoder, sorted
	Reference []Finding // from jsonschema v5, sorted
	// Disagreements lists the findings only one validator reported, as
	// "only generated: ..." or "only reference: ...".
	Disagreements []string
}

// Findings returns all findings, generated first, one per line.
func (r *Result) Findings() []Finding {
	return append(append([]Finding(nil), r.Generated...), r.Reference...)
}

// Check checks one document. The error reports a document that is not
// JSON or a schema that does not compile.
func (t *Target) Check(doc []byte) (*Result, error) {
	if t.ref == nil {
		ref, err := reference.Compile(t.SchemaName, t.Schema, t.Pointer)
		if err != nil {
			return nil, fmt.Errorf("contracttest: %s: %w", t.Name, err)
		}
		t.ref = ref
	}
	var gen []shape.Violation
	err := shape.Unmarshal(doc, t.New())
	var ve *shape.ValidationError
	switch {
	case errors.As(err, &ve):
		gen = ve.Violations
	case err != nil:
		return nil, fmt.Errorf("contracttest: %s: %w", t.Name, err)
	}
	ref, err := t.ref.Validate(doc)
	if err != nil {
		return nil, fmt.Errorf("contracttest: %s: %w", t.Name, err)
	}
	r := &Result{Generated: findings(Generated, gen), Reference: findings(Reference, ref)}
	r.Disagreements = disagreements(r.Generated, r.Reference)
	return r, nil
}

func findings(source string, vs []shape.Violation) []Finding {
	out := make([]Finding, 0, len(vs))
	for _, v := range vs {
		out = append(out, Finding{Source: source, InstanceLocation: v.InstanceLocation, Keyword: v.Keyword, KeywordLocation: v.KeywordLocation})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].String() < out[j].String() })
	return out
}

// disagreements compares the findings as multisets, ignoring the source.
func disagreements(gen, ref []Finding) []string {
	key := func(f Finding) string { return f.InstanceLocation + " " + f.Keyword + " " + f.KeywordLocation }
	count := map[string]int{}
	for _, f := range gen {
		count[key(f)]++
	}
	for _, f := range ref {
		count[key(f)]--
	}
	var out []string
	for k, n := range count {
		for ; n > 0; n-- {
			out = append(out, "only generated: "+k)
		}
		for ; n < 0; n++ {
			out = append(out, "only reference: "+k)
		}
	}
	sort.Strings(out)
	return out
}

// GoldenText renders findings as a golden file: one finding a line.
func GoldenText(fs []Finding) []byte {
	var b bytes.Buffer
	b.WriteString("# source\tinstanceLocation\tkeyword\tkeywordLocation\n")
	for _, f := range fs {
		b.WriteString(f.String())
		b.WriteByte('\n')
	}
	return b.Bytes()
}

// Run checks each document file against target, in a subtest named after
// the file: the validators must agree (each disagreement fails unless
// allowed says otherwise), and the findings must equal the golden file
// <file>.findings.golden, which update rewrites. It returns the results by
// file for further assertions (a ledger, for example).
func Run(t *testing.T, target *Target, files []string, update bool, allowed func(file string, disagreement string) bool) map[string]*Result {
	t.Helper()
	results := map[string]*Result{}
	for _, file := range files {
		t.Run(filepath.Base(file), func(t *testing.T) {
			doc, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			r, err := target.Check(doc)
			if err != nil {
				t.Fatal(err)
			}
			results[file] = r
			for _, d := range r.Disagreements {
				if allowed == nil || !allowed(file, d) {
					t.Errorf("%s: the generated decoder and jsonschema v5 disagree: %s", target.Name, d)
				}
			}
			golden.Check(t, file+".findings.golden", GoldenText(r.Findings()), update)
		})
	}
	return results
}

// LedgerEntry explains a finding on a documented sample.
type LedgerEntry struct {
	Sample           string `json:"sample"`           // path relative to the repository's testdata, e.g. "beta/get-incident.json"
	Target           string `json:"target"`           // the target's Name, e.g. "beta Incident"
	InstanceLocation string `json:"instanceLocation"` // as in the finding
	Keyword          string `json:"keyword"`
	Reason           string `json:"reason"` // why the documentation differs from the schema
}

// Ledger is the reviewed list of findings on documented samples.
type Ledger []LedgerEntry

// LoadLedger reads a ledger file; every entry needs a reason.
func LoadLedger(path string) (Ledger, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("contracttest: ledger: %w", err)
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	var l Ledger
	if err := dec.Decode(&l); err != nil {
		return nil, fmt.Errorf("contracttest: ledger %s: %w", path, err)
	}
	for i, e := range l {
		if strings.TrimSpace(e.Reason) == "" {
			return nil, fmt.Errorf("contracttest: ledger %s: entry %d (%s %s): a reason is required", path, i, e.Sample, e.InstanceLocation)
		}
	}
	return l, nil
}

// Reconcile matches the generated findings of documented samples with the
// ledger: it returns the findings no entry explains and the entries that
// match no finding (stale). Both must be empty for the suite to pass.
func (l Ledger) Reconcile(found map[string][]Finding) (unexplained []string, stale []LedgerEntry) {
	used := make([]bool, len(l))
	keys := make([]string, 0, len(found))
	for k := range found {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		sample, target, _ := strings.Cut(k, "|")
		for _, f := range found[k] {
			hit := false
			for i, e := range l {
				if e.Sample == sample && e.Target == target && e.InstanceLocation == f.InstanceLocation && e.Keyword == f.Keyword {
					used[i], hit = true, true
				}
			}
			if !hit {
				unexplained = append(unexplained, fmt.Sprintf("%s (%s): %q %s", sample, target, f.InstanceLocation, f.Keyword))
			}
		}
	}
	for i, e := range l {
		if !used[i] {
			stale = append(stale, e)
		}
	}
	return unexplained, stale
}
