// Command gen is graphshape's command line: it generates Go types and
// validators from a JSON Schema, diffs two schemas, validates captured Graph
// responses and checks a schema against Graph's CSDL metadata.
//
// Usage:
//
//	gen generate -schema FILE -out DIR -package NAME [-root NAME] [-check]
//	gen diff [-format text|markdown|json|github] [-fail-on LEVEL] [-direction response|request] [-allow FILE] OLD NEW
//	gen validate [-version v1.0|beta | -schema FILE] [-type NAME] [-lenient] [-format text|json|github] [FILE...|-]
//	gen metadata-check (-metadata FILE | -names FILE) [-entity NAME] -schema FILE|v1.0|beta [-format text|json|github] [-allow FILE]
//
//	gen help [COMMAND]
//	gen version
//
// Flags may follow the positional arguments. Exit codes: 0 when all is well, 1 when there are findings (stale files,
// breaking changes, invalid documents), 2 on usage or I/O errors.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"sort"
	"strings"
)

// env is what a subcommand may touch: its streams. Only this package prints.
type env struct {
	stdin  io.Reader
	stdout io.Writer
	stderr io.Writer
}

// printf writes to w; a failed write to a terminal or pipe is not worth
// more than the exit code the command returns anyway.
func (e *env) printf(w io.Writer, format string, args ...any) {
	fmt.Fprintf(w, format, args...)
}

// command is one subcommand.
type command struct {
	summary string
	run     func(e *env, args []string) error
}

// commands lists the subcommands; each lives in its own file. help and
// version are added in init, as they refer to commands.
var commands = map[string]command{
	"diff":           {"show what differs between two schemas and judge compatibility", runDiff},
	"generate":       {"generate Go types and validators from a JSON Schema", runGenerate},
	"metadata-check": {"check a schema against Graph's CSDL metadata (or, for beta, its published type names)", runMetadataCheck},
	"validate":       {"validate captured Graph responses (files, JSON Lines or stdin)", runValidate},
}

func init() {
	commands["help"] = command{"print the usage of gen or of one command", runHelp}
	commands["version"] = command{"print gen's module version and VCS revision", runVersion}
}

// errFindings is returned (wrapped) by a subcommand that ran fine and found
// something to report: exit code 1. Its message has been printed already.
var errFindings = errors.New("findings reported")

// errReported is returned by a subcommand that reported I/O errors itself
// (and went on with its other inputs): exit code 2, nothing more printed.
var errReported = errors.New("errors reported")

// usageError is a mistake in the command line: exit code 2.
type usageError struct{ msg string }

func (e *usageError) Error() string { return e.msg }

func usagef(format string, args ...any) error {
	return &usageError{msg: fmt.Sprintf(format, args...)}
}

func main() {
	os.Exit(exitCode(run(os.Args[1:], &env{stdin: os.Stdin, stdout: os.Stdout, stderr: os.Stderr}), os.Stderr))
}

// run dispatches to a subcommand.
func run(args []string, e *env) error {
	if len(args) == 0 {
		usage(e.stderr)
		return usagef("no command given")
	}
	switch args[0] {
	case "-h", "-help", "--help":
		usage(e.stdout)
		return nil
	}
	c, ok := commands[args[0]]
	if !ok {
		return usagef("unknown command %q (run 'gen help' for the list)", args[0])
	}
	return c.run(e, args[1:])
}

// runHelp implements "gen help [COMMAND]".
func runHelp(e *env, args []string) error {
	switch {
	case len(args) == 0:
		usage(e.stdout)
		return nil
	case len(args) > 1:
		return usagef("help: want one command, got %q", args)
	}
	if _, ok := commands[args[0]]; !ok || args[0] == "help" || args[0] == "version" {
		if ok {
			usage(e.stdout)
			return nil
		}
		return usagef("help: unknown command %q (run 'gen help' for the list)", args[0])
	}
	return commands[args[0]].run(e, []string{"-h"})
}

// runVersion implements "gen version": the module version and VCS revision
// from the build information.
func runVersion(e *env, args []string) error {
	if len(args) > 0 {
		if args[0] == "-h" || args[0] == "-help" || args[0] == "--help" {
			e.printf(e.stdout, "usage: gen version\n\nPrints the module path and version and the VCS revision gen was built from.\n")
			return nil
		}
		return usagef("version: unexpected arguments %q", args)
	}
	e.printf(e.stdout, "%s\n", versionLine())
	return nil
}

