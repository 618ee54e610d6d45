package capture

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/graphshape/graphshape/schema"
)

// Expectation is a deviation a document is known to have, with the reason:
// an entry of a ledger such as contracttest/testdata/ledger.json.
type Expectation struct {
	Sample           string `json:"sample"` // the document's path, relative to the ledger's testdata directory
	InstanceLocation string `json:"instanceLocation"`
	Keyword          string `json:"keyword"`
	Reason           string `json:"reason"`
}

// LoadExpectations reads a ledger: a JSON array of Expectation (other
// members are ignored). Every entry needs a reason.
func LoadExpectations(path string) ([]Expectation, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var es []Expectation
	if err := json.Unmarshal(data, &es); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	// Repeated members and text that is not UTF-8 are refused, not read
	// silently (the last member kept, bytes replaced by U+FFFD).
	if _, err := schema.Parse(path, data); err != nil {
		return nil, err
	}
	for i, e := range es {
		if e.Sample == "" || e.Reason == "" {
			return nil, fmt.Errorf("%s: entry %d: sample and reason are required", path, i+1)
		}
	}
	return es, nil
}

// matches reports whether e is about finding f of the document from source.
func (e Expectation) matches(source string, f Finding) bool {
	s := filepath.ToSlash(source)
	return (s == e.Sample || strings.HasSuffix(s, "/"+e.Sample)) && e.InstanceLocation == f.InstanceLocation && e.Keyword == f.Keyword
}

// expected splits r's violations into those an expectation explains (with
// its reason) and the rest, and returns the expectations for r's source
// that matched nothing.
func expected(es []Expectation, r *Result) (explained []Finding, reasons []string, rest []Finding, missing []Expectation) {
	used := make([]bool, len(es))
	for _, f := range r.Violations {
		found := false
		for i, e := range es {
			if e.matches(r.Source, f) {
				explained, reasons = append(explained, f), append(reasons, e.Reason)
				used[i], found = true, true
				break
			}
		}
		if !found {
			rest = append(rest, f)
		}
	}
	s := filepath.ToSlash(r.Source)
	for i, e := range es {
		if !used[i] && (s == e.Sample || strings.HasSuffix(s, "/"+e.Sample)) {
			missing = append(missing, e)
		}
	}
	return explained, reasons, rest, missing
}
