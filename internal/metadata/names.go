package metadata

import (
	"bytes"
	"encoding/json"
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/graphshape/graphshape/internal/model"
	"github.com/graphshape/graphshape/internal/pointer"
	"github.com/graphshape/graphshape/schema"
)

// Names is a published list of type names of one Graph version, as the
// msgraph-metadata repository's type-mappings files give them, for when the
// version's CSDL document is not at hand (Graph beta). Each entity and
// complex type may come with its declared (not inherited) property and
// navigation property names, and each enum type with its member names in
// alphabetical order, so member order cannot be checked. Names are full
// names.
type Names struct {
	Entities map[string]*NamedType
	Complex  map[string]*NamedType
	Enums    map[string]*NamedEnum
}

// NamedType is an entity or complex type of a name list. When Detailed is
// false the list gave the name only, and its properties are unknown.
type NamedType struct {
	Detailed             bool
	Properties           []string
	NavigationProperties []string
}

// NamedEnum is an enum type of a name list. When Detailed is false the list
// gave the name only, and its members are unknown.
type NamedEnum struct {
	Detailed bool
	Members  []string
}

// ParseNames parses a name list named name. The document is a JSON object
// with the members "entity", "complex" and "enum"; each is either an array
// of type names, or an object keyed by type name whose values are
// {"properties": [...], "navigationProperties": [...]} (entity and complex)
// or an array of member names (enum). A name without a dot is in namespace.
func ParseNames(name string, data []byte, namespace string) (*Names, error) {
	var top map[string]json.RawMessage
	if err := json.Unmarshal(data, &top); err != nil {
		return nil, fmt.Errorf("names %s: %w", name, err)
	}
	// Repeated members and text that is not UTF-8 are refused, not read
	// silently (the last member kept, bytes replaced by U+FFFD).
	if _, err := schema.Parse(name, data); err != nil {
		return nil, fmt.Errorf("names %s: %w", name, err)
	}
	n := &Names{Entities: map[string]*NamedType{}, Complex: map[string]*NamedType{}, Enums: map[string]*NamedEnum{}}
	full := func(s string) string {
		if strings.Contains(s, ".") || namespace == "" {
			return s
		}
		return namespace + "." + s
	}
	kinds := make([]string, 0, len(top))
	for k := range top {
		kinds = append(kinds, k)
	}
	sort.Strings(kinds)
	for _, kind := range kinds {
		raw := bytes.TrimSpace(top[kind])
		if kind != "entity" && kind != "complex" && kind != "enum" {
			return nil, fmt.Errorf("names %s: unknown member %q (want entity, complex and enum)", name, kind)
		}
		if len(raw) > 0 && raw[0] == '[' {
			var list []string
			if err := json.Unmarshal(raw, &list); err != nil {
				return nil, fmt.Errorf("names %s: %s: %w", name, kind, err)
			}
			for _, s := range list {
				if kind == "enum" {
					n.Enums[full(s)] = &NamedEnum{}
				} else {
					n.byKind(kind)[full(s)] = &NamedType{}
				}
			}
			continue
		}
		if kind == "enum" {
			var m map[string][]string
			if err := json.Unmarshal(raw, &m); err != nil {
				return nil, fmt.Errorf("names %s: %s: %w", name, kind, err)
			}
			for s, members := range m {
				n.Enums[full(s)] = &NamedEnum{Detailed: true, Members: members}
			}
			continue
		}
		var m map[string]struct {
			Properties           []string `json:"properties"`
			NavigationProperties []string `json:"navigationProperties"`
		}
		if err := json.Unmarshal(raw, &m); err != nil {
			return nil, fmt.Errorf("names %s: %s: %w", name, kind, err)
		}
		for s, t := range m {
			n.byKind(kind)[full(s)] = &NamedType{Detailed: true, Properties: t.Properties, NavigationProperties: t.NavigationProperties}
		}
	}
	return n, nil
}

func (n *Names) byKind(kind string) map[string]*NamedType {
	if kind == "entity" {
		return n.Entities
	}
	return n.Complex
}

// CheckNames compares the schema document doc, whose root stands for the
// entity type named entity, with a name list: the entity must be listed; so
// must every $defs entry reached from the root that stands for an enum
// (has an enum keyword) or an object type, in the entity's namespace, as
// the same kind; declared properties and enum members (not their order)
// must match where the list gives them. An open object definition without
// properties that the list lacks is taken for a type of another namespace
// (the lists cover one) and skipped. Findings are sorted as Check sorts
// them.
func CheckNames(n *Names, entity string, res *model.Resource) []Finding {
	d, ok := newSchemaDoc(res, entity)
	c := &namesChecker{checker: checker{doc: d, visited: map[string]string{}}, names: n, ns: namespaceOf(entity)}
	if n == nil {
		c.names = &Names{}
	}
	t, found := c.names.Entities[entity]
	switch {
	case !found:
		what := "not in the entity type names"
		if _, ok := c.names.Complex[entity]; ok {
			what = "a complex type, not an entity type, in the names"
		}
		c.add(ruleEntityNotFound, "", entity, "%s is %s", entity, what)
	case !ok:
		c.add(ruleSchemaUnsupported, "", entity, "the schema root is not a JSON object")
	default:
		c.visited[""] = entity
		c.structured(entity, true, t, res.Root.Schema)
	}
	return sortFindings(c.findings)
}

