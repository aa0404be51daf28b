package pipeline

import (
	"fmt"
	"io"
	"io/fs"
	"iter"
)

// Reader returns a source of one document read from r, such as standard
// input. Name, escaped as EscapeName does, is both its ID and its Source;
// an empty name or "-" stands
// for standard input, with ID "stdin" and Source "-".
//
// The bytes are read when the document is pulled, up to DefaultMaxBytes;
// see ReaderMax for another limit. The Decode stage turns them into text.
func Reader(name string, r io.Reader) iter.Seq[*Document] {
	return ReaderMax(name, r, DefaultMaxBytes)
}

// ReaderMax is Reader with a size limit of maxBytes (DefaultMaxBytes if 0
// or less). A longer input yields a document with Err set, after reading
// no more than maxBytes+1 bytes.
func ReaderMax(name string, r io.Reader, maxBytes int64) iter.Seq[*Document] {
	if maxBytes <= 0 {
		maxBytes = DefaultMaxBytes
	}
	id, src := EscapeName(name), EscapeName(name)
	if name == "" || name == "-" {
		id, src = "stdin", "-"
	}
	return func(yield func(*Document) bool) {
		doc := &Document{ID: id, Source: src}
		raw, err := readLimited(r, maxBytes, "input")
		if err != nil {
			doc.Err = &Error{Source: src, Err: err}
		} else {
			doc.Raw = raw
		}
		yield(doc)
	}
}

// readLimited reads r to the end, but no more than maxBytes+1 bytes; what
// names the input in the error for a longer one ("file", "input").
func readLimited(r io.Reader, maxBytes int64, what string) ([]byte, error) {
	b, err := io.ReadAll(io.LimitReader(r, maxBytes+1))
	if err != nil {
		if pe, ok := err.(*fs.PathError); ok {
			return nil, pathReason(pe)
		}
		return nil, fmt.Errorf("read: %w", err)
	}
	if int64(len(b)) > maxBytes {
		return nil, &SizeError{What: what, Size: -1, Limit: maxBytes}
	}
	if b == nil {
		b = []byte{}
	}
	return b, nil
}
