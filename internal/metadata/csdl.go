// Package metadata holds a hand-maintained JSON Schema against Microsoft
// Graph's published CSDL metadata ($metadata, the EDMX documents of the
// msgraph-metadata repository), the source of truth the schema is written
// from.
//
// Parse reads CSDL XML as a stream of tokens (never the whole document at
// once), keeping only the structured types, enum types and schema aliases,
// so a metadata file of tens of megabytes is read in bounded memory. Check
// walks the schema from its root, which stands for an entity type, through
// every $ref it reaches (each $defs entry once), and compares properties,
// types, formats, integer ranges, nullability and enum members (in order)
// with the metadata. Where no CSDL document is at hand (Graph beta), a
// published list of type names (see ParseNames) gives a weaker check with
// CheckNames.
//
// Differences are findings, values with a stable rule ID from Rules, a
// level, a JSON Pointer into the schema and the CSDL element concerned;
// neither Check nor CheckNames returns an error.
package metadata

import (
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"
)

// Kind says what a structured type is. The zero Kind is none of them.
type Kind uint8

const (
	// EntityType is a CSDL EntityType.
	EntityType Kind = iota + 1
	// ComplexType is a CSDL ComplexType.
	ComplexType
)

// String returns "EntityType" or "ComplexType".
func (k Kind) String() string {
	switch k {
	case EntityType:
		return "EntityType"
	case ComplexType:
		return "ComplexType"
	}
	return fmt.Sprintf("Kind(%d)", uint8(k))
}

// Model is what Parse keeps of a CSDL document: its schemas, structured
// types and enum types. Type names are full names (namespace and name),
// with aliases resolved. The zero Model holds no types.
type Model struct {
	Schemas []Schema                   // the Schema elements, in document order
	Types   map[string]*StructuredType // entity and complex types by full name
	Enums   map[string]*EnumType       // enum types by full name

	aliases map[string]string // alias -> namespace, document-wide
}

// Schema is one CSDL Schema element (or an edmx:Include, which also
// declares a namespace's alias).
type Schema struct {
	Namespace string
	Alias     string // "" when the schema declares none
	Included  bool   // declared by edmx:Include: its types are not in the document
}

// StructuredType is an EntityType or a ComplexType with its declared
// properties. Inherited properties are not repeated here: see
// Model.AllProperties.
type StructuredType struct {
	Kind      Kind
	FullName  string // namespace and name, e.g. "microsoft.graph.security.incident"
	Name      string // the simple name, e.g. "incident"
	Namespace string
	BaseType  string // the base type's full name, aliases resolved; "" when none
	Abstract  bool
	OpenType  bool

	Properties           []Property // structural properties, in document order
	NavigationProperties []Property // navigation properties, in document order
}

// Property is a structural or navigation property.
type Property struct {
	Name       string
	Type       string // the full type name, aliases resolved; for Collection(T), T
	Collection bool   // the property's type is Collection(Type)
	Nullable   bool   // CSDL Nullable; true when the attribute is absent
}

// TypeString returns the property's type as CSDL writes it, with the full
// name: "Edm.String", "Collection(microsoft.graph.security.alert)".
func (p Property) TypeString() string {
	if p.Collection {
		return "Collection(" + p.Type + ")"
	}
	return p.Type
}

// EnumType is a CSDL EnumType with its members in declared order.
type EnumType struct {
	FullName       string
	Name           string
	Namespace      string
	UnderlyingType string // "Edm.Int32" when the attribute is absent
	IsFlags        bool
	Members        []Member // in document order
}

// Member is an enum member. When the document gives no Value, Value is the
// previous member's plus one (zero for the first), as CSDL defines.
type Member struct {
	Name  string
	Value int64
}

// ParseError reports CSDL that cannot be read: malformed XML, or an element
// with a missing or invalid attribute. Line and Column are 1-based.
type ParseError struct {
	File   string // the name given to Parse
	Line   int
	Column int
	Offset int64 // byte offset in the input
	Err    error
}

