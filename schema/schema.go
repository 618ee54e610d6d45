// Package schema holds graphshape's hand-maintained JSON Schemas of the
// Microsoft Graph security incident resource and compiles any draft 2020-12
// schema the way every graphshape component sees it.
//
// Compilation never touches the network or the file system beyond the one
// document it is given: the document is registered under a fixed base URL
// (see BaseURL), format assertion is on, and every $ref that leaves the
// document is refused with a *RemoteRefError.
package schema

import (
	"bytes"
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"path"
	"sort"
	"strconv"
	"strings"

	"github.com/santhosh-tekuri/jsonschema/v5"

	"github.com/graphshape/graphshape/internal/pointer"
)

//go:embed v1.0/incident.schema.json beta/incident.schema.json
var embedded embed.FS

// BaseURL is the fixed base under which a document is compiled: the document
// named "incident.schema.json" gets the URL BaseURL+"incident.schema.json".
// It names no real host, so no location leaks a machine path.
const BaseURL = "graphshape:///"

// Versions lists the names of the built-in schemas, in a fixed order.
var Versions = []string{"v1.0", "beta"}

// builtin maps a version name to its embedded file.
var builtin = map[string]string{
	"v1.0": "v1.0/incident.schema.json",
	"beta": "beta/incident.schema.json",
}

// Builtin returns the bytes of the built-in schema for version ("v1.0" or
// "beta") and the path of the file within this package's directory.
func Builtin(version string) (data []byte, file string, err error) {
	file, ok := builtin[version]
	if !ok {
		return nil, "", fmt.Errorf("schema: unknown built-in version %q (want one of %s)", version, strings.Join(Versions, ", "))
	}
	data, err = embedded.ReadFile(file)
	if err != nil {
		return nil, "", fmt.Errorf("schema: read built-in %s: %w", version, err)
	}
	return data, file, nil
}

// IsBuiltin reports whether name is one of Versions.
func IsBuiltin(name string) bool {
	_, ok := builtin[name]
	return ok
}

// Digest returns the hex SHA-256 of a schema document's bytes, as generated
// packages embed it to prove which schema they came from.
func Digest(data []byte) string {
	sum := sha256.Sum256(data)
	return hex.EncodeToString(sum[:])
}

// RemoteRefError reports a $ref (or $schema, or $id-relative reference) that
// points outside the document being compiled. graphshape never fetches one.
type RemoteRefError struct {
	URL string // the URL the reference resolved to
}

func (e *RemoteRefError) Error() string {
	return fmt.Sprintf("remote reference %q is not supported: schemas must be self-contained", e.URL)
}

// SyntaxError reports a schema document that is not valid JSON.
type SyntaxError struct {
	Name   string // the document's name
	Offset int64  // byte offset of the error
	Err    error  // the underlying encoding/json error
}

func (e *SyntaxError) Error() string {
	return fmt.Sprintf("%s: invalid JSON at byte offset %d: %v", e.Name, e.Offset, e.Err)
}

func (e *SyntaxError) Unwrap() error { return e.Err }

// Document is a schema document as read: its name, bytes, URL and the decoded
// JSON tree (numbers as json.Number, objects as map[string]any).
type Document struct {
	Name string // base name, e.g. "incident.schema.json"
	URL  string // BaseURL + Name
	Data []byte // the bytes as read
	Root any    // the decoded document
}

// MaxNesting is how deeply arrays and objects may nest in a schema
// document: Parse refuses a deeper one, naming where it crosses the limit.
// The bound keeps compilation fast (jsonschema v5's metaschema check costs
// grow faster than the depth: 1,000 nested properties took over a minute)
// and is far above what a real schema uses; model.MaxDepth bounds the
// subschemas inside one generated type further.
const MaxNesting = 256

