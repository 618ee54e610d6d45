// Package gen runs graphshape's pipeline for one schema (compile with
// jsonschema v5, build the model, emit Go files) and writes or checks the
// result in an output directory.
//
// Writing (see Write) replaces only regular files ending in _gen.go that it
// can read and that carry graphshape's header, removes only such files that
// the schema no longer produces, and is all-or-nothing for one run: a file
// the generator did not write is never changed or deleted.
package gen

import (
	"fmt"
	"sort"

	"github.com/graphshape/graphshape/internal/emit"
	"github.com/graphshape/graphshape/internal/model"
)

// File is one generated Go file.
type File = emit.File

// Options describes one generation.
type Options struct {
	SchemaName string // the schema's file name (only its base name is used)
	Schema     []byte // the schema document
	Package    string // Go package name
	Root       string // Go name of the root type; empty: title, else file name
}

// Generate compiles the schema, builds the model and returns the Go files,
// sorted by name. It writes nothing.
func Generate(opts Options) ([]File, error) {
	doc, res, err := build(opts.SchemaName, opts.Schema, model.Options{Root: opts.Root})
	if err != nil {
		return nil, err
	}
	files, err := emit.Files(res, emit.Options{Package: opts.Package, Source: doc.Name})
	if err != nil {
		return nil, err
	}
	sort.Slice(files, func(i, j int) bool { return files[i].Name < files[j].Name })
	for i := 1; i < len(files); i++ {
		if files[i].Name == files[i-1].Name {
			// The root type's file is named after it: a root named Rules
			// would be written over the rule table, and the code lost.
			return nil, fmt.Errorf("%s: the root type %s would be written to %s, the name of another generated file; give the root another name (-root, or the schema's title)", doc.Name, res.Root.GoName, files[i].Name)
		}
	}
	return files, nil
}
