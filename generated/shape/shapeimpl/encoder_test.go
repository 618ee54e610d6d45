package shapeimpl

import (
	"encoding/json"
	"math/bits"
	"strings"
	"testing"
	"time"
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

// TestCopyWords: copyWords copies every length exactly, writing nothing
// past the string.
func TestCopyWords(t *testing.T) {
	for n := range 70 {
		s := strings.Repeat("abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGH", 2)[:n]
		dst := []byte(strings.Repeat("#", n+8))
		if got := copyWords(dst, s); got != n || string(dst[:n]) != s || string(dst[n:]) != "########" {
			t.Fatalf("copyWords(%q) = %d, copied %q", s, got, dst)
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

// TestNameTime: NameTime writes the member as Name and Time write it, that
// is a date-time as time.Time.AppendFormat(RFC3339Nano) writes it, for
// instants across the years 0000-9999 (both ends included), fractions and
// offsets (one with seconds, which RFC 3339 drops); a year outside fails.
func TestNameTime(t *testing.T) {
	zones := []*time.Location{time.UTC, time.FixedZone("", 2*3600), time.FixedZone("", -(5*3600 + 30*60 + 17)),
		time.FixedZone("", 45*60), time.FixedZone("", 14*3600), time.FixedZone("", -12*3600)}
	const first, end = -62167219200, 253402300800 // 0000-01-01, 10000-01-01
	var instants []time.Time
	for _, sec := range []int64{first, first + 1, first + 86399, -1, 0, 1, 951782400, 1078012800, 4107542400, end - 1} {
		for _, z := range zones {
			for _, ns := range []int64{0, 1, 999999999, 120000000} {
				_, off := time.Unix(sec, 0).In(z).Zone()
				instants = append(instants, time.Unix(sec-int64(off), ns).In(z)) // wall clock sec in z
			}
		}
	}
	for i := int64(0); i < 20000; i++ {
		sec := (i*7919*104729)%(end-first) + first
		ns := (i * 982451653) % 1e9
		if i%3 == 0 {
			ns -= ns % 1e6
		}
		instants = append(instants, time.Unix(sec, ns).In(zones[i%int64(len(zones))]))
	}
	for _, tm := range instants {
		var enc Encoder
		enc.BeginObject()
		enc.NameTime(`"t":`, tm)
		enc.EndObject()
		if y := tm.Year(); y < 0 || y > 9999 {
			if enc.Err() == nil {
				t.Fatalf("NameTime(%v): no error for year %d", tm, y)
			}
			continue
		}
		want := `{"t":"` + tm.Format(time.RFC3339Nano) + `"}`
		if got, err := string(enc.Bytes()), enc.Err(); got != want || err != nil {
			t.Fatalf("NameTime(%v) = %s, %v; want %s", tm, got, err, want)
		}
	}
}

// TestSizedFinish: an Encoder from NewEncoderSized hands over its buffer,
// cut to the bytes written (no capacity past them holds anything but
// zeros), so that encoding a value again allocates once; an encoding longer than the hint, or much shorter, is still
// whole and exact, and moves the hint.
func TestSizedFinish(t *testing.T) {
	encode := func(h *SizeHint, n int) []byte {
		enc := NewEncoderSized(h)
		enc.BeginArray()
		for range n {
			enc.String("abcdefghijklmnopqrstuvwxyz")
		}
		enc.EndArray()
		out, err := enc.Finish()
		if err != nil {
			t.Fatal(err)
		}
		return out
	}
	want := func(n int) string {
		return "[" + strings.TrimSuffix(strings.Repeat(`"abcdefghijklmnopqrstuvwxyz",`, n), ",") + "]"
	}
	var h SizeHint
	for _, n := range []int{1, 100, 100, 1000, 10, 3000, 2999} {
		out := encode(&h, n)
		if string(out) != want(n) {
			t.Fatalf("%d strings: encoded %.40q..., want %.40q...", n, out, want(n))
		}
		if rest := out[len(out):cap(out)]; strings.Trim(string(rest), "\x00") != "" {
			t.Fatalf("%d strings: the capacity past the output holds %q, not zeros", n, rest)
		}
		if got := int(h.n.Load()); got < len(out)/2 {
			t.Fatalf("%d strings: hint %d after an encoding of %d bytes", n, got, len(out))
		}
	}
	for _, n := range []int{5, 500, 5000} {
		var h SizeHint
		encode(&h, n)
		if allocs := testing.AllocsPerRun(20, func() { encode(&h, n) }); allocs != 1 {
			t.Errorf("%d strings: %v allocations an encoding, want 1", n, allocs)
		}
	}
}

// TestLastWins: repeated member names are left out but for the last, at
// every depth, which stays where it stands; other values are kept.
func TestLastWins(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{`{"a":1,"b":{"x":1,"x":[2,{"y":1,"y":2}]},"a":3}`, `{"b":{"x":[2,{"y":2}]},"a":3}`},
		{`[{"":"","":""}]`, `[{"":""}]`},
		{` {"n":1e400,"s":"R&D","t":true,"f":false,"z":null,"n":123456789012345678901234567890} `, `{"s":"R\u0026D","t":true,"f":false,"z":null,"n":123456789012345678901234567890}`},
		{`{"a":`, `{"a":`}, // not JSON: as it is
	} {
		if got := lastWins(tt.in); got != tt.want {
			t.Errorf("lastWins(%s) = %s, want %s", tt.in, got, tt.want)
		}
	}
}
