package model

import (
	"fmt"
	"net/url"
	"slices"
	"sort"
	"strings"

	"github.com/graphshape/graphshape/internal/naming"
	"github.com/graphshape/graphshape/internal/pointer"
)

// Inheritance, as Graph's schemas spell it in JSON Schema:
//
//   - a derived object is {"type": "object", "allOf": [{"$ref": base}, ...],
//     "properties": ..., "required": ..., "unevaluatedProperties": false}: its
//     Go struct merges the bases' members with its own, and
//     unevaluatedProperties false closes it;
//   - a discriminated union is {"oneOf"|"anyOf": [{"$ref": A}, {"$ref": B}, ...]}
//     whose branches are objects that each require one member (the
//     discriminator, "@odata.type" for Graph) and fix it with a string const.
//     Its Go type is an interface implemented by each branch's struct; when the
//     branches share a base type that is not itself a branch, the interface
//     takes the base's name and the base struct is named <Base>Base.

func init() {
	Supported["unevaluatedProperties"] = "validated on a derived object (type object with allOf of $refs to open objects): false closes it"
}

// Base is a schema merged into a derived object.
type Base struct {
	Via    string  // keyword path from the derived object, e.g. "/allOf/0/$ref"
	Schema *Schema // the base object's schema (never a $ref node)
}

// Declaration is a further declaration of a merged member, in a base.
type Declaration struct {
	Via    string // keyword path from the derived object to the declaring schema
	Schema *Schema
}

// Union is a discriminated oneOf/anyOf.
type Union struct {
	Keyword  string    // "oneOf" or "anyOf"
	Property string    // the discriminator member, e.g. "@odata.type"
	Branches []*Branch // in schema order
	// Base is the type every branch is or derives from (nil when the
	// branches share none); unknown discriminator values decode leniently
	// into it. BaseIsBranch is set when Base is itself one of the branches.
	Base         *Type
	BaseIsBranch bool
	// Default is the branch chosen when the discriminator is absent: the one
	// branch that fixes it with a const without requiring it; nil when every
	// branch requires it (an absent discriminator is then a violation).
	Default *Branch

	basePtr string
}

// Branch is one branch of a Union.
type Branch struct {
	Index int     // position in the oneOf/anyOf array
	Value string  // the discriminator's const
	Type  *Type   // the branch's named type
	Node  *Schema // the {"$ref": ...} node
}

// rawUnion is a discriminated union found in the raw document.
type rawUnion struct {
	keyword, property string
	values            []string
	branches          []string // pointers of the branch types
	base              string   // pointer of the common base, "" if none
	defaultIndex      int      // the branch chosen when the discriminator is absent; -1: none
}

func (b *builder) localPointer(ref string) (string, bool) {
	r := ref
	if m, ok := b.doc.Root.(map[string]any); ok {
		if id, ok := m["$id"].(string); ok && id != "" {
			r = strings.TrimPrefix(r, strings.TrimSuffix(id, "#"))
		}
	}
	if !strings.HasPrefix(r, "#") {
		return "", false
	}
	ptr, err := url.PathUnescape(r[1:])
	if err != nil || ptr != "" && !strings.HasPrefix(ptr, "/") {
		return "", false
	}
	return ptr, true
}

// onlyRef returns the pointer of a schema that is {"$ref": local} plus
// annotations.
func (b *builder) onlyRef(v any) (string, bool) {
	m, ok := v.(map[string]any)
	if !ok {
		return "", false
	}
	ref, ok := m["$ref"].(string)
	if !ok {
		return "", false
	}
	for k := range m {
		if k != "$ref" && !annotationSiblings[k] && !strings.HasPrefix(k, "x-") {
			return "", false
		}
	}
	return b.localPointer(ref)
}

func (b *builder) rawAt(ptr string) map[string]any {
	v, err := b.resolvePointer(ptr, "")
	if err != nil {
		return nil
	}
	m, _ := v.(map[string]any)
	return m
}

// rawObject reports whether m is an open object schema that can be a base
// or a branch: "type": "object" and not closed by additionalProperties.
func rawObject(m map[string]any) bool {
	if m == nil || m["type"] != TypeObject {
		return false
	}
	if ap, ok := m["additionalProperties"].(bool); ok && !ap {
		return false
	}
	if uv, ok := m["unevaluatedProperties"].(bool); ok && !uv {
		return false
	}
	return true
}

