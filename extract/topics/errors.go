package topics

import (
	"cmp"
	"errors"
	"fmt"
	"slices"
	"strings"
)

// MaxErrors is the number of problems LoadTaxonomy lists. When a file has
// more, the list ends with one more Error that says how many were left
// out.
const MaxErrors = 100

// ErrTooLarge is wrapped by the Error reported for a taxonomy over
// MaxTaxonomySize.
var ErrTooLarge = errors.New("topics: taxonomy file too large")

// Position is a place in a taxonomy file. Line and Col count from 1; Col
// counts code points. A zero Line means the whole file.
type Position struct {
	File      string
	Line, Col int
}

// String returns "file:line:col", or "file" when the line is unknown.
func (p Position) String() string {
	if p.Line == 0 {
		return p.File
	}
	return fmt.Sprintf("%s:%d:%d", p.File, p.Line, p.Col)
}

// Error is one problem in a taxonomy file. Its text is
// "file:line:col: message".
type Error struct {
	Pos Position
	Msg string
	// Err is the cause, if any: ErrTooLarge, or the YAML parser's error
	// for a syntax error. It is nil for schema problems.
	Err error
}

// Error returns "file:line:col: message".
func (e *Error) Error() string { return e.Pos.String() + ": " + e.Msg }

// Unwrap returns e.Err.
func (e *Error) Unwrap() error { return e.Err }

// LoadError lists every problem found in a taxonomy file, sorted by
// position, at most MaxErrors of them plus a final note on how many more
// there were. LoadTaxonomy returns it for any problem with the content;
// errors.As with a *Error target gives the first problem.
type LoadError struct {
	Errors []*Error
}

// Error returns the problems one per line.
func (e *LoadError) Error() string {
	if len(e.Errors) == 0 {
		return "topics: no problems listed"
	}
	lines := make([]string, len(e.Errors))
	for i, err := range e.Errors {
		lines[i] = err.Error()
	}
	return strings.Join(lines, "\n")
}

// Unwrap returns the listed problems, for errors.Is and errors.As.
func (e *LoadError) Unwrap() []error {
	errs := make([]error, len(e.Errors))
	for i, err := range e.Errors {
		errs[i] = err
	}
	return errs
}

// problems collects the problems of one file. It keeps the first
// MaxErrors*4 it is given (a file is walked in order, so those are close
// to the first ones by position) and counts the rest.
type problems struct {
	list    []*Error
	dropped int
}

func (p *problems) add(pos Position, msg string, cause error) {
	if len(p.list) >= 4*MaxErrors {
		p.dropped++
		return
	}
	p.list = append(p.list, &Error{Pos: pos, Msg: msg, Err: cause})
}

// errors returns the problems sorted by position (a stable sort keeps the
// order of problems at one position), capped at MaxErrors plus a note, or
// nil if there were none.
func (p *problems) errors() []*Error {
	if len(p.list) == 0 {
		return nil
	}
	list := slices.Clone(p.list)
	slices.SortStableFunc(list, func(a, b *Error) int {
		if c := cmp.Compare(a.Pos.Line, b.Pos.Line); c != 0 {
			return c
		}
		return cmp.Compare(a.Pos.Col, b.Pos.Col)
	})
	more := p.dropped
	if len(list) > MaxErrors {
		more += len(list) - MaxErrors
		first := list[MaxErrors].Pos
		list = list[:MaxErrors]
		list = append(list, &Error{Pos: first, Msg: fmt.Sprintf("too many errors: %d more not shown", more)})
	} else if more > 0 {
		list = append(list, &Error{Pos: Position{File: list[0].Pos.File}, Msg: fmt.Sprintf("too many errors: %d more not shown", more)})
	}
	return list
}
