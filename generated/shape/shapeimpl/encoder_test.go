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
