// Package delta compares two schema models structurally and returns the
// differences as data: what changed, where (a logical instance path and
// the JSON Pointer into each schema), from what to what. It judges nothing;
// package compat holds the rules that decide what a change means.
package delta

import (
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/graphshape/graphshape/internal/model"
)

// Kind names a kind of change. The values are stable: they appear in JSON.
type Kind string

// The kinds of change.
const (
	PropertyAdded       Kind = "property-added"
	PropertyRemoved     Kind = "property-removed"
	PropertyRenamedCase Kind = "property-renamed-case"
	TypeWidened         Kind = "type-widened"
	TypeNarrowed        Kind = "type-narrowed"
	TypeChanged         Kind = "type-changed"
	BecameNullable      Kind = "became-nullable"
	BecameNonNullable   Kind = "became-non-nullable"
	BecameRequired      Kind = "became-required"
	BecameOptional      Kind = "became-optional"
	EnumMemberAdded     Kind = "enum-member-added"
	EnumMemberRemoved   Kind = "enum-member-removed"
	EnumMemberRecased   Kind = "enum-member-recased"
	EnumReordered       Kind = "enum-members-reordered"
	EnumSentinelRemoved Kind = "enum-sentinel-removed"
	EnumSentinelAdded   Kind = "enum-sentinel-added"
	ConstChanged        Kind = "const-changed"
	FormatChanged       Kind = "format-changed"
	LimitTightened      Kind = "limit-tightened"
	LimitLoosened       Kind = "limit-loosened"
	ObjectClosed        Kind = "object-closed"
	ObjectOpened        Kind = "object-opened"
	ReadOnlyChanged     Kind = "read-only-changed"
	DescriptionChanged  Kind = "description-changed"
	TypeAdded           Kind = "definition-added"
	TypeRemoved         Kind = "definition-removed"
)

// Change is one difference.
type Change struct {
	Kind       Kind   `json:"kind"`
	Path       string `json:"path"`                 // instance path, "/*" for array items and map values; "#/$defs/x" for definitions
	OldPointer string `json:"oldPointer,omitempty"` // JSON Pointer into the old schema
	NewPointer string `json:"newPointer,omitempty"` // JSON Pointer into the new schema
	Detail     string `json:"detail,omitempty"`     // which keyword, member or property
	Old        string `json:"old,omitempty"`        // the old value, as text
	New        string `json:"new,omitempty"`        // the new value, as text
	Evolvable  bool   `json:"evolvable,omitempty"`  // enum changes: the enum has unknownFutureValue
}

// Diff is the list of changes from an old schema to a new one, sorted by
// path, kind and detail. A nil *Diff means no change.
type Diff struct {
	Old     string   `json:"old"` // schema names
	New     string   `json:"new"`
	Changes []Change `json:"changes"`
}

type pair struct{ a, b *model.Schema }

type differ struct {
	out  []Change
	seen map[pair]bool
}

// Compare returns the changes from old to new, or nil when there is none.
func Compare(old, new *model.Resource) *Diff {
	d := &differ{seen: map[pair]bool{}}
	d.schema("", old.Root.Schema, new.Root.Schema, false, false)
	// Definitions present in only one schema.
	oldDefs, newDefs := defs(old), defs(new)
	for _, name := range sortedKeys(oldDefs) {
		t := oldDefs[name]
		if nt, ok := newDefs[name]; ok {
			d.schema("#"+t.Pointer, t.Schema, nt.Schema, false, false)
		} else {
			d.add(Change{Kind: TypeRemoved, Path: "#" + t.Pointer, OldPointer: t.Pointer, Detail: name})
		}
	}
	for _, name := range sortedKeys(newDefs) {
		t := newDefs[name]
		if _, ok := oldDefs[name]; !ok {
			d.add(Change{Kind: TypeAdded, Path: "#" + t.Pointer, NewPointer: t.Pointer, Detail: name})
		}
	}
	if len(d.out) == 0 {
		return nil
	}
	sort.SliceStable(d.out, func(i, j int) bool {
		a, b := d.out[i], d.out[j]
		if a.Path != b.Path {
			return a.Path < b.Path
		}
		if a.Kind != b.Kind {
			return a.Kind < b.Kind
		}
		return a.Detail < b.Detail
	})
	return &Diff{Old: old.Name, New: new.Name, Changes: d.out}
}

