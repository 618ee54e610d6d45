package contracttest

import (
	"encoding/json"
	"fmt"
	"os"
	"sort"
	"strings"
	"testing"
	"unicode"
)

// mutation is one changed copy of a sample.
type mutation struct {
	name string
	doc  any
}

// mutations derives systematic variants of doc: at every object member,
// removed, set to null, set to each other JSON type; at every string,
// re-cased three ways and replaced by an unknown value; at every date-time
// string, broken; at every object, an unknown member added; at every array,
// an item of the wrong type appended.
func mutations(doc any) []mutation {
	var out []mutation
	var walk func(path string, v any, set func(any), del func())
	walk = func(path string, v any, set func(any), del func()) {
		add := func(name string, nv any) {
			set(nv)
			out = append(out, mutation{path + " " + name, clone(root)})
			set(v)
		}
		if del != nil {
			del()
			out = append(out, mutation{path + " removed", clone(root)})
			set(v)
		}
		for _, w := range []any{nil, "x", json.Number("7"), json.Number("1.5"), true, map[string]any{}, []any{}} {
			if kindOf(w) != kindOf(v) || (kindOf(v) == "number" && v.(json.Number) != w) {
				add("= "+kindOf(w)+" "+fmt.Sprint(w), w)
			}
		}
		switch x := v.(type) {
		case string:
			for _, c := range []struct{ name, s string }{{"Pascal", pascal(x)}, {"UPPER", strings.ToUpper(x)}, {"lower", strings.ToLower(x)}, {"unknown", "unknownMember"}} {
				if c.s != x {
					add(c.name, c.s)
				}
			}
			if len(x) >= 20 && x[10] == 'T' {
				add("broken-date-time", "2026-13-45T99:00:00Z")
			}
		case map[string]any:
			keys := make([]string, 0, len(x))
			for k := range x {
				keys = append(keys, k)
			}
			sort.Strings(keys)
			x["unknownProperty"] = "surprise"
			out = append(out, mutation{path + " +unknownProperty", clone(root)})
			delete(x, "unknownProperty")
			for _, k := range keys {
				k, old := k, x[k]
				walk(path+"/"+k, old, func(nv any) { x[k] = nv }, func() { delete(x, k) })
			}
		case []any:
			holder := set
			holder(append(append([]any(nil), x...), json.Number("42")))
			out = append(out, mutation{path + " +number-item", clone(root)})
			holder(append(append([]any(nil), x...), "item"))
			out = append(out, mutation{path + " +string-item", clone(root)})
			holder(x)
			for i := range x {
				i := i
				walk(fmt.Sprintf("%s/%d", path, i), x[i], func(nv any) { x[i] = nv }, nil)
			}
		}
	}
	root = doc
	walk("", doc, func(nv any) { root = nv }, nil)
	return out
}

// root is the document being mutated (mutations runs on one at a time).
var root any

func kindOf(v any) string {
	switch v.(type) {
	case nil:
		return "null"
	case string:
		return "string"
	case json.Number:
		return "number"
	case bool:
		return "boolean"
	case map[string]any:
		return "object"
	case []any:
		return "array"
	}
	return "?"
}

func pascal(s string) string {
	r := []rune(s)
	if len(r) > 0 {
		r[0] = unicode.ToUpper(r[0])
	}
	return string(r)
}

func clone(v any) any {
	b, _ := json.Marshal(v)
	var out any
	dec := json.NewDecoder(strings.NewReader(string(b)))
	dec.UseNumber()
	if err := dec.Decode(&out); err != nil {
		panic(err)
	}
	return out
}

// TestDifferential: for every sample and every mutation of it, the
// generated strict decoder and jsonschema v5 give the same verdict and the
// same violations (instance location, keyword and keyword location, after
// reference.Normalise). There is no exception list.
func TestDifferential(t *testing.T) {
	total, invalid := 0, 0
	for _, version := range []string{"v1.0", "beta"} {
		for _, list := range []bool{false, true} {
			ptr := ""
			if list {
				ptr = listPointer
			}
			tg := target(t, version, ptr)
			var files []string
			for _, own := range []bool{false, true} {
				files = append(files, samples(t, version, own, list)...)
			}
			for _, f := range files {
				data, err := os.ReadFile(f)
				if err != nil {
					t.Fatal(err)
				}
				doc := clone(mustDecode(t, data))
				for _, m := range mutations(doc) {
					enc, err := json.Marshal(m.doc)
					if err != nil {
						t.Fatal(err)
					}
					r, err := tg.Check(enc)
					if err != nil {
						t.Fatalf("%s %s: %v", f, m.name, err)
					}
					total++
					if len(r.Generated) > 0 {
						invalid++
					}
					for _, d := range r.Disagreements {
						t.Errorf("%s (%s) mutation %q: %s", f, tg.Name, m.name, d)
					}
				}
			}
		}
	}
	if total < 500 {
		t.Fatalf("only %d mutations: the samples are missing?", total)
	}
	t.Logf("%d mutations, %d invalid, all agreeing", total, invalid)
}

func mustDecode(t *testing.T, data []byte) any {
	t.Helper()
	dec := json.NewDecoder(strings.NewReader(string(data)))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		t.Fatal(err)
	}
	return v
}