// rawDerived reports whether m is a derived object whose allOf can be
// merged into one struct: type object, allOf of $refs to open objects, and
// besides them only properties, required, patternProperties,
// unevaluatedProperties (a boolean) and annotations.
func (b *builder) rawDerived(m map[string]any) bool {
	arr, ok := m["allOf"].([]any)
	if !ok || len(arr) == 0 || m["type"] != TypeObject {
		return false
	}
	for k := range m {
		switch k {
		case "allOf", "type", "properties", "required", "patternProperties":
		case "unevaluatedProperties":
			if _, ok := m[k].(bool); !ok {
				return false
			}
		default:
			if !annotationSiblings[k] && !strings.HasPrefix(k, "x-") {
				return false
			}
		}
	}
	for _, e := range arr {
		ptr, ok := b.onlyRef(e)
		if !ok || !rawObject(b.rawAt(ptr)) {
			return false
		}
	}
	return true
}

// ancestors returns ptr and the pointers its allOf $refs reach, nearest
// first, without repeats.
func (b *builder) ancestors(ptr string) []string {
	out := []string{ptr}
	for i := 0; i < len(out) && i < 64; i++ {
		m := b.rawAt(out[i])
		arr, _ := m["allOf"].([]any)
		for _, e := range arr {
			if p, ok := b.onlyRef(e); ok && !slices.Contains(out, p) {
				out = append(out, p)
			}
		}
	}
	return out
}

// fixed returns the members an object (with its ancestors) both requires
// and fixes with a string const.
func (b *builder) fixed(ptr string) map[string]string {
	consts, required := map[string]string{}, map[string]bool{}
	for _, a := range b.ancestors(ptr) {
		m := b.rawAt(a)
		props, _ := m["properties"].(map[string]any)
		for name, p := range props {
			if pm, ok := p.(map[string]any); ok {
				if c, ok := pm["const"].(string); ok {
					if _, seen := consts[name]; !seen {
						consts[name] = c
					}
				}
			}
		}
		req, _ := m["required"].([]any)
		for _, r := range req {
			if s, ok := r.(string); ok {
				required[s] = true
			}
		}
	}
	out := map[string]string{}
	for name, c := range consts {
		if required[name] {
			out[name] = c
		}
	}
	return out
}

// constOnly returns the members an object (with its ancestors) fixes with a
// string const without requiring them.
func (b *builder) constOnly(ptr string) map[string]string {
	out := map[string]string{}
	req := b.fixed(ptr)
	for _, a := range b.ancestors(ptr) {
		props, _ := b.rawAt(a)["properties"].(map[string]any)
		for name, p := range props {
			if pm, ok := p.(map[string]any); ok {
				if c, ok := pm["const"].(string); ok {
					if _, r := req[name]; !r {
						if _, seen := out[name]; !seen {
							out[name] = c
						}
					}
				}
			}
		}
	}
	return out
}

// findUnion reports whether m is a discriminated union.
func (b *builder) findUnion(m map[string]any) (*rawUnion, bool) {
	u := &rawUnion{defaultIndex: -1}
	for _, kw := range []string{"oneOf", "anyOf"} {
		if _, ok := m[kw]; ok {
			if u.keyword != "" {
				return nil, false
			}
			u.keyword = kw
		}
	}
	if u.keyword == "" {
		return nil, false
	}
	for k := range m {
		if k != u.keyword && !annotationSiblings[k] && !strings.HasPrefix(k, "x-") {
			return nil, false
		}
	}
	arr, _ := m[u.keyword].([]any)
	if len(arr) == 0 {
		return nil, false
	}
	var common map[string]bool
	var fixedAll []map[string]string
	for _, e := range arr {
		ptr, ok := b.onlyRef(e)
		if !ok || b.rawAt(ptr)["type"] != TypeObject || slices.Contains(u.branches, ptr) {
			return nil, false
		}
		u.branches = append(u.branches, ptr)
		f := b.fixed(ptr)
		fixedAll = append(fixedAll, f)
		if common == nil {
			common = map[string]bool{}
			for k := range f {
				common[k] = true
			}
		} else {
			for k := range common {
				if _, ok := f[k]; !ok {
					delete(common, k)
				}
			}
		}
	}
	var names []string
	for k := range common {
		names = append(names, k)
	}
	sort.Strings(names)
	if len(names) == 0 && len(arr) > 1 {
		// One branch may fix the discriminator without requiring it: the
		// default branch, chosen when the member is absent (Graph leaves
		// @odata.type out on a value of the declared, concrete type).
		for i := range u.branches {
			co := b.constOnly(u.branches[i])
			for k, v := range co {
				ok := true
				for j := range u.branches {
					if j != i {
						if _, has := fixedAll[j][k]; !has {
							ok = false
						}
					}
				}
				if ok && (u.property == "" || k == "@odata.type") {
					u.property, u.defaultIndex = k, i
					fixedAll[i] = map[string]string{k: v}
				}
			}
		}
		if u.property == "" {
			return nil, false
		}
		names = []string{u.property}
		if u.keyword != "oneOf" {
			return nil, false // anyOf with a default branch would match both
		}
	} else if len(names) == 0 {
		return nil, false
	} else {
		u.defaultIndex = -1
	}
	if u.defaultIndex < 0 {
		u.property = names[0]
		if common["@odata.type"] {
			u.property = "@odata.type"
		}
	}
	for _, f := range fixedAll {
		v := f[u.property]
		if slices.Contains(u.values, v) {
			return nil, false
		}
		u.values = append(u.values, v)
	}
	// The common base: the ancestor every branch has, with the longest
	// chain of its own (the most derived one).
	var shared []string
	for i, br := range u.branches {
		anc := b.ancestors(br)
		if i == 0 {
			shared = anc
			continue
		}
		shared = slices.DeleteFunc(shared, func(p string) bool { return !slices.Contains(anc, p) })
	}
	best := -1
	for _, p := range shared {
		if n := len(b.ancestors(p)); n > best {
			best, u.base = n, p
		}
	}
	return u, true
}

