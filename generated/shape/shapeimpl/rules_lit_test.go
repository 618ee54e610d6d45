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
			if (l != nil && l.ok) != p.literal {
				t.Errorf("literalOf(%q).ok = %v, want %v (%s)", p.expr, l != nil && l.ok, p.literal, p.reason)
			}
			for _, in := range inputs {
				if got, want := l.match(re, in), re.MatchString(in); got != want {
					t.Errorf("match(%q) = %v, regexp says %v", in, got, want)
				}
			}
		})
	}
}

// TestAnchoredMatchesRegexp: the anchored shortcut agrees with the regexp.
func TestAnchoredMatchesRegexp(t *testing.T) {
	patterns := []struct {
		expr   string
		simple bool
		reason string
	}{
		{`^#microsoft\.graph\.security\.[A-Za-z]+Evidence$`, true, "the evidence @odata.type pattern"},
		{`^[a-z]+$`, true, "a class alone"},
		{`^ab[0-9]+$`, true, "a prefix and a class"},
		{`^[a-z]+X`, false, "not anchored at the end"},
		{`^[a-z]*X$`, false, "a star, not a plus"},
		{`^a[^x]+b$`, false, "a negated class holds non-ASCII runes"},
	}
	inputs := []string{"", "#microsoft.graph.security.deviceEvidence", "#microsoft.graph.security.Evidence", "#microsoft.graph.security.device1Evidence",
		"#microsoft.graph.security.deviceEvidencex", "abc", "ab12", "ab", "aXb", "azzb", "abcX", "é"}
	for _, p := range patterns {
		t.Run(p.expr, func(t *testing.T) {
			re := regexp.MustCompile(p.expr)
			l := literalOf(re)
			if (l != nil) != p.simple {
				t.Errorf("literalOf(%q) = %v, want simple %v (%s)", p.expr, l != nil, p.simple, p.reason)
			}
			for _, in := range inputs {
				if got, want := l.match(re, in), re.MatchString(in); got != want {
					t.Errorf("match(%q) = %v, regexp says %v", in, got, want)
				}
			}
		})
	}
}
