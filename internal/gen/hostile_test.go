package gen

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// twoFiles generates the files of a small schema: at least two, so that a
// failure part-way through a run can be staged.
func twoFiles(t *testing.T, title string) []File {
	t.Helper()
	files, err := Generate(Options{SchemaName: "a.schema.json", Schema: []byte(`{"title": "` + title + `", "type": "object", "properties": {"p": {"pattern": "^` + title + `"}}}`), Package: "p"})
	if err != nil {
		t.Fatal(err)
	}
	if len(files) < 2 {
		t.Fatalf("got %d files, want at least 2", len(files))
	}
	return files
}

// snapshot returns every file of dir with its content.
func snapshot(t *testing.T, dir string) map[string]string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	for _, e := range entries {
		b, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		out[e.Name()] = string(b)
	}
	return out
}

// TestWriteAllOrNothing: a failure part-way through a run leaves the old set
// exactly as it was and no temporary behind (issue 15, point 3).
func TestWriteAllOrNothing(t *testing.T) {
	tests := []struct {
		name   string
		inject func(calls *int) func()
		reason string
	}{
		{"second-temp-fails", func(calls *int) func() {
			orig := createTemp
			createTemp = func(dir, pattern string) (*os.File, error) {
				if *calls++; *calls == 2 {
					return nil, errors.New("injected: disk full")
				}
				return orig(dir, pattern)
			}
			return func() { createTemp = orig }
		}, "the first temporary is removed, nothing renamed"},
		{"second-rename-fails", func(calls *int) func() {
			orig := rename
			rename = func(a, b string) error {
				if *calls++; *calls == 2 {
					return errors.New("injected: rename failed")
				}
				return orig(a, b)
			}
			return func() { rename = orig }
		}, "the file already renamed is restored"},
		{"remove-fails", func(calls *int) func() {
			orig := remove
			remove = func(p string) error {
				return errors.New("injected: remove failed")
			}
			return func() { remove = orig }
		}, "both renamed files are restored when the old file cannot be removed"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			// The old set: generated from title A, plus a generated file
			// the new schema no longer produces, plus a foreign file.
			if err := Write(dir, twoFiles(t, "A")); err != nil {
				t.Fatal(err)
			}
			write(t, filepath.Join(dir, "gone_gen.go"), "// "+headerText()+"\npackage p\n")
			write(t, filepath.Join(dir, "hand.go"), "package p\n")
			before := snapshot(t, dir)
			calls := 0
			restore := tc.inject(&calls)
			err := Write(dir, twoFiles(t, "B"))
			restore()
			if err == nil || !strings.Contains(err.Error(), "injected") {
				t.Fatalf("%s: Write = %v, want the injected error", tc.reason, err)
			}
			if diff := cmp.Diff(before, snapshot(t, dir)); diff != "" {
				t.Errorf("%s: directory changed (-want +got):\n%s", tc.reason, diff)
			}
		})
	}
}

// TestWriteRefusesWhatItCannotRead: a *_gen.go file the generator cannot
// read was treated as its own and replaced (issue 15, point 3).
func TestWriteRefusesWhatItCannotRead(t *testing.T) {
	dir := t.TempDir()
	files := twoFiles(t, "A")
	target := filepath.Join(dir, files[0].Name)
	other := filepath.Join(dir, "other_gen.go")
	write(t, target, "package p // hand-written, unreadable\n")
	orig := openFile
	openFile = func(name string, flag int, perm fs.FileMode) (*os.File, error) {
		if name == target || name == other {
			return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrPermission}
		}
		return orig(name, flag, perm)
	}
	defer func() { openFile = orig }()
	before := snapshot(t, dir)
	err := Write(dir, files)
	var fe *ForeignFileError
	if !errors.As(err, &fe) || fe.Path != target || !strings.Contains(err.Error(), "cannot read") {
		t.Fatalf("Write over an unreadable file = %v, want a *ForeignFileError naming %s", err, target)
	}
	if _, err := Stale(dir, files); err == nil || !strings.Contains(err.Error(), target) {
		t.Errorf("Stale = %v, want an error naming %s", err, target)
	}
	// An unreadable *_gen.go that is no target: the generator cannot tell
	// whether to remove it, so it refuses, naming it.
	if err := os.Remove(target); err != nil {
		t.Fatal(err)
	}
	write(t, other, "package p\n")
	delete(before, files[0].Name)
	before["other_gen.go"] = "package p\n"
	if err := Write(dir, files); err == nil || !strings.Contains(err.Error(), other) {
		t.Errorf("Write beside an unreadable *_gen.go = %v, want an error naming %s", err, other)
	}
	if diff := cmp.Diff(before, snapshot(t, dir)); diff != "" {
		t.Errorf("directory changed (-want +got):\n%s", diff)
	}
}

