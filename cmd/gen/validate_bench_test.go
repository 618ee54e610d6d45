package main

import (
	"bytes"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"testing"
)

// jsonLines writes n copies of the v1.0 sample (compacted) as JSON Lines.
func jsonLines(b *testing.B, n int) string {
	b.Helper()
	sample, err := os.ReadFile("../../testdata/v1.0/get-incident.json")
	if err != nil {
		b.Fatal(err)
	}
	var line bytes.Buffer
	if err := json.Compact(&line, sample); err != nil {
		b.Fatal(err)
	}
	line.WriteByte('\n')
	path := filepath.Join(b.TempDir(), "in.jsonl")
	if err := os.WriteFile(path, bytes.Repeat(line.Bytes(), n), 0o644); err != nil {
		b.Fatal(err)
	}
	return path
}

// BenchmarkValidateJSONLines validates 10,000 documents of JSON Lines with
// the built-in generated decoder and with -schema (jsonschema v5) on the same
// schema; docs/s is the figure to compare.
func BenchmarkValidateJSONLines(b *testing.B) {
	const n = 10000
	path := jsonLines(b, n)
	for _, mode := range []struct {
		name string
		args []string
	}{
		{"builtin", []string{"validate", "-version", "v1.0", path}},
		{"builtin-1-worker", []string{"validate", "-version", "v1.0", "-workers", "1", path}},
		{"schema-v5", []string{"validate", "-schema", "../../schema/v1.0/incident.schema.json", path}},
	} {
		b.Run(mode.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				e := &env{stdin: bytes.NewReader(nil), stdout: io.Discard, stderr: io.Discard}
				if err := run(mode.args, e); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(n*b.N)/b.Elapsed().Seconds(), "docs/s")
		})
	}
}
