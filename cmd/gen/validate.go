package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/graphshape/graphshape/generated/beta"
	"github.com/graphshape/graphshape/generated/shape"
	"github.com/graphshape/graphshape/generated/shape/shapeimpl"
	v1 "github.com/graphshape/graphshape/generated/v1"
	"github.com/graphshape/graphshape/internal/reference"
)

// maxDocument bounds one document (one line of JSON Lines, or one file):
// memory stays flat however large the input, and a longer document is
// reported as invalid rather than read.
const maxDocument = 64 << 20

// validator checks one document: it returns the violations that fail it,
// the tolerated points (lenient), and a non-nil error when it is not JSON.
type validator func(doc []byte, typ string) (violations, tolerated []shape.Violation, err error)

// builtinTypes lists, per version, the types gen validate knows, by name.
var builtinTypes = map[string]map[string]func() shape.Decodable{
	"v1.0": {
		"Incident":                   func() shape.Decodable { return new(v1.Incident) },
		"IncidentCollectionResponse": func() shape.Decodable { return new(v1.IncidentCollectionResponse) },
	},
	"beta": {
		"Incident":                   func() shape.Decodable { return new(beta.Incident) },
		"IncidentCollectionResponse": func() shape.Decodable { return new(beta.IncidentCollectionResponse) },
	},
}

// typeAliases are the short names -type accepts.
var typeAliases = map[string]string{"incident": "Incident", "list": "IncidentCollectionResponse", "collection": "IncidentCollectionResponse"}

// tolerable keywords are reported as warnings with -lenient; every other
// violation still fails the document.
var tolerable = map[string]bool{"enum": true, "additionalProperties": true}

func runValidate(e *env, args []string) error {
	fs := newFlagSet(e, "validate", "validate [-version v1.0|beta | -schema FILE] [-type NAME] [-lenient] [-format text|json|github] [FILE...|-]")
	version := fs.String("version", "", "validate with the generated decoders of a built-in `version`: v1.0 or beta (default v1.0)")
	schemaFile := fs.String("schema", "", "validate with jsonschema v5 against this schema `file`")
	typ := fs.String("type", "", "the document `type`: incident, list, or a type name (default: detected; a list response has a \"value\" array)")
	lenient := fs.Bool("lenient", false, "decode leniently: re-cased and unknown enum members and unknown properties are warnings")
	format := fs.String("format", "text", "output `format`: text, json or github")
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
	if a, ok := typeAliases[strings.ToLower(*typ)]; ok {
		*typ = a
	}
	var check validator
	if *schemaFile != "" {
		c, err := schemaValidator(*schemaFile, *typ)
		if err != nil {
			return err
		}
		check = c
	} else {
		if *version == "" {
			*version = "v1.0"
		}
		types, ok := builtinTypes[*version]
		if !ok {
			return usagef("validate: unknown version %q (want v1.0 or beta)", *version)
		}
		if *typ != "" && types[*typ] == nil {
			return usagef("validate: unknown type %q for %s (want incident, list, Incident or IncidentCollectionResponse)", *typ, *version)
		}
		check = builtinValidator(types, *typ, *lenient)
	}
	inputs := fs.Args()
	if len(inputs) == 0 {
		inputs = []string{"-"}
	}
	r := &report{e: e, format: *format, lenient: *lenient, drift: map[string]int{}}
	if f, ok := e.stderr.(*os.File); ok {
		if st, err := f.Stat(); err == nil && st.Mode()&os.ModeCharDevice != 0 {
			r.progress = true
		}
	}
	for _, in := range inputs {
		if err := r.input(in, check); err != nil {
			return err
		}
	}
	r.summary()
	if r.invalid > 0 {
		return errFindings
	}
	return nil
}

// builtinValidator decodes with a generated type.
func builtinValidator(types map[string]func() shape.Decodable, forced string, lenient bool) validator {
	return func(doc []byte, _ string) ([]shape.Violation, []shape.Violation, error) {
		name := forced
		if name == "" {
			name = detectType(doc)
		}
		v := types[name]()
		if !lenient {
			err := shape.Unmarshal(doc, v)
			var ve *shape.ValidationError
			if errors.As(err, &ve) {
				return ve.Violations, nil, nil
			}
			return nil, nil, err
		}
		tolerated, err := shape.UnmarshalLenient(doc, v)
		if err != nil {
			return nil, nil, err
		}
		var fail, warn []shape.Violation
		for _, t := range tolerated {
			if tolerable[t.Keyword] {
				warn = append(warn, t)
			} else {
				fail = append(fail, t)
			}
		}
		return fail, warn, nil
	}
}

