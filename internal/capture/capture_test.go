package capture

import (
	"bytes"
	"errors"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"io"
	"path/filepath"
	"runtime"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/graphshape/graphshape/generated/shape"
	"github.com/graphshape/graphshape/generated/shape/shapeimpl"
	"github.com/graphshape/graphshape/schema"
)

func builtinSchema(version string) ([]byte, error) {
	data, _, err := schema.Builtin(version)
	return data, err
}

const minimal = `{"id":"7","createdDateTime":"2026-03-01T08:00:00Z","lastUpdateDateTime":"2026-03-01T08:00:00Z","severity":"low","status":"awaitingAction"}`

func TestPosition(t *testing.T) {
	doc := "{\n  \"a\": 1,\n\t\"b\": [true]\n}"
	tests := []struct {
		at           string
		first        int
		line, column int
		reason       string
	}{
		{"{", 1, 1, 1, "the first byte"},
		{"1", 1, 2, 8, "on the second line"},
		{"true", 10, 12, 8, "lines count from the document's first line in its input"},
		{"}", 1, 4, 1, "the last line"},
	}
	for _, tt := range tests {
		t.Run(tt.at, func(t *testing.T) {
			l, c := Position(doc, int64(strings.Index(doc, tt.at)), tt.first)
			if diff := cmp.Diff([2]int{tt.line, tt.column}, [2]int{l, c}); diff != "" {
				t.Errorf("%s (-want +got):\n%s", tt.reason, diff)
			}
		})
	}
}

func TestLocate(t *testing.T) {
	doc := `{"a": {"b~/c": [10, {"d": "x"}]}, "e\"f": null}`
	tests := []struct {
		pointer string
		key     bool
		want    string // the located text starts with it; "" for not found
		reason  string
	}{
		{"", false, `{"a"`, "the root"},
		{"/a", false, `{"b~/c"`, "a member's value"},
		{"/a", true, `"a"`, "a member's name"},
		{"/a/b~0~1c/1/d", false, `"x"`, "escaped tokens and array indices"},
		{"/e\"f", true, `"e\"f"`, "a name with an escaped quote"},
		{"/a/b~0~1c/2", false, "", "an index past the end"},
		{"/nope", false, "", "a member that is not there"},
		{"/a/b~0~1c/x", false, "", "a non-numeric index"},
		{"/a/b~2/c", false, "", "a malformed escape (RFC 6901) names nothing"},
		{"a", false, "", "a pointer must start with /"},
	}
	for _, tt := range tests {
		t.Run(tt.pointer, func(t *testing.T) {
			off, ok := Locate(doc, tt.pointer, tt.key)
			got := ""
			if ok {
				got = doc[off : off+int64(len(tt.want))]
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("%s (-want +got):\n%s", tt.reason, diff)
			}
		})
	}
}

// collect reads r with ReadDocuments and returns its documents.
func collect(t *testing.T, r io.Reader, limit int) []Document {
	t.Helper()
	var docs []Document
	if err := ReadDocuments("in", r, limit, func(b []Document) { docs = append(docs, b...) }); err != nil {
		t.Fatal(err)
	}
	return docs
}

type docView struct {
	Index, Line int
	Text, Err   string
}

func view(docs []Document) []docView {
	var out []docView
	for _, d := range docs {
		v := docView{Index: d.Index, Line: d.Line, Text: d.Text}
		if d.Err != nil {
			v.Err = d.Err.Error()
		}
		out = append(out, v)
	}
	return out
}

func TestReadDocuments(t *testing.T) {
	tests := []struct {
		name   string
		in     string
		limit  int
		want   []docView
		reason string
	}{
		{"jsonl", "\n{}\n\n[1]\r\n2", 0, []docView{{1, 2, "{}\n", ""}, {2, 4, "[1]\r\n", ""}, {3, 5, "2", ""}}, "blank lines are skipped but counted; CRLF is kept as white space"},
		{"one-document", "\n\n{\n \"a\": 1\n}\n", 0, []docView{{1, 3, "{\n \"a\": 1\n}\n", ""}}, "a pretty-printed document starts at its first non-blank line"},
		{"empty", "", 0, []docView{{1, 1, "", "holds no JSON document"}}, "no document"},
		{"blank", " \n\t\n", 0, []docView{{1, 1, "", "holds no JSON document"}}, "white space only"},
		{"long-line", "{}\n[" + strings.Repeat("1,", 40) + "1]\n{}\n", 32, []docView{{1, 1, "{}\n", ""}, {2, 2, "", "line longer than 32 bytes, skipped"}, {3, 3, "{}\n", ""}}, "an over-long line is reported and the next line is read"},
		{"long-document", "{\n" + strings.Repeat(" ", 40) + "}\n", 32, []docView{{1, 1, "", "document longer than 32 bytes, not read further"}}, "an over-long document is reported"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, view(collect(t, strings.NewReader(tt.in), tt.limit))); diff != "" {
				t.Errorf("%s (-want +got):\n%s", tt.reason, diff)
			}
		})
	}
}

