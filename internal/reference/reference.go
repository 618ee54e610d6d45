// Package reference validates documents with jsonschema v5, the reference
// validator, and reports its verdict in the same shape as generated code:
// a list of shape.Violation.
//
// v5 and the generated code disagree in form on a few points; Normalise is
// the one place that maps v5's form onto graphshape's, so the two can be
// compared violation by violation:
//
//   - additionalProperties: v5 reports one error on the object naming every
//     member ("additionalProperties 'a', 'b' not allowed"); graphshape reports
//     one violation per member, at the member. Normalise splits v5's.
//   - required: v5 reports one error listing the missing names; graphshape one
//     per name, both at the object. Normalise splits v5's.
//   - the nullable form {"anyOf": [S, {"type": "null"}]}: for a non-null value
//     that fails S, v5 also reports the null branch's "type" failure (and the
//     anyOf itself); graphshape reports only S's. Normalise drops the branch.
//   - only leaf errors count; v5's intermediate "doesn't validate" nodes are
//     dropped.
package reference

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"github.com/santhosh-tekuri/jsonschema/v5"

	"github.com/graphshape/graphshape/generated/shape"
	"github.com/graphshape/graphshape/internal/pointer"
	"github.com/graphshape/graphshape/schema"
)

// Validator validates instances against one compiled (sub)schema.
type Validator struct {
	s      *jsonschema.Schema
	unions map[string]*union // discriminated unions, see prune
}

// Compile compiles the schema document data, named name, at the JSON
// Pointer ptr ("" for the root).
func Compile(name string, data []byte, ptr string) (*Validator, error) {
	doc, err := schema.Parse(name, data)
	if err != nil {
		return nil, err
	}
	s, err := doc.Compile(ptr)
	if err != nil {
		return nil, err
	}
	return &Validator{s: s, unions: unions(doc)}, nil
}

// Validate decodes instance (numbers kept exact) and validates it. It
// returns the normalised violations, sorted as Sort does, or an error when
// instance is not JSON or holds a number beyond what graphshape hands to
// v5 (see schema.MaxNumberLength and schema.MaxNumberExponent; the error
// wraps a *schema.NumberError naming the number's instance location).
func (v *Validator) Validate(instance []byte) ([]shape.Violation, error) {
	if bytes.HasPrefix(bytes.TrimLeft(instance, " \t\r\n"), []byte("\ufeff")) {
		return nil, fmt.Errorf("reference: %w", schema.ErrBOM)
	}
	dec := json.NewDecoder(bytes.NewReader(instance))
	dec.UseNumber()
	var doc any
	if err := dec.Decode(&doc); err != nil {
		return nil, fmt.Errorf("reference: %w", err)
	}
	if _, err := dec.Token(); err == nil {
		return nil, errors.New("reference: unexpected data after the top-level value")
	}
	if err := schema.CheckNumbers("", doc); err != nil {
		return nil, fmt.Errorf("reference: %w", err)
	}
	err := v.validate(doc)
	if err == nil {
		return nil, nil
	}
	var ve *jsonschema.ValidationError
	if !errors.As(err, &ve) {
		return nil, fmt.Errorf("reference: %w", err)
	}
	prune(ve, doc, v.unions)
	out := Normalise(ve)
	Sort(out)
	return out, nil
}

// validate runs v5, turning a panic inside it into an error.
func (v *Validator) validate(doc any) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("jsonschema v5 failed validating the document: %v", r)
		}
	}()
	return v.s.Validate(doc)
}

var (
	quoted       = regexp.MustCompile(`'((?:[^'\\]|\\.)*)'`)
	nullBranchRE = regexp.MustCompile(`/(anyOf|oneOf)/\d+/type$`)
)

// Normalise flattens a v5 error tree into violations in graphshape's form
// (see the package documentation for the mapping).
func Normalise(ve *jsonschema.ValidationError) []shape.Violation {
	var out []shape.Violation
	var walk func(e *jsonschema.ValidationError)
	walk = func(e *jsonschema.ValidationError) {
		if len(e.Causes) > 0 {
			for _, c := range e.Causes {
				walk(c)
			}
			return
		}
		kw := keywordOf(e.KeywordLocation)
		switch {
		case kw == "type" && nullBranchRE.MatchString(e.KeywordLocation) && strings.HasPrefix(e.Message, "expected null,"):
			return // the null branch of the nullable form
		case kw == "additionalProperties" && strings.HasPrefix(e.Message, "additionalProperties "):
			for _, m := range quoted.FindAllStringSubmatch(e.Message, -1) {
				name := unquote(m[1])
				out = append(out, shape.Violation{InstanceLocation: pointer.Append(e.InstanceLocation, name),
					KeywordLocation: e.KeywordLocation, Keyword: kw, Message: "property " + strconv.Quote(name) + " is not allowed"})
			}
			return
		case kw == "required" && strings.HasPrefix(e.Message, "missing propert"):
			for _, m := range quoted.FindAllStringSubmatch(e.Message, -1) {
				out = append(out, shape.Violation{InstanceLocation: e.InstanceLocation, KeywordLocation: e.KeywordLocation,
					Keyword: kw, Message: "missing required property " + strconv.Quote(unquote(m[1]))})
			}
			return
		}
		out = append(out, shape.Violation{InstanceLocation: e.InstanceLocation, KeywordLocation: e.KeywordLocation, Keyword: kw, Message: e.Message})
	}
	walk(ve)
	return out
}

// unquote inverts v5's quoting of names in messages: Go %q escaping with
// the double quotes left bare and single quotes escaped.
func unquote(s string) string {
	s = strings.ReplaceAll(s, `\'`, `'`)
	s = strings.ReplaceAll(s, `"`, `\"`)
	if u, err := strconv.Unquote(`"` + s + `"`); err == nil {
		return u
	}
	return s
}

var dependentRequiredRE = regexp.MustCompile(`/dependentRequired/[^/]*/\d+$`)

func keywordOf(loc string) string {
	if dependentRequiredRE.MatchString(loc) {
		return "dependentRequired" // v5 names the index of the required member last
	}
	i := strings.LastIndexByte(loc, '/')
	if i < 0 {
		return loc
	}
	k := loc[i+1:]
	if u, err := pointer.Unescape(k); err == nil {
		return u
	}
	return k // not an RFC 6901 token: shown as v5 wrote it
}

// Sort orders violations by instance location, then keyword location, then
// keyword, so two validators' outputs compare as sets.
func Sort(vs []shape.Violation) {
	sort.SliceStable(vs, func(i, j int) bool {
		a, b := vs[i], vs[j]
		if a.InstanceLocation != b.InstanceLocation {
			return a.InstanceLocation < b.InstanceLocation
		}
		if a.KeywordLocation != b.KeywordLocation {
			return a.KeywordLocation < b.KeywordLocation
		}
		return a.Keyword < b.Keyword
	})
}
