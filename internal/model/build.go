package model

import (
	"encoding/json"
	"fmt"
	"math"
	"math/big"
	"net/url"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/graphshape/graphshape/internal/naming"
	"github.com/graphshape/graphshape/internal/pointer"
	"github.com/graphshape/graphshape/schema"
)

// Supported lists the keywords Build accepts, by role. Keywords starting
// with "x-" are accepted as annotations; every other keyword is rejected.
var Supported = map[string]string{
	"$schema": "annotation (root only)", "$id": "annotation (root only)", "$comment": "annotation",
	"$defs": "named types", "$ref": "local references (#/...), recursion included",
	"title": "annotation (root: type name)", "description": "annotation (doc comments)",
	"default": "annotation (documented only)", "readOnly": "annotation", "writeOnly": "annotation",
	"deprecated": "annotation", "examples": "annotation",
	"contentEncoding": "annotation", "contentMediaType": "annotation",
	"type": "validated", "enum": "validated", "const": "validated", "format": "validated (see Formats)",
	"minLength": "validated", "maxLength": "validated", "pattern": "validated",
	"minimum": "validated", "maximum": "validated", "exclusiveMinimum": "validated",
	"exclusiveMaximum": "validated", "multipleOf": "validated",
	"items": "validated", "minItems": "validated", "maxItems": "validated", "uniqueItems": "validated",
	"properties": "validated", "required": "validated", "additionalProperties": "validated",
	"patternProperties": "validated",
	"minProperties":     "validated", "maxProperties": "validated", "dependentRequired": "validated",
	"prefixItems": "validated (the array is held as raw JSON)", "contains": "validated (the array is held as raw JSON)",
	"minContains": "validated", "maxContains": "validated",
	"anyOf": "validated; the nullable form [S, {\"type\": \"null\"}] keeps S's Go type, any other makes the value raw JSON",
	"oneOf": "validated; as anyOf",
	"allOf": "validated (the value is held as raw JSON)",
	"not":   "validated (the value is held as raw JSON)",
	"if":    "validated with then and else (the value is held as raw JSON)",
	"then":  "validated with if", "else": "validated with if",
}

// Formats lists the "format" values Build accepts; each is asserted by the
// generated code as jsonschema v5 asserts it.
var Formats = []string{"date", "date-time", "duration", "email", "hostname", "ipv4", "ipv6", "time", "uri", "uri-reference", "uuid"}

// UnsupportedError reports a keyword (or keyword value) outside the
// supported subset, with the schema location where it stands.
type UnsupportedError struct {
	Location string // document name + "#" + JSON Pointer of the schema
	Keyword  string
	Detail   string // why, or what is supported instead
}

func (e *UnsupportedError) Error() string {
	return fmt.Sprintf("%s: unsupported keyword %q: %s", e.Location, e.Keyword, e.Detail)
}

// RefError reports a $ref that cannot be resolved inside the document.
type RefError struct {
	Location string // where the $ref stands
	Ref      string // its value
	Detail   string
}

func (e *RefError) Error() string {
	return fmt.Sprintf("%s: $ref %q: %s", e.Location, e.Ref, e.Detail)
}

// Options controls Build.
type Options struct {
	// Root is the Go name of the root type. Empty: the schema's title, else
	// the document name without its extensions.
	Root string
}

// reserved are method and field names every generated type has.
var reserved = []string{"MarshalJSON", "UnmarshalJSON", "Validate", "ShapeDecode", "ShapeEncode", "String"}

type builder struct {
	doc    *schema.Document
	types  map[string]*Type // by pointer
	scope  naming.Scope
	all    []*Type
	inProg map[string]bool
	refs   []*Schema // $ref and null-or nodes, whose Kind is set once all types are defined
	nodes  []*Schema // every node built, in creation order, for the resolving pass
	depth  int       // subschema nesting below the named type being defined
	oneOfs []*Schema // nullable oneOf nodes whose branch is a $ref, checked once kinds are settled

	rename  map[string]string // Go names decided by the inheritance naming (inherit.go)
	derived []*Schema         // derived objects, merged once all types are defined
	unions  []*Schema         // discriminated unions
}

// MaxDepth is how deep Build lets subschemas nest inside one named type
// (every keyword holding a subschema counts one level; a $ref starts
// again at zero). Deeper schemas are refused naming the location: the Go
// compiler limits how deeply the decoder's blocks may nest, and no real
// schema comes near.
const MaxDepth = 100

// PackageNames are the package-level identifiers every generated package
// declares; a type or constant name the schema would derive to one of them
// is refused.
var PackageNames = []string{"SchemaDigest", "SchemaName", "SchemaTypes"}

// EnumMembersFunc is the name of the generated function that lists the
// members of the enum type typeName; Build claims it beside the type.
func EnumMembersFunc(typeName string) string { return typeName + "Members" }

// newSchema returns a node at ptr with every count keyword absent.
func (b *builder) newSchema(ptr string) *Schema {
	s := &Schema{Pointer: ptr, MinLength: -1, MaxLength: -1, MinItems: -1, MaxItems: -1, MinProperties: -1, MaxProperties: -1, MinContains: -1, MaxContains: -1, SentinelIndex: -1}
	b.nodes = append(b.nodes, s)
	return s
}

