package gen

import (
	"path/filepath"

	"github.com/graphshape/graphshape/internal/model"
	"github.com/graphshape/graphshape/schema"
)

// Source is a schema loaded, compiled and modelled: what gen diff and gen
// metadata-check read, and the first steps of Generate.
type Source struct {
	Arg   string // the schema as given: a file, or a built-in version
	File  string // the path annotations name: Arg with forward slashes, or a built-in's path in this repository
	Name  string // the document's base name
	Data  []byte // the schema text
	Doc   *schema.Document
	Model *model.Resource
}

// Load reads the schema arg names (a file, or a built-in version when no
// file of that name exists; see schema.Load), compiles it and builds its
// model with opts. An error reading arg is a *schema.LoadError; the others
// come from schema.Compile and model.Build.
func Load(arg string, opts model.Options) (*Source, error) {
	data, name, err := schema.Load(arg)
	if err != nil {
		return nil, err
	}
	doc, res, err := build(name, data, opts)
	if err != nil {
		return nil, err
	}
	return &Source{Arg: arg, File: SourceFile(arg), Name: name, Data: data, Doc: doc, Model: res}, nil
}

// SourceFile is the path annotations name for the schema arg: for a built-in
// version that no file of that name shadows, its path in this repository
// (schema/v1.0/incident.schema.json); else arg with forward slashes.
func SourceFile(arg string) string {
	if schema.IsBuiltin(arg) && !schema.Shadowed(arg) {
		if _, file, err := schema.Builtin(arg); err == nil {
			return "schema/" + file
		}
	}
	return filepath.ToSlash(arg)
}

// build compiles data, named name, and builds its model.
func build(name string, data []byte, opts model.Options) (*schema.Document, *model.Resource, error) {
	doc, _, err := schema.Compile(name, data)
	if err != nil {
		return nil, nil, err
	}
	res, err := model.Build(doc, opts)
	if err != nil {
		return nil, nil, err
	}
	return doc, res, nil
}
