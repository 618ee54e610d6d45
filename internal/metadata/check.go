package metadata

import (
	"fmt"
	"math/big"
	"slices"
	"sort"
	"strings"

	"github.com/graphshape/graphshape/internal/model"
	"github.com/graphshape/graphshape/internal/pointer"
)

// primitive is how an Edm primitive type travels in JSON.
type primitive struct {
	json     string   // JSON Schema type
	format   string   // the format it implies, "" for none
	min, max *big.Rat // the range of an integer type
}

func intRange(min, max string) (*big.Rat, *big.Rat) {
	a, _ := new(big.Rat).SetString(min)
	b, _ := new(big.Rat).SetString(max)
	return a, b
}

var primitives = func() map[string]primitive {
	integer := func(min, max string) primitive {
		a, b := intRange(min, max)
		return primitive{json: "integer", min: a, max: b}
	}
	return map[string]primitive{
		"Edm.String":         {json: "string"},
		"Edm.Boolean":        {json: "boolean"},
		"Edm.Byte":           integer("0", "255"),
		"Edm.SByte":          integer("-128", "127"),
		"Edm.Int16":          integer("-32768", "32767"),
		"Edm.Int32":          integer("-2147483648", "2147483647"),
		"Edm.Int64":          integer("-9223372036854775808", "9223372036854775807"),
		"Edm.Single":         {json: "number"},
		"Edm.Double":         {json: "number"},
		"Edm.Decimal":        {json: "number"},
		"Edm.DateTimeOffset": {json: "string", format: "date-time"},
		"Edm.Date":           {json: "string", format: "date"},
		"Edm.TimeOfDay":      {json: "string"}, // no offset: JSON Schema's "time" would reject it
		"Edm.Duration":       {json: "string", format: "duration"},
		"Edm.Guid":           {json: "string", format: "uuid"},
		"Edm.Binary":         {json: "string"}, // base64url; contentEncoding is not checked
	}
}()

// checker walks a schema against a Model.
type checker struct {
	doc      *schemaDoc
	m        *Model
	findings []Finding
	visited  map[string]string // definition pointer -> the CSDL type it was checked as
}

func newSchemaDoc(res *model.Resource, entity string) (*schemaDoc, bool) {
	d := &schemaDoc{res: res, rootName: simpleName(entity)}
	return d, res != nil && res.Root != nil && res.Root.Schema != nil && res.Root.Schema.Bool == nil
}

func (c *checker) add(rule, ptr, elem, format string, args ...any) {
	c.findings = append(c.findings, Finding{Rule: rule, Level: ruleLevels[rule], SchemaPath: ptr, CSDLElement: elem, Message: fmt.Sprintf(format, args...)})
}

// Check compares the schema model res (built by model.Build), whose root
// stands for the entity type named entity (a full name such as
// "microsoft.graph.security.incident"), with the metadata m, and returns
// the findings sorted by schema path, rule and CSDL element. It follows
// every $ref reached from the root's properties, structural and navigation
// (each definition once); $defs the root does not reach (a collection
// response, a PATCH body) are not checked. A nil m or res, or a boolean
// schema root, gives a finding, not a panic.
func Check(m *Model, entity string, res *model.Resource) []Finding {
	d, ok := newSchemaDoc(res, entity)
	c := &checker{doc: d, m: m, visited: map[string]string{}}
	if m == nil {
		m = &Model{}
		c.m = m
	}
	t, found := m.Types[entity]
	switch {
	case !found || t.Kind != EntityType:
		what := "not declared"
		if found {
			what = "a complex type, not an entity type"
		} else if _, isEnum := m.Enums[entity]; isEnum {
			what = "an enum type, not an entity type"
		}
		c.add(ruleEntityNotFound, "", entity, "the entity type %s is %s in the metadata", entity, what)
	case !ok:
		c.add(ruleSchemaUnsupported, "", entity, "the schema root is not a JSON object")
	default:
		c.visited[""] = entity
		c.structured(t, res.Root.Schema)
	}
	return sortFindings(c.findings)
}

func simpleName(full string) string {
	return full[strings.LastIndexByte(full, '.')+1:]
}

func namespaceOf(full string) string {
	if i := strings.LastIndexByte(full, '.'); i >= 0 {
		return full[:i]
	}
	return ""
}

