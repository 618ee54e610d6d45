// Package delta compares two schema models structurally and returns the
// differences as data: what changed, where (a logical instance path and
// the JSON Pointer into each schema), from what to what. It judges nothing;
// package compat holds the rules that decide what a change means.
package delta

import (
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/graphshape/graphshape/internal/model"
	"github.com/graphshape/graphshape/internal/pointer"
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
	EnumSentinelMoved   Kind = "enum-sentinel-moved"
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
	// DerivedTypeAdded and DerivedTypeRemoved are a branch added to or
	// removed from a discriminated union (a base type's oneOf whose
	// branches each fix @odata.type with const); Detail is the branch's
	// @odata.type (model.Union). An object that becomes a union counts as
	// its default (or base) branch, with the other branches added.
	DerivedTypeAdded   Kind = "derived-type-added"
	DerivedTypeRemoved Kind = "derived-type-removed"
)

// Change is one difference. Besides where it is, a change carries the
// facts the compatibility rules judge by as typed fields; each field's
// comment names the kinds that set it, and it is the zero value on every
// other kind.
type Change struct {
	Kind Kind `json:"kind"`
	// Path is the instance path (a JSON Pointer into the instance, with
	// "*" as the token for array items and map values), or "#" and the
	// schema pointer for a definition ("#/$defs/x"). "" is the root.
	Path       string `json:"path"`
	OldPointer string `json:"oldPointer,omitempty"` // JSON Pointer into the old schema; "" when the change has no old side
	NewPointer string `json:"newPointer,omitempty"` // JSON Pointer into the new schema; "" when the change has no new side
	Detail     string `json:"detail,omitempty"`     // the keyword (limits), member (enums), property or definition name
	Old        string `json:"old,omitempty"`        // the old value as text: type set, member, limit, format, const, pattern
	New        string `json:"new,omitempty"`        // the new value as text, likewise

	// Closed: for property-added, the old object forbade undeclared
	// members (so strict old readers reject the new one); for
	// property-removed, the new object forbids them (so writers still
	// sending it are rejected).
	Closed bool `json:"closed,omitempty"`
	// Required: property-added, the new property is in "required".
	Required bool `json:"required,omitempty"`
	// Nullable: property-added, the new property admits null.
	Nullable bool `json:"nullable,omitempty"`
	// Defaulted: property-added, the new property has a "default", or is
	// an array (Graph collections are never null and read as empty when
	// absent).
	Defaulted bool `json:"defaulted,omitempty"`
	// ReadOnly: read-only-changed, the new readOnly value.
	ReadOnly bool `json:"readOnly,omitempty"`

	// Evolvable: enum changes, the new enum has the sentinel
	// unknownFutureValue.
	Evolvable bool `json:"evolvable,omitempty"`
	// BeforeSentinel: enum-member-added, the member sits before the new
	// enum's sentinel (Graph forbids that: "New values MUST not be
	// inserted into the enum before unknownFutureValue").
	BeforeSentinel bool `json:"beforeSentinel,omitempty"`
	// OldMembers and NewMembers: enum changes, the members of each enum
	// in order (as text: strings as they are, other values as JSON).
	OldMembers []string `json:"oldMembers,omitempty"`
	NewMembers []string `json:"newMembers,omitempty"`
}

// Sentinel is the member that makes a Graph enum evolvable (model.EnumSentinel).
const Sentinel = model.EnumSentinel

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
	d.derived(p, ta, tb)
	ta, tb = unionView(ta), unionView(tb)
	ap, bp := ta.Pointer, tb.Pointer
	if na, nb := a.Nullable, b.Nullable; na != nb {
		k := BecameNullable
		if !nb {
			k = BecameNonNullable
		}
		d.add(Change{Kind: k, Path: p, OldPointer: a.Pointer, NewPointer: b.Pointer})
	}
	if sa, sb := typeSet(ta), typeSet(tb); !slices.Equal(sa, sb) {
		k := TypeChanged
		switch {
		case covers(sb, sa):
			k = TypeWidened
		case covers(sa, sb):
			k = TypeNarrowed
		}
		d.add(Change{Kind: k, Path: p, OldPointer: ap, NewPointer: bp, Old: strings.Join(sa, "|"), New: strings.Join(sb, "|")})
	}
	if (a.ReadOnly || ta.ReadOnly) != (b.ReadOnly || tb.ReadOnly) {
		d.add(Change{Kind: ReadOnlyChanged, Path: p, OldPointer: a.Pointer, NewPointer: b.Pointer, ReadOnly: b.ReadOnly || tb.ReadOnly})
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
	if ta.Sealed() != tb.Sealed() {
		k := ObjectOpened
		if tb.Sealed() {
			k = ObjectClosed
		}
		d.add(Change{Kind: k, Path: p, OldPointer: ap, NewPointer: bp})
	}
	d.properties(p, ta, tb)
	if ta.Items != nil && tb.Items != nil {
		d.schema(pointer.Append(p, "*"), ta.Items, tb.Items, true, true)
	}
	if ta.Kind == model.KindMap && tb.Kind == model.KindMap && ta.Additional != nil && tb.Additional != nil {
		d.schema(pointer.Append(p, "*"), ta.Additional, tb.Additional, false, false)
	}
}