// inheritNames finds the discriminated unions of the document before any
// type is declared and decides their names: the first union written in
// place (not a $defs entry, which keeps its name) over a base that is not
// one of its branches is named after the base, and the base's struct is
// renamed <Base>Base.
func (b *builder) inheritNames() map[string]string {
	out := map[string]string{}
	var walk func(v any, ptr string, depth int)
	walk = func(v any, ptr string, depth int) {
		m, ok := v.(map[string]any)
		if !ok || depth > 64 {
			if arr, ok := v.([]any); ok && depth <= 64 {
				for i, e := range arr {
					walk(e, fmt.Sprintf("%s/%d", ptr, i), depth+1)
				}
			}
			return
		}
		if u, ok := b.findUnion(m); ok && !isDef(ptr) && u.base != "" && !slices.Contains(u.branches, u.base) && strings.HasPrefix(u.base, "/$defs/") && strings.Count(u.base, "/") == 2 {
			def := pointer.Split(u.base)[1]
			name := naming.Exported(def)
			if _, taken := out[u.base]; !taken {
				out[ptr] = name
				out[u.base] = name + "Base"
			}
		}
		keys := make([]string, 0, len(m))
		for k := range m {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			switch {
			case k == "const" || k == "enum" || k == "default" || k == "examples" || strings.HasPrefix(k, "x-"):
				continue
			}
			walk(m[k], ptr+"/"+escape(k), depth+1)
		}
	}
	walk(b.doc.Root, "", 0)
	return out
}

// goNameFor returns the Go name of the type at ptr: def, unless the
// inheritance naming decided otherwise.
func (b *builder) goNameFor(ptr, def string) string {
	if n, ok := b.rename[ptr]; ok {
		return n
	}
	return def
}

// inheritance builds s when m is a derived object or a discriminated union
// and reports whether it did; it rejects unevaluatedProperties elsewhere.
func (b *builder) inheritance(s *Schema, m map[string]any, ptr, name string, self *Type) (bool, error) {
	if u, ok := b.findUnion(m); ok {
		return true, b.union(s, m, u, ptr, name, self)
	}
	if b.rawDerived(m) {
		return true, b.derivedObject(s, m, ptr, name, self)
	}
	if _, ok := m["unevaluatedProperties"]; ok {
		return false, &UnsupportedError{Location: b.loc(ptr), Keyword: "unevaluatedProperties",
			Detail: `supported only as a boolean on a derived object: {"type": "object", "allOf": [{"$ref": base}, ...], ...} whose bases are open objects`}
	}
	return false, nil
}

func (b *builder) union(s *Schema, m map[string]any, u *rawUnion, ptr, name string, self *Type) error {
	arr := m[u.keyword].([]any)
	un := &Union{Keyword: u.keyword, Property: u.property, basePtr: u.base}
	for i, e := range arr {
		n, err := b.node(e, fmt.Sprintf("%s/%s/%d", ptr, u.keyword, i), fmt.Sprintf("%s%s%d", name, naming.Exported(u.keyword), i), nil)
		if err != nil {
			return err
		}
		br := &Branch{Index: i, Value: u.values[i], Node: n}
		un.Branches = append(un.Branches, br)
		if i == u.defaultIndex {
			un.Default = br
		}
	}
	s.Union = un
	s.Kind = KindUnion
	s.Nullable = false
	b.unions = append(b.unions, s)
	if self == nil {
		t, err := b.declare(b.goNameFor(ptr, name), ptr)
		if err != nil {
			return err
		}
		t.Schema = s
		s.Named = t
	}
	return nil
}

