package pointer

import (
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestEscapeUnescape(t *testing.T) {
	tests := []struct {
		token, escaped, reason string
	}{
		{"", "", "the empty token is a valid member name"},
		{"a", "a", "nothing to escape"},
		{"a/b", "a~1b", "slash becomes ~1"},
		{"m~n", "m~0n", "tilde becomes ~0"},
		{"~1", "~01", "a literal ~1 escapes its tilde only, so it does not read back as /"},
		{"/~", "~1~0", "both, in order"},
		{"$defs", "$defs", "dollar is not special in a pointer"},
		{"a b%", "a b%", "percent and space are not special in a pointer (only in a URI fragment)"},
	}
	for _, tt := range tests {
		t.Run(tt.escaped, func(t *testing.T) {
			if got := Escape(tt.token); got != tt.escaped {
				t.Errorf("Escape(%q) = %q, want %q (%s)", tt.token, got, tt.escaped, tt.reason)
			}
			got, err := Unescape(tt.escaped)
			if err != nil || got != tt.token {
				t.Errorf("Unescape(%q) = %q, %v, want %q (%s)", tt.escaped, got, err, tt.token, tt.reason)
			}
		})
	}
}

func TestUnescapeErrors(t *testing.T) {
	tests := []struct {
		token, reason string
	}{
		{"~", "a tilde at the end escapes nothing"},
		{"~2", "only ~0 and ~1 exist"},
		{"a~b", "a tilde before a letter"},
		{"a/b", "a token cannot hold a slash"},
	}
	for _, tt := range tests {
		t.Run(tt.token, func(t *testing.T) {
			if _, err := Unescape(tt.token); !errors.Is(err, ErrSyntax) {
				t.Errorf("Unescape(%q) error = %v, want ErrSyntax (%s)", tt.token, err, tt.reason)
			}
		})
	}
}

func TestAppendParse(t *testing.T) {
	tests := []struct {
		name   string
		base   string
		tokens []string
		want   string
		reason string
	}{
		{"root", "", nil, "", "no tokens: the base itself"},
		{"one", "", []string{"a"}, "/a", "one token"},
		{"escaped", "/properties", []string{"a/b", "c~d"}, "/properties/a~1b/c~0d", "each token escaped"},
		{"empty-token", "", []string{""}, "/", "the empty member name is /"},
		{"index", "/items", []string{"0"}, "/items/0", "array indexes are tokens like any other"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Append(tt.base, tt.tokens...)
			if got != tt.want {
				t.Fatalf("Append(%q, %q) = %q, want %q (%s)", tt.base, tt.tokens, got, tt.want, tt.reason)
			}
			base, err := Parse(tt.base)
			if err != nil {
				t.Fatal(err)
			}
			want := append(base, tt.tokens...)
			back, err := Parse(got)
			if err != nil {
				t.Fatalf("Parse(%q): %v", got, err)
			}
			if diff := cmp.Diff(want, back); diff != "" {
				t.Errorf("Parse(Append(...)) (-want +got) [%s]:\n%s", tt.reason, diff)
			}
			if diff := cmp.Diff(want, Split(got)); diff != "" {
				t.Errorf("Split(Append(...)) (-want +got) [%s]:\n%s", tt.reason, diff)
			}
			if j := Join(want...); j != got && tt.base == "" {
				t.Errorf("Join(%q) = %q, want %q", want, j, got)
			}
		})
	}
}

func TestParseRFCExamples(t *testing.T) {
	// RFC 6901 section 5.
	tests := []struct {
		ptr  string
		want []string
	}{
		{"", nil},
		{"/foo", []string{"foo"}},
		{"/foo/0", []string{"foo", "0"}},
		{"/", []string{""}},
		{"/a~1b", []string{"a/b"}},
		{"/c%d", []string{"c%d"}},
		{"/e^f", []string{"e^f"}},
		{"/g|h", []string{"g|h"}},
		{"/i\\j", []string{"i\\j"}},
		{"/k\"l", []string{"k\"l"}},
		{"/ ", []string{" "}},
		{"/m~0n", []string{"m~n"}},
	}
	for _, tt := range tests {
		t.Run(tt.ptr, func(t *testing.T) {
			got, err := Parse(tt.ptr)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Parse(%q) (-want +got):\n%s", tt.ptr, diff)
			}
		})
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct {
		ptr, reason string
	}{
		{"a", "a pointer starts with /"},
		{"#/a", "a fragment is not a pointer (use ParseFragment)"},
		{"/a~", "dangling tilde"},
		{"/a/~3", "unknown escape"},
	}
	for _, tt := range tests {
		t.Run(tt.ptr, func(t *testing.T) {
			if got, err := Parse(tt.ptr); !errors.Is(err, ErrSyntax) {
				t.Errorf("Parse(%q) = %q, %v, want ErrSyntax (%s)", tt.ptr, got, err, tt.reason)
			}
		})
	}
}

