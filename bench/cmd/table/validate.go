package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"time"

	"github.com/graphshape/graphshape/bench"
)

// validateRun is one whole-process run of gen validate.
type validateRun struct {
	seconds float64
	rssKB   float64 // maximum resident set size; 0 where the system does not say
	out     string  // what the run printed, the messages cut off
}

// validateMode is one way of running gen validate on the JSON Lines file.
type validateMode struct {
	name    string
	args    []string
	oneCore bool // GOMAXPROCS=1, and pinned to one processor where taskset exists
}

// validateTable builds gen, writes n JSON Lines incidents (the compacted v1.0
// sample; every 1,000th with a severity that is not a member of the enum) and
// runs gen validate with the generated decoders and with -schema (jsonschema
// v5), on every core and on one, interleaved over the rounds. Every run must
// exit 1 and report the same documents, lines, columns and pointers as the
// others; the table gives medians of wall time, documents per second, the
// per-round ratio of -schema's time to the decoders' and the maximum RSS.
func validateTable(rounds, n int) error {
	dir, err := os.MkdirTemp("", "graphshape-table-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	gen := filepath.Join(dir, "gen")
	build := exec.Command("go", "build", "-o", gen, "./cmd/gen")
	build.Dir = bench.Root
	if out, err := build.CombinedOutput(); err != nil {
		return fmt.Errorf("building gen: %v\n%s", err, out)
	}
	path := filepath.Join(dir, "incidents.jsonl")
	if err := writeJSONLines(path, n); err != nil {
		return err
	}
	modes := []validateMode{
		{name: "gen validate -version v1.0", args: []string{"validate", "-version", "v1.0", path}},
		{name: "gen validate -schema v1.0", args: []string{"validate", "-schema", "v1.0", path}},
		{name: "gen validate -version v1.0 (one core)", args: []string{"validate", "-version", "v1.0", path}, oneCore: true},
		{name: "gen validate -schema v1.0 (one core)", args: []string{"validate", "-schema", "v1.0", path}, oneCore: true},
	}
	res := make([][]validateRun, len(modes))
	for range rounds {
		for i, m := range modes {
			r, err := runValidate(gen, m)
			if err != nil {
				return err
			}
			if i > 0 && r.out != res[0][0].out {
				return fmt.Errorf("%s reports other findings than %s:\n%s\nagainst\n%s", m.name, modes[0].name, head(r.out), head(res[0][0].out))
			}
			res[i] = append(res[i], r)
		}
	}
	fmt.Printf("\ngen validate: %d JSON Lines incidents (%d invalid), whole process, %d interleaved rounds, medians; %d cores; x = -schema's time / the decoders' in the same round\n\n", n, n/1000, rounds, runtime.NumCPU())
	fmt.Println("| run | s | docs/s | x | max RSS MB |")
	fmt.Println("|---|---:|---:|---:|---:|")
	for i, m := range modes {
		var s, rss, ratio []float64
		for k, r := range res[i] {
			s = append(s, r.seconds)
			rss = append(rss, r.rssKB)
			base := res[i&^1][k].seconds // the decoders' run on as many cores
			ratio = append(ratio, res[i|1][k].seconds/base)
		}
		x := "-"
		if i%2 == 1 {
			x = fmt.Sprintf("%.1f (%.1f-%.1f)", median(ratio), slices.Min(ratio), slices.Max(ratio))
		}
		fmt.Printf("| %s | %.2f | %.0f | %s | %.0f |\n", m.name, median(s), float64(n)/median(s), x, median(rss)/1024)
	}
	return nil
}

// writeJSONLines writes n lines of the compacted v1.0 sample to path, every
// 1,000th with severity "bogus".
func writeJSONLines(path string, n int) error {
	sample, err := bench.Sample()
	if err != nil {
		return err
	}
	var line bytes.Buffer
	if err := json.Compact(&line, sample); err != nil {
		return err
	}
	good := line.String()
	bad := strings.Replace(good, `"severity":"high"`, `"severity":"bogus"`, 1)
	if bad == good {
		return fmt.Errorf("the v1.0 sample has no severity high to change")
	}
	var b strings.Builder
	for i := 1; i <= n; i++ {
		if i%1000 == 0 {
			b.WriteString(bad)
		} else {
			b.WriteString(good)
		}
		b.WriteByte('\n')
	}
	return os.WriteFile(path, []byte(b.String()), 0o644)
}

// runValidate runs gen validate through a launcher: this program started
// again with launchEnv set, so that the maximum RSS it reads is gen's alone
// (on Linux a child's maximum RSS starts from its parent's at the fork, and
// this program holds the growth table's lists).
func runValidate(gen string, m validateMode) (validateRun, error) {
	self, err := os.Executable()
	if err != nil {
		return validateRun{}, err
	}
	report, err := os.CreateTemp("", "graphshape-launch-")
	if err != nil {
		return validateRun{}, err
	}
	report.Close()
	defer os.Remove(report.Name())
	name, args := gen, m.args
	if m.oneCore {
		if taskset, err := exec.LookPath("taskset"); err == nil {
			name, args = taskset, append([]string{"-c", "0", gen}, m.args...)
		}
	}
	cmd := exec.Command(self, append([]string{name}, args...)...)
	cmd.Env = append(os.Environ(), launchEnv+"="+report.Name())
	if m.oneCore {
		cmd.Env = append(cmd.Env, "GOMAXPROCS=1")
	}
	var out bytes.Buffer
	cmd.Stdout = &out
	cmd.Stderr = &out
	err = cmd.Run()
	if exit, ok := err.(*exec.ExitError); !ok || exit.ExitCode() != 1 {
		return validateRun{}, fmt.Errorf("%s: want exit status 1 (findings), got %v:\n%s", m.name, err, head(out.String()))
	}
	text, err := os.ReadFile(report.Name())
	if err != nil {
		return validateRun{}, err
	}
	r := validateRun{out: findings(out.String())}
	if _, err := fmt.Sscan(string(text), &r.seconds, &r.rssKB); err != nil {
		return validateRun{}, fmt.Errorf("%s: the launcher's report %q: %v", m.name, text, err)
	}
	return r, nil
}

// launchEnv names the file a launcher writes its child's wall time and
// maximum RSS to.
const launchEnv = "GRAPHSHAPE_TABLE_LAUNCH"

// launch runs args as a command with this process's standard files and
// environment (GOMAXPROCS passes through), writes the wall time in seconds
// and the maximum RSS in KiB to the file report names, and exits with the
// command's exit status.
func launch(report string, args []string) {
	cmd := exec.Command(args[0], args[1:]...)
	cmd.Stdin, cmd.Stdout, cmd.Stderr = os.Stdin, os.Stdout, os.Stderr
	start := time.Now()
	err := cmd.Run()
	seconds := time.Since(start).Seconds()
	if _, ok := err.(*exec.ExitError); err != nil && !ok {
		fail(err)
	}
	if err := os.WriteFile(report, fmt.Appendf(nil, "%f %f\n", seconds, maxRSS(cmd.ProcessState)), 0o644); err != nil {
		fail(err)
	}
	os.Exit(cmd.ProcessState.ExitCode())
}

// findings keeps of gen validate's text output what does not depend on the
// validator: each finding's file:line:column: pointer, and the summary.
func findings(out string) string {
	var b strings.Builder
	for l := range strings.Lines(out) {
		if strings.Contains(l, ".jsonl:") {
			f := strings.SplitN(l, ": ", 3)
			if len(f) == 3 {
				l = f[0] + ": " + f[1] + "\n"
			}
		}
		b.WriteString(l)
	}
	return b.String()
}

func head(s string) string {
	if len(s) > 2000 {
		return s[:2000] + "..."
	}
	return s
}
