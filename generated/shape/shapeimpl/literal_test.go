package shapeimpl

import (
	"regexp"
	"testing"
)

// TestLiteralMatchKeepsAnchors: the literal fast path of pattern matching
// must agree with the regexp on every pattern, including anchored ones that
// regexp.LiteralPrefix reports as complete literals ("^abc$").
func TestLiteralMatchKeepsAnchors(t *testing.T) {
	tests := []struct {
		pattern, s string
		reason     string
	}{
		{`^abc$`, "abc\n", "$ does not match before a trailing newline"},
		{`^abc$`, "xabc", "^ anchors at the start"},
		{`^abc$`, "abc", "the anchored literal itself"},
		{`@odata\.`, "x@odata.type", "an unanchored literal matches anywhere"},
		{`@odata\.`, "x@odataxtype", "the escaped dot is a dot"},
		{`abc`, "ab", "a shorter string"},
	}
	for _, tc := range tests {
		re := regexp.MustCompile(tc.pattern)
		if got, want := literalOf(re).match(re, tc.s), re.MatchString(tc.s); got != want {
			t.Errorf("%s: pattern %q on %q: fast path %v, regexp %v", tc.reason, tc.pattern, tc.s, got, want)
		}
	}
}
