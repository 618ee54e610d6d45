package schema

import (
	"errors"
	"unicode/utf16"
	"unicode/utf8"
)

// ErrInvalidUTF8 is the cause of a *SyntaxError for a schema document that
// is not UTF-8: encoding/json (and so jsonschema v5) would read each bad
// byte as U+FFFD, so a member name or pattern would silently be another.
var ErrInvalidUTF8 = errors.New("invalid UTF-8: JSON text must be UTF-8 (RFC 8259, section 8.1)")

// ErrLoneSurrogate is the cause of a *SyntaxError for a string escape of
// half a UTF-16 surrogate pair (such as "\ud800" alone), which encoding/json
// reads as U+FFFD, so the string would silently be another.
var ErrLoneSurrogate = errors.New(`a \u escape of half a UTF-16 surrogate pair, which names no character`)

// checkText returns the offset and cause of the first byte of data that is
// not UTF-8, or of the first lone surrogate escape in a string; -1 and nil
// when there is none. data is known to be valid JSON apart from these.
func checkText(data []byte) (int, error) {
	in := false
	for i := 0; i < len(data); {
		c := data[i]
		if c >= utf8.RuneSelf {
			r, n := utf8.DecodeRune(data[i:])
			if r == utf8.RuneError && n == 1 {
				return i, ErrInvalidUTF8
			}
			i += n
			continue
		}
		switch {
		case c == '"':
			in = !in
			i++
		case in && c == '\\' && i+1 < len(data) && data[i+1] == 'u':
			r := hex4(data[i+2:])
			if !utf16.IsSurrogate(r) {
				i += 6
				continue
			}
			if r < 0xdc00 && len(data) > i+7 && data[i+6] == '\\' && data[i+7] == 'u' {
				if lo := hex4(data[i+8:]); lo >= 0xdc00 && lo < 0xe000 {
					i += 12
					continue
				}
			}
			return i, ErrLoneSurrogate
		case in && c == '\\':
			i += 2
		default:
			i++
		}
	}
	return -1, nil
}

// hex4 decodes four hex digits at the start of b; -1 when there are not.
func hex4(b []byte) rune {
	if len(b) < 4 {
		return -1
	}
	var r rune
	for _, c := range b[:4] {
		switch {
		case '0' <= c && c <= '9':
			c -= '0'
		case 'a' <= c && c <= 'f':
			c -= 'a' - 10
		case 'A' <= c && c <= 'F':
			c -= 'A' - 10
		default:
			return -1
		}
		r = r<<4 | rune(c)
	}
	return r
}