// isOpen reports whether t or one of its base types is an open type.
func (c *checker) isOpen(t *StructuredType) bool {
	seen := map[string]bool{}
	for cur := t; cur != nil && !seen[cur.FullName]; cur = c.m.Types[cur.BaseType] {
		if cur.OpenType {
			return true
		}
		seen[cur.FullName] = true
	}
	return false
}

func typeList(types []string) string {
	if len(types) == 0 {
		return "null"
	}
	return strings.Join(types, " or ")
}

// structured checks the object schema n against t.
func (c *checker) structured(t *StructuredType, n *model.Schema) {
	ptr, elem := n.Pointer, t.FullName
	if types, _, typed := typesOf(n); typed && !(len(types) == 1 && types[0] == "object") {
		c.add(ruleTypeMismatch, ptr, elem, "the metadata %s %s is a JSON object; the schema allows %s", t.Kind, elem, typeList(types))
		return
	}
	props, unresolved := c.m.AllProperties(t)
	if unresolved != "" {
		c.unresolvedType(ptr, elem, unresolved, "base type of "+elem)
	}
	isClosed, open := n.Sealed(), c.isOpen(t)
	switch {
	case open && isClosed:
		c.add(ruleOpenTypeClosed, ptr, elem, "%s is an open type in the metadata, but the schema object is closed", elem)
	case !open && !isClosed:
		msg := fmt.Sprintf("the schema object accepts undeclared members; the metadata %s %s is not open", t.Kind, elem)
		if d := c.m.Derived(elem); len(d) > 0 {
			msg += fmt.Sprintf(" (%d types derive from it, such as %s)", len(d), strings.Join(d[:min(3, len(d))], ", "))
		}
		c.add(ruleObjectOpenInSchema, ptr, elem, "%s", msg)
	case isClosed:
		if d := c.m.Derived(elem); len(d) > 0 {
			c.add(ruleDerivedTypeNotModelled, ptr, elem, "%d types derive from %s (such as %s); the closed schema object rejects their members", len(d), elem, strings.Join(d[:min(3, len(d))], ", "))
		}
	}
	if ot := property(n, "@odata.type"); ot != nil && ot.Schema.Const != nil {
		if cv, ok := ot.Schema.Const.V.(string); ok && cv != "#"+elem {
			c.add(ruleODataTypeMismatch, ot.Schema.Pointer, elem, "@odata.type is const %q; the metadata type is #%s", cv, elem)
		}
	}
	schemaProps := c.doc.objectProperties(n)
	req := required(n)
	declared := map[string]bool{}
	for _, p := range props {
		declared[p.Name] = true
		pelem := p.DeclaringType + "/" + p.Name
		sp, ok := schemaProps[p.Name]
		if !ok {
			at := pointer.Append(ptr, "properties", p.Name)
			switch {
			case !isClosed:
				c.add(rulePropertyMissingOpen, at, pelem, "the metadata property %s (%s) is not in the schema; the object is open, so it passes as additional data", p.Name, p.TypeString())
			case p.Navigation:
				c.add(ruleNavigationMissing, at, pelem, "the metadata navigation property %s (%s) is not in the closed schema object; $expand=%s responses are rejected", p.Name, p.TypeString(), p.Name)
			default:
				c.add(rulePropertyMissing, at, pelem, "the metadata property %s (%s) is not in the closed schema object", p.Name, p.TypeString())
			}
			continue
		}
		c.property(p, sp, pelem)
	}
	names := make([]string, 0, len(schemaProps))
	for name := range schemaProps {
		if !declared[name] {
			names = append(names, name)
		}
	}
	sort.Strings(names)
	for _, name := range names {
		if req[name] {
			c.add(ruleRequiredNotInMetadata, schemaProps[name].Pointer, elem, "the schema requires %s, which the metadata %s %s does not have", name, t.Kind, elem)
		} else {
			c.add(rulePropertyNotInMetadata, schemaProps[name].Pointer, elem, "the metadata %s %s has no property %s", t.Kind, elem, name)
		}
	}
}

