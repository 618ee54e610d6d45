package shapeimpl

import (
	"cmp"
	"encoding/json"
	"math/big"
	"regexp"
	"regexp/syntax"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"
)

// RawValue is the text of a JSON value kept as it was sent.
type RawValue = json.RawMessage

// Rule is the compiled form of one schema node's constraints, in a table
// that generated code declares once per package (see CompileRules). Child
// references are indices into the same table; entry 0 is never used, so the
// zero value means "none" and recursion needs no pointers.
type Rule struct {
	Bool   *bool // a boolean schema: true accepts anything, false nothing
	Types  Types // allowed types; 0 means any (no "type" keyword)
	Ref    int   // "$ref": index of the referenced rule
	NullOr int   // nullable form of anyOf/oneOf: index of the non-null branch
	// NullOrKeyword is the keyword path to the non-null branch, e.g. "/anyOf/0".
	NullOrKeyword string

	AllOf []int // index of each subschema
	AnyOf []int
	OneOf []int
	Not   int // index
	If    int
	Then  int
	Else  int

	Enum      []any // members: string, bool, nil, json.Number, []any, map[string]any
	Const     any   // the const value (as Enum's members), when HasConst
	HasConst  bool
	Format    string
	MinLength *int
	MaxLength *int
	Pattern   *regexp.Regexp

	Minimum          *Number
	Maximum          *Number
	ExclusiveMinimum *Number
	ExclusiveMaximum *Number
	MultipleOf       *Number

	Items       int   // index of the items rule (items after PrefixItems)
	PrefixItems []int // index of the rule for each leading item
	Contains    int   // index of the contains rule
	MinContains *int  // default 1 when Contains is set
	MaxContains *int
	MinItems    *int
	MaxItems    *int
	UniqueItems bool

	MinProperties     *int
	MaxProperties     *int
	DependentRequired map[string][]string

	Properties []PropertyRule // sorted by Name
	Required   []string
	Patterns   []PatternRule
	Additional int  // index of the additionalProperties rule (0: any)
	Closed     bool // additionalProperties is false

	lit        *literal // Pattern as a literal, when it is one
	enumCanon  []string
	constCanon string
	constText  string
	constStr   string // Const, when it is a string (constIsStr)
	constIsStr bool
	strMembers []string
}

// PropertyRule is a declared property of an object rule.
type PropertyRule struct {
	Name string
	Rule int // index
	kw   string
}

// PatternRule is one patternProperties entry.
type PatternRule struct {
	Pattern *regexp.Regexp
	Rule    int // index
	kw      string
	lit     *literal
}

// Number is a numeric limit kept exactly.
type Number struct {
	text string
	dec  decimal
	rat  *big.Rat
	i    int64 // the value, when isInt
	// isInt is set when the number is an integer that fits an int64, so
	// checkInt compares integers with it directly.
	isInt bool
}

// Num returns the Number written as text. It panics if text is not a JSON
// number: generated code only passes literals from a compiled schema.
func Num(text string) *Number {
	r, ok := new(big.Rat).SetString(text)
	if !ok {
		panic("shape: invalid number literal " + strconv.Quote(text))
	}
	n := &Number{text: text, dec: parseDecimal(text), rat: r}
	if r.IsInt() && r.Num().IsInt64() {
		n.i, n.isInt = r.Num().Int64(), true
	}
	return n
}

// Int returns a pointer to n, for Rule's optional limits.
func Int(n int) *int { return &n }

// Bool returns a pointer to b, for Rule.Bool.
func Bool(b bool) *bool { return &b }

// CompileRules prepares a rule table for use and returns it. It panics on
// a malformed table, which only a generator bug can produce.
func CompileRules(rules []Rule) []Rule {
	for i := range rules {
		r := &rules[i]
		for _, e := range r.Enum {
			r.enumCanon = append(r.enumCanon, mustCanon(mustJSON(e)))
			if s, ok := e.(string); ok {
				r.strMembers = append(r.strMembers, s)
			}
		}
		if r.HasConst {
			r.constStr, r.constIsStr = r.Const.(string)
			r.constText = mustJSON(r.Const)
			r.constCanon = mustCanon(r.constText)
		}
		for j := range r.Properties {
			r.Properties[j].kw = "/properties/" + EscapePointerToken(r.Properties[j].Name)
		}
		for j := range r.Patterns {
			r.Patterns[j].kw = "/patternProperties/" + EscapePointerToken(r.Patterns[j].Pattern.String())
			r.Patterns[j].lit = literalOf(r.Patterns[j].Pattern)
		}
		if r.Pattern != nil {
			r.lit = literalOf(r.Pattern)
		}
	}
	return rules
}

