// Package naming turns JSON names into Go identifiers: exported names with
// Go's initialisms (redirectIncidentId -> RedirectIncidentID), unexported
// names that avoid keywords, enum constants (IncidentStatusActive), and a
// Scope that reports two JSON names producing one Go name.
package naming

import (
	"encoding/json"
	"fmt"
	"go/token"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// initialisms are written all upper-case, as Go style asks.
var initialisms = map[string]bool{
	"ACL": true, "API": true, "ASCII": true, "CPU": true, "CSS": true, "CSV": true, "DNS": true, "EOF": true,
	"GUID": true, "HTML": true, "HTTP": true, "HTTPS": true, "ID": true, "IP": true, "JSON": true, "KQL": true,
	"LHS": true, "QPS": true, "RAM": true, "RHS": true, "RPC": true, "SLA": true, "SMTP": true, "SQL": true,
	"SSH": true, "TCP": true, "TLS": true, "TTL": true, "UDP": true, "UI": true, "UID": true, "UUID": true,
	"URI": true, "URL": true, "UTF8": true, "VM": true, "XML": true, "XMPP": true, "XSRF": true, "XSS": true,
}

// words splits s on camelCase boundaries and on every character that is
// neither a letter nor a digit.
func words(s string) []string {
	var out []string
	rs := []rune(s)
	start := -1
	flush := func(end int) {
		if start >= 0 {
			out = append(out, string(rs[start:end]))
			start = -1
		}
	}
	for i, r := range rs {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			flush(i)
			continue
		}
		if start >= 0 && unicode.IsUpper(r) {
			prev := rs[i-1]
			nextLower := i+1 < len(rs) && unicode.IsLower(rs[i+1])
			if unicode.IsLower(prev) || unicode.IsDigit(prev) && i-start > 1 || unicode.IsUpper(prev) && nextLower {
				flush(i)
			}
		}
		if start < 0 {
			start = i
		}
	}
	flush(len(rs))
	return out
}

// word formats one word: an initialism upper-case (a plural one as "IDs"),
// "odata" as "OData", anything else title-cased.
func word(w string) string {
	u := strings.ToUpper(w)
	switch {
	case u == "ODATA":
		return "OData"
	case initialisms[u]:
		return u
	case len(u) > 1 && u[len(u)-1] == 'S' && initialisms[u[:len(u)-1]]:
		return u[:len(u)-1] + "s"
	}
	r, size := utf8.DecodeRuneInString(w)
	return string(unicode.ToUpper(r)) + strings.ToLower(w[size:])
}

// Exported returns the exported Go identifier for a JSON name. A name
// without letters or digits becomes "X" and the hex of its bytes ("Empty"
// for ""); one starting with a digit gets an "N" prefix.
func Exported(name string) string {
	s := join(name)
	switch {
	case name == "":
		return "Empty"
	case s == "":
		return "X" + fmt.Sprintf("%X", name)
	case !token.IsExported(s):
		// A leading digit, or a letter without an upper case (e.g. Arabic).
		if r, _ := utf8.DecodeRuneInString(s); unicode.IsDigit(r) {
			return "N" + s
		}
		return "X" + s
	}
	return s
}

func join(name string) string {
	var b strings.Builder
	for _, w := range words(name) {
		b.WriteString(word(w))
	}
	return b.String()
}

// Unexported returns an unexported Go identifier for a JSON name, suffixed
// with "_" where it would be a keyword or predeclared identifier.
func Unexported(name string) string {
	ws := words(name)
	if len(ws) == 0 {
		return "x" + strings.ToLower(Exported(name))
	}
	var b strings.Builder
	for i, w := range ws {
		if i == 0 {
			f := word(w)
			if initialisms[strings.ToUpper(w)] || f == "OData" {
				b.WriteString(strings.ToLower(f))
			} else {
				r, size := utf8.DecodeRuneInString(f)
				b.WriteString(string(unicode.ToLower(r)) + f[size:])
			}
			continue
		}
		b.WriteString(word(w))
	}
	s := b.String()
	if r, _ := utf8.DecodeRuneInString(s); unicode.IsDigit(r) || unicode.IsUpper(r) || !unicode.IsLower(r) && token.IsExported(s) {
		s = "x" + s
	}
	if token.IsKeyword(s) || predeclared[s] {
		s += "_"
	}
	return s
}

var predeclared = map[string]bool{}

func init() {
	for _, n := range strings.Fields("any append bool byte cap clear close comparable complex complex128 complex64 copy delete error false float32 float64 imag int int16 int32 int64 int8 iota len make max min new nil panic print println real recover rune string true uint uint16 uint32 uint64 uint8 uintptr") {
		predeclared[n] = true
	}
}

// EnumConst returns the Go constant for an enum member of type typeName:
// typeName followed by the member's name. Members that are not strings
// are spelled out: nil "Null", true "True", 1.5 "1Dot5", -1 "Minus1"; an
// empty string "Empty"; objects and arrays "Value".
func EnumConst(typeName string, member any) string {
	switch m := member.(type) {
	case string:
		if m == "" {
			return typeName + "Empty"
		}
		s := join(m)
		if s == "" {
			return typeName + "X" + fmt.Sprintf("%X", m)
		}
		return typeName + s
	case nil:
		return typeName + "Null"
	case bool:
		if m {
			return typeName + "True"
		}
		return typeName + "False"
	case json.Number:
		return typeName + number(string(m))
	case float64:
		return typeName + number(strconv.FormatFloat(m, 'g', -1, 64))
	case int:
		return typeName + number(strconv.Itoa(m))
	}
	return typeName + "Value"
}

func number(s string) string {
	return strings.NewReplacer("-", "Minus", "+", "", ".", "Dot").Replace(s)
}

// CollisionError reports two origins producing the same Go name.
type CollisionError struct {
	Name   string // the Go identifier
	First  string // where it was first produced
	Second string // where it was produced again
}

func (e *CollisionError) Error() string {
	return fmt.Sprintf("go name %q is produced by both %s and %s", e.Name, e.First, e.Second)
}

// Scope records which origin uses each Go name. The zero value is ready.
type Scope struct {
	used map[string]string
}

// Claim records that origin uses name. Claiming a name another origin
// holds returns a *CollisionError; the same origin may claim again.
func (s *Scope) Claim(name, origin string) error {
	if s.used == nil {
		s.used = map[string]string{}
	}
	if prev, ok := s.used[name]; ok && prev != origin {
		return &CollisionError{Name: name, First: prev, Second: origin}
	}
	s.used[name] = origin
	return nil
}

// Taken reports whether name has been claimed.
func (s *Scope) Taken(name string) bool {
	_, ok := s.used[name]
	return ok
}
