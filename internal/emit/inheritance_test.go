package emit_test

import (
	"encoding/json"
	"fmt"
	"os"
	"sort"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/graphshape/graphshape/generated/shape"
	"github.com/graphshape/graphshape/internal/emit/testdata/golden/inheritance"
	"github.com/graphshape/graphshape/internal/reference"
)

const zooValid = `{"animals":[` +
	`{"name":"Tom","@odata.type":"#zoo.cat","indoor":true,"legs":4},` +
	`{"@odata.type":"#zoo.dog","name":"Rex","breed":null,"name@odata.x":"a"},` +
	`{"breed":"beagle","ageWeeks":9,"name":"Bo","@odata.type":"#zoo.puppy"}],` +
	`"star":{"@odata.type":"#zoo.dog","name":"Lassie","breed":"collie"},` +
	`"keeper":{"name":"Ann","badge":"7","extra":1}}`

// TestInheritanceTypes: the union decodes into the branch its
// discriminator names, wherever the discriminator stands, and re-encodes.
func TestInheritanceTypes(t *testing.T) {
	var z inheritance.Zoo
	if err := z.UnmarshalJSON([]byte(zooValid)); err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, a := range z.Animals.Value {
		switch x := a.(type) {
		case *inheritance.Cat:
			got = append(got, "cat "+x.Name+fmt.Sprint(x.Indoor.Value))
		case *inheritance.Dog:
			got = append(got, "dog "+x.Name)
		case *inheritance.Puppy:
			got = append(got, "puppy "+x.Name+" "+x.Breed.Value+fmt.Sprint(x.AgeWeeks.Value))
		default:
			got = append(got, fmt.Sprintf("%T", a))
		}
	}
	if s, ok := z.Star.Value.(*inheritance.Dog); !ok || s.Breed.Value != "collie" {
		t.Errorf("star = %#v, want a *Dog with breed collie", z.Star.Value)
	}
	want := []string{"cat Tomtrue", "dog Rex", "puppy Bo beagle9"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("branches (-want +got):\n%s", diff)
	}
	again, err := z.MarshalJSON()
	if err != nil {
		t.Fatal(err)
	}
	var z2 inheritance.Zoo
	if err := z2.UnmarshalJSON(again); err != nil {
		t.Fatalf("re-encoded %s: %v", again, err)
	}
	if diff := cmp.Diff(canonical(t, []byte(zooValid)), canonical(t, again)); diff != "" {
		t.Errorf("re-encoding (-want +got):\n%s", diff)
	}
}

// TestInheritanceLenient: an unknown discriminator is a strict violation
// naming it; lenient decoding keeps the object in the base type, reports it,
// and re-encodes it as sent.
func TestInheritanceLenient(t *testing.T) {
	doc := `{"animals":[{"@odata.type":"#zoo.owl","name":"Hoot","wingspan":1.5}]}`
	var z inheritance.Zoo
	err := z.UnmarshalJSON([]byte(doc))
	want := []found{{"/animals/0", "oneOf", "/properties/animals/items/oneOf"}}
	if diff := cmp.Diff(want, violations(t, err)); diff != "" {
		t.Errorf("strict (-want +got):\n%s", diff)
	}
	if err == nil || !strings.Contains(err.Error(), `"#zoo.owl"`) {
		t.Errorf("strict error %v does not name the unknown value", err)
	}
	var l inheritance.Zoo
	tol, err := shape.UnmarshalLenient([]byte(doc), &l)
	if err != nil {
		t.Fatal(err)
	}
	if len(tol) != 1 || tol[0].Keyword != "oneOf" {
		t.Errorf("tolerated = %v, want the one unknown branch", tol)
	}
	b, ok := l.Animals.Value[0].(*inheritance.AnimalBase)
	if !ok || b.Name != "Hoot" {
		t.Fatalf("lenient item = %#v, want an *AnimalBase named Hoot", l.Animals.Value[0])
	}
	out, err := l.MarshalJSON()
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(canonical(t, []byte(doc)), canonical(t, out)); diff != "" {
		t.Errorf("lenient re-encoding (-want +got):\n%s", diff)
	}
}

// TestInheritanceDifferential: the generated decoder and jsonschema v5 give
// the same violations on the valid document and on every mutation of it.
func TestInheritanceDifferential(t *testing.T) {
	data, err := os.ReadFile("testdata/inheritance.schema.json")
	if err != nil {
		t.Fatal(err)
	}
	ref, err := reference.Compile("inheritance.schema.json", data, "")
	if err != nil {
		t.Fatal(err)
	}
	docs := mutate(t, zooValid)
	docs = append(docs, zooValid, `{"animals":[{"name":"x"}]}`, `{"animals":[7,null,"s"]}`, `{"animals":[{"@odata.type":7,"name":"a"}]}`,
		`{"animals":[{"name":"a","breed":"b","@odata.type":"#zoo.dog"}]}`)
	invalid := 0
	for _, doc := range docs {
		var z inheritance.Zoo
		gen := violations(t, z.UnmarshalJSON([]byte(doc)))
		rv, err := ref.Validate([]byte(doc))
		if err != nil {
			t.Fatal(err)
		}
		var want []found
		for _, v := range rv {
			want = append(want, found{v.InstanceLocation, v.Keyword, v.KeywordLocation})
		}
		sortFound(gen)
		sortFound(want)
		if diff := cmp.Diff(want, gen); diff != "" {
			t.Errorf("%s: reference vs generated (-reference +generated):\n%s", doc, diff)
		}
		if len(gen) > 0 {
			invalid++
		}
	}
	if invalid < len(docs)/3 {
		t.Errorf("only %d of %d documents are invalid: the mutations do not bite", invalid, len(docs))
	}
}

func sortFound(fs []found) {
	sort.Slice(fs, func(i, j int) bool {
		return fmt.Sprint(fs[i]) < fmt.Sprint(fs[j])
	})
}

func canonical(t *testing.T, b []byte) any {
	t.Helper()
	var v any
	if err := json.Unmarshal(b, &v); err != nil {
		t.Fatalf("%s: %v", b, err)
	}
	return v
}

// mutate returns variants of doc: every member removed, set to null, to a
// number, to a string, and an unknown member added to every object.
func mutate(t *testing.T, doc string) []string {
	t.Helper()
	var root any
	if err := json.Unmarshal([]byte(doc), &root); err != nil {
		t.Fatal(err)
	}
	var out []string
	emit := func() {
		b, err := json.Marshal(root)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, string(b))
	}
	var walk func(v any)
	walk = func(v any) {
		switch x := v.(type) {
		case map[string]any:
			keys := make([]string, 0, len(x))
			for k := range x {
				keys = append(keys, k)
			}
			sort.Strings(keys)
			x["surprise"] = true
			emit()
			delete(x, "surprise")
			for _, k := range keys {
				old := x[k]
				delete(x, k)
				emit()
				for _, w := range []any{nil, 7.0, "#zoo.dog", -1.0, ""} {
					x[k] = w
					emit()
				}
				x[k] = old
				walk(old)
			}
		case []any:
			for _, e := range x {
				walk(e)
			}
		}
	}
	walk(root)
	return out
}