// literal is a regular expression simple enough to match without the
// regexp machinery: an unanchored plain string (such as "@odata\\."), or
// the anchored form ^prefix[class]+suffix$ (as in
// "^#microsoft\\.graph\\.security\\.[A-Za-z]+Evidence$"), with ASCII classes.
type literal struct {
	text     string
	ok       bool
	anchored bool      // ^prefix class+ suffix$: text is the prefix
	suffix   string    // anchored: the literal after the class
	class    [256]bool // anchored: the bytes of the class
}

// literalOf returns the literal form of re, or nil. LiteralPrefix alone is
// not enough: it reports "^abc$" as the complete literal "abc", dropping the
// anchors, so an unanchored literal must also be its pattern's whole source.
func literalOf(re *regexp.Regexp) *literal {
	if text, complete := re.LiteralPrefix(); complete && regexp.QuoteMeta(text) == re.String() {
		return &literal{text: text, ok: true}
	}
	return anchoredOf(re)
}

// anchoredOf recognises ^prefix[class]+suffix$ or returns nil.
func anchoredOf(re *regexp.Regexp) *literal {
	t, err := syntax.Parse(re.String(), syntax.Perl)
	if err != nil {
		return nil
	}
	t = t.Simplify()
	if t.Op != syntax.OpConcat {
		return nil
	}
	subs := t.Sub
	if len(subs) < 3 || subs[0].Op != syntax.OpBeginText || subs[len(subs)-1].Op != syntax.OpEndText {
		return nil
	}
	subs = subs[1 : len(subs)-1]
	l := &literal{anchored: true}
	lit := func(x *syntax.Regexp) (string, bool) {
		if x.Op != syntax.OpLiteral || x.Flags&syntax.FoldCase != 0 {
			return "", false
		}
		return string(x.Rune), true
	}
	if len(subs) > 0 {
		if text, ok := lit(subs[0]); ok {
			l.text, subs = text, subs[1:]
		}
	}
	if len(subs) > 0 {
		if text, ok := lit(subs[len(subs)-1]); ok {
			l.suffix, subs = text, subs[:len(subs)-1]
		}
	}
	if len(subs) != 1 || subs[0].Op != syntax.OpPlus || len(subs[0].Sub) != 1 || subs[0].Sub[0].Op != syntax.OpCharClass {
		return nil
	}
	rs := subs[0].Sub[0].Rune
	for i := 0; i+1 < len(rs); i += 2 {
		if rs[i+1] >= 0x80 {
			return nil
		}
		for c := rs[i]; c <= rs[i+1]; c++ {
			l.class[c] = true
		}
	}
	return l
}

// match reports whether re, whose literal form is l (nil: none), matches s.
func (l *literal) match(re *regexp.Regexp, s string) bool {
	switch {
	case l == nil:
		return re.MatchString(s)
	case l.ok:
		return strings.Contains(s, l.text)
	}
	if len(s) < len(l.text)+1+len(l.suffix) || !strings.HasPrefix(s, l.text) || !strings.HasSuffix(s, l.suffix) {
		return false
	}
	for _, c := range []byte(s[len(l.text) : len(s)-len(l.suffix)]) {
		if !l.class[c] {
			return false
		}
	}
	return true
}

func mustJSON(v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		panic("shape: a rule value cannot be encoded: " + err.Error())
	}
	return string(b)
}

func mustCanon(text string) string {
	c, ok := canonical(text)
	if !ok {
		panic("shape: invalid JSON in rule: " + text)
	}
	return c
}

// EnumMismatch handles string s (from StringView) that matched no member
// of an enum whose members are given. Strict: it reports an "enum"
// violation naming the member s differs from only in case, if any, and
// returns s. Lenient: it returns that member (normalised) or s itself (an
// unknown member, kept), and records what it tolerated. The caller may
// keep what it returns.
func (d *Decoder) EnumMismatch(s string, members []string) string {
	var near string
	for _, m := range members {
		if strings.EqualFold(m, s) {
			near = m
			break
		}
	}
	if d.Lenient {
		if near != "" {
			d.Tolerate("enum", "/enum", "normalised "+strconv.Quote(s)+" to member "+strconv.Quote(near))
			return near
		}
		d.Tolerate("enum", "/enum", "unknown member "+strconv.Quote(s)+" kept as sent")
		return d.keepString(s)
	}
	msg := "value " + strconv.Quote(s) + " is not a member of the enum"
	if near != "" {
		msg += "; the member is " + strconv.Quote(near) + " (the case differs)"
	}
	d.Report("enum", "/enum", msg)
	return d.keepString(s)
}

