package gen_test

import (
	"crypto/sha256"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/graphshape/graphshape/internal/gen"
)

// nested returns a schema whose root property "a" is an array of arrays,
// depth levels deep.
func nested(depth int) string {
	return `{"type":"object","properties":{"a":` + strings.Repeat(`{"type":"array","items":`, depth) + `{"type":"string"}` + strings.Repeat(`}`, depth) + `}}`
}

// hostile are schemas that once made gen generate exit 0 with code that
// does not compile, or refuse with a wrong reason (issue 15 point 2). Each
// is either refused with an error naming the schema location (refused is
// the text the error must contain) or generates code that go vet accepts.
var hostile = []struct {
	name    string
	schema  string
	pkg     string
	refused []string // "" entries never: nil means the code must compile
	reason  string
}{
	{name: "ref-cycle-two", schema: `{"type":"object","$defs":{"a":{"$ref":"#/$defs/b"},"b":{"$ref":"#/$defs/a"}}}`,
		refused: []string{"t.schema.json#/$defs/a", "$ref cycle", "#/$defs/a -> #/$defs/b -> #/$defs/a"}, reason: "type A B; type B A is an invalid recursive type"},
	{name: "ref-cycle-two-reached", schema: `{"type":"object","properties":{"p":{"$ref":"#/$defs/a"}},"$defs":{"a":{"$ref":"#/$defs/b"},"b":{"$ref":"#/$defs/a"}}}`,
		refused: []string{"t.schema.json", "infinite loop"}, reason: "reached from the root, jsonschema v5 refuses the loop first"},
	{name: "ref-cycle-self", schema: `{"type":"object","$defs":{"a":{"$ref":"#/$defs/a"}}}`,
		refused: []string{"t.schema.json#/$defs/a", "$ref cycle"}, reason: "type A A is invalid"},
	{name: "ref-cycle-nullable-anyOf", schema: `{"type":"object","$defs":{"a":{"anyOf":[{"$ref":"#/$defs/b"},{"type":"null"}]},"b":{"anyOf":[{"type":"null"},{"$ref":"#/$defs/a"}]}}}`,
		refused: []string{"t.schema.json#/$defs/a", "$ref cycle"}, reason: "the nullable form keeps the target's Go type, so the cycle has no object in between"},
	{name: "ref-cycle-through-array", schema: `{"type":"object","properties":{"t":{"$ref":"#/$defs/list"}},"$defs":{"list":{"type":"array","items":{"$ref":"#/$defs/list"}}}}`,
		reason: "type List []List is valid Go: a slice in between is enough"},
	{name: "ref-cycle-through-object", schema: `{"type":"object","properties":{"n":{"$ref":"#/$defs/n"}},"$defs":{"n":{"type":"object","properties":{"next":{"anyOf":[{"$ref":"#/$defs/m"},{"type":"null"}]}}},"m":{"$ref":"#/$defs/n"}}}`,
		reason: "an object in between: the struct holds a pointer"},
	{name: "title-SchemaDigest", schema: `{"title":"SchemaDigest","type":"object"}`,
		refused: []string{"t.schema.json", `"SchemaDigest"`}, reason: "the root type would collide with the SchemaDigest constant"},
	{name: "defs-schemaName", schema: `{"type":"object","properties":{"n":{"$ref":"#/$defs/schemaName"}},"$defs":{"schemaName":{"type":"string"}}}`,
		refused: []string{"t.schema.json#/$defs/schemaName", `"SchemaName"`}, reason: "a $defs entry colliding with the SchemaName constant"},
	{name: "enum-member-members", schema: `{"type":"object","properties":{"s":{"$ref":"#/$defs/status"}},"$defs":{"status":{"type":"string","enum":["open","members"]}}}`,
		refused: []string{"t.schema.json#/$defs/status", `"StatusMembers"`}, reason: "the constant StatusMembers would collide with the function StatusMembers"},
	{name: "type-named-like-members-func", schema: `{"type":"object","properties":{"s":{"$ref":"#/$defs/status"},"m":{"$ref":"#/$defs/statusMembers"}},"$defs":{"status":{"type":"string","enum":["open"]},"statusMembers":{"type":"object"}}}`,
		refused: []string{"#/$defs/status", "#/$defs/statusMembers", `"StatusMembers"`}, reason: "a type named like an enum's members function"},
	{name: "items-250-deep", schema: nested(250), refused: []string{"t.schema.json#/properties/a/items/items", "model.MaxDepth"},
		reason: "deeper than model.MaxDepth: the decoder's blocks would nest deeper than the Go parser allows"},
	{name: "map-97-deep", schema: `{"type":"object","properties":{"a":` + strings.Repeat(`{"type":"object","additionalProperties":`, 97) + `{"type":"string"}` + strings.Repeat(`}`, 97) + `}}`,
		reason: "maps of maps just inside model.MaxDepth compile too"},
	{name: "items-97-deep", schema: nested(97), reason: "just inside model.MaxDepth (root, property, 97 arrays, the string): compiles"},
	{name: "package-blank", schema: `{"type":"object"}`, pkg: "_", refused: []string{`"_"`, "package name"}, reason: "package _ cannot be imported"},
	{name: "package-keyword", schema: `{"type":"object"}`, pkg: "func", refused: []string{`"func"`, "package name"}, reason: "a keyword is no package name"},
	{name: "package-main", schema: `{"type":"object"}`, pkg: "main", refused: []string{`"main"`, "package name"}, reason: "package main without func main does not build"},
	{name: "package-not-identifier", schema: `{"type":"object"}`, pkg: "a-b", refused: []string{`"a-b"`, "package name"}, reason: "not an identifier"},
	{name: "nullable-oneOf-ref", schema: `{"type":"object","properties":{"o":{"oneOf":[{"$ref":"#/$defs/o"},{"type":"null"}]}},"$defs":{"o":{"type":"object","properties":{"a":{"type":"string"}}}}}`,
		reason: "README lists the nullable oneOf form; a $ref branch to an object does not accept null"},
	{name: "nullable-oneOf-ref-to-nullable", schema: `{"type":"object","properties":{"o":{"oneOf":[{"$ref":"#/$defs/o"},{"type":"null"}]}},"$defs":{"o":{"type":["string","null"]}}}`,
		refused: []string{"t.schema.json#/properties/o", "oneOf", "must not accept null"}, reason: "null would match both branches: oneOf fails on null, which the typed form cannot model"},
	{name: "nullable-items", schema: `{"type":"object","properties":{"a":{"type":"array","items":{"type":["string","null"]}},"m":{"type":"object","additionalProperties":{"type":["integer","null"]}}}}`,
		reason: "nullable items and map values are held in shape.Optional: the field type and the decoder agree"},
	{name: "title-Rules", schema: `{"title":"Rules","type":"object"}`,
		refused: []string{"t.schema.json", "Rules", "rules_gen.go"}, reason: "the root's file rules_gen.go would be written over the rule table"},
	{name: "title-rules-lower", schema: `{"title":"rules","type":"object","properties":{"a":{"type":"string"}}}`,
		refused: []string{"t.schema.json", "rules_gen.go"}, reason: "the same from a lower-case title"},
	{name: "title-RulesJSON", schema: `{"title":"RulesJSON","type":"object","properties":{"a":{"type":"string","pattern":"^a"}}}`,
		reason: "rulesjson_gen.go and rulesjson_json_gen.go beside rules_gen.go: no collision, compiles"},
	{name: "ref-to-inline-object", schema: `{"type":"object","properties":{"a":{"$ref":"#/$defs/x/properties/o"}},"$defs":{"x":{"type":"object","properties":{"o":{"type":"object","properties":{"q":{"type":"string"}}}}}}}`,
		reason: "a $ref into an inline object gives one named type, not two of the same name"},
}