// versionLine is "gen MODULE VERSION (revision REV[, modified])".
func versionLine() string {
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return "gen (no build information)"
	}
	version := bi.Main.Version
	if version == "" {
		version = "(devel)"
	}
	rev, modified := "", false
	for _, s := range bi.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.modified":
			modified = s.Value == "true"
		}
	}
	line := "gen " + bi.Main.Path + " " + version
	switch {
	case rev == "":
		line += " (revision unknown)"
	case modified:
		line += " (revision " + rev + ", modified)"
	default:
		line += " (revision " + rev + ")"
	}
	return line
}

// exitCode maps an error to the process exit code, printing it first.
func exitCode(err error, stderr io.Writer) int {
	switch {
	case err == nil, errors.Is(err, flag.ErrHelp):
		return 0
	case errors.Is(err, errFindings):
		return 1
	case errors.Is(err, errReported):
		return 2
	default:
		fmt.Fprintf(stderr, "gen: %v\n", err)
		return 2
	}
}

func usage(w io.Writer) {
	names := make([]string, 0, len(commands))
	for n := range commands {
		names = append(names, n)
	}
	sort.Strings(names)
	var b strings.Builder
	b.WriteString("usage: gen COMMAND [flags] [arguments]\n\ncommands:\n")
	for _, n := range names {
		fmt.Fprintf(&b, "  %-15s %s\n", n, commands[n].summary)
	}
	b.WriteString("\nRun 'gen help COMMAND' or 'gen COMMAND -h' for a command's flags and examples.\n")
	b.WriteString("Flags may come before or after the arguments; '--' ends the flags.\n")
	b.WriteString("Exit codes: 0 ok, 1 findings, 2 usage or I/O error.\n\nexamples:\n")
	b.WriteString("  gen validate -version beta captured.jsonl\n  gen diff v1.0 beta\n  gen version\n")
	io.WriteString(w, b.String())
}

// flagSet is a subcommand's flags with its synopsis and examples.
type flagSet struct {
	*flag.FlagSet
	e        *env
	synopsis string
	examples string
	args     []string // the positional arguments, after parse
}

// newFlagSet returns the flag set of subcommand name; its usage, headed by
// synopsis and followed by examples, goes to stdout on -h.
func newFlagSet(e *env, name, synopsis, examples string) *flagSet {
	fs := &flagSet{FlagSet: flag.NewFlagSet(name, flag.ContinueOnError), e: e, synopsis: synopsis, examples: examples}
	fs.SetOutput(io.Discard) // parse errors are returned, and printed once
	fs.FlagSet.Usage = func() {}
	return fs
}

// Usage prints the command's usage to w.
func (fs *flagSet) printUsage(w io.Writer) {
	fmt.Fprintf(w, "usage: gen %s\n\nflags:\n", fs.synopsis)
	fs.SetOutput(w)
	fs.PrintDefaults()
	fs.SetOutput(io.Discard)
	if fs.examples != "" {
		fmt.Fprintf(w, "\nexamples:\n%s\n", fs.examples)
	}
}

// Args returns the positional arguments.
func (fs *flagSet) Args() []string { return fs.args }

// NArg returns the number of positional arguments.
func (fs *flagSet) NArg() int { return len(fs.args) }

// Arg returns positional argument i.
func (fs *flagSet) Arg(i int) string {
	if i < len(fs.args) {
		return fs.args[i]
	}
	return ""
}

// parseFlags parses args into fs, accepting flags after positional
// arguments too ("--" ends the flags). -h, -help and --help print the usage
// to stdout and return flag.ErrHelp (exit code 0); a malformed command line
// is a usage error, printed once.
func parseFlags(fs *flagSet, args []string) error {
	fs.args = nil
	for {
		err := fs.Parse(args)
		if errors.Is(err, flag.ErrHelp) {
			fs.printUsage(fs.e.stdout)
			return err
		}
		if err != nil {
			return usagef("%s: %v (run 'gen help %s' for usage)", fs.Name(), err, fs.Name())
		}
		rest := fs.FlagSet.Args()
		if n := len(args) - len(rest); n > 0 && args[n-1] == "--" {
			fs.args = append(fs.args, rest...)
			return nil
		}
		if len(rest) == 0 {
			return nil
		}
		fs.args = append(fs.args, rest[0])
		args = rest[1:]
	}
}
