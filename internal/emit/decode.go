package emit

import (
	"fmt"

	"github.com/dave/jennifer/jen"

	"github.com/graphshape/graphshape/internal/model"
)

func hasLeafConstraints(s *model.Schema) bool {
	if s.Enum != nil || s.Const != nil {
		return true
	}
	switch s.Kind {
	case model.KindString:
		return s.MinLength >= 0 || s.MaxLength >= 0 || s.Pattern != nil || s.Format != ""
	case model.KindInteger, model.KindNumber:
		return s.Minimum != nil || s.Maximum != nil || s.ExclusiveMinimum != nil || s.ExclusiveMaximum != nil || s.MultipleOf != nil
	}
	return false
}

func (e *emitter) leafArg(s *model.Schema) jen.Code {
	if !hasLeafConstraints(s) {
		return jen.Nil()
	}
	return e.ruleRef(e.ruleFor(s))
}

func (e *emitter) ruleRef(i int) jen.Code {
	return jen.Op("&").Id(RulesVar).Index(jen.Lit(i))
}

func v(name string, depth int) string {
	if depth == 0 {
		return name
	}
	return fmt.Sprintf("%s%d", name, depth)
}

// decodeInto decodes one non-null value of s and hands it to assign. Null is
// the caller's business.
func (e *emitter) decodeInto(s *model.Schema, assign func(jen.Code) jen.Code) []jen.Code {
	return e.decodeDepth(s, assign, 0)
}

func (e *emitter) decodeDepth(s *model.Schema, assign func(jen.Code) jen.Code, depth int) []jen.Code {
	d := jen.Id("d")
	x := v("x", depth)
	if s.NullOr != nil && s.Raw {
		// A raw value (no Go type of its own, e.g. an anyOf) or null: the
		// node's own rule checks both, so null is kept as the text null.
		return []jen.Code{e.ifStmt(jen.Id(x).Op(":=").Add(d.Clone()).Dot("Raw").Call(jen.Id(RulesVar), jen.Lit(e.ruleFor(s))), jen.Id(x).Op("!=").Nil()).Block(assign(jen.Id(x)))}
	}
	if s.NullOr != nil {
		kw := fmt.Sprintf("/%s/%d", s.NullOrKeyword, s.NullOrIndex)
		out := []jen.Code{d.Clone().Dot("PushKeyword").Call(jen.Lit(kw))}
		out = append(out, e.decodeDepth(s.NullOr, assign, depth)...)
		return append(out, d.Clone().Dot("PopKeyword").Call())
	}
	if ut := unionOf(s); ut != nil {
		return e.decodeUnion(s, ut, assign, depth)
	}
	switch {
	case s.Ref != nil:
		t := s.Ref
		var decl jen.Code = jen.Var().Id(x).Id(t.GoName)
		if t.Cyclic {
			decl = jen.Id(x).Op(":=").New(jen.Id(t.GoName))
		}
		at := v("at", depth)
		return []jen.Code{
			d.Clone().Dot("PushKeyword").Call(jen.Lit("/$ref")),
			jen.Id(at).Op(":=").Add(d.Clone()).Dot("Begin").Call(),
			decl,
			jen.Id(x).Dot("ShapeDecode").Call(d.Clone()),
			d.Clone().Dot("PopKeyword").Call(),
			jen.If(d.Clone().Dot("Decoded").Call(jen.Id(at))).Block(assign(jen.Id(x))),
		}
	case s.Named != nil:
		at := v("at", depth)
		return []jen.Code{
			jen.Id(at).Op(":=").Add(d.Clone()).Dot("Begin").Call(),
			jen.Var().Id(x).Id(s.Named.GoName),
			jen.Id(x).Dot("ShapeDecode").Call(d.Clone()),
			jen.If(d.Clone().Dot("Decoded").Call(jen.Id(at))).Block(assign(jen.Id(x))),
		}
	case s.Raw:
		idx := 0
		if !s.Unconstrained {
			idx = e.ruleFor(s)
		}
		return []jen.Code{e.ifStmt(jen.Id(x).Op(":=").Add(d.Clone()).Dot("Raw").Call(jen.Id(RulesVar), jen.Lit(idx)), jen.Id(x).Op("!=").Nil()).Block(assign(jen.Id(x)))}
	}
	read := func(method string) []jen.Code {
		return []jen.Code{e.ifStmt(jen.List(jen.Id(x), jen.Id("ok")).Op(":=").Add(d.Clone()).Dot(method).Call(typesExpr(s), e.leafArg(s)), jen.Id("ok")).Block(assign(jen.Id(x)))}
	}
	switch s.Kind {
	case model.KindString, model.KindEnum:
		if s.Go != nil && s.Go.Kind == model.GoTime {
			return read("Time")
		}
		return read("String")
	case model.KindInteger:
		if s.GoInt32 {
			return read("Int32")
		}
		return read("Int64")
	case model.KindNumber:
		return read("Float64")
	case model.KindBool:
		return read("Bool")
	case model.KindArray:
		return e.decodeArray(s, assign, depth)
	case model.KindMap:
		return e.decodeMap(s, assign, depth)
	}
	panic(fmt.Sprintf("emit: no decoder for kind %v at %s", s.Kind, s.Pointer))
}

