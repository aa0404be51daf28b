package pipeline

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
)

// Encoder writes documents as output records.
type Encoder interface {
	// Encode writes the record of one document.
	Encode(doc *Document) error
	// Close ends the output (it does not close the writer). Encode must
	// not be called after Close.
	Close() error
}

// EncodeOptions tunes the records.
type EncodeOptions struct {
	// Text adds the document's text to each record, as "text" after "lang".
	Text bool
}

// ErrClosed is returned by Encode on an Encoder that was closed.
var ErrClosed = errors.New("pipeline: encoder is closed")

// NewJSONLines returns an Encoder that writes one JSON object per line to
// w, one w.Write per record.
//
// The fields come in this order: id, source, meta, lang, text (only with
// opt.Text), stats, mentions, entities, topics, keywords, error. Every
// record has every field but text: meta is {} when the document has no
// Meta, error is null when the document succeeded and its message when
// Err is set (and then the lists are empty). Lists are written as [] when
// empty, never null; scores are rounded to 4 decimals (see Score); HTML
// characters and non-ASCII text are written as they are, not escaped.
func NewJSONLines(w io.Writer, opt EncodeOptions) Encoder {
	return &jsonLines{w: w, opt: opt}
}

type jsonLines struct {
	w       io.Writer
	opt     EncodeOptions
	buf     []byte
	scratch bytes.Buffer
	closed  bool
}

func (e *jsonLines) Encode(doc *Document) error {
	if e.closed {
		return ErrClosed
	}
	var err error
	if e.buf, err = writeRecord(e.buf[:0], doc, e.opt, "", &e.scratch); err != nil {
		return err
	}
	_, err = e.w.Write(e.buf)
	e.buf = keepBuffer(e.buf)
	return err
}

// maxKeptBuffer is the largest record buffer an encoder keeps for the next
// record: a record of a long article (with its text) is not held for the
// rest of the run.
const maxKeptBuffer = 1 << 20

// keepBuffer returns b to be reused, or nil when it has grown too large.
func keepBuffer(b []byte) []byte {
	if cap(b) > maxKeptBuffer {
		return nil
	}
	return b
}

func (e *jsonLines) Close() error {
	e.closed = true
	return nil
}

// NewJSONArray returns an Encoder that writes one indented JSON array of
// the same records as NewJSONLines, an element per Encode. Close writes the
// closing "]"; with no record at all, the output is "[]".
func NewJSONArray(w io.Writer, opt EncodeOptions) Encoder {
	return &jsonArray{w: w, opt: opt}
}

type jsonArray struct {
	w       io.Writer
	opt     EncodeOptions
	buf     []byte
	scratch bytes.Buffer
	n       int
	closed  bool
}

func (e *jsonArray) Encode(doc *Document) error {
	if e.closed {
		return ErrClosed
	}
	b := append(e.buf[:0], ",\n  "...)
	if e.n == 0 {
		b = append(e.buf[:0], "[\n  "...)
	}
	b, err := writeRecord(b, doc, e.opt, "  ", &e.scratch)
	if err != nil {
		return err
	}
	b = b[:len(b)-1] // the newline after the record
	_, err = e.w.Write(b)
	e.buf = keepBuffer(b)
	if err != nil {
		return err
	}
	e.n++
	return nil
}

func (e *jsonArray) Close() error {
	if e.closed {
		return nil
	}
	e.closed = true
	end := "\n]\n"
	if e.n == 0 {
		end = "[]\n"
	}
	_, err := io.WriteString(e.w, end)
	return err
}

// writeRecord appends the record of doc and a newline to b; with a
// non-empty indent it is indented by that much per level, the first line
// not included (as json.Indent indents the compact record). scratch is the
// encoder's buffer for the parts it compacts or indents.
func writeRecord(b []byte, doc *Document, opt EncodeOptions, indent string, scratch *bytes.Buffer) ([]byte, error) {
	if doc == nil {
		return b, errors.New("pipeline: encode a nil document")
	}
	if indent == "" {
		b, err := appendRecord(b, doc, opt, scratch)
		if err != nil {
			return b, fmt.Errorf("pipeline: encode %s: %w", doc.ID, err)
		}
		return b, nil
	}
	// The compact record is written at b's end, indented into scratch,
	// and copied back over itself.
	start := len(b)
	b, err := appendRecord(b, doc, opt, scratch)
	if err != nil {
		return b[:start], fmt.Errorf("pipeline: encode %s: %w", doc.ID, err)
	}
	scratch.Reset()
	if err := json.Indent(scratch, b[start:], indent, indent); err != nil {
		return b[:start], fmt.Errorf("pipeline: encode %s: %w", doc.ID, err)
	}
	return append(b[:start], scratch.Bytes()...), nil
}
