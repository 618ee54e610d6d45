package capture

import (
	"strconv"
	"strings"

	"github.com/graphshape/graphshape/generated/shape"
	"github.com/graphshape/graphshape/generated/shape/shapeimpl"
)

// SelectList returns the $select list of doc's top-level "@odata.context"
// (shapeimpl.ContextSelect), or nil when it has none: a $select response
// holds only the selected properties of each entity, so the required
// properties outside the list are not required. The generated decoders
// apply it themselves; Reference applies it with Unselected.
func SelectList(doc string) []string {
	return shapeimpl.ContextSelect(context(doc))
}

// context returns doc's top-level "@odata.context" string, "" when it has
// none.
func context(doc string) string {
	off, ok := Locate(doc, "/@odata.context", false)
	if !ok {
		return ""
	}
	ctx, err := strconv.Unquote(ValueAt(doc, off))
	if err != nil {
		return ""
	}
	return ctx
}

// SelectEntity reports whether doc's "@odata.context" names a single
// entity (shapeimpl.ContextEntity).
func SelectEntity(doc string) bool {
	return shapeimpl.ContextEntity(context(doc))
}

// Unselected drops from vs the "required" violations that sel explains:
// a missing member of an entity (the root, or an item of a collection
// response's "value" when list is set) that sel leaves out. It is the
// decoders' rule (shapeimpl.Decoder.Missing) for jsonschema v5's output.
func Unselected(vs []shape.Violation, sel []string, list bool) []shape.Violation {
	if sel == nil {
		return vs
	}
	out := vs[:0]
	for _, v := range vs {
		if v.Keyword == "required" && entity(v.InstanceLocation, list) {
			if name, ok := missingName(v.Message); ok && !contains(sel, name) {
				continue
			}
		}
		out = append(out, v)
	}
	return out
}

// entity reports whether an instance location is an entity's.
func entity(ptr string, list bool) bool {
	if !list {
		return ptr == ""
	}
	rest, ok := strings.CutPrefix(ptr, "/value/")
	if !ok {
		return false
	}
	_, err := strconv.Atoi(rest)
	return err == nil
}

// missingName reads the member name out of the message the reference
// adapter (internal/reference) writes for a missing required member.
func missingName(msg string) (string, bool) {
	q, ok := strings.CutPrefix(msg, "missing required property ")
	if !ok {
		return "", false
	}
	name, err := strconv.Unquote(q)
	return name, err == nil
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