// TestWriteLeftoverTemporaries: temporaries of a killed run are removed by
// the next run when they hold graphshape's output, reported by Stale, and
// refused when they hold anything else.
func TestWriteLeftoverTemporaries(t *testing.T) {
	files := twoFiles(t, "A")
	tests := []struct {
		name, content string
		wantWrite     bool // Write succeeds and removes it
		reason        string
	}{
		{"empty", "", true, "killed before the first write"},
		{"header-prefix", "// Code gen", true, "killed mid-header"},
		{"whole", "// " + headerText() + "\npackage p\n", true, "killed before the rename"},
		{"foreign", "package p // mine\n", false, "not graphshape's: never removed"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			if err := Write(dir, files); err != nil {
				t.Fatal(err)
			}
			tmp := "." + files[0].Name + ".tmp123456"
			write(t, filepath.Join(dir, tmp), tc.content)
			stale, err := Stale(dir, files)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff([]string{tmp}, stale); diff != "" {
				t.Errorf("%s: Stale (-want +got):\n%s", tc.reason, diff)
			}
			err = Write(dir, files)
			_, statErr := os.Stat(filepath.Join(dir, tmp))
			if tc.wantWrite {
				if err != nil || !errors.Is(statErr, fs.ErrNotExist) {
					t.Errorf("%s: Write = %v, leftover stat = %v; want it removed", tc.reason, err, statErr)
				}
				return
			}
			var fe *ForeignFileError
			if !errors.As(err, &fe) || statErr != nil {
				t.Errorf("%s: Write = %v, leftover stat = %v; want a *ForeignFileError and the file kept", tc.reason, err, statErr)
			}
		})
	}
}

// TestWriteNotRegular: a symbolic link or directory named *_gen.go is
// never replaced through, and one that is no target is left alone.
func TestWriteNotRegular(t *testing.T) {
	files := twoFiles(t, "A")
	dir := t.TempDir()
	elsewhere := filepath.Join(t.TempDir(), "x.go")
	write(t, elsewhere, "// "+headerText()+"\npackage p\n")
	if err := os.Symlink(elsewhere, filepath.Join(dir, files[0].Name)); err != nil {
		t.Fatal(err)
	}
	err := Write(dir, files)
	var fe *ForeignFileError
	if !errors.As(err, &fe) || !strings.Contains(err.Error(), "not a regular file") {
		t.Fatalf("Write over a symbolic link = %v, want a *ForeignFileError", err)
	}
	if err := os.Remove(filepath.Join(dir, files[0].Name)); err != nil {
		t.Fatal(err)
	}
	if err := os.Mkdir(filepath.Join(dir, "d_gen.go"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := Write(dir, files); err != nil {
		t.Fatalf("Write beside a directory named d_gen.go: %v", err)
	}
	entries, _ := os.ReadDir(dir)
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	sort.Strings(names)
	want := []string{"d_gen.go"}
	for _, f := range files {
		want = append(want, f.Name)
	}
	sort.Strings(want)
	if diff := cmp.Diff(want, names); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

// TestWriteRefusesHugeFile: a generated-looking *_gen.go larger than
// MaxFileSize is refused, naming it, and neither read into memory, replaced
// nor removed (the file is sparse, so the test costs no disk).
func TestWriteRefusesHugeFile(t *testing.T) {
	dir := t.TempDir()
	files := twoFiles(t, "A")
	for _, name := range []string{files[0].Name, "gone_gen.go"} {
		path := filepath.Join(dir, name)
		write(t, path, string(headerLine)+"\n")
		if err := os.Truncate(path, MaxFileSize+1); err != nil {
			t.Fatal(err)
		}
		err := Write(dir, files)
		if err == nil || !strings.Contains(err.Error(), path) || !strings.Contains(err.Error(), "larger than 268435456 bytes") {
			t.Errorf("Write with %s over MaxFileSize = %v, want an error naming it and the limit", name, err)
		}
		if _, err := Stale(dir, files); err == nil || !strings.Contains(err.Error(), path) {
			t.Errorf("Stale = %v, want an error naming %s", err, path)
		}
		if st, err := os.Stat(path); err != nil || st.Size() != MaxFileSize+1 {
			t.Errorf("%s changed: %v, %v", path, st, err)
		}
		if err := os.Remove(path); err != nil {
			t.Fatal(err)
		}
	}
}
