// Package langid tells the language of an article from its analysis: the
// script of its letters, then its stop words.
package langid

import (
	"unicode"

	"github.com/alam-nlp/alam/arabic"
	"github.com/alam-nlp/alam/english"
)

// The language codes Detect returns.
const (
	Arabic       = "ar"
	English      = "en"
	Undetermined = "und"
)

// minWords is the number of words from which the stop words must agree
// with the script: below it the script alone decides (a headline, a name).
const minWords = 20

// minArabicStopShare and minEnglishStopShare are the shares of a script's
// words that must be stop words of the language, from minWords words on.
// Measured on 1,000 ANT train articles, Arabic news has 13-45% Arabic stop
// words (1st percentile 17%); Persian or Urdu have far fewer. The 19
// English articles of extract/englishnames and extract/testdata have
// 34-44% English stop words, while French, Spanish, Italian, Dutch, German
// and Indonesian news sentences (TestDetect) have 0-12.5% of them: the
// English bar sits between the two.
const (
	minArabicStopShare  = 0.08
	minEnglishStopShare = 0.2
)

// Detect returns "ar" when most letters of a are Arabic and, from twenty
// words on, enough of its Arabic words are Arabic stop words; "en" when
// most are Latin and enough Latin words are English stop words; "und"
// otherwise (no words, another script, or another language in either
// script).
//
// The stop words are counted only for the script that has most letters,
// and only until there are enough of them.
func Detect(a *arabic.Analysis) string {
	var arabicLetters, latin, other int
	var arabicWords, latinWords int
	for _, t := range a.Tokens {
		switch t.Kind {
		case arabic.Word:
			arabicLetters += t.RuneEnd - t.RuneStart
			arabicWords++
		case arabic.Latin:
			for _, r := range t.Norm {
				if unicode.IsLetter(r) {
					latin++
				}
			}
			latinWords++
		case arabic.Foreign:
			other += t.RuneEnd - t.RuneStart
		}
	}
	switch {
	case arabicLetters > latin && arabicLetters > other:
		if agrees(a, arabic.Word, arabic.IsStopWord, arabicWords, minArabicStopShare) {
			return Arabic
		}
	case latin > arabicLetters && latin > other:
		if agrees(a, arabic.Latin, english.IsStopWord, latinWords, minEnglishStopShare) {
			return English
		}
	}
	return Undetermined
}

// agrees reports whether the stop words (isStop) among the words words
// of kind in a are evidence enough for the language of the script: a
// share of at least min, or too few words to tell. It stops counting
// once the share is reached.
func agrees(a *arabic.Analysis, kind arabic.Kind, isStop func(string) bool, words int, min float64) bool {
	if words < minWords {
		return true
	}
	need := min * float64(words)
	stops := 0
	for _, t := range a.Tokens {
		if t.Kind == kind && isStop(t.Norm) {
			if stops++; float64(stops) >= need {
				return true
			}
		}
	}
	return float64(stops) >= need
}