// Parse decodes data as a JSON document named name. Duplicate member names
// are an error, because they make the meaning of a schema ambiguous; so is
// nesting deeper than MaxNesting.
func Parse(name string, data []byte) (*Document, error) {
	name = path.Base(strings.ReplaceAll(name, "\\", "/"))
	if bytes.HasPrefix(data, bom) {
		return nil, &SyntaxError{Name: name, Offset: 0, Err: ErrBOM}
	}
	root, err := decodeStrict(data)
	if err != nil {
		var se *json.SyntaxError
		if errors.As(err, &se) {
			return nil, &SyntaxError{Name: name, Offset: se.Offset, Err: err}
		}
		var ne *NumberError
		if errors.As(err, &ne) {
			ne.Name = name
			return nil, ne
		}
		if errors.Is(err, errTruncated) || errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF) {
			return nil, &SyntaxError{Name: name, Offset: int64(len(data)), Err: errTruncated}
		}
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	if off, err := checkText(data); err != nil {
		return nil, &SyntaxError{Name: name, Offset: int64(off), Err: err}
	}
	return &Document{Name: name, URL: BaseURL + name, Data: data, Root: root}, nil
}

// Compile parses and compiles data, named name, as a draft 2020-12 schema
// with format assertion on and annotations extracted. The returned error is
// a *SyntaxError, a *RemoteRefError (possibly wrapped) or a compilation error
// naming the schema location.
func Compile(name string, data []byte) (*Document, *jsonschema.Schema, error) {
	doc, err := Parse(name, data)
	if err != nil {
		return nil, nil, err
	}
	s, err := doc.Compile("")
	if err != nil {
		return nil, nil, err
	}
	return doc, s, nil
}

// Compile compiles the subschema of d at the JSON Pointer ptr ("" for the
// root).
//
// A panic inside jsonschema v5 (Parse already refuses the numbers known to
// cause one, see NumberError) is returned as an error naming the document.
func (d *Document) Compile(ptr string) (s *jsonschema.Schema, err error) {
	defer func() {
		if r := recover(); r != nil {
			s, err = nil, fmt.Errorf("%s: jsonschema v5 failed compiling the schema at %s: %v", d.Name, pointerOrRoot(ptr), r)
		}
	}()
	if err := d.checkDraft(); err != nil {
		return nil, err
	}
	c := NewCompiler()
	if err := c.AddResource(d.URL, bytes.NewReader(d.Data)); err != nil {
		return nil, fmt.Errorf("%s: %w", d.Name, err)
	}
	url := d.URL
	if ptr != "" {
		url += "#" + ptr
	}
	s, err = c.Compile(url)
	if err != nil {
		var re *RemoteRefError
		if errors.As(err, &re) {
			return nil, fmt.Errorf("%s: %w", d.Name, re)
		}
		return nil, fmt.Errorf("%s: %w", d.Name, err)
	}
	return s, nil
}

// Draft2020 is the one meta-schema URI graphshape reads. A root "$schema"
// may spell it with "http" or a trailing "#". Another draft (04, 06, 07,
// 2019-09, or the unversioned "latest" URI) is refused with a *DraftError,
// because graphshape (model, generated code, diff) implements draft 2020-12
// only; any other meta-schema would have to be fetched and is refused as a
// *RemoteRefError.
const Draft2020 = "https://json-schema.org/draft/2020-12/schema"

// DraftError reports a root "$schema" other than Draft2020.
type DraftError struct {
	Name   string // the document's name
	Schema any    // the "$schema" value as written
}

func (e *DraftError) Error() string {
	return fmt.Sprintf("%s#/$schema: %s is not draft 2020-12: graphshape reads only draft 2020-12 schemas (%s); declare that or remove \"$schema\"", e.Name, cutQuoted(e.Schema), Draft2020)
}

func cutQuoted(v any) string {
	s, ok := v.(string)
	if !ok {
		return fmt.Sprintf("a %T", v)
	}
	return strconv.Quote(cut(s))
}

// checkDraft refuses a root "$schema" other than Draft2020.
func (d *Document) checkDraft() error {
	m, ok := d.Root.(map[string]any)
	if !ok {
		return nil
	}
	v, ok := m["$schema"]
	if !ok {
		return nil
	}
	s, ok := v.(string)
	if !ok {
		return &DraftError{Name: d.Name, Schema: v}
	}
	s = strings.TrimSuffix(strings.TrimSuffix(s, "/"), "#")
	s = "https://" + strings.TrimPrefix(strings.TrimPrefix(s, "http://"), "https://")
	switch s {
	case Draft2020:
		return nil
	case "https://json-schema.org/schema", "https://json-schema.org/draft/2019-09/schema",
		"https://json-schema.org/draft-07/schema", "https://json-schema.org/draft-06/schema",
		"https://json-schema.org/draft-04/schema", "https://json-schema.org/draft-03/schema":
		return &DraftError{Name: d.Name, Schema: v}
	}
	// Any other meta-schema is a document graphshape would have to fetch:
	// jsonschema v5 asks for it and the loader refuses (*RemoteRefError).
	return nil
}

