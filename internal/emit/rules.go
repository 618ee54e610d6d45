package emit

import (
	"encoding/json"
	"fmt"
	"sort"
	"strconv"

	"github.com/dave/jennifer/jen"

	"github.com/graphshape/graphshape/internal/model"
)

// ruleFor returns the index of s's entry in the rule table, adding it (and
// the entries it refers to) on first use.
func (e *emitter) ruleFor(s *model.Schema) int {
	if i, ok := e.index[s]; ok {
		return i
	}
	i := len(e.rules)
	e.index[s] = i
	e.rules = append(e.rules, ruleEntry{where: s.Pointer})
	e.rules[i].code = e.buildRule(s, true)
	return i
}

// leafRule returns a rule with s's string limits but not its enum (for enum
// types, whose members the generated switch checks).
func (e *emitter) leafRule(s *model.Schema) int {
	i := len(e.rules)
	e.rules = append(e.rules, ruleEntry{where: s.Pointer})
	e.rules[i].code = e.buildRule(s, false)
	return i
}

// goValue returns a JSON value from the schema as a Go literal of the type
// encoding/json decodes it to (json.Number for numbers).
func goValue(v any) jen.Code {
	switch v := v.(type) {
	case nil:
		return jen.Nil()
	case bool, string:
		return jen.Lit(v)
	case json.Number:
		return jen.Qual("encoding/json", "Number").Parens(jen.Lit(string(v)))
	case float64:
		return jen.Qual("encoding/json", "Number").Parens(jen.Lit(strconv.FormatFloat(v, 'g', -1, 64)))
	case []any:
		return jen.Index().Any().ValuesFunc(func(g *jen.Group) {
			for _, x := range v {
				g.Add(goValue(x))
			}
		})
	case map[string]any:
		keys := make([]string, 0, len(v))
		for k := range v {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		return jen.Map(jen.String()).Any().Values(jen.DictFunc(func(d jen.Dict) {
			for _, k := range keys {
				d[jen.Lit(k)] = goValue(v[k])
			}
		}))
	}
	panic(fmt.Sprintf("emit: a schema value of type %T", v))
}

func (e *emitter) buildRule(s *model.Schema, withEnum bool) jen.Code {
	d := jen.Dict{}
	lit := func(name string, c jen.Code) { d[jen.Id(name)] = c }
	num := func(name string, n *model.Number) {
		if n != nil {
			lit(name, impl("Num").Call(jen.Lit(n.Text)))
		}
	}
	limit := func(name string, n int) {
		if n >= 0 {
			lit(name, impl("Int").Call(jen.Lit(n)))
		}
	}
	switch {
	case s.Bool != nil:
		lit("Bool", impl("Bool").Call(jen.Lit(*s.Bool)))
	case s.Ref != nil:
		lit("Ref", jen.Lit(e.typeRule(s.Ref)))
	case s.NullOr != nil:
		lit("NullOr", jen.Lit(e.ruleFor(s.NullOr)))
		lit("NullOrKeyword", jen.Lit("/"+s.NullOrKeyword+"/"+strconv.Itoa(s.NullOrIndex)))
	default:
		if s.Types != nil {
			lit("Types", typesExpr(s))
		}
		if withEnum && s.Enum != nil {
			lit("Enum", jen.Index().Any().ValuesFunc(func(g *jen.Group) {
				for _, m := range s.Enum {
					g.Add(goValue(m))
				}
			}))
		}
		if withEnum && s.Const != nil {
			lit("Const", goValue(s.Const.V))
			lit("HasConst", jen.True())
		}
		if s.Format != "" {
			lit("Format", jen.Lit(s.Format))
		}
		limit("MinLength", s.MinLength)
		limit("MaxLength", s.MaxLength)
		if s.Pattern != nil {
			lit("Pattern", jen.Qual("regexp", "MustCompile").Call(jen.Lit(s.Pattern.String())))
		}
		num("Minimum", s.Minimum)
		num("Maximum", s.Maximum)
		num("ExclusiveMinimum", s.ExclusiveMinimum)
		num("ExclusiveMaximum", s.ExclusiveMaximum)
		num("MultipleOf", s.MultipleOf)
		if s.Items != nil {
			lit("Items", jen.Lit(e.ruleFor(s.Items)))
		}
		for _, ap := range []struct {
			name string
			list []*model.Schema
		}{{"AllOf", s.AllOf}, {"AnyOf", s.AnyOf}, {"OneOf", s.OneOf}} {
			if len(ap.list) > 0 {
				lit(ap.name, jen.Index().Int().ValuesFunc(func(g *jen.Group) {
					for _, b := range ap.list {
						g.Lit(e.ruleFor(b))
					}
				}))
			}
		}
		for _, one := range []struct {
			name string
			s    *model.Schema
		}{{"Not", s.Not}, {"If", s.If}, {"Then", s.Then}, {"Else", s.Else}} {
			if one.s != nil {
				lit(one.name, jen.Lit(e.ruleFor(one.s)))
			}
		}
		if len(s.PrefixItems) > 0 {
			lit("PrefixItems", jen.Index().Int().ValuesFunc(func(g *jen.Group) {
				for _, p := range s.PrefixItems {
					g.Lit(e.ruleFor(p))
				}
			}))
		}
		if s.Contains != nil {
			lit("Contains", jen.Lit(e.ruleFor(s.Contains)))
		}
		limit("MinContains", s.MinContains)
		limit("MaxContains", s.MaxContains)
		limit("MinItems", s.MinItems)
		limit("MaxItems", s.MaxItems)
		if s.UniqueItems {
			lit("UniqueItems", jen.True())
		}
		limit("MinProperties", s.MinProperties)
		limit("MaxProperties", s.MaxProperties)
		if len(s.DependentRequired) > 0 {
			keys := make([]string, 0, len(s.DependentRequired))
			for k := range s.DependentRequired {
				keys = append(keys, k)
			}
			sort.Strings(keys)
			lit("DependentRequired", jen.Map(jen.String()).Index().String().Values(jen.DictFunc(func(dd jen.Dict) {
				for _, k := range keys {
					dd[jen.Lit(k)] = jen.Index().String().ValuesFunc(func(g *jen.Group) {
						for _, n := range s.DependentRequired[k] {
							g.Lit(n)
						}
					})
				}
			})))
		}
		if s.Union != nil {
			lit(map[string]string{"oneOf": "OneOf", "anyOf": "AnyOf"}[s.Union.Keyword], jen.Index().Int().ValuesFunc(func(g *jen.Group) {
				for _, br := range s.Union.Branches {
					g.Lit(e.ruleFor(br.Node) + 1)
				}
			}))
		}
		if len(s.BaseNodes) > 0 {
			lit("AllOf", jen.Index().Int().ValuesFunc(func(g *jen.Group) {
				for _, b := range s.BaseNodes {
					g.Lit(e.ruleFor(b) + 1)
				}
			}))
		}
		if own := ownProperties(s); len(own) > 0 {
			props := append([]*model.Property(nil), own...)
			sort.Slice(props, func(i, j int) bool { return props[i].JSONName < props[j].JSONName })
			lit("Properties", jen.Index().Add(impl("PropertyRule")).ValuesFunc(func(g *jen.Group) {
				for _, p := range props {
					g.Values(jen.Dict{jen.Id("Name"): jen.Lit(p.JSONName), jen.Id("Rule"): jen.Lit(e.ruleFor(p.Schema))})
				}
			}))
		}
		if len(s.Required) > 0 {
			lit("Required", jen.Index().String().ValuesFunc(func(g *jen.Group) {
				for _, r := range s.Required {
					g.Lit(r)
				}
			}))
		}
		if len(s.PatternProperties) > 0 {
			lit("Patterns", jen.Index().Add(impl("PatternRule")).ValuesFunc(func(g *jen.Group) {
				for _, pp := range s.PatternProperties {
					g.Values(jen.Dict{jen.Id("Pattern"): jen.Qual("regexp", "MustCompile").Call(jen.Lit(pp.Pattern)), jen.Id("Rule"): jen.Lit(e.ruleFor(pp.Schema))})
				}
			}))
		}
		switch {
		case s.Closed():
			lit("Closed", jen.True())
		case s.Additional != nil:
			lit("Additional", jen.Lit(e.ruleFor(s.Additional)))
		}
	}
	return jen.Values(d)
}

// ruleEntry is one entry of the rule table with the schema location it
// was compiled from.
type ruleEntry struct {
	code  jen.Code
	where string
}

// ruleTable returns the elements of the rule table, one per line, each
// labelled with its index and schema location.
func (e *emitter) ruleTable() jen.Code {
	items := make([]jen.Code, 0, len(e.rules)+1)
	items = append(items, jen.Line().Values().Op(",").Comment("0: unused, so that the index 0 means none"))
	for i, r := range e.rules {
		if i == 0 {
			continue
		}
		items = append(items, jen.Line().Add(r.code).Op(",").Comment(CommentText(strconv.Itoa(i)+": #"+r.where)))
	}
	items = append(items, jen.Line())
	return jen.Custom(jen.Options{Open: "{", Close: "}"}, items...)
}

// typeRule returns the rule index of a named type's schema.
func (e *emitter) typeRule(t *model.Type) int {
	return e.ruleFor(t.Schema)
}