func (e *emitter) decodeElem(s *model.Schema, assign func(jen.Code) jen.Code, depth int) []jen.Code {
	if s.Nullable && !s.Raw {
		it := v("it", depth)
		inner := e.decodeDepth(s, func(x jen.Code) jen.Code { return jen.Id(it).Dot("Set").Call(x) }, depth+1)
		return []jen.Code{
			jen.Var().Id(it).Add(shape("Optional").Types(e.goType(s))),
			e.elseBlock(jen.If(jen.Id("d").Dot("Null").Call()).Block(jen.Id(it).Dot("SetNull").Call()), inner),
			assign(jen.Id(it)),
		}
	}
	return e.decodeDepth(s, assign, depth+1)
}

func (e *emitter) decodeArray(s *model.Schema, assign func(jen.Code) jen.Code, depth int) []jen.Code {
	items, i, spans, start := v("items", depth), v("i", depth), v("spans", depth), v("start", depth)
	elem := elemCode(s.Go)
	body := []jen.Code{}
	if s.UniqueItems {
		body = append(body, jen.Id(start).Op(":=").Id("d").Dot("Begin").Call())
	}
	kw := ""
	if s.Items != nil {
		kw = "/items"
	}
	body = append(body, jen.Id("d").Dot("EnterIndex").Call(jen.Id(i), jen.Lit(kw)))
	appendTo := func(x jen.Code) jen.Code { return jen.Id(items).Op("=").Append(jen.Id(items), x) }
	if s.Items == nil {
		body = append(body, jen.Id(items).Op("=").Append(jen.Id(items), jen.Id("d").Dot("Raw").Call(jen.Id(RulesVar), jen.Lit(0))))
	} else if name, kw, ok := inPlace(s.Items); ok {
		// Decode a struct item in place: no copy of the (large) value.
		at := v("at", depth)
		last := jen.Id(items).Index(jen.Len(jen.Id(items)).Op("-").Lit(1))
		if kw != "" {
			body = append(body, jen.Id("d").Dot("PushKeyword").Call(jen.Lit(kw)))
		}
		body = append(body,
			jen.Id(at).Op(":=").Id("d").Dot("Begin").Call(),
			jen.Id(items).Op("=").Append(jen.Id(items), jen.Id(name).Values()),
			last.Dot("ShapeDecode").Call(jen.Id("d")))
		if kw != "" {
			body = append(body, jen.Id("d").Dot("PopKeyword").Call())
		}
		body = append(body, jen.If(jen.Op("!").Id("d").Dot("Decoded").Call(jen.Id(at))).Block(
			jen.Id(items).Op("=").Id(items).Index(jen.Empty(), jen.Len(jen.Id(items)).Op("-").Lit(1))).
			Else().If(jen.Id(i).Op("==").Lit(0)).Block(
			jen.Id(items).Op("=").Add(impl("Grow")).Call(jen.Id("d"), jen.Id(items), jen.Id(at))))
	} else {
		body = append(body, e.decodeElem(s.Items, appendTo, depth)...)
	}
	body = append(body, jen.Id("d").Dot("Leave").Call())
	if s.UniqueItems {
		body = append(body, jen.Id(spans).Op("=").Append(jen.Id(spans), jen.Id("d").Dot("Since").Call(jen.Id(start))))
	}
	block := []jen.Code{jen.Id(items).Op(":=").Index().Add(elem).Values()}
	if s.UniqueItems {
		block = append(block, jen.Var().Id(spans).Index().String())
	}
	block = append(block,
		jen.Id(i).Op(":=").Lit(0),
		jen.For(jen.Id("d").Dot("NextItem").Call(jen.Id(i))).Block(append(body, jen.Id(i).Op("++"))...))
	if s.MinItems >= 0 || s.MaxItems >= 0 || s.UniqueItems {
		var sp jen.Code = jen.Nil()
		if s.UniqueItems {
			sp = jen.Id(spans)
		}
		block = append(block, jen.Id("d").Dot("CheckItems").Call(jen.Id(RulesVar), jen.Lit(e.ruleFor(s)), jen.Id(i), sp))
	}
	block = append(block, assign(jen.Id(items)))
	return []jen.Code{jen.If(jen.Id("d").Dot("BeginArray").Call(typesExpr(s))).Block(block...)}
}

