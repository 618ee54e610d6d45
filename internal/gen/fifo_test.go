//go:build unix

package gen

import (
	"errors"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestWriteFIFO: a FIFO named *_gen.go in the output directory hung the
// generator (issue 15, point 3); it is refused as a target and left alone
// otherwise, without blocking.
func TestWriteFIFO(t *testing.T) {
	files := twoFiles(t, "A")
	tests := []struct {
		name    string
		fifo    string
		wantErr bool
		reason  string
	}{
		{"target", files[0].Name, true, "a FIFO in the way is not replaced"},
		{"other", "other_gen.go", false, "a FIFO that is no target is not touched"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			if err := syscall.Mkfifo(filepath.Join(dir, tc.fifo), 0o644); err != nil {
				t.Fatal(err)
			}
			done := make(chan [2]error, 1)
			go func() {
				_, serr := Stale(dir, files)
				done <- [2]error{Write(dir, files), serr}
			}()
			var errs [2]error
			select {
			case errs = <-done:
			case <-time.After(10 * time.Second):
				t.Fatalf("%s: Write or Stale blocked on the FIFO", tc.reason)
			}
			var fe *ForeignFileError
			if tc.wantErr {
				if !errors.As(errs[0], &fe) || !strings.Contains(errs[0].Error(), "not a regular file") {
					t.Errorf("%s: Write = %v, want a *ForeignFileError", tc.reason, errs[0])
				}
				if errs[1] == nil || !strings.Contains(errs[1].Error(), tc.fifo) {
					t.Errorf("%s: Stale = %v, want an error naming it", tc.reason, errs[1])
				}
				return
			}
			if errs[0] != nil || errs[1] != nil {
				t.Errorf("%s: Write = %v, Stale = %v; want no error", tc.reason, errs[0], errs[1])
			}
		})
	}
}
