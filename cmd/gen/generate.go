package main

import (
	"fmt"
	"path/filepath"

	"github.com/graphshape/graphshape/internal/gen"
	"github.com/graphshape/graphshape/schema"
)

// runGenerate implements "gen generate".
func runGenerate(e *env, args []string) error {
	fs := newFlagSet(e, "generate", "generate -schema FILE -out DIR -package NAME [-root NAME] [-check]",
		"  gen generate -schema pet.schema.json -out . -package pets\n  gen generate -check -schema v1.0 -out generated/v1 -package v1 -root Incident")
	schemaFile := fs.String("schema", "", "the JSON Schema `file` (draft 2020-12), or a built-in version: v1.0, beta")
	out := fs.String("out", "", "the output `directory`")
	pkg := fs.String("package", "", "the Go package `name` (default: the output directory's base name)")
	root := fs.String("root", "", "the Go `name` of the root type (default: the schema's title, else the file name)")
	check := fs.Bool("check", false, "write nothing; exit 1 naming each file that is stale")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usagef("generate: unexpected arguments %q", fs.Args())
	}
	if *schemaFile == "" || *out == "" {
		return usagef("generate: -schema and -out are required")
	}
	if *out == "-" {
		return usagef("generate: -out - is not supported: gen generate writes files into a directory")
	}
	if *pkg == "" {
		abs, err := filepath.Abs(*out)
		if err != nil {
			return err
		}
		*pkg = filepath.Base(abs)
	}
	data, name, err := schema.Load(*schemaFile)
	if err != nil {
		return err
	}
	files, err := gen.Generate(gen.Options{SchemaName: name, Schema: data, Package: *pkg, Root: *root})
	if err != nil {
		return fmt.Errorf("generate: %w", err)
	}
	if *check {
		stale, err := gen.Stale(*out, files)
		if err != nil {
			return fmt.Errorf("generate: %w", err)
		}
		for _, s := range stale {
			fmt.Fprintf(e.stdout, "stale: %s\n", filepath.Join(*out, s))
		}
		if len(stale) > 0 {
			fmt.Fprintf(e.stdout, "%d generated file(s) out of date with %s; run gen generate\n", len(stale), *schemaFile)
			return errFindings
		}
		return nil
	}
	if err := gen.Write(*out, files); err != nil {
		return fmt.Errorf("generate: %w", err)
	}
	return nil
}
