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
// rule is a finding's rule ID; path is the JSON Pointer the finding names
// (exact match; a path ending in "/*" matches that pointer and everything
// below it); reason is mandatory.
package allow

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"strings"
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

// Load reads and parses the allow-list file at path.
func Load(path string) (*List, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("allow-list: %w", err)
	}
	return Parse(path, data)
}

// Parse parses an allow-list named name. Unknown fields, a missing rule or
// path, an empty reason and duplicate entries are errors naming the entry.
func Parse(name string, data []byte) (*List, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	var entries []Entry
	if err := dec.Decode(&entries); err != nil {
		return nil, fmt.Errorf("allow-list %s: %w", name, err)
	}
	seen := map[Entry]bool{}
	for i, e := range entries {
		switch {
		case e.Rule == "":
			return nil, fmt.Errorf("allow-list %s: entry %d: missing rule", name, i)
		case e.Path == "":
			return nil, fmt.Errorf("allow-list %s: entry %d (%s): missing path", name, i, e.Rule)
		case strings.TrimSpace(e.Reason) == "":
			return nil, fmt.Errorf("allow-list %s: entry %d (%s %s): a reason is required", name, i, e.Rule, e.Path)
		}
		key := Entry{Rule: e.Rule, Path: e.Path}
		if seen[key] {
			return nil, fmt.Errorf("allow-list %s: entry %d (%s %s): duplicate entry", name, i, e.Rule, e.Path)
		}
		seen[key] = true
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
	used := make([]bool, len(l.Entries))
	for _, f := range findings {
		rule, paths := key(f)
		hit := false
		for i, e := range l.Entries {
			for _, p := range paths {
				if e.Matches(rule, p) {
					used[i] = true
					hit = true
				}
			}
		}
		if hit {
			allowed = append(allowed, f)
		} else {
			kept = append(kept, f)
		}
	}
	for i, e := range l.Entries {
		if !used[i] {
			stale = append(stale, e)
		}
	}
	return kept, allowed, stale
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