// Build builds the model of doc, which must already have compiled with
// schema.Compile (so it is a valid draft 2020-12 schema without remote
// references).
//
// Go names are decided here, deterministically. The root is named by
// Options.Root, else its title, else the document name; a $defs entry by
// its name; an inline object or enum by its parent's name and its place
// (IncidentStatus, ListItem); a $ref target in the middle of the document
// by its pointer (#/$defs/x/items is XItems). Two names that collide are
// refused with a *naming.CollisionError naming both locations, except a
// mid-document $ref target's name: when it is taken, the first free number
// from 2 is appended (XYZ2). Build walks the root, then $defs in name order,
// and inside a schema the subschemas in a fixed keyword order (allOf,
// anyOf, oneOf, not, if, then, else, properties by name, patternProperties,
// additionalProperties, prefixItems, contains, items), never in map order,
// so the same document always gets the same names.
func Build(doc *schema.Document, opts Options) (*Resource, error) {
	b := &builder{doc: doc, types: map[string]*Type{}, inProg: map[string]bool{}}
	for _, n := range PackageNames {
		if err := b.scope.Claim(n, "a package-level name of every generated package"); err != nil {
			return nil, err
		}
	}
	b.rename = b.inheritNames()
	rootName := opts.Root
	if rootName == "" {
		if m, ok := doc.Root.(map[string]any); ok {
			if t, ok := m["title"].(string); ok && strings.TrimSpace(t) != "" {
				rootName = naming.Exported(t)
			}
		}
	}
	if rootName == "" {
		base := doc.Name
		if i := strings.Index(base, "."); i > 0 {
			base = base[:i]
		}
		rootName = naming.Exported(base)
	}
	if !isIdent(rootName) {
		return nil, fmt.Errorf("%s: root type name %q is not an exported Go identifier", doc.Name, rootName)
	}
	// Declare named types first so $refs (recursion included) resolve.
	root, err := b.declare(rootName, "")
	if err != nil {
		return nil, err
	}
	for _, def := range doc.Defs() {
		ptr := "/$defs/" + escape(def)
		if _, err := b.declare(b.goNameFor(ptr, naming.Exported(def)), ptr); err != nil {
			return nil, err
		}
	}
	for _, t := range slices.Clone(b.all) {
		if err := b.define(t); err != nil {
			return nil, err
		}
	}
	if err := b.refCycles(); err != nil {
		return nil, err
	}
	// Reference nodes take the kind of what they point at; the references
	// were recorded innermost first, so one pass in reverse settles chains.
	for i := len(b.refs) - 1; i >= 0; i-- {
		b.refs[i].Kind = b.refs[i].Target().Kind
	}
	for _, s := range b.refs {
		s.Kind = s.Target().Kind
	}
	if err := b.inherit(); err != nil {
		return nil, err
	}
	for _, t := range b.all {
		t.Cyclic = cyclic(t)
	}
	b.resolve()
	if err := b.checkOneOfs(); err != nil {
		return nil, err
	}
	sort.Slice(b.all, func(i, j int) bool { return b.all[i].GoName < b.all[j].GoName })
	return &Resource{Name: doc.Name, Digest: schema.Digest(doc.Data), Root: root, Types: b.all}, nil
}

func (b *builder) loc(ptr string) string { return b.doc.Name + "#" + ptr }

func (b *builder) declare(goName, ptr string) (*Type, error) {
	if err := b.claim(goName, ptr); err != nil {
		return nil, err
	}
	t := &Type{GoName: goName, Pointer: ptr}
	b.types[ptr] = t
	b.all = append(b.all, t)
	return t, nil
}

func (b *builder) claim(goName, ptr string) error {
	if slices.Contains([]string{"Decoder", "Encoder"}, goName) {
		return fmt.Errorf("%s: go name %q is reserved", b.loc(ptr), goName)
	}
	if err := b.scope.Claim(goName, b.loc(ptr)); err != nil {
		return err
	}
	return nil
}

// define builds the schema of a declared named type.
func (b *builder) define(t *Type) error {
	if t.Schema != nil || b.inProg[t.Pointer] {
		return nil
	}
	b.inProg[t.Pointer] = true
	defer delete(b.inProg, t.Pointer)
	depth := b.depth
	b.depth = 0
	defer func() { b.depth = depth }()
	raw, err := b.resolvePointer(t.Pointer, "")
	if err != nil {
		return err
	}
	s, err := b.node(raw, t.Pointer, t.GoName, t)
	if err != nil {
		return err
	}
	t.Schema = s
	return nil
}

