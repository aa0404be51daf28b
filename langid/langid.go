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

// minStopShare is the share of a script's words that must be stop words
// of the language, from minWords words on. Running Arabic and English news
// prose has some 20-40% of them; Persian or Urdu in Arabic script, or
// French and Spanish in Latin script, have far fewer of the other's.
const minStopShare = 0.08

// Detect returns "ar" when most letters of a are Arabic and, from twenty
// words on, enough of its Arabic words are Arabic stop words; "en" when
// most are Latin and enough Latin words are English stop words; "und"
// otherwise (no words, another script, or another language in either
// script).
func Detect(a *arabic.Analysis) string {
	var arabicLetters, latin, other int
	var arabicWords, arabicStops, latinWords, latinStops int
	for _, t := range a.Tokens {
		switch t.Kind {
		case arabic.Word:
			arabicLetters += t.RuneEnd - t.RuneStart
			arabicWords++
			if arabic.IsStopWord(t.Norm) {
				arabicStops++
			}
		case arabic.Latin:
			for _, r := range t.Norm {
				if unicode.IsLetter(r) {
					latin++
				}
			}
			latinWords++
			if english.IsStopWord(t.Norm) {
				latinStops++
			}
		case arabic.Foreign:
			other += t.RuneEnd - t.RuneStart
		}
	}
	switch {
	case arabicLetters > latin && arabicLetters > other:
		if agrees(arabicWords, arabicStops) {
			return Arabic
		}
	case latin > arabicLetters && latin > other:
		if agrees(latinWords, latinStops) {
			return English
		}
	}
	return Undetermined
}

// agrees reports whether stops stop words in words words are evidence
// enough for the language of the script.
func agrees(words, stops int) bool {
	return words < minWords || float64(stops) >= minStopShare*float64(words)
}