func (b *builder) derivedObject(s *Schema, m map[string]any, ptr, name string, self *Type) error {
	own := map[string]any{}
	for k, v := range m {
		if k != "allOf" && k != "unevaluatedProperties" {
			own[k] = v
		}
	}
	if err := b.object(s, own, ptr, name, self); err != nil {
		return err
	}
	if s.Kind == KindMap {
		s.Kind = KindObject
		if err := b.objectNames(s, ptr); err != nil {
			return err
		}
		if self == nil {
			t, err := b.declare(name, ptr)
			if err != nil {
				return err
			}
			t.Schema = s
			s.Named = t
		}
	}
	for i, e := range m["allOf"].([]any) {
		n, err := b.node(e, fmt.Sprintf("%s/allOf/%d", ptr, i), fmt.Sprintf("%sAllOf%d", name, i), nil)
		if err != nil {
			return err
		}
		s.BaseNodes = append(s.BaseNodes, n)
	}
	if uv, ok := m["unevaluatedProperties"]; ok {
		n, err := b.node(uv, ptr+"/unevaluatedProperties", name+"Unevaluated", nil)
		if err != nil {
			return err
		}
		s.Unevaluated = n
	}
	s.Own = slices.Clone(s.Properties)
	for _, p := range s.Own {
		if p.Required {
			p.RequiredVia = []string{""}
		}
	}
	b.derived = append(b.derived, s)
	return nil
}

// inherit merges the bases of every derived object and settles the
// unions' types, once every named type is defined.
func (b *builder) inherit() error {
	done := map[*Schema]bool{}
	var merge func(s *Schema, depth int) error
	merge = func(s *Schema, depth int) error {
		if done[s] {
			return nil
		}
		if depth > 64 {
			return fmt.Errorf("%s: allOf: the inheritance chain is cyclic or deeper than 64", b.loc(s.Pointer))
		}
		props := slices.Clone(s.Own)
		byName := map[string]*Property{}
		for _, p := range props {
			byName[p.JSONName] = p
		}
		var bases []*Base
		for i, n := range s.BaseNodes {
			t := n.Target()
			if t.BaseNodes != nil {
				if err := merge(t, depth+1); err != nil {
					return err
				}
			}
			via := fmt.Sprintf("/allOf/%d/$ref", i)
			bases = append(bases, &Base{Via: via, Schema: t})
			for _, a := range t.Bases {
				bases = append(bases, &Base{Via: via + a.Via, Schema: a.Schema})
			}
		}
		for _, a := range bases {
			own := a.Schema.Properties
			if a.Schema.BaseNodes != nil {
				own = a.Schema.Own
			}
			for _, bp := range own {
				p, ok := byName[bp.JSONName]
				switch {
				case ok && placeholder(p.Schema) && !placeholder(bp.Schema):
					p.Schema, p.Via = bp.Schema, a.Via
				case !ok:
					p = &Property{JSONName: bp.JSONName, GoName: bp.GoName, Schema: bp.Schema, Via: a.Via}
					byName[bp.JSONName] = p
					props = append(props, p)
				case !placeholder(bp.Schema):
					p.Also = append(p.Also, &Declaration{Via: a.Via, Schema: bp.Schema})
				}
				if slices.Contains(a.Schema.Required, bp.JSONName) {
					p.Required = true
					p.RequiredVia = append(p.RequiredVia, a.Via)
				}
			}
		}
		sort.Slice(props, func(i, j int) bool { return props[i].JSONName < props[j].JSONName })
		s.Properties, s.Bases = props, bases
		done[s] = true
		return b.objectNames(s, s.Pointer)
	}
	for _, s := range b.derived {
		if err := merge(s, 0); err != nil {
			return err
		}
	}
	for _, s := range b.unions {
		u := s.Union
		for _, br := range u.Branches {
			br.Type = br.Node.Ref
			if br.Type == nil || br.Type.Schema == nil || br.Type.Schema.Kind != KindObject {
				return fmt.Errorf("%s: %s: branch %d is not an object type", b.loc(s.Pointer), u.Keyword, br.Index)
			}
		}
		if u.basePtr != "" {
			u.Base = b.types[u.basePtr]
			for _, br := range u.Branches {
				if br.Type == u.Base {
					u.BaseIsBranch = true
				}
			}
		}
	}
	return nil
}

// placeholder reports whether s stands for a member that "required" names
// without a declared schema.
func placeholder(s *Schema) bool {
	return s.Bool != nil && strings.HasSuffix(s.Pointer, "/required")
}

// isDef reports whether ptr is a $defs entry of the root.
func isDef(ptr string) bool {
	return strings.HasPrefix(ptr, "/$defs/") && strings.Count(ptr, "/") == 2
}