// Undeclared handles the member named Key whose value is next, in an object
// whose declared properties did not include it: it applies the
// patternProperties and additionalProperties of rules[i], keeps the value in
// extra (whatever the verdict, so no data is lost) and returns extra.
func (d *Decoder) Undeclared(extra map[string]RawValue, rules []Rule, i int) map[string]RawValue {
	k, start := d.undeclaredStart(extra)
	d.undeclared(rules, &rules[i], k, start)
	return d.keepExtra(extra, k, start)
}

// Implicit reads the value of the member named Key that the object's
// "required" names but its "properties" do not declare: it is checked as
// an undeclared member is (the patternProperties and additionalProperties
// of rules[i]) and returned as sent; nil after a syntax error.
func (d *Decoder) Implicit(rules []Rule, i int) RawValue {
	k := d.Key()
	d.peek()
	start := d.pos
	d.undeclared(rules, &rules[i], k, start)
	if d.err != nil {
		return nil
	}
	return d.rawCopy(d.src[start:d.pos])
}

// undeclaredStart returns the name of the undeclared member just read and
// the offset of its value, reporting a repeat of a member extra already
// holds.
func (d *Decoder) undeclaredStart(extra map[string]RawValue) (string, int) {
	k := d.Key()
	d.peek()
	start := d.pos
	if _, dup := extra[k]; dup {
		d.Enter(k, "")
		d.Duplicate()
		d.Leave()
	}
	return k, start
}

// keepExtra stores the member k whose value started at start, as sent, in
// extra and returns extra; nothing after a syntax error.
func (d *Decoder) keepExtra(extra map[string]RawValue, k string, start int) map[string]RawValue {
	if d.err != nil {
		return extra
	}
	if extra == nil {
		extra = map[string]RawValue{}
	}
	extra[d.keepString(k)] = d.rawCopy(d.src[start:d.pos])
	return extra
}

func (d *Decoder) undeclared(rules []Rule, r *Rule, k string, start int) {
	matched := false
	for _, p := range r.Patterns {
		if p.lit.match(p.Pattern, k) {
			matched = true
			d.pos = start
			d.Enter(k, p.kw)
			d.validate(rules, p.Rule)
			d.Leave()
		}
	}
	if matched {
		return
	}
	switch {
	case r.Closed:
		d.Enter(k, "")
		d.Report("additionalProperties", "/additionalProperties", "property "+strconv.Quote(k)+" is not allowed")
		d.Skip()
		d.Leave()
	case r.Additional > 0:
		d.Enter(k, "/additionalProperties")
		d.validate(rules, r.Additional)
		d.Leave()
	default:
		d.Enter(k, "")
		d.Skip()
		d.Leave()
	}
}

// CheckItems applies the array limits of rules[i] to an array of n items
// whose texts are items (needed only for uniqueItems).
func (d *Decoder) CheckItems(rules []Rule, i, n int, items []string) {
	d.checkItems(&rules[i], n, items)
}

func (d *Decoder) checkItems(r *Rule, n int, items []string) {
	if r.MinItems != nil && n < *r.MinItems {
		d.Report("minItems", "/minItems", "array has "+strconv.Itoa(n)+" items, fewer than "+strconv.Itoa(*r.MinItems))
	}
	if r.MaxItems != nil && n > *r.MaxItems {
		d.Report("maxItems", "/maxItems", "array has "+strconv.Itoa(n)+" items, more than "+strconv.Itoa(*r.MaxItems))
	}
	if r.UniqueItems && len(items) > 1 {
		seen := make(map[string]int, len(items))
		for j, it := range items {
			c, _ := canonical(it)
			if k, dup := seen[c]; dup {
				d.Report("uniqueItems", "/uniqueItems", "items "+strconv.Itoa(k)+" and "+strconv.Itoa(j)+" are equal")
				break
			}
			seen[c] = j
		}
	}
}

