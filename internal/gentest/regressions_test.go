package gentest

import (
	"bytes"
	"encoding/json"
	"testing"
)

// regression is a minimised schema the generative test once failed on, run
// before the random schemas on every run (with the instances that showed
// the failure, then random ones).
type regression struct {
	why       string
	schema    string
	instances []string
	refused   bool // the generator must refuse the schema
}

// regressions holds every minimised failure of the generative test.
var regressions = []regression{
	{
		why:       "the nullable form around an applicator (held as raw JSON) refused null",
		schema:    `{"title":"Root","type":"object","properties":{"id":{"anyOf":[{"anyOf":[{"type":"number","multipleOf":3},{"type":"array","items":{"type":"string"}}]},{"type":"null"}]}}}`,
		instances: []string{`{"id":null}`, `{"id":3}`, `{"id":2}`, `{"id":["a"]}`, `{"id":"a"}`},
	},
	{
		why:       "the same at the root",
		schema:    `{"title":"Root","anyOf":[{"allOf":[{"type":"integer"}]},{"type":"null"}]}`,
		instances: []string{`null`, `1`, `"a"`},
	},
	{
		why:       "the same for an array item",
		schema:    `{"title":"Root","type":"array","items":{"anyOf":[{"allOf":[{"type":"integer"}]},{"type":"null"}]}}`,
		instances: []string{`[null]`, `[1,null]`, `["x"]`},
	},
	{
		why:       "the same for a map value",
		schema:    `{"title":"Root","type":"object","additionalProperties":{"anyOf":[{"anyOf":[{"type":"boolean"}]},{"type":"null"}]}}`,
		instances: []string{`{"b":null}`, `{"b":true}`, `{"b":1}`},
	},
	{
		why:       "a $defs entry in the nullable form around a $ref to a raw type did not compile (pointer method on a conversion)",
		schema:    `{"$defs":{"d1":{"anyOf":[{"$ref":"#/$defs/d2"},{"type":"null"}]},"d2":{"const":"Members"}},"properties":{"p":{"$ref":"#/$defs/d1"}},"title":"Root","type":"object"}`,
		instances: []string{`{"p":null}`, `{"p":"Members"}`, `{"p":"x"}`},
	},
}

// regressionCase is a decoded regression.
type regressionCase struct {
	schema    *Schema
	instances [][]byte
	refused   bool
}

// regressionSchemas decodes the regression list.
func regressionSchemas(t *testing.T) []regressionCase {
	t.Helper()
	var out []regressionCase
	for _, r := range regressions {
		d := json.NewDecoder(bytes.NewReader([]byte(r.schema)))
		d.UseNumber()
		var root any
		if err := d.Decode(&root); err != nil {
			t.Fatalf("regression %q: %v", r.why, err)
		}
		m, _ := root.(map[string]any)
		defs, _ := m["$defs"].(map[string]any)
		c := regressionCase{schema: &Schema{Root: root, Defs: defs}, refused: r.refused}
		for _, in := range r.instances {
			c.instances = append(c.instances, []byte(in))
		}
		out = append(out, c)
	}
	return out
}
