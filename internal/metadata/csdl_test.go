package metadata

import (
	"errors"
	"io"
	"slices"
	"strings"
	"testing"
	"testing/iotest"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

func parseString(t *testing.T, s string) *Model {
	t.Helper()
	m, err := Parse(strings.NewReader(s), "test.xml")
	if err != nil {
		t.Fatal(err)
	}
	return m
}

const edm = `xmlns="http://docs.oasis-open.org/odata/ns/edm"`

func TestParseCrafted(t *testing.T) {
	m := loadCrafted(t)
	tests := []struct {
		name   string
		got    any
		want   any
		reason string
	}{
		{"schemas", m.Schemas, []Schema{
			{Namespace: "Org.OData.Core.V1", Alias: "Core", Included: true},
			{Namespace: "test.base", Alias: "base"},
			{Namespace: "test.ns", Alias: "self"},
		}, "edmx:Include declares an alias too"},
		{"thing", m.Types["test.ns.thing"], &StructuredType{
			Kind: EntityType, FullName: "test.ns.thing", Name: "thing", Namespace: "test.ns", BaseType: "test.base.named",
			Properties: []Property{
				{Name: "count", Type: "Edm.Int32", Nullable: true},
				{Name: "when", Type: "Edm.DateTimeOffset"},
				{Name: "color", Type: "test.ns.color"},
				{Name: "tags", Type: "Edm.String", Collection: true, Nullable: true},
				{Name: "at", Type: "test.ns.point", Nullable: true},
			},
			NavigationProperties: []Property{{Name: "parts", Type: "test.ns.part", Collection: true, Nullable: true}},
		}, "aliases resolved; Nullable defaults to true; annotation records hold no properties"},
		{"named", m.Types["test.base.named"], &StructuredType{
			Kind: EntityType, FullName: "test.base.named", Name: "named", Namespace: "test.base", BaseType: "microsoft.graph.entity", Abstract: true,
			Properties: []Property{{Name: "name", Type: "Edm.String"}},
		}, "graph. means microsoft.graph even when the document lacks that schema"},
		{"bag", m.Types["test.ns.bag"].OpenType, true, "OpenType is kept"},
		{"perms", m.Enums["test.ns.perms"], &EnumType{
			FullName: "test.ns.perms", Name: "perms", Namespace: "test.ns", UnderlyingType: "Edm.Byte", IsFlags: true,
			Members: []Member{{"read", 1}, {"write", 2}},
		}, "IsFlags and UnderlyingType"},
		{"counts", [2]int{len(m.Types), len(m.Enums)}, [2]int{16, 2}, "actions and their parameters are skipped"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, tt.got); diff != "" {
				t.Errorf("%s (-want +got):\n%s", tt.reason, diff)
			}
		})
	}
}

func TestParseAliases(t *testing.T) {
	doc := `<edmx:Edmx Version="4.0" xmlns:edmx="http://docs.oasis-open.org/odata/ns/edmx"><edmx:DataServices>
  <Schema Namespace="a.one" Alias="self" ` + edm + `>
    <ComplexType Name="x"><Property Name="y" Type="self.y"/><Property Name="z" Type="two.z"/><Property Name="w" Type="a.two.z"/></ComplexType>
    <ComplexType Name="y"/>
  </Schema>
  <Schema Namespace="a.two" Alias="self" ` + edm + `>
    <ComplexType Name="z" BaseType="self.z0"><Property Name="back" Type="one.x"/></ComplexType>
    <ComplexType Name="z0"/>
  </Schema>
  <Schema Namespace="a.three" ` + edm + `>
    <ComplexType Name="v"><Property Name="u" Type="self.y"/></ComplexType>
  </Schema>
  <Schema Namespace="a.one.extra" Alias="one" ` + edm + `/>
  <Schema Namespace="a.two.extra" Alias="two" ` + edm + `/>
</edmx:DataServices></edmx:Edmx>`
	m := parseString(t, doc)
	tests := []struct {
		name, got, want, reason string
	}{
		{"own-alias", m.Types["a.one.x"].Properties[0].Type, "a.one.y", "self is the enclosing schema's alias"},
		{"other-alias", m.Types["a.one.x"].Properties[1].Type, "a.two.extra.z", "another schema's alias, declared later in the document"},
		{"full-name", m.Types["a.one.x"].Properties[2].Type, "a.two.z", "full names stay"},
		{"own-alias-second", m.Types["a.two.z"].BaseType, "a.two.z0", "the second schema's self is its own"},
		{"shared-alias-elsewhere", m.Types["a.three.v"].Properties[0].Type, "self.y", "an alias two schemas share means nothing in a third"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.got != tt.want {
				t.Errorf("%s: got %q, want %q", tt.reason, tt.got, tt.want)
			}
		})
	}
}

