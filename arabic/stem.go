package arabic

import (
	"strings"
)

// Stem returns the light stem of a word normalized with the Default folds,
// following Larkey's light10 stemmer (Larkey, Ballesteros and Connell,
// "Light Stemming for Arabic Information Retrieval", 2007):
//
//  1. remove a leading و when at least three letters remain;
//  2. remove one of the articles ال وال بال كال فال لل when at least two
//     letters remain;
//  3. go once through the suffixes ها ان ات ون ين يه ية ه ة ي, in that order,
//     removing each one the word ends with when at least two letters remain.
//
// Since the Default folds turn ة into ه, the suffixes ية and ة are met as
// يه and ه, and each of those is tried once. Stem does not normalize: pass
// it a token's Norm.
func Stem(word string) string {
	if rest, ok := strings.CutPrefix(word, "و"); ok && hasLetters(rest, 3) {
		word = rest
	}
	for _, p := range stemArticles {
		if rest, ok := strings.CutPrefix(word, p); ok && hasLetters(rest, 2) {
			word = rest
			break
		}
	}
	for _, s := range stemSuffixes {
		// The last byte first: most words end in none of the suffixes.
		if n := len(word); n == 0 || word[n-1] != s[len(s)-1] {
			continue
		}
		if rest, ok := strings.CutSuffix(word, s); ok && hasLetters(rest, 2) {
			word = rest
		}
	}
	return word
}

// The affixes of light10, normalized with the Default folds (ة → ه).
var (
	stemArticles = []string{"وال", "بال", "كال", "فال", "ال", "لل"}
	stemSuffixes = []string{"ها", "ان", "ات", "ون", "ين", "يه", "ه", "ي"}
)

// hasLetters reports whether s has at least n code points, reading no
// further than the n-th.
func hasLetters(s string, n int) bool {
	for range s {
		if n--; n <= 0 {
			return true
		}
	}
	return n <= 0
}