// property checks one property's schema n.
func (c *checker) property(p Declared, n *model.Schema, elem string) {
	ptr := n.Pointer
	s := c.doc.shapeOf(n)
	if s.problem != "" {
		c.add(ruleSchemaUnsupported, ptr, elem, "%s", s.problem)
		return
	}
	if p.Collection {
		if s.nullable {
			c.add(ruleNullableInSchemaOnly, ptr, elem, "the schema allows null; %s is a collection, which is never null", p.TypeString())
		}
		r := c.doc.follow(s)
		if !r.typed || !(len(r.types) == 1 && r.types[0] == "array") {
			c.add(ruleTypeMismatch, ptr, elem, "the metadata type is %s, a JSON array; the schema allows %s", p.TypeString(), c.describe(r))
			return
		}
		if r.node.Items == nil || r.node.Items.Bool != nil {
			c.add(ruleTypeWider, ptr, elem, "the schema does not constrain the array's items; the metadata type is %s", p.TypeString())
			return
		}
		is := c.doc.shapeOf(r.node.Items)
		if is.problem != "" {
			c.add(ruleSchemaUnsupported, is.at, elem, "%s", is.problem)
			return
		}
		if is.nullable && !p.Nullable {
			c.add(ruleNullableInSchemaOnly, is.at, elem, "the schema allows null items; the metadata collection %s is Nullable=\"false\"", p.TypeString())
		}
		c.value(p.Type, is, elem)
		return
	}
	switch {
	case p.Nullable && !s.nullable:
		c.add(ruleNullabilityMismatch, ptr, elem, "the metadata property is nullable; the schema does not allow null")
	case !p.Nullable && s.nullable:
		c.add(ruleNullableInSchemaOnly, ptr, elem, "the schema allows null; the metadata property is Nullable=\"false\"")
	}
	c.value(p.Type, s, elem)
}

// describe names what a shape allows, for messages.
func (c *checker) describe(s shape) string {
	switch {
	case s.ref != "" && !s.typed:
		return "$defs/" + s.ref
	case !s.typed:
		return "any type"
	}
	return typeList(s.types)
}

// value checks a non-collection value of metadata type typ against s.
func (c *checker) value(typ string, s shape, elem string) {
	if prim, ok := primitives[typ]; ok {
		c.primitive(typ, prim, s, elem)
		return
	}
	if strings.HasPrefix(typ, "Edm.") {
		c.add(ruleTypeNotChecked, s.at, elem, "no JSON mapping for %s: not checked", typ)
		return
	}
	if e, ok := c.m.Enums[typ]; ok {
		c.named(typ, s, elem, func(n *model.Schema) { c.enum(e, n) })
		return
	}
	if t, ok := c.m.Types[typ]; ok {
		c.named(typ, s, elem, func(n *model.Schema) { c.structured(t, n) })
		if u := s.node.Union; u != nil {
			c.derived(t, u, s.node.Pointer, elem)
		}
		return
	}
	c.unresolvedType(s.at, elem, typ, "type of "+elem)
	if s.ref != "" && s.ref != simpleName(typ) {
		c.add(ruleTypeMismatch, s.at, elem, "the schema refers to $defs/%s; the metadata type is %s, so the definition should be $defs/%s", s.ref, typ, simpleName(typ))
	}
}

func (c *checker) unresolvedType(ptr, elem, typ, role string) {
	ns := namespaceOf(typ)
	if c.m.HasSchema(ns) {
		c.add(ruleTypeUnresolved, ptr, elem, "%s, %s, is not declared in the metadata's %s schema: not checked", role, typ, ns)
		return
	}
	c.add(ruleTypeOutsideMetadata, ptr, elem, "%s, %s, is in a namespace the metadata file does not contain: only its name is checked", role, typ)
}

// named checks a value of an enum or structured type: the schema must refer
// to a definition named like the type (or describe it inline), and the
// definition is checked once.
func (c *checker) named(typ string, s shape, elem string, check func(n *model.Schema)) {
	if s.ref == "" {
		check(s.node)
		return
	}
	want := simpleName(typ)
	if s.ref != want {
		c.add(ruleTypeMismatch, s.at, elem, "the schema refers to $defs/%s; the metadata type is %s, so the definition should be $defs/%s", s.ref, typ, want)
		return
	}
	if prev, ok := c.visited[s.refPtr]; ok {
		if prev != typ {
			c.add(ruleTypeMismatch, s.at, elem, "$defs/%s already stands for %s; the metadata type here is %s, which needs its own definition", s.ref, prev, typ)
		}
		return
	}
	c.visited[s.refPtr] = typ
	check(s.refNode)
}

