package shape_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/graphshape/graphshape/generated/shape"
	"github.com/graphshape/graphshape/internal/emit/testdata/golden/objects"
	"github.com/graphshape/graphshape/internal/emit/testdata/golden/roots"
)

// FuzzDecoder feeds arbitrary bytes to the decoder through a typed object
// and an untyped value. It fails on a panic, on an error that is neither a
// syntax error nor a validation error, on disagreement with json.Valid about
// syntax (for valid UTF-8 input), and on a decode -> encode -> decode that is
// not stable.
func FuzzDecoder(f *testing.F) {
	for _, s := range []string{`{"id":"a","count":1}`, `{"id":"a","count":1,"note":null,"tags":["x"]}`, `[1,2.5e3,"x",null,true,{"a":[]}]`, `"\ud83d\ude00"`, `{"a":1,"a":2}`, ``, `[`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		var any roots.Anything
		err := any.UnmarshalJSON(data)
		var se *shape.SyntaxError
		isSyntax := errors.As(err, &se)
		if isSyntax && (se.Cause == 0 || !errors.Is(err, se.Cause)) {
			t.Fatalf("syntax error without a cause: %v", err)
		}
		if err != nil && !isSyntax {
			var ve *shape.ValidationError
			if !errors.As(err, &ve) {
				t.Fatalf("error of type %T: %v", err, err)
			}
		}
		if json.Valid(data) == isSyntax && !(isSyntax && se.Cause == shape.CauseDepthLimit) {
			t.Fatalf("json.Valid = %v but syntax error = %v (%v)", json.Valid(data), isSyntax, err)
		}

		var a objects.Order
		if _, err := shape.UnmarshalLenient(data, &a); err != nil {
			return // not JSON
		}
		enc, err := a.MarshalJSON()
		if err != nil {
			t.Fatal(err)
		}
		if !json.Valid(enc) {
			t.Fatalf("encoding %q is not valid JSON", enc)
		}
		var b objects.Order
		if _, err := shape.UnmarshalLenient(enc, &b); err != nil {
			t.Fatalf("re-decoding %s: %v", enc, err)
		}
		enc2, _ := b.MarshalJSON()
		if !bytes.Equal(enc, enc2) {
			t.Fatalf("encode is not stable:\n%s\n%s", enc, enc2)
		}
		if diff := cmp.Diff(a, b); diff != "" && utf8Clean(data) {
			t.Fatalf("decode -> encode -> decode changed the value (-first +second):\n%s", diff)
		}
	})
}

func utf8Clean(b []byte) bool { return bytes.Equal(b, bytes.ToValidUTF8(b, nil)) }
