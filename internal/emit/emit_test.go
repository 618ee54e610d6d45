package emit_test

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/graphshape/graphshape/internal/gen"
	"github.com/graphshape/graphshape/internal/golden"
)

var update = flag.Bool("update", false, "rewrite golden files")

// TestGolden generates each feature schema in testdata and compares the
// output with testdata/golden/<name>/, which are real packages: the
// behaviour tests below import and run them.
func TestGolden(t *testing.T) {
	schemas, err := filepath.Glob("testdata/*.schema.json")
	if err != nil || len(schemas) == 0 {
		t.Fatalf("no feature schemas: %v", err)
	}
	for _, path := range schemas {
		name := strings.TrimSuffix(filepath.Base(path), ".schema.json")
		t.Run(name, func(t *testing.T) {
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			files, err := gen.Generate(gen.Options{SchemaName: filepath.Base(path), Schema: data, Package: name})
			if err != nil {
				t.Fatal(err)
			}
			dir := filepath.Join("testdata", "golden", name)
			for _, f := range files {
				golden.Check(t, filepath.Join(dir, f.Name), f.Source, *update)
			}
			again, err := gen.Generate(gen.Options{SchemaName: filepath.Base(path), Schema: data, Package: name})
			if err != nil {
				t.Fatal(err)
			}
			for i := range files {
				if string(files[i].Source) != string(again[i].Source) {
					t.Errorf("%s: a second generation differs from the first", files[i].Name)
				}
			}
			stale, err := gen.Stale(dir, files)
			if err != nil {
				t.Fatal(err)
			}
			if len(stale) > 0 && !*update {
				t.Errorf("stale golden files in %s: %v", dir, stale)
			}
		})
	}
}
