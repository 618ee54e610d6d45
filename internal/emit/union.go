package emit

import (
	"fmt"
	"strings"

	"github.com/dave/jennifer/jen"

	"github.com/graphshape/graphshape/internal/model"
)

// Inheritance: a discriminated union is a Go interface with a decode
// function; each branch's struct (and the base's, the fallback for unknown
// discriminator values) implements it with a marker method. A derived
// object is an ordinary struct whose members come from its bases too.

func markerName(t *model.Type) string { return "is" + t.GoName }

// unionOf returns the union type t's schema is, or nil.
func unionOf(s *model.Schema) *model.Type {
	switch {
	case s.Ref != nil && s.Ref.Schema != nil && s.Ref.Schema.Union != nil:
		return s.Ref
	case s.Named != nil && s.Union != nil:
		return s.Named
	}
	return nil
}

// unionDecl emits the interface of a union type and its decode function.
func (e *emitter) unionDecl(f *jen.File, t *model.Type) {
	u := t.Schema.Union
	var names []string
	for _, br := range u.Branches {
		names = append(names, "*"+br.Type.GoName)
	}
	lead := fmt.Sprintf("is the discriminated union at %s: one of %s, chosen by the member %q.", where(t), strings.Join(names, ", "), u.Property)
	if u.Base != nil && !u.BaseIsBranch {
		lead += fmt.Sprintf("\nLenient decoding keeps a value with an unknown %s in a *%s (the base type's members, and the\nothers in its Extra map, re-encoded as sent); strict decoding reports it.", u.Property, u.Base.GoName)
	} else if u.Base != nil {
		lead += fmt.Sprintf("\nLenient decoding keeps a value with an unknown %s in a *%s; strict decoding reports it.", u.Property, u.Base.GoName)
	}
	if u.Default != nil {
		lead += fmt.Sprintf("\nA value without %s is a *%s.", u.Property, u.Default.Type.GoName)
	}
	lead += "\nUse a type switch to tell the branches apart."
	docLines(f, comment(t.GoName, lead, docText(t.Schema)))
	f.Type().Id(t.GoName).Interface(
		shape("Decodable"),
		shape("Encodable"),
		jen.Id("MarshalJSON").Params().Params(jen.Index().Byte(), jen.Error()),
		jen.Id("Validate").Params().Error(),
		jen.Id(markerName(t)).Params(),
	)
	var cases []jen.Code
	for _, br := range u.Branches {
		cases = append(cases, jen.Case(jen.Lit(br.Value)).Block(
			jen.Id("d").Dot("PushKeyword").Call(jen.Lit(fmt.Sprintf("/%s/%d/$ref", u.Keyword, br.Index))),
			jen.Id("x").Op(":=").Op("&").Id(br.Type.GoName).Values(),
			jen.Id("x").Dot("ShapeDecode").Call(jen.Id("d")),
			jen.Id("d").Dot("PopKeyword").Call(),
			jen.Return(jen.Id("x"))))
	}
	body := []jen.Code{
		jen.List(jen.Id("tag"), jen.Id("found")).Op(":=").Id("d").Dot("Discriminator").Call(jen.Lit(u.Property)),
	}
	if br := u.Default; br != nil {
		// An absent discriminator chooses the default branch.
		body = []jen.Code{
			jen.List(jen.Id("tag"), jen.Id("state")).Op(":=").Id("d").Dot("DiscriminatorState").Call(jen.Lit(u.Property)),
			jen.If(jen.Id("state").Op("==").Add(impl("DiscAbsent"))).Block(
				jen.Id("d").Dot("PushKeyword").Call(jen.Lit(fmt.Sprintf("/%s/%d/$ref", u.Keyword, br.Index))),
				jen.Id("x").Op(":=").Op("&").Id(br.Type.GoName).Values(),
				jen.Id("x").Dot("ShapeDecode").Call(jen.Id("d")),
				jen.Id("d").Dot("PopKeyword").Call(),
				jen.Return(jen.Id("x"))),
			jen.Id("found").Op(":=").Id("state").Op("==").Add(impl("DiscString")),
		}
	}
	if len(cases) > 0 {
		body = append(body, jen.If(jen.Id("found")).Block(jen.Switch(jen.Id("tag")).Block(cases...)))
	}
	keep := jen.Id("d").Dot("UnknownBranch").Call(jen.Lit(u.Keyword), jen.Lit(u.Property), jen.Id("tag"), jen.Id("found"))
	if u.Base != nil {
		body = append(body,
			jen.If(jen.Op("!").Add(keep)).Block(jen.Return(jen.Nil())),
			jen.Id("d").Dot("PushKeyword").Call(jen.Lit("/"+u.Keyword)),
			jen.Id("x").Op(":=").Op("&").Id(u.Base.GoName).Values(),
			jen.Id("x").Dot("ShapeDecode").Call(jen.Id("d")),
			jen.Id("d").Dot("PopKeyword").Call(),
			jen.Return(jen.Id("x")))
	} else {
		body = append(body, jen.If(keep).Block(jen.Id("d").Dot("Skip").Call()), jen.Return(jen.Nil()))
	}
	fn := "Decode" + t.GoName
	docLines(f, fmt.Sprintf("%s reads one %s from d, choosing the branch by the member %q wherever it stands in\n"+
		"the object, and reports every violation to d. It returns nil when the value was skipped.", fn, t.GoName, u.Property))
	f.Func().Id(fn).Params(jen.Id("d").Op("*").Add(impl("Decoder"))).Id(t.GoName).Block(body...)
}