func (e *emitter) decodeMap(s *model.Schema, assign func(jen.Code) jen.Code, depth int) []jen.Code {
	m, i, k := v("m", depth), v("i", depth), v("k", depth)
	elem := elemCode(s.Go)
	kw := ""
	if s.Additional != nil {
		kw = "/additionalProperties"
	}
	put := func(x jen.Code) jen.Code { return jen.Id(m).Index(jen.Id(k)).Op("=").Add(x) }
	body := []jen.Code{
		jen.Id(k).Op(":=").Id("d").Dot("Name").Call(),
		jen.Id("d").Dot("Enter").Call(jen.Id(k), jen.Lit(kw)),
		jen.If(jen.List(jen.Id("_"), jen.Id("dup")).Op(":=").Id(m).Index(jen.Id(k)), jen.Id("dup")).Block(jen.Id("d").Dot("Duplicate").Call()),
	}
	if s.Additional == nil {
		body = append(body, put(jen.Id("d").Dot("Raw").Call(jen.Id(RulesVar), jen.Lit(0))))
	} else {
		body = append(body, e.decodeElem(s.Additional, put, depth)...)
	}
	body = append(body, jen.Id("d").Dot("Leave").Call())
	block := []jen.Code{
		jen.Id(m).Op(":=").Map(jen.String()).Add(elem).Values(),
		jen.For(jen.Id(i).Op(":=").Lit(0), jen.Id("d").Dot("NextKey").Call(jen.Id(i)), jen.Id(i).Op("++")).Block(body...),
	}
	if s.MinProperties >= 0 || s.MaxProperties >= 0 || len(s.DependentRequired) > 0 {
		block = append(block, jen.Id("d").Dot("CheckMembers").Call(jen.Id(RulesVar), jen.Lit(e.ruleFor(s)), jen.Len(jen.Id(m)),
			jen.Func().Params(jen.Id("k").String()).Bool().Block(
				jen.List(jen.Id("_"), jen.Id("ok")).Op(":=").Id(m).Index(jen.Id("k")), jen.Return(jen.Id("ok")))))
	}
	block = append(block, assign(jen.Id(m)))
	return []jen.Code{jen.If(jen.Id("d").Dot("BeginObject").Call(typesExpr(s))).Block(block...)}
}

// encodeValue appends the JSON of expr, a non-null value of s.
func (e *emitter) encodeValue(s *model.Schema, expr *jen.Statement) []jen.Code {
	return e.encodeDepth(s, expr, 0)
}

// encodeMember appends the member named name (encoded, with its colon)
// whose value is expr, a non-null value of s: one fused call (NameString,
// NameTime, ...) for a scalar, Name and the value's writer otherwise.
func (e *emitter) encodeMember(s *model.Schema, name string, expr *jen.Statement) []jen.Code {
	enc := jen.Id("enc")
	if u := unwrap(s); unionOf(u) == nil && u.Ref == nil && u.Named == nil && !u.Raw {
		switch u.Kind {
		case model.KindString, model.KindEnum:
			if u.Go != nil && u.Go.Kind == model.GoTime {
				return []jen.Code{enc.Dot("NameTime").Call(jen.Lit(name), expr)}
			}
			return []jen.Code{enc.Dot("NameString").Call(jen.Lit(name), expr)}
		case model.KindInteger:
			if u.GoInt32 {
				return []jen.Code{enc.Dot("NameInt64").Call(jen.Lit(name), jen.Int64().Parens(expr))}
			}
			return []jen.Code{enc.Dot("NameInt64").Call(jen.Lit(name), expr)}
		case model.KindNumber:
			return []jen.Code{enc.Dot("NameFloat64").Call(jen.Lit(name), expr)}
		case model.KindBool:
			return []jen.Code{enc.Dot("NameBool").Call(jen.Lit(name), expr)}
		}
	}
	if g := s.Go; g != nil && g.Kind == model.GoNamed && g.Named.Schema != nil {
		// A named enum's ShapeEncode writes it as a string (see enumDecl).
		if ns := g.Named.Schema; ns.Union == nil && ns.Ref == nil && ns.NullOr == nil && ns.Kind == model.KindEnum {
			return []jen.Code{enc.Dot("NameString").Call(jen.Lit(name), jen.String().Parens(expr))}
		}
	}
	return append([]jen.Code{enc.Dot("Name").Call(jen.Lit(name))}, e.encodeValue(s, expr)...)
}

