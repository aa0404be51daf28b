package pipeline

import "errors"

// Error is the failure of one document: Source names the document (a file
// path, "-" or "<path>:<line>") and Err says why. The runner wraps every
// error that a stage returns in an Error, so that an output record's error
// text reads "<source>: <why>".
type Error struct {
	Source string
	Err    error
}

// Error returns "<source>: <why>", or just the reason when Source is empty.
// A source with a character that is not safe to print (a control
// character, as a file name may hold) is quoted as QuoteName does.
func (e *Error) Error() string {
	if e.Source == "" {
		return e.Err.Error()
	}
	return QuoteName(e.Source) + ": " + e.Err.Error()
}

// Unwrap returns the reason, for errors.Is and errors.As.
func (e *Error) Unwrap() error { return e.Err }

// docError wraps err with the document's source, unless it already names a
// source.
func docError(doc *Document, err error) error {
	if err == nil {
		return nil
	}
	var e *Error
	if errors.As(err, &e) {
		return err
	}
	src := doc.Source
	if src == "" {
		src = doc.ID
	}
	return &Error{Source: src, Err: err}
}

// ErrBinary is the reason for a document whose bytes are not text: they hold
// NUL bytes or many control characters.
var ErrBinary = errors.New("binary file")

// ErrTooLarge is the reason for a document over the size limit; the error
// that wraps it gives the size and the limit.
var ErrTooLarge = errors.New("over the size limit")
