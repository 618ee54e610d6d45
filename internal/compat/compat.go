// Package compat judges a delta.Diff: a fixed, ordered list of rules, each
// with a stable kebab-case ID and a level for each profile and direction,
// turns changes into findings.
//
// A consumer of responses (the default direction) and a sender of requests
// (PATCH bodies) are hurt by opposite changes: a member that may newly be
// null breaks a reader, a member that newly must be sent breaks a writer.
//
// Two profiles say what a consumer is. Graph (the default) follows
// Microsoft Graph's published compatibility policy: clients "should be
// prepared to receive properties and derived types not previously
// defined", so a nullable property added to a closed object is a warning,
// not a break; an evolvable enum (one with the sentinel unknownFutureValue)
// takes new members after the sentinel, and a member inserted before it or
// a moved sentinel breaks. Strict is for readers that reject every unknown
// member (the generated strict decoders): any member an old closed object
// or enum did not declare breaks them. Each rule quotes the policy line it
// implements, and says what graphshape decided where the sources are silent
// or disagree; Rules is the catalogue gen diff -rules prints.
package compat

import (
	"fmt"
	"strings"

	"github.com/graphshape/graphshape/internal/delta"
	"github.com/graphshape/graphshape/internal/level"
	"github.com/graphshape/graphshape/internal/pointer"
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

// Profile names whose idea of compatibility the rules follow.
type Profile string

// The profiles.
const (
	// Graph follows Microsoft Graph's versioning and evolvable-enum
	// policy; it is the default.
	Graph Profile = "graph"
	// Strict is for readers that reject every member they do not know:
	// gen diff's behaviour before profiles existed.
	Strict Profile = "strict"
)

// Profiles lists the profiles in catalogue order.
var Profiles = []Profile{Graph, Strict}

// ParseProfile returns the profile named s.
func ParseProfile(s string) (Profile, error) {
	switch Profile(s) {
	case Graph, Strict:
		return Profile(s), nil
	}
	return "", fmt.Errorf("unknown profile %q (want graph or strict)", s)
}

// Levels is a rule's level for each direction.
type Levels struct {
	Response level.Level `json:"response"` // for a consumer of responses
	Request  level.Level `json:"request"`  // for a sender of requests
}

// For returns the level for dir.
func (l Levels) For(dir Direction) level.Level {
	if dir == Request {
		return l.Request
	}
	return l.Response
}

// Quote is a line of a published policy, with where it is published.
type Quote struct {
	Source string `json:"source"` // one of the Source constants
	Text   string `json:"text"`   // the words, verbatim
}

// The policy documents rules quote.
const (
	// SourceVersioning is Microsoft Graph's versioning policy.
	SourceVersioning = "Microsoft Graph, \"Versioning, support, and breaking change policies\" (microsoftgraph/microsoft-graph-docs-contrib, concepts/versioning-and-support.md)"
	// SourceGuidelines is the Microsoft Graph API guidelines.
	SourceGuidelines = "Microsoft Graph API guidelines (microsoft/api-guidelines, graph/GuidelinesGraph.md)"
	// SourceEvolvable is the guidelines' evolvable-enum pattern.
	SourceEvolvable = "Microsoft Graph API guidelines, evolvable enums (microsoft/api-guidelines, graph/patterns/evolvable-enums.md)"
)

// Rule is one compatibility rule. A change is judged by the first rule in
// Rules that matches its kind and facts and has levels for the profile; a
// rule without levels for a profile does not exist in it, and the change
// falls to the next rule.
type Rule struct {
	ID          string  `json:"id"`
	Graph       *Levels `json:"graph,omitempty"`  // nil: not in the Graph profile
	Strict      *Levels `json:"strict,omitempty"` // nil: not in the Strict profile
	Description string  `json:"description"`
	// Policy holds the lines of Graph's policy the rule implements; empty
	// when the sources are silent.
	Policy []Quote `json:"policy,omitempty"`
	// Decision says what graphshape decided where the sources are silent,
	// disagree, or do not say which direction they mean.
	Decision string `json:"decision,omitempty"`
	kinds    []delta.Kind
	when     func(delta.Change) bool // nil: every change of kinds
}

// LevelsFor returns the rule's levels in profile p, and false when the
// rule does not exist in p.
func (r Rule) LevelsFor(p Profile) (Levels, bool) {
	l := r.Graph
	if p == Strict {
		l = r.Strict
	}
	if l == nil {
		return Levels{}, false
	}
	return *l, true
}

func (r Rule) matches(c delta.Change) bool {
	for _, k := range r.kinds {
		if k == c.Kind {
			return r.when == nil || r.when(c)
		}
	}
	return false
}

func lv(resp, req level.Level) *Levels { return &Levels{Response: resp, Request: req} }

func kinds(k ...delta.Kind) []delta.Kind { return k }

// annotation reports whether a change is to an instance annotation: a
// member whose name starts with "@" ("@odata.type").
func annotation(c delta.Change) bool {
	tokens := pointer.Split(c.Path)
	return len(tokens) > 0 && strings.HasPrefix(tokens[len(tokens)-1], "@")
}

const (
	breaking = level.Breaking
	warning  = level.Warning
	info     = level.Info
)

var (
	qDeclaredProperty = Quote{SourceVersioning, "Removal, rename, or change to the type of a declared property"}
	qAnnotation       = Quote{SourceVersioning, "Removal, rename, or change to the type of an annotation"}
	qNullableAdded    = Quote{SourceVersioning, "Addition of properties that are nullable or have a default value"}
	qPrepared         = Quote{SourceVersioning, "should be prepared to receive properties and derived types not previously defined"}
	qEnumMember       = Quote{SourceVersioning, "Addition of a member to an enumeration"}
	qNonNullable      = Quote{SourceGuidelines, "Adding Nullable=\"false\" properties to existing types"}
	qAfterSentinel    = Quote{SourceGuidelines, "Adding a member after the sentinel member to an evolvable enumeration"}
	qNonEvolvable     = Quote{SourceGuidelines, "Adding EnumType members for nonevolvable enumerations"}
	qOpenType         = Quote{SourceGuidelines, "Adding or removing an annotation OpenType=\"true\""}
	qBeforeSentinel   = Quote{SourceEvolvable, "New values MUST not be inserted into the enum before `unknownFutureValue`"}
	qSentinelMoved    = Quote{SourceEvolvable, "Changing the value (that is, position) of the `unknownFutureValue` sentinel member is considered a breaking change"}
)

// Rules is the fixed rule list, in a stable order (the order of matching).
var Rules = []Rule{
	{ID: "annotation-changed", kinds: kinds(delta.PropertyRemoved, delta.PropertyRenamedCase, delta.TypeWidened, delta.TypeNarrowed, delta.TypeChanged), when: annotation,
		Graph:       lv(info, info),
		Description: "An instance annotation (a member named @...) was removed, renamed or changed type.",
		Policy:      []Quote{qAnnotation},
		Decision:    "Graph only; the strict profile judges it as the property change it is. A changed @odata.type const is not covered: it names the type (const-changed)."},
	{ID: "property-removed", kinds: kinds(delta.PropertyRemoved),
		Graph: lv(breaking, breaking), Strict: lv(breaking, breaking),
		Description: "A property was removed: readers that use it lose it; writers that still send it are rejected where the object is closed.",
		Policy:      []Quote{qDeclaredProperty}},
	{ID: "property-added-required", kinds: kinds(delta.PropertyAdded), when: func(c delta.Change) bool { return c.Required },
		Graph:       lv(breaking, breaking),
		Description: "A required property was added: writers that omit it are rejected, and it always appears in responses.",
		Policy:      []Quote{qNonNullable},
		Decision:    "A property in \"required\" must always be present, which is what Nullable=\"false\" promises of a Graph property; Graph calls the addition breaking without naming a direction, so both are breaking. The strict profile judges it as property-added-closed or property-added."},
	{ID: "property-added-non-nullable", kinds: kinds(delta.PropertyAdded), when: func(c delta.Change) bool { return !c.Nullable && !c.Defaulted },
		Graph:       lv(breaking, breaking),
		Description: "A property that admits no null and has no default was added.",
		Policy:      []Quote{qNonNullable, qNullableAdded},
		Decision:    "JSON Schema's form of Nullable=\"false\" is a type without \"null\"; an array counts as having a default (Graph collections are never null and read as empty when absent). Both directions are breaking, as Graph names none. The strict profile judges it as property-added-closed or property-added."},
	{ID: "property-added-closed", kinds: kinds(delta.PropertyAdded), when: func(c delta.Change) bool { return c.Closed },
		Graph: lv(warning, info), Strict: lv(breaking, info),
		Description: "A property was added to an object that was closed: strict readers generated from the old schema reject the new member.",
		Policy:      []Quote{qNullableAdded, qPrepared},
		Decision:    "Graph calls the addition compatible, so it is not breaking there; it stays a warning because readers that reject unknown members (the generated strict decoders, without lenient decoding) do reject it."},
	{ID: "property-added", kinds: kinds(delta.PropertyAdded),
		Graph: lv(info, info), Strict: lv(info, info),
		Description: "A property was added to an open object: readers keep it as an unknown member.",
		Policy:      []Quote{qNullableAdded, qPrepared}},
	{ID: "property-renamed-case", kinds: kinds(delta.PropertyRenamedCase),
		Graph: lv(breaking, breaking), Strict: lv(breaking, breaking),
		Description: "A property's name changed case: JSON names are case-sensitive, so it is a removal and an addition.",
		Policy:      []Quote{qDeclaredProperty}},
	{ID: "type-widened", kinds: kinds(delta.TypeWidened),
		Graph: lv(breaking, breaking), Strict: lv(breaking, info),
		Description: "A value may now be of more types: readers get values they cannot hold; writers are unaffected.",
		Policy:      []Quote{qDeclaredProperty},
		Decision:    "Graph calls every change to a declared property's type breaking, for both directions; the strict profile spares writers, who can still send what they sent."},
	{ID: "type-narrowed", kinds: kinds(delta.TypeNarrowed),
		Graph: lv(breaking, breaking), Strict: lv(info, breaking),
		Description: "A value may now be of fewer types: readers are unaffected; writers sending the dropped types are rejected.",
		Policy:      []Quote{qDeclaredProperty},
		Decision:    "Graph calls every change to a declared property's type breaking (the Go type generated for it changes too); the strict profile spares readers, who receive a subset of what they held."},
	{ID: "type-changed", kinds: kinds(delta.TypeChanged),
		Graph: lv(breaking, breaking), Strict: lv(breaking, breaking),
		Description: "A value's type changed.",
		Policy:      []Quote{qDeclaredProperty}},
	{ID: "property-became-nullable", kinds: kinds(delta.BecameNullable),
		Graph: lv(breaking, info), Strict: lv(breaking, info),
		Description: "A value may now be null: readers must handle null.",
		Policy:      []Quote{qDeclaredProperty},
		Decision:    "The sources are silent on nullability changes. Nullable is a facet of a property's type in CSDL, and a reader that never saw null must now handle it, so it is breaking for readers; writers are unaffected."},
	{ID: "property-became-non-nullable", kinds: kinds(delta.BecameNonNullable),
		Graph: lv(info, breaking), Strict: lv(info, breaking),
		Description: "A value may no longer be null: writers that send null to clear it are rejected.",
		Policy:      []Quote{qDeclaredProperty},
		Decision:    "The sources are silent; as for property-became-nullable, the direction that loses a value it relied on (here the writer's null) breaks."},
	{ID: "property-became-required", kinds: kinds(delta.BecameRequired),
		Graph: lv(info, breaking), Strict: lv(info, breaking),
		Description: "A property must now be present: writers that omit it are rejected.",
		Policy:      []Quote{qNonNullable},
		Decision:    "The nearest policy line is the addition of a Nullable=\"false\" property; readers get what they already handled."},
	{ID: "property-became-optional", kinds: kinds(delta.BecameOptional),
		Graph: lv(breaking, info), Strict: lv(breaking, info),
		Description: "A property may now be absent: readers that rely on it break.",
		Decision:    "The sources are silent; a reader relying on a member that may now be missing breaks."},
	{ID: "enum-member-added-before-sentinel", kinds: kinds(delta.EnumMemberAdded), when: func(c delta.Change) bool { return c.Evolvable && c.BeforeSentinel },
		Graph:       lv(breaking, breaking),
		Description: "A member was inserted before unknownFutureValue in an evolvable enum: it moves the sentinel, and clients that did not ask for new members receive it.",
		Policy:      []Quote{qBeforeSentinel, qSentinelMoved},
		Decision:    "Graph only; the strict profile judges it as enum-member-added-evolvable, as gen diff did before profiles."},
	{ID: "enum-member-added-evolvable", kinds: kinds(delta.EnumMemberAdded), when: func(c delta.Change) bool { return c.Evolvable },
		Graph: lv(info, info), Strict: lv(info, info),
		Description: "A member was added to an evolvable enum (it has unknownFutureValue): clients that do not know it get the sentinel.",
		Policy:      []Quote{qAfterSentinel, qEnumMember}},
	{ID: "enum-member-added", kinds: kinds(delta.EnumMemberAdded),
		Graph: lv(breaking, info), Strict: lv(breaking, info),
		Description: "A member was added to an enum without unknownFutureValue: strict readers reject it.",
		Policy:      []Quote{qNonEvolvable, qEnumMember},
		Decision:    "The two sources disagree: the versioning page calls any added member compatible, the guidelines call it breaking for a nonevolvable enum. The guidelines are the more specific (the evolvable-enum pattern exists for this), so it breaks readers; a writer never has to send the new member."},
	{ID: "enum-member-removed", kinds: kinds(delta.EnumMemberRemoved),
		Graph: lv(breaking, breaking), Strict: lv(breaking, breaking),
		Description: "A member was removed: writers that send it are rejected, and readers of older data break (Graph treats removal as breaking).",
		Policy:      []Quote{qDeclaredProperty},
		Decision:    "The sources do not name member removal; it narrows the property's type, which Graph calls breaking."},
	{ID: "enum-casing-changed", kinds: kinds(delta.EnumMemberRecased),
		Graph: lv(breaking, breaking), Strict: lv(breaking, breaking),
		Description: "A member changed case: enum values are case-sensitive.",
		Decision:    "A re-cased member is a removal and an addition: breaking like enum-member-removed."},
	{ID: "enum-members-reordered", kinds: kinds(delta.EnumReordered),
		Graph: lv(info, info), Strict: lv(info, info),
		Description: "Members were reordered: values travel by name, so only generated constant order changes.",
		Decision:    "JSON carries members by name; a moved sentinel is judged separately (enum-sentinel-moved)."},
	{ID: "enum-sentinel-moved", kinds: kinds(delta.EnumSentinelMoved),
		Graph:       lv(breaking, breaking),
		Description: "unknownFutureValue moved among the members both enums have: members on either side of it change between known and opt-in.",
		Policy:      []Quote{qSentinelMoved},
		Decision:    "Graph only; the strict profile sees the move as enum-members-reordered. Members inserted or removed before the sentinel are judged by their own rules, not as a move."},
	{ID: "enum-sentinel-removed", kinds: kinds(delta.EnumSentinelRemoved),
		Graph: lv(breaking, breaking), Strict: lv(breaking, warning),
		Description: "unknownFutureValue was removed: the enum is no longer evolvable, so later additions break readers.",
		Policy:      []Quote{qSentinelMoved},
		Decision:    "Removing the sentinel is the furthest it can move: breaking in both directions (writers that echo it back are rejected)."},
	{ID: "enum-sentinel-added", kinds: kinds(delta.EnumSentinelAdded),
		Graph: lv(warning, info), Strict: lv(warning, info),
		Description: "unknownFutureValue was added: readers may now receive the sentinel.",
		Decision:    "The sources are silent; the enum becomes evolvable, and readers may receive a member they did not know."},
	{ID: "const-changed", kinds: kinds(delta.ConstChanged),
		Graph: lv(breaking, breaking), Strict: lv(breaking, breaking),
		Description: "A const value changed.",
		Policy:      []Quote{qDeclaredProperty}},
	{ID: "format-changed", kinds: kinds(delta.FormatChanged),
		Graph: lv(warning, warning), Strict: lv(warning, warning),
		Description: "A string format changed: values valid before may now fail, or the reverse.",
		Decision:    "The sources are silent; whether it breaks depends on the formats, so it is a warning."},
	{ID: "limit-tightened", kinds: kinds(delta.LimitTightened),
		Graph: lv(info, breaking), Strict: lv(info, breaking),
		Description: "A limit (length, range, items, pattern) accepts fewer values: writers of the dropped values are rejected.",
		Decision:    "The sources are silent; CSDL has facets (MaxLength, Precision) but the policy does not name them."},
	{ID: "limit-loosened", kinds: kinds(delta.LimitLoosened),
		Graph: lv(warning, info), Strict: lv(warning, info),
		Description: "A limit accepts more values: readers may get values they did not expect.",
		Decision:    "The sources are silent."},
	{ID: "object-closed", kinds: kinds(delta.ObjectClosed),
		Graph: lv(info, warning), Strict: lv(info, breaking),
		Description: "An object no longer accepts undeclared members: writers that send extra members are rejected.",
		Policy:      []Quote{qOpenType},
		Decision:    "Graph calls removing OpenType non-breaking; writers that sent undeclared members are rejected, so it stays a warning for requests."},
	{ID: "object-opened", kinds: kinds(delta.ObjectOpened),
		Graph: lv(info, info), Strict: lv(breaking, info),
		Description: "An object now accepts undeclared members: strict readers generated from the old schema reject them.",
		Policy:      []Quote{qOpenType, qPrepared}},
	{ID: "read-only-changed", kinds: kinds(delta.ReadOnlyChanged),
		Graph: lv(info, warning), Strict: lv(info, warning),
		Description: "readOnly changed: whether writers may send the property.",
		Decision:    "The sources are silent; the service ignores or rejects read-only members in requests, so writers are warned."},
	{ID: "description-changed", kinds: kinds(delta.DescriptionChanged),
		Graph: lv(info, info), Strict: lv(info, info),
		Description: "A description changed (documentation only).",
		Decision:    "Documentation has no wire effect; the sources do not mention it."},
	{ID: "derived-type-added", kinds: kinds(delta.DerivedTypeAdded),
		Graph: lv(warning, info), Strict: lv(breaking, info),
		Description: "A derived type was added to a discriminated union: readers may receive an @odata.type they do not know.",
		Policy:      []Quote{qPrepared},
		Decision:    "As property-added-closed: Graph clients must expect new derived types, so it is not breaking there; readers that reject an unknown discriminator (the generated strict decoders) do reject it, hence the warning, and breaking in the strict profile. Not reported yet: gen diff detects union branches once internal/model describes discriminated unions."},
	{ID: "derived-type-removed", kinds: kinds(delta.DerivedTypeRemoved),
		Graph: lv(breaking, breaking), Strict: lv(breaking, breaking),
		Description: "A derived type was removed from a discriminated union: writers that send it are rejected, and code generated for it disappears.",
		Policy:      []Quote{qDeclaredProperty},
		Decision:    "The sources do not name derived-type removal; it narrows the declared type, which Graph calls breaking, as for enum-member-removed. Not reported yet (see derived-type-added)."},
	{ID: "definition-added", kinds: kinds(delta.TypeAdded),
		Graph: lv(info, info), Strict: lv(info, info),
		Description: "A $defs entry was added.",
		Policy:      []Quote{qPrepared}},
	{ID: "definition-removed", kinds: kinds(delta.TypeRemoved),
		Graph: lv(warning, warning), Strict: lv(warning, warning),
		Description: "A $defs entry was removed: code generated from it disappears.",
		Decision:    "A schema-level change with no wire effect of its own (the properties that used it are judged where they changed)."},
}

// Finding is a change judged by a rule.
type Finding struct {
	Rule       string      `json:"rule"`
	Level      level.Level `json:"level"`
	Path       string      `json:"path"`
	OldPointer string      `json:"oldPointer,omitempty"`
	NewPointer string      `json:"newPointer,omitempty"`
	Message    string      `json:"message"`
	removed    bool        // the change has no new side
}

// PointerOf returns the JSON Pointer a finding is allow-listed by: the new
// schema's, else the old schema's.
func (f Finding) PointerOf() string {
	if f.NewPointer != "" {
		return f.NewPointer
	}
	return f.OldPointer
}

// Shown returns the path as gen diff prints it: pointer.Root, "(root)",
// for the root, else Path.
func (f Finding) Shown() string { return pointer.Show(f.Path) }

// Removed reports whether the finding has no place in the new schema (a
// removed property or definition), so it points into the old one.
func (f Finding) Removed() bool { return f.removed }

// Keys returns the paths an allow-list entry may name the finding by: the
// printed path (Shown) and the schema pointer (PointerOf).
func (f Finding) Keys() []string {
	if p := f.PointerOf(); p != f.Shown() {
		return []string{f.Shown(), p}
	}
	return []string{f.Shown()}
}

// RuleFor returns the rule that judges c in profile p, with its levels.
func RuleFor(c delta.Change, p Profile) (Rule, Levels, bool) {
	for _, r := range Rules {
		if !r.matches(c) {
			continue
		}
		if l, ok := r.LevelsFor(p); ok {
			return r, l, true
		}
	}
	return Rule{}, Levels{}, false
}

// Check judges every change of d for dir in profile p. A nil d gives no
// findings.
func Check(d *delta.Diff, dir Direction, p Profile) []Finding {
	if d == nil {
		return nil
	}
	var out []Finding
	for _, c := range d.Changes {
		r, l, ok := RuleFor(c, p)
		if !ok {
			continue
		}
		out = append(out, Finding{Rule: r.ID, Level: l.For(dir), Path: c.Path, OldPointer: c.OldPointer, NewPointer: c.NewPointer, Message: message(c),
			removed: c.Kind == delta.PropertyRemoved || c.Kind == delta.TypeRemoved})
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
		var facts []string
		if c.Required {
			facts = append(facts, "required")
		}
		if c.Nullable {
			facts = append(facts, "nullable")
		}
		if c.Defaulted {
			facts = append(facts, "defaulted")
		}
		if len(facts) == 0 {
			facts = append(facts, "not nullable")
		}
		return fmt.Sprintf("property %s added (%s)", c.Path, strings.Join(facts, ", "))
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
		switch {
		case c.BeforeSentinel:
			return fmt.Sprintf("%s: enum member %q added before unknownFutureValue", where(c.Path), c.New)
		case c.Evolvable:
			return fmt.Sprintf("%s: enum member %q added after unknownFutureValue", where(c.Path), c.New)
		}
		return fmt.Sprintf("%s: enum member %q added", where(c.Path), c.New)
	case delta.EnumMemberRemoved:
		return fmt.Sprintf("%s: enum member %q removed", where(c.Path), c.Old)
	case delta.EnumMemberRecased:
		return fmt.Sprintf("%s: enum member %q became %q", where(c.Path), c.Old, c.New)
	case delta.EnumReordered:
		return fmt.Sprintf("%s: enum members reordered from %s to %s", where(c.Path), c.Old, c.New)
	case delta.EnumSentinelRemoved:
		return fmt.Sprintf("%s: unknownFutureValue removed; the enum is no longer evolvable", where(c.Path))
	case delta.EnumSentinelMoved:
		return fmt.Sprintf("%s: unknownFutureValue moved from position %s to %s among the members both have", where(c.Path), c.Old, c.New)
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
		if c.ReadOnly {
			return fmt.Sprintf("%s became read-only", where(c.Path))
		}
		return fmt.Sprintf("%s is no longer read-only", where(c.Path))
	case delta.DescriptionChanged:
		return fmt.Sprintf("%s: description changed", where(c.Path))
	case delta.DerivedTypeAdded:
		return fmt.Sprintf("%s: derived type %q added", where(c.Path), c.Detail)
	case delta.DerivedTypeRemoved:
		return fmt.Sprintf("%s: derived type %q removed", where(c.Path), c.Detail)
	case delta.TypeAdded:
		return fmt.Sprintf("definition %q added", c.Detail)
	case delta.TypeRemoved:
		return fmt.Sprintf("definition %q removed", c.Detail)
	}
	return string(c.Kind) + " at " + where(c.Path)
}
