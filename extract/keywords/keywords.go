// Package keywords finds the keyphrases of an Arabic article: phrases of
// one to three words, ranked by a score in the manner of YAKE (Campos et
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
	"math"
	"slices"
	"sort"
	"strings"
	"unicode/utf8"

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
func Extract(a *arabic.Analysis, n int, opt Options) []Keyword {
	if n <= 0 {
		n = DefaultN
	}
	if opt.MaxWords <= 0 {
		opt.MaxWords = DefaultMaxWords
	}
	if a == nil || len(a.Tokens) == 0 {
		return nil
	}
	x := newExtractor(a)
	x.wordStats()
	groups := x.candidates(opt.MaxWords)
	return x.best(groups, n)
}

// extractor holds the state of one Extract call.
type extractor struct {
	a     *arabic.Analysis
	stems []string // per token: its light stem, "" if not a usable word
	stop  []bool   // per token: a stop word
	sent  []int    // per token: its sentence
	words map[string]*wordStat
	seen  map[neighbour]bool
	norms map[string]bool // the Norm of every word token
}

type wordStat struct {
	tf        int
	sentences []int // sentence of each occurrence, in order
	dl, dr    int   // distinct left and right neighbours
	nl, nr    int   // left and right neighbours
	score     float64
}

// neighbour is a word and a word next to it, on its left or right.
type neighbour struct {
	word, next string
	right      bool
}

func newExtractor(a *arabic.Analysis) *extractor {
	x := &extractor{
		a:     a,
		stems: make([]string, len(a.Tokens)),
		stop:  make([]bool, len(a.Tokens)),
		sent:  make([]int, len(a.Tokens)),
		words: make(map[string]*wordStat, len(a.Tokens)/2),
		seen:  make(map[neighbour]bool, len(a.Tokens)),
		norms: make(map[string]bool, len(a.Tokens)/2),
	}
	for si, s := range a.Sentences {
		for k := s.FirstToken; k < s.EndToken && k < len(a.Tokens); k++ {
			x.sent[k] = si
		}
	}
	for k, t := range a.Tokens {
		if !t.Kind.IsWord() || utf8.RuneCountInString(t.Norm) < 2 {
			continue
		}
		x.norms[t.Norm] = true
		x.stop[k] = isStop(t.Norm)
		if t.Kind == arabic.Word {
			x.stems[k] = arabic.Stem(t.Norm)
		} else {
			x.stems[k] = t.Norm
		}
	}
	return x
}

// isStop reports whether a normalized word is a stop word, or a
// conjunction و or ف before a stop word of three letters or more (وبعد،
// فإلى; shorter ones would take ولي).
func isStop(norm string) bool {
	if arabic.IsStopWord(norm) {
		return true
	}
	if rest, ok := strings.CutPrefix(norm, "و"); ok || strings.HasPrefix(norm, "ف") {
		if !ok {
			rest = norm[len("ف"):]
		}
		return utf8.RuneCountInString(rest) >= 3 && arabic.IsStopWord(rest)
	}
	return false
}

// usable reports whether token k can be part of a phrase.
func (x *extractor) usable(k int) bool { return x.stems[k] != "" }

// adjacent reports whether tokens k and k+1 are consecutive words of one
// sentence.
func (x *extractor) adjacent(k int) bool {
	return k+1 < len(x.stems) && x.usable(k) && x.usable(k+1) && x.sent[k] == x.sent[k+1]
}

// wordStats computes S(w) for every content word.
func (x *extractor) wordStats() {
	for k, stem := range x.stems {
		if stem == "" || x.stop[k] {
			continue
		}
		w := x.words[stem]
		if w == nil {
			w = &wordStat{}
			x.words[stem] = w
		}
		w.tf++
		w.sentences = append(w.sentences, x.sent[k])
		if k > 0 && x.adjacent(k-1) {
			w.nl++
			if n := (neighbour{stem, x.stems[k-1], false}); !x.seen[n] {
				x.seen[n] = true
				w.dl++
			}
		}
		if x.adjacent(k) {
			w.nr++
			if n := (neighbour{stem, x.stems[k+1], true}); !x.seen[n] {
				x.seen[n] = true
				w.dr++
			}
		}
	}
	if len(x.words) == 0 {
		return
	}
	maxTF, sum, sumSq := 0, 0.0, 0.0
	for _, w := range x.words {
		maxTF = max(maxTF, w.tf)
		sum += float64(w.tf)
		sumSq += float64(w.tf) * float64(w.tf)
	}
	nw := float64(len(x.words))
	mean := sum / nw
	std := math.Sqrt(max(0, sumSq/nw-mean*mean))
	nsent := float64(max(1, len(x.a.Sentences)))
	for _, w := range x.words {
		dl, dr := 0.0, 0.0
		if w.nl > 0 {
			dl = float64(w.dl) / float64(w.nl)
		}
		if w.nr > 0 {
			dr = float64(w.dr) / float64(w.nr)
		}
		rel := 1 + (dl+dr)*float64(w.tf)/float64(maxTF)
		pos := math.Log(math.Log(3 + median(w.sentences)))
		freq := float64(w.tf) / (mean + std)
		sent := float64(countDistinct(w.sentences)) / nsent
		w.score = rel * rel * pos / (freq + sent)
	}
}

// median returns the median of sorted-by-construction sentence indexes.
func median(s []int) float64 {
	n := len(s)
	if n%2 == 1 {
		return float64(s[n/2])
	}
	return float64(s[n/2-1]+s[n/2]) / 2
}

// countDistinct counts the distinct values of a sorted slice.
func countDistinct(s []int) int {
	n := 0
	for i, v := range s {
		if i == 0 || v != s[i-1] {
			n++
		}
	}
	return n
}

