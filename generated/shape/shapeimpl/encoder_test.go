package shapeimpl

import (
	"encoding/json"
	"math/bits"
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

// TestEncoderStringMatchesAppendString: Encoder.String, which checks and
// copies eight bytes at a time, writes what AppendString writes, at every
// length and position of a special byte, after a value (with the comma)
// and at the start.
func TestEncoderStringMatchesAppendString(t *testing.T) {
	specials := []string{"", "a", `"`, `\`, "<", ">", "&", "\n", "\x01", "\x1f", "\x7f", "é", "\u2028", "\xff", "=", "?", "$", "'", "\\x5b", "]", "|", "~"}
	for _, sp := range specials {
		for n := 0; n < 20; n++ {
			for pad := 0; pad <= n; pad++ {
				s := strings.Repeat("x", pad) + sp + strings.Repeat("y", n-pad)
				for _, first := range []bool{true, false} {
					e := NewEncoder()
					want := ""
					if !first {
						e.Int64(1)
						want = "1,"
					}
					e.String(s)
					want += string(AppendString(nil, s))
					if got := string(e.Bytes()); got != want {
						t.Fatalf("String(%q) wrote %s, want %s", s, got, want)
					}
					e.Finish()
				}
			}
		}
	}
}

// TestUnsafeBytes: the word test finds the first byte the byte test
// rejects, for every byte at every position of a word of safe bytes.
func TestUnsafeBytes(t *testing.T) {
	for c := range 256 {
		for pos := range 8 {
			w := []byte("abcdefgh")
			w[pos] = byte(c)
			m := unsafeBytes(load64(string(w), 0))
			first := 8
			if m != 0 {
				first = bits.TrailingZeros64(m) >> 3
			}
			want := 8
			if !safeByte[c] {
				want = pos
			}
			if first != want {
				t.Errorf("byte %#x at %d: first unsafe byte found at %d, want %d", c, pos, first, want)
			}
		}
	}
}

// TestSafeString: the folded word test agrees with the byte test on
// strings with one special byte at every position and length.
func TestSafeString(t *testing.T) {
	for c := range 256 {
		for n := 1; n < 20; n++ {
			for pos := range n {
				b := []byte(strings.Repeat("a", n))
				b[pos] = byte(c)
				if got, want := safeString(string(b)), safeByte[c]; got != want {
					t.Fatalf("safeString(%q) = %v, want %v", b, got, want)
				}
			}
		}
	}
}

// TestRawInvalidUTF8: a raw value whose strings hold invalid UTF-8 (lenient
// decoding keeps one in Extra) is written with U+FFFD for each bad byte, as
// String writes strings; one that is not JSON or repeats a member name is
// refused; a lone surrogate escape is valid JSON text and stays.
func TestRawInvalidUTF8(t *testing.T) {
	for _, tt := range []struct{ raw, want string }{
		{"\"\xf2\"", "\"\ufffd\""},
		{"{\"a\":\"x\xa0y\xff\",\"b\":[\"\xc3\"]}", "{\"a\":\"x\ufffdy\ufffd\",\"b\":[\"\ufffd\"]}"},
		{`"\ud800"`, `"\ud800"`},
		{`{"a":1}`, `{"a":1}`},
		{`{"a":1,"a":2}`, ""},
		{"\"\xf2", ""},
	} {
		e := NewEncoder()
		e.Raw(RawValue(tt.raw))
		got, err := e.Finish()
		if tt.want == "" {
			if err == nil {
				t.Errorf("Raw(%q) wrote %s, want an error", tt.raw, got)
			}
			continue
		}
		if err != nil || string(got) != tt.want || !json.Valid(got) {
			t.Errorf("Raw(%q) = %q, %v; want %q", tt.raw, got, err, tt.want)
		}
	}
}