func sortedKeys(m map[string]*model.Type) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

func defs(r *model.Resource) map[string]*model.Type {
	m := map[string]*model.Type{}
	for _, t := range r.Types {
		if strings.HasPrefix(t.Pointer, "/$defs/") && strings.Count(t.Pointer, "/") == 2 {
			m[strings.TrimPrefix(t.Pointer, "/$defs/")] = t
		}
	}
	return m
}

func (d *differ) add(c Change) { d.out = append(d.out, c) }

// typeSet returns the non-null JSON types a schema allows ("any" when
// unconstrained), sorted.
func typeSet(s *model.Schema) []string {
	s = s.Target()
	if s.Bool != nil {
		if *s.Bool {
			return []string{"any"}
		}
		return []string{"none"}
	}
	if s.Types == nil {
		return []string{"any"}
	}
	var out []string
	for _, t := range s.Types {
		if t != model.TypeNull {
			out = append(out, t)
		}
	}
	sort.Strings(out)
	return out
}

func covers(big, small []string) bool {
	if slices.Contains(big, "any") {
		return true
	}
	for _, t := range small {
		if !slices.Contains(big, t) && !(t == model.TypeInteger && slices.Contains(big, model.TypeNumber)) {
			return false
		}
	}
	return true
}

// schema compares two schema nodes at instance path p.
func (d *differ) schema(p string, a, b *model.Schema, aReq, bReq bool) {
	if d.seen[pair{a, b}] {
		return
	}
	d.seen[pair{a, b}] = true
	ta, tb := a.Target(), b.Target()
	ap, bp := ta.Pointer, tb.Pointer
	if na, nb := a.Nullable, b.Nullable; na != nb {
		k := BecameNullable
		if !nb {
			k = BecameNonNullable
		}
		d.add(Change{Kind: k, Path: p, OldPointer: a.Pointer, NewPointer: b.Pointer})
	}
	if sa, sb := typeSet(a), typeSet(b); !slices.Equal(sa, sb) {
		k := TypeChanged
		switch {
		case covers(sb, sa):
			k = TypeWidened
		case covers(sa, sb):
			k = TypeNarrowed
		}
		d.add(Change{Kind: k, Path: p, OldPointer: ap, NewPointer: bp, Old: strings.Join(sa, "|"), New: strings.Join(sb, "|")})
	}
	if ta.ReadOnly != tb.ReadOnly || a.ReadOnly != b.ReadOnly {
		d.add(Change{Kind: ReadOnlyChanged, Path: p, OldPointer: a.Pointer, NewPointer: b.Pointer, Old: fmt.Sprint(a.ReadOnly || ta.ReadOnly), New: fmt.Sprint(b.ReadOnly || tb.ReadOnly)})
	}
	if strings.TrimSpace(a.Description) != strings.TrimSpace(b.Description) {
		d.add(Change{Kind: DescriptionChanged, Path: p, OldPointer: a.Pointer, NewPointer: b.Pointer})
	}
	if ta.Format != tb.Format {
		d.add(Change{Kind: FormatChanged, Path: p, OldPointer: ap, NewPointer: bp, Old: ta.Format, New: tb.Format})
	}
	// The structure of a shared target is compared once, at the first
	// instance path that reaches it.
	if d.seen[pair{ta, tb}] && (ta != a || tb != b) {
		return
	}
	d.seen[pair{ta, tb}] = true
	if ca, cb := constText(ta), constText(tb); ca != cb {
		d.add(Change{Kind: ConstChanged, Path: p, OldPointer: ap, NewPointer: bp, Old: ca, New: cb})
	}
	d.enum(p, ta, tb)
	d.limits(p, ta, tb)
	// Objects.
	if ta.Closed() != tb.Closed() {
		k := ObjectOpened
		if tb.Closed() {
			k = ObjectClosed
		}
		d.add(Change{Kind: k, Path: p, OldPointer: ap, NewPointer: bp})
	}
	d.properties(p, ta, tb)
	if ta.Items != nil && tb.Items != nil {
		d.schema(p+"/*", ta.Items, tb.Items, true, true)
	}
	if ta.Kind == model.KindMap && tb.Kind == model.KindMap && ta.Additional != nil && tb.Additional != nil {
		d.schema(p+"/*", ta.Additional, tb.Additional, false, false)
	}
}