// Error returns "metadata FILE: line L, column C (byte offset O): what".
func (e *ParseError) Error() string {
	return fmt.Sprintf("metadata %s: line %d, column %d (byte offset %d): %v", e.File, e.Line, e.Column, e.Offset, e.Err)
}

// Unwrap returns the underlying error.
func (e *ParseError) Unwrap() error { return e.Err }

// Graph's main namespace and the alias every Graph document gives it. A
// trimmed document that refers to graph.X without declaring the alias gets
// this one.
const (
	graphNamespace = "microsoft.graph"
	graphAlias     = "graph"
)

// entityBase is the base type of every Graph entity, often absent from
// trimmed metadata: it contributes the key, id.
const entityBase = "microsoft.graph.entity"

// Parse reads a CSDL document (EDMX, or a bare Schema element) from r, named
// name in errors, token by token: it keeps only schemas, structured types
// and enum types, so memory grows with the number of types, not with the
// size of the document (annotations, actions, functions and entity
// containers are skipped). Errors are *ParseError.
//
// The document must be CSDL 4 (edmx:Edmx in the OASIS edmx namespace, or a
// Schema in the OASIS edm namespace); elements in other namespaces are
// skipped. No attribute value, text node or comment may be longer than
// MaxToken bytes (the reader's memory stays bounded), and a BaseType chain
// must not be a cycle.
func Parse(r io.Reader, name string) (*Model, error) {
	lr := &runLimiter{r: r, line: 1}
	p := &parser{
		dec:      xml.NewDecoder(lr),
		lim:      lr,
		name:     name,
		interned: map[string]string{},
		based:    map[string]position{},
		m: &Model{
			Types:   map[string]*StructuredType{},
			Enums:   map[string]*EnumType{},
			aliases: map[string]string{},
		},
	}
	if err := p.run(); err != nil {
		return nil, err
	}
	p.resolve()
	if err := p.cycles(); err != nil {
		return nil, err
	}
	return p.m, nil
}

// The CSDL 4 namespaces (OData Common Schema Definition Language, XML
// representation, version 4.0, sections 3.1 and 4).
const (
	edmxNamespace = "http://docs.oasis-open.org/odata/ns/edmx"
	edmNamespace  = "http://docs.oasis-open.org/odata/ns/edm"
)

// MaxToken is the longest run of input, in bytes, between two '<' that
// Parse accepts: it bounds every attribute value, text node and comment,
// which encoding/xml would otherwise hold whole in memory (several
// copies). Graph's metadata has none longer than a few kilobytes.
const MaxToken = 4 << 20

// runLimiter passes input through, failing once more than MaxToken bytes
// pass without a '<', and keeps the position of the run that began last.
type runLimiter struct {
	r         io.Reader
	off, line int64 // position of the next byte
	run       int64 // bytes since the last '<'
	runOff    int64 // where that run began
	runLine   int64
	err       error
}

// runError is a run of input longer than MaxToken.
type runError struct{ off, line int64 }

func (e *runError) Error() string {
	return fmt.Sprintf("more than %d bytes without markup: an attribute value, text or comment this long is not CSDL", MaxToken)
}

func (l *runLimiter) Read(b []byte) (int, error) {
	if l.err != nil {
		return 0, l.err
	}
	n, err := l.r.Read(b)
	for i := 0; i < n; i++ {
		switch b[i] {
		case '<':
			l.run, l.runOff, l.runLine = 0, l.off+1, l.line
		case '\n':
			l.line++
			l.run++
		default:
			l.run++
		}
		l.off++
		if l.run > MaxToken {
			l.err = &runError{off: l.runOff, line: l.runLine}
			return i, l.err
		}
	}
	return n, err
}

// position is where an element began.
type position struct {
	line, col int
	off       int64
}

