package suite

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/santhosh-tekuri/jsonschema/v5"

	"github.com/graphshape/graphshape/internal/gen"
	"github.com/graphshape/graphshape/internal/model"
	"github.com/graphshape/graphshape/schema"
)

var update = flag.Bool("update", false, "rewrite golden files")

// byDesign lists the suite files not run at all, with the reason.
var byDesign = map[string]string{
	"format.json": "format assertion is on by design; asserted formats are tested by optional/format/",
}

// module is the temporary module's path; root is every group's root type.
const (
	module = "suite"
	root   = "Root"
)

// skipKeyword returns the key a generation error skips its group under, or
// "" when the error is no known limitation of the generator (then it is a
// bug). The key is the keyword, with the unsupported form in parentheses
// when the keyword itself is supported.
func skipKeyword(err error) string {
	var ue *model.UnsupportedError
	var rre *schema.RemoteRefError
	var re *model.RefError
	var se *jsonschema.SchemaError
	switch {
	case errors.As(err, &ue):
		return ue.Keyword
	case errors.As(err, &rre):
		return "$ref (remote)"
	case errors.As(err, &re):
		// The model refuses these forms by design (model.Supported: only
		// JSON Pointer fragments, #/...); any other failure to resolve a
		// reference is a bug. If the model rewords them, the groups fail
		// loudly here, never skip silently.
		switch {
		case strings.HasPrefix(re.Detail, "anchors are not supported"):
			return "$ref (anchor)"
		case strings.HasPrefix(re.Detail, "only references within the document"):
			return "$ref (URI of another resource)"
		}
	case errors.As(err, &se):
		// jsonschema v5 compiles every schema first and checks "pattern"
		// with Go's regexp: ECMA-262 syntax RE2 lacks is refused there.
		if strings.Contains(se.Error(), "is not valid 'regex'") {
			return "pattern (not RE2 syntax)"
		}
	}
	return ""
}

// group is one suite group as the test handles it.
type group struct {
	file  string
	g     Group
	pkg   string // gNNN
	files []GoFile
}

func (g *group) name() string { return g.file + ": " + g.g.Description }
func (g *group) key() Key     { return Key{File: g.file, Group: g.g.Description} }
func (g *group) testKey(tc Test) Key {
	return Key{File: g.file, Group: g.g.Description, Test: tc.Description}
}

// ledgerState tracks which ledger entries matched a disagreement.
type ledgerState struct {
	reasons map[Key]string
	matched map[Key]bool
	order   []Key
}

func newLedger(entries []LedgerEntry) *ledgerState {
	l := &ledgerState{reasons: map[Key]string{}, matched: map[Key]bool{}}
	for _, e := range entries {
		l.reasons[e.Key] = e.Reason
		l.order = append(l.order, e.Key)
	}
	return l
}

// match reports whether k is in the ledger, and marks it matched.
func (l *ledgerState) match(k Key) bool {
	if _, ok := l.reasons[k]; !ok {
		return false
	}
	l.matched[k] = true
	return true
}

func (l *ledgerState) reason(k Key) string { return l.reasons[k] }

// unmatched returns the entries no disagreement matched, in ledger order.
func (l *ledgerState) unmatched() []Key {
	var out []Key
	for _, k := range l.order {
		if !l.matched[k] {
			out = append(out, k)
		}
	}
	return out
}

// v5Verdict validates data with jsonschema v5, the reference validator,
// configured as graphshape compiles schemas (format assertion on).
func v5Verdict(schemaJSON, data []byte) (string, error) {
	_, s, err := schema.Compile("x.schema.json", schemaJSON)
	if err != nil {
		return "", err
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		return "", err
	}
	if err := s.Validate(v); err != nil {
		return Invalid, nil
	}
	return Valid, nil
}

