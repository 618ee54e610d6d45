package capture

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
)

// MaxDocument bounds one document (one line of JSON Lines, or one file) in
// bytes: memory stays flat however large the input, and a longer document
// is reported as invalid rather than read.
const MaxDocument = 64 << 20

// blockSize is how much input one read asks for.
const blockSize = 1 << 20

// Document is one document of an input.
type Document struct {
	Source string // the input's name ("-" for standard input)
	Index  int    // 1-based number of the document in its input
	Line   int    // 1-based line of the input the document starts on
	Text   string // the document, from its first non-blank line
	Err    error  // why the document could not be read (too long, no document)
}

// Input is one input to read: a name and how to open it.
type Input struct {
	Name string
	Open func() (io.ReadCloser, error)
}

// Files returns the inputs for names, "-" being stdin. A directory, a
// missing or an unreadable file fails when it is opened, so the others are
// still read.
func Files(names []string, stdin io.Reader) []Input {
	var ins []Input
	for _, name := range names {
		if name == "-" {
			ins = append(ins, Input{Name: name, Open: func() (io.ReadCloser, error) { return io.NopCloser(stdin), nil }})
			continue
		}
		ins = append(ins, Input{Name: name, Open: func() (io.ReadCloser, error) {
			f, err := os.Open(name)
			if err != nil {
				return nil, err
			}
			st, err := f.Stat()
			if err == nil && st.IsDir() {
				f.Close()
				return nil, fmt.Errorf("%s is a directory, not a file", name)
			}
			return f, err
		}})
	}
	return ins
}

// ErrNoDocument is the Err of the one Document of an input holding only
// white space.
var ErrNoDocument = errors.New("holds no JSON document")

// TooLongError is the Err of a document longer than MaxDocument.
type TooLongError struct {
	Line  bool // a line of JSON Lines, else a whole document
	Limit int
}

func (e *TooLongError) Error() string {
	if e.Line {
		return fmt.Sprintf("line longer than %d bytes, skipped", e.Limit)
	}
	return fmt.Sprintf("document longer than %d bytes, not read further", e.Limit)
}

// ReadDocuments reads the documents of one input and passes them to emit in
// batches, in order. If the first non-blank line is a JSON value the input
// is JSON Lines (one document per non-blank line); otherwise it is one
// document. Blank lines are counted, never kept. A JSON Lines line longer
// than limit (0: MaxDocument) is reported and skipped; a longer single
// document is reported and the input is not read further, so endless input
// without newlines ends after limit bytes. The error is a read error.
func ReadDocuments(source string, r io.Reader, limit int, emit func([]Document)) error {
	if limit <= 0 {
		limit = MaxDocument
	}
	lr := &lineReader{r: r, limit: limit}
	line := 1
	var first string
	var tooLong bool
	var err error
	for {
		first, tooLong, err = lr.next()
		if tooLong || err != nil || !blank(first) {
			break
		}
		line++
	}
	if err != nil && err != io.EOF {
		return err
	}
	switch {
	case tooLong:
		emit([]Document{{Source: source, Index: 1, Line: line, Err: &TooLongError{Limit: limit}}})
		return nil
	case blank(first):
		emit([]Document{{Source: source, Index: 1, Line: 1, Err: ErrNoDocument}})
		return nil
	case !json.Valid([]byte(first)):
		return readOne(source, lr, first, line, limit, err, emit)
	}
	// JSON Lines.
	const batchDocs, batchBytes = 256, 256 << 10
	batch := make([]Document, 0, batchDocs)
	size := 0
	index := 0
	text := first
	for {
		if tooLong {
			if serr := lr.skip(); serr != nil {
				err = serr
			}
		}
		if tooLong || !blank(text) {
			index++
			d := Document{Source: source, Index: index, Line: line, Text: text}
			if tooLong {
				d.Text, d.Err = "", &TooLongError{Line: true, Limit: limit}
			}
			batch = append(batch, d)
			size += len(text)
		}
		if err != nil {
			break
		}
		if len(batch) >= batchDocs || size >= batchBytes || (len(batch) > 0 && !lr.buffered()) {
			emit(batch)
			batch, size = make([]Document, 0, batchDocs), 0
		}
		line++
		text, tooLong, err = lr.next()
	}
	if len(batch) > 0 {
		emit(batch)
	}
	if err == io.EOF {
		return nil
	}
	return err
}