func constText(s *model.Schema) string {
	if s.Const == nil {
		return ""
	}
	return s.Const.JSON
}

func (d *differ) properties(p string, a, b *model.Schema) {
	byName := func(s *model.Schema) map[string]*model.Property {
		m := map[string]*model.Property{}
		for _, pr := range s.Properties {
			m[pr.JSONName] = pr
		}
		return m
	}
	am, bm := byName(a), byName(b)
	var removed, added []*model.Property
	for _, pr := range a.Properties {
		if _, ok := bm[pr.JSONName]; !ok {
			removed = append(removed, pr)
		}
	}
	for _, pr := range b.Properties {
		if _, ok := am[pr.JSONName]; !ok {
			added = append(added, pr)
		}
	}
	// A property removed and one added that differ only in case: renamed.
	for i := 0; i < len(removed); i++ {
		for j := 0; j < len(added); j++ {
			if strings.EqualFold(removed[i].JSONName, added[j].JSONName) {
				r, n := removed[i], added[j]
				d.add(Change{Kind: PropertyRenamedCase, Path: p + "/" + r.JSONName, OldPointer: r.Schema.Pointer, NewPointer: n.Schema.Pointer, Old: r.JSONName, New: n.JSONName})
				removed = slices.Delete(removed, i, i+1)
				added = slices.Delete(added, j, j+1)
				i--
				break
			}
		}
	}
	for _, r := range removed {
		d.add(Change{Kind: PropertyRemoved, Path: p + "/" + r.JSONName, OldPointer: r.Schema.Pointer, Detail: r.JSONName, New: fmt.Sprint(b.Closed())})
	}
	for _, n := range added {
		d.add(Change{Kind: PropertyAdded, Path: p + "/" + n.JSONName, NewPointer: n.Schema.Pointer, Detail: n.JSONName, Old: fmt.Sprint(a.Closed()), New: fmt.Sprint(n.Required)})
	}
	for _, pa := range a.Properties {
		pb, ok := bm[pa.JSONName]
		if !ok {
			continue
		}
		path := p + "/" + pa.JSONName
		if pa.Required != pb.Required {
			k := BecameRequired
			if !pb.Required {
				k = BecameOptional
			}
			d.add(Change{Kind: k, Path: path, OldPointer: pa.Schema.Pointer, NewPointer: pb.Schema.Pointer})
		}
		d.schema(path, pa.Schema, pb.Schema, pa.Required, pb.Required)
	}
}

func members(s *model.Schema) []string {
	var out []string
	for _, m := range s.Enum {
		if str, ok := m.(string); ok {
			out = append(out, str)
		} else {
			out = append(out, fmt.Sprint(m))
		}
	}
	return out
}

