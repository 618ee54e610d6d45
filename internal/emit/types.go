package emit

import (
	"fmt"
	"strings"

	"github.com/dave/jennifer/jen"

	"github.com/graphshape/graphshape/generated/shape/shapeimpl"
	"github.com/graphshape/graphshape/internal/model"
)

func where(t *model.Type) string {
	if t.Pointer == "" {
		return "the schema root"
	}
	return "#" + t.Pointer
}

func (e *emitter) typeDecl(f *jen.File, t *model.Type) error {
	s := t.Schema
	desc := docText(s)
	defer e.unionMarkers(f, t)
	defer e.derivedTable(f, t)
	switch {
	case s.Union != nil:
		e.unionDecl(f, t)
	case s.Ref != nil:
		target := s.Ref.GoName
		docLines(f, comment(t.GoName, fmt.Sprintf("is the type at %s, which refers to %s.", where(t), target), desc))
		f.Type().Id(t.GoName).Id(target)
		e.methods(f, t,
			[]jen.Code{jen.Id("d").Dot("PushKeyword").Call(jen.Lit("/$ref")), jen.Parens(jen.Op("*").Id(target)).Call(jen.Id("v")).Dot("ShapeDecode").Call(jen.Id("d")), jen.Id("d").Dot("PopKeyword").Call()},
			[]jen.Code{jen.Parens(jen.Op("*").Id(target)).Call(jen.Id("v")).Dot("ShapeEncode").Call(jen.Id("enc"))})
	case s.NullOr == nil && s.Kind == model.KindObject:
		e.structDecl(f, t)
	case s.NullOr == nil && s.Kind == model.KindEnum:
		e.enumDecl(f, t)
	default:
		docLines(f, comment(t.GoName, fmt.Sprintf("is the type at %s.", where(t)), desc))
		f.Type().Id(t.GoName).Add(e.goType(s))
		var dec []jen.Code
		if s.Nullable && !s.Raw {
			dec = append(dec, jen.If(jen.Id("d").Dot("Null").Call()).Block(jen.Return()))
		}
		dec = append(dec, e.decodeInto(s, func(x jen.Code) jen.Code {
			return jen.Op("*").Id("v").Op("=").Id(t.GoName).Parens(x)
		})...)
		val := jen.Add(e.goType(s)).Parens(jen.Op("*").Id("v"))
		if s.Go.Kind == model.GoNamed {
			// The named type's methods have pointer receivers: convert the pointer.
			val = jen.Parens(jen.Op("*").Id(s.Go.Named.GoName)).Call(jen.Id("v"))
		}
		e.methods(f, t, dec, e.encodeValue(s, val))
	}
	return nil
}

// methods emits ShapeDecode, ShapeEncode, UnmarshalJSON, MarshalJSON and
// Validate for t, in the codec file (f, the types file, is not used).
func (e *emitter) methods(_ *jen.File, t *model.Type, decode, encode []jen.Code) {
	f := e.codec
	recv := jen.Id("v").Op("*").Id(t.GoName)
	f.Comment("ShapeDecode is the decoder hook; see package shapeimpl.")
	f.Func().Params(recv.Clone()).Id("ShapeDecode").Params(jen.Id("d").Op("*").Add(impl("Decoder"))).Block(decode...)
	f.Comment("ShapeEncode is the encoder hook; see package shapeimpl.")
	f.Func().Params(recv.Clone()).Id("ShapeEncode").Params(jen.Id("enc").Op("*").Add(impl("Encoder"))).Block(encode...)
	docLines(f, "UnmarshalJSON decodes data strictly: it returns a *shape.SyntaxError for input that is not JSON and\n"+
		"a *shape.ValidationError holding every violation of the schema. For lenient decoding use shape.UnmarshalLenient.")
	f.Func().Params(recv.Clone()).Id("UnmarshalJSON").Params(jen.Id("data").Index().Byte()).Error().Block(
		jen.Return(shape("Unmarshal").Call(jen.Id("data"), jen.Id("v"))))
	if t.Schema.NullOr == nil && t.Schema.Kind == model.KindObject {
		docLines(f, "MarshalJSON encodes v, leaving absent members out and writing null ones as null. A member held in\n"+
			"Extra is written from there, not from its field, so no member is written twice. It fails when a raw\n"+
			"value (a json.RawMessage field or an Extra value) is not one JSON value. The output is allocated once, at\n"+
			"about the length of the type's recent encodings (shapeimpl.SizeHint), and is rarely copied.")
	} else {
		f.Comment("MarshalJSON encodes v.")
	}
	hint := "sizeHint" + t.GoName
	f.Commentf("%s is how long encodings of %s have been (see MarshalJSON).", hint, t.GoName)
	f.Var().Id(hint).Add(impl("SizeHint"))
	f.Func().Params(jen.Id("v").Id(t.GoName)).Id("MarshalJSON").Params().Params(jen.Index().Byte(), jen.Error()).Block(
		jen.Id("enc").Op(":=").Add(impl("NewEncoderSized")).Call(jen.Op("&").Id(hint)),
		jen.Id("v").Dot("ShapeEncode").Call(jen.Id("enc")),
		jen.Return(jen.Id("enc").Dot("Finish").Call()))
	f.Comment("Validate reports the violations of v as it would be encoded, in one *shape.ValidationError, or nil.")
	f.Func().Params(recv.Clone()).Id("Validate").Params().Error().Block(
		jen.Return(shape("Validate").Call(jen.Id("v"))))
}

