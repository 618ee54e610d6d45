// Package compat judges a delta.Diff: a fixed list of rules, each with a
// stable kebab-case ID and a level for each direction, turns changes into
// findings. A consumer of responses (the default direction) and a sender of
// requests (PATCH bodies) are hurt by opposite changes: a member that may
// newly be null breaks a reader, a member that newly must be sent breaks a
// writer.
//
// Graph's profile: an enum that has unknownFutureValue is evolvable, so a
// member added to it is compatible (clients map unknown members to the
// sentinel); a member added to an enum without it breaks strict clients;
// removing or re-casing a member breaks.
package compat

import (
	"fmt"

	"github.com/graphshape/graphshape/internal/delta"
	"github.com/graphshape/graphshape/internal/level"
)

// Direction says whose compatibility is judged.
type Direction string

// The directions.
const (
	Response Direction = "response" // a consumer decoding responses
	Request  Direction = "request"  // a sender of request bodies
)

// ParseDirection returns the direction named s.
func ParseDirection(s string) (Direction, error) {
	switch Direction(s) {
	case Response, Request:
		return Direction(s), nil
	}
	return "", fmt.Errorf("unknown direction %q (want response or request)", s)
}

// Rule is one compatibility rule.
type Rule struct {
	ID          string      `json:"id"`
	Response    level.Level `json:"response"` // level for a consumer of responses
	Request     level.Level `json:"request"`  // level for a sender of requests
	Description string      `json:"description"`
	kind        delta.Kind
	when        func(delta.Change) bool // nil: every change of kind
}

