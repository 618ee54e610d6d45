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
// Exit codes: 0 when all is well, 1 when there are findings (stale files,
// breaking changes, invalid documents), 2 on usage or I/O errors.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"
)

// env is what a subcommand may touch: its streams. Only this package prints.
type env struct {
	stdin  io.Reader
	stdout io.Writer
	stderr io.Writer
}

// command is one subcommand.
type command struct {
	summary string
	run     func(e *env, args []string) error
}

// commands lists the subcommands; each lives in its own file.
var commands = map[string]command{
	"diff":           {"show what differs between two schemas and judge compatibility", runDiff},
	"generate":       {"generate Go types and validators from a JSON Schema", runGenerate},
	"metadata-check": {"check a schema against Graph's CSDL metadata (or, for beta, its published type names)", runMetadataCheck},
	"validate":       {"validate captured Graph responses (files, JSON Lines or stdin)", runValidate},
}

// errFindings is returned (wrapped) by a subcommand that ran fine and found
// something to report: exit code 1. Its message has been printed already.
var errFindings = errors.New("findings reported")

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
	if len(args) == 0 || args[0] == "-h" || args[0] == "-help" || args[0] == "--help" || args[0] == "help" {
		usage(e.stderr)
		if len(args) == 0 {
			return usagef("no command given")
		}
		return nil
	}
	c, ok := commands[args[0]]
	if !ok {
		usage(e.stderr)
		return usagef("unknown command %q", args[0])
	}
	return c.run(e, args[1:])
}

// exitCode maps an error to the process exit code, printing it first.
func exitCode(err error, stderr io.Writer) int {
	var ue *usageError
	switch {
	case err == nil, errors.Is(err, flag.ErrHelp):
		return 0
	case errors.Is(err, errFindings):
		return 1
	case errors.As(err, &ue):
		fmt.Fprintf(stderr, "gen: %v\n", err)
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
	b.WriteString("usage: gen COMMAND [flags]\n\ncommands:\n")
	for _, n := range names {
		fmt.Fprintf(&b, "  %-15s %s\n", n, commands[n].summary)
	}
	b.WriteString("\nRun 'gen COMMAND -h' for a command's flags. Exit codes: 0 ok, 1 findings, 2 usage or I/O error.\n")
	io.WriteString(w, b.String())
}

// newFlagSet returns a flag set for subcommand name that prints its usage,
// headed by synopsis, to e.stderr and never exits by itself.
func newFlagSet(e *env, name, synopsis string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	fs.Usage = func() {
		fmt.Fprintf(e.stderr, "usage: gen %s\n", synopsis)
		fs.PrintDefaults()
	}
	return fs
}

// parseFlags parses args into fs; a malformed command line is a usage error
// and -h is flag.ErrHelp (exit code 0).
func parseFlags(fs *flag.FlagSet, args []string) error {
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return err
		}
		return usagef("%s: %v", fs.Name(), err)
	}
	return nil
}
