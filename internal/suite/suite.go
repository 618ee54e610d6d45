// Package suite runs graphshape's generated validators against the official
// JSON-Schema-Test-Suite (draft 2020-12).
//
// The test in this package (suite_test.go) generates a Go package for every
// test group whose schema stays within graphshape's supported subset, builds
// all of them in one temporary module with one program that decodes every
// test's instance with its group's root type, and compares each verdict with
// the suite's. Groups whose schema uses an unsupported keyword or a remote
// reference are counted as skipped under that keyword, never silently.
// Deliberate differences are listed, with a reason each, in
// testdata/ledger.json; the summary is written to docs/suite.md.
//
// This file holds the helpers: reading the suite and the ledger, writing the
// program that runs the tests, parsing its output and rendering the report.
package suite

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"github.com/graphshape/graphshape/internal/waiver"
)

// SuiteDir is where the draft 2020-12 tests live, relative to the
// repository root: a copy of tests/draft2020-12 of
// github.com/json-schema-org/JSON-Schema-Test-Suite at the commit
// testdata/JSON-Schema-Test-Suite/SOURCE names, with its LICENSE.
const SuiteDir = "testdata/JSON-Schema-Test-Suite/tests/draft2020-12"

// SuiteCommit is the JSON-Schema-Test-Suite commit the copy in SuiteDir
// comes from (testdata/JSON-Schema-Test-Suite/SOURCE).
const SuiteCommit = "44401e0c046704b476ec9d2e2fccdaee618f259d"

// Group is one test group of a suite file: a schema and its tests.
type Group struct {
	Description string          `json:"description"`
	Schema      json.RawMessage `json:"schema"`
	Tests       []Test          `json:"tests"`
}

// Test is one instance and the suite's verdict on it.
type Test struct {
	Description string          `json:"description"`
	Data        json.RawMessage `json:"data"`
	Valid       bool            `json:"valid"`
}

// File is one suite file: its path relative to the draft directory, with
// forward slashes (e.g. "optional/format/date.json"), and its groups.
type File struct {
	Path   string
	Groups []Group
}

// FindRoot returns the nearest directory at or above dir holding a go.mod.
func FindRoot(dir string) (string, error) {
	dir, err := filepath.Abs(dir)
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", fmt.Errorf("suite: no go.mod at or above %s", dir)
		}
		dir = parent
	}
}

// LoadSuite reads every file of the draft directory dir: the main
// directory, optional/ and optional/format/, sorted by path.
func LoadSuite(dir string) ([]File, error) {
	var files []File
	for _, sub := range []string{".", "optional", "optional/format"} {
		entries, err := os.ReadDir(filepath.Join(dir, filepath.FromSlash(sub)))
		if err != nil {
			return nil, fmt.Errorf("suite: %w", err)
		}
		for _, e := range entries {
			if e.IsDir() || !strings.HasSuffix(e.Name(), ".json") {
				continue
			}
			rel := e.Name()
			if sub != "." {
				rel = sub + "/" + e.Name()
			}
			f, err := loadFile(dir, rel)
			if err != nil {
				return nil, err
			}
			files = append(files, f)
		}
	}
	if len(files) == 0 {
		return nil, fmt.Errorf("suite: no test files in %s", dir)
	}
	sort.Slice(files, func(i, j int) bool { return files[i].Path < files[j].Path })
	return files, nil
}

func loadFile(dir, rel string) (File, error) {
	data, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(rel)))
	if err != nil {
		return File{}, fmt.Errorf("suite: %w", err)
	}
	f := File{Path: rel}
	if err := json.Unmarshal(data, &f.Groups); err != nil {
		return File{}, fmt.Errorf("suite: %s: %w", rel, err)
	}
	groups := map[string]bool{}
	for _, g := range f.Groups {
		if groups[g.Description] {
			return File{}, fmt.Errorf("suite: %s: two groups are named %q", rel, g.Description)
		}
		groups[g.Description] = true
		tests := map[string]bool{}
		for _, t := range g.Tests {
			if tests[t.Description] {
				return File{}, fmt.Errorf("suite: %s: group %q has two tests named %q", rel, g.Description, t.Description)
			}
			tests[t.Description] = true
		}
	}
	return f, nil
}

// Key names one test of the suite.
type Key struct {
	File  string `json:"file"`
	Group string `json:"group"`
	Test  string `json:"test"`
}

func (k Key) String() string {
	if k.Test == "" {
		return fmt.Sprintf("%s / %s", k.File, k.Group)
	}
	return fmt.Sprintf("%s / %s / %s", k.File, k.Group, k.Test)
}

