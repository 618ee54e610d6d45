//go:build !purego

package shapeimpl

import "unsafe"

// The scans of strings 16 bytes at a time, in scan_amd64.s (SSE2, which
// every amd64 processor has). Build with -tags purego for the
// word-at-a-time versions instead.

// copyRunSSE2 is copyRunWords for n >= 16: it copies the n bytes at src
// to dst (up to the 16 that hold the first byte that needs an escape) and
// returns the offset of that byte, or n.
//
//go:noescape
func copyRunSSE2(dst, src *byte, n int) int

// plainRunSSE2 returns the offset of the first byte of the n at p that is
// not plain, or n; n >= 16.
//
//go:noescape
func plainRunSSE2(p *byte, n int) int

// copyRunLong is copyRun for strings of 16 bytes or more.
func copyRunLong(dst []byte, s string) int {
	_ = dst[len(s)-1]
	return copyRunSSE2(unsafe.SliceData(dst), unsafe.StringData(s), len(s))
}

// plainRunLong is plainRun for i+16 <= len(s).
func plainRunLong(s string, i int) int {
	return i + plainRunSSE2(unsafe.StringData(s[i:]), len(s)-i)
}
