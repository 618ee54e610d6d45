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
