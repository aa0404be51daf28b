package englishnames

import "github.com/alam-nlp/alam/english"

// isStop reports whether a lower-case word is an English stop word, or a
// word capitalized at the start of a sentence that starts no name.
func isStop(norm string) bool {
	return english.IsStopWord(norm) || sentenceStarts[norm]
}

var sentenceStarts = wordSet(`the a an this that these those in on at but and or he she it they we i his her its
	their our after before when while as if during since though although meanwhile however yesterday today
	earlier later last next there here what who why how`)