// unionMarkers emits the marker methods that make t implement the unions
// it is a branch (or the base) of.
func (e *emitter) unionMarkers(f *jen.File, t *model.Type) {
	for _, ut := range e.res.Types {
		u := ut.Schema.Union
		if u == nil {
			continue
		}
		member := u.Base == t
		for _, br := range u.Branches {
			member = member || br.Type == t
		}
		if member {
			f.Comment(fmt.Sprintf("%s makes *%s %s %s.", markerName(ut), t.GoName, article(ut.GoName), ut.GoName))
			f.Func().Params(jen.Op("*").Id(t.GoName)).Id(markerName(ut)).Params().Block()
		}
	}
}

// decodeUnion decodes a value of union type ut (reached through s) and
// hands it to assign.
func (e *emitter) decodeUnion(s *model.Schema, ut *model.Type, assign func(jen.Code) jen.Code, depth int) []jen.Code {
	x := v("x", depth)
	call := []jen.Code{jen.If(jen.Id(x).Op(":=").Id("Decode"+ut.GoName).Call(jen.Id("d")), jen.Id(x).Op("!=").Nil()).Block(assign(jen.Id(x)))}
	if s.Ref != nil {
		return append(append([]jen.Code{jen.Id("d").Dot("PushKeyword").Call(jen.Lit("/$ref"))}, call...), jen.Id("d").Dot("PopKeyword").Call())
	}
	return call
}

// encodeUnion encodes expr, a value of a union type (nil encodes as null).
func encodeUnion(expr *jen.Statement) []jen.Code {
	return []jen.Code{jen.If(expr.Clone().Op("==").Nil()).Block(jen.Id("enc").Dot("Null").Call()).Else().Block(expr.Clone().Dot("ShapeEncode").Call(jen.Id("enc")))}
}

// propertyKeyword is the keyword path of a member's schema from its object.
func propertyKeyword(p *model.Property) string {
	return p.Via + "/properties/" + escape(p.JSONName)
}

// rechecks validates a merged member against its further declarations.
func (e *emitter) rechecks(p *model.Property) []jen.Code {
	var out []jen.Code
	for _, a := range p.Also {
		out = append(out, jen.Id("d").Dot("Recheck").Call(jen.Id("start"), jen.Lit(p.JSONName),
			jen.Lit(a.Via+"/properties/"+escape(p.JSONName)), jen.Id(RulesVar), jen.Lit(e.ruleFor(a.Schema))))
	}
	return out
}

// missing reports a required member absent, once per "required" naming it.
func missing(p *model.Property) []jen.Code {
	vias := p.RequiredVia
	if len(vias) == 0 {
		vias = []string{""}
	}
	var out []jen.Code
	for _, via := range vias {
		if via == "" {
			out = append(out, jen.Id("d").Dot("Missing").Call(jen.Lit(p.JSONName)))
			continue
		}
		out = append(out, jen.Id("d").Dot("PushKeyword").Call(jen.Lit(via)), jen.Id("d").Dot("Missing").Call(jen.Lit(p.JSONName)), jen.Id("d").Dot("PopKeyword").Call())
	}
	return out
}

