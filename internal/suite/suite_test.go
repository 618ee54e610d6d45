package suite

import (
	"bytes"
	"context"
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

// skipKeyword returns the keyword a generation error skips its group under,
// or "" when the error is not a known limitation (then it is a bug).
func skipKeyword(err error) string {
	var ue *model.UnsupportedError
	var rre *schema.RemoteRefError
	switch {
	case errors.As(err, &ue):
		return ue.Keyword
	case errors.As(err, &rre):
		return "$ref (remote)"
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

func TestSuite(t *testing.T) {
	start := time.Now()
	repo, err := FindRoot(".")
	if err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(filepath.Dir(repo), filepath.FromSlash(SuiteDir))
	if _, err := os.Stat(dir); err != nil {
		t.Fatalf("the JSON-Schema-Test-Suite must be cloned beside the repository: %v", err)
	}
	files, err := LoadSuite(dir)
	if err != nil {
		t.Fatal(err)
	}
	ledger, err := LoadLedger(filepath.Join("testdata", "ledger.json"))
	if err != nil {
		t.Fatal(err)
	}

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
			pkg := fmt.Sprintf("g%03d", n)
			name := f.Path + ": " + g.Description
			out, err := gen.Generate(gen.Options{SchemaName: "x.schema.json", Schema: g.Schema, Package: pkg, Root: root})
			if err != nil {
				if kw := skipKeyword(err); kw != "" {
					rep.Skipped[kw] = append(rep.Skipped[kw], name)
					continue
				}
				t.Errorf("%s: generation failed: %v", name, err)
				rep.Failed = append(rep.Failed, name)
				continue
			}
			gr := &group{file: f.Path, g: g, pkg: pkg}
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
				cases = append(cases, Case{Key: Key{File: gr.file, Group: gr.g.Description, Test: tc.Description}, Package: gr.pkg, Data: tc.Data})
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
				name := gr.file + ": " + gr.g.Description
				t.Errorf("%s: generated code does not compile:\n%s", name, msg)
				rep.Failed = append(rep.Failed, name)
				continue
			}
			keep = append(keep, gr)
		}
		run = keep
	}
	buildTime := time.Since(start) - genTime
	var stderr bytes.Buffer
	cmd := exec.CommandContext(ctx, bin)
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("running the suite program: %v\n%s", err, stderr.Bytes())
	}
	results, err := ParseOutput(out)
	if err != nil {
		t.Fatal(err)
	}

	// Compare.
	want := map[Key]bool{}
	for _, gr := range run {
		rep.GroupsRun++
		for _, tc := range gr.g.Tests {
			want[Key{File: gr.file, Group: gr.g.Description, Test: tc.Description}] = tc.Valid
		}
	}
	if len(results) != len(want) {
		t.Errorf("the program reported %d verdicts for %d tests", len(results), len(want))
	}
	ledgered := map[Key]bool{}
	for _, e := range ledger {
		ledgered[e.Key] = false
	}
	for _, r := range results {
		valid, ok := want[r.Key]
		if !ok {
			t.Errorf("%v: verdict for a test that was not run", r.Key)
			continue
		}
		rep.TestsRun++
		agree := r.Verdict == Valid && valid || r.Verdict == Invalid && !valid
		if agree {
			rep.TestsPassed++
		}
		if _, listed := ledgered[r.Key]; listed && !agree && r.Verdict != Error && r.Verdict != Panic {
			ledgered[r.Key] = true
			continue
		}
		if !agree {
			t.Errorf("%v: got %s, the suite says %s%s", r.Key, r.Verdict, verdict(valid), detail(r.Detail))
		}
	}
	for _, e := range ledger {
		if !ledgered[e.Key] {
			t.Errorf("ledger entry %v matches no disagreement: remove it", e.Key)
		}
	}
	sort.Strings(rep.Failed)

	md := rep.Markdown()
	t.Logf("\n%s", md)
	t.Logf("generation %v, build %v, total %v", genTime.Round(time.Millisecond), buildTime.Round(time.Millisecond), time.Since(start).Round(time.Millisecond))
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
	cmd.Env = append(os.Environ(), "GOFLAGS=-mod=mod", "GOPROXY=off", "GOWORK=off", "GOTOOLCHAIN=local")
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