// cycles refuses a BaseType chain that returns to a type, naming the
// cycle, at the element of its first type (in sorted order).
func (p *parser) cycles() error {
	names := make([]string, 0, len(p.based))
	for n := range p.based {
		names = append(names, n)
	}
	sort.Strings(names)
	done := map[string]bool{}
	for _, n := range names {
		var chain []string
		at := map[string]int{}
		for cur := p.m.Types[n]; cur != nil && !done[cur.FullName]; cur = p.m.Types[cur.BaseType] {
			if i, seen := at[cur.FullName]; seen {
				ring := chain[i:] // the cycle, started at its least name
				k := 0
				for j, c := range ring {
					if c < ring[k] {
						k = j
					}
				}
				cyc := append(append(append([]string(nil), ring[k:]...), ring[:k]...), ring[k])
				first := ring[k]
				pos := p.based[first]
				return &ParseError{File: p.name, Line: pos.line, Column: pos.col, Offset: pos.off,
					Err: fmt.Errorf("%s %s: BaseType cycle %s", p.m.Types[first].Kind, first, strings.Join(cyc, " -> "))}
			}
			at[cur.FullName] = len(chain)
			chain = append(chain, cur.FullName)
		}
		for _, c := range chain {
			done[c] = true
		}
	}
	return nil
}

type parser struct {
	dec  *xml.Decoder
	lim  *runLimiter
	name string
	m    *Model

	stack    []string // local names of the open elements
	schema   int      // index in m.Schemas of the open Schema, or -1
	typ      *StructuredType
	enum     *EnumType
	next     int64 // the implicit value of the next enum member
	sawRoot  bool
	interned map[string]string   // see intern
	based    map[string]position // where each type with a BaseType is declared
}

func (p *parser) fail(err error) error {
	line, col := p.dec.InputPos()
	return &ParseError{File: p.name, Line: line, Column: col, Offset: p.dec.InputOffset(), Err: err}
}

func (p *parser) failf(format string, args ...any) error {
	return p.fail(fmt.Errorf(format, args...))
}

func (p *parser) run() error {
	p.schema = -1
	for {
		tok, err := p.dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			var se *xml.SyntaxError
			var re *runError
			if errors.As(err, &re) {
				return &ParseError{File: p.name, Line: int(re.line), Column: 1, Offset: re.off, Err: re}
			}
			if errors.As(err, &se) {
				// se.Error() repeats the line; ParseError gives line and column.
				return p.fail(errors.New(strings.TrimPrefix(se.Msg, "xml: ")))
			}
			return p.fail(err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if a, dup := repeatedAttr(t.Attr); dup {
				// XML 1.0 section 3.1, "Unique Att Spec"; encoding/xml does not check it.
				return p.failf("attribute %s repeated in <%s>: XML allows each attribute once", a, t.Name.Local)
			}
			if len(p.stack) > 0 && t.Name.Space != edmNamespace && t.Name.Space != edmxNamespace {
				p.stack = append(p.stack, "") // foreign: skipped with its content
				continue
			}
			if err := p.start(t); err != nil {
				return err
			}
			p.stack = append(p.stack, t.Name.Local)
		case xml.EndElement:
			if p.parent() != "" {
				p.end(t)
			}
			p.stack = p.stack[:len(p.stack)-1]
		}
	}
	if !p.sawRoot {
		return p.fail(errors.New("no CSDL: the document has no edmx:Edmx or Schema element"))
	}
	return nil
}

func (p *parser) parent() string {
	if len(p.stack) == 0 {
		return ""
	}
	return p.stack[len(p.stack)-1]
}

// repeatedAttr returns the first attribute name that attrs repeat (after
// namespace translation), in linear time however many there are.
func repeatedAttr(attrs []xml.Attr) (string, bool) {
	seen := make(map[xml.Name]bool, len(attrs))
	for _, a := range attrs {
		if seen[a.Name] {
			if a.Name.Space != "" {
				return a.Name.Space + " " + a.Name.Local, true
			}
			return a.Name.Local, true
		}
		seen[a.Name] = true
	}
	return "", false
}