// readOne reads the rest of a single-document input after its first line.
func readOne(source string, lr *lineReader, first string, line, limit int, err error, emit func([]Document)) error {
	var b strings.Builder
	b.WriteString(first)
	for err == nil {
		var l string
		var tooLong bool
		l, tooLong, err = lr.next()
		if err != nil && err != io.EOF {
			return err
		}
		if tooLong || b.Len()+len(l) > limit {
			emit([]Document{{Source: source, Index: 1, Line: line, Err: &TooLongError{Limit: limit}}})
			return nil
		}
		b.WriteString(l)
	}
	emit([]Document{{Source: source, Index: 1, Line: line, Text: b.String()}})
	return nil
}

func blank(s string) bool {
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case ' ', '\t', '\n', '\r':
		default:
			return false
		}
	}
	return true
}

// lineReader splits its input into lines (each with its '\n') without a
// copy per line: each read block is turned into one string, which the
// lines share; only a line cut by the block's end is carried over.
type lineReader struct {
	r     io.Reader
	limit int
	text  string // complete lines not yet returned
	carry []byte // the incomplete line after them, in buf
	buf   []byte // the read buffer, reused
	err   error  // the reader's error (io.EOF at the end)

	partial bool // next reported an over-long line whose rest is unread
}

// buffered reports whether next can return a line without reading.
func (l *lineReader) buffered() bool { return l.text != "" }

// next returns the next line with its newline ("" and io.EOF at the end;
// the last line may lack the newline, and comes with a nil error). A line
// longer than limit is reported as tooLong, without its text; skip then
// drops the rest of it.
func (l *lineReader) next() (line string, tooLong bool, err error) {
	for {
		if i := strings.IndexByte(l.text, '\n'); i >= 0 {
			line, l.text = l.text[:i+1], l.text[i+1:]
			if len(line) > l.limit {
				return "", true, nil
			}
			return line, false, nil
		}
		if l.text != "" { // only after a read error or at the end
			line, l.text = l.text, ""
			if len(line) > l.limit {
				return "", true, nil
			}
			return line, false, nil
		}
		if l.err != nil {
			return "", false, l.err
		}
		if len(l.carry) > l.limit {
			l.partial = true
			return "", true, nil
		}
		l.fill()
	}
}

// fill reads at least one more line, or up to the end of the input, or a
// line longer than limit.
func (l *lineReader) fill() {
	size := blockSize
	if 2*len(l.carry) > size {
		size = 2 * len(l.carry)
	}
	if size > l.limit+blockSize {
		size = l.limit + blockSize
	}
	// The block is turned into a string (a copy), so its buffer is reused;
	// carry is its tail, moved to the front.
	buf := l.buf
	if cap(buf) < size {
		buf = make([]byte, size)
	}
	buf = buf[:size]
	l.buf = buf
	n := copy(buf, l.carry)
	scanned := n
	for n < len(buf) {
		m, err := l.r.Read(buf[n:])
		n += m
		if err != nil {
			l.err = err
			break
		}
		if bytes.IndexByte(buf[scanned:n], '\n') >= 0 {
			break
		}
		scanned = n
	}
	end := bytes.LastIndexByte(buf[:n], '\n') + 1
	if l.err != nil {
		end = n
	}
	l.text = string(buf[:end])
	l.carry = buf[end:n]
	if cap(buf) > 4*blockSize {
		l.buf = nil // a long line's buffer is not kept for the lines after it
	}
}

// skip drops the rest of the over-long line next reported, up to and
// including its newline, in fixed-size reads.
func (l *lineReader) skip() error {
	if !l.partial {
		return nil // the line was complete in text, and next dropped it
	}
	l.partial = false
	buf := l.carry[:cap(l.carry)]
	if len(buf) > blockSize {
		buf = buf[:blockSize]
	}
	l.carry = nil
	for {
		m, err := l.r.Read(buf)
		if i := bytes.IndexByte(buf[:m], '\n'); i >= 0 {
			l.carry = append([]byte(nil), buf[i+1:m]...)
			l.err = err
			return nil
		}
		if err != nil {
			l.err = err
			if err == io.EOF {
				return nil
			}
			return err
		}
	}
}