// group is a candidate phrase with its occurrences.
type group struct {
	key   string
	words int      // words, stop words included
	stems []string // content stems
	tf    int
	first int        // index of the first occurrence, for ties
	occ   [][2]int32 // first and last token of each occurrence
	score float64    // YAKE's, lower is better
}

// form is one written form of a group.
type form struct {
	norm       string // normalized surface, to count forms
	start, end int    // code points of its first occurrence
	text       string
	count      int
}

// candidates collects the candidate phrases by their stems.
func (x *extractor) candidates(maxWords int) []*group {
	byKey := make(map[string]*group, 2*len(x.a.Tokens))
	list := make([]*group, 0, 2*len(x.a.Tokens))
	var key []byte
	for k := range x.a.Tokens {
		if !x.usable(k) || x.stop[k] {
			continue
		}
		key = key[:0]
		for j := k; j < k+maxWords; j++ {
			if j > k {
				if !x.adjacent(j - 1) {
					break
				}
				key = append(key, ' ')
			}
			key = append(key, x.stems[j]...)
			if x.stop[j] {
				continue
			}
			g := byKey[string(key)]
			if g == nil {
				g = &group{key: string(key), words: j + 1 - k, first: len(list)}
				byKey[g.key] = g
				list = append(list, g)
			}
			g.tf++
			g.occ = append(g.occ, [2]int32{int32(k), int32(j)})
		}
	}
	for _, g := range list {
		prod, sum := 1.0, 0.0
		for _, k := range x.content(g) {
			ws := x.words[x.stems[k]].score
			prod *= ws
			sum += ws
		}
		g.score = prod / (float64(g.tf) * (1 + sum))
	}
	return list
}

// content returns the tokens of the content words of g's first
// occurrence.
func (x *extractor) content(g *group) []int {
	var buf [8]int
	out := buf[:0]
	for k := int(g.occ[0][0]); k <= int(g.occ[0][1]); k++ {
		if !x.stop[k] {
			out = append(out, k)
		}
	}
	return out
}

// form returns the written form of g to show: the most frequent one, ties
// to the first.
func (x *extractor) form(g *group) form {
	var forms []form
	toks := x.a.Tokens
next:
	for _, o := range g.occ {
		k, j := int(o[0]), int(o[1])
		start, runeStart := toks[k].Start, toks[k].RuneStart
		if s, rs, ok := x.withoutConjunction(k); ok {
			start, runeStart = s, rs
		}
		text := x.a.Text[start:toks[j].End]
		norm := arabic.Normalize(text)
		for i := range forms {
			if forms[i].norm == norm {
				forms[i].count++
				continue next
			}
		}
		forms = append(forms, form{norm: norm, start: runeStart, end: toks[j].RuneEnd, text: text, count: 1})
	}
	best := forms[0]
	for _, f := range forms[1:] {
		if f.count > best.count {
			best = f
		}
	}
	return best
}

// withoutConjunction returns where token k starts without a leading
// conjunction و or ف (see Extract), in bytes and code points.
func (x *extractor) withoutConjunction(k int) (int, int, bool) {
	t := x.a.Tokens[k]
	if t.Kind != arabic.Word || !strings.HasPrefix(t.Norm, "و") && !strings.HasPrefix(t.Norm, "ف") {
		return 0, 0, false
	}
	conj := t.Norm[:len("و")]
	for _, seg := range arabic.Segment(x.a.Text, t) {
		if seg.Proclitics != conj || seg.Enclitic != "" {
			continue
		}
		rest := t.Norm[len(conj):]
		article := strings.HasPrefix(rest, "ال") && utf8.RuneCountInString(rest) >= 4
		if article || x.norms[rest] {
			return seg.Start, seg.RuneStart, true
		}
	}
	return 0, 0, false
}

// best ranks the groups and returns the first n: the phrases met at
// least MinPhraseCount times, then the single words met once, each tier
// by score; phrases of several words met once, and phrases whose content
// stems all belong to a phrase chosen before, are left out.
func (x *extractor) best(groups []*group, n int) []Keyword {
	tier := func(g *group) int {
		switch {
		case g.tf >= MinPhraseCount:
			return 0
		case g.words == 1:
			return 1
		}
		return 2
	}
	kept := groups[:0]
	for _, g := range groups {
		if tier(g) < 2 {
			kept = append(kept, g)
		}
	}
	groups = kept
	for _, g := range groups {
		for _, k := range x.content(g) {
			g.stems = append(g.stems, x.stems[k])
		}
	}
	sort.SliceStable(groups, func(i, j int) bool {
		if ti, tj := tier(groups[i]), tier(groups[j]); ti != tj {
			return ti < tj
		}
		if groups[i].score != groups[j].score {
			return groups[i].score < groups[j].score
		}
		return groups[i].first < groups[j].first
	})
	var out []Keyword
	var chosen [][]string
	for _, g := range groups {
		if covered(g.stems, chosen) {
			continue
		}
		chosen = append(chosen, g.stems)
		f := x.form(g)
		score := 1 / (1 + 10*g.score)
		if len(out) > 0 {
			score = min(score, out[len(out)-1].Score)
		}
		out = append(out, Keyword{Text: f.text, Score: score, Start: f.start, End: f.end})
		if len(out) == n {
			break
		}
	}
	return out
}

// covered reports whether every stem of s is in one of the chosen
// phrases.
func covered(s []string, chosen [][]string) bool {
	for _, c := range chosen {
		all := true
		for _, w := range s {
			if !slices.Contains(c, w) {
				all = false
				break
			}
		}
		if all {
			return true
		}
	}
	return false
}