// unionView is the schema a union is compared as: its default branch (the
// type an absent discriminator chooses), else its base; s itself otherwise.
func unionView(s *model.Schema) *model.Schema {
	u := s.Union
	switch {
	case u == nil:
		return s
	case u.Default != nil && u.Default.Type.Schema != nil:
		return u.Default.Type.Schema
	case u.Base != nil && u.Base.Schema != nil:
		return u.Base.Schema
	}
	return s
}

// branchValues returns the discriminator values a schema stands for: a
// union's branches, or an object's own const of the discriminator prop.
func branchValues(s *model.Schema, prop string) map[string]bool {
	out := map[string]bool{}
	if u := s.Union; u != nil {
		for _, br := range u.Branches {
			out[br.Value] = true
		}
		return out
	}
	for _, pr := range s.Properties {
		if pr.JSONName == prop && pr.Schema.Target().Const != nil {
			if v, ok := pr.Schema.Target().Const.V.(string); ok {
				out[v] = true
			}
		}
	}
	return out
}

// derived reports the branches added to or removed from a discriminated
// union at p (an object that becomes a union keeps its own type).
func (d *differ) derived(p string, a, b *model.Schema) {
	if a.Union == nil && b.Union == nil {
		return
	}
	prop := "@odata.type"
	for _, u := range []*model.Union{a.Union, b.Union} {
		if u != nil {
			prop = u.Property
		}
	}
	av, bv := branchValues(a, prop), branchValues(b, prop)
	for _, v := range sortedSet(bv) {
		if !av[v] {
			d.add(Change{Kind: DerivedTypeAdded, Path: p, OldPointer: a.Pointer, NewPointer: b.Pointer, Detail: v})
		}
	}
	for _, v := range sortedSet(av) {
		if !bv[v] {
			d.add(Change{Kind: DerivedTypeRemoved, Path: p, OldPointer: a.Pointer, NewPointer: b.Pointer, Detail: v})
		}
	}
}

