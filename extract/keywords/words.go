package keywords

import (
	"unicode"
	"unicode/utf8"

	"github.com/alam-nlp/alam/arabic"
	"github.com/alam-nlp/alam/english"
	"github.com/alam-nlp/alam/internal/reuse"
	"github.com/alam-nlp/alam/internal/shortkeys"
	"github.com/alam-nlp/alam/internal/wordfilter"
)

// words fills the per-token slices for article a: the stem id, the stop
// flag and the sentence of each token.
func (x *extractor) words(a *arabic.Analysis) {
	x.a = a
	n := len(a.Tokens)
	x.stem = reuse.Resize(x.stem, n, -1)
	x.stop = reuse.Resize(x.stop, n, false)
	x.sent = reuse.Resize(x.sent, n, 0)
	for si, s := range a.Sentences {
		for k := s.FirstToken; k < s.EndToken && k < n; k++ {
			x.sent[k] = int32(si)
		}
	}
	// A word's id is its stem's number in the analysis (so that ids of
	// other tokens' stems go unused).
	index := a.StemIndex()
	x.uses = reuse.Resize(x.uses, index.Len(), stemUse{})
	ids := index.IDs()
	for k, t := range a.Tokens {
		if !t.Kind.IsWord() || !atLeastTwoLetters(t.Norm) {
			continue
		}
		id := ids[k]
		u := &x.uses[id]
		u.n++
		if u.norm != t.Norm {
			u.norm, u.stop = t.Norm, isStop(t.Norm)
		}
		x.stem[k], x.stop[k] = id, u.stop
		if x.english && !x.isName[k] && !u.stop {
			r, _ := utf8.DecodeRuneInString(t.Text(a.Text))
			x.stop[k] = isEnglishStop(t.Norm, unicode.IsUpper(r) || k+1 < n && englishKeywordStops[a.Tokens[k+1].Norm])
		}
		if !x.stop[k] {
			u.content++
		}
	}
}

// stemUse counts the tokens of a stem, and remembers whether the last
// one was a stop word: a stem mostly comes in one form, and so isStop is
// asked once per form rather than once per token.
type stemUse struct {
	n       int32  // tokens with that stem, stop words included
	content int32  // those that are content words (extractor.isContent)
	norm    string // the Norm of the last one
	stop    bool   // isStop(norm)
}

// atLeastTwoLetters reports whether s holds two code points or more. A
// code point takes at most utf8.UTFMax bytes (a byte that is no UTF-8
// counts as one), so only the strings of 2 to 4 bytes are counted: of an
// Arabic text's words, those of two letters.
func atLeastTwoLetters(s string) bool {
	return len(s) > utf8.UTFMax || len(s) >= 2 && utf8.RuneCountInString(s) >= 2
}

// isStop reports whether a normalized word of two letters or more is a
// stop word (Arabic, or English: the, said), or a conjunction و or ف before a stop word of three letters
// or more (وبعد، فإلى; shorter ones would take ولي).
func isStop(norm string) bool {
	if !stopFilter.MayHold(norm) {
		return false
	}
	_, ok := stops.Get(norm)
	return ok
}

// newsStops are function words and reporting verbs of news prose that the
// general stop list lacks (عبر، وفقا، قالت), normalized; written for alam.
var newsStops = []string{
	"عبر", "وفق", "وفقا", "جراء", "بحسب", "طبقا", "إزاء", "عقب", "قرابة", "حوالي",
	"قالت", "أضاف", "أضافت", "أكدت", "أوضح", "أوضحت", "أشار", "أشارت", "تابع", "تابعت",
	"يتم", "تتم", "العام", "الجاري", "أقل", "مؤخرا", "حاليا", "أيضاً",
}

// stops holds every word isStop accepts, so that a word is one lookup (it
// was up to six: the Arabic, news and English lists, then the word
// without a conjunction in the first two), and stopFilter the same words,
// so that most other words are told apart without a lookup. The stop
// words are at most 18 bytes long: a shortkeys.Table holds them all in
// its slots.
var stops, stopFilter = func() (*shortkeys.Table[struct{}], *wordfilter.Filter) {
	m := make(map[string]bool)
	for _, w := range english.StopWords() {
		m[w] = true
	}
	arabicStops := arabic.StopWords()
	for _, w := range newsStops {
		arabicStops = append(arabicStops, arabic.Normalize(w))
	}
	for _, w := range arabicStops {
		m[w] = true
		if utf8.RuneCountInString(w) >= 3 {
			m["و"+w] = true
			m["ف"+w] = true
		}
	}
	f := new(wordfilter.Filter)
	set := new(shortkeys.Table[struct{}])
	for w := range m {
		f.Add(w)
		set.Set(w, struct{}{})
	}
	return set, f
}()

// usable reports whether token k can be part of a phrase.
func (x *extractor) usable(k int) bool { return x.stem[k] >= 0 }

// adjacent reports whether tokens k and k+1 are consecutive words of one
// sentence.
func (x *extractor) adjacent(k int) bool {
	return k+1 < len(x.stem) && x.usable(k) && x.usable(k+1) && x.sent[k] == x.sent[k+1]
}

// isContent reports whether token k is a content word: usable, not a stop
// word.
func (x *extractor) isContent(k int) bool { return x.usable(k) && !x.stop[k] }