func (b *builder) resolvePointer(ptr, from string) (any, error) {
	cur := b.doc.Root
	if ptr == "" {
		return cur, nil
	}
	for _, tok := range pointer.Split(ptr) {
		switch c := cur.(type) {
		case map[string]any:
			v, ok := c[tok]
			if !ok {
				return nil, &RefError{Location: b.loc(from), Ref: "#" + ptr, Detail: "no such location in the document"}
			}
			cur = v
		case []any:
			i, err := strconv.Atoi(tok)
			if err != nil || i < 0 || i >= len(c) {
				return nil, &RefError{Location: b.loc(from), Ref: "#" + ptr, Detail: "no such location in the document"}
			}
			cur = c[i]
		default:
			return nil, &RefError{Location: b.loc(from), Ref: "#" + ptr, Detail: "no such location in the document"}
		}
	}
	return cur, nil
}

// refTarget returns the named type a $ref value points at, declaring an
// inline schema as a named type when a $ref points somewhere else than the
// root or $defs.
func (b *builder) refTarget(ref, at, hint string) (*Type, error) {
	r := ref
	if m, ok := b.doc.Root.(map[string]any); ok {
		if id, ok := m["$id"].(string); ok && id != "" {
			r = strings.TrimPrefix(r, strings.TrimSuffix(id, "#"))
		}
	}
	if !strings.HasPrefix(r, "#") {
		return nil, &RefError{Location: b.loc(at), Ref: ref, Detail: "only references within the document (#/...) are supported"}
	}
	// The fragment is URI-encoded (RFC 3986): "#/$defs/a%25b" names "a%b".
	ptr, err := url.PathUnescape(r[1:])
	if err != nil {
		return nil, &RefError{Location: b.loc(at), Ref: ref, Detail: "invalid percent-encoding in the fragment"}
	}
	if ptr != "" && !strings.HasPrefix(ptr, "/") {
		return nil, &RefError{Location: b.loc(at), Ref: ref, Detail: "anchors are not supported; use a JSON Pointer"}
	}
	if t, ok := b.types[ptr]; ok {
		return t, nil
	}
	if _, err := b.resolvePointer(ptr, at); err != nil {
		return nil, err
	}
	// A reference into the middle of the document: the target becomes a
	// named type of its own, named after its location.
	t, err := b.declare(b.freeName(pointerName(ptr)), ptr)
	if err != nil {
		return nil, err
	}
	return t, b.define(t)
}

// pointerName derives a Go name from a JSON Pointer, skipping the keywords
// that only structure a schema: "/$defs/x/items" becomes "XItems".
func pointerName(ptr string) string {
	var b strings.Builder
	for _, tok := range pointer.Split(ptr) {
		switch tok {
		case "$defs", "properties", "patternProperties":
			continue
		}
		b.WriteString(naming.Exported(tok))
	}
	if b.Len() == 0 {
		return "Ref"
	}
	return b.String()
}

// freeName returns name, or name with the first free number appended.
func (b *builder) freeName(name string) string {
	if !b.scope.Taken(name) {
		return name
	}
	for i := 2; ; i++ {
		if n := name + strconv.Itoa(i); !b.scope.Taken(n) {
			return n
		}
	}
}

// node builds the model of the schema raw at ptr. name is the Go name an
// inline object or enum here takes; self is the named type being defined
// when raw is its schema.
func (b *builder) node(raw any, ptr, name string, self *Type) (*Schema, error) {
	if b.depth >= MaxDepth {
		return nil, fmt.Errorf("%s: subschemas nest more than %d deep inside one type (model.MaxDepth); give the inner schema a $defs entry", b.loc(ptr), MaxDepth)
	}
	b.depth++
	defer func() { b.depth-- }()
	s := b.newSchema(ptr)
	switch v := raw.(type) {
	case bool:
		s.Bool = &v
		s.Kind = KindAny
		s.Nullable = v
		s.Unconstrained = v
		return s, nil
	case map[string]any:
		return s, b.object(s, v, ptr, name, self)
	default:
		return nil, fmt.Errorf("%s: a schema must be an object or a boolean, not %T", b.loc(ptr), raw)
	}
}

var annotationSiblings = map[string]bool{"$comment": true, "title": true, "description": true, "default": true, "readOnly": true, "writeOnly": true, "deprecated": true, "examples": true, "$schema": true, "$id": true, "$defs": true}

// annotations are the keywords that assert nothing about an instance.
var annotations = map[string]bool{"$comment": true, "title": true, "description": true, "default": true, "readOnly": true, "writeOnly": true, "deprecated": true, "examples": true, "$schema": true, "$id": true, "$defs": true, "contentEncoding": true, "contentMediaType": true}