// primitive checks s against an Edm primitive type.
func (c *checker) primitive(typ string, prim primitive, s shape, elem string) {
	r := c.doc.follow(s)
	if r.problem != "" {
		c.add(ruleSchemaUnsupported, s.at, elem, "%s", r.problem)
		return
	}
	if !r.typed {
		c.add(ruleTypeWider, s.at, elem, "the schema does not constrain the type; the metadata type %s is a JSON %s", typ, prim.json)
		return
	}
	covers := slices.Contains(r.types, prim.json) || (prim.json == "integer" && slices.Contains(r.types, "number"))
	if !covers {
		c.add(ruleTypeMismatch, s.at, elem, "the metadata type %s is a JSON %s; the schema allows %s", typ, prim.json, typeList(r.types))
		return
	}
	if !(len(r.types) == 1 && r.types[0] == prim.json) {
		c.add(ruleTypeWider, s.at, elem, "the metadata type %s is a JSON %s; the schema allows %s", typ, prim.json, typeList(r.types))
	}
	format := r.node.Format
	switch {
	case prim.format != "" && format == "":
		c.add(ruleFormatMissing, s.at, elem, "the metadata type %s implies format %q; the schema has none", typ, prim.format)
	case prim.format != "" && format != prim.format:
		c.add(ruleFormatMismatch, s.at, elem, "the metadata type %s implies format %q; the schema has %q", typ, prim.format, format)
	case prim.format == "" && format != "" && prim.json == "string":
		c.add(ruleFormatNotInMetadata, s.at, elem, "the schema asserts format %q; the metadata type %s implies none", format, typ)
	}
	if prim.min != nil {
		c.intRange(typ, prim, r, s.at, elem)
	}
}

func (c *checker) intRange(typ string, prim primitive, r shape, ptr, elem string) {
	bound := func(inclusive, exclusive *model.Number, step int64) (*big.Rat, bool) {
		if inclusive != nil {
			return new(big.Rat).Set(inclusive.Rat), true
		}
		if exclusive != nil {
			v := new(big.Rat).Set(exclusive.Rat)
			return v.Add(v, big.NewRat(step, 1)), true
		}
		return nil, false
	}
	lo, hasLo := bound(r.node.Minimum, r.node.ExclusiveMinimum, 1)
	hi, hasHi := bound(r.node.Maximum, r.node.ExclusiveMaximum, -1)
	show := func(v *big.Rat, ok bool) string {
		if !ok {
			return "none"
		}
		return v.RatString()
	}
	if hasLo && hasHi && lo.Cmp(prim.min) == 0 && hi.Cmp(prim.max) == 0 {
		return
	}
	var how []string
	if (hasLo && lo.Cmp(prim.min) > 0) || (hasHi && hi.Cmp(prim.max) < 0) {
		how = append(how, "narrower: values the service may send are rejected")
	}
	if !hasLo || !hasHi || lo.Cmp(prim.min) < 0 || hi.Cmp(prim.max) > 0 {
		how = append(how, "wider or open-ended")
	}
	c.add(ruleRangeMismatch, ptr, elem, "the schema's range is [%s, %s]; %s is [%s, %s] (%s)", show(lo, hasLo), show(hi, hasHi), typ, prim.min.RatString(), prim.max.RatString(), strings.Join(how, "; "))
}

// enum checks the enum schema n against e.
func (c *checker) enum(e *EnumType, n *model.Schema) {
	ptr, elem := n.Pointer, e.FullName
	if types, _, typed := typesOf(n); typed && !(len(types) == 1 && types[0] == "string") {
		c.add(ruleTypeMismatch, ptr, elem, "the metadata enum %s travels as a JSON string; the schema allows %s", elem, typeList(types))
		return
	}
	got, ok := enumMembers(n)
	if !ok {
		c.add(ruleTypeMismatch, ptr, elem, "the metadata type %s is an enum; the schema has no enum keyword", elem)
		return
	}
	if e.IsFlags {
		c.add(ruleEnumIsFlags, ptr, elem, "%s is a flags enum: the service may send several members joined by commas (\"a,b\"), which the schema's enum rejects", elem)
	}
	want := make([]string, len(e.Members))
	for i, m := range e.Members {
		want[i] = m.Name
	}
	c.members(want, got, pointer.Append(ptr, "enum"), elem, true)
	if vals, ok := n.Extensions["x-enumValues"].(map[string]any); ok {
		for _, m := range e.Members {
			v, present := vals[m.Name]
			if !present {
				continue
			}
			if r, ok := number(v); !ok || r.Cmp(new(big.Rat).SetInt64(m.Value)) != 0 {
				c.add(ruleEnumValueMismatch, pointer.Append(ptr, "x-enumValues", m.Name), elem+"/"+m.Name, "x-enumValues gives %s the value %v; the metadata's is %d", m.Name, v, m.Value)
			}
		}
	}
}

