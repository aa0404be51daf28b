package pipeline

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"iter"
	"strconv"
	"unicode/utf8"
)

// JSONLOptions tells JSONLines where to find each record's id and text.
type JSONLOptions struct {
	IDField   string // field holding the id, a JSON string or number; "" means "id"
	TextField string // field holding the text, a JSON string; "" means "text"
	MaxBytes  int64  // size limit of one line; 0 or less means DefaultMaxBytes
	// FirstLine is the number of r's first line in the stream it was cut
	// from, so that a reader of one piece of a larger file (from a byte
	// offset where a line starts) names its records as a reader of the
	// whole file would; 0 or less means 1.
	FirstLine int
}

// JSONLines returns a source of one document for each non-blank line of r,
// a JSON Lines stream of objects with an id and a text field. Name stands
// for the stream in each document's Source, "<name>:<line>" with lines
// counted from 1 ("stdin" when name is "" or "-"; name escaped as
// EscapeName does).
//
// A document's ID is the id field (a number keeps its JSON spelling: 42
// gives "42"), or its Source when the field is missing or null. Its Text is
// the text field; the Decode stage leaves it as it is. Its Meta holds the
// record's other fields, as they came, even when the record fails for want
// of a text.
//
// A line that cannot be used (invalid UTF-8 or JSON, not an object, text
// missing or not a string, id neither string nor number, longer than
// MaxBytes) yields a document with Err set that says why, and the stream
// goes on with the next line. Lines may end in "\n" or "\r\n" and may be of
// any length up to MaxBytes. An error reading r yields one last document
// with Err set. Lines are numbered from opt.FirstLine when it is set.
func JSONLines(name string, r io.Reader, opt JSONLOptions) iter.Seq[*Document] {
	if name == "" || name == "-" {
		name = "stdin"
	}
	name = EscapeName(name)
	idField, textField := opt.IDField, opt.TextField
	if idField == "" {
		idField = "id"
	}
	if textField == "" {
		textField = "text"
	}
	maxBytes := opt.MaxBytes
	if maxBytes <= 0 {
		maxBytes = DefaultMaxBytes
	}
	first := max(opt.FirstLine, 1)
	return func(yield func(*Document) bool) {
		br := bufio.NewReaderSize(r, 64<<10)
		var buf []byte
		for n := first; ; n++ {
			src := name + ":" + strconv.Itoa(n)
			line, over, err := readLine(br, buf[:0], maxBytes)
			buf = line
			if over > 0 {
				doc := &Document{ID: src, Source: src,
					Err: &Error{Source: src, Err: &SizeError{What: "record", Size: over, Limit: maxBytes}}}
				if !yield(doc) {
					return
				}
			} else if len(bytes.Trim(line, jsonSpace)) > 0 {
				if !yield(parseRecord(src, line, idField, textField)) {
					return
				}
			}
			if err == io.EOF {
				return
			}
			if err != nil {
				src := name + ":" + strconv.Itoa(n)
				yield(&Document{ID: src, Source: src, Err: &Error{Source: src, Err: fmt.Errorf("read: %w", err)}})
				return
			}
		}
	}
}

// readLine appends the next line of br, without its "\n" or "\r\n", to
// buf. A line over maxBytes is read to its end but not kept whole: readLine
// returns its length in over instead (0 for a line within the limit). err is
// io.EOF after the last line.
func readLine(br *bufio.Reader, buf []byte, maxBytes int64) (line []byte, over int64, err error) {
	var size int64
	var chunk []byte
	for {
		chunk, err = br.ReadSlice('\n')
		size += int64(len(chunk))
		if int64(len(buf)) <= maxBytes+2 { // room for "\r\n"
			buf = append(buf, chunk...)
		}
		if err != bufio.ErrBufferFull {
			break
		}
	}
	if int64(len(buf)) > maxBytes+2 {
		size -= int64(len(chunk) - len(bytes.TrimRight(chunk, "\r\n")))
		return buf[:0], size, err
	}
	buf = bytes.TrimSuffix(buf, []byte("\n"))
	buf = bytes.TrimSuffix(buf, []byte("\r"))
	if int64(len(buf)) > maxBytes {
		return buf[:0], int64(len(buf)), err
	}
	return buf, 0, err
}

// parseRecord turns one non-blank line into a document.
func parseRecord(src string, line []byte, idField, textField string) *Document {
	doc := &Document{ID: src, Source: src}
	fail := func(err error) *Document {
		doc.Err = &Error{Source: src, Err: err}
		return doc
	}
	if !utf8.Valid(line) {
		return fail(fmt.Errorf("invalid UTF-8 at byte %d of the line", invalidOffset(line)))
	}
	var rec map[string]json.RawMessage
	if err := json.Unmarshal(line, &rec); err != nil {
		var te *json.UnmarshalTypeError
		if errors.As(err, &te) {
			return fail(fmt.Errorf("record is a JSON %s, want an object", te.Value))
		}
		return fail(fmt.Errorf("invalid JSON: %w", err))
	}
	if rec == nil {
		return fail(errors.New("record is a JSON null, want an object"))
	}
	doc.Meta = metaOf(line, idField, textField)
	if raw, ok := rec[idField]; ok {
		switch kind := jsonKind(raw); kind {
		case "string":
			var s string
			if err := json.Unmarshal(raw, &s); err != nil {
				return fail(fmt.Errorf("field %q: %w", idField, err))
			}
			doc.ID = s
		case "number":
			doc.ID = string(raw)
		case "null":
		default:
			return fail(fmt.Errorf("field %q is a JSON %s, want a string or a number", idField, kind))
		}
	}
	raw, ok := rec[textField]
	if !ok {
		return fail(fmt.Errorf("no field %q", textField))
	}
	if kind := jsonKind(raw); kind != "string" {
		return fail(fmt.Errorf("field %q is a JSON %s, want a string", textField, kind))
	}
	if err := json.Unmarshal(raw, &doc.Text); err != nil {
		return fail(fmt.Errorf("field %q: %w", textField, err))
	}
	return doc
}

// jsonKind names the kind of a valid JSON value from its first byte.
func jsonKind(raw json.RawMessage) string {
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 {
		return "nothing"
	}
	switch raw[0] {
	case '"':
		return "string"
	case '{':
		return "object"
	case '[':
		return "array"
	case 't', 'f':
		return "boolean"
	case 'n':
		return "null"
	default:
		return "number"
	}
}

// jsonSpace is the white space of JSON; a line of nothing else is blank.
const jsonSpace = " \t\r\n"