func (b *builder) object(s *Schema, m map[string]any, ptr, name string, self *Type) error {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		if strings.HasPrefix(k, "x-") {
			continue
		}
		if _, ok := Supported[k]; !ok {
			return &UnsupportedError{Location: b.loc(ptr), Keyword: k, Detail: "not in graphshape's supported subset (see README.md, \"Supported JSON Schema subset\")"}
		}
		if (k == "$schema" || k == "$id") && ptr != "" {
			return &UnsupportedError{Location: b.loc(ptr), Keyword: k, Detail: "allowed only at the document root"}
		}
	}
	s.Unconstrained = true
	for _, k := range keys {
		if !annotations[k] && !strings.HasPrefix(k, "x-") {
			s.Unconstrained = false
		}
	}
	// Annotations.
	for _, k := range keys {
		if strings.HasPrefix(k, "x-") {
			if s.Extensions == nil {
				s.Extensions = map[string]any{}
			}
			s.Extensions[k] = m[k]
		}
	}
	s.Title, _ = m["title"].(string)
	s.Description, _ = m["description"].(string)
	s.Comment, _ = m["$comment"].(string)
	s.ReadOnly, _ = m["readOnly"].(bool)
	s.WriteOnly, _ = m["writeOnly"].(bool)
	s.Deprecated, _ = m["deprecated"].(bool)
	if d, ok := m["default"]; ok {
		s.Default = NewValue(d)
	}

	if done, err := b.inheritance(s, m, ptr, name, self); done || err != nil {
		return err
	}
	if ref, ok := m["$ref"].(string); ok {
		for _, k := range keys {
			if k != "$ref" && !annotationSiblings[k] && !strings.HasPrefix(k, "x-") {
				return &UnsupportedError{Location: b.loc(ptr), Keyword: k, Detail: "only annotations may stand beside $ref"}
			}
		}
		t, err := b.refTarget(ref, ptr, name)
		if err != nil {
			return err
		}
		s.Ref = t
		b.refs = append(b.refs, s)
		return nil
	}
	for _, kw := range []string{"anyOf", "oneOf"} {
		if v, ok := m[kw]; ok && isNullForm(v) && onlyAnnotationsBeside(kw, keys) {
			if err := b.nullOr(s, kw, v, m, keys, ptr, name); err != nil {
				return err
			}
			return nil
		}
	}
	// Subschemas are visited in this fixed order (never by ranging over a
	// map): the order decides which of two colliding derived names is
	// numbered (see Build).
	for _, a := range []struct {
		kw  string
		dst *[]*Schema
	}{{"allOf", &s.AllOf}, {"anyOf", &s.AnyOf}, {"oneOf", &s.OneOf}} {
		arr, _ := m[a.kw].([]any)
		for i, sub := range arr {
			n, err := b.node(sub, fmt.Sprintf("%s/%s/%d", ptr, a.kw, i), fmt.Sprintf("%s%s%d", name, naming.Exported(a.kw), i), nil)
			if err != nil {
				return err
			}
			*a.dst = append(*a.dst, n)
		}
	}
	for _, a := range []struct {
		kw  string
		dst **Schema
	}{{"not", &s.Not}, {"if", &s.If}, {"then", &s.Then}, {"else", &s.Else}} {
		if sub, ok := m[a.kw]; ok {
			n, err := b.node(sub, ptr+"/"+a.kw, name+naming.Exported(a.kw), nil)
			if err != nil {
				return err
			}
			*a.dst = n
		}
	}

	// type
	switch t := m["type"].(type) {
	case string:
		s.Types = []string{t}
	case []any:
		for _, e := range t {
			s.Types = append(s.Types, e.(string))
		}
	}
	for _, t := range s.Types {
		if t == TypeNull {
			s.Nullable = true
		}
	}
	if s.Types == nil {
		s.Nullable = true
	}
	if e, ok := m["enum"].([]any); ok && !slices.Contains(e, nil) {
		s.Nullable = false
	}
	if c, ok := m["const"]; ok && c != nil {
		s.Nullable = false
	}

	if e, ok := m["enum"].([]any); ok {
		s.Enum = e
		for i, v := range e {
			if v == EnumSentinel {
				s.Evolvable, s.SentinelIndex = true, i
				break
			}
		}
	}
	if c, ok := m["const"]; ok {
		s.Const = NewValue(c)
	}
	if f, ok := m["format"].(string); ok {
		if !slices.Contains(Formats, f) {
			return &UnsupportedError{Location: b.loc(ptr), Keyword: "format", Detail: fmt.Sprintf("format %q is not asserted by graphshape (supported: %s)", f, strings.Join(Formats, ", "))}
		}
		s.Format = f
	}
	s.MinLength = intKw(m, "minLength")
	s.MaxLength = intKw(m, "maxLength")
	s.MinItems = intKw(m, "minItems")
	s.MaxItems = intKw(m, "maxItems")
	s.UniqueItems, _ = m["uniqueItems"].(bool)
	s.MinProperties = intKw(m, "minProperties")
	s.MaxProperties = intKw(m, "maxProperties")
	if dr, ok := m["dependentRequired"].(map[string]any); ok {
		s.DependentRequired = map[string][]string{}
		for k, v := range dr {
			names := []string{}
			for _, n := range v.([]any) {
				names = append(names, n.(string))
			}
			s.DependentRequired[k] = names
		}
	}
	if p, ok := m["pattern"].(string); ok {
		re, err := regexp.Compile(p)
		if err != nil {
			return &UnsupportedError{Location: b.loc(ptr), Keyword: "pattern", Detail: fmt.Sprintf("pattern %q is not a Go regular expression: %v", p, err)}
		}
		s.Pattern = re
	}
	for _, a := range []struct {
		kw  string
		dst **Number
	}{{"minimum", &s.Minimum}, {"maximum", &s.Maximum}, {"exclusiveMinimum", &s.ExclusiveMinimum}, {"exclusiveMaximum", &s.ExclusiveMaximum}, {"multipleOf", &s.MultipleOf}} {
		if n, ok := m[a.kw].(json.Number); ok {
			r, ok := new(big.Rat).SetString(string(n))
			if !ok {
				return &UnsupportedError{Location: b.loc(ptr), Keyword: a.kw, Detail: fmt.Sprintf("number %s is out of range", n)}
			}
			*a.dst = &Number{Text: string(n), Rat: r}
		}
	}

	// Object keywords.
	if req, ok := m["required"].([]any); ok {
		for _, r := range req {
			s.Required = append(s.Required, r.(string))
		}
	}
	if props, ok := m["properties"].(map[string]any); ok {
		names := make([]string, 0, len(props))
		for k := range props {
			names = append(names, k)
		}
		sort.Strings(names)
		for _, pn := range names {
			p := &Property{JSONName: pn, GoName: naming.Exported(pn), Required: slices.Contains(s.Required, pn)}
			sub, err := b.node(props[pn], ptr+"/properties/"+escape(pn), name+p.GoName, nil)
			if err != nil {
				return err
			}
			p.Schema = sub
			s.Properties = append(s.Properties, p)
		}
	}
	// Required members without a declared schema are properties of any value.
	for _, r := range s.Required {
		if !slices.ContainsFunc(s.Properties, func(p *Property) bool { return p.JSONName == r }) {
			t := true
			any := b.newSchema(ptr + "/required")
			any.Bool, any.Kind, any.Nullable, any.Unconstrained = &t, KindAny, true, true
			s.Properties = append(s.Properties, &Property{JSONName: r, GoName: naming.Exported(r), Required: true, Implicit: true, Schema: any})
		}
	}
	sort.Slice(s.Properties, func(i, j int) bool { return s.Properties[i].JSONName < s.Properties[j].JSONName })
	if pp, ok := m["patternProperties"].(map[string]any); ok {
		pats := make([]string, 0, len(pp))
		for k := range pp {
			pats = append(pats, k)
		}
		sort.Strings(pats)
		for _, p := range pats {
			re, err := regexp.Compile(p)
			if err != nil {
				return &UnsupportedError{Location: b.loc(ptr + "/patternProperties"), Keyword: "patternProperties", Detail: fmt.Sprintf("pattern %q is not a Go regular expression: %v", p, err)}
			}
			sub, err := b.node(pp[p], ptr+"/patternProperties/"+escape(p), name+"Pattern", nil)
			if err != nil {
				return err
			}
			s.PatternProperties = append(s.PatternProperties, &PatternProperty{Pattern: p, Regexp: re, Schema: sub})
		}
	}
	if ap, ok := m["additionalProperties"]; ok {
		sub, err := b.node(ap, ptr+"/additionalProperties", name+"Value", nil)
		if err != nil {
			return err
		}
		s.Additional = sub
	}
	if pi, ok := m["prefixItems"].([]any); ok {
		for i, it := range pi {
			sub, err := b.node(it, fmt.Sprintf("%s/prefixItems/%d", ptr, i), fmt.Sprintf("%sPrefix%d", name, i), nil)
			if err != nil {
				return err
			}
			s.PrefixItems = append(s.PrefixItems, sub)
		}
	}
	if c, ok := m["contains"]; ok {
		sub, err := b.node(c, ptr+"/contains", name+"Contains", nil)
		if err != nil {
			return err
		}
		s.Contains = sub
	}
	s.MinContains = intKw(m, "minContains")
	s.MaxContains = intKw(m, "maxContains")
	if it, ok := m["items"]; ok {
		sub, err := b.node(it, ptr+"/items", name+"Item", nil)
		if err != nil {
			return err
		}
		s.Items = sub
	}

	s.Kind = kindOf(s)
	switch s.Kind {
	case KindInteger:
		s.GoInt32 = fitsInt32(s)
	case KindObject:
		if err := b.objectNames(s, ptr); err != nil {
			return err
		}
	case KindEnum:
		if _, named := b.types[ptr]; self == nil && named {
			break // the named type at ptr claimed the member names
		}
		if err := b.enumNames(s, ptr, name, self); err != nil {
			return err
		}
	}
	if (s.Kind == KindObject || s.Kind == KindEnum) && self == nil {
		if t, ok := b.types[ptr]; ok {
			// A $ref reached this location first and made it a named type:
			// this node is that type, not a second one of the same name.
			s.Named = t
			return nil
		}
		t, err := b.declare(name, ptr)
		if err != nil {
			return err
		}
		t.Schema = s
		s.Named = t
	}
	return nil
}

