package shapeimpl

import (
	"slices"
	"strconv"
	"strings"
)

// Discriminator scans the object at the current position for the member
// name, without consuming anything, and returns its value when it is a
// string. The member may stand anywhere in the object; when it is repeated
// the last occurrence counts, as JSON decoders keep it. found is false when
// the value is not an object, the member is absent or not a string, or the
// object is not valid JSON (decoding it then reports the syntax error where
// it stands). Strict decoding takes the member at once when it is the
// object's first (a repeated one is a violation there anyway). Generated
// code calls it to choose the branch of a discriminated union before
// decoding.
func (d *Decoder) Discriminator(name string) (value string, found bool) {
	value, state := d.DiscriminatorState(name)
	return value, state == DiscString
}

// The states of a discriminator member, as DiscriminatorState finds it.
const (
	// DiscString: the member is there and is a string.
	DiscString = iota
	// DiscAbsent: the value is an object without the member.
	DiscAbsent
	// DiscOther: the member is not a string, the value is not an object, or
	// the object is not valid JSON.
	DiscOther
)

// DiscriminatorState is Discriminator telling an absent member (DiscAbsent:
// a union with a default branch decodes that branch) from one that is not
// a string or a value that is no object (DiscOther).
func (d *Decoder) DiscriminatorState(name string) (value string, state int) {
	if d.err != nil || d.peek() != '{' {
		return "", DiscOther
	}
	found, seen := false, false
	pos, depth, last := d.pos, d.depth, d.lastMismatch
	keyLo, keyHi, keyEscaped := d.keyLo, d.keyHi, d.keyEscaped
	rootList, inValue, ctxSelect, ctxEntity := d.rootList, d.inValue, d.ctxSelect, d.ctxEntity
	nv, nt, ns, nf := len(d.violations), len(d.tolerated), len(d.stash), len(d.stack)
	if d.enter() {
		d.pos++
		for i := 0; d.NextKey(i); i++ {
			if d.Key() != name {
				d.Skip()
				continue
			}
			seen = true
			value, found = "", false
			if d.peek() == '"' {
				value, found = d.readString()
				if i == 0 && found && !d.Lenient {
					// The common case (Graph writes @odata.type first): the
					// rest of the object is not scanned. A repeated member
					// is a violation either way, which strict decoding
					// reports when it decodes the branch.
					break
				}
				continue
			}
			d.Skip()
		}
	}
	bad := d.err != nil
	if bad {
		value, found = "", false
	}
	d.pos, d.depth, d.lastMismatch, d.err = pos, depth, last, nil
	d.keyLo, d.keyHi, d.keyEscaped = keyLo, keyHi, keyEscaped
	d.rootList, d.inValue, d.ctxSelect, d.ctxEntity = rootList, inValue, ctxSelect, ctxEntity
	d.violations, d.tolerated, d.stash = d.violations[:nv], d.tolerated[:nt], d.stash[:ns]
	d.stack = d.stack[:nf]
	switch {
	case found:
		return value, DiscString
	case !seen && !bad:
		return "", DiscAbsent
	}
	return "", DiscOther
}

// UnknownBranch handles a value of a discriminated union (keyword "oneOf" or
// "anyOf", discriminator member name) whose discriminator chose no branch:
// value is its value and found whether it had one. Strict decoding reports
// one violation of the union's keyword naming the value, and skips it.
// Lenient decoding records the same point as tolerated and reports true
// when the value is an object the caller can keep (in the union's fallback
// type); otherwise it skips the value and reports false.
func (d *Decoder) UnknownBranch(keyword, name, value string, found bool) bool {
	if d.err != nil {
		return false
	}
	got := d.kindAt()
	var msg string
	switch {
	case got != TObject:
		msg = "got " + kindName(got) + ", want an object with a string member " + strconv.Quote(name)
	case found:
		msg = "unknown " + name + " " + strconv.Quote(value) + ": no " + keyword + " branch has it"
	default:
		msg = "no string member " + strconv.Quote(name) + " to choose a " + keyword + " branch by"
	}
	d.Report(keyword, "/"+keyword, msg)
	if d.Lenient && got == TObject {
		return true
	}
	start := d.pos
	d.Skip()
	d.keep(start)
	return false
}

// Derived describes a derived object (a typed allOf) to the decoder:
// generated code declares one per such type. Own is the rule index of the
// object's own schema, Bases the rule index of each schema merged into it
// (transitively) and Vias the keyword path to each. Unevaluated is the rule
// index of its unevaluatedProperties (-1: none). Names lists the declared
// members in the generated struct's order and Covers, for each, the schemas
// that declare it: bit 0 the object's own, bit i+1 Bases[i].
type Derived struct {
	Own         int
	Bases       []int
	Vias        []string
	Unevaluated int
	Names       []string
	Covers      []uint64
}

