package shapeimpl

import (
	"strconv"
	"strings"
	"testing"
)

// TestMaxListed: once a document has maxListed violations, a failing
// anyOf is reported as one violation at the applicator, not with every
// failure of every branch, so the listing (and the work) stays bounded;
// the verdict is exact either way.
func TestMaxListed(t *testing.T) {
	rules := CompileRules([]Rule{
		{},
		{Types: TArray, Items: 2},
		{AnyOf: []int{3, 4}},
		{Types: TString},
		{Types: TBoolean},
	})
	const items = maxListed/2 + 100 // each failing item lists two violations until the cap
	d := NewDecoderString("[" + strings.Repeat("1,", items-1) + "1]")
	d.Raw(rules, 1)
	d.Finish()
	if se := d.Syntax(); se != nil {
		t.Fatal(se)
	}
	vs := d.Violations()
	if want := maxListed + 100; len(vs) != want {
		t.Fatalf("%d violations, want %d: %d items listing both branches, then one per item", len(vs), want, maxListed/2)
	}
	first, last := vs[0], vs[len(vs)-1]
	if first.KeywordLocation != "/items/anyOf/0/type" || first.Keyword != "type" {
		t.Errorf("first violation %+v, want a branch's type failure", first)
	}
	if last.KeywordLocation != "/items/anyOf" || last.Keyword != "anyOf" || !strings.Contains(last.Message, "none of the subschemas") {
		t.Errorf("last violation %+v, want one at the anyOf", last)
	}
	if last.InstanceLocation != "/"+strconv.Itoa(items-1) {
		t.Errorf("last violation at %q, want the last item", last.InstanceLocation)
	}
}