func TestFragment(t *testing.T) {
	tests := []struct {
		fragment string
		want     []string
		reason   string
	}{
		// RFC 6901 section 6.
		{"#", nil, "the whole document"},
		{"#/foo", []string{"foo"}, "plain"},
		{"#/", []string{""}, "empty member name"},
		{"#/a~1b", []string{"a/b"}, "pointer escapes survive"},
		{"#/c%25d", []string{"c%d"}, "percent-encoded percent"},
		{"#/e%5Ef", []string{"e^f"}, "percent-encoded caret"},
		{"#/%20", []string{" "}, "percent-encoded space"},
		{"/$defs/x", []string{"$defs", "x"}, "without the leading #"},
	}
	for _, tt := range tests {
		t.Run(tt.fragment, func(t *testing.T) {
			got, err := ParseFragment(tt.fragment)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("ParseFragment(%q) (-want +got) [%s]:\n%s", tt.fragment, tt.reason, diff)
			}
			back, err := ParseFragment(Fragment(Join(got...)))
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, back); diff != "" {
				t.Errorf("round trip through Fragment (-want +got):\n%s", diff)
			}
		})
	}
	for _, bad := range []string{"#/a%zz", "#a", "#/%7E2"} {
		if _, err := ParseFragment(bad); !errors.Is(err, ErrSyntax) {
			t.Errorf("ParseFragment(%q) error = %v, want ErrSyntax", bad, err)
		}
	}
	if got, want := Fragment("/c%d/e^f/ "), "#/c%25d/e%5Ef/%20"; got != want {
		t.Errorf("Fragment = %q, want %q", got, want)
	}
}

func TestLocate(t *testing.T) {
	doc := []byte(`{
  "type": "object",
  "properties": {
    "a/b": {"type": "string"},
    "list": [
      1,
      {"x": true}
    ],
    "c": {
      "enum": ["p", "q"]
    }
  }
}
`)
	tests := []struct {
		ptr    string
		line   int
		found  bool
		reason string
	}{
		{"", 1, true, "the document"},
		{"/type", 2, true, "a member's name line"},
		{"/properties/a~1b", 4, true, "escaped token"},
		{"/properties/a~1b/type", 4, true, "a member on the same line"},
		{"/properties/list/0", 6, true, "an array element's own line"},
		{"/properties/list/1/x", 7, true, "inside an element"},
		{"/properties/c/enum", 10, true, "nested"},
		{"/properties/c/enum/1", 10, true, "an element on the line it starts"},
		{"/properties/nope", 3, false, "missing member: the nearest ancestor"},
		{"/properties/list/9", 5, false, "index out of range"},
		{"/properties/list/01", 5, false, "leading zero is not an index"},
		{"/type/x", 2, false, "a scalar has no members"},
		{"type", 1, false, "malformed pointer"},
	}
	for _, tt := range tests {
		t.Run(tt.ptr, func(t *testing.T) {
			line, found := Locate(doc, tt.ptr)
			if line != tt.line || found != tt.found {
				t.Errorf("Locate(%q) = %d, %v, want %d, %v (%s)", tt.ptr, line, found, tt.line, tt.found, tt.reason)
			}
		})
	}
	if line, found := Locate([]byte(`{"a":`), "/a/b"); found || line != 1 {
		t.Errorf("truncated document: %d, %v, want 1, false", line, found)
	}
}

func TestShow(t *testing.T) {
	for _, tt := range []struct{ in, want string }{{"", "(root)"}, {"/", "/"}, {"/a~1b", "/a~1b"}, {"#/$defs/x", "#/$defs/x"}} {
		if got := Show(tt.in); got != tt.want {
			t.Errorf("Show(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	if Root != "(root)" {
		t.Errorf("Root = %q", Root)
	}
}
