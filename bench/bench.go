// Package bench measures graphshape's generated decoder and encoder against
// goccy/go-json, encoding/json, json.Valid and jsonschema v5 on the same
// documents. It is a module of its own so that the main module gains no
// dependency; cmd/table prints the ratio table "make bench" shows.
package bench

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strconv"

	gojson "github.com/goccy/go-json"
	"github.com/santhosh-tekuri/jsonschema/v5"

	"github.com/graphshape/graphshape/generated/shape"
	v1 "github.com/graphshape/graphshape/generated/v1"
	"github.com/graphshape/graphshape/schema"
)

// Workload is one benchmark input.
type Workload struct {
	Name string
	Doc  []byte
	List bool // an incident collection response, not one incident
}

// Root is the main module's directory, relative to this package.
const Root = ".."

// Sample returns the documented v1.0 incident.
func Sample() ([]byte, error) {
	return os.ReadFile(filepath.Join(Root, "testdata", "v1.0", "get-incident.json"))
}

// ListOf returns a list response of n incidents made from the v1.0 sample,
// each with a distinct id and comment, so that strings differ.
func ListOf(n int) ([]byte, error) {
	sample, err := Sample()
	if err != nil {
		return nil, err
	}
	var m map[string]any
	if err := json.Unmarshal(sample, &m); err != nil {
		return nil, err
	}
	delete(m, "@odata.context")
	var b bytes.Buffer
	b.WriteString(`{"@odata.context":"https://graph.microsoft.com/v1.0/$metadata#security/incidents","@odata.nextLink":"https://graph.microsoft.com/v1.0/security/incidents?$skip=1000","value":[`)
	for i := range n {
		m["id"] = strconv.Itoa(i)
		m["comments"] = []any{map[string]any{"comment": fmt.Sprintf("comment %d: R&D <ok>", i), "createdByDisplayName": "analyst@contoso.com", "createdDateTime": "2026-02-25T16:29:33.1Z"}}
		one, err := json.Marshal(m) // writes & < > as \u0026 \u003c \u003e, as Graph does
		if err != nil {
			return nil, err
		}
		if i > 0 {
			b.WriteByte(',')
		}
		b.Write(one)
	}
	b.WriteString("]}")
	return b.Bytes(), nil
}

// Workloads returns the three documents of the goals: the v1.0 sample, a
// 1,000-incident list and an $expand=alerts list.
func Workloads() ([]Workload, error) {
	sample, err := Sample()
	if err != nil {
		return nil, err
	}
	list, err := ListOf(1000)
	if err != nil {
		return nil, err
	}
	expand, err := os.ReadFile(filepath.Join(Root, "testdata", "v1.0", "own", "list-expand-alerts.json"))
	if err != nil {
		return nil, err
	}
	return []Workload{{"sample", sample, false}, {"list-1000", list, true}, {"expand-alerts", expand, true}}, nil
}

// Contestant decodes a workload one way. Decode returns the decoded value
// (nil for json.Valid), or an error when the document was not accepted.
type Contestant struct {
	Name   string
	Decode func(w Workload) (any, error)
}

// Contestants returns the decoders compared, graphshape's first.
func Contestants() ([]Contestant, error) {
	one, list, err := referenceSchemas()
	if err != nil {
		return nil, err
	}
	return []Contestant{
		{"graphshape", func(w Workload) (any, error) {
			if w.List {
				var v v1.IncidentCollectionResponse
				return &v, v.UnmarshalJSON(w.Doc)
			}
			var v v1.Incident
			return &v, v.UnmarshalJSON(w.Doc)
		}},
		{"graphshape-borrowed", func(w Workload) (any, error) {
			if w.List {
				var v v1.IncidentCollectionResponse
				return &v, shape.UnmarshalBorrowed(w.Doc, &v)
			}
			var v v1.Incident
			return &v, shape.UnmarshalBorrowed(w.Doc, &v)
		}},
		{"goccy", func(w Workload) (any, error) {
			if w.List {
				var v plainList
				return &v, gojson.Unmarshal(w.Doc, &v)
			}
			var v plainIncident
			return &v, gojson.Unmarshal(w.Doc, &v)
		}},
		{"encoding/json", func(w Workload) (any, error) {
			if w.List {
				var v plainList
				return &v, json.Unmarshal(w.Doc, &v)
			}
			var v plainIncident
			return &v, json.Unmarshal(w.Doc, &v)
		}},
		{"json.Valid", func(w Workload) (any, error) {
			if !json.Valid(w.Doc) {
				return nil, fmt.Errorf("json.Valid: not JSON")
			}
			return nil, nil
		}},
		{"jsonschema", func(w Workload) (any, error) {
			dec := json.NewDecoder(bytes.NewReader(w.Doc))
			dec.UseNumber()
			var v any
			if err := dec.Decode(&v); err != nil {
				return nil, err
			}
			s := one
			if w.List {
				s = list
			}
			return v, s.Validate(v)
		}},
	}, nil
}

