package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/graphshape/graphshape/internal/allow"
	"github.com/graphshape/graphshape/internal/level"
	"github.com/graphshape/graphshape/internal/metadata"
	"github.com/graphshape/graphshape/internal/model"
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
	data, name, err := schema.Load(*schemaArg)
	if err != nil {
		return fmt.Errorf("metadata-check: schema: %w", err)
	}
	doc, _, err := schema.Compile(name, data)
	if err != nil {
		return fmt.Errorf("metadata-check: schema %s: %w", *schemaArg, err)
	}
	res, err := model.Build(doc, model.Options{})
	if err != nil {
		return fmt.Errorf("metadata-check: schema %s: %w", *schemaArg, err)
	}
	var findings []metadata.Finding
	if *metaFile != "" {
		m, err := loadMetadata(*metaFile)
		if err != nil {
			return fmt.Errorf("metadata-check: %w", err)
		}
		findings = metadata.Check(m, *entity, res)
	} else {
		nd, err := os.ReadFile(*namesFile)
		if err != nil {
			return fmt.Errorf("metadata-check: names: %w", err)
		}
		names, err := metadata.ParseNames(*namesFile, nd, (*entity)[:strings.LastIndexByte(*entity, '.')])
		if err != nil {
			return fmt.Errorf("metadata-check: %w", err)
		}
		findings = metadata.CheckNames(names, *entity, res)
	}
	kept, allowed, stale := allow.Apply(list, findings, func(f metadata.Finding) (string, string) { return f.Rule, f.SchemaPath })
	rep := metadataReport{Findings: nonNil(kept), Allowed: nonNil(allowed), Stale: stale, file: schemaFileName(*schemaArg)}
	if rep.Stale == nil {
		rep.Stale = []allow.Entry{}
	}
	switch *format {
	case "json":
		b, err := json.MarshalIndent(rep, "", "  ")
		if err != nil {
			return fmt.Errorf("metadata-check: %w", err)
		}
		fmt.Fprintf(e.stdout, "%s\n", b)
	case "github":
		rep.github(e.stdout)
	default:
		rep.text(e.stdout)
	}
	failed := len(stale) > 0
	for _, f := range kept {
		if f.Level.Reaches(level.Warning) {
			failed = true
		}
	}
	if failed {
		return errFindings
	}
	return nil
}

// loadMetadata streams a CSDL file into a model.
func loadMetadata(file string) (*metadata.Model, error) {
	f, err := os.Open(file)
	if err != nil {
		return nil, fmt.Errorf("metadata: %w", err)
	}
	defer f.Close()
	return metadata.Parse(bufio.NewReaderSize(f, 64<<10), file)
}

// schemaFileName is the repository path of a built-in schema, or the file
// as given, for annotations.
func schemaFileName(arg string) string {
	if schema.IsBuiltin(arg) {
		if _, err := os.Stat(arg); err != nil {
			if _, file, err := schema.Builtin(arg); err == nil {
				return "schema/" + file
			}
		}
	}
	return filepath.ToSlash(arg)
}

func nonNil(fs []metadata.Finding) []metadata.Finding {
	if fs == nil {
		return []metadata.Finding{}
	}
	return fs
}

// metadataReport is what gen metadata-check prints.
type metadataReport struct {
	Findings []metadata.Finding `json:"findings"` // not allowed
	Allowed  []metadata.Finding `json:"allowed"`  // accepted by the allow-list
	Stale    []allow.Entry      `json:"stale"`    // allow-list entries that matched nothing
	file     string
}

func (r *metadataReport) summary() string {
	levels := make([]level.Level, len(r.Findings))
	for i, f := range r.Findings {
		levels[i] = f.Level
	}
	return countLine(levels, len(r.Allowed), len(r.Stale))
}

func (r *metadataReport) text(w io.Writer) {
	for _, f := range r.Findings {
		elem := ""
		if f.CSDLElement != "" {
			elem = " (" + f.CSDLElement + ")"
		}
		fmt.Fprintf(w, "%s %s %s%s: %s\n", f.Level, f.Rule, shown(f.SchemaPath), elem, f.Message)
	}
	for _, s := range r.Stale {
		fmt.Fprintf(w, "stale allow-list entry: %s %s (%s)\n", s.Rule, s.Path, s.Reason)
	}
	fmt.Fprintln(w, r.summary())
}

func (r *metadataReport) github(w io.Writer) {
	file := ""
	if r.file != "" {
		file = "file=" + r.file + ","
	}
	for _, f := range r.Findings {
		fmt.Fprintf(w, "::%s %stitle=%s::%s\n", annotationCommand(f.Level), file, f.Rule, annotation(shown(f.SchemaPath)+" ("+f.CSDLElement+"): "+f.Message))
	}
	for _, s := range r.Stale {
		fmt.Fprintf(w, "::error %stitle=stale-allow-entry::%s\n", file, annotation(s.Rule+" "+s.Path+" matches no finding"))
	}
	fmt.Fprintln(w, r.summary())
}