// CheckEnumConst applies enum and const of rules[i] to the value text.
func (d *Decoder) CheckEnumConst(rules []Rule, i int, text string) {
	d.checkEnumConst(&rules[i], text)
}

func (d *Decoder) checkEnumConst(r *Rule, text string) {
	if r.Enum == nil && !r.HasConst {
		return
	}
	c, ok := canonical(text)
	if !ok {
		return
	}
	if r.HasConst && c != r.constCanon {
		d.Report("const", "/const", "value "+abbrev(text)+" is not the const value "+abbrev(r.constText))
	}
	if r.Enum != nil && !slices.Contains(r.enumCanon, c) {
		msg := "value " + abbrev(text) + " is not a member of the enum"
		var s string
		if json.Unmarshal([]byte(text), &s) == nil {
			for _, m := range r.strMembers {
				if strings.EqualFold(m, s) {
					msg += "; the member is " + strconv.Quote(m) + " (the case differs)"
					break
				}
			}
		}
		d.Report("enum", "/enum", msg)
	}
}

// checkString reports the string constraints of r that s breaks.
func (d *Decoder) checkString(r *Rule, s string) {
	d.checkStringAs(r, s, r.Format == "" || CheckFormat(r.Format, s))
}

// checkStringAs is checkString given whether s has r's format.
func (d *Decoder) checkStringAs(r *Rule, s string, formatOK bool) {
	if r.MinLength != nil || r.MaxLength != nil {
		n := utf8.RuneCountInString(s)
		if r.MinLength != nil && n < *r.MinLength {
			d.Report("minLength", "/minLength", "string has "+strconv.Itoa(n)+" characters, fewer than "+strconv.Itoa(*r.MinLength))
		}
		if r.MaxLength != nil && n > *r.MaxLength {
			d.Report("maxLength", "/maxLength", "string has "+strconv.Itoa(n)+" characters, more than "+strconv.Itoa(*r.MaxLength))
		}
	}
	if r.Pattern != nil && !r.lit.match(r.Pattern, s) {
		d.Report("pattern", "/pattern", "string "+abbrev(strconv.Quote(s))+" does not match the pattern "+strconv.Quote(r.Pattern.String()))
	}
	if !formatOK {
		d.Report("format", "/format", "string "+abbrev(strconv.Quote(s))+" is not a valid "+r.Format)
	}
	if r.Enum != nil || r.HasConst {
		// A string equal to a string member (or const) passes: canonical
		// forms of strings are equal exactly when the strings are. Only
		// other strings need the canonical comparison (and its message).
		if r.HasConst && r.constIsStr && s == r.constStr && r.Enum == nil {
			return
		}
		if r.Enum != nil && slices.Contains(r.strMembers, s) && (!r.HasConst || r.constIsStr && s == r.constStr) {
			return
		}
		d.checkEnumConst(r, string(appendString(nil, s)))
	}
}

func (d *Decoder) checkNumber(r *Rule, text string) {
	if r.Minimum != nil || r.Maximum != nil || r.ExclusiveMinimum != nil || r.ExclusiveMaximum != nil {
		v := parseDecimal(text)
		var c [4]int
		for i, b := range [4]*Number{r.Minimum, r.Maximum, r.ExclusiveMinimum, r.ExclusiveMaximum} {
			if b != nil {
				c[i] = v.cmp(b.dec)
			}
		}
		d.checkBounds(r, text, c)
	}
	d.checkRest(r, text)
}

// checkInt is checkNumber for text, a JSON integer whose value n fits an
// int64: bounds that are such integers too are compared with n, without
// parsing text (a Graph count or score, on every document).
func (d *Decoder) checkInt(r *Rule, n int64, text string) {
	if r.Minimum != nil || r.Maximum != nil || r.ExclusiveMinimum != nil || r.ExclusiveMaximum != nil {
		var c [4]int
		var v decimal
		parsed := false
		for i, b := range [4]*Number{r.Minimum, r.Maximum, r.ExclusiveMinimum, r.ExclusiveMaximum} {
			switch {
			case b == nil:
			case b.isInt:
				c[i] = cmp.Compare(n, b.i)
			default:
				if !parsed {
					v, parsed = parseDecimal(text), true
				}
				c[i] = v.cmp(b.dec)
			}
		}
		d.checkBounds(r, text, c)
	}
	d.checkRest(r, text)
}