func referenceSchemas() (one, list *jsonschema.Schema, err error) {
	data, file, err := schema.Builtin("v1.0")
	if err != nil {
		return nil, nil, err
	}
	doc, err := schema.Parse(file, data)
	if err != nil {
		return nil, nil, err
	}
	if one, err = doc.Compile(""); err != nil {
		return nil, nil, err
	}
	if list, err = doc.Compile("/$defs/incidentCollectionResponse"); err != nil {
		return nil, nil, err
	}
	return one, list, nil
}

// Canonical returns the data of a decoded value as encoding/json sees it
// after re-encoding, with null members and empty strings left out (the
// plain structs cannot tell them from absent ones): two contestants decoded
// the same data when their Canonical texts are equal.
func Canonical(v any) (string, error) {
	var b []byte
	var err error
	switch v := v.(type) {
	case json.Marshaler:
		b, err = v.MarshalJSON()
	default:
		b, err = json.Marshal(v)
	}
	if err != nil {
		return "", err
	}
	var x any
	if err := json.Unmarshal(b, &x); err != nil {
		return "", err
	}
	out, err := json.Marshal(prune(x))
	return string(out), err
}

func prune(x any) any {
	switch x := x.(type) {
	case map[string]any:
		for k, v := range x {
			if v == nil || v == "" {
				delete(x, k)
				continue
			}
			x[k] = prune(v)
		}
	case []any:
		for i := range x {
			x[i] = prune(x[i])
		}
	}
	return x
}

// Encoder encodes a decoded workload one way.
type Encoder struct {
	Name   string
	Encode func(v any) ([]byte, error)
}

// Encoders returns graphshape's MarshalJSON and the baselines' Marshal.
// Each takes the value its decoding contestant returned.
func Encoders() []Encoder {
	return []Encoder{
		{"graphshape", func(v any) ([]byte, error) { return v.(json.Marshaler).MarshalJSON() }},
		{"goccy", func(v any) ([]byte, error) { return gojson.Marshal(v) }},
		{"encoding/json", func(v any) ([]byte, error) { return json.Marshal(v) }},
	}
}

// Reusers returns the encoders that write into a buffer the caller keeps
// and reuses, so that no output is allocated: graphshape's
// shape.AppendJSON(buf[:0], v) and the baselines' Encoder writing into a
// bytes.Buffer that is Reset before each value. This measures encoding
// work alone, without the allocation of the output that MarshalJSON and
// Marshal pay alike. Each Encoder keeps its buffer: use it from one
// goroutine. The bytes returned are valid until its next call.
func Reusers() []Encoder {
	var buf []byte
	var gb, jb bytes.Buffer
	ge, je := gojson.NewEncoder(&gb), json.NewEncoder(&jb)
	return []Encoder{
		{"graphshape", func(v any) ([]byte, error) {
			var err error
			buf, err = shape.AppendJSON(buf[:0], v.(shape.Encodable))
			return buf, err
		}},
		{"goccy", func(v any) ([]byte, error) {
			gb.Reset()
			err := ge.Encode(v)
			return gb.Bytes(), err
		}},
		{"encoding/json", func(v any) ([]byte, error) {
			jb.Reset()
			err := je.Encode(v)
			return jb.Bytes(), err
		}},
	}
}

// GrowthSizes are the list lengths of the growth table: n incidents in one
// collection response.
var GrowthSizes = []int{1, 10, 100, 1000, 10000, 100000}

// Growth returns the contestants of the growth table, graphshape's strict
// decoder first, then goccy/go-json and encoding/json.
func Growth(cs []Contestant) []Contestant {
	var out []Contestant
	for _, name := range []string{"graphshape", "goccy", "encoding/json"} {
		for _, c := range cs {
			if c.Name == name {
				out = append(out, c)
			}
		}
	}
	return out
}

// CanonicalItems returns the Canonical text of each incident of a decoded
// list response, then that of the response without its items: two
// contestants decoded the same list when these are equal. Items are
// compared one at a time, so a 100,000-incident list needs no second copy
// of itself as a generic tree.
func CanonicalItems(v any) ([]string, error) {
	var items []any
	var rest any
	switch v := v.(type) {
	case *v1.IncidentCollectionResponse:
		for i := range v.Value {
			items = append(items, v.Value[i])
		}
		r := *v
		r.Value = []v1.Incident{}
		rest = r
	case *plainList:
		for i := range v.Value {
			items = append(items, v.Value[i])
		}
		r := *v
		r.Value = []plainIncident{}
		rest = r
	default:
		return nil, fmt.Errorf("bench: %T is not a decoded list", v)
	}
	out := make([]string, 0, len(items)+1)
	for _, it := range append(items, rest) {
		c, err := Canonical(it)
		if err != nil {
			return nil, err
		}
		out = append(out, c)
	}
	return out, nil
}
