//go:build !amd64 || purego

package shapeimpl

// copyRunLong is copyRun for strings of 16 bytes or more; without a
// 16-byte version for this processor it looks at eight bytes at a time.
func copyRunLong(dst []byte, s string) int { return copyRunWords(dst, s) }

// plainRunLong is plainRun for i+16 <= len(s); without a 16-byte version
// for this processor it looks at eight bytes at a time.
func plainRunLong(s string, i int) int { return plainRunWords(s, i) }
