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
// top-level names in the parentheses after the entity set
// ("$metadata#security/incidents(displayName,status)/$entity" gives
// [displayName status]). It returns nil when the context selects every
// property: no parentheses, a "*" item, or only expanded navigation
// properties ("incidents(alerts())" is $expand=alerts without $select).
func ContextSelect(ctx string) []string {
	hash := strings.IndexByte(ctx, '#')
	if hash < 0 {
		return nil
	}
	frag := ctx[hash+1:]
	open := strings.IndexByte(frag, '(')
	if open < 0 {
		return nil
	}
	var names []string
	restricting := false
	depth, start := 0, open+1
	for i := open; i < len(frag); i++ {
		switch frag[i] {
		case '(':
			depth++
		case ')', ',':
			if frag[i] == ')' {
				depth--
			}
			if depth == 1 && frag[i] == ',' || depth == 0 {
				item := strings.TrimSpace(frag[start:i])
				name, expanded := item, false
				if p := strings.IndexByte(item, '('); p >= 0 {
					name, expanded = item[:p], true
				}
				switch {
				case item == "*":
					return nil
				case name != "":
					names = append(names, name)
					restricting = restricting || !expanded
				}
				start = i + 1
			}
			if depth == 0 {
				if !restricting {
					return nil
				}
				return names
			}
		}
	}
	return nil // unbalanced: not a context this reads
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
