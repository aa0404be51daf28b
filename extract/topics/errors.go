package topics

import (
	"errors"

	"github.com/alam-nlp/alam/internal/yamlfile"
)

// MaxErrors is the number of problems LoadTaxonomy lists. When a file has
// more, the list ends with one more Error, at the position of the first
// problem left out, that says how many were left out.
const MaxErrors = yamlfile.MaxErrors

// ErrTooLarge is wrapped by the Error reported for a taxonomy over
// MaxTaxonomySize.
var ErrTooLarge = errors.New("topics: taxonomy file too large")

// Position is a place in a taxonomy file. Line and Col count from 1; Col
// counts code points. A zero Line means the whole file. Its String method
// returns "file:line:col", or "file:line" if Col is 0, or "file" if Line
// is 0; without a file name, the same without "file:"; and "-" for the
// zero Position.
type Position = yamlfile.Position

// Error is one problem in a taxonomy file. Its text is
// "file:line:col: message". Err, if not nil, is the cause: ErrTooLarge, or
// the YAML parser's error for a syntax error. It is nil for schema
// problems.
type Error = yamlfile.Error

// LoadError lists every problem found in a taxonomy file, sorted by
// position, at most MaxErrors of them plus a final note on how many more
// there were; its text is the problems one per line. LoadTaxonomy returns
// it for any problem with the content; errors.As with a *Error target
// gives the first problem.
type LoadError = yamlfile.LoadError
