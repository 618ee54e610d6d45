package reference

import (
	"net/url"
	"strconv"
	"strings"

	"github.com/santhosh-tekuri/jsonschema/v5"

	"github.com/graphshape/graphshape/internal/model"
	"github.com/graphshape/graphshape/internal/pointer"
	"github.com/graphshape/graphshape/schema"
)

// A discriminated union (a oneOf/anyOf whose branches each require one
// member and fix it with a const, see internal/model) fails in v5 with the
// failures of every branch: for an object whose discriminator names branch
// i, 47 const failures of the other branches beside the real ones. The
// generated code decodes only the branch the discriminator names. So for
// such a union prune keeps the causes of the named branch, and when the
// discriminator names none (unknown, absent, not a string, or the value is
// not an object) it reduces the failure to one violation of the union's
// keyword, as the generated code reports it.

// union is a discriminated union of the schema, found by internal/model.
type union struct {
	property string
	branch   map[string]int // discriminator value -> branch index
	def      int            // the branch an absent discriminator chooses; -1: none
}

// unions returns the discriminated unions of doc by the schema pointer of
// their keyword ("/$defs/x/oneOf"); none when the model cannot be built.
func unions(doc *schema.Document) map[string]*union {
	res, err := model.Build(doc, model.Options{Root: "Root"})
	if err != nil {
		return nil
	}
	out := map[string]*union{}
	for _, t := range res.Types {
		u := t.Schema.Union
		if u == nil {
			continue
		}
		x := &union{property: u.Property, branch: map[string]int{}, def: -1}
		if u.Default != nil {
			x.def = u.Default.Index
		}
		for _, br := range u.Branches {
			x.branch[br.Value] = br.Index
		}
		out[t.Pointer+"/"+u.Keyword] = x
	}
	return out
}

// prune rewrites e's tree for the discriminated unions us, given the
// instance doc.
func prune(e *jsonschema.ValidationError, doc any, us map[string]*union) {
	e.KeywordLocation = unescapeAfterRef(e.KeywordLocation)
	if len(us) == 0 {
		for _, c := range e.Causes {
			prune(c, doc, us)
		}
		return
	}
	frag := e.AbsoluteKeywordLocation
	if i := strings.IndexByte(frag, '#'); i >= 0 {
		frag = frag[i+1:]
	}
	if u, ok := us[frag]; ok {
		var kept []*jsonschema.ValidationError
		if obj, ok := at(doc, e.InstanceLocation).(map[string]any); ok {
			i := -1
			if raw, present := obj[u.property]; !present {
				i = u.def
			} else if tag, ok := raw.(string); ok {
				if b, ok := u.branch[tag]; ok {
					i = b
				}
			}
			if i >= 0 {
				prefix := e.KeywordLocation + "/" + strconv.Itoa(i)
				for _, c := range e.Causes {
					if c.KeywordLocation == prefix || strings.HasPrefix(c.KeywordLocation, prefix+"/") {
						kept = append(kept, c)
					}
				}
			}
		}
		e.Causes = kept
		if len(kept) == 0 {
			return
		}
	}
	for _, c := range e.Causes {
		prune(c, doc, us)
	}
}

// unescapeAfterRef undoes the percent-encoding v5 applies to the part of
// a keyword location after a $ref ("@odata%5C." for "@odata\\."); the
// generated code reports keyword locations unencoded throughout.
func unescapeAfterRef(loc string) string {
	i := strings.Index(loc, "/$ref/")
	if i < 0 || !strings.Contains(loc[i:], "%") {
		return loc
	}
	rest, err := url.PathUnescape(loc[i:])
	if err != nil {
		return loc
	}
	return loc[:i] + rest
}

// at returns the value at JSON Pointer ptr in doc, or nil.
func at(doc any, ptr string) any {
	if ptr == "" {
		return doc
	}
	cur := doc
	for _, tok := range pointer.Split(ptr) {
		switch c := cur.(type) {
		case map[string]any:
			cur = c[tok]
		case []any:
			i, err := strconv.Atoi(tok)
			if err != nil || i < 0 || i >= len(c) {
				return nil
			}
			cur = c[i]
		default:
			return nil
		}
	}
	return cur
}
