package schema

import (
	"encoding/json"
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/graphshape/graphshape/internal/pointer"
)

// MaxNumberLength is the longest number literal, in characters, that
// graphshape hands to jsonschema v5, in a schema or (gen validate -schema)
// in a document. v5 converts every number it compares to a big.Rat, whose
// cost grows faster than linearly with the number of digits.
const MaxNumberLength = 10000

// MaxNumberExponent bounds the magnitude of a number literal's decimal
// exponent handed to jsonschema v5. Beyond ±1,000,000 v5's big.Rat
// conversion fails and v5 panics; beyond a few thousand it is slow.
const MaxNumberExponent = 10000

// NumberError reports a number literal that jsonschema v5 cannot handle, or
// can handle only at a cost graphshape does not accept (see MaxNumberLength
// and MaxNumberExponent). Name is the schema document's name, or "" for an
// instance document.
type NumberError struct {
	Name    string // the schema document, or "" for an instance
	Pointer string // JSON Pointer to the number
	Literal string // the number as written, cut to 40 characters
	Reason  string
}

func (e *NumberError) Error() string {
	where := "instance " + pointerOrRoot(e.Pointer)
	if e.Name != "" {
		where = e.Name + "#" + e.Pointer
	}
	return fmt.Sprintf("%s: number %s %s", where, e.Literal, e.Reason)
}

// CheckNumber reports whether the JSON number literal lit (already known to
// be valid JSON) is within MaxNumberLength and MaxNumberExponent. It returns
// a *NumberError with an empty Name and Pointer when it is not.
func CheckNumber(lit string) error {
	if len(lit) > MaxNumberLength {
		return &NumberError{Literal: cut(lit), Reason: "has " + strconv.Itoa(len(lit)) + " characters, more than the " + strconv.Itoa(MaxNumberLength) + " graphshape hands to jsonschema v5"}
	}
	i := strings.IndexAny(lit, "eE")
	if i < 0 {
		return nil
	}
	exp := strings.TrimLeft(lit[i+1:], "+-")
	exp = strings.TrimLeft(exp, "0")
	if len(exp) > len(strconv.Itoa(MaxNumberExponent)) {
		return &NumberError{Literal: cut(lit), Reason: "has an exponent of " + strconv.Itoa(len(exp)) + " digits, beyond the ±" + strconv.Itoa(MaxNumberExponent) + " graphshape hands to jsonschema v5"}
	}
	if n, err := strconv.Atoi(exp); err == nil && n > MaxNumberExponent {
		return &NumberError{Literal: cut(lit), Reason: "has the exponent " + lit[i+1:] + ", beyond the ±" + strconv.Itoa(MaxNumberExponent) + " graphshape hands to jsonschema v5"}
	}
	return nil
}

// CheckNumbers walks a decoded JSON value (numbers as json.Number) and
// returns the first number, in document order of a sorted walk, that
// CheckNumber refuses, as a *NumberError naming name and its pointer.
func CheckNumbers(name string, v any) error {
	return checkNumbers(name, "", v)
}

func checkNumbers(name, ptr string, v any) error {
	switch t := v.(type) {
	case json.Number:
		if err := CheckNumber(string(t)); err != nil {
			ne := err.(*NumberError)
			ne.Name, ne.Pointer = name, ptr
			return ne
		}
	case map[string]any:
		for _, k := range sortedKeys(t) {
			if err := checkNumbers(name, pointer.Append(ptr, k), t[k]); err != nil {
				return err
			}
		}
	case []any:
		for i, e := range t {
			if err := checkNumbers(name, pointer.Append(ptr, strconv.Itoa(i)), e); err != nil {
				return err
			}
		}
	}
	return nil
}

func sortedKeys(m map[string]any) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

func cut(s string) string {
	if len(s) > 40 {
		return s[:37] + "..."
	}
	return s
}