// LedgerEntry is a reviewed disagreement with the suite: the generated
// code's verdict on the test differs from the suite's, for Reason. An entry
// without a test names a whole group that cannot be run (its code cannot be
// generated or does not compile); only a known bug belongs there.
//
// A reason starting with V5Parity claims that jsonschema v5, the reference
// validator, gives the same verdict as the generated code; the test checks
// the claim.
type LedgerEntry struct {
	Key
	Reason string `json:"reason"`
}

// ledgerSpec is the ledger format, read by the shared waiver loader.
var ledgerSpec = waiver.Spec[LedgerEntry]{
	Kind:   "suite: ledger",
	Key:    func(e LedgerEntry) string { return fmt.Sprintf("%q %q %q", e.File, e.Group, e.Test) },
	Reason: func(e LedgerEntry) string { return e.Reason },
	Check: func(e LedgerEntry) error {
		if e.File == "" || e.Group == "" {
			return fmt.Errorf("entry %v needs file and group", e.Key)
		}
		return nil
	},
}

// LoadLedger reads a ledger file with the shared waiver loader: a JSON
// array of entries (nothing else), each with file, group and a non-empty
// reason, and no key twice.
func LoadLedger(path string) ([]LedgerEntry, error) {
	return ledgerSpec.Load(path)
}

// V5Parity starts the reason of a ledger entry whose verdict is jsonschema
// v5's too.
const V5Parity = "as jsonschema v5"

// Case is one test to run: its key, its instance, and the package (gNNN)
// whose root type decodes it.
type Case struct {
	Key
	Package string
	Data    []byte
}

// Verdicts a run reports per test. Error and Panic are never right: the
// suite's instances are all JSON, so the decoder must answer with nil or a
// *shape.ValidationError.
const (
	Valid   = "valid"
	Invalid = "invalid"
	Error   = "error" // an error other than *shape.ValidationError
	Panic   = "panic"
)

// MainProgram returns the source of a program in module module that decodes
// every case with the root type root of its package and prints one line per
// case, in order: file, group, test and verdict separated by tabs, then, for
// a verdict other than valid, a fifth column with the quoted error.
func MainProgram(module, root string, cases []Case) []byte {
	var pkgs []string
	seen := map[string]bool{}
	for _, c := range cases {
		if !seen[c.Package] {
			seen[c.Package] = true
			pkgs = append(pkgs, c.Package)
		}
	}
	sort.Strings(pkgs)
	var b bytes.Buffer
	b.WriteString("// Command suite decodes every test instance of the JSON-Schema-Test-Suite with its group's generated type.\n")
	b.WriteString("package main\n\nimport (\n\t\"errors\"\n\t\"fmt\"\n\t\"os\"\n\t\"strconv\"\n\n")
	fmt.Fprintf(&b, "\t%q\n", "github.com/graphshape/graphshape/generated/shape")
	for _, p := range pkgs {
		fmt.Fprintf(&b, "\t%q\n", module+"/"+p)
	}
	b.WriteString(")\n\n")
	b.WriteString("var cases = []struct {\n\tfile, group, test, data string\n\tdecode func([]byte) error\n}{\n")
	for _, c := range cases {
		fmt.Fprintf(&b, "\t{%s, %s, %s, %s, func(b []byte) error { var v %s.%s; return v.UnmarshalJSON(b) }},\n",
			strconv.Quote(c.File), strconv.Quote(c.Group), strconv.Quote(c.Test), strconv.Quote(string(c.Data)), c.Package, root)
	}
	b.WriteString("}\n\n")
	b.WriteString(`func run(decode func([]byte) error, data string) (verdict, detail string) {
	defer func() {
		if r := recover(); r != nil {
			verdict, detail = "panic", fmt.Sprint(r)
		}
	}()
	err := decode([]byte(data))
	var ve *shape.ValidationError
	switch {
	case err == nil:
		return "valid", ""
	case errors.As(err, &ve):
		return "invalid", err.Error()
	default:
		return "error", fmt.Sprintf("%T: %v", err, err)
	}
}

func main() {
	for _, c := range cases {
		verdict, detail := run(c.decode, c.data)
		line := c.file + "\t" + c.group + "\t" + c.test + "\t" + verdict
		if detail != "" {
			line += "\t" + strconv.Quote(detail)
		}
		if _, err := fmt.Println(line); err != nil {
			os.Exit(1)
		}
	}
}
`)
	return b.Bytes()
}