func attr(t xml.StartElement, name string) (string, bool) {
	for _, a := range t.Attr {
		if a.Name.Local == name && a.Name.Space == "" {
			return a.Value, true
		}
	}
	return "", false
}

// boolAttr reads an xs:boolean attribute, def when absent.
func (p *parser) boolAttr(t xml.StartElement, name string, def bool) (bool, error) {
	v, ok := attr(t, name)
	if !ok {
		return def, nil
	}
	switch strings.TrimSpace(v) {
	case "true", "1":
		return true, nil
	case "false", "0":
		return false, nil
	}
	return false, p.failf("%s: attribute %s=%q is not a boolean", t.Name.Local, name, v)
}

// internLimit bounds the parser's string cache: names that repeat
// (property names, Edm types, member names) are shared, and the cache is
// emptied when full, so type names that occur once do not pile up in it.
const internLimit = 1 << 14

// intern returns a shared copy of s.
func (p *parser) intern(s string) string {
	if v, ok := p.interned[s]; ok {
		return v
	}
	if len(p.interned) >= internLimit {
		clear(p.interned)
	}
	p.interned[s] = s
	return s
}

func (p *parser) start(t xml.StartElement) error {
	local := t.Name.Local
	if len(p.stack) == 0 {
		switch {
		case local == "Edmx" && t.Name.Space == edmxNamespace, local == "Schema" && t.Name.Space == edmNamespace:
		case local == "Edmx" || local == "Schema":
			return p.failf("no CSDL 4: the root element %s is in the namespace %q, want %s in %q", local, t.Name.Space, local, map[string]string{"Edmx": edmxNamespace, "Schema": edmNamespace}[local])
		default:
			return p.failf("no CSDL: the root element is %s, want edmx:Edmx or Schema", local)
		}
		p.sawRoot = true
	}
	switch local {
	case "Include":
		if p.parent() != "Reference" {
			return nil
		}
		ns, _ := attr(t, "Namespace")
		if ns == "" {
			return p.failf("edmx:Include: missing Namespace")
		}
		alias, _ := attr(t, "Alias")
		p.m.Schemas = append(p.m.Schemas, Schema{Namespace: p.intern(ns), Alias: alias, Included: true})
	case "Schema":
		ns, _ := attr(t, "Namespace")
		if ns == "" {
			return p.failf("Schema: missing Namespace")
		}
		alias, _ := attr(t, "Alias")
		p.m.Schemas = append(p.m.Schemas, Schema{Namespace: p.intern(ns), Alias: alias})
		p.schema = len(p.m.Schemas) - 1
	case "EntityType", "ComplexType":
		if p.parent() != "Schema" {
			return nil
		}
		name, _ := attr(t, "Name")
		if name == "" {
			return p.failf("%s: missing Name", local)
		}
		ns := p.m.Schemas[p.schema].Namespace
		full := ns + "." + name
		if p.declared(full) {
			return p.failf("%s %s: declared twice", local, full)
		}
		st := &StructuredType{Kind: EntityType, FullName: full, Name: full[len(ns)+1:], Namespace: ns}
		if local == "ComplexType" {
			st.Kind = ComplexType
		}
		if b, ok := attr(t, "BaseType"); ok {
			st.BaseType = p.qualify(b, ns, p.m.Schemas[p.schema].Alias)
			line, col := p.dec.InputPos()
			p.based[full] = position{line: line, col: col, off: p.dec.InputOffset()}
		}
		var err error
		if st.Abstract, err = p.boolAttr(t, "Abstract", false); err != nil {
			return err
		}
		if st.OpenType, err = p.boolAttr(t, "OpenType", false); err != nil {
			return err
		}
		p.m.Types[full] = st
		p.typ = st
	case "Property", "NavigationProperty":
		if p.typ == nil || (p.parent() != "EntityType" && p.parent() != "ComplexType") {
			return nil
		}
		name, _ := attr(t, "Name")
		if name == "" {
			return p.failf("%s in %s: missing Name", local, p.typ.FullName)
		}
		typ, _ := attr(t, "Type")
		if typ == "" {
			return p.failf("%s %s/%s: missing Type", local, p.typ.FullName, name)
		}
		pr := Property{Name: p.intern(name)}
		if inner, ok := strings.CutPrefix(typ, "Collection("); ok {
			inner, ok = strings.CutSuffix(inner, ")")
			if !ok || inner == "" {
				return p.failf("%s %s/%s: malformed type %q", local, p.typ.FullName, name, typ)
			}
			pr.Collection, typ = true, inner
		}
		pr.Type = p.qualify(typ, p.typ.Namespace, p.m.Schemas[p.schema].Alias)
		var err error
		if pr.Nullable, err = p.boolAttr(t, "Nullable", true); err != nil {
			return err
		}
		if local == "Property" {
			p.typ.Properties = append(p.typ.Properties, pr)
		} else {
			p.typ.NavigationProperties = append(p.typ.NavigationProperties, pr)
		}
	case "EnumType":
		if p.parent() != "Schema" {
			return nil
		}
		name, _ := attr(t, "Name")
		if name == "" {
			return p.failf("EnumType: missing Name")
		}
		ns := p.m.Schemas[p.schema].Namespace
		full := ns + "." + name
		if p.declared(full) {
			return p.failf("EnumType %s: declared twice", full)
		}
		e := &EnumType{FullName: full, Name: full[len(ns)+1:], Namespace: ns, UnderlyingType: "Edm.Int32"}
		if u, ok := attr(t, "UnderlyingType"); ok {
			e.UnderlyingType = p.qualify(u, ns, "")
		}
		var err error
		if e.IsFlags, err = p.boolAttr(t, "IsFlags", false); err != nil {
			return err
		}
		p.m.Enums[full] = e
		p.enum, p.next = e, 0
	case "Member":
		if p.enum == nil || p.parent() != "EnumType" {
			return nil
		}
		name, _ := attr(t, "Name")
		if name == "" {
			return p.failf("Member in %s: missing Name", p.enum.FullName)
		}
		v := p.next
		if s, ok := attr(t, "Value"); ok {
			n, err := strconv.ParseInt(strings.TrimSpace(s), 10, 64)
			if err != nil {
				return p.failf("Member %s/%s: Value %q is not an integer", p.enum.FullName, name, s)
			}
			v = n
		}
		p.next = v + 1
		p.enum.Members = append(p.enum.Members, Member{Name: p.intern(name), Value: v})
	}
	return nil
}

