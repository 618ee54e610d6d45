// Package naming turns JSON names into Go identifiers: exported names with
// Go's initialisms (redirectIncidentId -> RedirectIncidentID), enum
// constants (IncidentStatusActive), and a Scope that reports two JSON names producing
// one Go name.
//
// A name is split into words at camelCase boundaries (tenantId -> tenant,
// Id; HTTPServer -> HTTP, Server; x509Thumbprint -> x509, Thumbprint) and at
// every rune that is neither a letter nor a digit, which is dropped (@odata.type
// -> odata, type). Letters and digits are not split from each other: ipv4
// stays one word. Each word is then title-cased, unless it is a known
// initialism (ID, URL, KQL, ...), which is written upper-case, the plural of
// one (ids -> IDs), or OData.
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

// initialisms are written all upper-case, as Go style asks. OData, which is
// not all upper-case, is handled by word.
var initialisms = map[string]bool{
	"ACL": true, "API": true, "ASCII": true, "CPU": true, "CSS": true, "CSV": true, "DNS": true, "EOF": true,
	"GUID": true, "HTML": true, "HTTP": true, "HTTPS": true, "ID": true, "IP": true, "JSON": true, "KQL": true,
	"LHS": true, "QPS": true, "RAM": true, "RHS": true, "RPC": true, "SLA": true, "SMTP": true, "SQL": true,
	"SSH": true, "TCP": true, "TLS": true, "TTL": true, "UDP": true, "UI": true, "UID": true, "UUID": true,
	"URI": true, "URL": true, "UTF8": true, "VM": true, "XML": true, "XMPP": true, "XSRF": true, "XSS": true,
}

// words splits s on camelCase boundaries and on every rune that is neither
// a letter nor a digit (those runes are dropped).
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
		if start >= 0 && unicode.IsUpper(r) && split(rs, start, i) {
			flush(i)
		}
		if start < 0 {
			start = i
		}
	}
	flush(len(rs))
	return out
}

// split reports whether the upper-case rs[i] starts a new word, the current
// one having started at rs[start].
func split(rs []rune, start, i int) bool {
	prev := rs[i-1]
	switch {
	case unicode.IsLower(prev):
		return true // tenant|Id
	case unicode.IsDigit(prev):
		return i-start > 1 // x509|Thumbprint
	case !unicode.IsUpper(prev):
		return false
	}
	// An upper-case run: it ends before its last letter when a lower-case
	// one follows (HTTP|Server), except in OData and in the plural of an
	// initialism (URLs).
	if i+1 >= len(rs) || !unicode.IsLower(rs[i+1]) {
		return false
	}
	wordEnd := func(j int) bool { return j >= len(rs) || !unicode.IsLower(rs[j]) }
	if string(rs[start:i]) == "O" && i+4 <= len(rs) && string(rs[i:i+4]) == "Data" && wordEnd(i+4) {
		return false
	}
	if rs[i+1] == 's' && wordEnd(i+2) && initialisms[string(rs[start:i+1])] {
		return false
	}
	return true
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

// join returns the formatted words of name, concatenated; it is empty when
// name has no letters or digits.
func join(name string) string {
	var b strings.Builder
	for _, w := range words(name) {
		b.WriteString(word(w))
	}
	return b.String()
}

// Exported returns the exported Go identifier for a JSON name. A name
// without letters or digits becomes "X" followed by the hex of its bytes
// ("@" -> "X40"; "" -> "Empty"); one that would start with a digit gets an
// "N" prefix ("1st" -> "N1st"), and one that would start with a letter
// without an upper case (e.g. Arabic) an "X" prefix.
func Exported(name string) string {
	s := join(name)
	switch {
	case name == "":
		return "Empty"
	case s == "":
		return fmt.Sprintf("X%X", name)
	case !token.IsExported(s):
		if r, _ := utf8.DecodeRuneInString(s); unicode.IsDigit(r) {
			return "N" + s
		}
		return "X" + s
	}
	return s
}

// EnumConst returns the Go constant for an enum member of the type named
// typeName: typeName followed by the member's name, as Exported writes it
// but without a prefix for a leading digit ("Level", "1" -> "Level1").
// Members that are not strings are spelled out: nil "Null", true "True",
// false "False", numbers (json.Number, float64 or an integer type) with "-"
// as "Minus" and "." as "Dot" ("1.5" -> "1Dot5", "-1" -> "Minus1", "1e3" ->
// "1e3"). The empty string is "Empty"; objects, arrays and other values are
// "Value".
func EnumConst(typeName string, member any) string {
	switch m := member.(type) {
	case string:
		if m == "" {
			return typeName + "Empty"
		}
		if s := join(m); s != "" {
			return typeName + s
		}
		return typeName + fmt.Sprintf("X%X", m)
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
	case float32:
		return typeName + number(strconv.FormatFloat(float64(m), 'g', -1, 32))
	case int, int8, int16, int32, int64, uint, uint8, uint16, uint32, uint64, uintptr:
		return typeName + number(fmt.Sprint(m))
	}
	return typeName + "Value"
}

// number spells a number's text as identifier runes: "-" as "Minus", "."
// as "Dot"; "+" and anything else that is neither a letter nor a digit is
// dropped. A text with nothing left is "Value".
func number(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '-':
			b.WriteString("Minus")
		case r == '.':
			b.WriteString("Dot")
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			b.WriteRune(r)
		}
	}
	if b.Len() == 0 {
		return "Value"
	}
	return b.String()
}

// CollisionError reports two origins producing the same Go name.
type CollisionError struct {
	Name   string // the Go identifier
	First  string // where it was first produced, e.g. a JSON Pointer
	Second string // where it was produced again
}

// Error returns `go name "Name" is produced by both First and Second`.
func (e *CollisionError) Error() string {
	return fmt.Sprintf("go name %q is produced by both %s and %s", e.Name, e.First, e.Second)
}

// Scope records which origin uses each Go name, to report two JSON names
// that produce one Go name. The zero value is ready to use.
type Scope struct {
	used map[string]string // Go name -> origin
}

// Claim records that origin (a human-readable place, such as a JSON
// Pointer) uses the Go identifier name. If another origin already claimed
// name, Claim returns a *CollisionError and keeps the first claim; the same
// origin may claim a name again.
func (s *Scope) Claim(name, origin string) error {
	if prev, ok := s.used[name]; ok {
		if prev != origin {
			return &CollisionError{Name: name, First: prev, Second: origin}
		}
		return nil
	}
	if s.used == nil {
		s.used = map[string]string{}
	}
	s.used[name] = origin
	return nil
}

// Taken reports whether name has been claimed.
func (s *Scope) Taken(name string) bool {
	_, ok := s.used[name]
	return ok
}