// checkBounds reports the bounds of r that the number text breaks; c holds
// its comparisons with minimum, maximum, exclusiveMinimum and
// exclusiveMaximum (-1, 0 or +1; 0 for one r lacks).
func (d *Decoder) checkBounds(r *Rule, text string, c [4]int) {
	if r.Minimum != nil && c[0] < 0 {
		d.Report("minimum", "/minimum", "number "+abbrev(text)+" is less than the minimum "+r.Minimum.text)
	}
	if r.Maximum != nil && c[1] > 0 {
		d.Report("maximum", "/maximum", "number "+abbrev(text)+" is greater than the maximum "+r.Maximum.text)
	}
	if r.ExclusiveMinimum != nil && c[2] <= 0 {
		d.Report("exclusiveMinimum", "/exclusiveMinimum", "number "+abbrev(text)+" is not greater than "+r.ExclusiveMinimum.text)
	}
	if r.ExclusiveMaximum != nil && c[3] >= 0 {
		d.Report("exclusiveMaximum", "/exclusiveMaximum", "number "+abbrev(text)+" is not less than "+r.ExclusiveMaximum.text)
	}
}

// checkRest checks the number text against multipleOf, enum and const.
func (d *Decoder) checkRest(r *Rule, text string) {
	if r.MultipleOf != nil {
		if !isMultiple(text, r.MultipleOf.rat) {
			d.Report("multipleOf", "/multipleOf", "number "+abbrev(text)+" is not a multiple of "+r.MultipleOf.text)
		}
	}
	if r.Enum != nil || r.HasConst {
		d.checkEnumConst(r, text)
	}
}

// maxExactDigits bounds the numbers multipleOf checks exactly; longer
// numbers are converted to float64 first, so hostile input cannot make the
// check quadratic.
const maxExactDigits = 1000

func isMultiple(text string, m *big.Rat) bool {
	var v *big.Rat
	if len(text) <= maxExactDigits {
		var ok bool
		v, ok = new(big.Rat).SetString(text)
		if !ok {
			return false
		}
	} else {
		f, err := strconv.ParseFloat(text, 64)
		if err != nil {
			return false
		}
		v = new(big.Rat)
		if v.SetFloat64(f) == nil {
			return false
		}
	}
	return new(big.Rat).Quo(v, m).IsInt()
}

// validate reads one value and applies rules[i] to it.
func (d *Decoder) validate(rules []Rule, i int) {
	if d.err != nil {
		return
	}
	r := &rules[i]
	if r.Bool != nil {
		if !*r.Bool {
			d.Report("false", "", "no value is allowed here")
		}
		d.Skip()
		return
	}
	if r.Ref > 0 {
		d.PushKeyword("/$ref")
		d.validate(rules, r.Ref)
		d.PopKeyword()
		return
	}
	if r.NullOr > 0 {
		if d.Null() {
			return
		}
		d.PushKeyword(r.NullOrKeyword)
		d.validate(rules, r.NullOr)
		d.PopKeyword()
		return
	}
	if r.AllOf != nil || r.AnyOf != nil || r.OneOf != nil || r.Not > 0 || r.If > 0 {
		d.peek()
		start := d.pos
		d.validateOwn(rules, r)
		if d.err != nil {
			return
		}
		end := d.pos
		d.applicators(rules, r, start)
		d.pos = end
		return
	}
	d.validateOwn(rules, r)
}