// schemaValidator validates with jsonschema v5 against any schema file:
// the root, or "$defs/<type>" with -type.
func schemaValidator(file, typ string) (validator, error) {
	data, name, err := readSchema(file)
	if err != nil {
		return nil, err
	}
	ptr := ""
	if typ != "" {
		ptr = "/$defs/" + typ
	}
	v, err := reference.Compile(name, data, ptr)
	if err != nil {
		return nil, fmt.Errorf("validate: %w", err)
	}
	return func(doc []byte, _ string) ([]shape.Violation, []shape.Violation, error) {
		vs, err := v.Validate(doc)
		return vs, nil, err
	}, nil
}

// detectType tells a list response (an object with a "value" array) from a
// single incident by reading only the top-level member names.
func detectType(doc []byte) string {
	d := shapeimpl.NewDecoder(doc)
	if !d.BeginObject(shapeimpl.TObject) {
		return "Incident"
	}
	for i := 0; d.NextKey(i); i++ {
		if d.Key() == "value" {
			d.Begin()
			if d.BeginArray(shapeimpl.TArray) {
				return "IncidentCollectionResponse"
			}
			continue
		}
		d.Skip()
	}
	return "Incident"
}

// report accumulates results and prints them.
type report struct {
	e        *env
	format   string
	lenient  bool
	progress bool

	docs, valid, invalid, warned int
	drift                        map[string]int
	bytes                        int64
	started                      time.Time
	lastProgress                 time.Time
}

// input validates every document of one input ("-" is standard input).
func (r *report) input(name string, check validator) error {
	var f io.Reader
	if name == "-" {
		f = r.e.stdin
	} else {
		st, err := os.Stat(name)
		if err != nil {
			return fmt.Errorf("validate: %w", err)
		}
		if st.IsDir() {
			return fmt.Errorf("validate: %s is a directory, not a file", name)
		}
		file, err := os.Open(name)
		if err != nil {
			return fmt.Errorf("validate: %w", err)
		}
		defer file.Close()
		f = file
	}
	if r.started.IsZero() {
		r.started = time.Now()
	}
	br := bufio.NewReaderSize(f, 1<<20)
	// Skip leading blank lines, then read the first line: if it is a whole
	// JSON value, the input is JSON Lines; otherwise it is one document.
	var skipped []byte
	line := 1
	first, tooLong, err := readLine(br)
	for err == nil && !tooLong && len(bytes.TrimSpace(first)) == 0 {
		skipped = append(skipped, first...)
		skipped = append(skipped, '\n')
		line++
		first, tooLong, err = readLine(br)
	}
	if err != nil && err != io.EOF {
		return fmt.Errorf("validate: %s: %w", name, err)
	}
	if len(bytes.TrimSpace(first)) == 0 && err == io.EOF {
		r.document(name, 0, 1, nil, nil, nil, errors.New("holds no JSON document"))
		return nil
	}
	if !tooLong && json.Valid(first) {
		index := 0
		for {
			if len(bytes.TrimSpace(first)) > 0 {
				if tooLong {
					r.document(name, index, line, nil, nil, nil, fmt.Errorf("line longer than %d bytes", maxDocument))
				} else {
					vs, ws, verr := check(first, "")
					r.document(name, index, line, first, vs, ws, verr)
				}
				index++
			}
			if err == io.EOF {
				break
			}
			line++
			first, tooLong, err = readLine(br)
			if err != nil && err != io.EOF {
				return fmt.Errorf("validate: %s: %w", name, err)
			}
		}
		return nil
	}
	// One document: what was read and the rest.
	rest, rerr := io.ReadAll(io.LimitReader(br, maxDocument+1))
	if rerr != nil {
		return fmt.Errorf("validate: %s: %w", name, rerr)
	}
	doc := append(append(skipped, first...), '\n')
	doc = append(doc, rest...)
	if tooLong || len(doc) > maxDocument {
		r.document(name, 0, 1, nil, nil, nil, fmt.Errorf("document longer than %d bytes", maxDocument))
		return nil
	}
	vs, ws, verr := check(doc, "")
	r.document(name, 0, 1, doc, vs, ws, verr)
	return nil
}

// readLine reads one line without its newline; a line longer than
// maxDocument is consumed and reported as tooLong.
func readLine(br *bufio.Reader) (line []byte, tooLong bool, err error) {
	var buf []byte
	for {
		chunk, err := br.ReadSlice('\n')
		if len(buf)+len(chunk) <= maxDocument {
			buf = append(buf, chunk...)
		} else {
			tooLong = true
		}
		if err == bufio.ErrBufferFull {
			continue
		}
		buf = bytes.TrimSuffix(buf, []byte("\n"))
		buf = bytes.TrimSuffix(buf, []byte("\r"))
		return buf, tooLong, err
	}
}