// Mark is the decoder's state at the start of a derived object.
type Mark struct {
	nv, nt int    // violations and tolerated points so far
	kw     string // keyword path of the object
}

// Mark records the state at the start of a derived object.
func (d *Decoder) Mark() Mark {
	return Mark{nv: len(d.violations), nt: len(d.tolerated), kw: d.keywordPointer("")}
}

// UndeclaredIn handles the member just read (Key) of the derived object x
// when none of its schemas declares it: it is validated against their
// patternProperties and additionalProperties and, if none of them evaluates
// it, against the object's unevaluatedProperties. The member is returned in
// extra, as sent.
func (d *Decoder) UndeclaredIn(extra map[string]RawValue, rules []Rule, x *Derived) map[string]RawValue {
	k, start := d.undeclaredStart(extra)
	end := -1
	check := func(r *Rule, via string) {
		for _, p := range r.Patterns {
			if p.lit.match(p.Pattern, k) {
				d.pos = start
				d.Enter(k, via+p.kw)
				d.validate(rules, p.Rule)
				d.Leave()
				end = d.pos
			}
		}
		if r.Additional > 0 {
			d.pos = start
			d.Enter(k, via+"/additionalProperties")
			d.validate(rules, r.Additional)
			d.Leave()
			end = d.pos
		}
	}
	check(&rules[x.Own], "")
	for i, b := range x.Bases {
		check(&rules[b], x.Vias[i])
	}
	switch {
	case end >= 0:
		d.pos = end
	case x.Unevaluated >= 0:
		d.Enter(k, "/unevaluatedProperties")
		if r := &rules[x.Unevaluated]; r.Bool != nil && !*r.Bool {
			d.Report("unevaluatedProperties", "", "property "+strconv.Quote(k)+" is not allowed (unevaluatedProperties)")
			d.Skip()
		} else {
			d.validate(rules, x.Unevaluated)
		}
		d.Leave()
	default:
		d.Skip()
	}
	return d.keepExtra(extra, k, start)
}

// CheckUnevaluated finishes a derived object x whose unevaluatedProperties
// is false. A base that failed evaluates nothing (JSON Schema drops the
// annotations of a failing subschema), so a member that only failed bases
// declare, or match with patternProperties or additionalProperties, is
// reported as unevaluated too. seen tells which declared members were
// present; extra holds the others.
func (d *Decoder) CheckUnevaluated(rules []Rule, x *Derived, m Mark, seen []bool, extra map[string]RawValue) {
	if d.err != nil || x.Unevaluated < 0 {
		return
	}
	var failed uint64
	since := append(append([]Violation(nil), d.violations[m.nv:]...), d.tolerated[m.nt:]...)
	for _, v := range since {
		switch v.Keyword {
		case "utf8", "duplicate", "goRange":
			continue // not JSON Schema failures
		}
		for i, via := range x.Vias {
			if strings.HasPrefix(v.KeywordLocation, m.kw+via+"/") {
				failed |= 1 << (i + 1)
			}
		}
	}
	if failed == 0 {
		return
	}
	// A failing base drops the annotations of the bases below it too.
	for i, via := range x.Vias {
		for j, up := range x.Vias {
			if failed&(1<<(j+1)) != 0 && strings.HasPrefix(via, up) {
				failed |= 1 << (i + 1)
			}
		}
	}
	scopes := func(k string, declared uint64) uint64 {
		matches := func(r *Rule) bool {
			if r.Additional > 0 {
				return true
			}
			for _, p := range r.Patterns {
				if p.lit.match(p.Pattern, k) {
					return true
				}
			}
			return false
		}
		if matches(&rules[x.Own]) {
			declared |= 1
		}
		for i, b := range x.Bases {
			if matches(&rules[b]) {
				declared |= 1 << (i + 1)
			}
		}
		return declared
	}
	report := func(k string) {
		d.Enter(k, "/unevaluatedProperties")
		d.Report("unevaluatedProperties", "", "property "+strconv.Quote(k)+" is not allowed (unevaluatedProperties; the base declaring it failed)")
		d.Leave()
	}
	for i, k := range x.Names {
		if seen[i] {
			if sc := scopes(k, x.Covers[i]); sc&^failed == 0 {
				report(k)
			}
		}
	}
	for _, k := range SortedKeys(extra) {
		if slices.Contains(x.Names, k) {
			continue
		}
		if sc := scopes(k, 0); sc != 0 && sc&^failed == 0 {
			report(k)
		}
	}
}

// UnionHolder holds a value of the union type T for code that decodes by
// type name (see the generated SchemaTypes): ShapeDecode stores what Decode
// returns in V.
type UnionHolder[T any] struct {
	V      T
	Decode func(d *Decoder) T
}

// ShapeDecode decodes V with Decode.
func (u *UnionHolder[T]) ShapeDecode(d *Decoder) { u.V = u.Decode(d) }
