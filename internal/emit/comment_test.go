package emit

import "testing"

func TestCommentText(t *testing.T) {
	tests := []struct{ in, want, reason string }{
		{"plain text, kept", "plain text, kept", "nothing to escape"},
		{"a\x00b", `a\x00b`, "NUL is illegal in Go source"},
		{"a\ufeffb", `a\ufeffb`, "a BOM is illegal after the start of a file"},
		{"a\nb\rc", `a\nb\rc`, "line breaks would end the comment"},
		{"a\u2028b", `a\u2028b`, "line separators hide text"},
		{"bad \xff utf8", `bad \xff utf8`, "invalid UTF-8 is illegal in Go source"},
		{"real \ufffd kept", "real \ufffd kept", "U+FFFD itself is a valid character"},
		{"tab\tkept", "tab\tkept", "a tab is fine in a comment"},
	}
	for _, tc := range tests {
		t.Run(tc.reason, func(t *testing.T) {
			if got := CommentText(tc.in); got != tc.want {
				t.Errorf("%s: CommentText(%q) = %q, want %q", tc.reason, tc.in, got, tc.want)
			}
		})
	}
}
