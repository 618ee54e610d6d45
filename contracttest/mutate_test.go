package contracttest

import (
	"encoding/json"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestMutate: mutate visits each variant once, every variant differs from
// the document, and the document is restored after each one and at the end.
func TestMutate(t *testing.T) {
	const src = `{"s": "abc", "n": 7, "a": [true]}`
	doc := mustDecodeString(t, src)
	orig := mustMarshal(t, doc)
	var names []string
	seen := map[string]string{}
	mutate(doc, func(name string, root any) {
		names = append(names, name)
		got := mustMarshal(t, root)
		if got == orig {
			t.Errorf("mutation %q left the document unchanged", name)
		}
		if prev, ok := seen[got]; ok {
			t.Errorf("mutations %q and %q give the same document %s", prev, name, got)
		}
		seen[got] = name
	})
	if got := mustMarshal(t, doc); got != orig {
		t.Errorf("after mutate the document is %s, want %s", got, orig)
	}
	want := []string{
		" = null <nil>", " = string x", " = number 7", " = number 1.5", " = boolean true", " = array []",
		" +unknownProperty",
		"/a removed", "/a = null <nil>", "/a = string x", "/a = number 7", "/a = number 1.5", "/a = boolean true", "/a = object map[]",
		"/a +number-item", "/a +string-item",
		"/a/0 = null <nil>", "/a/0 = string x", "/a/0 = number 7", "/a/0 = number 1.5", "/a/0 = object map[]", "/a/0 = array []",
		"/n removed", "/n = null <nil>", "/n = string x", "/n = number 1.5", "/n = boolean true", "/n = object map[]", "/n = array []",
		"/s removed", "/s = null <nil>", "/s = number 7", "/s = number 1.5", "/s = boolean true", "/s = object map[]", "/s = array []",
		"/s Pascal", "/s UPPER", "/s unknown",
	}
	if diff := cmp.Diff(want, names); diff != "" {
		t.Errorf("mutations (-want +got):\n%s", diff)
	}
}

// TestSampled: the -short sample is a fixed function of file and name.
func TestSampled(t *testing.T) {
	if !testing.Short() {
		if !sampled("f", "any") {
			t.Fatal("without -short every mutation is checked")
		}
		return
	}
	kept := 0
	for i := range 8000 {
		name := "/m" + string(rune('a'+i%26)) + string(rune('a'+i/26%26)) + string(rune('a'+i/676))
		a, b := sampled("f", name), sampled("f", name)
		if a != b {
			t.Fatalf("sampled(%q) changed between calls", name)
		}
		if a {
			kept++
		}
	}
	if kept < 8000/shortSample/2 || kept > 8000/shortSample*2 {
		t.Errorf("-short kept %d of 8000, want about %d", kept, 8000/shortSample)
	}
}

func mustDecodeString(t *testing.T, s string) any {
	t.Helper()
	return mustDecode(t, []byte(s))
}

func mustMarshal(t *testing.T, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
