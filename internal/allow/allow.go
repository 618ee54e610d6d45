// Package allow reads allow-lists: reviewed files that accept known findings
// of gen diff and gen metadata-check, each with a reason, and reports the
// entries that no longer match anything, so a stale entry fails as loudly
// as a new finding.
//
// An allow-list is a JSON array of entries:
//
//	[
//	  {"rule": "enum-member-added", "path": "/$defs/incidentStatus", "reason": "beta adds it on purpose"}
//	]
//
// rule is a finding's rule ID; path is a path the finding is known by
// (for gen diff the path it prints, such as "/recommendedActions", or the
// JSON Pointer into the schema, "/properties/recommendedActions"; for gen
// metadata-check the schema pointer it prints): an exact match, or a path
// ending in "/*" matches that path and everything below it; reason is
// mandatory. The file is read by the shared loader of package waiver.
package allow

import (
	"errors"
	"fmt"
	"strings"

	"github.com/graphshape/graphshape/internal/waiver"
)

// Entry accepts the findings with rule Rule at Path, for Reason.
type Entry struct {
	Rule   string `json:"rule"`
	Path   string `json:"path"`
	Reason string `json:"reason"`
}

// Matches reports whether the entry accepts a finding with rule and path.
func (e Entry) Matches(rule, path string) bool {
	if e.Rule != rule {
		return false
	}
	if prefix, ok := strings.CutSuffix(e.Path, "/*"); ok {
		return path == prefix || strings.HasPrefix(path, prefix+"/")
	}
	return e.Path == path
}

// List is a parsed allow-list. A nil *List accepts nothing.
type List struct {
	Name    string  // the file it came from
	Entries []Entry // in file order
}

// spec is the allow-list format, read by the shared waiver loader.
var spec = waiver.Spec[Entry]{
	Kind:   "allow-list",
	Key:    func(e Entry) string { return e.Rule + " " + e.Path },
	Reason: func(e Entry) string { return e.Reason },
	Check: func(e Entry) error {
		switch {
		case e.Rule == "":
			return errors.New("missing rule")
		case e.Path == "":
			return fmt.Errorf("missing path (rule %s)", e.Rule)
		}
		return nil
	},
}

// Load reads and parses the allow-list file at path.
func Load(path string) (*List, error) {
	entries, err := spec.Load(path)
	if err != nil {
		return nil, err
	}
	return &List{Name: path, Entries: entries}, nil
}

// Parse parses an allow-list named name with the shared waiver loader:
// the file is one JSON array and nothing else (null and trailing data are
// refused); unknown fields, a missing rule or path, an empty reason and
// duplicate entries are errors naming the entry.
func Parse(name string, data []byte) (*List, error) {
	entries, err := spec.Parse(name, data)
	if err != nil {
		return nil, err
	}
	return &List{Name: name, Entries: entries}, nil
}

// ApplyKeys is Apply for findings that have several names: key gives a
// finding's rule ID and every path it may be listed by (gen diff prints an
// instance path and points into the schema; an entry may name either).
func ApplyKeys[F any](l *List, findings []F, key func(F) (rule string, paths []string)) (kept, allowed []F, stale []Entry) {
	if l == nil {
		return findings, nil, nil
	}
	return waiver.Apply(l.Entries, findings, func(e Entry, f F) bool {
		rule, paths := key(f)
		for _, p := range paths {
			if e.Matches(rule, p) {
				return true
			}
		}
		return false
	})
}

// Apply splits findings into those the list does not accept (kept) and
// those it does (allowed), and returns the entries that matched no finding
// (stale). key gives a finding's rule ID and path. A nil list keeps all.
func Apply[F any](l *List, findings []F, key func(F) (rule, path string)) (kept, allowed []F, stale []Entry) {
	return ApplyKeys(l, findings, func(f F) (string, []string) {
		rule, path := key(f)
		return rule, []string{path}
	})
}