func (e *emitter) encodeDepth(s *model.Schema, expr *jen.Statement, depth int) []jen.Code {
	enc := jen.Id("enc")
	s = unwrap(s)
	if unionOf(s) != nil {
		return encodeUnion(expr)
	}
	switch {
	case s.Ref != nil && s.Ref.Cyclic:
		return []jen.Code{jen.If(expr.Clone().Op("==").Nil()).Block(enc.Clone().Dot("Null").Call()).Else().Block(expr.Clone().Dot("ShapeEncode").Call(enc.Clone()))}
	case s.Ref != nil || s.Named != nil:
		return []jen.Code{expr.Clone().Dot("ShapeEncode").Call(enc.Clone())}
	case s.Raw:
		return []jen.Code{enc.Clone().Dot("Raw").Call(expr.Clone())}
	}
	switch s.Kind {
	case model.KindString, model.KindEnum:
		if s.Go != nil && s.Go.Kind == model.GoTime {
			return []jen.Code{enc.Clone().Dot("Time").Call(expr.Clone())}
		}
		return []jen.Code{enc.Clone().Dot("String").Call(expr.Clone())}
	case model.KindInteger:
		if s.GoInt32 {
			return []jen.Code{enc.Clone().Dot("Int64").Call(jen.Int64().Parens(expr.Clone()))}
		}
		return []jen.Code{enc.Clone().Dot("Int64").Call(expr.Clone())}
	case model.KindNumber:
		return []jen.Code{enc.Clone().Dot("Float64").Call(expr.Clone())}
	case model.KindBool:
		return []jen.Code{enc.Clone().Dot("Bool").Call(expr.Clone())}
	case model.KindArray:
		i := v("i", depth)
		var body []jen.Code
		if s.Items == nil {
			body = []jen.Code{enc.Clone().Dot("Raw").Call(expr.Clone().Index(jen.Id(i)))}
		} else {
			body = e.encodeElem(s.Items, expr.Clone().Index(jen.Id(i)), depth)
		}
		return []jen.Code{
			enc.Clone().Dot("BeginArray").Call(),
			jen.For(jen.Id(i).Op(":=").Range().Add(expr.Clone())).Block(body...),
			enc.Clone().Dot("EndArray").Call(),
		}
	case model.KindMap:
		k, val := v("k", depth), v("val", depth)
		var body []jen.Code
		if s.Additional == nil {
			body = []jen.Code{enc.Clone().Dot("Raw").Call(jen.Id(val))}
		} else {
			body = e.encodeElem(s.Additional, jen.Id(val), depth)
		}
		return []jen.Code{
			enc.Clone().Dot("BeginObject").Call(),
			jen.For(jen.List(jen.Id("_"), jen.Id(k)).Op(":=").Range().Add(impl("SortedKeys").Call(expr.Clone()))).Block(
				append([]jen.Code{enc.Clone().Dot("Key").Call(jen.Id(k)), jen.Id(val).Op(":=").Add(expr.Clone()).Index(jen.Id(k))}, body...)...),
			enc.Clone().Dot("EndObject").Call(),
		}
	}
	panic(fmt.Sprintf("emit: no encoder for kind %v at %s", s.Kind, s.Pointer))
}

func (e *emitter) encodeElem(s *model.Schema, expr *jen.Statement, depth int) []jen.Code {
	if s.Nullable && !s.Raw {
		return []jen.Code{jen.If(expr.Clone().Dot("State").Op("==").Add(shape("Present"))).Block(
			e.encodeDepth(s, expr.Clone().Dot("Value"), depth+1)...).Else().Block(jen.Id("enc").Dot("Null").Call())}
	}
	return e.encodeDepth(s, expr, depth+1)
}

// inPlace reports whether array items of schema s can be decoded in place:
// a non-null struct reached by $ref (keyword "/$ref") or defined inline.
func inPlace(s *model.Schema) (name, kw string, ok bool) {
	if s.Nullable {
		return "", "", false
	}
	switch {
	case s.Ref != nil && !s.Ref.Cyclic && s.Ref.Schema != nil && s.Ref.Schema.Kind == model.KindObject && s.Ref.Schema.Ref == nil:
		return s.Ref.GoName, "/$ref", true
	case s.Named != nil && s.Kind == model.KindObject:
		return s.Named.GoName, "", true
	}
	return "", "", false
}

// ifStmt starts an if statement and remembers that it is one, so that an
// else branch holding only it is written as else if.
func (e *emitter) ifStmt(conds ...jen.Code) *jen.Statement {
	st := jen.If(conds...)
	e.ifs[st] = true
	return st
}

// elseBlock appends the else branch body to stmt: "else if" when body is
// one if statement, else "else { body }".
func (e *emitter) elseBlock(stmt *jen.Statement, body []jen.Code) *jen.Statement {
	if len(body) == 1 {
		if st, ok := body[0].(*jen.Statement); ok && e.ifs[st] {
			return stmt.Else().Add(st)
		}
	}
	return stmt.Else().Block(body...)
}
