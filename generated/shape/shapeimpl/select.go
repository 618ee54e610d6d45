package shapeimpl

import "strings"

// A $select response ($select=displayName,status) holds only the selected
// properties of each entity, so required properties outside the list are
// absent. The decoder learns the list from Select, set by the caller, or
// else from the document's top-level "@odata.context", whose select list
// Graph writes in parentheses after the entity set
// ("$metadata#security/incidents(displayName,status)/$entity"). The list
// relaxes "required" for the entities only: the root object, or, when the
// root has a "value" member (a collection response), each object item of
// that array. Whether the root is a collection comes from the context
// ("/$entity" ends a single entity's) or, for Select, from a "value"
// member. Selected properties are validated as usual.

// Selection returns the select list the decoding applied and where it came
// from ("option" or "@odata.context"); nil when there was none.
func (d *Decoder) Selection() (names []string, from string) {
	if d.Select != nil {
		return d.Select, "option"
	}
	if d.ctxSelect != nil {
		return d.ctxSelect, "@odata.context"
	}
	return nil, ""
}

// Relaxed returns how many missing required properties the select list
// explained.
func (d *Decoder) Relaxed() int { return d.relaxed }

// rootMember notes the member of the root object whose name NextKey just
// read: a "value" member makes the root a collection, and an
// "@odata.context" with a select list sets the selection.
func (d *Decoder) rootMember(k string) {
	d.inValue = k == "value"
	if d.inValue {
		d.rootList = true
	}
	if k != "@odata.context" || d.Select != nil || d.NoContextSelect {
		return
	}
	// Peek at the string without consuming it; a context with escapes
	// is not a Graph context and selects nothing.
	rest := d.src[d.pos:]
	rest = strings.TrimLeft(rest, " \t\r\n")
	if len(rest) < 2 || rest[0] != '"' {
		return
	}
	end := strings.IndexByte(rest[1:], '"')
	if end < 0 || strings.IndexByte(rest[1:1+end], '\\') >= 0 {
		return
	}
	d.ctxSelect = ContextSelect(rest[1 : 1+end])
	d.ctxEntity = ContextEntity(rest[1 : 1+end])
}

// ContextEntity reports whether an OData context URL describes a single
// entity (it ends in "/$entity"); otherwise it describes a collection.
func ContextEntity(ctx string) bool { return strings.HasSuffix(ctx, "/$entity") }

// ContextSelect returns the select list of an OData context URL: the
// top-level names in the parentheses that end the context, before an
// optional "/$entity" ("$metadata#security/incidents(displayName,status)/$entity"
// gives [displayName status]). It returns nil when the context selects
// every property: no such parentheses, a "*" item, or only expanded
// navigation properties ("incidents(alerts())" is $expand=alerts without
// $select). Parentheses inside the path are key predicates
// ("alerts_v2('da6378')/comments"), and a final group that holds a key
// (a quoted string, a number or name=value) is one too: neither selects.
func ContextSelect(ctx string) []string {
	hash := strings.IndexByte(ctx, '#')
	if hash < 0 {
		return nil
	}
	frag := strings.TrimSuffix(ctx[hash+1:], "/$entity")
	if !strings.HasSuffix(frag, ")") {
		return nil
	}
	// Find the '(' matching the final ')', outside quoted key values.
	depth, open, quoted := 0, -1, false
	for i := len(frag) - 1; i >= 0 && open < 0; i-- {
		switch c := frag[i]; {
		case c == '\'':
			quoted = !quoted
		case quoted:
		case c == ')':
			depth++
		case c == '(':
			depth--
			if depth == 0 {
				open = i
			}
		}
	}
	if open <= 0 {
		return nil
	}
	var names []string
	restricting := false
	inner := frag[open+1 : len(frag)-1]
	depth, start := 0, 0
	for i := 0; i <= len(inner); i++ {
		if i < len(inner) {
			switch inner[i] {
			case '(':
				depth++
				continue
			case ')':
				depth--
				continue
			case ',':
				if depth > 0 {
					continue
				}
			default:
				continue
			}
		}
		item := strings.TrimSpace(inner[start:i])
		start = i + 1
		name, expanded := item, false
		if p := strings.IndexByte(item, '('); p >= 0 {
			name, expanded = item[:p], true
		}
		switch {
		case item == "*":
			return nil
		case name == "" || !selectName(name):
			return nil // a key predicate, or not a select list
		}
		names = append(names, name)
		restricting = restricting || !expanded
	}
	if !restricting {
		return nil
	}
	return names
}

// selectName reports whether s can be a property path of a select list:
// letters, digits, '_', '.', '/', '@' and '$', starting with neither a
// digit nor a quote (those are key values).
func selectName(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z', c == '_', c == '@', c == '$':
		case (c >= '0' && c <= '9' || c == '.' || c == '/') && i > 0:
		default:
			return false
		}
	}
	return true
}

// unselected reports whether the missing required member name of the
// object just closed lies outside the select list of an entity.
func (d *Decoder) unselected(name string) bool {
	list, collection := d.Select, d.rootList
	if list == nil {
		list, collection = d.ctxSelect, !d.ctxEntity
	}
	if list == nil {
		return false
	}
	entity := d.depth == 0 && !collection || d.depth == 2 && d.inValue
	if !entity {
		return false
	}
	for _, n := range list {
		if n == name {
			return false
		}
	}
	return true
}