func (e *emitter) enumDecl(f *jen.File, t *model.Type) {
	s := t.Schema
	members := []string{}
	for _, m := range s.Enum {
		if str, ok := m.(string); ok {
			members = append(members, str)
		}
	}
	lead := fmt.Sprintf("is the enum at %s.", where(t))
	if s.Evolvable && strings.Contains(docText(s), "unknownFutureValue") {
		// The description explains the sentinel already.
		lead += " It is an evolvable enum; lenient decoding keeps any value it does not know as sent."
	} else if s.Evolvable {
		lead += " It is an evolvable enum: unknownFutureValue is the sentinel the service sends for members a client\n" +
			"does not know; members listed after it are real members, sent only when the request has the header\n" +
			"Prefer: include-unknown-enum-members. Lenient decoding keeps any other value as sent."
	}
	docLines(f, comment(t.GoName, lead, docText(s)))
	f.Type().Id(t.GoName).String()
	f.Line()
	f.Comment("The members of " + t.GoName + ", in schema order.")
	f.Const().DefsFunc(func(g *jen.Group) {
		for i, m := range s.Enum {
			str, ok := m.(string)
			if !ok {
				continue
			}
			doc := fmt.Sprintf("%s is the member %q.", s.EnumGo[i], str)
			switch {
			case s.Evolvable && i == s.SentinelIndex:
				doc = fmt.Sprintf("%s is the member %q: the evolvable-enum sentinel.", s.EnumGo[i], str)
			case s.Evolvable && i > s.SentinelIndex:
				doc = fmt.Sprintf("%s is the member %q, listed after the sentinel: sent only with Prefer: include-unknown-enum-members.", s.EnumGo[i], str)
			}
			g.Comment(doc)
			g.Id(s.EnumGo[i]).Id(t.GoName).Op("=").Lit(str)
		}
	})
	membersVar := "graphshapeMembers" + t.GoName
	f.Var().Id(membersVar).Op("=").Index().String().ValuesFunc(func(g *jen.Group) {
		for _, m := range members {
			g.Lit(m)
		}
	})
	f.Comment(model.EnumMembersFunc(t.GoName) + " returns the members of " + t.GoName + " in schema order.")
	f.Func().Id(model.EnumMembersFunc(t.GoName)).Params().Index().Id(t.GoName).Block(
		jen.Id("out").Op(":=").Make(jen.Index().Id(t.GoName), jen.Len(jen.Id(membersVar))),
		jen.For(jen.List(jen.Id("i"), jen.Id("m")).Op(":=").Range().Id(membersVar)).Block(
			jen.Id("out").Index(jen.Id("i")).Op("=").Id(t.GoName).Parens(jen.Id("m"))),
		jen.Return(jen.Id("out")))
	cases := make([]jen.Code, 0, len(members))
	for _, m := range members {
		cases = append(cases, jen.Lit(m))
	}
	f.Comment("IsKnown reports whether v is one of the members of " + t.GoName + ".")
	f.Func().Params(jen.Id("v").Id(t.GoName)).Id("IsKnown").Params().Bool().Block(
		jen.Switch(jen.Id("v")).Block(jen.Case(cases...).Block(jen.Return(jen.True()))),
		jen.Return(jen.False()))

	types := typesExpr(s)
	if s.Types == nil {
		types = impl("TString").Op("|").Add(impl("ViaEnum"))
	}
	var rule jen.Code = jen.Nil()
	if s.MinLength >= 0 || s.MaxLength >= 0 || s.Pattern != nil || s.Format != "" {
		rule = e.ruleRef(e.leafRule(s))
	}
	decode := []jen.Code{}
	if s.Nullable {
		decode = append(decode, jen.If(jen.Id("d").Dot("Null").Call()).Block(jen.Return()))
	}
	decode = append(decode,
		// A member is stored as its constant, so that decoding copies no
		// enum string; only a string that is no member is kept (by
		// EnumMismatch).
		jen.List(jen.Id("s"), jen.Id("ok")).Op(":=").Id("d").Dot("StringView").Call(types, rule),
		jen.If(jen.Op("!").Id("ok")).Block(jen.Return()),
		jen.Switch(jen.Id("s")).BlockFunc(func(g *jen.Group) {
			for i, m := range s.Enum {
				if str, ok := m.(string); ok {
					g.Case(jen.Lit(str)).Block(jen.Op("*").Id("v").Op("=").Id(s.EnumGo[i]), jen.Return())
				}
			}
		}),
		jen.Op("*").Id("v").Op("=").Id(t.GoName).Parens(jen.Id("d").Dot("EnumMismatch").Call(jen.Id("s"), jen.Id(membersVar))),
	)
	e.methods(f, t, decode, []jen.Code{jen.Id("enc").Dot("String").Call(jen.String().Parens(jen.Op("*").Id("v")))})
}

