package shapeimpl

import (
	"slices"
	"strings"
	"testing"
)

// scanLengths are the string lengths the scan tests try: every length to
// 70 (the 16-byte loop's first chunks and its overlapping last one), and
// a few long ones.
var scanLengths = func() []int {
	var ns []int
	for n := range 71 {
		ns = append(ns, n)
	}
	return append(ns, 255, 256, 257, 1024+3)
}()

// TestCopyRunLong: copyRun (with copyRunLong for 16 bytes or more, the
// SSE2 version on amd64) and copyRunWords find the first byte the byte
// table says needs an escape, on strings with one byte of every value at
// every position, at every length, having copied every byte before it;
// and copy a safe string exactly, without a byte written past it.
func TestCopyRunLong(t *testing.T) {
	copiers := []struct {
		name string
		copy func([]byte, string) int
	}{{"copyRun", copyRun}, {"copyRunWords", copyRunWords}}
	pad := strings.Repeat("#", slices.Max(scanLengths)+16)
	var dst []byte
	for _, n := range scanLengths {
		if n == 0 {
			continue
		}
		for _, pos := range positions(n) {
			for c := range 256 {
				b := []byte(strings.Repeat("a", n))
				b[pos] = byte(c)
				want := n
				if !safeByte[c] {
					want = pos
				}
				for _, f := range copiers {
					dst = append(dst[:0], pad[:n+16]...)
					if got := f.copy(dst, string(b)); got != want {
						t.Fatalf("%s(%d bytes, %#x at %d) = %d, want %d", f.name, n, c, pos, got, want)
					} else if string(dst[:want]) != string(b[:want]) || string(dst[n:]) != pad[:16] {
						t.Fatalf("%s(%d bytes, %#x at %d) copied %q", f.name, n, c, pos, dst)
					}
				}
			}
		}
	}
}

// TestRunsLong: plainRun (with plainRunLong, the SSE2 version on amd64)
// and plainRunWords find the first byte that is not plain, for a byte of
// every value at every position of every length, from offsets around the
// first word and the first 16-byte chunk; and len(s) when every byte is
// plain.
func TestRunsLong(t *testing.T) {
	runs := []struct {
		name  string
		run   func(string, int) int
		table *[256]bool
	}{
		{"plainRun", plainRun, &plain}, {"plainRunWords", plainRunWords, &plain},
	}
	for _, n := range scanLengths {
		for _, pos := range append(positions(n), -1) {
			for c := range 256 {
				b := []byte(strings.Repeat("a", n))
				if pos >= 0 {
					b[pos] = byte(c)
				} else if c > 0 {
					continue // all plain: once is enough
				}
				s := string(b)
				for _, from := range []int{0, 1, 7, 8, 9, 15, 16, 17} {
					if from > n {
						break
					}
					for _, r := range runs {
						want := n
						if pos >= from && !r.table[c] {
							want = pos
						}
						if got := r.run(s, from); got != want {
							t.Fatalf("%s(%d bytes, %#x at %d, from %d) = %d, want %d", r.name, n, c, pos, from, got, want)
						}
					}
				}
			}
		}
	}
}

// positions returns the offsets of a string of n bytes the scan tests put
// a special byte at: all of them up to 70, and around the 16-byte chunks'
// edges and the end beyond that.
func positions(n int) []int {
	var ps []int
	for p := range n {
		if n <= 70 || p < 40 || p%16 == 0 || p%16 == 15 || p >= n-20 {
			ps = append(ps, p)
		}
	}
	return ps
}

// FuzzScan: on any bytes, from any offset, the scans (16 bytes at a time
// where the processor allows it) agree with the byte tables.
func FuzzScan(f *testing.F) {
	f.Add([]byte(`Multi-stage incident involving Execution & Command and control`), 3)
	f.Add([]byte("abcdefghijklmnopqrstuvwxyz\"0123456789\\\x00\xff"), 0)
	f.Fuzz(func(t *testing.T, b []byte, from int) {
		s := string(b)
		if from < 0 || from > len(s) {
			from = 0
		}
		want := from
		for want < len(s) && plain[s[want]] {
			want++
		}
		if got := plainRun(s, from); got != want {
			t.Fatalf("plainRun(%q, %d) = %d, want %d", s, from, got, want)
		}
		for want = 0; want < len(s) && safeByte[s[want]]; want++ {
		}
		dst := make([]byte, len(s))
		if got := copyRun(dst, s); got != want || string(dst[:got]) != s[:want] {
			t.Fatalf("copyRun(%q) = %d (copied %q), want %d", s, got, dst, want)
		}
	})
}
