// Package keywords finds the keyphrases of an Arabic or English article:
// phrases of one to three words (an English article's names whole, see
// Options.English), ranked by a score in the manner of YAKE (Campos et
// al., "YAKE! Keyword extraction from single documents using multiple
// local features", Information Sciences 509, 2020), written for alam from
// the paper's description.
//
// The score needs no corpus and no training: it looks at where a word
// first appears, how often, in how many sentences, and how many different
// words stand next to it (a word that goes with everything, like a
// function word the stop list missed, is not a keyword). YAKE's casing
// feature has no meaning in Arabic and is left out.
//
// On the 60 test documents of AKEC (the Arabic Keyphrase Extraction
// Corpus, crowd-sourced gold lists of about 60 phrases per document), the
// first ten keyphrases score P@10 0.397, F1@10 0.111 by exact match and
// P@10 0.460, F1@10 0.131 on light stems, against 0.090 and 0.118 for a
// TF-IDF ranking of the same candidates with document frequencies from
// the 100 train documents (see package eval).
package keywords

import (
	"cmp"
	"context"
	"slices"

	"github.com/alam-nlp/alam/arabic"
)

// DefaultN is the number of keyphrases Extract returns when asked for
// n <= 0.
const DefaultN = 10

// MinPhraseCount is how often a phrase of several words must occur to be
// a keyphrase; single words met less often come after the phrases and
// words met that often. On the train documents of
// AKEC (the Arabic Keyphrase Extraction Corpus), requiring two occurrences
// raised F1@10 against the gold lists from 0.068 to 0.092 (exact) and from
// 0.079 to 0.111 (light stems): phrases met once are mostly chance word
// pairs of the first sentence, where the position feature favours every
// word.
const MinPhraseCount = 2

// DefaultMaxWords is the longest keyphrase, in words, when
// Options.MaxWords is 0.
const DefaultMaxWords = 3

// Options tune Extract. The zero value gives the defaults.
type Options struct {
	// MaxWords is the longest keyphrase in words: 0 means
	// DefaultMaxWords.
	MaxWords int
	// English turns on the rules for an English article (see Extract).
	English bool
	// Names are the named entities of an English article (ignored
	// unless English): each is one word of the keyword statistics, so
	// that a keyword holds a whole name or none of it, and a name longer
	// than MaxWords is still one.
	Names []Name
}

// Keyword is a keyphrase of an article.
type Keyword struct {
	// Text is the phrase as the article writes it (see Extract).
	Text string
	// Score is in (0, 1]; higher is more important. It ranks the phrases
	// of one article; it is not meant to compare articles.
	Score float64
	// Start and End locate Text in the article, in code points, end
	// exclusive: the first occurrence of that form.
	Start, End int
}

// Extract returns the n best keyphrases of article a (DefaultN if
// n <= 0), best first; ties go to the phrase that occurs first.
//
// A candidate is one to opt.MaxWords consecutive word tokens of a sentence
// (no punctuation, number or symbol between them), each of at least two
// letters, whose first and last words are not stop words. Candidates are
// grouped by the light stems of their words (arabic.Stem), so that الحرب،
// والحرب and حرب count as one, and the group is shown in its most
// frequent written form (ties: the first), without a leading conjunction
// و or ف: والإمارات shows as الإمارات. The conjunction is taken off when
// arabic.Segment reads the word as the conjunction and a rest that starts
// with the article ال, or a rest that the article also writes as a word of
// its own.
//
// Scoring, after YAKE: each content word w (not a stop word) gets
//
//	S(w) = Rel² × Pos / (Freq + Sent)
//	Rel  = 1 + (DL + DR) × tf(w) / max tf   DL, DR: distinct left and right
//	                                          neighbours / their occurrences
//	Pos  = ln(ln(3 + median sentence index of w))
//	Freq = tf(w) / (mean tf + standard deviation of tf)
//	Sent = sentences holding w / all sentences
//
// and a phrase k the YAKE score Π S(w) / (tf(k) × (1 + Σ S(w))) over its
// content words, low meaning important. Score is 1 / (1 + 10 × that),
// capped at the score of the keyword before it (a word met once may rank
// below a phrase with a worse YAKE score; see below).
// Phrases and words met MinPhraseCount times or more come first, then
// words met once; phrases of several words met once are left out. A
// phrase whose content words all belong to a better phrase already chosen
// is skipped, so that تنظيم داعش and داعش do not both take a place.
//
// With opt.English, for an English article: each of opt.Names counts as
// one word, and the names with one key as one keyword, shown in its
// longest form (John Allen for John Allen and Allen; the Islamic State,
// not Islamic); the words of titles and roles, days and months are stop
// words (Minister, Foreign in Foreign Minister, Wednesday; see
// isEnglishStop), so that they are no keyword alone and do not start or
// end one; a single word that the article writes only as the capitalized
// first word of a sentence ("Let us be clear") is no keyword; and forms
// that differ only in case are one form, shown as written inside a
// sentence (talks, not Talks).
//
// Extract is safe for concurrent use; it does not change a.
func Extract(a *arabic.Analysis, n int, opt Options) []Keyword {
	kw, _ := ExtractContext(context.Background(), a, n, opt) // Background is never done
	return kw
}

// ExtractContext is Extract that gives up when ctx is done, returning
// ctx's error and no keywords. The context is checked between the passes
// over the article, each linear in its length.
func ExtractContext(ctx context.Context, a *arabic.Analysis, n int, opt Options) ([]Keyword, error) {
	if n <= 0 {
		n = DefaultN
	}
	if opt.MaxWords <= 0 {
		opt.MaxWords = DefaultMaxWords
	}
	if a == nil || len(a.Tokens) == 0 {
		return nil, ctx.Err()
	}
	x := extractors.Get().(*extractor)
	defer x.release()
	x.english = opt.English
	if opt.English {
		names := slices.Clone(opt.Names)
		slices.SortFunc(names, func(p, q Name) int { return cmp.Compare(p.Start, q.Start) })
		a, x.isName, x.initial = englishView(a, names)
	}
	for _, pass := range []func(){
		func() { x.words(a) },
		x.wordStats,
		func() { x.candidates(opt.MaxWords) },
	} {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		pass()
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	return x.best(n), nil
}