// refCycles refuses a named type that is, through $ref and the nullable
// form alone, itself (type A B; type B A): Go has no such type. An array,
// map or object in between is fine.
func (b *builder) refCycles() error {
	for _, t := range b.all {
		chain := []string{"#" + t.Pointer}
		seen := map[*Type]bool{t: true}
		s := t.Schema
		for s != nil {
			if s.NullOr != nil {
				s = s.NullOr
				continue
			}
			if s.Ref == nil {
				break
			}
			chain = append(chain, "#"+s.Ref.Pointer)
			if s.Ref == t {
				return fmt.Errorf("%s: $ref cycle with no object, array or map in between: %s", b.loc(t.Pointer), strings.Join(chain, " -> "))
			}
			if seen[s.Ref] {
				break // a cycle that does not pass through t: reported for its own types
			}
			seen[s.Ref] = true
			s = s.Ref.Schema
		}
	}
	return nil
}

// checkOneOfs checks the nullable oneOf nodes whose branch is a $ref, now
// that the target's kind and nullability are known.
func (b *builder) checkOneOfs() error {
	for _, s := range b.oneOfs {
		switch {
		case s.NullOr.Nullable:
			return &UnsupportedError{Location: b.loc(s.Pointer), Keyword: "oneOf", Detail: "the non-null branch must not accept null (" + "#" + s.NullOr.Ref.Pointer + " does)"}
		case s.NullOr.Kind == KindAny:
			return &UnsupportedError{Location: b.loc(s.Pointer), Keyword: "oneOf", Detail: "the non-null branch must have a single non-null type (" + "#" + s.NullOr.Ref.Pointer + " has not)"}
		}
	}
	return nil
}

