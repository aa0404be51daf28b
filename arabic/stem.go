package arabic

import (
	"math/bits"
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
	// Every affix is of Arabic letters, two bytes each in UTF-8.
	if len(word) > 2 && word[0] == 0xd9 && word[1] == 0x88 && hasLetters(word[2:], 3) { // و
		word = word[2:]
	}
	// The articles begin with different letters: the first letter picks
	// the one article the word may begin with.
	if len(word) >= 4 {
		var p string
		switch uint16(word[0])<<8 | uint16(word[1]) {
		case 0xd988: // و
			p = "وال"
		case 0xd8a8: // ب
			p = "بال"
		case 0xd983: // ك
			p = "كال"
		case 0xd981: // ف
			p = "فال"
		case 0xd8a7: // ا
			p = "ال"
		case 0xd984: // ل
			p = "لل"
		}
		if p != "" && len(word) >= len(p) && word[:len(p)] == p && hasLetters(word[len(p):], 2) {
			word = word[len(p):]
		}
	}
	// The suffixes, in their order, each tried once: only those that end
	// in the word's last byte (most words end in none of them).
	for from := 0; len(word) > 0; {
		removed := false
		for m := suffixesEndingIn[word[len(word)-1]] >> from << from; m != 0; m &= m - 1 {
			i := bits.TrailingZeros8(m)
			if s := stemSuffixes[i]; strings.HasSuffix(word, s) && hasLetters(word[:len(word)-len(s)], 2) {
				word, from, removed = word[:len(word)-len(s)], i+1, true
				break
			}
		}
		if !removed {
			break
		}
	}
	return word
}

// The suffixes of light10, normalized with the Default folds (ة → ه).
// Its articles are in Stem: وال بال كال فال ال لل.
var stemSuffixes = [...]string{"ها", "ان", "ات", "ون", "ين", "يه", "ه", "ي"}

// suffixesEndingIn holds, for each byte, the set of stemSuffixes (bit i
// for stemSuffixes[i]) that end in it.
var suffixesEndingIn = func() (t [256]uint8) {
	for i, s := range stemSuffixes {
		t[s[len(s)-1]] |= 1 << i
	}
	return t
}()

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