func (e *emitter) structDecl(f *jen.File, t *model.Type) {
	s := t.Schema
	docLines(f, comment(t.GoName, fmt.Sprintf("is the object at %s.", where(t)), docText(s)))
	f.Type().Id(t.GoName).StructFunc(func(g *jen.Group) {
		for _, p := range s.Properties {
			var notes []string
			switch {
			case p.Required && p.Schema.Nullable:
				notes = append(notes, "required, may be null")
			case p.Required:
				notes = append(notes, "required")
			case p.Schema.Nullable:
				notes = append(notes, "optional, may be null")
			default:
				notes = append(notes, "optional")
			}
			if p.ReadOnly {
				notes = append(notes, "read-only")
			}
			if p.Schema.Deprecated {
				notes = append(notes, "deprecated")
			}
			if p.Schema.Raw {
				notes = append(notes, "raw JSON: nil when absent")
			}
			lead := fmt.Sprintf("is the member %q (%s).", p.JSONName, strings.Join(notes, ", "))
			docLines(g, comment(p.GoName, lead, docText(p.Schema)))
			g.Id(p.GoName).Add(e.fieldType(p)).Tag(map[string]string{"json": p.JSONName + ",omitzero"})
		}
		docLines(g, s.ExtraGoName+" holds the members the schema does not declare (patternProperties, additionalProperties,\n"+
			"and in lenient decoding unknown members and values of the wrong type), as sent; they are re-encoded.")
		g.Id(s.ExtraGoName).Map(jen.String()).Qual("encoding/json", "RawMessage").Tag(map[string]string{"json": "-"})
	})
	objRule := e.ruleFor(s)

	// Decode.
	n := len(s.Properties)
	var cases []jen.Code
	for i, p := range s.Properties {
		dst := jen.Id("v").Dot(p.GoName)
		if p.Implicit && len(s.Bases) == 0 {
			// Named by "required" only: its value is an undeclared member's,
			// checked by patternProperties and additionalProperties.
			cases = append(cases, jen.Case(jen.Lit(p.JSONName)).Block(
				jen.If(jen.Id("seen").Index(jen.Lit(i))).Block(
					jen.Id("d").Dot("Enter").Call(jen.Lit(p.JSONName), jen.Lit("")), jen.Id("d").Dot("Duplicate").Call(), jen.Id("d").Dot("Leave").Call()),
				jen.Id("seen").Index(jen.Lit(i)).Op("=").True(),
				dst.Clone().Op("=").Id("d").Dot("Implicit").Call(jen.Id(RulesVar), jen.Lit(objRule))))
			continue
		}
		body := []jen.Code{
			jen.Id("d").Dot("Enter").Call(jen.Lit(p.JSONName), jen.Lit(propertyKeyword(p))),
			jen.If(jen.Id("seen").Index(jen.Lit(i))).Block(jen.Id("d").Dot("Duplicate").Call(), dst.Clone().Op("=").Op("*").New(e.fieldType(p))),
			jen.Id("seen").Index(jen.Lit(i)).Op("=").True(),
		}
		patterns := matchingPatterns(s, p.JSONName)
		if len(patterns) > 0 || len(p.Also) > 0 {
			body = append(body, jen.Id("start").Op(":=").Id("d").Dot("Begin").Call())
		}
		body = append(body, e.propertyDecode(p, dst)...)
		body = append(body, jen.Id("d").Dot("Leave").Call())
		body = append(body, e.rechecks(p)...)
		for _, pp := range patterns {
			body = append(body, jen.Id("d").Dot("Recheck").Call(jen.Id("start"), jen.Lit(p.JSONName),
				jen.Lit("/patternProperties/"+escape(pp.Pattern)), jen.Id(RulesVar), jen.Lit(e.ruleFor(pp.Schema))))
		}
		cases = append(cases, jen.Case(jen.Lit(p.JSONName)).Block(body...))
	}
	cases = append(cases, jen.Default().Block(e.undeclared(t, objRule)))
	decode := []jen.Code{}
	if s.Nullable {
		decode = append(decode, jen.If(jen.Id("d").Dot("Null").Call()).Block(jen.Return()))
	}
	decode = append(decode,
		jen.Op("*").Id("v").Op("=").Id(t.GoName).Values(),
		jen.If(jen.Op("!").Id("d").Dot("BeginObject").Call(typesExpr(s))).Block(jen.Return()))
	decode = append(decode, derivedStart(t)...)
	if n > 0 {
		decode = append(decode, jen.Var().Id("seen").Index(jen.Lit(n)).Bool())
	}
	decode = append(decode,
		jen.Id("n").Op(":=").Lit(0),
		jen.For(jen.Id("d").Dot("NextKey").Call(jen.Id("n"))).Block(
			jen.Switch(jen.Id("d").Dot("Key").Call()).Block(cases...),
			jen.Id("n").Op("++")),
		jen.If(jen.Id("d").Dot("Err").Call().Op("!=").Nil()).Block(jen.Return()),
	)
	if s.MinProperties >= 0 || s.MaxProperties >= 0 || len(s.DependentRequired) > 0 {
		// has tells whether a member is present, declared or not.
		var hasCases []jen.Code
		for i, p := range s.Properties {
			hasCases = append(hasCases, jen.Case(jen.Lit(p.JSONName)).Block(jen.Return(jen.Id("seen").Index(jen.Lit(i)))))
		}
		var body []jen.Code
		if len(hasCases) > 0 {
			body = append(body, jen.Switch(jen.Id("k")).Block(hasCases...))
		}
		body = append(body, jen.List(jen.Id("_"), jen.Id("ok")).Op(":=").Id("v").Dot(s.ExtraGoName).Index(jen.Id("k")), jen.Return(jen.Id("ok")))
		decode = append(decode, jen.Id("d").Dot("CheckMembers").Call(jen.Id(RulesVar), jen.Lit(objRule), jen.Id("n"),
			jen.Func().Params(jen.Id("k").String()).Bool().Block(body...)))
	}
	for i, p := range s.Properties {
		if p.Required {
			block := missing(p)
			if !p.Optional && !p.Schema.Raw {
				// Record the absence, so that re-encoding does not invent
				// the member (see shapeimpl.Absent).
				block = append(block, jen.Id("v").Dot(s.ExtraGoName).Op("=").Add(impl("Absent")).Call(jen.Id("v").Dot(s.ExtraGoName), jen.Lit(p.JSONName)))
			}
			decode = append(decode, jen.If(jen.Op("!").Id("seen").Index(jen.Lit(i))).Block(block...))
		}
	}
	decode = append(decode, derivedEnd(t)...)
	decode = append(decode, jen.Id("v").Dot(s.ExtraGoName).Op("=").Id("d").Dot("Unstash").Call(jen.Id("v").Dot(s.ExtraGoName)))

	// Encode. A declared member found in Extra (lenient decoding keeps a value
	// of the wrong type there) wins over the field, so nothing is lost.
	encode := []jen.Code{jen.Id("enc").Dot("BeginObject").Call()}
	if len(s.Properties) > 0 {
		encode = append(encode, jen.Id("extra").Op(":=").Len(jen.Id("v").Dot(s.ExtraGoName)).Op("!=").Lit(0).Comment("a member held in Extra wins over its field"))
	}
	for _, p := range s.Properties {
		fld := jen.Id("v").Dot(p.GoName)
		name := string(shapeimpl.AppendString(nil, p.JSONName)) + ":"
		key := jen.Id("enc").Dot("Name").Call(jen.Lit(name))
		var write []jen.Code
		switch {
		case p.Schema.Raw:
			write = []jen.Code{jen.If(fld.Clone().Op("!=").Nil()).Block(key, jen.Id("enc").Dot("Raw").Call(fld.Clone()))}
		case p.Optional:
			write = []jen.Code{jen.Switch(fld.Clone().Dot("State")).Block(
				jen.Case(shape("Null")).Block(jen.Id("enc").Dot("NameNull").Call(jen.Lit(name))),
				jen.Case(shape("Present")).Block(e.encodeMember(p.Schema, name, fld.Clone().Dot("Value"))...))}
		default:
			write = e.encodeMember(p.Schema, name, fld.Clone())
		}
		// extra (below) is false for nearly every value: then no member is
		// looked up in Extra, and a required member is written unless
		// OmitZero leaves its zero value out, as Writes decides it.
		if !p.Schema.Raw && !p.Optional {
			zero, omittable := zeroTest(p.Schema.Go, fld.Clone())
			writes := jen.Id("enc").Dot("Writes").Call(jen.Id("v").Dot(s.ExtraGoName), jen.Lit(p.JSONName), zero, jen.Lit(omittable))
			cond := jen.Op("!").Id("extra").Op("||").Add(writes)
			if omittable {
				zero, _ := zeroTest(p.Schema.Go, fld.Clone())
				cond = jen.Op("!").Id("extra").Op("&&").Op("!").Parens(jen.Id("enc").Dot("OmitZero").Op("&&").Add(zero)).Op("||").Id("extra").Op("&&").Add(writes)
			}
			encode = append(encode, jen.If(cond).Block(write...))
			continue
		}
		encode = append(encode, jen.If(jen.Op("!").Id("extra").Op("||").Op("!").Add(impl("Has")).Call(jen.Id("v").Dot(s.ExtraGoName), jen.Lit(p.JSONName))).Block(write...))
	}
	encode = append(encode, jen.Id("enc").Dot("Extra").Call(jen.Id("v").Dot(s.ExtraGoName)), jen.Id("enc").Dot("EndObject").Call())
	e.methods(f, t, decode, encode)
}

