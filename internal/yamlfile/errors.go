// Package yamlfile reads YAML files into yaml.v3 node trees and collects
// problems with their positions.
//
// It holds what the loaders of alam's YAML files (gazetteer files,
// topic taxonomies) share: a size-limited read, a check that the text is
// UTF-8 YAML may hold, the decoding of the first YAML document, the
// conversion of the YAML parser's errors to positions, the rejection of
// anchors and aliases, and a bounded collector of problems whose list is
// reported as "file:line:col: message" lines. The schema of each kind of
// file, and the messages about it, stay with its loader.
package yamlfile

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
)

// MaxErrors is the number of problems listed per file. When a file has
// more, its list ends with one more Error, at the position of the first
// problem left out, that says how many were left out.
const MaxErrors = 100

// Position is a place in a file. Line and Col count from 1; Col counts
// Unicode code points. A zero Line means the whole file.
type Position struct {
	File      string
	Line, Col int
}

// String returns "file:line:col", or "file:line" if Col is 0, or "file"
// if Line is 0; without a file name, the same without "file:"; and "-"
// for the zero Position.
func (p Position) String() string {
	s := p.File
	if p.Line > 0 {
		if s != "" {
			s += ":"
		}
		s += strconv.Itoa(p.Line)
		if p.Col > 0 {
			s += ":" + strconv.Itoa(p.Col)
		}
	}
	if s == "" {
		s = "-"
	}
	return s
}

// comparePos orders positions of one file by line, then column.
func comparePos(a, b Position) int {
	if c := cmp.Compare(a.Line, b.Line); c != 0 {
		return c
	}
	return cmp.Compare(a.Col, b.Col)
}

// Error is one problem in a file, at a position in that file. Its text is
// "file:line:col: message" (see Position.String).
type Error struct {
	Pos Position
	Msg string
	// Err is the underlying cause, if any: the loader's "too large"
	// sentinel, or the YAML parser's own error for a syntax error. It is
	// nil for schema problems.
	Err error
}

// Error returns "file:line:col: message".
func (e *Error) Error() string { return e.Pos.String() + ": " + e.Msg }

// Unwrap returns e.Err.
func (e *Error) Unwrap() error { return e.Err }

// LoadError lists the problems found while loading one or more files: at
// most MaxErrors per file (plus the note on how many more there were),
// sorted by position within each file, files in load order.
//
// errors.As(err, &loadErr) gives the whole list, and errors.As(err,
// &oneErr) with a *Error target gives the first problem.
type LoadError struct {
	Errors []*Error
}

// Error returns the problems one per line, or "no problems listed" if the
// list is empty.
func (e *LoadError) Error() string {
	if len(e.Errors) == 0 {
		return "no problems listed"
	}
	var b strings.Builder
	for i, err := range e.Errors {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(err.Error())
	}
	return b.String()
}

// Unwrap returns the listed problems, for errors.Is and errors.As.
func (e *LoadError) Unwrap() []error {
	errs := make([]error, len(e.Errors))
	for i, err := range e.Errors {
		errs[i] = err
	}
	return errs
}

// File collects the problems found in one file. A File with Name set is
// ready to use; Name is the file name of every position it makes.
//
// Problems may be added in any order. Memory stays bounded however many
// are added: a File holds at most a few times MaxErrors problems at once
// and remembers only how many it dropped and where the first dropped one
// was. A File is not safe for concurrent use.
type File struct {
	Name string

	list      []*Error
	seq       []int // insertion order of list, for a stable sort across compactions
	next      int
	dropped   int
	firstDrop Position
}

// Pos returns the position of the node n in the file.
func (f *File) Pos(n *yaml.Node) Position {
	return Position{File: f.Name, Line: n.Line, Col: n.Column}
}

// Errorf adds a problem at the position of n, with the message formatted
// as by fmt.Sprintf and no cause.
func (f *File) Errorf(n *yaml.Node, format string, args ...any) {
	f.Add(f.Pos(n), fmt.Sprintf(format, args...), nil)
}

// Add adds a problem at pos with the message msg and the cause, which may
// be nil.
func (f *File) Add(pos Position, msg string, cause error) {
	f.list = append(f.list, &Error{Pos: pos, Msg: msg, Err: cause})
	f.seq = append(f.seq, f.next)
	f.next++
	if len(f.list) >= 4*MaxErrors {
		f.compact(MaxErrors)
	}
}

// compact sorts the problems by position and keeps the first keep of them.
func (f *File) compact(keep int) {
	idx := make([]int, len(f.list))
	for i := range idx {
		idx[i] = i
	}
	slices.SortStableFunc(idx, func(a, b int) int {
		if c := comparePos(f.list[a].Pos, f.list[b].Pos); c != 0 {
			return c
		}
		return cmp.Compare(f.seq[a], f.seq[b])
	})
	list := make([]*Error, 0, len(f.list))
	seq := make([]int, 0, len(f.list))
	for _, i := range idx {
		list = append(list, f.list[i])
		seq = append(seq, f.seq[i])
	}
	if len(list) > keep {
		for _, e := range list[keep:] {
			if f.dropped == 0 || comparePos(e.Pos, f.firstDrop) < 0 {
				f.firstDrop = e.Pos
			}
			f.dropped++
		}
		list, seq = list[:keep], seq[:keep]
	}
	f.list, f.seq = list, seq
}

// Errors returns the problems added so far, sorted by position (those at
// one position in the order they were added): the first MaxErrors of
// them, then, if there were more, a note at the position of the first
// one left out that says how many were left out. It returns nil if no
// problem was added. The slice is the caller's.
func (f *File) Errors() []*Error {
	if len(f.list)+f.dropped == 0 {
		return nil
	}
	f.compact(MaxErrors)
	list := slices.Clone(f.list)
	if f.dropped > 0 {
		list = append(list, &Error{
			Pos: f.firstDrop,
			Msg: fmt.Sprintf("too many errors: %d more not shown", f.dropped),
		})
	}
	return list
}

// Err returns the problems added so far (see Errors) as a *LoadError, or
// nil if there are none.
func (f *File) Err() error {
	if errs := f.Errors(); errs != nil {
		return &LoadError{Errors: errs}
	}
	return nil
}