func sortedSet(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
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
	addedNames := make([]string, len(added))
	byFold := map[string][]int{}
	for j, n := range added {
		addedNames[j] = n.JSONName
		byFold[strings.ToLower(n.JSONName)] = append(byFold[strings.ToLower(n.JSONName)], j)
	}
	paired := make([]bool, len(added))
	var gone []*model.Property
	for _, r := range removed {
		j, ok := firstUnpaired(byFold[strings.ToLower(r.JSONName)], paired, addedNames, r.JSONName)
		if !ok {
			gone = append(gone, r)
			continue
		}
		paired[j] = true
		n := added[j]
		d.add(Change{Kind: PropertyRenamedCase, Path: pointer.Append(p, r.JSONName), OldPointer: r.Schema.Pointer, NewPointer: n.Schema.Pointer, Old: r.JSONName, New: n.JSONName})
	}
	removed = gone
	var fresh []*model.Property
	for j, n := range added {
		if !paired[j] {
			fresh = append(fresh, n)
		}
	}
	added = fresh
	for _, r := range removed {
		d.add(Change{Kind: PropertyRemoved, Path: pointer.Append(p, r.JSONName), OldPointer: r.Schema.Pointer, Detail: r.JSONName, Closed: b.Sealed()})
	}
	for _, n := range added {
		d.add(Change{Kind: PropertyAdded, Path: pointer.Append(p, n.JSONName), NewPointer: n.Schema.Pointer, Detail: n.JSONName,
			Closed: a.Sealed(), Required: n.Required, Nullable: n.Schema.Nullable, Defaulted: defaulted(n.Schema)})
	}
	for _, pa := range a.Properties {
		pb, ok := bm[pa.JSONName]
		if !ok {
			continue
		}
		path := pointer.Append(p, pa.JSONName)
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

// defaulted reports whether an absent value of s reads as a value: s (or
// its target) has a default, or is an array.
func defaulted(s *model.Schema) bool {
	t := s.Target()
	return s.Default != nil || t.Default != nil || t.Kind == model.KindArray
}

func members(s *model.Schema) []string {
	var out []string
	for _, m := range s.Enum {
		if str, ok := m.(string); ok {
			out = append(out, str)
		} else {
			out = append(out, model.NewValue(m).JSON)
		}
	}
	return out
}

func (d *differ) enum(p string, a, b *model.Schema) {
	if a.Enum == nil && b.Enum == nil {
		return
	}
	am, bm := members(a), members(b)
	oldEvolvable := a.Evolvable
	evolvable, newSentinel := b.Evolvable, b.SentinelIndex
	base := Change{Path: p, OldPointer: pointer.Append(a.Pointer, "enum"), NewPointer: pointer.Append(b.Pointer, "enum"), Evolvable: evolvable, OldMembers: am, NewMembers: bm}
	with := func(k Kind, detail, old, new string) Change {
		c := base
		c.Kind, c.Detail, c.Old, c.New = k, detail, old, new
		return c
	}
	if oldEvolvable && !evolvable {
		d.add(with(EnumSentinelRemoved, Sentinel, "", ""))
	}
	if !oldEvolvable && evolvable {
		d.add(with(EnumSentinelAdded, Sentinel, "", ""))
	}
	inA, inB := indexOf(am), indexOf(bm)
	var removed, added []string
	for _, m := range am {
		if _, ok := inB[m]; !ok {
			removed = append(removed, m)
		}
	}
	for _, m := range bm {
		if _, ok := inA[m]; !ok {
			added = append(added, m)
		}
	}
	// A removed member and an added one that differ only in case: the
	// member was re-cased. Each added member pairs with one removed member.
	paired := make([]bool, len(added))
	byFold := map[string][]int{}
	for i, n := range added {
		byFold[strings.ToLower(n)] = append(byFold[strings.ToLower(n)], i)
	}
	for _, r := range removed {
		if i, ok := firstUnpaired(byFold[strings.ToLower(r)], paired, added, r); ok {
			paired[i] = true
			d.add(with(EnumMemberRecased, r, r, added[i]))
			continue
		}
		if r != Sentinel {
			d.add(with(EnumMemberRemoved, r, r, ""))
		}
	}
	for i, n := range added {
		if n != Sentinel && !paired[i] {
			c := with(EnumMemberAdded, n, "", n)
			c.BeforeSentinel = evolvable && inB[n] < newSentinel
			d.add(c)
		}
	}
	// Order of the members both have.
	var ca, cb []string
	for _, m := range am {
		if _, ok := inB[m]; ok {
			ca = append(ca, m)
		}
	}
	for _, m := range bm {
		if _, ok := inA[m]; ok {
			cb = append(cb, m)
		}
	}
	if !slices.Equal(ca, cb) {
		d.add(with(EnumReordered, "", strings.Join(ca, ","), strings.Join(cb, ",")))
	}
	// The sentinel's position among the members both have: inserting or
	// removing a member before it is judged as that, not as a move.
	if oldEvolvable && evolvable {
		if i, j := slices.Index(ca, Sentinel), slices.Index(cb, Sentinel); i != j {
			d.add(with(EnumSentinelMoved, Sentinel, strconv.Itoa(i), strconv.Itoa(j)))
		}
	}
}

// indexOf maps each member to its first index.
func indexOf(members []string) map[string]int {
	m := make(map[string]int, len(members))
	for i, x := range members {
		if _, ok := m[x]; !ok {
			m[x] = i
		}
	}
	return m
}

// firstUnpaired returns the first candidate index not yet paired whose
// member equals r under Unicode case folding.
func firstUnpaired(candidates []int, paired []bool, added []string, r string) (int, bool) {
	for _, i := range candidates {
		if !paired[i] && strings.EqualFold(added[i], r) {
			return i, true
		}
	}
	return 0, false
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
		d.add(Change{Kind: k, Path: p, OldPointer: pointer.Append(a.Pointer, name), NewPointer: pointer.Append(b.Pointer, name), Detail: name, Old: intText(old), New: intText(new)})
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
		d.add(Change{Kind: k, Path: p, OldPointer: pointer.Append(a.Pointer, name), NewPointer: pointer.Append(b.Pointer, name), Detail: name, Old: numText(old), New: numText(new)})
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
		d.add(Change{Kind: k, Path: p, OldPointer: pointer.Append(a.Pointer, "pattern"), NewPointer: pointer.Append(b.Pointer, "pattern"), Detail: "pattern", Old: pa, New: pb})
	}
}

func intText(n int) string {
	if n < 0 {
		return "none"
	}
	return strconv.Itoa(n)
}

func numText(n *model.Number) string {
	if n == nil {
		return "none"
	}
	return n.Text
}
