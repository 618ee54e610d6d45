package shapeimpl

import (
	"fmt"
	"testing"
	"time"
)

// TestIsDateMatchesTimeParse: the hand-written date check agrees with
// time.Parse on every day of four years around a leap century, and on
// malformed input.
func TestIsDateMatchesTimeParse(t *testing.T) {
	var cases []string
	for _, y := range []int{1900, 2000, 2023, 2024} {
		for m := 0; m <= 13; m++ {
			for d := 0; d <= 32; d++ {
				cases = append(cases, fmt.Sprintf("%04d-%02d-%02d", y, m, d))
			}
		}
	}
	cases = append(cases, "", "2024-1-01", "2024-01-1", "2024/01/01", "20a4-01-01", "2024-01-01T", "+024-01-01", "2024-01-0a")
	for _, s := range cases {
		_, err := time.Parse("2006-01-02", s)
		if got, want := isDate(s), err == nil; got != want {
			t.Errorf("isDate(%q) = %v, time.Parse says %v", s, got, want)
		}
	}
}
