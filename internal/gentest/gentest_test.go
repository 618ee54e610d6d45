package gentest

import (
	"context"
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/graphshape/graphshape/internal/gen"
	"github.com/graphshape/graphshape/internal/reference"
	"github.com/graphshape/graphshape/internal/suite"
)

var (
	nFlag    = flag.Int("gentest.n", 0, "schemas to try (default: $GENTEST_N, else 60)")
	seedFlag = flag.Uint64("gentest.seed", 1, "the seed of the random schemas and instances")
)

const (
	module    = "gentest"
	instances = 12 // per schema
)

func count() int {
	if *nFlag > 0 {
		return *nFlag
	}
	if n, err := strconv.Atoi(os.Getenv("GENTEST_N")); err == nil && n > 0 {
		return n
	}
	return 60
}

type tried struct {
	pkg    string
	schema *Schema
	data   []byte
	docs   [][]byte
	ref    *reference.Validator
}

// TestGenerative: random schemas of the supported subset; every one the
// generator accepts must compile (all in one module, one go build), and the
// generated strict decoder must agree with jsonschema v5 on every random
// instance (valid or not). Findings name the schema and the instance.
func TestGenerative(t *testing.T) {
	start := time.Now()
	r := rand.New(rand.NewPCG(*seedFlag, 0x9e3779b97f4a7c15))
	n := count()
	var run []*tried
	pkgs := map[string][]suite.GoFile{}
	refused := map[string]int{}
	regs := regressionSchemas(t)
	for i := range len(regs) + n {
		var s *Schema
		var pkg string
		var extra [][]byte
		if i < len(regs) {
			s, extra, pkg = regs[i].schema, regs[i].instances, fmt.Sprintf("r%03d", i)
		} else {
			s, pkg = NewSchema(r), fmt.Sprintf("g%04d", i-len(regs))
		}
		data := s.JSON()
		files, err := generate(data, pkg)
		if pe, ok := err.(panicError); ok {
			t.Errorf("schema %s: the generator panicked: %s", data, pe)
			continue
		}
		if err != nil && strings.HasPrefix(err.Error(), "emit: render") {
			t.Errorf("schema %s: the emitter printed Go that does not parse: %.300s", data, err)
			continue
		}
		if err != nil {
			if i < len(regs) && !regs[i].refused {
				t.Errorf("regression schema %s: refused: %v", data, err)
			}
			refused[refusalKey(err)]++
			continue
		}
		if i < len(regs) && regs[i].refused {
			t.Errorf("regression schema %s: accepted, but it must be refused", data)
		}
		ref, err := reference.Compile("s.json", data, "")
		if err != nil {
			t.Errorf("schema %s: accepted by the generator, refused by jsonschema v5: %v", data, err)
			continue
		}
		tr := &tried{pkg: pkg, schema: s, data: data, ref: ref, docs: extra}
		ir := r // a regression's random instances do not disturb the random schemas' stream
		if i < len(regs) {
			ir = rand.New(rand.NewPCG(*seedFlag, uint64(i)))
		}
		for range instances {
			tr.docs = append(tr.docs, NewInstance(ir, s))
		}
		var gfs []suite.GoFile
		for _, f := range files {
			gfs = append(gfs, suite.GoFile{Name: f.Name, Source: f.Source})
		}
		run = append(run, tr)
		pkgs[pkg] = gfs
	}
	repo, err := suite.FindRoot(".")
	if err != nil {
		t.Fatal(err)
	}
	tmp := t.TempDir()
	// Building and running the generated code may take until shortly before
	// go test's own deadline (-timeout; make fuzz gives it 30m).
	deadline := time.Now().Add(4 * time.Minute)
	if d, ok := t.Deadline(); ok {
		deadline = d.Add(-30 * time.Second)
	}
	ctx, cancel := context.WithDeadline(context.Background(), deadline)
	defer cancel()
	if err := suite.WriteModule(tmp, module, repo, pkgs); err != nil {
		t.Fatal(err)
	}
	if out, err := goCmd(ctx, tmp, "mod", "tidy").CombinedOutput(); err != nil {
		t.Fatalf("go mod tidy: %v\n%s", err, out)
	}
	byPkg := map[string]*tried{}
	var cases []suite.Case
	for _, tr := range run {
		byPkg[tr.pkg] = tr
		for j, d := range tr.docs {
			cases = append(cases, suite.Case{Key: suite.Key{File: tr.pkg, Group: "g", Test: strconv.Itoa(j)}, Package: tr.pkg, Data: d})
		}
	}
	if err := os.WriteFile(filepath.Join(tmp, "main.go"), suite.MainProgram(module, "Root", cases), 0o644); err != nil {
		t.Fatal(err)
	}
	bin := filepath.Join(tmp, "gentest.bin")
	for attempt := 0; ; attempt++ {
		out, err := goCmd(ctx, tmp, "build", "-o", bin, ".").CombinedOutput()
		if err == nil {
			break
		}
		broken := map[string]bool{}
		for _, m := range pkgHeader.FindAllStringSubmatch(string(out), -1) {
			tr := byPkg[m[1]]
			if tr == nil {
				continue
			}
			broken[tr.pkg] = true
			t.Errorf("schema %s: accepted, but its generated code does not compile", tr.data)
		}
		if len(broken) == 0 || attempt > 0 {
			t.Fatalf("go build: %v\n%.4000s", err, out)
		}
		var keep []suite.Case
		for _, c := range cases {
			if !broken[c.Package] {
				keep = append(keep, c)
			}
		}
		cases = keep
		if err := os.WriteFile(filepath.Join(tmp, "main.go"), suite.MainProgram(module, "Root", cases), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	out, err := exec.CommandContext(ctx, bin).Output()
	if err != nil {
		t.Fatalf("running the generated decoders: %v", err)
	}
	results, err := suite.ParseOutput(out)
	if err != nil {
		t.Fatal(err)
	}
	if len(results) != len(cases) {
		t.Fatalf("%d verdicts for %d instances", len(results), len(cases))
	}
	disagree := 0
	for k, res := range results {
		tr := byPkg[res.File]
		doc := cases[k].Data
		vs, err := tr.ref.Validate(doc)
		if err != nil {
			t.Errorf("schema %s instance %s: jsonschema v5: %v", tr.data, doc, err)
			continue
		}
		want := suite.Valid
		if len(vs) > 0 {
			want = suite.Invalid
		}
		if res.Verdict != want {
			disagree++
			if disagree <= 10 {
				t.Errorf("schema %s\ninstance %s\ngenerated decoder: %s %s\njsonschema v5: %s %v", tr.data, doc, res.Verdict, res.Detail, want, vs)
			}
		}
	}
	t.Logf("seed %d: %d regression and %d random schemas tried, %d accepted, %d refused %v; %d instances, %d verdicts differ; %v",
		*seedFlag, len(regs), n, len(run), len(regs)+n-len(run), refused, len(cases), disagree, time.Since(start).Round(time.Millisecond))
}

var pkgHeader = regexp.MustCompile(`(?m)^# ` + module + `/([gr]\d+)$`)

// panicError is a panic of the generator, recovered.
type panicError string

func (p panicError) Error() string { return string(p) }

// generate runs the generator on data, turning a panic into a panicError
// so that one schema's panic is reported with the schema and the run goes on.
func generate(data []byte, pkg string) (files []gen.File, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = panicError(fmt.Sprint(r))
		}
	}()
	return gen.Generate(gen.Options{SchemaName: "s.json", Schema: data, Package: pkg, Root: "Root"})
}

// refusalKey names why the generator refused a schema, for the summary.
func refusalKey(err error) string {
	msg := err.Error()
	if m := regexp.MustCompile(`keyword "?([$\w]+)"?`).FindStringSubmatch(msg); m != nil {
		return "keyword " + m[1]
	}
	// The message without its locations, names and quoted values.
	msg = refusalNoise.ReplaceAllString(msg, "_")
	if len(msg) > 80 {
		msg = msg[:80]
	}
	return msg
}

var refusalNoise = regexp.MustCompile(`(graphshape:///)?s\.json(#[^\s,;:)]*)?|#/[^\s,;:)]*|"(\\.|[^"\\])*"|\b[A-Z][A-Za-z0-9]*\b`)

func goCmd(ctx context.Context, dir string, args ...string) *exec.Cmd {
	//lint:ignore SA1019 the test must build with the toolchain that runs it
	goBin := filepath.Join(runtime.GOROOT(), "bin", "go")
	cmd := exec.CommandContext(ctx, goBin, args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOFLAGS=-mod=mod", "GOPROXY=off", "GOSUMDB=off", "GOWORK=off", "GOTOOLCHAIN=local")
	return cmd
}
