package main

import (
	"os"
	"time"

	"github.com/graphshape/graphshape/internal/capture"
	"github.com/graphshape/graphshape/schema"
)

const validateSynopsis = "validate [-version v1.0|beta | -schema FILE] [-type NAME] [-lenient] [-format text|json|github] [-expect LEDGER] [-workers N] [FILE...|-]"

const validateExamples = `  gen validate -version beta captured.jsonl
  gen validate -type incidentUpdate testdata/v1.0/own/patch-request.json
  curl -s ... | gen validate -lenient -format github -`

func runValidate(e *env, args []string) error {
	fs := newFlagSet(e, "validate", validateSynopsis, validateExamples)
	version := fs.String("version", "", "validate with the generated decoders of a built-in `version`: v1.0 or beta (default v1.0)")
	schemaFile := fs.String("schema", "", "validate with jsonschema v5 against this schema `file` (or v1.0, beta)")
	typ := fs.String("type", "", "the document `type`: a $defs name or Go name (incidentUpdate, IncidentUpdate), incident, or list (default: a document with a top-level \"value\" array is a list response, else an incident)")
	lenient := fs.Bool("lenient", false, "decode leniently: re-cased and unknown enum members and unknown properties are warnings")
	format := fs.String("format", "text", "output `format`: text, json or github")
	expect := fs.String("expect", "", "a ledger `file` of known deviations (JSON array of sample, instanceLocation, keyword, reason): they are shown as expected and do not fail")
	workers := fs.Int("workers", 0, "check documents on `N` goroutines (default: GOMAXPROCS); output stays in input order")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if *version != "" && *schemaFile != "" {
		return usagef("validate: -version and -schema exclude each other")
	}
	switch *format {
	case "text", "json", "github":
	default:
		return usagef("validate: unknown format %q (want text, json or github)", *format)
	}
	var check capture.Checker
	if *schemaFile != "" {
		if *lenient {
			return usagef("validate: -lenient needs the generated decoders (-version), not -schema")
		}
		data, name, err := schema.Load(*schemaFile)
		if err != nil {
			return err
		}
		c, err := capture.NewReference(name, data, *typ)
		if err != nil {
			return usagef("validate: %v", err)
		}
		check = c
	} else {
		if *version == "" {
			*version = "v1.0"
		}
		c, err := capture.NewGenerated(*version, *typ, *lenient)
		if err != nil {
			return usagef("validate: %v", err)
		}
		check = c
	}
	inputs := fs.Args()
	if len(inputs) == 0 {
		inputs = []string{"-"}
	}
	rep := capture.NewReport(e.stdout, *format, *lenient)
	if *expect != "" {
		es, err := capture.LoadExpectations(*expect)
		if err != nil {
			return usagef("validate: -expect: %v", err)
		}
		rep.Expect = es
	}
	progress := false
	if f, ok := e.stderr.(*os.File); ok {
		if st, err := f.Stat(); err == nil && st.Mode()&os.ModeCharDevice != 0 {
			progress = true
		}
	}
	var last time.Time
	capture.Run(capture.Files(inputs, e.stdin), check, *workers, func(r *capture.Result) {
		rep.Add(r)
		if progress && time.Since(last) > time.Second {
			last = time.Now()
			rep.Flush()
			e.printf(e.stderr, "\r%d documents, %d invalid, %.1f MB", rep.Docs, rep.Invalid, float64(rep.Bytes)/1e6)
		}
	})
	if err := rep.Flush(); err != nil {
		return err
	}
	if progress {
		e.printf(e.stderr, "\r\033[K")
	}
	out := e.stdout
	if *format == "json" {
		out = e.stderr
	}
	rep.Summary(out)
	switch {
	case rep.Unreadable > 0:
		return errReported
	case rep.Invalid > 0:
		return errFindings
	}
	return nil
}