// TestSuite runs the JSON-Schema-Test-Suite through generated code (see the
// package documentation) and checks docs/suite.md, or rewrites it with
// -update.
func TestSuite(t *testing.T) {
	start := time.Now()
	repo, err := FindRoot(".")
	if err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(repo, filepath.FromSlash(SuiteDir))
	source, err := os.ReadFile(filepath.Join(repo, "testdata", "JSON-Schema-Test-Suite", "SOURCE"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(source), "commit "+SuiteCommit+" ") {
		t.Fatalf("testdata/JSON-Schema-Test-Suite/SOURCE names another commit than SuiteCommit %s: %s", SuiteCommit, source)
	}
	files, err := LoadSuite(dir)
	if err != nil {
		t.Fatal(err)
	}
	ledger, err := LoadLedger(filepath.Join("testdata", "ledger.json"))
	if err != nil {
		t.Fatal(err)
	}
	led := newLedger(ledger)

	// Generate every group's package.
	rep := &Report{Skipped: map[string][]string{}, Ledger: ledger}
	var run []*group
	n := 0
	for _, f := range files {
		rep.Groups += len(f.Groups)
		if reason, ok := byDesign[f.Path]; ok {
			rep.ByDesign = append(rep.ByDesign, FileSkip{File: f.Path, Groups: len(f.Groups), Reason: reason})
			continue
		}
		for _, g := range f.Groups {
			n++
			gr := &group{file: f.Path, g: g, pkg: fmt.Sprintf("g%03d", n)}
			out, err := gen.Generate(gen.Options{SchemaName: "x.schema.json", Schema: g.Schema, Package: gr.pkg, Root: root})
			if err != nil {
				if kw := skipKeyword(err); kw != "" {
					rep.Skipped[kw] = append(rep.Skipped[kw], gr.name())
					continue
				}
				rep.Failed = append(rep.Failed, gr.name())
				if !led.match(gr.key()) {
					t.Errorf("%s: generation failed: %v", gr.name(), err)
				}
				continue
			}
			for _, o := range out {
				gr.files = append(gr.files, GoFile{Name: o.Name, Source: o.Source})
			}
			run = append(run, gr)
		}
	}
	genTime := time.Since(start)

	// Build everything in one module; a package that does not compile is a
	// bug: report it, drop it and build the rest.
	tmp := t.TempDir()
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	pkgs := map[string][]GoFile{}
	for _, gr := range run {
		pkgs[gr.pkg] = gr.files
	}
	if err := WriteModule(tmp, module, repo, pkgs); err != nil {
		t.Fatal(err)
	}
	if out, err := goCmd(ctx, tmp, "mod", "tidy").CombinedOutput(); err != nil {
		t.Fatalf("go mod tidy: %v\n%s", err, out)
	}
	bin := filepath.Join(tmp, "suite.bin")
	for attempt := 0; ; attempt++ {
		var cases []Case
		for _, gr := range run {
			for _, tc := range gr.g.Tests {
				cases = append(cases, Case{Key: gr.testKey(tc), Package: gr.pkg, Data: tc.Data})
			}
		}
		if err := os.WriteFile(filepath.Join(tmp, "main.go"), MainProgram(module, root, cases), 0o644); err != nil {
			t.Fatal(err)
		}
		out, err := goCmd(ctx, tmp, "build", "-o", bin, ".").CombinedOutput()
		if err == nil {
			break
		}
		broken := brokenPackages(out)
		if len(broken) == 0 || attempt > 0 {
			t.Fatalf("go build: %v\n%s", err, out)
		}
		var keep []*group
		for _, gr := range run {
			if msg, ok := broken[gr.pkg]; ok {
				rep.Failed = append(rep.Failed, gr.name())
				if !led.match(gr.key()) {
					t.Errorf("%s: generated code does not compile:\n%s", gr.name(), msg)
				}
				continue
			}
			keep = append(keep, gr)
		}
		run = keep
	}
	buildTime := time.Since(start) - genTime
	runStart := time.Now()
	var stderr bytes.Buffer
	cmd := exec.CommandContext(ctx, bin)
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("running the suite program: %v\n%s", err, stderr.Bytes())
	}
	runTime := time.Since(runStart)
	results, err := ParseOutput(out)
	if err != nil {
		t.Fatal(err)
	}

	// Compare.
	tests := map[Key]Test{}
	schemas := map[Key][]byte{}
	for _, gr := range run {
		rep.GroupsRun++
		schemas[gr.key()] = gr.g.Schema
		for _, tc := range gr.g.Tests {
			tests[gr.testKey(tc)] = tc
		}
	}
	if len(results) != len(tests) {
		t.Errorf("the program reported %d verdicts for %d tests", len(results), len(tests))
	}
	for _, r := range results {
		tc, ok := tests[r.Key]
		if !ok {
			t.Errorf("%v: verdict for a test that was not run", r.Key)
			continue
		}
		delete(tests, r.Key)
		rep.TestsRun++
		if r.Verdict == verdict(tc.Valid) {
			rep.TestsPassed++
			continue
		}
		gk := Key{File: r.File, Group: r.Group}
		v5, v5err := v5Verdict(schemas[gk], tc.Data)
		if v5err != nil {
			v5 = "an error: " + v5err.Error()
		}
		switch {
		case r.Verdict == Error || r.Verdict == Panic:
			t.Errorf("%v: %s: %s", r.Key, r.Verdict, r.Detail)
		case led.match(r.Key):
			if reason := led.reason(r.Key); strings.HasPrefix(reason, V5Parity) && v5 != r.Verdict {
				t.Errorf("%v: the ledger says %q, but jsonschema v5 says %s, not %s", r.Key, reason, v5, r.Verdict)
			}
		default:
			t.Errorf("%v: got %s, the suite says %s, jsonschema v5 says %s%s", r.Key, r.Verdict, verdict(tc.Valid), v5, detail(r.Detail))
		}
	}
	for k := range tests {
		t.Errorf("%v: no verdict reported", k)
	}
	for _, k := range led.unmatched() {
		t.Errorf("ledger entry %v matches no disagreement: remove it", k)
	}
	sort.Strings(rep.Failed)

	md := rep.Markdown()
	t.Logf("\n%s", md)
	t.Logf("generation %v, go mod tidy + build %v, run %v, total %v", genTime.Round(time.Millisecond),
		buildTime.Round(time.Millisecond), runTime.Round(time.Millisecond), time.Since(start).Round(time.Millisecond))
	docPath := filepath.Join(repo, "docs", "suite.md")
	if *update {
		if err := os.WriteFile(docPath, md, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	if got, err := os.ReadFile(docPath); err != nil || !bytes.Equal(got, md) {
		t.Errorf("docs/suite.md is stale: run go test ./internal/suite/ -update")
	}
}

func verdict(valid bool) string {
	if valid {
		return Valid
	}
	return Invalid
}

func detail(d string) string {
	if d == "" {
		return ""
	}
	return " (" + d + ")"
}

// goCmd returns a go command run in dir, offline and in module mode.
func goCmd(ctx context.Context, dir string, args ...string) *exec.Cmd {
	//lint:ignore SA1019 the test must build with the toolchain that runs it
	goBin := filepath.Join(runtime.GOROOT(), "bin", "go")
	cmd := exec.CommandContext(ctx, goBin, args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOFLAGS=-mod=mod", "GOPROXY=off", "GOSUMDB=off", "GOWORK=off", "GOTOOLCHAIN=local")
	return cmd
}

// packageHeader is how go build introduces a package's compile errors.
var packageHeader = regexp.MustCompile(`^# ` + module + `/(g\d+)$`)

// brokenPackages returns, by package, the compile errors in go build's
// output.
func brokenPackages(out []byte) map[string]string {
	broken := map[string]string{}
	cur := ""
	for _, line := range strings.Split(string(out), "\n") {
		if m := packageHeader.FindStringSubmatch(line); m != nil {
			cur = m[1]
			broken[cur] = ""
			continue
		}
		if strings.HasPrefix(line, "# ") {
			cur = ""
			continue
		}
		if cur != "" {
			broken[cur] += line + "\n"
		}
	}
	return broken
}
