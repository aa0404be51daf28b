package english

import (
	"bufio"
	_ "embed"
	"strings"

	"github.com/alam-nlp/alam/arabic"
)

//go:embed stopwords.txt
var stopwordsTxt string

var stopWords = func() map[string]bool {
	m := map[string]bool{}
	sc := bufio.NewScanner(strings.NewReader(stopwordsTxt))
	for sc.Scan() {
		w := strings.TrimSpace(sc.Text())
		if w != "" && !strings.HasPrefix(w, "#") {
			m[w] = true
		}
	}
	return m
}()

// IsStopWord reports whether norm, a lower-cased English word (a Latin
// token's Norm), is a function word or a verb of saying.
func IsStopWord(norm string) bool { return stopWords[norm] }

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
// possessive, a itself is returned; otherwise a new Analysis.
func SplitPossessives(a *arabic.Analysis) *arabic.Analysis {
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

// StopWords returns the English stop words (see IsStopWord), in no
// particular order; the slice is the caller's.
func StopWords() []string {
	out := make([]string, 0, len(stopWords))
	for w := range stopWords {
		out = append(out, w)
	}
	return out
}
