package fromcsdl_test

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/graphshape/graphshape/internal/fromcsdl"
	"github.com/graphshape/graphshape/internal/metadata"
)

var update = flag.Bool("update", false, "rewrite the generated $defs of schema/*/incident.schema.json")

// TestSchemasFresh regenerates the derived-type $defs of both schemas from
// the CSDL excerpts in testdata/metadata and fails when the committed
// schema differs; -update writes the fresh ones. The hand-maintained parts
// are kept byte for byte.
func TestSchemasFresh(t *testing.T) {
	for _, tc := range []struct {
		version, csdl string
		derived       int
		reason        string
	}{
		{"v1.0", "v1.0-evidence.csdl.xml", 48, "the v1.0 CSDL derives 48 types from alertEvidence"},
		{"beta", "beta-evidence.csdl.xml", 48, "the beta excerpt has the national cloud's 47 plus aiAgentEvidence, which the beta type-name lists have"},
	} {
		t.Run(tc.version, func(t *testing.T) {
			f, err := os.Open(filepath.Join("..", "..", "testdata", "metadata", tc.csdl))
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			m, err := metadata.Parse(f, tc.csdl)
			if err != nil {
				t.Fatal(err)
			}
			path := filepath.Join("..", "..", "schema", tc.version, "incident.schema.json")
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			doc, err := fromcsdl.Parse(data)
			if err != nil {
				t.Fatal(err)
			}
			fresh, res, err := fromcsdl.Regenerate(doc, m)
			if err != nil {
				t.Fatal(err)
			}
			if len(res.Derived) != tc.derived {
				t.Errorf("%d derived types, want %d: %s", len(res.Derived), tc.derived, tc.reason)
			}
			out := fromcsdl.Encode(fresh)
			if bytes.Equal(out, data) {
				return
			}
			if *update {
				if err := os.WriteFile(path, out, 0o644); err != nil {
					t.Fatal(err)
				}
				t.Logf("rewrote %s", path)
				return
			}
			t.Errorf("%s is stale: its generated $defs differ from the CSDL excerpt %s (run go test ./internal/fromcsdl -update)", path, tc.csdl)
		})
	}
}

// TestRoundTrip: a schema without generated parts is rewritten byte for
// byte, so regeneration never reformats the hand-maintained parts.
func TestRoundTrip(t *testing.T) {
	for _, in := range []string{"{\n  \"a\": [\n    1,\n    \"é\\n\"\n  ],\n  \"b\": {},\n  \"c\": []\n}\n", "true\n"} {
		v, err := fromcsdl.Parse([]byte(in))
		if err != nil {
			t.Fatal(err)
		}
		if got := string(fromcsdl.Encode(v)); got != in {
			t.Errorf("round trip of %q gave %q", in, got)
		}
	}
}