func TestParseEnumValues(t *testing.T) {
	m := parseString(t, `<Schema Namespace="n" `+edm+`><EnumType Name="e"><Member Name="a"/><Member Name="b"/><Member Name="c" Value="10"/><Member Name="d"/></EnumType></Schema>`)
	want := []Member{{"a", 0}, {"b", 1}, {"c", 10}, {"d", 11}}
	if diff := cmp.Diff(want, m.Enums["n.e"].Members); diff != "" {
		t.Errorf("members without Value count on from the previous one (-want +got):\n%s", diff)
	}
	if got := m.Enums["n.e"].UnderlyingType; got != "Edm.Int32" {
		t.Errorf("default UnderlyingType %q, want Edm.Int32", got)
	}
}

func TestAllProperties(t *testing.T) {
	m := parseString(t, `<edmx:Edmx xmlns:edmx="http://docs.oasis-open.org/odata/ns/edmx"><edmx:DataServices>
<Schema Namespace="microsoft.graph" Alias="graph" `+edm+`><EntityType Name="entity" Abstract="true"><Key><PropertyRef Name="id"/></Key><Property Name="id" Type="Edm.String" Nullable="false"/></EntityType></Schema>
<Schema Namespace="n" Alias="self" `+edm+`>
  <EntityType Name="base" BaseType="graph.entity"><Property Name="b" Type="Edm.String"/><NavigationProperty Name="nb" Type="self.leaf"/></EntityType>
  <EntityType Name="leaf" BaseType="self.base"><Property Name="l" Type="Edm.Int32"/></EntityType>
  <EntityType Name="lost" BaseType="other.gone"><Property Name="x" Type="Edm.String"/></EntityType>
</Schema></edmx:DataServices></edmx:Edmx>`)
	type decl struct {
		Name, From string
		Nav        bool
	}
	flatten := func(ps []Declared) []decl {
		var out []decl
		for _, p := range ps {
			out = append(out, decl{p.Name, p.DeclaringType, p.Navigation})
		}
		return out
	}
	tests := []struct {
		name           string
		want           []decl
		wantUnresolved string
		reason         string
	}{
		{"n.leaf", []decl{{"id", "microsoft.graph.entity", false}, {"b", "n.base", false}, {"nb", "n.base", true}, {"l", "n.leaf", false}}, "", "base first, down the chain"},
		{"n.lost", []decl{{"x", "n.lost", false}}, "other.gone", "a dangling base other than entity is reported"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			props, unresolved := m.AllProperties(m.Types[tt.name])
			if diff := cmp.Diff(tt.want, flatten(props)); diff != "" {
				t.Errorf("%s (-want +got):\n%s", tt.reason, diff)
			}
			if unresolved != tt.wantUnresolved {
				t.Errorf("%s: unresolved %q, want %q", tt.reason, unresolved, tt.wantUnresolved)
			}
		})
	}
	// Parse refuses a BaseType cycle (TestParseErrors); a Model built by
	// hand may still hold one: it ends the chain and is reported.
	loop := &Model{Types: map[string]*StructuredType{
		"n.a": {FullName: "n.a", BaseType: "n.b"}, "n.b": {FullName: "n.b", BaseType: "n.a"},
	}}
	if _, unresolved := loop.AllProperties(loop.Types["n.a"]); unresolved != "n.a" {
		t.Errorf("a cycle in a hand-built model: unresolved %q, want n.a", unresolved)
	}
	// Without the microsoft.graph schema, entity still contributes id.
	m2 := parseString(t, `<Schema Namespace="n" `+edm+`><EntityType Name="e" BaseType="graph.entity"/></Schema>`)
	props, unresolved := m2.AllProperties(m2.Types["n.e"])
	if diff := cmp.Diff([]decl{{"id", "microsoft.graph.entity", false}}, flatten(props)); diff != "" || unresolved != "" {
		t.Errorf("dangling graph.entity (-want +got):\n%s unresolved %q", diff, unresolved)
	}
	if p := props[0]; p.Type != "Edm.String" || p.Nullable {
		t.Errorf("entity's id: %+v, want Edm.String, not nullable", p.Property)
	}
}

