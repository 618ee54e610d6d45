package contracttest

import (
	"encoding/json"
	"fmt"
	"hash/fnv"
	"os"
	"sort"
	"strings"
	"testing"
	"unicode"
)

// mutate calls visit once for each systematic variant of doc: at every
// object member, removed, set to null, set to each other JSON type; at every
// string, re-cased three ways and replaced by an unknown value; at every
// date-time string, broken; at every object, an unknown member added; at
// every array, an item of the wrong type appended.
//
// The document is changed in place: visit sees the variant as root (the
// whole document, which is a different value only when the mutation
// replaces the top level) and must not keep it; after visit returns the
// change is undone, so no variant costs a copy of the document (an appended
// array item copies that one array). When mutate returns, doc is as it was.
func mutate(doc any, visit func(name string, root any)) {
	root := doc
	var walk func(path string, v any, set func(any), del func())
	walk = func(path string, v any, set func(any), del func()) {
		add := func(name string, nv any) {
			set(nv)
			visit(path+" "+name, root)
			set(v)
		}
		if del != nil {
			del()
			visit(path+" removed", root)
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
			if _, taken := x["unknownProperty"]; !taken {
				x["unknownProperty"] = "surprise"
				visit(path+" +unknownProperty", root)
				delete(x, "unknownProperty")
			}
			for _, k := range keys {
				old := x[k]
				walk(path+"/"+k, old, func(nv any) { x[k] = nv }, func() { delete(x, k) })
			}
		case []any:
			add("+number-item", append(x[:len(x):len(x)], json.Number("42")))
			add("+string-item", append(x[:len(x):len(x)], "item"))
			for i := range x {
				walk(fmt.Sprintf("%s/%d", path, i), x[i], func(nv any) { x[i] = nv }, nil)
			}
		}
	}
	walk("", doc, func(nv any) { root = nv }, nil)
}

// shortSample is how many mutations in one -short keeps: those whose
// file and name hash to 0 modulo shortSample, the same ones every run.
const shortSample = 8

// sampled reports whether the mutation named name of file is checked:
// always, or under -short only one in about shortSample.
func sampled(file, name string) bool {
	if !testing.Short() {
		return true
	}
	h := fnv.New32a()
	h.Write([]byte(file))
	h.Write([]byte{0})
	h.Write([]byte(name))
	return h.Sum32()%shortSample == 0
}

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

// TestDifferential: for every sample and every mutation of it, the
// generated strict decoder and jsonschema v5 give the same verdict and the
// same violations (instance location, keyword and keyword location, after
// reference.Normalise). There is no exception list.
//
// Under -short a fixed sample of about one mutation in shortSample is
// checked (see sampled); make test runs them all.
func TestDifferential(t *testing.T) {
	all, total, invalid := 0, 0, 0
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
				mutate(mustDecode(t, data), func(name string, root any) {
					all++
					if !sampled(f, name) {
						return
					}
					enc, err := json.Marshal(root)
					if err != nil {
						t.Fatal(err)
					}
					r, err := tg.Check(enc)
					if err != nil {
						t.Fatalf("%s %s: %v", f, name, err)
					}
					total++
					if len(r.Generated) > 0 {
						invalid++
					}
					for _, d := range r.Disagreements {
						t.Errorf("%s (%s) mutation %q: %s", f, tg.Name, name, d)
					}
				})
			}
		}
	}
	switch {
	case all < 10000:
		t.Fatalf("only %d mutations: the samples are missing?", all)
	case total < all/(2*shortSample):
		t.Fatalf("-short checked %d of %d mutations: the sample is too thin", total, all)
	}
	t.Logf("%d of %d mutations checked (-short: %v), %d invalid, all agreeing", total, all, testing.Short(), invalid)
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
