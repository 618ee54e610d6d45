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
	"errors"
	"fmt"
	"github.com/graphshape/graphshape/internal/capture"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/graphshape/graphshape/generated/shape"
	"github.com/graphshape/graphshape/internal/golden"
	"github.com/graphshape/graphshape/internal/pointer"
	"github.com/graphshape/graphshape/internal/reference"
	"github.com/graphshape/graphshape/internal/waiver"
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

// String formats the finding as one tab-separated golden line; the root
// instance location is shown as "(root)".
func (f Finding) String() string {
	return f.Source + "\t" + pointer.Show(f.InstanceLocation) + "\t" + f.Keyword + "\t" + f.KeywordLocation
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
	// A $select response: the decoders relax "required" by the select
	// list of @odata.context; jsonschema v5 knows nothing of it.
	ref = capture.Unselected(ref, capture.SelectList(string(doc)), capture.IsList(string(doc)) || !capture.SelectEntity(string(doc)))
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

// LedgerEntry explains a finding on a documented sample. It matches a
// finding with the same instance location, keyword and keyword location,
// so an entry for one failing keyword never explains another.
type LedgerEntry struct {
	Sample           string `json:"sample"`           // path relative to the repository's testdata, e.g. "beta/get-incident.json"
	Target           string `json:"target"`           // the target's Name, e.g. "beta Incident"
	InstanceLocation string `json:"instanceLocation"` // as in the finding
	Keyword          string `json:"keyword"`
	KeywordLocation  string `json:"keywordLocation"` // as in the finding: the failing keyword's schema location
	Reason           string `json:"reason"`          // why the documentation differs from the schema
}

// matches reports whether the entry explains finding f of sample and target.
func (e LedgerEntry) matches(sample, target string, f Finding) bool {
	return e.Sample == sample && e.Target == target && e.InstanceLocation == f.InstanceLocation &&
		e.Keyword == f.Keyword && e.KeywordLocation == f.KeywordLocation
}

// Ledger is the reviewed list of findings on documented samples.
type Ledger []LedgerEntry

// ledgerSpec is the ledger format, read by the shared waiver loader.
var ledgerSpec = waiver.Spec[LedgerEntry]{
	Kind: "contracttest: ledger",
	Key: func(e LedgerEntry) string {
		return fmt.Sprintf("%s %s %q %s %s", e.Sample, e.Target, e.InstanceLocation, e.Keyword, e.KeywordLocation)
	},
	Reason: func(e LedgerEntry) string { return e.Reason },
	Check: func(e LedgerEntry) error {
		if e.Sample == "" || e.Target == "" || e.Keyword == "" || e.KeywordLocation == "" {
			return fmt.Errorf("sample, target, keyword and keywordLocation are required (%s %q)", e.Sample, e.InstanceLocation)
		}
		return nil
	},
}

// LoadLedger reads a ledger file: a JSON array of entries, each with every
// field set (instanceLocation may be "", the root) and a reason, none
// twice, nothing else in the file.
func LoadLedger(path string) (Ledger, error) {
	return ledgerSpec.Load(path)
}

// Reconcile matches the generated findings of documented samples with the
// ledger: it returns the findings no entry explains and the entries that
// match no finding (stale). Both must be empty for the suite to pass.
// found is keyed by "sample|target".
func (l Ledger) Reconcile(found map[string][]Finding) (unexplained []string, stale []LedgerEntry) {
	type located struct {
		sample, target string
		f              Finding
	}
	keys := make([]string, 0, len(found))
	for k := range found {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var all []located
	for _, k := range keys {
		sample, target, _ := strings.Cut(k, "|")
		for _, f := range found[k] {
			all = append(all, located{sample, target, f})
		}
	}
	kept, _, stale := waiver.Apply(l, all, func(e LedgerEntry, x located) bool { return e.matches(x.sample, x.target, x.f) })
	for _, x := range kept {
		unexplained = append(unexplained, fmt.Sprintf("%s (%s): %q %s %s", x.sample, x.target, x.f.InstanceLocation, x.f.Keyword, x.f.KeywordLocation))
	}
	return unexplained, stale
}