// resolve decides, once the kinds of all nodes are settled, what every
// consumer reads: Nullable through $ref, Raw, the Go type, and each
// property's Optional and ReadOnly.
func (b *builder) resolve() {
	nulls := map[*Schema]bool{}
	for _, s := range b.nodes {
		if s.Ref != nil {
			s.Nullable = nullValid(s, nulls)
		}
	}
	for _, s := range b.nodes {
		u := s
		for u.NullOr != nil { // the nullable form may nest
			u = u.NullOr
		}
		s.Raw = u.Ref == nil && (u.Kind == KindAny || u.Kind == KindNull || u.Bool != nil)
	}
	for _, t := range b.all {
		if s := t.Schema; s.Ref == nil && s.NullOr == nil && (s.Kind == KindObject || s.Kind == KindEnum || s.Kind == KindUnion) {
			s.Go = &GoType{Kind: GoNamed, Named: t}
		}
	}
	for _, s := range b.nodes {
		goTypeOf(s)
	}
	for _, s := range b.nodes {
		for _, p := range s.Properties {
			p.Optional = !p.Schema.Raw && (!p.Required || p.Schema.Nullable)
			p.ReadOnly = p.Schema.ReadOnly || p.Schema.NullOr != nil && p.Schema.NullOr.ReadOnly
		}
	}
}

var (
	goRaw     = &GoType{Kind: GoRaw}
	goBool    = &GoType{Kind: GoBool}
	goInt32   = &GoType{Kind: GoInt32}
	goInt64   = &GoType{Kind: GoInt64}
	goFloat64 = &GoType{Kind: GoFloat64}
	goString  = &GoType{Kind: GoString}
	goTime    = &GoType{Kind: GoTime}
)

// IsDateTime reports whether s is a string of format "date-time" and
// nothing else a time.Time could lose: no enum, const, pattern or length
// bound (annotations and nullability may stand beside it).
func IsDateTime(s *Schema) bool {
	return s.Kind == KindString && s.Format == "date-time" && s.Enum == nil && s.Const == nil &&
		s.Pattern == nil && s.MinLength < 0 && s.MaxLength < 0
}

// goTypeOf sets and returns s.Go; Raw must be decided.
func goTypeOf(s *Schema) *GoType {
	if s.Go != nil {
		return s.Go
	}
	u := s
	for u.NullOr != nil {
		u = u.NullOr
	}
	var g *GoType
	switch {
	case u.Ref != nil && u.Ref.Cyclic:
		g = &GoType{Kind: GoPointer, Named: u.Ref}
	case u.Ref != nil:
		g = &GoType{Kind: GoNamed, Named: u.Ref}
	case u.Named != nil:
		g = &GoType{Kind: GoNamed, Named: u.Named}
	case s.Raw:
		g = goRaw
	default:
		switch u.Kind {
		case KindBool:
			g = goBool
		case KindInteger:
			g = goInt64
			if u.GoInt32 {
				g = goInt32
			}
		case KindNumber:
			g = goFloat64
		case KindString:
			g = goString
			if IsDateTime(u) {
				g = goTime
			}
		case KindEnum:
			g = goString
		case KindArray:
			g = elemType(GoSlice, u.Items)
		case KindMap:
			g = elemType(GoMap, u.Additional)
		default:
			g = goRaw
		}
	}
	s.Go = g
	return g
}

func elemType(k GoKind, elem *Schema) *GoType {
	if elem == nil {
		return &GoType{Kind: k, Elem: goRaw}
	}
	return &GoType{Kind: k, Elem: goTypeOf(elem), ElemOptional: elem.Nullable && !elem.Raw}
}