func (d *differ) enum(p string, a, b *model.Schema) {
	if a.Enum == nil && b.Enum == nil {
		return
	}
	am, bm := members(a), members(b)
	evolvable := b.Evolvable
	base := Change{Path: p, OldPointer: a.Pointer + "/enum", NewPointer: b.Pointer + "/enum", Evolvable: evolvable}
	with := func(k Kind, detail, old, new string) Change {
		c := base
		c.Kind, c.Detail, c.Old, c.New = k, detail, old, new
		return c
	}
	if a.Evolvable && !evolvable {
		d.add(with(EnumSentinelRemoved, model.EnumSentinel, "", ""))
	}
	if !a.Evolvable && evolvable {
		d.add(with(EnumSentinelAdded, model.EnumSentinel, "", ""))
	}
	var removed, added []string
	for _, m := range am {
		if !slices.Contains(bm, m) {
			removed = append(removed, m)
		}
	}
	for _, m := range bm {
		if !slices.Contains(am, m) {
			added = append(added, m)
		}
	}
	for _, r := range removed {
		if i := slices.IndexFunc(added, func(x string) bool { return strings.EqualFold(x, r) }); i >= 0 {
			d.add(with(EnumMemberRecased, r, r, added[i]))
			added = slices.Delete(added, i, i+1)
			continue
		}
		if r != model.EnumSentinel {
			d.add(with(EnumMemberRemoved, r, r, ""))
		}
	}
	for _, n := range added {
		if n != model.EnumSentinel {
			d.add(with(EnumMemberAdded, n, "", n))
		}
	}
	// Order of the members both have.
	var ca, cb []string
	for _, m := range am {
		if slices.Contains(bm, m) {
			ca = append(ca, m)
		}
	}
	for _, m := range bm {
		if slices.Contains(am, m) {
			cb = append(cb, m)
		}
	}
	if !slices.Equal(ca, cb) {
		d.add(with(EnumReordered, "", strings.Join(ca, ","), strings.Join(cb, ",")))
	}
}

// limits compares the numeric and length limits; a tighter limit accepts
// fewer values.
func (d *differ) limits(p string, a, b *model.Schema) {
	lim := func(name string, old, new int, lower bool) {
		if old == new {
			return
		}
		tight := (old < 0 || new >= 0 && (lower && new > old || !lower && new < old))
		k := LimitLoosened
		if tight {
			k = LimitTightened
		}
		d.add(Change{Kind: k, Path: p, OldPointer: a.Pointer + "/" + name, NewPointer: b.Pointer + "/" + name, Detail: name, Old: intText(old), New: intText(new)})
	}
	lim("minLength", a.MinLength, b.MinLength, true)
	lim("maxLength", a.MaxLength, b.MaxLength, false)
	lim("minItems", a.MinItems, b.MinItems, true)
	lim("maxItems", a.MaxItems, b.MaxItems, false)
	num := func(name string, old, new *model.Number, lower bool) {
		switch {
		case old == nil && new == nil:
			return
		case old != nil && new != nil && old.Rat.Cmp(new.Rat) == 0:
			return
		}
		tight := old == nil || new != nil && (lower && new.Rat.Cmp(old.Rat) > 0 || !lower && new.Rat.Cmp(old.Rat) < 0)
		k := LimitLoosened
		if tight {
			k = LimitTightened
		}
		d.add(Change{Kind: k, Path: p, OldPointer: a.Pointer + "/" + name, NewPointer: b.Pointer + "/" + name, Detail: name, Old: numText(old), New: numText(new)})
	}
	num("minimum", a.Minimum, b.Minimum, true)
	num("exclusiveMinimum", a.ExclusiveMinimum, b.ExclusiveMinimum, true)
	num("maximum", a.Maximum, b.Maximum, false)
	num("exclusiveMaximum", a.ExclusiveMaximum, b.ExclusiveMaximum, false)
	pa, pb := "", ""
	if a.Pattern != nil {
		pa = a.Pattern.String()
	}
	if b.Pattern != nil {
		pb = b.Pattern.String()
	}
	if pa != pb {
		k := LimitTightened
		if pb == "" {
			k = LimitLoosened
		}
		d.add(Change{Kind: k, Path: p, OldPointer: a.Pointer + "/pattern", NewPointer: b.Pointer + "/pattern", Detail: "pattern", Old: pa, New: pb})
	}
}

func intText(n int) string {
	if n < 0 {
		return "none"
	}
	return fmt.Sprint(n)
}

func numText(n *model.Number) string {
	if n == nil {
		return "none"
	}
	return n.Text
}
