package metadata

import (
	"path/filepath"
	"strings"
	"testing"
)

func TestParseFile(t *testing.T) {
	m, err := ParseFile(filepath.Join("..", "..", "testdata", "metadata", "v1.0-security.csdl.xml"))
	if err != nil {
		t.Fatal(err)
	}
	if m.Types["microsoft.graph.security.incident"] == nil {
		t.Error("the v1.0 CSDL excerpt lacks microsoft.graph.security.incident")
	}
	n, err := ParseNamesFile(filepath.Join("..", "..", "testdata", "metadata", "beta-security-type-names.json"), "microsoft.graph.security")
	if err != nil || n == nil {
		t.Fatalf("names: %v", err)
	}
	absent := filepath.Join(t.TempDir(), "absent.xml")
	if _, err := ParseFile(absent); err == nil || !strings.HasPrefix(err.Error(), "metadata: ") || !strings.Contains(err.Error(), absent) {
		t.Errorf("ParseFile(absent) error %v, want one naming the file", err)
	}
	if _, err := ParseNamesFile(absent, "ns"); err == nil || !strings.HasPrefix(err.Error(), "names: ") || !strings.Contains(err.Error(), absent) {
		t.Errorf("ParseNamesFile(absent) error %v, want one naming the file", err)
	}
}