// isNullForm reports whether v is [S, {"type": "null"}] (in either order).
func isNullForm(v any) bool {
	arr, _ := v.([]any)
	isNull := func(x any) bool {
		o, ok := x.(map[string]any)
		t, _ := o["type"].(string)
		return ok && len(o) == 1 && t == TypeNull
	}
	return len(arr) == 2 && isNull(arr[0]) != isNull(arr[1])
}

func onlyAnnotationsBeside(kw string, keys []string) bool {
	for _, k := range keys {
		if k != kw && !annotationSiblings[k] && !strings.HasPrefix(k, "x-") {
			return false
		}
	}
	return true
}

// nullOr handles {"anyOf"|"oneOf": [S, {"type": "null"}]}.
func (b *builder) nullOr(s *Schema, kw string, v any, m map[string]any, keys []string, ptr, name string) error {
	for _, k := range keys {
		if k != kw && !annotationSiblings[k] && !strings.HasPrefix(k, "x-") {
			return &UnsupportedError{Location: b.loc(ptr), Keyword: k, Detail: fmt.Sprintf("only annotations may stand beside %s", kw)}
		}
	}
	arr, _ := v.([]any)
	isNull := func(x any) bool {
		o, ok := x.(map[string]any)
		if !ok || len(o) != 1 {
			return false
		}
		t, _ := o["type"].(string)
		return t == TypeNull
	}
	if len(arr) != 2 || isNull(arr[0]) == isNull(arr[1]) {
		return &UnsupportedError{Location: b.loc(ptr), Keyword: kw, Detail: fmt.Sprintf(`only the nullable form {%q: [S, {"type": "null"}]} is supported`, kw)}
	}
	idx := 0
	if isNull(arr[0]) {
		idx = 1
	}
	inner, err := b.node(arr[idx], fmt.Sprintf("%s/%s/%d", ptr, kw, idx), name, nil)
	if err != nil {
		return err
	}
	if inner.Ref != nil {
		// The target's kind is known once every type is defined.
		if kw == "oneOf" {
			b.oneOfs = append(b.oneOfs, s)
		}
	} else if inner.Bool != nil || inner.Nullable && inner.Kind != KindAny {
		// null would match both branches: for oneOf that is a failure we do
		// not model; for anyOf it is redundant but harmless.
		if kw == "oneOf" {
			return &UnsupportedError{Location: b.loc(ptr), Keyword: kw, Detail: "the non-null branch must not accept null"}
		}
	}
	if inner.Ref == nil && inner.Kind == KindAny && kw == "oneOf" {
		return &UnsupportedError{Location: b.loc(ptr), Keyword: kw, Detail: "the non-null branch must have a single non-null type"}
	}
	s.NullOr, s.NullOrKeyword, s.NullOrIndex = inner, kw, idx
	s.Nullable = true
	b.refs = append(b.refs, s)
	return nil
}

// ValueTypes returns the JSON types a schema without "type" admits
// through its "const" or "enum" alone, when they are scalars of one type
// (null besides it allowed), and whether it found them: {"const": "#x"}
// is a string. Objects and arrays, and mixed enums, give false.
func ValueTypes(s *Schema) ([]string, bool) {
	if s.Types != nil {
		return s.Types, true
	}
	var vals []any
	switch {
	case s.Const != nil:
		vals = []any{s.Const.V}
	case s.Enum != nil:
		vals = s.Enum
	default:
		return nil, false
	}
	typ, null := "", false
	for _, v := range vals {
		var t string
		switch x := v.(type) {
		case nil:
			null = true
			continue
		case bool:
			t = TypeBoolean
		case string:
			t = TypeString
		case json.Number:
			t = TypeNumber
			if _, err := strconv.ParseInt(string(x), 10, 64); err == nil {
				t = TypeInteger
			}
		default:
			return nil, false
		}
		if typ != "" && typ != t {
			if typ == TypeInteger && t == TypeNumber || typ == TypeNumber && t == TypeInteger {
				t = TypeNumber
			} else {
				return nil, false
			}
		}
		typ = t
	}
	if typ == "" {
		return nil, false
	}
	out := []string{typ}
	if null {
		out = append(out, TypeNull)
	}
	return out, true
}

func kindOf(s *Schema) Kind {
	types := s.Types
	if types == nil && s.AllOf == nil && s.AnyOf == nil && s.OneOf == nil && s.Not == nil && s.If == nil {
		types, _ = ValueTypes(s)
	}
	var nonNull []string
	for _, t := range types {
		if t != TypeNull {
			nonNull = append(nonNull, t)
		}
	}
	allStrings := func(nullOK bool) bool {
		if len(s.Enum) == 0 {
			return false
		}
		str := false // an enum of null alone is no string enum
		for _, e := range s.Enum {
			if _, ok := e.(string); ok {
				str = true
				continue
			}
			if e == nil && nullOK {
				continue
			}
			return false
		}
		return str
	}
	switch {
	case len(types) == 0, len(s.PrefixItems) > 0, s.Contains != nil,
		s.AllOf != nil, s.AnyOf != nil, s.OneOf != nil, s.Not != nil, s.If != nil:
		return KindAny
	case len(nonNull) == 0:
		return KindNull
	case len(nonNull) == 2 && slices.Contains(nonNull, TypeInteger) && slices.Contains(nonNull, TypeNumber):
		return KindNumber
	case len(nonNull) > 1:
		return KindAny
	}
	switch nonNull[0] {
	case TypeBoolean:
		return KindBool
	case TypeInteger:
		return KindInteger
	case TypeNumber:
		return KindNumber
	case TypeString:
		if allStrings(s.Nullable) {
			return KindEnum
		}
		return KindString
	case TypeArray:
		return KindArray
	case TypeObject:
		if len(s.Properties) == 0 && len(s.PatternProperties) == 0 && !s.Closed() {
			return KindMap
		}
		return KindObject
	}
	return KindAny
}

