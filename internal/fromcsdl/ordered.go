package fromcsdl

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
)

// Value is a JSON value that keeps the order of object members, so a
// hand-maintained document is rewritten byte for byte.
type Value struct {
	Obj    []Member // for an object (Kind 'o')
	Arr    []*Value // for an array (Kind 'a')
	Scalar string   // the JSON text of a string, number, boolean or null
	Kind   byte     // 'o', 'a' or 's'
}

// Member is one object member.
type Member struct {
	Key   string
	Value *Value
}

// M returns a member.
func M(key string, v *Value) Member { return Member{Key: key, Value: v} }

// Object returns an object with the members in order.
func Object(ms ...Member) *Value { return &Value{Kind: 'o', Obj: ms} }

// Array returns an array.
func Array(vs ...*Value) *Value { return &Value{Kind: 'a', Arr: vs} }

// String returns a JSON string.
func String(s string) *Value { return &Value{Kind: 's', Scalar: quote(s)} }

// Number returns a JSON number written as text.
func Number(text string) *Value { return &Value{Kind: 's', Scalar: text} }

// Bool returns a JSON boolean.
func Bool(b bool) *Value { return &Value{Kind: 's', Scalar: fmt.Sprint(b)} }

func quote(s string) string {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(s) // a string always encodes
	return strings.TrimSuffix(b.String(), "\n")
}

// Get returns the value of member key, or nil.
func (v *Value) Get(key string) *Value {
	if v == nil {
		return nil
	}
	for _, m := range v.Obj {
		if m.Key == key {
			return m.Value
		}
	}
	return nil
}

// Set replaces member key's value, or appends the member.
func (v *Value) Set(key string, x *Value) {
	for i, m := range v.Obj {
		if m.Key == key {
			v.Obj[i].Value = x
			return
		}
	}
	v.Obj = append(v.Obj, M(key, x))
}

// Parse reads one JSON document, keeping member order.
func Parse(data []byte) (*Value, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	v, err := parseValue(dec, 0)
	if err != nil {
		return nil, err
	}
	if _, err := dec.Token(); err != io.EOF {
		return nil, errors.New("fromcsdl: data after the JSON value")
	}
	return v, nil
}

func parseValue(dec *json.Decoder, depth int) (*Value, error) {
	if depth > 256 {
		return nil, errors.New("fromcsdl: JSON nested too deeply")
	}
	tok, err := dec.Token()
	if err != nil {
		return nil, fmt.Errorf("fromcsdl: %w", err)
	}
	switch t := tok.(type) {
	case json.Delim:
		switch t {
		case '{':
			v := Object()
			for dec.More() {
				k, err := dec.Token()
				if err != nil {
					return nil, fmt.Errorf("fromcsdl: %w", err)
				}
				x, err := parseValue(dec, depth+1)
				if err != nil {
					return nil, err
				}
				v.Obj = append(v.Obj, M(k.(string), x))
			}
			_, err := dec.Token()
			return v, err
		case '[':
			v := Array()
			for dec.More() {
				x, err := parseValue(dec, depth+1)
				if err != nil {
					return nil, err
				}
				v.Arr = append(v.Arr, x)
			}
			_, err := dec.Token()
			return v, err
		}
		return nil, fmt.Errorf("fromcsdl: unexpected %v", t)
	case string:
		return String(t), nil
	case json.Number:
		return Number(string(t)), nil
	case bool:
		return Bool(t), nil
	case nil:
		return &Value{Kind: 's', Scalar: "null"}, nil
	}
	return nil, fmt.Errorf("fromcsdl: unexpected token %v", tok)
}

// Encode writes v indented by two spaces, members in order, non-ASCII text
// as is, and a final newline: the layout of the hand-maintained schemas.
func Encode(v *Value) []byte {
	var b bytes.Buffer
	encode(&b, v, 0)
	b.WriteByte('\n')
	return b.Bytes()
}

func encode(b *bytes.Buffer, v *Value, depth int) {
	ind := func(d int) { b.WriteString(strings.Repeat("  ", d)) }
	switch v.Kind {
	case 'o':
		if len(v.Obj) == 0 {
			b.WriteString("{}")
			return
		}
		b.WriteString("{\n")
		for i, m := range v.Obj {
			ind(depth + 1)
			b.WriteString(quote(m.Key))
			b.WriteString(": ")
			encode(b, m.Value, depth+1)
			if i < len(v.Obj)-1 {
				b.WriteByte(',')
			}
			b.WriteByte('\n')
		}
		ind(depth)
		b.WriteByte('}')
	case 'a':
		if len(v.Arr) == 0 {
			b.WriteString("[]")
			return
		}
		b.WriteString("[\n")
		for i, x := range v.Arr {
			ind(depth + 1)
			encode(b, x, depth+1)
			if i < len(v.Arr)-1 {
				b.WriteByte(',')
			}
			b.WriteByte('\n')
		}
		ind(depth)
		b.WriteByte(']')
	default:
		b.WriteString(v.Scalar)
	}
}
