package pipeline

import (
	"context"
	"fmt"
	"io"
	"io/fs"
	"iter"
	"slices"
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
		raw, err := readLimited(context.Background(), r, maxBytes, -1, "input")
		if err != nil {
			doc.Err = &Error{Source: src, Err: err}
		} else {
			doc.Raw = raw
		}
		yield(doc)
	}
}

// readChunk is how much readLimited reads between two looks at its
// context.
const readChunk = 1 << 20

// readLimited reads r to the end, but no more than maxBytes+1 bytes; what
// names the input in the error for a longer one ("file", "input"). size is
// the expected size in bytes, or -1 when it is not known: the buffer is
// made that large at once instead of grown. Reading stops with ctx's error
// when ctx is done (checked between chunks of readChunk bytes).
func readLimited(ctx context.Context, r io.Reader, maxBytes, size int64, what string) ([]byte, error) {
	limit := maxBytes + 1
	n := int64(512)
	if size >= 0 {
		n = min(size+1, limit) // +1 to see the end without growing
	}
	b := make([]byte, 0, n)
	for {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		if len(b) == cap(b) {
			b = slices.Grow(b, int(min(int64(cap(b)), limit-int64(len(b)), readChunk)))
		}
		room := min(int64(cap(b)-len(b)), limit-int64(len(b)), readChunk)
		if room <= 0 {
			break
		}
		k, err := r.Read(b[len(b) : len(b)+int(room)])
		b = b[:len(b)+k]
		if err == io.EOF {
			break
		}
		if err != nil {
			if pe, ok := err.(*fs.PathError); ok {
				return nil, pathReason(pe)
			}
			return nil, fmt.Errorf("read: %w", err)
		}
	}
	if int64(len(b)) > maxBytes {
		return nil, &SizeError{What: what, Size: -1, Limit: maxBytes}
	}
	return b, nil
}