func fitsInt32(s *Schema) bool {
	lo := big.NewRat(-1<<31, 1)
	hi := big.NewRat(1<<31-1, 1)
	minOK := s.Minimum != nil && s.Minimum.Rat.Cmp(lo) >= 0 || s.ExclusiveMinimum != nil && s.ExclusiveMinimum.Rat.Cmp(lo) >= 0
	maxOK := s.Maximum != nil && s.Maximum.Rat.Cmp(hi) <= 0 || s.ExclusiveMaximum != nil && s.ExclusiveMaximum.Rat.Cmp(hi) <= 0
	return minOK && maxOK
}

func (b *builder) objectNames(s *Schema, ptr string) error {
	var scope naming.Scope
	for _, r := range reserved {
		if err := scope.Claim(r, "a method every generated type has"); err != nil {
			return err
		}
	}
	for _, p := range s.Properties {
		if err := scope.Claim(p.GoName, b.loc(ptr+"/properties/"+escape(p.JSONName))); err != nil {
			return err
		}
	}
	s.ExtraGoName = "Extra"
	for scope.Taken(s.ExtraGoName) {
		s.ExtraGoName += "_"
	}
	return nil
}

func (b *builder) enumNames(s *Schema, ptr, name string, self *Type) error {
	typeName := name
	if self != nil {
		typeName = self.GoName
	}
	if err := b.scope.Claim(EnumMembersFunc(typeName), "the members function of the enum at "+b.loc(ptr)); err != nil {
		return err
	}
	s.EnumGo = make([]string, len(s.Enum))
	for i, e := range s.Enum {
		if e == nil {
			continue
		}
		c := naming.EnumConst(typeName, e)
		// Two members that name the same constant ("foo\nbar" and
		// "foo\rbar") are told apart by the first free number from 2, in
		// member order, so the names are stable.
		if b.scope.Taken(c) && b.enumConstOf(s.EnumGo[:i], c) {
			base := c
			for n := 2; b.scope.Taken(c); n++ {
				c = base + strconv.Itoa(n)
			}
		}
		if err := b.claim(c, fmt.Sprintf("%s/enum/%d", ptr, i)); err != nil {
			return err
		}
		s.EnumGo[i] = c
	}
	return nil
}

// enumConstOf reports whether c is one of the constants already named for
// the same enum (a collision between its own members, which is renamed,
// unlike one with another type's name, which is refused).
func (b *builder) enumConstOf(named []string, c string) bool {
	return slices.Contains(named, c)
}

// cyclic reports whether t's struct contains t through non-pointer fields.
func cyclic(t *Type) bool {
	seen := map[*Type]bool{}
	var walk func(s *Schema) bool
	walk = func(s *Schema) bool {
		if s == nil {
			return false
		}
		if s.NullOr != nil {
			return walk(s.NullOr)
		}
		if s.Ref != nil {
			if s.Ref == t {
				return true
			}
			if seen[s.Ref] {
				return false
			}
			seen[s.Ref] = true
			return walk(s.Ref.Schema)
		}
		if s.Kind != KindObject {
			return false
		}
		for _, p := range s.Properties {
			if p.Schema.Named == t || walk(p.Schema) {
				return true
			}
		}
		return false
	}
	s := t.Schema
	if s == nil {
		return false
	}
	if s.Ref != nil {
		return walk(s)
	}
	for _, p := range s.Properties {
		if walk(p.Schema) {
			return true
		}
	}
	return false
}

func intKw(m map[string]any, k string) int {
	n, ok := m[k].(json.Number)
	if !ok {
		return -1
	}
	r, ok := new(big.Rat).SetString(string(n))
	if !ok || !r.IsInt() {
		return -1
	}
	if !r.Num().IsInt64() || r.Num().Int64() > math.MaxInt32 {
		return math.MaxInt32 // beyond any length a document can reach (and an int on every platform)
	}
	return int(r.Num().Int64())
}

func escape(s string) string { return pointer.Escape(s) }

func isIdent(s string) bool {
	for i, r := range s {
		if !(r == '_' || 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || i > 0 && '0' <= r && r <= '9') {
			return false
		}
	}
	return s != "" && s[0] >= 'A' && s[0] <= 'Z'
}