// repeat is an endless (or n-byte) reader of one byte.
type repeat struct {
	b byte
	n int64 // < 0: endless
}

func (r *repeat) Read(p []byte) (int, error) {
	if r.n == 0 {
		return 0, io.EOF
	}
	if r.n > 0 && int64(len(p)) > r.n {
		p = p[:r.n]
	}
	for i := range p {
		p[i] = r.b
	}
	if r.n > 0 {
		r.n -= int64(len(p))
	}
	return len(p), nil
}

// TestReadBounded: blank lines are never kept, and endless input without a
// newline ends after the limit, with flat memory.
func TestReadBounded(t *testing.T) {
	tests := []struct {
		name   string
		r      io.Reader
		limit  int
		want   []docView
		reason string
	}{
		{"256MB-blank-lines", &repeat{'\n', 256 << 20}, 0, []docView{{1, 1, "", "holds no JSON document"}}, "256 MB of blank lines hold no document"},
		{"blank-lines-then-document", io.MultiReader(&repeat{'\n', 64 << 20}, strings.NewReader("{}")), 0, []docView{{1, 64<<20 + 1, "{}", ""}}, "the document after 64 MB of blank lines, on its line"},
		{"endless-zeros", &repeat{0, -1}, 4 << 20, []docView{{1, 1, "", "document longer than 4194304 bytes, not read further"}}, "endless input without newlines (like /dev/zero) stops at the limit"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			runtime.GC()
			var before, after runtime.MemStats
			runtime.ReadMemStats(&before)
			got := view(collect(t, tt.r, tt.limit))
			runtime.ReadMemStats(&after)
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("%s (-want +got):\n%s", tt.reason, diff)
			}
			if grew := after.HeapInuse - min(after.HeapInuse, before.HeapInuse); grew > 32<<20 {
				t.Errorf("%s: heap in use grew by %d MB", tt.reason, grew>>20)
			}
		})
	}
}

// chunks reads r in reads of pseudo-random sizes from 1 byte to 3 blocks.
type chunks struct {
	r    io.Reader
	seed uint64
}

func (c *chunks) Read(p []byte) (int, error) {
	c.seed = c.seed*6364136223846793005 + 1442695040888963407
	if n := int(c.seed>>33)%(3*blockSize) + 1; n < len(p) {
		p = p[:n]
	}
	return c.r.Read(p)
}

// TestReadAcrossBlocks: lines that cross the read blocks, lines longer than a
// block (the buffer grows, then is reused) and over-long lines come out as a
// plain split of the input gives them, whatever the sizes of the reads.
func TestReadAcrossBlocks(t *testing.T) {
	const limit = 3 * blockSize
	var in strings.Builder
	var want []docView
	seed := uint64(1)
	for i := 1; in.Len() < 12*blockSize; i++ {
		seed = seed*6364136223846793005 + 1442695040888963407
		var n int
		switch seed >> 61 { // mostly short lines, some long, a few over-long
		case 0:
			n = blockSize + int(seed>>40)%(2*blockSize)
		case 1:
			n = limit + 1 + int(seed>>40)%blockSize
		default:
			n = int(seed>>40) % 3000
		}
		line := fmt.Sprintf("[%d,%q]\n", i, strings.Repeat(string(rune('a'+i%26)), n))
		in.WriteString(line)
		d := docView{Index: i, Line: i, Text: line}
		if len(line) > limit {
			d.Text, d.Err = "", fmt.Sprintf("line longer than %d bytes, skipped", limit)
		}
		want = append(want, d)
	}
	for _, seed := range []uint64{1, 2, 3} {
		got := view(collect(t, &chunks{r: strings.NewReader(in.String()), seed: seed}, limit))
		if diff := cmp.Diff(want, got); diff != "" {
			t.Fatalf("reads of seed %d (-want +got):\n%s", seed, diff)
		}
	}
}

