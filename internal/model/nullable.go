package model

import "slices"

// nullValid reports whether null is a valid value of s, exactly as draft
// 2020-12 decides it: by the node's own type, enum and const, through $ref
// and the nullable form, and through allOf, anyOf, oneOf, not and
// if/then/else (no other keyword applies to null). memo holds the nodes
// decided so far, so each is decided once; a node met again while it is
// being decided (a $ref cycle that consumes nothing, which jsonschema v5
// refuses) counts as refusing null.
func nullValid(s *Schema, memo map[*Schema]bool) bool {
	if v, ok := memo[s]; ok {
		return v
	}
	memo[s] = false
	v := nullValidOnce(s, memo)
	memo[s] = v
	return v
}

func nullValidOnce(s *Schema, memo map[*Schema]bool) bool {
	switch {
	case s.Bool != nil:
		return *s.Bool
	case s.Ref != nil:
		return s.Ref.Schema != nil && nullValid(s.Ref.Schema, memo)
	case s.NullOr != nil:
		return true
	case s.Union != nil:
		// A discriminated union keeps its branches in Union, not AnyOf or
		// OneOf: null must satisfy one (oneOf: exactly one) of them.
		n := 0
		for _, br := range s.Union.Branches {
			if nullValid(br.Node, memo) {
				n++
			}
		}
		return n > 0 && (s.Union.Keyword == "anyOf" || n == 1)
	}
	if s.Types != nil && !slices.Contains(s.Types, TypeNull) ||
		s.Enum != nil && !slices.Contains(s.Enum, nil) ||
		s.Const != nil && s.Const.V != nil {
		return false
	}
	ok := func(b *Schema) bool { return nullValid(b, memo) }
	for _, b := range s.AllOf {
		if !ok(b) {
			return false
		}
	}
	if len(s.AnyOf) > 0 && !slices.ContainsFunc(s.AnyOf, ok) {
		return false
	}
	if len(s.OneOf) > 0 {
		n := 0
		for _, b := range s.OneOf {
			if ok(b) {
				n++
			}
		}
		if n != 1 {
			return false
		}
	}
	if s.Not != nil && ok(s.Not) {
		return false
	}
	if s.If != nil {
		branch := s.Else
		if ok(s.If) {
			branch = s.Then
		}
		if branch != nil && !ok(branch) {
			return false
		}
	}
	return true
}
