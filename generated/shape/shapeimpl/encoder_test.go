package shapeimpl

import (
	"encoding/json"
	"strings"
	"testing"
)

// TestAppendStringMatchesEncodingJSON: strings are written as encoding/json
// writes them (HTML characters, U+2028 and U+2029 escaped, invalid UTF-8 as
// U+FFFD), at every position relative to the eight-byte scan.
func TestAppendStringMatchesEncodingJSON(t *testing.T) {
	specials := []string{"", "a", `"`, `\`, "<", ">", "&", "\n", "\r", "\t", "\x01", "\x1f", "\x7f", "é", "\u2028", "\u2029", "\xff", "\xe2\x80", "😀"}
	for _, sp := range specials {
		for pad := 0; pad < 17; pad++ {
			s := strings.Repeat("x", pad) + sp + strings.Repeat("y", 16-pad)
			want, err := json.Marshal(s)
			if err != nil {
				t.Fatal(err)
			}
			want = []byte(strings.NewReplacer(`\b`, `\u0008`, `\f`, `\u000c`).Replace(string(want)))
			if got := AppendString(nil, s); string(got) != string(want) {
				t.Errorf("AppendString(%q) = %s, want %s", s, got, want)
			}
		}
	}
}

// TestRawText: a raw value whose only fault is its text (lenient decoding
// keeps such a value as sent) is written with invalid UTF-8 as U+FFFD, as
// strings are, and a lone surrogate escape kept; one that is still not
// valid, or repeats a member once its bytes are replaced, is refused.
func TestRawText(t *testing.T) {
	tests := []struct {
		raw, want string
		fails     bool
		reason    string
	}{
		{"\"\xd6\"", "\"\uFFFD\"", false, "the fuzz crasher: a truncated sequence in a kept string"},
		{"{\"a\xff\":[\"\xc3\"]}", "{\"a\uFFFD\":[\"\uFFFD\"]}", false, "in a member name and in a nested string"},
		{`"\ud800"`, `"\ud800"`, false, "a lone surrogate escape is JSON's grammar; kept as sent"},
		{"[\"\xff\",\"\\udc00\"]", "[\"\uFFFD\",\"\\udc00\"]", false, "both at once"},
		{"{\"\xff\":1,\"\xfe\":2}", "null", true, "two names that become one"},
		{"\"\xff\"}{", "null", true, "still not one value"},
		{`{"a":1,"a":2}`, "null", true, "a repeated member, as before"},
	}
	for _, tc := range tests {
		e := NewEncoder()
		e.Raw(RawValue(tc.raw))
		out, err := e.Finish()
		if (err != nil) != tc.fails {
			t.Errorf("%s: Raw(%q) error %v, want failure %v", tc.reason, tc.raw, err, tc.fails)
			continue
		}
		if !tc.fails && string(out) != tc.want {
			t.Errorf("%s: Raw(%q) wrote %q, want %q", tc.reason, tc.raw, out, tc.want)
		}
	}
}
