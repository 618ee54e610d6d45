// Package pointer implements JSON Pointers (RFC 6901): escaping and
// unescaping of reference tokens, building a pointer from tokens, and
// parsing a pointer, or a URI fragment holding one, into its tokens with
// an error for a malformed pointer.
//
// A pointer is a string: "" is the whole document, "/a/0" the member "a"
// and then its element 0. Within a token "~" is written "~0" and "/" is
// written "~1"; no other escape exists.
package pointer

import (
	"errors"
	"fmt"
	"net/url"
	"strings"
)

// ErrSyntax is the error Parse and ParseFragment wrap for a malformed
// pointer; test for it with errors.Is.
var ErrSyntax = errors.New("malformed JSON Pointer")

var (
	escaper   = strings.NewReplacer("~", "~0", "/", "~1")
	unescaper = strings.NewReplacer("~1", "/", "~0", "~")
)

// Escape returns token as a reference token: "~" becomes "~0" and "/"
// becomes "~1".
func Escape(token string) string {
	if !strings.ContainsAny(token, "~/") {
		return token
	}
	return escaper.Replace(token)
}

// Unescape reverses Escape: "~1" becomes "/" and "~0" becomes "~" (so
// "~01" is "~1", not "/"). It returns an error wrapping ErrSyntax when
// token holds a "~" not followed by "0" or "1", or an unescaped "/".
func Unescape(token string) (string, error) {
	if err := checkToken(token); err != nil {
		return "", err
	}
	if !strings.Contains(token, "~") {
		return token, nil
	}
	return unescaper.Replace(token), nil
}

func checkToken(token string) error {
	for i := 0; i < len(token); i++ {
		switch token[i] {
		case '/':
			return fmt.Errorf("%w: token %q holds an unescaped \"/\"", ErrSyntax, token)
		case '~':
			if i+1 >= len(token) || token[i+1] != '0' && token[i+1] != '1' {
				return fmt.Errorf("%w: token %q: \"~\" must be followed by 0 or 1", ErrSyntax, token)
			}
			i++
		}
	}
	return nil
}

// Append returns ptr followed by tokens, each escaped. Append("", "a/b")
// is "/a~1b".
func Append(ptr string, tokens ...string) string {
	if len(tokens) == 0 {
		return ptr
	}
	var b strings.Builder
	n := len(ptr)
	for _, t := range tokens {
		n += len(t) + 1
	}
	b.Grow(n)
	b.WriteString(ptr)
	for _, t := range tokens {
		b.WriteByte('/')
		b.WriteString(Escape(t))
	}
	return b.String()
}

// Join returns the pointer made of tokens, each escaped; Join() is "",
// the whole document.
func Join(tokens ...string) string { return Append("", tokens...) }

// Parse returns the unescaped tokens of ptr: nil for "", the whole
// document. A pointer that does not start with "/" or holds a bad "~"
// escape is an error wrapping ErrSyntax.
func Parse(ptr string) ([]string, error) {
	if ptr == "" {
		return nil, nil
	}
	if ptr[0] != '/' {
		return nil, fmt.Errorf("%w: %q does not start with \"/\"", ErrSyntax, ptr)
	}
	raw := strings.Split(ptr[1:], "/")
	out := make([]string, len(raw))
	for i, t := range raw {
		u, err := Unescape(t)
		if err != nil {
			return nil, fmt.Errorf("pointer %q: %w", ptr, err)
		}
		out[i] = u
	}
	return out, nil
}

// Split is Parse for a pointer already known to be well formed (one this
// program built with Append): it reports no error, and a bad "~" escape
// is left as written.
func Split(ptr string) []string {
	if ptr == "" {
		return nil
	}
	raw := strings.Split(strings.TrimPrefix(ptr, "/"), "/")
	for i, t := range raw {
		if strings.Contains(t, "~") {
			raw[i] = unescaper.Replace(t)
		}
	}
	return raw
}

// ParseFragment returns the tokens of a URI fragment holding a JSON
// Pointer (RFC 6901 section 6), such as the part of "#/$defs/a%20b" after
// "#": the fragment is percent-decoded first, then parsed. A leading "#"
// is accepted and dropped.
func ParseFragment(fragment string) ([]string, error) {
	fragment = strings.TrimPrefix(fragment, "#")
	ptr, err := url.PathUnescape(fragment)
	if err != nil {
		return nil, fmt.Errorf("%w: fragment %q: bad percent-encoding", ErrSyntax, fragment)
	}
	return Parse(ptr)
}

// Fragment returns ptr as a URI fragment (with the leading "#"),
// percent-encoding what a fragment may not hold literally.
func Fragment(ptr string) string {
	var b strings.Builder
	b.WriteByte('#')
	for i := 0; i < len(ptr); i++ {
		c := ptr[i]
		if fragmentSafe(c) {
			b.WriteByte(c)
		} else {
			fmt.Fprintf(&b, "%%%02X", c)
		}
	}
	return b.String()
}

// fragmentSafe reports whether c may appear unencoded in a URI fragment
// (RFC 3986: pchar / "/" / "?").
func fragmentSafe(c byte) bool {
	switch {
	case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9':
		return true
	}
	return strings.IndexByte("-._~!$&'()*+,;=:@/?", c) >= 0
}

// Root is how output meant for people shows the pointer "" (the whole
// document): "/" would be the member named "" of the root. JSON output
// keeps "".
const Root = "(root)"

// Show returns ptr as output meant for people prints it: Root for "",
// else ptr unchanged.
func Show(ptr string) string {
	if ptr == "" {
		return Root
	}
	return ptr
}