func TestDerived(t *testing.T) {
	m := loadCrafted(t)
	if diff := cmp.Diff([]string{"test.ns.circle", "test.ns.square", "test.ns.triangle"}, sorted(m.Derived("test.ns.shape"))); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	if d := m.Derived("test.ns.circle"); d != nil {
		t.Errorf("a leaf has no derived types, got %v", d)
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct {
		name, doc  string
		line       int
		wantSubstr string
		reason     string
	}{
		{"unclosed", "<Schema Namespace=\"n\" " + edm + ">\n<EntityType Name=\"a\">\n</Schema>", 3, "element <EntityType> closed by </Schema>", "mismatched tags"},
		{"truncated", "<Schema Namespace=\"n\" " + edm + ">\n<EntityType Name=\"a\">", 2, "unexpected EOF", "a file cut short"},
		{"not-xml", "{\"json\": true}", 1, "no CSDL", "text outside elements, no root"},
		{"garbage", "<Schema Namespace=\"n\" " + edm + "><<</Schema>", 1, "expected element name after <", "malformed tag"},
		{"other-root", "<html><body/></html>", 1, "no CSDL: the root element is html", "not EDMX"},
		{"empty", "", 1, "no CSDL", "an empty file"},
		{"bad-nullable", "<Schema Namespace=\"n\" " + edm + ">\n<ComplexType Name=\"a\">\n<Property Name=\"p\" Type=\"Edm.String\" Nullable=\"maybe\"/></ComplexType></Schema>", 3, `attribute Nullable="maybe" is not a boolean`, "xs:boolean only"},
		{"bad-value", "<Schema Namespace=\"n\" " + edm + "><EnumType Name=\"e\"><Member Name=\"a\" Value=\"one\"/></EnumType></Schema>", 1, `Member n.e/a: Value "one" is not an integer`, "member values are integers"},
		{"no-type", "<Schema Namespace=\"n\" " + edm + "><ComplexType Name=\"a\"><Property Name=\"p\"/></ComplexType></Schema>", 1, "Property n.a/p: missing Type", "a property needs a type"},
		{"bad-collection", "<Schema Namespace=\"n\" " + edm + "><ComplexType Name=\"a\"><Property Name=\"p\" Type=\"Collection(Edm.String\"/></ComplexType></Schema>", 1, `malformed type "Collection(Edm.String"`, "unbalanced Collection("},
		{"no-namespace", "<Schema " + edm + "/>", 1, "Schema: missing Namespace", "types need a namespace"},
		{"twice", "<Schema Namespace=\"n\" " + edm + "><ComplexType Name=\"a\"/><EnumType Name=\"a\"/></Schema>", 1, "EnumType n.a: declared twice", "names are unique in a namespace"},
		{"base-cycle", "<Schema Namespace=\"n\" Alias=\"self\" " + edm + ">\n<ComplexType Name=\"b\" BaseType=\"self.c\"/>\n<ComplexType Name=\"c\" BaseType=\"n.b\"/></Schema>", 2, "ComplexType n.b: BaseType cycle n.b -> n.c -> n.b", "a cycle is reported as one, at its first type, not as a type not declared"},
		{"base-self", "<Schema Namespace=\"n\" " + edm + ">\n\n<EntityType Name=\"e\" BaseType=\"n.e\"/></Schema>", 3, "EntityType n.e: BaseType cycle n.e -> n.e", "a type deriving from itself"},
		{"base-cycle-tail", "<Schema Namespace=\"n\" " + edm + "><EntityType Name=\"a\" BaseType=\"n.z\"/><EntityType Name=\"y\" BaseType=\"n.z\"/><EntityType Name=\"z\" BaseType=\"n.y\"/></Schema>", 1, "BaseType cycle n.y -> n.z -> n.y", "a chain that runs into a cycle names the cycle"},
		{"foreign-schema", `<Schema Namespace="n" xmlns="urn:not-csdl"><EntityType Name="e"/></Schema>`, 1, `no CSDL 4: the root element Schema is in the namespace "urn:not-csdl"`, "XML in a foreign namespace is not CSDL"},
		{"foreign-edmx", `<edmx:Edmx xmlns:edmx="http://schemas.microsoft.com/ado/2007/06/edmx"/>`, 1, "no CSDL 4: the root element Edmx", "CSDL 1-3 (another edmx namespace) is not read"},
		{"no-namespace-root", `<Schema Namespace="n"/>`, 1, `in the namespace ""`, "a Schema without the edm namespace"},
		{"long-attribute", "<Schema Namespace=\"n\" " + edm + ">\n\n<ComplexType Name=\"" + strings.Repeat("a", MaxToken+10) + "\"/></Schema>", 3, "bytes without markup", "one huge attribute is refused, not read into memory"},
		{"repeated-attribute", "<Schema Namespace=\"n\" " + edm + ">\n<ComplexType Name=\"a\">\n<Property Name=\"p\" Type=\"Edm.String\" Name=\"q\"/></ComplexType></Schema>", 3, "attribute Name repeated in <Property>", "XML allows an attribute once; encoding/xml would keep both and the first would win silently"},
		{"repeated-attribute-foreign", "<Schema Namespace=\"n\" " + edm + " xmlns:x=\"urn:x\" xmlns:y=\"urn:x\"><ComplexType Name=\"a\" x:k=\"1\" y:k=\"2\"/></Schema>", 1, "attribute urn:x k repeated in <ComplexType>", "the same after namespace translation (Namespaces in XML, section 6.3)"},
		{"long-text", "<Schema Namespace=\"n\" " + edm + ">\n" + strings.Repeat("x", MaxToken+10) + "</Schema>", 1, "bytes without markup", "one huge text node is refused too"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse(strings.NewReader(tt.doc), "bad.xml")
			var pe *ParseError
			if !errors.As(err, &pe) {
				t.Fatalf("%s: error %v, want a *ParseError", tt.reason, err)
			}
			if !strings.Contains(err.Error(), tt.wantSubstr) || !strings.HasPrefix(err.Error(), "metadata bad.xml: line ") {
				t.Errorf("%s: error %q, want it to start with the file and line and contain %q", tt.reason, err, tt.wantSubstr)
			}
			if pe.Line != tt.line {
				t.Errorf("%s: line %d, want %d (%v)", tt.reason, pe.Line, tt.line, err)
			}
		})
	}
}

