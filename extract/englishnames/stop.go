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

// isStop reports whether a lower-case word is an English stop word, or a
// word capitalized at the start of a sentence that starts no name.
func isStop(norm string) bool {
	return english.IsStopWord(norm) || sentenceStarts[norm]
}

var sentenceStarts = wordSet(`the a an this that these those in on at but and or he she it they we i his her its
	their our after before when while as if during since though although meanwhile however yesterday today
	earlier later last next there here what who why how`)