func (p *parser) declared(full string) bool {
	_, a := p.m.Types[full]
	_, b := p.m.Enums[full]
	return a || b
}

func (p *parser) end(t xml.EndElement) {
	switch t.Name.Local {
	case "Schema":
		p.schema = -1
	case "EntityType", "ComplexType":
		if len(p.stack) >= 2 && p.stack[len(p.stack)-2] == "Schema" {
			p.typ = nil
		}
	case "EnumType":
		if len(p.stack) >= 2 && p.stack[len(p.stack)-2] == "Schema" {
			p.enum = nil
		}
	}
}

// resolve rewrites every type reference to a full name now that every
// alias is known. A Schema's own alias wins over another's (Graph gives
// several schemas the alias "self"); an alias that two schemas share is
// resolved only within each of them.
func (p *parser) resolve() {
	shared := map[string]bool{}
	for _, s := range p.m.Schemas {
		if s.Alias == "" {
			continue
		}
		if ns, ok := p.m.aliases[s.Alias]; ok && ns != s.Namespace {
			shared[s.Alias] = true
		}
		p.m.aliases[s.Alias] = s.Namespace
	}
	for a := range shared {
		delete(p.m.aliases, a)
	}
	if _, ok := p.m.aliases[graphAlias]; !ok && !shared[graphAlias] {
		p.m.aliases[graphAlias] = graphNamespace // Graph's convention, for trimmed documents
	}
	own := map[string]string{} // namespace -> its own alias
	for _, s := range p.m.Schemas {
		if s.Alias != "" && !s.Included {
			own[s.Namespace] = s.Alias
		}
	}
	for _, t := range p.m.Types {
		alias := own[t.Namespace]
		t.BaseType = p.qualify(t.BaseType, t.Namespace, alias)
		for i := range t.Properties {
			t.Properties[i].Type = p.qualify(t.Properties[i].Type, t.Namespace, alias)
		}
		for i := range t.NavigationProperties {
			t.NavigationProperties[i].Type = p.qualify(t.NavigationProperties[i].Type, t.Namespace, alias)
		}
	}
	for _, e := range p.m.Enums {
		e.UnderlyingType = p.qualify(e.UnderlyingType, e.Namespace, own[e.Namespace])
	}
}

