package english

import (
	_ "embed"
	"slices"
	"strings"

	"github.com/alam-nlp/alam/arabic"
)

// The English stop words come from three lists: the Snowball project's
// English list (stopwords_snowball.txt, BSD 3-Clause License, see
// LICENSE.snowball), the words of news prose it leaves out
// (stopwords_news.txt) and the verbs of saying (stopwords_saying.txt),
// both written for alam.
var (
	//go:embed stopwords_snowball.txt
	snowballTxt string
	//go:embed stopwords_news.txt
	newsTxt string
	//go:embed stopwords_saying.txt
	sayingTxt string
)

// readWords returns the words of a list, one at the start of each line;
// the rest of a line after comment, and a line that starts with it, are
// left out ("|" in the Snowball format, "#" in alam's lists).
func readWords(list, comment string) []string {
	var out []string
	for line := range strings.Lines(list) {
		line, _, _ = strings.Cut(line, comment)
		if f := strings.Fields(line); len(f) > 0 {
			out = append(out, f[0])
		}
	}
	return out
}

var (
	snowballWords = readWords(snowballTxt, "|")
	sayingVerbs   = wordSet(readWords(sayingTxt, "#"))
	stopWords     = withCurlyApostrophes(wordSet(snowballWords, readWords(newsTxt, "#"), readWords(sayingTxt, "#")))
)

func wordSet(lists ...[]string) map[string]bool {
	m := map[string]bool{}
	for _, l := range lists {
		for _, w := range l {
			m[w] = true
		}
	}
	return m
}

// withCurlyApostrophes adds to m each of its words with an apostrophe
// written with ’ instead (we’ve beside we've): news text is typeset with
// curly apostrophes, and a token's Norm keeps the text's.
func withCurlyApostrophes(m map[string]bool) map[string]bool {
	for w := range m {
		if strings.Contains(w, "'") {
			m[strings.ReplaceAll(w, "'", "’")] = true
		}
	}
	return m
}

// IsStopWord reports whether norm, a lower-cased English word (a Latin
// token's Norm), is a function word (the Snowball English stop list and
// the news words alam adds to it) or a verb of saying (IsSayingVerb). A
// word with an apostrophe is one with ' or ’ (we've, we’ve).
func IsStopWord(norm string) bool { return stopWords[norm] }

// IsSayingVerb reports whether norm, a lower-cased English word, is a verb
// of saying of news prose: said, says, told, added, stated … Every one is
// also a stop word.
func IsSayingVerb(norm string) bool { return sayingVerbs[norm] }

// possessive returns the length in bytes of the possessive ending of a
// Latin word ('s or ’s), or 0.
func possessive(s string) int {
	for _, end := range [...]string{"'s", "’s", "'S", "’S"} {
		if len(s) > len(end) && strings.HasSuffix(s, end) {
			return len(end)
		}
	}
	return 0
}

// SplitPossessives returns a with every Latin token that ends in a
// possessive 's (or ’s) cut in two: the word and a Latin token "'s" (Norm
// "'s" for both apostrophes), so that "Kuwait's" holds the name Kuwait.
// Offsets stay those of the original text. When no token has a
// possessive, a itself is returned (nil for a nil a); otherwise a new
// Analysis.
func SplitPossessives(a *arabic.Analysis) *arabic.Analysis {
	if a == nil {
		return nil
	}
	n := 0
	for _, t := range a.Tokens {
		if t.Kind == arabic.Latin && possessive(t.Norm) > 0 {
			n++
		}
	}
	if n == 0 {
		return a
	}
	toks := make([]arabic.Token, 0, len(a.Tokens)+n)
	// newIndex[k] is the index of old token k in toks; newIndex[len] the end.
	newIndex := make([]int, len(a.Tokens)+1)
	for k, t := range a.Tokens {
		newIndex[k] = len(toks)
		p := 0
		if t.Kind == arabic.Latin {
			p = possessive(t.Text(a.Text))
		}
		if p == 0 {
			toks = append(toks, t)
			continue
		}
		// The ending is two code points: an apostrophe and s.
		w, s := t, t
		w.End, w.RuneEnd = t.End-p, t.RuneEnd-2
		w.Norm = t.Norm[:len(t.Norm)-possessive(t.Norm)]
		s.Start, s.RuneStart = w.End, w.RuneEnd
		s.Norm = "'s"
		toks = append(toks, w, s)
	}
	newIndex[len(a.Tokens)] = len(toks)
	sents := make([]arabic.Sentence, len(a.Sentences))
	for i, s := range a.Sentences {
		s.FirstToken, s.EndToken = newIndex[s.FirstToken], newIndex[s.EndToken]
		sents[i] = s
	}
	return &arabic.Analysis{Text: a.Text, Tokens: toks, Sentences: sents}
}

// StopWords returns the English stop words, every word IsStopWord
// accepts (those with an apostrophe twice, with ' and with ’), in no
// particular order; the slice is the caller's.
func StopWords() []string {
	out := make([]string, 0, len(stopWords))
	for w := range stopWords {
		out = append(out, w)
	}
	return out
}

// SnowballStopWords returns the words of the Snowball project's English
// stop list (BSD 3-Clause License), in its order; the slice is the
// caller's.
func SnowballStopWords() []string { return slices.Clone(snowballWords) }
