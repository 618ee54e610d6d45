package shapeimpl

import (
	"regexp"
	"testing"
)

// TestLiteralMatchesRegexp: the literal shortcut agrees with the regexp on
// literal and non-literal patterns.
func TestLiteralMatchesRegexp(t *testing.T) {
	patterns := []struct {
		expr    string
		literal bool
		reason  string
	}{
		{`@odata\.`, true, "an escaped dot is a literal"},
		{`abc`, true, "plain text"},
		{`^abc`, false, "an anchor is not a literal"},
		{`a.c`, false, "a dot matches any character"},
		{`(?i)abc`, false, "case folding is not a literal"},
	}
	inputs := []string{"", "@odata.type", "x@odata.", "@odataXtype", "abc", "xABCx", "aXc", "ab"}
	for _, p := range patterns {
		t.Run(p.expr, func(t *testing.T) {
			re := regexp.MustCompile(p.expr)
			l := literalOf(re)
			if l.ok != p.literal {
				t.Errorf("literalOf(%q).ok = %v, want %v (%s)", p.expr, l.ok, p.literal, p.reason)
			}
			for _, in := range inputs {
				if got, want := l.match(re, in), re.MatchString(in); got != want {
					t.Errorf("match(%q) = %v, regexp says %v", in, got, want)
				}
			}
		})
	}
}