// NewCompiler returns a jsonschema v5 compiler configured as graphshape
// needs it: draft 2020-12 by default, format assertion on, annotations
// extracted, and a loader that refuses every URL with a *RemoteRefError.
// Documents must be added with AddResource before Compile.
func NewCompiler() *jsonschema.Compiler {
	c := jsonschema.NewCompiler()
	c.Draft = jsonschema.Draft2020
	c.AssertFormat = true
	c.ExtractAnnotations = true
	c.LoadURL = func(s string) (io.ReadCloser, error) {
		return nil, &RemoteRefError{URL: s}
	}
	return c
}

// Defs returns the names under the document root's "$defs", sorted.
func (d *Document) Defs() []string {
	m, _ := d.Root.(map[string]any)
	defs, _ := m["$defs"].(map[string]any)
	names := make([]string, 0, len(defs))
	for k := range defs {
		names = append(names, k)
	}
	sort.Strings(names)
	return names
}

// decodeStrict decodes one JSON value, refusing duplicate member names and
// trailing data.
func decodeStrict(data []byte) (any, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	v, err := decodeValue(dec, "", 0)
	if err != nil {
		return nil, err
	}
	if _, err := dec.Token(); err != io.EOF {
		if err == nil {
			return nil, fmt.Errorf("unexpected data after the document at byte offset %d", dec.InputOffset())
		}
		return nil, err
	}
	return v, nil
}

func decodeValue(dec *json.Decoder, ptr string, depth int) (any, error) {
	tok, err := dec.Token()
	if err != nil {
		if err == io.EOF {
			return nil, errTruncated
		}
		return nil, err
	}
	switch t := tok.(type) {
	case json.Delim:
		if depth >= MaxNesting && (t == '{' || t == '[') {
			return nil, fmt.Errorf("arrays and objects nest more than %d deep (schema.MaxNesting) at %s", MaxNesting, pointerOrRoot(ptr))
		}
		switch t {
		case '{':
			m := map[string]any{}
			for dec.More() {
				kt, err := dec.Token()
				if err != nil {
					return nil, err
				}
				k := kt.(string)
				if _, dup := m[k]; dup {
					return nil, fmt.Errorf("duplicate member %q at %s", k, pointerOrRoot(ptr))
				}
				v, err := decodeValue(dec, pointer.Append(ptr, k), depth+1)
				if err != nil {
					return nil, err
				}
				m[k] = v
			}
			if _, err := dec.Token(); err != nil {
				return nil, err
			}
			return m, nil
		case '[':
			a := []any{}
			for i := 0; dec.More(); i++ {
				v, err := decodeValue(dec, pointer.Append(ptr, strconv.Itoa(i)), depth+1)
				if err != nil {
					return nil, err
				}
				a = append(a, v)
			}
			if _, err := dec.Token(); err != nil {
				return nil, err
			}
			return a, nil
		}
		return nil, fmt.Errorf("unexpected %v at %s", t, pointerOrRoot(ptr))
	case json.Number:
		if err := CheckNumber(string(t)); err != nil {
			ne := err.(*NumberError)
			ne.Pointer = ptr
			return nil, ne
		}
		return t, nil
	default:
		return t, nil
	}
}

var errTruncated = errors.New("unexpected end of document")

// ErrBOM is the error of a document that begins with a byte order mark.
var ErrBOM = errors.New("the document begins with a byte order mark (U+FEFF); JSON text must not (RFC 8259, section 8.1): save it as UTF-8 without a BOM")

var bom = []byte("\ufeff")

// pointerOrRoot shows ptr in a message: pointer.Root, "(root)", for the
// document root.
func pointerOrRoot(ptr string) string { return pointer.Show(ptr) }
