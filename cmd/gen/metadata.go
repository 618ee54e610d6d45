package main

import (
	"errors"
	"fmt"
	"strings"

	"github.com/graphshape/graphshape/internal/allow"
	"github.com/graphshape/graphshape/internal/gen"
	"github.com/graphshape/graphshape/internal/level"
	"github.com/graphshape/graphshape/internal/metadata"
	"github.com/graphshape/graphshape/internal/model"
	"github.com/graphshape/graphshape/internal/report"
	"github.com/graphshape/graphshape/schema"
)

// runMetadataCheck implements "gen metadata-check".
func runMetadataCheck(e *env, args []string) error {
	fs := newFlagSet(e, "metadata-check", "metadata-check (-metadata FILE | -names FILE) [-entity NAME] -schema FILE|v1.0|beta [-format text|json|github] [-allow FILE]",
		"  gen metadata-check -metadata testdata/metadata/v1.0-security.csdl.xml -schema v1.0 -allow testdata/metadata/v1.0.allow.json\n  gen metadata-check -names testdata/metadata/beta-security-type-names.json -schema beta")
	metaFile := fs.String("metadata", "", "CSDL (EDMX) metadata `file`, such as Graph's $metadata")
	namesFile := fs.String("names", "", "type-name list `file` (Graph's type-mappings, merged) to check names against when no CSDL is at hand")
	entity := fs.String("entity", "microsoft.graph.security.incident", "full `name` of the entity type the schema's root stands for")
	schemaArg := fs.String("schema", "", "schema `file`, or the built-in v1.0 or beta")
	format := fs.String("format", "text", "output `format`: text, json or github")
	allowFile := fs.String("allow", "", "allow-list `file` of accepted findings, each with a reason")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	switch {
	case *format != "text" && *format != "json" && *format != "github":
		return usagef("metadata-check: unknown format %q (want text, json or github)", *format)
	case fs.NArg() > 0:
		return usagef("metadata-check: unexpected argument %q (the schema is given with -schema)", fs.Arg(0))
	case *metaFile == "" && *namesFile == "":
		return usagef("metadata-check: give -metadata FILE (CSDL) or -names FILE (type names)")
	case *metaFile != "" && *namesFile != "":
		return usagef("metadata-check: give -metadata or -names, not both")
	case *schemaArg == "":
		return usagef("metadata-check: -schema is required (a file, or the built-in v1.0 or beta)")
	case !strings.Contains(*entity, "."):
		return usagef("metadata-check: -entity %q is not a full name (want namespace.name, such as microsoft.graph.security.incident)", *entity)
	}
	var list *allow.List
	var err error
	if *allowFile != "" {
		if list, err = allow.Load(*allowFile); err != nil {
			return fmt.Errorf("metadata-check: %w", err)
		}
	}
	src, err := gen.Load(*schemaArg, model.Options{})
	var le *schema.LoadError
	switch {
	case errors.As(err, &le): // it names the schema
		return fmt.Errorf("metadata-check: %w", err)
	case err != nil:
		return fmt.Errorf("metadata-check: schema %s: %w", *schemaArg, err)
	}
	var findings []metadata.Finding
	if *metaFile != "" {
		m, err := metadata.ParseFile(*metaFile)
		if err != nil {
			return fmt.Errorf("metadata-check: %w", err)
		}
		findings = metadata.Check(m, *entity, src.Model)
	} else {
		names, err := metadata.ParseNamesFile(*namesFile, (*entity)[:strings.LastIndexByte(*entity, '.')])
		if err != nil {
			return fmt.Errorf("metadata-check: %w", err)
		}
		findings = metadata.CheckNames(names, *entity, src.Model)
	}
	kept, allowed, stale := allow.Apply(list, findings, report.MetadataKey)
	rep := report.Metadata(report.MetadataInput{File: src.File, Findings: kept, Allowed: allowed, Stale: stale})
	if err := rep.Write(e.stdout, *format); err != nil {
		return fmt.Errorf("metadata-check: %w", err)
	}
	if rep.Fails(level.Warning) {
		return errFindings
	}
	return nil
}