type namesChecker struct {
	checker
	names *Names
	ns    string
}

func (c *namesChecker) structured(full string, entity bool, t *NamedType, n *model.Schema) {
	ptr := n.Pointer
	if types, _, typed := typesOf(n); typed && !(len(types) == 1 && types[0] == "object") {
		c.add(ruleTypeMismatch, ptr, full, "%s is an object type in the names; the schema allows %s", full, typeList(types))
		return
	}
	schemaProps := c.doc.objectProperties(n)
	if t.Detailed {
		isClosed := n.Closed()
		listed := map[string]bool{}
		check := func(name string, nav bool) {
			listed[name] = true
			if _, ok := schemaProps[name]; ok {
				return
			}
			at, elem := pointer.Append(ptr, "properties", name), full+"/"+name
			switch {
			case !isClosed:
				c.add(rulePropertyMissingOpen, at, elem, "the listed property %s is not in the schema; the object is open, so it passes as additional data", name)
			case nav:
				c.add(ruleNavigationMissing, at, elem, "the listed navigation property %s is not in the closed schema object; $expand=%s responses are rejected", name, name)
			default:
				c.add(rulePropertyMissing, at, elem, "the listed property %s is not in the closed schema object", name)
			}
		}
		if entity && !slices.Contains(t.Properties, "id") {
			check("id", false) // inherited from microsoft.graph.entity, which the lists do not repeat
		}
		for _, p := range t.Properties {
			check(p, false)
		}
		for _, p := range t.NavigationProperties {
			check(p, true)
		}
		req := required(n)
		for _, name := range sortedKeys(schemaProps) {
			if listed[name] {
				continue
			}
			if req[name] {
				c.add(ruleRequiredNotInMetadata, schemaProps[name].Pointer, full, "the schema requires %s, which the names do not list for %s (the lists give declared properties only)", name, full)
			} else {
				c.add(rulePropertyNotInMetadata, schemaProps[name].Pointer, full, "the names list no property %s for %s (the lists give declared properties only)", name, full)
			}
		}
	}
	for _, name := range sortedKeys(schemaProps) {
		s := c.doc.shapeOf(schemaProps[name])
		if s.problem == "" && s.ref == "" && s.typed && len(s.types) == 1 && s.types[0] == "array" {
			if items := s.node.Items; items != nil && items.Bool == nil {
				s = c.doc.shapeOf(items)
			}
		}
		if s.problem != "" {
			c.add(ruleSchemaUnsupported, s.at, full+"/"+name, "%s", s.problem)
			continue
		}
		if s.ref != "" {
			c.definition(s.ref, s.refPtr, s.refNode, full+"/"+name)
		}
	}
}

// definition checks a $defs entry the first time it is reached.
func (c *namesChecker) definition(name, ptr string, n *model.Schema, elem string) {
	if _, ok := c.visited[ptr]; ok {
		return
	}
	full := c.ns + "." + name
	c.visited[ptr] = full
	if members, isEnum := enumMembers(n); isEnum {
		e, ok := c.names.Enums[full]
		if !ok {
			if c.names.Complex[full] != nil || c.names.Entities[full] != nil {
				c.add(ruleTypeMismatch, ptr, full, "the names list %s as an object type; the schema defines an enum", full)
			} else {
				c.add(ruleNameNotInMetadata, ptr, full, "the names list no enum type %s", full)
			}
			return
		}
		if e.Detailed {
			c.members(e.Members, members, pointer.Append(ptr, "enum"), full, false)
		}
		return
	}
	types, _, typed := typesOf(n)
	if typed && !(len(types) == 1 && types[0] == "object") {
		return // a primitive definition, not a type of the names
	}
	if t, ok := c.names.Complex[full]; ok {
		c.structured(full, false, t, n)
		return
	}
	if t, ok := c.names.Entities[full]; ok {
		c.structured(full, true, t, n)
		return
	}
	if c.names.Enums[full] != nil {
		c.add(ruleTypeMismatch, ptr, full, "the names list %s as an enum type; the schema defines an object", full)
		return
	}
	if !n.Closed() && len(c.doc.objectProperties(n)) == 0 {
		return // an open placeholder for a type of another namespace
	}
	c.add(ruleNameNotInMetadata, ptr, full, "the names list no complex or entity type %s (reached from %s)", full, elem)
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