func matchingPatterns(s *model.Schema, name string) []*model.PatternProperty {
	var out []*model.PatternProperty
	for _, pp := range s.PatternProperties {
		if pp.Regexp.MatchString(name) && !pp.Schema.Unconstrained {
			out = append(out, pp)
		}
	}
	return out
}

// propertyDecode decodes the value of property p into dst (a field).
func (e *emitter) propertyDecode(p *model.Property, dst *jen.Statement) []jen.Code {
	if !p.Optional {
		return e.decodeInto(p.Schema, func(x jen.Code) jen.Code { return dst.Clone().Op("=").Add(x) })
	}
	set := func(x jen.Code) jen.Code { return dst.Clone().Dot("Set").Call(x) }
	if p.Schema.Nullable {
		return []jen.Code{e.elseBlock(jen.If(jen.Id("d").Dot("Null").Call()).Block(dst.Clone().Dot("SetNull").Call()), e.decodeInto(p.Schema, set))}
	}
	return e.decodeInto(p.Schema, set)
}

// zeroTest returns the test that the value expr of Go type g is its zero
// value, and whether a zero value of g means "not set" well enough for
// Validate to report the member missing (strings, times, nil slices, maps
// and pointers; not numbers or booleans, whose zero is a real value). A
// struct has no cheap zero test: false.
func zeroTest(g *model.GoType, expr *jen.Statement) (jen.Code, bool) {
	switch g.Kind {
	case model.GoString:
		return expr.Op("==").Lit(""), true
	case model.GoTime:
		return expr.Dot("IsZero").Call(), true
	case model.GoInt32, model.GoInt64, model.GoFloat64:
		return expr.Op("==").Lit(0), false
	case model.GoBool:
		return jen.Op("!").Add(expr), false
	case model.GoSlice, model.GoMap, model.GoPointer, model.GoRaw:
		return expr.Op("==").Nil(), true
	case model.GoNamed:
		if ns := g.Named.Schema; ns != nil {
			switch {
			case ns.Union != nil:
				return expr.Op("==").Nil(), true
			case ns.Kind == model.KindEnum && ns.Ref == nil && ns.NullOr == nil:
				return expr.Op("==").Lit(""), true
			case ns.Kind == model.KindObject && ns.Ref == nil && ns.NullOr == nil:
				return jen.False(), false
			case ns.Go != nil && ns.Go.Kind != model.GoNamed:
				return zeroTest(ns.Go, expr)
			}
		}
	}
	return jen.False(), false
}
