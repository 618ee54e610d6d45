package generated

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/graphshape/graphshape/generated/beta"
	v1 "github.com/graphshape/graphshape/generated/v1"
	"github.com/graphshape/graphshape/internal/gen"
	"github.com/graphshape/graphshape/schema"
)

// TestFresh: generating again from the built-in schemas gives the committed
// files byte for byte, and nothing else generated lingers.
func TestFresh(t *testing.T) {
	for _, tt := range []struct{ version, dir, pkg string }{{"v1.0", "v1", "v1"}, {"beta", "beta", "beta"}} {
		t.Run(tt.version, func(t *testing.T) {
			data, file, err := schema.Builtin(tt.version)
			if err != nil {
				t.Fatal(err)
			}
			files, err := gen.Generate(gen.Options{SchemaName: filepath.Base(file), Schema: data, Package: tt.pkg, Root: "Incident"})
			if err != nil {
				t.Fatal(err)
			}
			stale, err := gen.Stale(tt.dir, files)
			if err != nil {
				t.Fatal(err)
			}
			if len(stale) > 0 {
				t.Errorf("generated/%s is stale (%v): run make generate", tt.dir, stale)
			}
			for _, f := range files {
				got, err := os.ReadFile(filepath.Join(tt.dir, f.Name))
				if err == nil && string(got) != string(f.Source) {
					t.Errorf("%s differs from a new generation (-committed +new):\n%s", f.Name, cmp.Diff(string(got), string(f.Source)))
				}
			}
		})
	}
}

// TestDigest: each generated package embeds the digest of the schema it
// came from, and it is the digest of the schema file as it is now.
func TestDigest(t *testing.T) {
	for version, digest := range map[string]string{"v1.0": v1.SchemaDigest, "beta": beta.SchemaDigest} {
		data, _, err := schema.Builtin(version)
		if err != nil {
			t.Fatal(err)
		}
		if got := schema.Digest(data); got != digest {
			t.Errorf("%s: schema digest %s, generated package has %s: regenerate", version, got, digest)
		}
	}
}