// members compares enum member lists: missing and extra members, and (when
// ordered) the order of the members both have.
func (c *checker) members(want, got []string, ptr, elem string, ordered bool) {
	inGot := map[string]bool{}
	for _, g := range got {
		inGot[g] = true
	}
	inWant := map[string]bool{}
	var missing []string
	for _, w := range want {
		inWant[w] = true
		if !inGot[w] {
			missing = append(missing, w)
		}
	}
	for _, w := range missing {
		after := ""
		if i := indexOf(want, model.EnumSentinel); i >= 0 && indexOf(want, w) > i {
			after = " (it comes after unknownFutureValue: the service sends it when the request has Prefer: include-unknown-enum-members)"
		}
		c.add(ruleEnumMemberMissing, ptr, elem+"/"+w, "the metadata member %s is not in the schema's enum%s", w, after)
	}
	for _, g := range got {
		if !inWant[g] {
			c.add(ruleEnumMemberExtra, ptr, elem, "the schema's member %s is not in the metadata enum %s", g, elem)
		}
	}
	if !ordered {
		return
	}
	var a, b []string
	for _, w := range want {
		if inGot[w] {
			a = append(a, w)
		}
	}
	for _, g := range got {
		if inWant[g] {
			b = append(b, g)
		}
	}
	for i := range min(len(a), len(b)) {
		if a[i] != b[i] {
			c.add(ruleEnumOrderDiffers, ptr, elem, "member %d is %s in the metadata and %s in the schema; the metadata's order is %s", i, a[i], b[i], strings.Join(a, ", "))
			return
		}
	}
}

func indexOf(list []string, s string) int {
	for i, v := range list {
		if v == s {
			return i
		}
	}
	return -1
}

// derived checks the branches of the discriminated union u over base: each
// is a type the metadata derives from base, checked like any structured
// type (its inherited members included), and every concrete type the
// metadata derives from base has a branch.
func (c *checker) derived(base *StructuredType, u *model.Union, ptr, elem string) {
	has := map[string]bool{}
	for _, br := range u.Branches {
		if br.Type == nil || br.Type.Schema == nil || br.Type == u.Base {
			continue
		}
		name := c.csdlName(br.Type, base)
		has[name] = true
		if name == base.FullName {
			continue // the concrete base as a branch: checked as the base
		}
		at := br.Node.Pointer
		t, ok := c.m.Types[name]
		if !ok {
			c.add(ruleDerivedNotInMetadata, at, elem, "the union's branch %s is not a type of the metadata", name)
			continue
		}
		if !slices.Contains(c.m.Derived(base.FullName), name) {
			from := "has no base type"
			if t.BaseType != "" {
				from = "derives from " + t.BaseType
			}
			c.add(ruleBaseTypeMismatch, at, name, "%s %s in the metadata, not from %s", name, from, base.FullName)
		}
		if prev, seen := c.visited[br.Type.Pointer]; seen {
			if prev != name {
				c.add(ruleTypeMismatch, at, name, "$defs entry %s already stands for %s", br.Type.Pointer, prev)
			}
			continue
		}
		c.visited[br.Type.Pointer] = name
		c.structured(t, br.Type.Schema)
	}
	var missing []string
	for _, d := range c.m.Derived(base.FullName) {
		if t := c.m.Types[d]; t != nil && !t.Abstract && !has[d] {
			missing = append(missing, d)
		}
	}
	sort.Strings(missing)
	for _, d := range missing {
		c.add(ruleDerivedTypeMissing, ptr, d, "the metadata derives %s from %s; the union has no branch for it", d, base.FullName)
	}
}

// csdlName is the metadata type a schema type stands for: its "x-csdl"
// annotation, else its $defs name in the base's namespace.
func (c *checker) csdlName(t *model.Type, base *StructuredType) string {
	if x, ok := standsFor(t.Schema); ok {
		return x
	}
	name, _ := c.doc.refName(t)
	return base.Namespace + "." + name
}
