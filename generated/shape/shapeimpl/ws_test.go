package shapeimpl

import (
	"encoding/json"
	"strings"
	"testing"
)

// TestWhiteSpace: white space of every kind and length between tokens is
// skipped exactly (indentation is skipped eight bytes at a time).
func TestWhiteSpace(t *testing.T) {
	for _, ws := range []string{"", " ", "\n", "\t", "\r\n", strings.Repeat(" ", 7), strings.Repeat(" ", 8), strings.Repeat(" ", 9),
		"\n" + strings.Repeat(" ", 17), " \t" + strings.Repeat(" ", 16) + "\n ", strings.Repeat(" ", 8) + "x"} {
		doc := strings.Join([]string{"", "{", `"a"`, ":", "[", "1", ",", `"b"`, "]", ",", `"c"`, ":", "null", "}", ""}, ws)
		t.Run(strings.NewReplacer("\n", `\n`, "\t", `\t`, "\r", `\r`).Replace(ws), func(t *testing.T) {
			d := NewDecoderString(doc)
			d.Skip()
			d.Finish()
			if got, want := d.err == nil, json.Valid([]byte(doc)); got != want {
				t.Errorf("decoder accepts %q: %v, json.Valid says %v (err %v)", doc, got, want, d.err)
			}
		})
	}
}

// TestSkipWSExact: skipWS stops at the first byte that is not white space,
// or at the end, from every offset of runs of every length up to 40 that
// mix spaces with tabs, line breaks and carriage returns at each position.
func TestSkipWSExact(t *testing.T) {
	ref := func(s string, i int) int {
		for i < len(s) && strings.IndexByte(" \t\n\r", s[i]) >= 0 {
			i++
		}
		return i
	}
	for n := 0; n <= 40; n++ {
		for at := -1; at < n; at++ {
			for _, other := range []byte{'\t', '\n', '\r', 'x', '"', 0x80} {
				run := []byte(strings.Repeat(" ", n))
				if at >= 0 {
					run[at] = other
				}
				for _, tail := range []string{"", "x", " x", "{"} {
					s := string(run) + tail
					for start := 0; start <= len(s); start++ {
						d := NewDecoderString(s)
						d.pos = start
						d.skipWS()
						if want := ref(s, start); d.pos != want {
							t.Fatalf("skipWS(%q) from %d stopped at %d, want %d", s, start, d.pos, want)
						}
					}
				}
			}
		}
	}
}
