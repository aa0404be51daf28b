package englishnames

import (
	_ "embed"
	"strings"

	"github.com/alam-nlp/alam/english"
)

//go:embed given.txt
var givenTxt string

// givenNames are the given names that start a person's name (given.txt).
var givenNames = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Split(givenTxt, "\n") {
		if w = strings.TrimSpace(w); w != "" && !strings.HasPrefix(w, "#") {
			m[w] = true
		}
	}
	return m
}()

// isStop reports whether a lower-case word is an English stop word
// (english.IsStopWord: the, he, after, when, 's …), or a word capitalized
// at the start of a sentence that starts no name and is no stop word.
func isStop(norm string) bool {
	return english.IsStopWord(norm) || sentenceStarts[norm]
}

var sentenceStarts = wordSet(`meanwhile yesterday today earlier later next`)