// Rules is the fixed rule list, in a stable order.
var Rules = []Rule{
	{ID: "property-removed", kind: delta.PropertyRemoved, Response: level.Breaking, Request: level.Breaking,
		Description: "A property was removed: readers that use it lose it; writers that still send it are rejected where the object is closed."},
	{ID: "property-added-closed", kind: delta.PropertyAdded, when: func(c delta.Change) bool { return c.Old == "true" }, Response: level.Breaking, Request: level.Info,
		Description: "A property was added to an object that was closed: strict readers generated from the old schema reject the new member."},
	{ID: "property-added", kind: delta.PropertyAdded, when: func(c delta.Change) bool { return c.Old != "true" }, Response: level.Info, Request: level.Info,
		Description: "A property was added to an open object: readers keep it as an unknown member."},
	{ID: "property-renamed-case", kind: delta.PropertyRenamedCase, Response: level.Breaking, Request: level.Breaking,
		Description: "A property's name changed case: JSON names are case-sensitive, so it is a removal and an addition."},
	{ID: "type-widened", kind: delta.TypeWidened, Response: level.Breaking, Request: level.Info,
		Description: "A value may now be of more types: readers get values they cannot hold; writers are unaffected."},
	{ID: "type-narrowed", kind: delta.TypeNarrowed, Response: level.Info, Request: level.Breaking,
		Description: "A value may now be of fewer types: readers are unaffected; writers sending the dropped types are rejected."},
	{ID: "type-changed", kind: delta.TypeChanged, Response: level.Breaking, Request: level.Breaking,
		Description: "A value's type changed."},
	{ID: "property-became-nullable", kind: delta.BecameNullable, Response: level.Breaking, Request: level.Info,
		Description: "A value may now be null: readers must handle null."},
	{ID: "property-became-non-nullable", kind: delta.BecameNonNullable, Response: level.Info, Request: level.Breaking,
		Description: "A value may no longer be null: writers that send null to clear it are rejected."},
	{ID: "property-became-required", kind: delta.BecameRequired, Response: level.Info, Request: level.Breaking,
		Description: "A property must now be present: writers that omit it are rejected."},
	{ID: "property-became-optional", kind: delta.BecameOptional, Response: level.Breaking, Request: level.Info,
		Description: "A property may now be absent: readers that rely on it break."},
	{ID: "enum-member-added-evolvable", kind: delta.EnumMemberAdded, when: func(c delta.Change) bool { return c.Evolvable }, Response: level.Info, Request: level.Info,
		Description: "A member was added to an evolvable enum (it has unknownFutureValue): clients that do not know it get the sentinel."},
	{ID: "enum-member-added", kind: delta.EnumMemberAdded, when: func(c delta.Change) bool { return !c.Evolvable }, Response: level.Breaking, Request: level.Info,
		Description: "A member was added to an enum without unknownFutureValue: strict readers reject it."},
	{ID: "enum-member-removed", kind: delta.EnumMemberRemoved, Response: level.Breaking, Request: level.Breaking,
		Description: "A member was removed: writers that send it are rejected, and readers of older data break (Graph treats removal as breaking)."},
	{ID: "enum-casing-changed", kind: delta.EnumMemberRecased, Response: level.Breaking, Request: level.Breaking,
		Description: "A member changed case: enum values are case-sensitive."},
	{ID: "enum-members-reordered", kind: delta.EnumReordered, Response: level.Info, Request: level.Info,
		Description: "Members were reordered: values travel by name, so only generated constant order changes."},
	{ID: "enum-sentinel-removed", kind: delta.EnumSentinelRemoved, Response: level.Breaking, Request: level.Warning,
		Description: "unknownFutureValue was removed: the enum is no longer evolvable, so later additions break readers."},
	{ID: "enum-sentinel-added", kind: delta.EnumSentinelAdded, Response: level.Warning, Request: level.Info,
		Description: "unknownFutureValue was added: readers may now receive the sentinel."},
	{ID: "const-changed", kind: delta.ConstChanged, Response: level.Breaking, Request: level.Breaking,
		Description: "A const value changed."},
	{ID: "format-changed", kind: delta.FormatChanged, Response: level.Warning, Request: level.Warning,
		Description: "A string format changed: values valid before may now fail, or the reverse."},
	{ID: "limit-tightened", kind: delta.LimitTightened, Response: level.Info, Request: level.Breaking,
		Description: "A limit (length, range, items, pattern) accepts fewer values: writers of the dropped values are rejected."},
	{ID: "limit-loosened", kind: delta.LimitLoosened, Response: level.Warning, Request: level.Info,
		Description: "A limit accepts more values: readers may get values they did not expect."},
	{ID: "object-closed", kind: delta.ObjectClosed, Response: level.Info, Request: level.Breaking,
		Description: "An object no longer accepts undeclared members: writers that send extra members are rejected."},
	{ID: "object-opened", kind: delta.ObjectOpened, Response: level.Breaking, Request: level.Info,
		Description: "An object now accepts undeclared members: strict readers generated from the old schema reject them."},
	{ID: "read-only-changed", kind: delta.ReadOnlyChanged, Response: level.Info, Request: level.Warning,
		Description: "readOnly changed: whether writers may send the property."},
	{ID: "description-changed", kind: delta.DescriptionChanged, Response: level.Info, Request: level.Info,
		Description: "A description changed (documentation only)."},
	{ID: "definition-added", kind: delta.TypeAdded, Response: level.Info, Request: level.Info,
		Description: "A $defs entry was added."},
	{ID: "definition-removed", kind: delta.TypeRemoved, Response: level.Warning, Request: level.Warning,
		Description: "A $defs entry was removed: code generated from it disappears."},
}

// Finding is a change judged by a rule.
type Finding struct {
	Rule       string      `json:"rule"`
	Level      level.Level `json:"level"`
	Path       string      `json:"path"`
	OldPointer string      `json:"oldPointer,omitempty"`
	NewPointer string      `json:"newPointer,omitempty"`
	Message    string      `json:"message"`
}

// PointerOf returns the JSON Pointer a finding is allow-listed by: the new
// schema's, else the old schema's.
func (f Finding) PointerOf() string {
	if f.NewPointer != "" {
		return f.NewPointer
	}
	return f.OldPointer
}