// TestHostileSchemas generates each hostile schema: a refusal must name the
// place, and every schema that is accepted must compile (go vet, in one
// module outside this one with a replace to this checkout).
func TestHostileSchemas(t *testing.T) {
	mod := t.TempDir()
	compiled := 0
	for _, tc := range hostile {
		t.Run(tc.name, func(t *testing.T) {
			pkg := tc.pkg
			if pkg == "" {
				pkg = "p" + strings.ReplaceAll(tc.name, "-", "")
			}
			files, err := gen.Generate(gen.Options{SchemaName: "t.schema.json", Schema: []byte(tc.schema), Package: pkg})
			if tc.refused != nil {
				if err == nil {
					t.Fatalf("%s: generated code; want a refusal containing %q", tc.reason, tc.refused)
				}
				for _, want := range tc.refused {
					if !strings.Contains(err.Error(), want) {
						t.Errorf("%s: error %q lacks %q", tc.reason, err, want)
					}
				}
				return
			}
			if err != nil {
				t.Fatalf("%s: %v", tc.reason, err)
			}
			dir := filepath.Join(mod, pkg)
			if err := os.MkdirAll(dir, 0o755); err != nil {
				t.Fatal(err)
			}
			for _, f := range files {
				if err := os.WriteFile(filepath.Join(dir, f.Name), f.Source, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			compiled++
		})
	}
	if compiled == 0 {
		t.Fatal("no schema produced code to compile")
	}
	vetModule(t, mod)
}

// vetModule runs go vet on every package of the module in dir, which it
// gives a go.mod replacing this module with the checkout.
func vetModule(t *testing.T, dir string) {
	t.Helper()
	if testing.Short() {
		t.Log("-short: the generated code is not compiled")
		return
	}
	repo, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	gomod := "module example.com/hostile\n\ngo 1.24\n\nrequire github.com/graphshape/graphshape v0.0.0\n\nreplace github.com/graphshape/graphshape => " + repo + "\n"
	if err := os.WriteFile(filepath.Join(dir, "go.mod"), []byte(gomod), 0o644); err != nil {
		t.Fatal(err)
	}
	sum, err := os.ReadFile(filepath.Join(repo, "go.sum"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "go.sum"), sum, 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command("go", "vet", "./...")
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOFLAGS=-mod=mod", "GOPROXY=off", "GOSUMDB=off", "GOWORK=off", "GOTOOLCHAIN=local")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go vet of the generated code: %v\n%s", err, out)
	}
}

// TestCollidingDerivedNames: two references into the middle of the
// document whose pointers derive the same Go name (#/$defs/x/properties/yZ
// and #/$defs/xY/properties/z both give XYZ) are named by the documented
// rule, the same way every run: the first in Build's walk order keeps the
// name, the next gets XYZ2 (issue 11 point 2).
func TestCollidingDerivedNames(t *testing.T) {
	const schema = `{"type":"object",
 "properties":{"a":{"not":{"$ref":"#/$defs/x/properties/yZ"},"if":{"$ref":"#/$defs/xY/properties/z"}},
   "b":{"allOf":[{"$ref":"#/$defs/xY/properties/z"}],"anyOf":[{"$ref":"#/$defs/x/properties/yZ"}]}},
 "$defs":{"x":{"type":"object","properties":{"yZ":{"type":"string"}}},"xY":{"type":"object","properties":{"z":{"type":"integer"}}}}}`
	var first [32]byte
	var source string
	for i := range 50 {
		files, err := gen.Generate(gen.Options{SchemaName: "t.schema.json", Schema: []byte(schema), Package: "p"})
		if err != nil {
			t.Fatal(err)
		}
		var all []byte
		for _, f := range files {
			all = append(all, f.Name...)
			all = append(all, f.Source...)
		}
		sum := sha256.Sum256(all)
		if i == 0 {
			first, source = sum, string(all)
			continue
		}
		if sum != first {
			t.Fatalf("run %d differs from run 0", i)
		}
	}
	// The walk visits "a" before "b" and, in a schema, not before if: XYZ
	// is the string at #/$defs/x/properties/yZ.
	for _, want := range []string{"type XYZ string", "type XYZ2 int64"} {
		if !strings.Contains(source, want) {
			t.Errorf("generated code lacks %q", want)
		}
	}
}