type jsonResult struct {
	Source     string            `json:"source"`
	Index      int               `json:"index"`
	Line       int               `json:"line"`
	Valid      bool              `json:"valid"`
	Error      string            `json:"error,omitempty"`
	Violations []shape.Violation `json:"violations"`
	Warnings   []shape.Violation `json:"warnings,omitempty"`
}

// document records and prints the outcome for one document.
func (r *report) document(source string, index, line int, doc []byte, vs, ws []shape.Violation, err error) {
	r.docs++
	r.bytes += int64(len(doc))
	for _, v := range append(append([]shape.Violation(nil), vs...), ws...) {
		if k := driftKey(v); k != "" {
			r.drift[k]++
		}
	}
	valid := err == nil && len(vs) == 0
	if valid {
		r.valid++
	} else {
		r.invalid++
	}
	if len(ws) > 0 {
		r.warned++
	}
	out := r.e.stdout
	loc := source + ":" + strconv.Itoa(line)
	switch r.format {
	case "json":
		res := jsonResult{Source: source, Index: index, Line: line, Valid: valid, Violations: vs, Warnings: ws}
		if res.Violations == nil {
			res.Violations = []shape.Violation{}
		}
		if err != nil {
			res.Error = err.Error()
		}
		b, _ := json.Marshal(res)
		fmt.Fprintf(out, "%s\n", b)
	case "github":
		if err != nil {
			fmt.Fprintf(out, "::error file=%s,line=%d::document %d: %s\n", source, line, index, annotation(err.Error()))
		}
		for _, v := range vs {
			fmt.Fprintf(out, "::error file=%s,line=%d,title=%s::%s\n", source, line, v.Keyword, annotation(pointer(v)+": "+v.Message))
		}
		for _, v := range ws {
			fmt.Fprintf(out, "::warning file=%s,line=%d,title=%s::%s\n", source, line, v.Keyword, annotation(pointer(v)+": "+v.Message))
		}
	default:
		if err != nil {
			fmt.Fprintf(out, "%s: document %d: %v\n", loc, index, err)
		}
		for _, v := range vs {
			fmt.Fprintf(out, "%s: %s: %s\n", loc, pointer(v), v.Message)
		}
		for _, v := range ws {
			fmt.Fprintf(out, "%s: warning: %s: %s\n", loc, pointer(v), v.Message)
		}
	}
	if r.progress && time.Since(r.lastProgress) > time.Second {
		r.lastProgress = time.Now()
		fmt.Fprintf(r.e.stderr, "\r%d documents, %d invalid, %.1f MB", r.docs, r.invalid, float64(r.bytes)/1e6)
	}
}

func pointer(v shape.Violation) string {
	if v.InstanceLocation == "" {
		return "/"
	}
	return v.InstanceLocation
}

// annotation escapes a message for a GitHub workflow command.
func annotation(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace(s)
}

// driftKey names an unknown property or enum member, with array indices
// folded to "*", so repeated drift is counted once per place.
func driftKey(v shape.Violation) string {
	parts := strings.Split(v.InstanceLocation, "/")
	for i, p := range parts {
		if _, err := strconv.Atoi(p); err == nil && i > 0 {
			parts[i] = "*"
		}
	}
	at := strings.Join(parts, "/")
	switch v.Keyword {
	case "additionalProperties":
		return "unknown property " + at
	case "enum":
		val := v.Message
		if i := strings.IndexByte(val, '"'); i >= 0 {
			if j := strings.IndexByte(val[i+1:], '"'); j >= 0 {
				val = val[i : i+j+2]
			}
		}
		return "unknown enum member " + at + " = " + val
	}
	return ""
}

func (r *report) summary() {
	if r.progress {
		fmt.Fprint(r.e.stderr, "\r\033[K")
	}
	out := r.e.stdout
	if r.format == "json" {
		out = r.e.stderr
	}
	fmt.Fprintf(out, "%d documents: %d valid, %d invalid", r.docs, r.valid, r.invalid)
	if r.lenient {
		fmt.Fprintf(out, ", %d with warnings", r.warned)
	}
	fmt.Fprintln(out)
	keys := make([]string, 0, len(r.drift))
	for k := range r.drift {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	if len(keys) > 0 {
		fmt.Fprintln(out, "drift:")
		for _, k := range keys {
			fmt.Fprintf(out, "  %6d  %s\n", r.drift[k], k)
		}
	}
}