// applicators applies allOf, anyOf, oneOf, not and if/then/else of r to the
// value at start, reporting as jsonschema v5 does: the failures of every
// branch when none of anyOf or oneOf passes.
//
// Every subschema's verdict on the value is decided once by passes
// (remembered per value offset and rule, so a recursive anyOf of arrays is
// linear, not exponential, in the document's size); a branch's violations
// are then collected only where they are reported, and only while fewer
// than maxListed have been (the verdict is exact either way).
func (d *Decoder) applicators(rules []Rule, r *Rule, start int) {
	sub := func(kw string, i int) { d.pos = start; d.PushKeyword(kw); d.validate(rules, i); d.PopKeyword() }
	// fail reports that branch i (at kw) failed: its violations, or while
	// probing (only the verdict counts) or beyond maxListed, one violation.
	fail := func(kw, keyword string, i int) {
		if d.probing > 0 || d.listed() >= maxListed {
			d.pos = start
			d.Report(keyword, kw, "the value is not valid against the subschema")
			return
		}
		sub(kw, i)
	}
	for j, a := range r.AllOf {
		kw := "/allOf/" + strconv.Itoa(j)
		if !d.passes(rules, a, start) {
			fail(kw, "allOf", a)
		}
	}
	for _, group := range []struct {
		kw   string
		list []int
	}{{"anyOf", r.AnyOf}, {"oneOf", r.OneOf}} {
		if group.list == nil {
			continue
		}
		passed := 0
		for _, a := range group.list {
			if d.passes(rules, a, start) {
				passed++
			}
		}
		switch {
		case passed == 0 && (d.probing > 0 || d.listed() >= maxListed):
			d.pos = start
			d.Report(group.kw, "/"+group.kw, "the value is valid against none of the subschemas")
		case passed == 0:
			for j, a := range group.list {
				fail("/"+group.kw+"/"+strconv.Itoa(j), group.kw, a)
			}
		case group.kw == "oneOf" && passed > 1:
			d.pos = start
			d.Report("oneOf", "/oneOf", "the value is valid against "+strconv.Itoa(passed)+" subschemas, not exactly one")
		}
	}
	if r.Not > 0 {
		if d.passes(rules, r.Not, start) {
			d.pos = start
			d.Report("not", "/not", "the value is valid against the not subschema")
		}
	}
	if r.If > 0 {
		if d.passes(rules, r.If, start) {
			if r.Then > 0 && !d.passes(rules, r.Then, start) {
				fail("/then", "then", r.Then)
			}
		} else if r.Else > 0 && !d.passes(rules, r.Else, start) {
			fail("/else", "else", r.Else)
		}
	}
}

// maxListed bounds the violations collected from failing applicator
// branches: once a document has this many, a further failing branch is
// reported as one violation at the applicator, not with every failure
// inside it, so the output (and the work) cannot grow exponentially with
// nested anyOf/oneOf/allOf.
const maxListed = 1000

// listed returns how many violations (or tolerated points) are recorded.
func (d *Decoder) listed() int { return len(d.violations) + len(d.tolerated) }

// memoKey names one verdict passes remembers: a rule of a table applied to
// the value starting at an offset.
type memoKey struct {
	table *Rule // the table's first rule
	pos   int
	rule  int
}

// passes reports whether the value at start is valid against rules[i],
// leaving no trace (violations, stashed values, position): the verdict
// depends only on the value and the rule, so it is computed once per
// (offset, rule) and remembered for the rest of the document.
func (d *Decoder) passes(rules []Rule, i, start int) bool {
	key := memoKey{&rules[0], start, i}
	if ok, seen := d.memo[key]; seen {
		return ok
	}
	nv, nt, ns, lm := len(d.violations), len(d.tolerated), len(d.stash), d.lastMismatch
	d.probing++
	d.pos = start
	d.validate(rules, i)
	d.probing--
	ok := len(d.violations) == nv && len(d.tolerated) == nt
	d.violations, d.tolerated, d.stash, d.lastMismatch = d.violations[:nv], d.tolerated[:nt], d.stash[:ns], lm
	if d.err == nil {
		if d.memo == nil {
			d.memo = map[memoKey]bool{}
		}
		d.memo[key] = ok
	}
	return ok
}

// validateOwn applies r's own keywords (not its applicators) to one value.
func (d *Decoder) validateOwn(rules []Rule, r *Rule) {
	k := d.kindAt()
	if k == 0 {
		d.syntax(CauseInvalidCharacter, "expected a JSON value")
		return
	}
	start := d.pos
	if r.Types != 0 && r.Types&k == 0 && k != TNumber {
		d.Mismatch(r.Types)
		return
	}
	switch k {
	case TNumber:
		text, ok := d.readNumber()
		if !ok {
			return
		}
		if r.Types != 0 && r.Types&TNumber == 0 {
			if r.Types&TInteger == 0 || !parseDecimal(text).isInt() {
				d.pos = start
				d.Mismatch(r.Types)
				return
			}
		}
		d.checkNumber(r, text)
	case TString:
		s, ok := d.readString()
		if ok {
			d.checkString(r, s)
		}
	case TObject:
		d.validateObject(rules, r)
		if r.Enum != nil || r.HasConst {
			d.checkEnumConst(r, d.src[start:d.pos])
		}
	case TArray:
		d.validateArray(rules, r)
		if r.Enum != nil || r.HasConst {
			d.checkEnumConst(r, d.src[start:d.pos])
		}
	default:
		d.Skip()
		if d.err == nil && (r.Enum != nil || r.HasConst) {
			d.checkEnumConst(r, d.src[start:d.pos])
		}
	}
}