// derivedVar is the name of the shape.Derived table of a derived type.
func derivedVar(t *model.Type) string { return "graphshapeDerived" + t.GoName }

// derivedTable emits the shape.Derived table of a derived object type.
func (e *emitter) derivedTable(f *jen.File, t *model.Type) {
	s := t.Schema
	if s.BaseNodes == nil || s.Kind != model.KindObject {
		return
	}
	var bases, vias, names, covers []jen.Code
	for _, b := range s.Bases {
		bases = append(bases, jen.Lit(e.ruleFor(b.Schema)))
		vias = append(vias, jen.Lit(b.Via))
	}
	bit := func(via string) uint64 {
		if via == "" {
			return 1
		}
		for i, b := range s.Bases {
			if b.Via == via {
				return 1 << (i + 1)
			}
		}
		return 0
	}
	for _, p := range s.Properties {
		c := bit(p.Via)
		for _, a := range p.Also {
			c |= bit(a.Via)
		}
		names = append(names, jen.Lit(p.JSONName))
		covers = append(covers, jen.Lit(int(c)))
	}
	unev := -1
	if s.Unevaluated != nil && !(s.Unevaluated.Bool != nil && *s.Unevaluated.Bool) {
		unev = e.ruleFor(s.Unevaluated)
	}
	f.Comment(derivedVar(t) + " describes the inheritance of " + t.GoName + " to the decoder.")
	f.Var().Id(derivedVar(t)).Op("=").Op("&").Add(impl("Derived")).Values(jen.Dict{
		jen.Id("Own"):         jen.Lit(e.ruleFor(s)),
		jen.Id("Bases"):       jen.Index().Int().Values(bases...),
		jen.Id("Vias"):        jen.Index().String().Values(vias...),
		jen.Id("Unevaluated"): jen.Lit(unev),
		jen.Id("Names"):       jen.Index().String().Values(names...),
		jen.Id("Covers"):      jen.Index().Uint64().Values(covers...),
	})
}

// undeclared is the call that handles a member no schema of s declares.
func (e *emitter) undeclared(t *model.Type, objRule int) jen.Code {
	s := t.Schema
	extra := jen.Id("v").Dot(s.ExtraGoName)
	if len(s.Bases) == 0 {
		return extra.Clone().Op("=").Id("d").Dot("Undeclared").Call(extra.Clone(), jen.Id(RulesVar), jen.Lit(objRule))
	}
	return extra.Clone().Op("=").Id("d").Dot("UndeclaredIn").Call(extra.Clone(), jen.Id(RulesVar), jen.Id(derivedVar(t)))
}

// derivedStart and derivedEnd bracket the decoding of a derived object
// that unevaluatedProperties closes.
func derivedStart(t *model.Type) []jen.Code {
	if !closedDerived(t.Schema) {
		return nil
	}
	return []jen.Code{jen.Id("mark").Op(":=").Id("d").Dot("Mark").Call()}
}

func derivedEnd(t *model.Type) []jen.Code {
	if !closedDerived(t.Schema) {
		return nil
	}
	seen := jen.Nil()
	if len(t.Schema.Properties) > 0 {
		seen = jen.Id("seen").Index(jen.Empty(), jen.Empty())
	}
	return []jen.Code{jen.Id("d").Dot("CheckUnevaluated").Call(jen.Id(RulesVar), jen.Id(derivedVar(t)), jen.Id("mark"), seen, jen.Id("v").Dot(t.Schema.ExtraGoName))}
}

func closedDerived(s *model.Schema) bool {
	return len(s.Bases) > 0 && s.Unevaluated != nil && !(s.Unevaluated.Bool != nil && *s.Unevaluated.Bool)
}

// ownProperties are the members a node's rule declares: for a derived
// object its own, for others all.
func ownProperties(s *model.Schema) []*model.Property {
	if s.BaseNodes != nil {
		return s.Own
	}
	return s.Properties
}

// article is "an" before a name that starts with a vowel, else "a".
func article(name string) string {
	if name != "" && strings.ContainsRune("AEIOU", rune(name[0])) {
		return "an"
	}
	return "a"
}