// Result is one line of the program's output.
type Result struct {
	Key
	Verdict string
	Detail  string // the error, for a verdict other than valid
}

// ParseOutput parses the output of the program MainProgram writes.
func ParseOutput(out []byte) ([]Result, error) {
	var res []Result
	for i, line := range strings.Split(strings.TrimSuffix(string(out), "\n"), "\n") {
		if line == "" {
			continue
		}
		cols := strings.Split(line, "\t")
		if len(cols) != 4 && len(cols) != 5 {
			return nil, fmt.Errorf("suite: output line %d has %d columns: %q", i+1, len(cols), line)
		}
		r := Result{Key: Key{File: cols[0], Group: cols[1], Test: cols[2]}, Verdict: cols[3]}
		switch r.Verdict {
		case Valid, Invalid, Error, Panic:
		default:
			return nil, fmt.Errorf("suite: output line %d: unknown verdict %q", i+1, r.Verdict)
		}
		if len(cols) == 5 {
			d, err := strconv.Unquote(cols[4])
			if err != nil {
				return nil, fmt.Errorf("suite: output line %d: detail: %w", i+1, err)
			}
			r.Detail = d
		}
		res = append(res, r)
	}
	return res, nil
}

// Report is the summary of a run, rendered into docs/suite.md.
type Report struct {
	Groups      int                 // groups in the suite
	GroupsRun   int                 // groups whose code was generated and run
	Skipped     map[string][]string // keyword -> "file: group" of each group skipped for it
	ByDesign    []FileSkip          // whole files not run, with the reason
	Failed      []string            // "file: group" of groups that could not be run: a bug
	TestsRun    int
	TestsPassed int // tests whose verdict agrees with the suite
	Ledger      []LedgerEntry
}

// FileSkip is a suite file deliberately not run.
type FileSkip struct {
	File   string
	Groups int
	Reason string
}

// Markdown renders the report.
func (r *Report) Markdown() []byte {
	var b bytes.Buffer
	p := func(format string, args ...any) { fmt.Fprintf(&b, format, args...) }
	skipped := 0
	for _, gs := range r.Skipped {
		skipped += len(gs)
	}
	byDesign := 0
	for _, f := range r.ByDesign {
		byDesign += f.Groups
	}
	p("# JSON-Schema-Test-Suite (draft 2020-12)\n\n")
	p("<!-- Written by `go test ./internal/suite/ -update`; do not edit. The test fails when this file is stale. -->\n\n")
	p("`go test ./internal/suite/` generates Go code for every test group of `tests/draft2020-12` of\n")
	p("[json-schema-org/JSON-Schema-Test-Suite](https://github.com/json-schema-org/JSON-Schema-Test-Suite) at commit\n")
	p("`" + SuiteCommit + "`, copied with its LICENSE into `testdata/JSON-Schema-Test-Suite/`\n")
	p("(main directory, `optional/` and `optional/format/`) whose schema stays within graphshape's supported subset\n")
	p("(`model.Supported`, `model.Formats`), decodes every test's instance with the group's root type (strict\n")
	p("`UnmarshalJSON`) and compares the verdict with the suite's `valid`. A group whose schema uses an unsupported\n")
	p("keyword, or a reference outside the document, is skipped and counted under that keyword. Any disagreement fails\n")
	p("the test unless `internal/suite/testdata/ledger.json` lists it with a reason; a ledger entry that matches no\n")
	p("disagreement fails it too. A reason starting with \"%s\" claims that jsonschema v5, the reference validator,\n", V5Parity)
	p("gives graphshape's verdict too, and the test checks the claim; \"goRange\" marks an integer the Go field cannot hold;\n")
	p("\"known bug\" marks a bug waiting for its fix.\n\n")
	p("Skip keys: a keyword outside `model.Supported` (or a format outside `model.Formats`) as the generator names it;\n")
	p("`$ref (remote)`, a reference the compiler refuses to fetch; `$ref (anchor)` and `$ref (URI of another resource)`,\n")
	p("a reference the model cannot follow (only JSON Pointer fragments, `#/...`, are supported); `pattern (not RE2 syntax)`,\n")
	p("a pattern jsonschema v5 already refuses, since it checks patterns with Go's regexp.\n\n")
	p("| | count |\n|---|---:|\n")
	p("| groups in the suite | %d |\n", r.Groups)
	p("| groups run | %d |\n", r.GroupsRun)
	p("| groups skipped (unsupported keyword or remote reference) | %d |\n", skipped)
	p("| groups skipped by design (whole files, below) | %d |\n", byDesign)
	if len(r.Failed) > 0 {
		p("| groups that could not be run (known bugs, in the ledger) | %d |\n", len(r.Failed))
	}
	p("| tests run | %d |\n", r.TestsRun)
	p("| tests passed (verdict as the suite's) | %d |\n", r.TestsPassed)
	p("| ledger entries (deliberate differences) | %d |\n\n", len(r.Ledger))

	p("## Skipped by keyword\n\n")
	if skipped == 0 {
		p("None.\n\n")
	} else {
		kws := make([]string, 0, len(r.Skipped))
		for kw := range r.Skipped {
			kws = append(kws, kw)
		}
		sort.Slice(kws, func(i, j int) bool {
			if a, b := len(r.Skipped[kws[i]]), len(r.Skipped[kws[j]]); a != b {
				return a > b
			}
			return kws[i] < kws[j]
		})
		p("| keyword | groups |\n|---|---:|\n")
		for _, kw := range kws {
			p("| `%s` | %d |\n", kw, len(r.Skipped[kw]))
		}
		p("\n")
		for _, kw := range kws {
			p("### `%s` (%d)\n\n", kw, len(r.Skipped[kw]))
			for _, g := range r.Skipped[kw] {
				p("- %s\n", mdEscape(g))
			}
			p("\n")
		}
	}

	p("## Skipped by design\n\n")
	if len(r.ByDesign) == 0 {
		p("None.\n\n")
	}
	for _, f := range r.ByDesign {
		p("- `%s` (%d groups): %s\n", f.File, f.Groups, f.Reason)
	}
	if len(r.ByDesign) > 0 {
		p("\n")
	}

	if len(r.Failed) > 0 {
		p("## Groups that could not be run (known bugs)\n\n")
		for _, g := range r.Failed {
			p("- %s\n", mdEscape(g))
		}
		p("\n")
	}

	p("## Ledger\n\n")
	if len(r.Ledger) == 0 {
		p("Empty: every test run agrees with the suite.\n")
	} else {
		p("| file | group | test | reason |\n|---|---|---|---|\n")
		for _, e := range r.Ledger {
			test := mdEscape(e.Test)
			if e.Test == "" {
				test = "(whole group)"
			}
			p("| `%s` | %s | %s | %s |\n", e.File, mdEscape(e.Group), test, mdEscape(e.Reason))
		}
	}
	return b.Bytes()
}