// qualify resolves a type name written in the schema of namespace ns (whose
// alias is alias) to a full name. While the document is read only the
// schema's own alias is known; resolve completes the rest.
func (p *parser) qualify(name, ns, alias string) string {
	i := strings.LastIndexByte(name, '.')
	if i < 0 {
		return p.intern(name)
	}
	q := name[:i]
	switch {
	case alias != "" && q == alias:
		return p.intern(ns + name[i:])
	case q == "Edm":
		return p.intern(name)
	}
	if full, ok := p.m.aliases[q]; ok {
		return p.intern(full + name[i:])
	}
	return p.intern(name)
}

// HasSchema reports whether the document has a Schema element for namespace
// ns (an edmx:Include does not count: its types are elsewhere).
func (m *Model) HasSchema(ns string) bool {
	for _, s := range m.Schemas {
		if s.Namespace == ns && !s.Included {
			return true
		}
	}
	return false
}

// Declared is a property together with the type that declares it.
type Declared struct {
	Property
	DeclaringType string // the full name of the type that declares it
	Navigation    bool   // a navigation property
}

// AllProperties returns t's properties, inherited ones first (from the
// root of the base-type chain down), then t's own, structural before
// navigation properties at each level. A base type the document lacks ends
// the chain: microsoft.graph.entity contributes its key, id (Edm.String,
// not nullable); any other is returned as unresolved, as is a base-type
// cycle's first repeated type.
func (m *Model) AllProperties(t *StructuredType) (props []Declared, unresolved string) {
	var chain []*StructuredType
	seen := map[string]bool{}
	for cur := t; cur != nil; {
		if seen[cur.FullName] {
			unresolved = cur.FullName
			break
		}
		seen[cur.FullName] = true
		chain = append(chain, cur)
		if cur.BaseType == "" {
			break
		}
		next, ok := m.Types[cur.BaseType]
		if !ok {
			if cur.BaseType == entityBase {
				props = append(props, Declared{Property: Property{Name: "id", Type: "Edm.String"}, DeclaringType: entityBase})
			} else {
				unresolved = cur.BaseType
			}
			break
		}
		cur = next
	}
	for i := len(chain) - 1; i >= 0; i-- {
		c := chain[i]
		for _, pr := range c.Properties {
			props = append(props, Declared{Property: pr, DeclaringType: c.FullName})
		}
		for _, pr := range c.NavigationProperties {
			props = append(props, Declared{Property: pr, DeclaringType: c.FullName, Navigation: true})
		}
	}
	return props, unresolved
}

// Derived returns the full names of the structured types that derive,
// directly or not, from the type named base, sorted.
func (m *Model) Derived(base string) []string {
	children := map[string][]string{}
	for name, t := range m.Types {
		if t.BaseType != "" {
			children[t.BaseType] = append(children[t.BaseType], name)
		}
	}
	var out []string
	seen := map[string]bool{base: true}
	queue := []string{base}
	for len(queue) > 0 {
		n := queue[0]
		queue = queue[1:]
		for _, c := range children[n] {
			if !seen[c] {
				seen[c] = true
				out = append(out, c)
				queue = append(queue, c)
			}
		}
	}
	sort.Strings(out)
	return out
}
