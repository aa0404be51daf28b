package gazetteer

import (
	"errors"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/alam-nlp/alam/arabic"
	"github.com/alam-nlp/alam/english"
	"github.com/alam-nlp/alam/internal/yamlfile"
)

// MaxErrors is the number of problems listed per file. When a file has
// more, its list ends with one more Error, at the position of the first
// problem left out, that says how many were left out.
const MaxErrors = yamlfile.MaxErrors

// ErrTooLarge is wrapped by the Error reported for a file over MaxFileSize.
var ErrTooLarge = errors.New("gazetteer: file too large")

// ErrNoFiles is returned by LoadFS when no file matches its patterns.
var ErrNoFiles = errors.New("gazetteer: no files match")

// Error is one problem in a gazetteer file, at a position in that file.
// Its text is "file:line:col: message" (see Position). Err, if not nil, is
// the underlying cause: ErrTooLarge, or the YAML parser's own error for a
// syntax error. It is nil for schema problems.
type Error = yamlfile.Error

// LoadError lists the problems found while loading one or more gazetteer
// files: at most MaxErrors per file (plus the note on how many more there
// were), sorted by position within each file, files in load order. Its
// text is the problems one per line.
//
// Load, LoadFile, LoadFS and Default return a *LoadError for every problem
// with the content of a file, so errors.As(err, &loadErr) gives the whole
// list and errors.As(err, &oneErr) with a *Error target gives the first.
// Failures to read a file are returned as ordinary wrapped errors instead.
type LoadError = yamlfile.LoadError

// suggest returns the candidate closest to s if it is within edit
// distance 2 (insertions, deletions, substitutions and transpositions of
// adjacent letters, ignoring case) and closer than the candidate's own
// length, so that very short words are not "corrected" into unrelated
// ones. Ties go to the earlier candidate. It returns "" if none is close.
func suggest(s string, candidates []string) string {
	best, bestDist := "", 3
	ls := strings.ToLower(s)
	for _, c := range candidates {
		d := editDistance(ls, strings.ToLower(c))
		if d < bestDist && d < utf8.RuneCountInString(c) {
			best, bestDist = c, d
		}
	}
	return best
}

// editDistance is the optimal string alignment distance between a and b,
// counted in runes. Inputs longer than 64 runes get a distance of 64 or
// more without being compared, which keeps the cost bounded for hostile
// field names.
func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	if len(ra) > 64 || len(rb) > 64 {
		return max(64, abs(len(ra)-len(rb)))
	}
	// d[i][j] is the distance between ra[:i] and rb[:j].
	d := make([][]int, len(ra)+1)
	for i := range d {
		d[i] = make([]int, len(rb)+1)
		d[i][0] = i
	}
	for j := range d[0] {
		d[0][j] = j
	}
	for i := 1; i <= len(ra); i++ {
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			d[i][j] = min(d[i-1][j]+1, d[i][j-1]+1, d[i-1][j-1]+cost)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				d[i][j] = min(d[i][j], d[i-2][j-2]+1)
			}
		}
	}
	return d[len(ra)][len(rb)]
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// didYouMean formats the suggestion for s among candidates, or "".
func didYouMean(s string, candidates []string) string {
	if c := suggest(s, candidates); c != "" {
		return fmt.Sprintf(" (did you mean %q?)", c)
	}
	return ""
}

// textProblem describes what is wrong with a name, alias, demonym or
// context word, or returns "" if it is fine: it must hold a non-space
// character, must not start or end with space, and must be one line
// without control characters.
func textProblem(s string) string {
	if strings.TrimSpace(s) == "" {
		return "empty string"
	}
	for _, r := range s {
		if unicode.IsControl(r) || r == '\u2028' || r == '\u2029' {
			return fmt.Sprintf("line break or control character %U in %q", r, s)
		}
	}
	if r, _ := utf8.DecodeRuneInString(s); unicode.IsSpace(r) {
		return fmt.Sprintf("leading space in %q", s)
	}
	if r, _ := utf8.DecodeLastRuneInString(s); unicode.IsSpace(r) {
		return fmt.Sprintf("trailing space in %q", s)
	}
	return ""
}

// matchProblem describes why a name, alias or demonym s would match in
// nearly every text, or returns "" if it would not: it has no letter
// (punctuation, digits, symbols: ".", "2014"); it is a single letter,
// tatweel, marks and punctuation aside ("بـ", "A."; "G8" has a digit and
// is fine);
// or it is one stop word, Arabic (arabic.IsStopWord after normalization:
// في، من، على) or English (english.IsStopWord: "the", "in"). An English
// stop word written in capitals as an acronym of two letters or more
// ("US", "WHO") is not refused: Latin names match in the case they are
// written in. A stop word is accepted when the entry has context.favour
// words, as the package documentation asks of every name that is also a
// common word (أبين is Abyan and a word of the stop list).
func matchProblem(s string, context bool) string {
	norm := arabic.Normalize(s) // without tatweel and tashkeel
	letters, digits := 0, 0
	for _, r := range norm {
		switch {
		case unicode.IsLetter(r):
			letters++
		case unicode.IsDigit(r):
			digits++
		}
	}
	switch {
	case letters == 0:
		return fmt.Sprintf("%q has no letter: it would match wherever its characters stand", s)
	case letters == 1 && digits == 0:
		return fmt.Sprintf("%q is a single letter: it would match in nearly every text", s)
	case context:
		return ""
	case arabic.IsStopWord(norm):
		return fmt.Sprintf("%q is an Arabic stop word: it would match in nearly every text (give the entry context.favour words, or leave the name out)", s)
	case english.IsStopWord(strings.ToLower(s)) && !isAcronym(s):
		return fmt.Sprintf("%q is an English stop word: it would match in nearly every text (give the entry context.favour words, or leave the name out)", s)
	}
	return ""
}

// isAcronym reports whether s is written in capital letters only, two or
// more.
func isAcronym(s string) bool {
	n := 0
	for _, r := range s {
		if !unicode.IsUpper(r) {
			return false
		}
		n++
	}
	return n >= 2
}
