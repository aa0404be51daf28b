package keywords

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/alam-nlp/alam/arabic"
)

// Name is a named entity of the article, which an English article's
// keywords keep whole (see Options.Names).
type Name struct {
	// Start and End locate the name in the article, in code points, end
	// exclusive. The tokens inside it make the name; a token that is
	// only partly inside is not part of it.
	Start, End int
	// Key tells the names apart: names with the same key (an entity id)
	// are one keyword, shown in its longest form (John Allen, not Allen).
	Key string
}

// englishView returns a with the tokens of each name merged into one
// Latin token whose Norm is nameNorm(key), so that a name is one word of
// the keyword statistics, and, per token of the result, whether it is a
// name and whether it is a capitalized first word of its sentence. The
// names must not overlap; one that starts inside the one before is left
// out. Offsets stay those of the original text.
func englishView(a *arabic.Analysis, names []Name) (*arabic.Analysis, []bool, []bool) {
	toks := make([]arabic.Token, 0, len(a.Tokens))
	isName := make([]bool, 0, len(a.Tokens))
	// newIndex[k] is the index in toks of the token that holds old token k.
	newIndex := make([]int, len(a.Tokens)+1)
	ni := 0
	for k := 0; k < len(a.Tokens); k++ {
		t := a.Tokens[k]
		for ni < len(names) && names[ni].End <= t.RuneStart {
			ni++
		}
		newIndex[k] = len(toks)
		if ni < len(names) && names[ni].Start <= t.RuneStart && t.RuneEnd <= names[ni].End {
			n := names[ni]
			merged := t
			for k+1 < len(a.Tokens) && a.Tokens[k+1].RuneEnd <= n.End {
				k++
				newIndex[k] = len(toks)
				merged.End, merged.RuneEnd = a.Tokens[k].End, a.Tokens[k].RuneEnd
			}
			merged.Kind, merged.Norm = arabic.Latin, nameNorm(n.Key)
			toks = append(toks, merged)
			isName = append(isName, true)
			ni++
			continue
		}
		toks = append(toks, t)
		isName = append(isName, false)
	}
	newIndex[len(a.Tokens)] = len(toks)
	sents := make([]arabic.Sentence, len(a.Sentences))
	initial := make([]bool, len(toks))
	for i, s := range a.Sentences {
		s.FirstToken, s.EndToken = newIndex[min(s.FirstToken, len(a.Tokens))], newIndex[min(s.EndToken, len(a.Tokens))]
		sents[i] = s
		for k := s.FirstToken; k < s.EndToken; k++ {
			if toks[k].Kind.IsWord() {
				r, _ := utf8.DecodeRuneInString(toks[k].Text(a.Text))
				initial[k] = unicode.IsUpper(r)
				break
			}
		}
	}
	return &arabic.Analysis{Text: a.Text, Tokens: toks, Sentences: sents}, isName, initial
}

// nameNorm is the Norm of a merged name token: no word is written so, and
// it is no stop word.
func nameNorm(key string) string { return "\x00name:" + key }

// isEnglishStop reports whether the English word norm (lower case) is left
// out of keywords beyond the stop words of package english: the words of
// titles and roles, which are no keyword alone and do not start or end one
// (Minister, Foreign Minister, secretary general), some of them only when
// capitalized (Foreign Minister, but foreign fighters), the days and months,
// and the possessive 's. capital tells whether the word is capitalized in
// the text or comes before a title word (foreign minister).
func isEnglishStop(norm string, capital bool) bool {
	return englishKeywordStops[norm] || capital && capitalRoles[norm]
}

// The word lists of isEnglishStop, lower case, written for alam.
var (
	englishKeywordStops = wordSet(`'s let lets
		president presidents minister ministers premier chancellor sheikh sheik shaikh gen mr mrs ms dr
		emir amir sultan king queen prince princess crown secretary secretaries general deputy vice ambassador
		envoy senator spokesman spokeswoman spokesperson chairman chairwoman director mayor chief
		commander counterpart undersecretary executive coach manager official officials
		percent per cent
		monday tuesday wednesday thursday friday saturday sunday
		january february march april june july august september october november december`)
	capitalRoles = wordSet(`foreign prime special interior defence defense finance state affairs executive`)
)

func wordSet(s string) map[string]bool {
	m := make(map[string]bool)
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}
