package arabic

import (
	_ "embed"
	"strings"

	"github.com/alam-nlp/alam/internal/wordfilter"
)

// stopList is the Arabic stop word list of Mohamed Taher Alrefaie,
// github.com/mohataher/arabic-stop-words at commit 7672554 (list.txt),
// MIT License; see LICENSE.stopwords.
//
//go:embed stopwords.txt
var stopList string

// stopWords holds the stop list normalized with the Default folds, built
// once.
var stopWords = func() map[string]bool {
	m := make(map[string]bool)
	for line := range strings.Lines(stopList) {
		if w := Normalize(strings.TrimSpace(line)); w != "" {
			m[w] = true
		}
	}
	return m
}()

// stopFilter holds every stop word, so that most other words are turned
// away without a map lookup (IsStopWord is asked of every token).
var stopFilter = func() *wordfilter.Filter {
	f := new(wordfilter.Filter)
	for w := range stopWords {
		f.Add(w)
	}
	return f
}()

// IsStopWord reports whether the normalized word (a token's Norm, with the
// Default folds) is an Arabic stop word: a particle, pronoun, preposition,
// auxiliary or other function word from the list of Alrefaie (MIT),
// normalized the same way. The list also holds the punctuation ، and ـ.
func IsStopWord(norm string) bool { return stopFilter.MayHold(norm) && stopWords[norm] }

// StopWords returns the normalized stop words, in no particular order.
func StopWords() []string {
	out := make([]string, 0, len(stopWords))
	for w := range stopWords {
		out = append(out, w)
	}
	return out
}