// TestParseForeignElements: elements in a foreign namespace inside a CSDL
// document are skipped with their content, even when their names are
// CSDL's.
func TestParseForeignElements(t *testing.T) {
	m := parseString(t, `<Schema Namespace="n" `+edm+` xmlns:x="urn:x"><x:EntityType Name="ghost"><Property Name="p" Type="Edm.String"/></x:EntityType>
<ComplexType Name="real"><x:Property Name="ghost" Type="Edm.String"/><Property Name="p" Type="Edm.String"/></ComplexType></Schema>`)
	var names []string
	for n := range m.Types {
		names = append(names, n)
	}
	if diff := cmp.Diff([]string{"n.real"}, names); diff != "" {
		t.Errorf("types (-want +got):\n%s", diff)
	}
	if got := len(m.Types["n.real"].Properties); got != 1 {
		t.Errorf("n.real has %d properties, want 1 (the foreign one skipped)", got)
	}
}

// TestParseReadError: an I/O error while streaming is returned, wrapped.
func TestParseReadError(t *testing.T) {
	boom := errors.New("disk on fire")
	r := io.MultiReader(strings.NewReader("<Schema Namespace=\"n\" "+edm+">"), iotest.ErrReader(boom))
	_, err := Parse(r, "x.xml")
	if !errors.Is(err, boom) {
		t.Errorf("error %v, want it to wrap %v", err, boom)
	}
}

// TestParseRealExcerpt: the v1.0 security excerpt parses, and the incident
// is what graph-incident.md says it is.
func TestParseRealExcerpt(t *testing.T) {
	m := loadV1(t)
	inc := m.Types["microsoft.graph.security.incident"]
	if inc == nil {
		t.Fatal("no microsoft.graph.security.incident")
	}
	props, unresolved := m.AllProperties(inc)
	if unresolved != "" {
		t.Errorf("unresolved base %q", unresolved)
	}
	var names []string
	for _, p := range props {
		names = append(names, p.Name)
	}
	want := []string{"id", "assignedTo", "classification", "comments", "createdDateTime", "customTags", "description", "determination", "displayName",
		"incidentWebUrl", "lastModifiedBy", "lastUpdateDateTime", "priorityScore", "redirectIncidentId", "resolvingComment", "severity", "status",
		"summary", "systemTags", "tenantId", "alerts"}
	if diff := cmp.Diff(want, names); diff != "" {
		t.Errorf("incident properties (-want +got):\n%s", diff)
	}
	status := m.Enums["microsoft.graph.security.incidentStatus"]
	wantStatus := []Member{{"active", 1}, {"resolved", 2}, {"inProgress", 4}, {"redirected", 64}, {"unknownFutureValue", 127}, {"awaitingAction", 128}}
	if diff := cmp.Diff(wantStatus, status.Members, cmpopts.EquateEmpty()); diff != "" {
		t.Errorf("incidentStatus (-want +got):\n%s", diff)
	}
}

func sorted(s []string) []string {
	out := slices.Clone(s)
	slices.Sort(out)
	return out
}