// RuleFor returns the rule that judges c.
func RuleFor(c delta.Change) (Rule, bool) {
	for _, r := range Rules {
		if r.kind == c.Kind && (r.when == nil || r.when(c)) {
			return r, true
		}
	}
	return Rule{}, false
}

// Check judges every change of d for dir. A nil d gives no findings.
func Check(d *delta.Diff, dir Direction) []Finding {
	if d == nil {
		return nil
	}
	var out []Finding
	for _, c := range d.Changes {
		r, ok := RuleFor(c)
		if !ok {
			continue
		}
		lv := r.Response
		if dir == Request {
			lv = r.Request
		}
		out = append(out, Finding{Rule: r.ID, Level: lv, Path: c.Path, OldPointer: c.OldPointer, NewPointer: c.NewPointer, Message: message(c)})
	}
	return out
}

func where(p string) string {
	if p == "" {
		return "the root"
	}
	return p
}

// message describes a change in one line.
func message(c delta.Change) string {
	switch c.Kind {
	case delta.PropertyAdded:
		req := ""
		if c.New == "true" {
			req = " (required)"
		}
		return fmt.Sprintf("property %s added%s", c.Path, req)
	case delta.PropertyRemoved:
		return fmt.Sprintf("property %s removed", c.Path)
	case delta.PropertyRenamedCase:
		return fmt.Sprintf("property %q renamed to %q", c.Old, c.New)
	case delta.TypeWidened, delta.TypeNarrowed, delta.TypeChanged:
		return fmt.Sprintf("%s: type %s became %s", where(c.Path), c.Old, c.New)
	case delta.BecameNullable:
		return fmt.Sprintf("%s may now be null", where(c.Path))
	case delta.BecameNonNullable:
		return fmt.Sprintf("%s may no longer be null", where(c.Path))
	case delta.BecameRequired:
		return fmt.Sprintf("%s is now required", c.Path)
	case delta.BecameOptional:
		return fmt.Sprintf("%s is no longer required", c.Path)
	case delta.EnumMemberAdded:
		return fmt.Sprintf("%s: enum member %q added", where(c.Path), c.New)
	case delta.EnumMemberRemoved:
		return fmt.Sprintf("%s: enum member %q removed", where(c.Path), c.Old)
	case delta.EnumMemberRecased:
		return fmt.Sprintf("%s: enum member %q became %q", where(c.Path), c.Old, c.New)
	case delta.EnumReordered:
		return fmt.Sprintf("%s: enum members reordered from %s to %s", where(c.Path), c.Old, c.New)
	case delta.EnumSentinelRemoved:
		return fmt.Sprintf("%s: unknownFutureValue removed; the enum is no longer evolvable", where(c.Path))
	case delta.EnumSentinelAdded:
		return fmt.Sprintf("%s: unknownFutureValue added; the enum became evolvable", where(c.Path))
	case delta.ConstChanged:
		return fmt.Sprintf("%s: const %s became %s", where(c.Path), c.Old, c.New)
	case delta.FormatChanged:
		return fmt.Sprintf("%s: format %q became %q", where(c.Path), c.Old, c.New)
	case delta.LimitTightened, delta.LimitLoosened:
		return fmt.Sprintf("%s: %s %s became %s", where(c.Path), c.Detail, c.Old, c.New)
	case delta.ObjectClosed:
		return fmt.Sprintf("%s: object closed (additionalProperties false)", where(c.Path))
	case delta.ObjectOpened:
		return fmt.Sprintf("%s: object opened (undeclared members allowed)", where(c.Path))
	case delta.ReadOnlyChanged:
		return fmt.Sprintf("%s: readOnly %s became %s", where(c.Path), c.Old, c.New)
	case delta.DescriptionChanged:
		return fmt.Sprintf("%s: description changed", where(c.Path))
	case delta.TypeAdded:
		return fmt.Sprintf("definition %q added", c.Detail)
	case delta.TypeRemoved:
		return fmt.Sprintf("definition %q removed", c.Detail)
	}
	return string(c.Kind) + " at " + where(c.Path)
}
