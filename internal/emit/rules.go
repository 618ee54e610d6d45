package emit

import (
	"encoding/json"
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
	e.rules = append(e.rules, nil)
	e.rules[i] = e.buildRule(s, true)
	return i
}

// leafRule returns a rule with s's string limits but not its enum (for enum
// types, whose members the generated switch checks).
func (e *emitter) leafRule(s *model.Schema) int {
	i := len(e.rules)
	e.rules = append(e.rules, nil)
	e.rules[i] = e.buildRule(s, false)
	return i
}

func jsonText(v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		return "null"
	}
	return string(b)
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
		lit("Ref", jen.Lit(e.typeRule(s.Ref)+1))
	case s.NullOr != nil:
		lit("NullOr", jen.Lit(e.ruleFor(s.NullOr)+1))
		lit("NullOrKeyword", jen.Lit("/"+s.NullOrKeyword+"/"+strconv.Itoa(s.NullOrIndex)))
	default:
		if s.Types != nil {
			lit("Types", typesExpr(s))
		}
		if withEnum && s.Enum != nil {
			lit("Enum", jen.Index().String().ValuesFunc(func(g *jen.Group) {
				for _, m := range s.Enum {
					g.Lit(jsonText(m))
				}
			}))
		}
		if withEnum && s.Const != nil {
			lit("Const", impl("Str").Call(jen.Lit(s.Const.JSON)))
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
			lit("Items", jen.Lit(e.ruleFor(s.Items)+1))
		}
		for _, ap := range []struct {
			name string
			list []*model.Schema
		}{{"AllOf", s.AllOf}, {"AnyOf", s.AnyOf}, {"OneOf", s.OneOf}} {
			if len(ap.list) > 0 {
				lit(ap.name, jen.Index().Int().ValuesFunc(func(g *jen.Group) {
					for _, b := range ap.list {
						g.Lit(e.ruleFor(b) + 1)
					}
				}))
			}
		}
		for _, one := range []struct {
			name string
			s    *model.Schema
		}{{"Not", s.Not}, {"If", s.If}, {"Then", s.Then}, {"Else", s.Else}} {
			if one.s != nil {
				lit(one.name, jen.Lit(e.ruleFor(one.s)+1))
			}
		}
		if len(s.PrefixItems) > 0 {
			lit("PrefixItems", jen.Index().Int().ValuesFunc(func(g *jen.Group) {
				for _, p := range s.PrefixItems {
					g.Lit(e.ruleFor(p) + 1)
				}
			}))
		}
		if s.Contains != nil {
			lit("Contains", jen.Lit(e.ruleFor(s.Contains)+1))
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
		if len(s.Properties) > 0 {
			props := append([]*model.Property(nil), s.Properties...)
			sort.Slice(props, func(i, j int) bool { return props[i].JSONName < props[j].JSONName })
			lit("Properties", jen.Index().Add(impl("PropertyRule")).ValuesFunc(func(g *jen.Group) {
				for _, p := range props {
					g.Values(jen.Dict{jen.Id("Name"): jen.Lit(p.JSONName), jen.Id("Rule"): jen.Lit(e.ruleFor(p.Schema) + 1)})
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
					g.Values(jen.Dict{jen.Id("Pattern"): jen.Qual("regexp", "MustCompile").Call(jen.Lit(pp.Pattern)), jen.Id("Rule"): jen.Lit(e.ruleFor(pp.Schema) + 1)})
				}
			}))
		}
		switch {
		case s.Closed():
			lit("Closed", jen.True())
		case s.Additional != nil:
			lit("Additional", jen.Lit(e.ruleFor(s.Additional)+1))
		}
	}
	where := s.Pointer
	if where == "" {
		where = "(root)"
	}
	return jen.Comment("#" + where).Line().Values(d)
}

// typeRule returns the rule index of a named type's schema.
func (e *emitter) typeRule(t *model.Type) int {
	return e.ruleFor(t.Schema)
}