// TestRunOrder: results come in input order whatever the workers, and an
// unreadable input among others is reported while the others are read.
func TestRunOrder(t *testing.T) {
	var lines bytes.Buffer
	for i := range 2000 {
		if i%7 == 0 {
			lines.WriteString(`{"id":1}` + "\n")
		} else {
			lines.WriteString(minimal + "\n")
		}
	}
	c, err := NewGenerated("v1.0", "", false)
	if err != nil {
		t.Fatal(err)
	}
	open := func(s string) func() (io.ReadCloser, error) {
		return func() (io.ReadCloser, error) { return io.NopCloser(strings.NewReader(s)), nil }
	}
	inputs := []Input{
		{Name: "a", Open: open(lines.String())},
		{Name: "gone", Open: func() (io.ReadCloser, error) { return nil, errors.New("no such file") }},
		{Name: "b", Open: open(minimal)},
	}
	for _, workers := range []int{1, 4} {
		var got []string
		invalid := 0
		Run(inputs, c, workers, func(r *Result) {
			got = append(got, r.Source)
			if r.Source == "a" && r.Index != len(got) {
				t.Fatalf("workers=%d: result %d of a has index %d", workers, len(got), r.Index)
			}
			if !r.Valid {
				invalid++
			}
		})
		if diff := cmp.Diff([]string{"gone", "b"}, got[2000:]); diff != "" {
			t.Errorf("workers=%d: the unreadable input is reported in its place and the next is read (-want +got):\n%s", workers, diff)
		}
		if want := 2000/7 + 1 + 1; invalid != want {
			t.Errorf("workers=%d: %d invalid results, want %d (every 7th line and the unreadable input)", workers, invalid, want)
		}
	}
}

// TestDrift: drift keys come from the violation's location and the value
// in the document, in both modes; a name with a newline cannot forge a
// line.
func TestDrift(t *testing.T) {
	doc := strings.Replace(minimal, `"status":"awaitingAction"`, `"status":"Bogus","x\ny":1`, 1)
	gen, err := NewGenerated("v1.0", "", false)
	if err != nil {
		t.Fatal(err)
	}
	data, err := builtinSchema("v1.0")
	if err != nil {
		t.Fatal(err)
	}
	ref, err := NewReference("incident.schema.json", data, "")
	if err != nil {
		t.Fatal(err)
	}
	want := []string{`unknown enum member /status = "Bogus"`, `unknown property "/x\ny"`}
	for name, c := range map[string]Checker{"generated": gen, "reference": ref} {
		t.Run(name, func(t *testing.T) {
			r := checkDocument(c, &Document{Source: "in", Index: 1, Line: 1, Text: doc})
			got := append([]string(nil), r.Drift...)
			sort.Strings(got)
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
			for _, k := range got {
				if strings.ContainsAny(k, "\r\n") {
					t.Errorf("drift key %q spans lines", k)
				}
			}
		})
	}
}

// TestFormats: the three formats place findings by line and column, and
// escape what could forge lines or properties.
func TestFormats(t *testing.T) {
	r := &Result{Source: "a,b:c.json", Index: 1, Line: 3, Violations: []Finding{{
		Violation: shape.Violation{InstanceLocation: "/x\ny", Keyword: "additionalProperties", Message: "property \"x\\ny\" is not allowed 100%", Offset: 5},
		Line:      3, Column: 6,
	}}}
	tests := []struct {
		format string
		want   string
		reason string
	}{
		{"text", "a,b:c.json:3:6: \"/x\\ny\": property \"x\\ny\" is not allowed 100%\n", "file:line:col: pointer: message; the pointer quoted as it holds a newline"},
		{"github", "::error file=a%2Cb%3Ac.json,line=3,col=6,title=additionalProperties::\"/x\\ny\": property \"x\\ny\" is not allowed 100%25\n", "properties escape ',' and ':'; messages '%'"},
		{"json", `{"source":"a,b:c.json","index":1,"line":3,"valid":false,"violations":[{"instanceLocation":"/x\ny","keywordLocation":"","keyword":"additionalProperties","message":"property \"x\\ny\" is not allowed 100%","offset":5,"line":3,"column":6}]}` + "\n", "JSON gives line, column and offset"},
	}
	for _, tt := range tests {
		t.Run(tt.format, func(t *testing.T) {
			var b bytes.Buffer
			p := NewReport(&b, tt.format, false)
			p.Add(r)
			p.Flush()
			if diff := cmp.Diff(tt.want, b.String()); diff != "" {
				t.Errorf("%s (-want +got):\n%s", tt.reason, diff)
			}
		})
	}
	if got, want := Message("a%b\r\nc"), "a%25b%0D%0Ac"; got != want {
		t.Errorf("Message = %q, want %q", got, want)
	}
}

