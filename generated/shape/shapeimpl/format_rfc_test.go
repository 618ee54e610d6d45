package shapeimpl

import "testing"

// TestFormatRFC: the format checks follow the RFCs the JSON-Schema-Test-Suite
// follows, not net/url's leniency (issue 15, point 10).
func TestFormatRFC(t *testing.T) {
	tests := []struct {
		format, value string
		want          bool
		reason        string
	}{
		{"uri", "http://example.com/a?b=c#d", true, "a plain URI"},
		{"uri", "urn:oasis:names:specification:docbook:dtd:xml:4.1.2", true, "a URN"},
		{"uri", "http://[2001:db8::7]/c=GB?objectClass?one", true, "an IPv6 literal"},
		{"uri", "http://[v7.fe80::a+en1]/", true, "an IPvFuture literal"},
		{"uri", "http://user:pw@host:8080/p%20q", true, "userinfo, port and a percent-encoding"},
		{"uri", `http://a/b\c`, false, "backslash"},
		{"uri", "http://a/b c", false, "space"},
		{"uri", "http://a/<b>", false, "<>"},
		{"uri", "http://a/{b}", false, "{}"},
		{"uri", "http://a/^b", false, "^"},
		{"uri", "http://a/`b", false, "backtick"},
		{"uri", "http://a/b|c", false, "|"},
		{"uri", `http://a/"b"`, false, "double quote"},
		{"uri", "http://ä.com/", false, "non-ASCII"},
		{"uri", "http://a/[b]", false, "brackets in a path segment"},
		{"uri", "http://a/%zz", false, "a bad percent-encoding"},
		{"uri", "http://a@b@c/", false, "two at-signs"},
		{"uri", "//a/b", false, "a relative reference is no URI"},
		{"uri", "1http://a", false, "a scheme starts with a letter"},
		{"uri", "http://a:8x/", false, "a port is digits"},
		{"uri-reference", "//a/b", true, "a network-path reference"},
		{"uri-reference", "../a?b#c", true, "a relative path"},
		{"uri-reference", "#f", true, "a fragment alone"},
		{"uri-reference", "", true, "the empty reference"},
		{"uri-reference", "a:b/c", true, "with a scheme"},
		{"uri-reference", "1a:b", false, "path-noscheme: no colon in the first segment"},
		{"uri-reference", `\\WINDOWS\share`, false, "backslashes"},
		{"hostname", "a-b.example", true, "hyphen inside"},
		{"hostname", "a.-b", false, "a later label starting with a hyphen"},
		{"hostname", "ab--cd", false, "-- in the third and fourth position, not xn--"},
		{"hostname", "xn--bcher-kva", true, "an A-label"},
		{"ipv4", "192.168.0.1", true, "a dotted quad"},
		{"ipv4", "+1.2.3.4", false, "a sign"},
		{"ipv4", "01.2.3.4", false, "a leading zero"},
		{"ipv4", "1.2.3.256", false, "out of range"},
		{"ipv4", "1.2.3", false, "three octets"},
	}
	for _, tc := range tests {
		t.Run(tc.format+"/"+tc.reason, func(t *testing.T) {
			if got := CheckFormat(tc.format, tc.value); got != tc.want {
				t.Errorf("%s: CheckFormat(%q, %q) = %v, want %v", tc.reason, tc.format, tc.value, got, tc.want)
			}
		})
	}
}