func (d *Decoder) validateObject(rules []Rule, r *Rule) {
	if !d.enter() {
		return
	}
	d.pos++
	var seen map[string]bool
	for i := 0; d.NextKey(i); i++ {
		k := d.Key()
		if seen == nil {
			seen = map[string]bool{}
		}
		if seen[k] {
			d.Enter(k, "")
			d.Duplicate()
			d.Leave()
		}
		seen[k] = true
		d.peek()
		start := d.pos
		j, found := slices.BinarySearchFunc(r.Properties, k, func(p PropertyRule, k string) int { return strings.Compare(p.Name, k) })
		if found {
			p := r.Properties[j]
			d.Enter(k, p.kw)
			d.validate(rules, p.Rule)
			d.Leave()
			// patternProperties apply to declared members too.
			for _, pp := range r.Patterns {
				if pp.lit.match(pp.Pattern, k) {
					end := d.pos
					d.pos = start
					d.Enter(k, pp.kw)
					d.validate(rules, pp.Rule)
					d.Leave()
					d.pos = end
				}
			}
			continue
		}
		d.undeclared(rules, r, k, start)
	}
	if d.err != nil {
		return
	}
	for _, name := range r.Required {
		if !seen[name] {
			d.Missing(name)
		}
	}
	d.checkMembers(r, len(seen), func(k string) bool { return seen[k] })
}

// CheckMembers applies minProperties, maxProperties and dependentRequired
// of rules[i] to an object of n members; has tells whether a member is
// present.
func (d *Decoder) CheckMembers(rules []Rule, i, n int, has func(string) bool) {
	d.checkMembers(&rules[i], n, has)
}

func (d *Decoder) checkMembers(r *Rule, n int, has func(string) bool) {
	if r.MinProperties != nil && n < *r.MinProperties {
		d.Report("minProperties", "/minProperties", "object has "+strconv.Itoa(n)+" members, fewer than "+strconv.Itoa(*r.MinProperties))
	}
	if r.MaxProperties != nil && n > *r.MaxProperties {
		d.Report("maxProperties", "/maxProperties", "object has "+strconv.Itoa(n)+" members, more than "+strconv.Itoa(*r.MaxProperties))
	}
	for _, k := range SortedKeys(r.DependentRequired) {
		if !has(k) {
			continue
		}
		for j, need := range r.DependentRequired[k] {
			if !has(need) {
				d.Report("dependentRequired", "/dependentRequired/"+EscapePointerToken(k)+"/"+strconv.Itoa(j), "member "+strconv.Quote(k)+" requires member "+strconv.Quote(need))
			}
		}
	}
}

func (d *Decoder) validateArray(rules []Rule, r *Rule) {
	if !d.enter() {
		return
	}
	d.pos++
	var items []string
	n, matched := 0, 0
	for ; d.NextItem(n); n++ {
		d.peek()
		start := d.pos
		switch {
		case n < len(r.PrefixItems):
			d.EnterIndex(n, "/prefixItems/"+strconv.Itoa(n))
			d.validate(rules, r.PrefixItems[n])
		case r.Items > 0:
			d.EnterIndex(n, "/items")
			d.validate(rules, r.Items)
		default:
			d.EnterIndex(n, "")
			d.Skip()
		}
		d.Leave()
		if d.err != nil {
			return
		}
		if r.Contains > 0 {
			end := d.pos
			d.pos = start
			d.EnterIndex(n, "/contains")
			if d.passes(rules, r.Contains, start) {
				matched++
			}
			d.Leave()
			d.pos = end
		}
		if r.UniqueItems {
			items = append(items, d.src[start:d.pos])
		}
	}
	if d.err != nil {
		return
	}
	d.checkItems(r, n, items)
	if r.Contains > 0 {
		least := 1
		if r.MinContains != nil {
			least = *r.MinContains
		}
		if matched < least {
			d.Report("minContains", "/minContains", strconv.Itoa(matched)+" items match contains, fewer than "+strconv.Itoa(least))
		}
		if r.MaxContains != nil && matched > *r.MaxContains {
			d.Report("maxContains", "/maxContains", strconv.Itoa(matched)+" items match contains, more than "+strconv.Itoa(*r.MaxContains))
		}
	}
}