// TestBuiltinCoversGeneratedTypes: Builtin has a constructor for every
// type with a ShapeDecode method in generated/v1 and generated/beta, and
// -type finds each by its Go name and its $defs name.
func TestBuiltinCoversGeneratedTypes(t *testing.T) {
	for version, dir := range map[string]string{"v1.0": "v1", "beta": "beta"} {
		t.Run(version, func(t *testing.T) {
			fset := token.NewFileSet()
			files, err := filepath.Glob(filepath.Join("..", "..", "generated", dir, "*_gen.go"))
			if err != nil || len(files) == 0 {
				t.Fatalf("no generated files: %v", err)
			}
			var decl []string
			for _, f := range files {
				af, err := parser.ParseFile(fset, f, nil, 0)
				if err != nil {
					t.Fatal(err)
				}
				for _, d := range af.Decls {
					fd, ok := d.(*ast.FuncDecl)
					if !ok {
						continue
					}
					if fd.Name.Name == "ShapeDecode" && fd.Recv != nil {
						if star, ok := fd.Recv.List[0].Type.(*ast.StarExpr); ok {
							decl = append(decl, star.X.(*ast.Ident).Name)
						}
					}
					// A union type has a decode function instead: func DecodeX(d) X.
					if name, ok := strings.CutPrefix(fd.Name.Name, "Decode"); ok && fd.Recv == nil && fd.Type.Results != nil && len(fd.Type.Results.List) == 1 {
						if id, ok := fd.Type.Results.List[0].Type.(*ast.Ident); ok && id.Name == name {
							decl = append(decl, name)
						}
					}
				}
			}
			sort.Strings(decl)
			var have []string
			for n := range Builtin[version] {
				have = append(have, n)
			}
			sort.Strings(have)
			if diff := cmp.Diff(decl, have); diff != "" {
				t.Fatalf("Builtin[%q] differs from the generated types (-generated +table):\n%s", version, diff)
			}
			data, err := builtinSchema(version)
			if err != nil {
				t.Fatal(err)
			}
			ts, err := ResolveTypes("incident.schema.json", data)
			if err != nil {
				t.Fatal(err)
			}
			for _, n := range decl {
				t.Run(n, func(t *testing.T) {
					names := []string{n}
					for k, typ := range ts.byName {
						if typ.GoName == n && k != n {
							names = append(names, k) // its $defs name
						}
					}
					sort.Strings(names)
					for _, name := range names {
						got, err := ts.Lookup(name)
						if err != nil {
							t.Fatal(err)
						}
						if got.GoName != n {
							t.Errorf("Lookup(%q) = %s, want %s", name, got.GoName, n)
						}
						if name != n {
							continue // both modes resolve names through Lookup, checked above
						}
						if _, err := NewGenerated(version, name, false); err != nil {
							t.Errorf("-version %s -type %s: %v", version, name, err)
						}
						if _, err := NewReference("incident.schema.json", data, name); err != nil {
							t.Errorf("-schema %s -type %s: %v", version, name, err)
						}
					}
				})
			}
		})
	}
}

// TestTypeMeaning: -type means the same in both modes: each decodes a
// patch request as incidentUpdate and finds it valid, and as incident
// not.
func TestTypeMeaning(t *testing.T) {
	doc := `{"status":"resolved","resolvingComment":null}`
	data, err := builtinSchema("v1.0")
	if err != nil {
		t.Fatal(err)
	}
	for _, typ := range []string{"incidentUpdate", "IncidentUpdate", "incident", "list"} {
		gen, err := NewGenerated("v1.0", typ, false)
		if err != nil {
			t.Fatal(err)
		}
		ref, err := NewReference("incident.schema.json", data, typ)
		if err != nil {
			t.Fatal(err)
		}
		gv, _, gerr := gen.Check(doc)
		rv, _, rerr := ref.Check(doc)
		if gerr != nil || rerr != nil {
			t.Fatal(gerr, rerr)
		}
		if (len(gv) == 0) != (len(rv) == 0) {
			t.Errorf("-type %s: generated says %v, jsonschema v5 says %v", typ, gv, rv)
		}
		if wantValid := strings.EqualFold(typ, "incidentUpdate"); (len(gv) == 0) != wantValid {
			t.Errorf("-type %s: valid = %v, want %v", typ, len(gv) == 0, wantValid)
		}
	}
}

