// Package waiver is the one loader of graphshape's reviewed lists of
// accepted findings: gen diff and gen metadata-check allow-lists, the
// contract tests' ledger of documentation deviations and their list of
// deliberate differences from jsonschema v5, and the JSON-Schema-Test-Suite
// ledger. Each is a JSON array of entries; every entry names what it
// accepts and says why.
//
// Parse is strict: the file must be one JSON array and nothing else (not
// null, no trailing data), entries have no unknown fields, every entry has
// its mandatory fields and a non-blank reason, and no two entries accept
// the same thing. Apply matches entries with findings and returns the
// entries that matched nothing (stale), so a waiver that no longer
// applies fails as loudly as a new finding.
package waiver

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/graphshape/graphshape/schema"
)

// Spec describes one kind of waiver file with entries of type E.
type Spec[E any] struct {
	// Kind names the kind of file in errors, e.g. "allow-list".
	Kind string
	// Key returns what an entry accepts, as text; two entries with the
	// same key are duplicates. It also names the entry in errors.
	Key func(E) string
	// Reason returns the entry's reason, which must not be blank.
	Reason func(E) string
	// Check, when set, reports a missing or malformed mandatory field.
	Check func(E) error
}

// Load reads and parses the waiver file at path.
func (s Spec[E]) Load(path string) ([]E, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", s.Kind, err)
	}
	return s.Parse(path, data)
}

// Parse parses the waiver file named name. Errors name the file and the
// entry (by index and key).
func (s Spec[E]) Parse(name string, data []byte) ([]E, error) {
	fail := func(format string, args ...any) error {
		return fmt.Errorf("%s %s: %s", s.Kind, name, fmt.Sprintf(format, args...))
	}
	trimmed := bytes.TrimLeft(data, " \t\r\n")
	if len(trimmed) == 0 || trimmed[0] != '[' {
		return nil, fail("want a JSON array of entries")
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	var entries []E
	if err := dec.Decode(&entries); err != nil {
		return nil, fail("%v", err)
	}
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		return nil, fail("trailing data after the array")
	}
	// Repeated members, text that is not UTF-8 and lone surrogates would be
	// read silently (the last member kept, bytes replaced by U+FFFD).
	if _, err := schema.Parse(name, data); err != nil {
		return nil, fail("%v", err)
	}
	seen := map[string]int{}
	for i, e := range entries {
		if s.Check != nil {
			if err := s.Check(e); err != nil {
				return nil, fail("entry %d: %v", i, err)
			}
		}
		key := s.Key(e)
		if strings.TrimSpace(s.Reason(e)) == "" {
			return nil, fail("entry %d (%s): a reason is required", i, key)
		}
		if j, ok := seen[key]; ok {
			return nil, fail("entry %d (%s): duplicate of entry %d", i, key, j)
		}
		seen[key] = i
	}
	if entries == nil {
		entries = []E{}
	}
	return entries, nil
}

// Apply splits findings into those no entry matches (kept) and those some
// entry matches (waived), and returns the entries that matched no finding
// (stale), each in input order.
func Apply[E, F any](entries []E, findings []F, match func(E, F) bool) (kept, waived []F, stale []E) {
	used := make([]bool, len(entries))
	for _, f := range findings {
		hit := false
		for i, e := range entries {
			if match(e, f) {
				used[i], hit = true, true
			}
		}
		if hit {
			waived = append(waived, f)
		} else {
			kept = append(kept, f)
		}
	}
	for i, e := range entries {
		if !used[i] {
			stale = append(stale, e)
		}
	}
	return kept, waived, stale
}
