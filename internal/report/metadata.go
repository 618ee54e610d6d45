package report

import (
	"github.com/graphshape/graphshape/internal/allow"
	"github.com/graphshape/graphshape/internal/metadata"
)

// MetadataInput is what gen metadata-check found.
type MetadataInput struct {
	File     string             // the schema file annotations name (a built-in's path in the repository)
	Findings []metadata.Finding // not allowed
	Allowed  []metadata.Finding // accepted by the allow-list
	Stale    []allow.Entry      // allow-list entries that matched nothing
}

// metadataJSON is gen metadata-check's JSON shape: three arrays, never
// null.
type metadataJSON struct {
	Findings []metadata.Finding `json:"findings"`
	Allowed  []metadata.Finding `json:"allowed"`
	Stale    []allow.Entry      `json:"stale"`
}

// Metadata is gen metadata-check's report: each finding shows its schema
// pointer and, in parentheses, the CSDL element it was held against; a
// GitHub annotation names the schema file.
func Metadata(in MetadataInput) *Report {
	r := &Report{
		File:    in.File,
		Allowed: len(in.Allowed),
		Stale:   stale(in.Stale),
		JSON:    metadataJSON{Findings: nonNil(in.Findings), Allowed: nonNil(in.Allowed), Stale: nonNil(in.Stale)},
	}
	for _, f := range in.Findings {
		r.Items = append(r.Items, Item{Level: f.Level, Rule: f.Rule, Path: f.SchemaPath, Detail: f.CSDLElement, Message: f.Message})
	}
	return r
}

// MetadataKey is the rule and path an allow-list entry names a metadata
// finding by: its schema pointer as printed (pointer.Root for the root).
func MetadataKey(f metadata.Finding) (rule, path string) { return f.Rule, Path(f.SchemaPath) }