// decimal is an exact decimal number: 0.digits × 10^exp, digits without
// leading or trailing zeros ("" for zero).
type decimal struct {
	neg    bool
	digits string
	exp    int64
}

func parseDecimal(text string) decimal {
	var d decimal
	s := text
	if s != "" && s[0] == '-' {
		d.neg = true
		s = s[1:]
	}
	mant := s
	var e int64
	if i := strings.IndexAny(s, "eE"); i >= 0 {
		mant = s[:i]
		es := s[i+1:]
		neg := false
		if es != "" && (es[0] == '+' || es[0] == '-') {
			neg = es[0] == '-'
			es = es[1:]
		}
		for _, c := range []byte(es) {
			if e < 1e15 {
				e = e*10 + int64(c-'0')
			}
		}
		if neg {
			e = -e
		}
	}
	intPart, frac, _ := strings.Cut(mant, ".")
	all := intPart + frac
	exp := int64(len(intPart)) + e
	trimmed := strings.TrimLeft(all, "0")
	exp -= int64(len(all) - len(trimmed))
	trimmed = strings.TrimRight(trimmed, "0")
	if trimmed == "" {
		return decimal{}
	}
	d.digits = trimmed
	d.exp = exp
	return d
}

func (a decimal) isInt() bool {
	return a.digits == "" || int64(len(a.digits)) <= a.exp
}

func (a decimal) cmp(b decimal) int {
	sa, sb := a.sign(), b.sign()
	if sa != sb {
		if sa < sb {
			return -1
		}
		return 1
	}
	if sa == 0 {
		return 0
	}
	m := a.cmpAbs(b)
	if sa < 0 {
		return -m
	}
	return m
}

func (a decimal) sign() int {
	switch {
	case a.digits == "":
		return 0
	case a.neg:
		return -1
	}
	return 1
}

func (a decimal) cmpAbs(b decimal) int {
	if a.exp != b.exp {
		if a.exp < b.exp {
			return -1
		}
		return 1
	}
	return strings.Compare(a.digits, b.digits)
}

// int64 converts an integral decimal to an int of the given bits.
func (a decimal) int64(bits int) (int64, bool) {
	if a.digits == "" {
		return 0, true
	}
	if a.exp > 19 || !a.isInt() {
		return 0, false
	}
	s := a.digits + strings.Repeat("0", int(a.exp)-len(a.digits))
	if a.neg {
		s = "-" + s
	}
	n, err := strconv.ParseInt(s, 10, bits)
	return n, err == nil
}

// canonical returns a canonical text of the JSON value text, equal for
// values JSON Schema considers equal (1 and 1.0; objects in any member
// order).
func canonical(text string) (string, bool) {
	d := NewDecoderString(text)
	var b strings.Builder
	d.canon(&b)
	if d.Finish(); d.err != nil || len(d.violations) > 0 {
		return "", false
	}
	return b.String(), true
}

func (d *Decoder) canon(b *strings.Builder) {
	switch d.peek() {
	case '{':
		if !d.enter() {
			return
		}
		d.pos++
		type member struct{ k, v string }
		var ms []member
		for i := 0; d.NextKey(i); i++ {
			k := d.Key()
			var vb strings.Builder
			d.canon(&vb)
			ms = append(ms, member{k, vb.String()})
		}
		slices.SortFunc(ms, func(x, y member) int { return strings.Compare(x.k, y.k) })
		b.WriteByte('{')
		for i, m := range ms {
			if i > 0 {
				b.WriteByte(',')
			}
			b.Write(appendString(nil, m.k))
			b.WriteByte(':')
			b.WriteString(m.v)
		}
		b.WriteByte('}')
	case '[':
		if !d.enter() {
			return
		}
		d.pos++
		b.WriteByte('[')
		for i := 0; d.NextItem(i); i++ {
			if i > 0 {
				b.WriteByte(',')
			}
			d.canon(b)
		}
		b.WriteByte(']')
	case '"':
		s, _ := d.readString()
		b.Write(appendString(nil, s))
	case '-', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9':
		text, ok := d.readNumber()
		if !ok {
			return
		}
		n := parseDecimal(text)
		if n.digits == "" {
			b.WriteString("0")
			return
		}
		if n.neg {
			b.WriteByte('-')
		}
		b.WriteString("0." + n.digits + "e" + strconv.FormatInt(n.exp, 10))
	default:
		start := d.pos
		d.Skip()
		b.WriteString(d.src[start:d.pos])
	}
}
