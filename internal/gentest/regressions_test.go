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
		why:       "a member named by required only was taken as any value, past additionalProperties false and patternProperties",
		schema:    `{"title":"Root","type":"object","properties":{"_":{"const":false}},"required":["a","p1"],"patternProperties":{"^p":{"type":"integer"}},"additionalProperties":false}`,
		instances: []string{`{"_":false,"a":"Status","p1":1}`, `{"p1":1}`, `{"a":1,"p1":"x"}`, `{"p1":2,"a":null}`, `{"p1":1,"p1":2,"a":1}`},
	},
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
	{
		why:       "the nullable form nested in itself around an object panicked in the emitter (no encoder for kind object)",
		schema:    `{"title":"Root","type":"object","properties":{"value":{"anyOf":[{"anyOf":[{"type":"object","properties":{"a":{"type":"boolean"}},"required":["a"]},{"type":"null"}]},{"type":"null"}]}}}`,
		instances: []string{`{"value":null}`, `{"value":{"a":true}}`, `{"value":{}}`, `{"value":1}`},
	},
	{
		why:       "beside it (it passed): the nested form around a string, as an array item",
		schema:    `{"title":"Root","type":"array","items":{"anyOf":[{"anyOf":[{"type":"string","minLength":2},{"type":"null"}]},{"type":"null"}]}}`,
		instances: []string{`[null]`, `["ab"]`, `["a"]`, `[1]`},
	},
	{
		why:       "beside it (it passed): the nested form around an applicator, at the root",
		schema:    `{"title":"Root","anyOf":[{"anyOf":[{"not":{"type":"integer"}},{"type":"null"}]},{"type":"null"}]}`,
		instances: []string{`null`, `1`, `"a"`},
	},
	{
		why:       "a $ref to an applicator refusing null was taken as nullable (an optional member accepted null unchecked)",
		schema:    `{"$defs":{"d0":{"anyOf":[{"type":"string"},{"type":"boolean"}]}},"title":"Root","type":"object","properties":{"p":{"$ref":"#/$defs/d0"},"q":{"type":"array","items":{"$ref":"#/$defs/d0"}}}}`,
		instances: []string{`{"p":null}`, `{"q":[null]}`, `{"p":"a","q":[true]}`},
	},
	{
		why:       "beside it: a $ref to an applicator accepting null, and to allOf, oneOf, not and if/then/else",
		schema:    `{"$defs":{"n":{"anyOf":[{"type":"string"},{"type":"null"},{"type":"integer"}]},"a":{"allOf":[{"type":["null","string"]},{"enum":[null,"x"]}]},"o":{"oneOf":[{"type":"null"},{"type":"string"},{"enum":[null,1]}]},"t":{"not":{"type":"string"}},"i":{"if":{"type":"null"},"then":{"const":1}}},"title":"Root","type":"object","properties":{"n":{"$ref":"#/$defs/n"},"a":{"$ref":"#/$defs/a"},"o":{"$ref":"#/$defs/o"},"t":{"$ref":"#/$defs/t"},"i":{"$ref":"#/$defs/i"}}}`,
		instances: []string{`{"n":null}`, `{"a":null}`, `{"o":null}`, `{"t":null}`, `{"i":null}`, `{"n":1,"a":"x","t":1,"i":"s"}`},
	},
	{
		why:       "a typed node whose type allows null but whose enum or const does not",
		schema:    `{"title":"Root","type":"object","properties":{"e":{"type":["string","null"],"enum":["a"]},"c":{"type":["integer","null"],"const":1},"r":{"type":"array","items":{"type":["string","null"],"enum":["a"]}}},"required":["e"]}`,
		instances: []string{`{"e":null}`, `{"e":"a","c":null}`, `{"e":"a","r":[null]}`, `{"e":"a","c":1,"r":["a"]}`},
	},
	{
		why:       "an enum of null alone on a nullable string was a string enum without members, printed as Go that does not parse",
		schema:    `{"$defs":{"n":{"enum":[null],"type":["string","null"]}},"title":"Root","type":"object","properties":{"s":{"enum":[null],"type":["string","null"]},"r":{"$ref":"#/$defs/n"},"a":{"type":"array","items":{"enum":[null],"type":["string","null"]}}},"required":["s"]}`,
		instances: []string{`{"s":null}`, `{"s":"a"}`, `{"s":null,"r":null,"a":[null]}`, `{"s":null,"r":"x"}`, `{"s":null,"a":["x"]}`},
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