// mdEscape keeps a suite description from breaking Markdown tables and lists.
func mdEscape(s string) string {
	r := strings.NewReplacer("|", `\|`, "*", `\*`, "_", `\_`, "`", "\\`", "<", "&lt;", ">", "&gt;", "[", `\[`, "]", `\]`, "\n", " ")
	return r.Replace(s)
}

// WriteModule writes the temporary module: go.mod (module module, requiring
// graphshape replaced by the repository at root), go.sum copied from the
// repository, and each package's files under its directory.
func WriteModule(dir, module, root string, pkgs map[string][]GoFile) error {
	goMod, err := os.ReadFile(filepath.Join(root, "go.mod"))
	if err != nil {
		return err
	}
	goLine := "go 1.26"
	for _, l := range strings.Split(string(goMod), "\n") {
		if strings.HasPrefix(l, "go ") {
			goLine = strings.TrimSpace(l)
		}
	}
	mod := fmt.Sprintf("module %s\n\n%s\n\nrequire github.com/graphshape/graphshape v0.0.0\n\nreplace github.com/graphshape/graphshape => %s\n",
		module, goLine, strconv.Quote(root))
	if err := os.WriteFile(filepath.Join(dir, "go.mod"), []byte(mod), 0o644); err != nil {
		return err
	}
	sum, err := os.ReadFile(filepath.Join(root, "go.sum"))
	if err != nil && !os.IsNotExist(err) {
		return err
	}
	if err := os.WriteFile(filepath.Join(dir, "go.sum"), sum, 0o644); err != nil {
		return err
	}
	for pkg, files := range pkgs {
		pdir := filepath.Join(dir, pkg)
		if err := os.MkdirAll(pdir, 0o755); err != nil {
			return err
		}
		for _, f := range files {
			if err := os.WriteFile(filepath.Join(pdir, f.Name), f.Source, fs.FileMode(0o644)); err != nil {
				return err
			}
		}
	}
	return nil
}

// GoFile is a Go source file to write.
type GoFile struct {
	Name   string
	Source []byte
}