// TestSelectAndDerivedDrift: both modes relax "required" by the select
// list of @odata.context alike, say so in the result, and count an unknown
// derived evidence type in the drift.
func TestSelectAndDerivedDrift(t *testing.T) {
	gen, err := NewGenerated("v1.0", "", false)
	if err != nil {
		t.Fatal(err)
	}
	data, err := builtinSchema("v1.0")
	if err != nil {
		t.Fatal(err)
	}
	ref, err := NewReference("incident.schema.json", data, "")
	if err != nil {
		t.Fatal(err)
	}
	sel := `{"@odata.context":"$metadata#security/incidents(id,severity)","value":[{"id":"1","severity":"low"},{"id":"2"}]}`
	alert := `{"id":"a","serviceSource":"microsoftDefenderForEndpoint","severity":"low","status":"new","evidence":[{"@odata.type":"#microsoft.graph.security.futureEvidence","createdDateTime":"2024-01-01T00:00:00Z","remediationStatus":"none","verdict":"unknown"}]}`
	unknown := strings.Replace(minimal, `"status":"awaitingAction"`, `"status":"awaitingAction","alerts":[`+alert+`]`, 1)
	for name, c := range map[string]Checker{"generated": gen, "reference": ref} {
		t.Run(name, func(t *testing.T) {
			r := checkDocument(c, &Document{Source: "in", Index: 1, Line: 1, Text: sel})
			if diff := cmp.Diff([]string{"id", "severity"}, r.Select); diff != "" {
				t.Errorf("Select (-want +got):\n%s", diff)
			}
			var got []string
			for _, v := range r.Violations {
				got = append(got, v.InstanceLocation+" "+v.Message)
			}
			if diff := cmp.Diff([]string{`/value/1 missing required property "severity"`}, got); diff != "" {
				t.Errorf("violations (-want +got):\n%s", diff)
			}
			r = checkDocument(c, &Document{Source: "in", Index: 1, Line: 1, Text: unknown})
			if r.Valid {
				t.Errorf("an unknown derived type passed")
			}
			if !slices.Contains(r.Drift, `unknown derived type /alerts/*/evidence/* = "#microsoft.graph.security.futureEvidence"`) {
				t.Errorf("drift %q does not count the unknown derived type", r.Drift)
			}
		})
	}
}

// TestReferenceSeesWhatV5Cannot: with -schema (jsonschema v5), invalid
// UTF-8 and a repeated member are reported, at the same places, as the
// generated decoders report them (v5 decodes with encoding/json, which
// replaces the bytes and keeps the last member).
func TestReferenceSeesWhatV5Cannot(t *testing.T) {
	doc := strings.Replace(minimal, `"id":"7"`, `"id":"7","id":"8","displayName":"a`+"\xff"+`"`, 1)
	gen, err := NewGenerated("v1.0", "", false)
	if err != nil {
		t.Fatal(err)
	}
	data, err := builtinSchema("v1.0")
	if err != nil {
		t.Fatal(err)
	}
	ref, err := NewReference("incident.schema.json", data, "")
	if err != nil {
		t.Fatal(err)
	}
	view := func(c Checker) []string {
		fail, _, err := c.Check(doc)
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, v := range fail {
			out = append(out, fmt.Sprintf("%s %s @%d", v.Keyword, v.InstanceLocation, v.Offset))
		}
		sort.Strings(out)
		return out
	}
	want := []string{"duplicate /id @10", "utf8 /displayName @33"}
	if diff := cmp.Diff(want, view(ref)); diff != "" {
		t.Errorf("reference (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(want, view(gen)); diff != "" {
		t.Errorf("generated (-want +got):\n%s", diff)
	}
	// Nesting beyond the decoders' limit is the same syntax error with
	// both, though encoding/json (and so v5) would take 10,000 levels.
	deep := strings.Repeat("[", 5000) + strings.Repeat("]", 5000)
	for name, c := range map[string]Checker{"generated": gen, "reference": ref} {
		_, _, err := c.Check(deep)
		var se *shape.SyntaxError
		if !errors.As(err, &se) || se.Offset != shapeimpl.DefaultMaxDepth || !strings.Contains(se.Msg, "nesting deeper than 512") {
			t.Errorf("%s: 5,000 levels: %v, want the syntax error at offset %d", name, err, shapeimpl.DefaultMaxDepth)
		}
	}
}
