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
	"hash/maphash"
	"maps"
	"math"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/alam-nlp/alam/arabic"
	"github.com/alam-nlp/alam/english"
	"github.com/alam-nlp/alam/internal/wordfilter"
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
//
// Extract is safe for concurrent use; it does not change a.
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
	x := extractors.Get().(*extractor)
	defer x.release()
	x.words(a)
	x.wordStats()
	x.candidates(opt.MaxWords)
	return x.best(n)
}

// extractors keeps extractors, and so their buffers, from one Extract
// call to the next.
var extractors = sync.Pool{New: func() any { return new(extractor) }}

// extractor holds the state of one Extract call. A word is known by a
// small integer, the id of its light stem (ids are given in the order the
// stems are first met), so that the statistics live in slices indexed by
// id rather than in maps keyed by strings.
type extractor struct {
	a *arabic.Analysis

	// Per token.
	stem []int32 // id of its light stem; -1 if it cannot be part of a phrase
	stop []bool  // a stop word (see isStop)
	sent []int32 // its sentence

	stemIDs interner // light stem → id

	// Per stem id.
	uses  []stemUse
	stats []wordStat

	// Per content word occurrence, grouped by stem id: the token.
	byStem []int32
	// Per stem id, seen as a distinct left and right neighbour of the word
	// being counted (its id + 1; 0 for none).
	seenLeft, seenRight []int32

	// The candidates. A node stands for a sequence of stems: nodes below
	// len(stats) are single stems (node = id), longer sequences are the
	// children of their sequence without the last stem.
	children  reusableMap // node<<32 | next stem id → node
	nodeGroup []int32     // node → group, or -1
	groups    []group     // in the order of their first occurrence
	occ       []occurrence

	// Scratch for best.
	order      []int32 // the groups to rank, a heap (see before)
	contentBuf []int32 // content stem ids of a group
	chosen     []int32 // content stem ids of the phrases chosen, one after another
	ends       []int32 // end of each chosen phrase in chosen
	forms      []form
}

type wordStat struct {
	tf     int32   // occurrences as a content word
	off    int32   // where its occurrences start in byStem
	dl, dr int32   // distinct left and right neighbours
	nl, nr int32   // left and right neighbours
	score  float64 // S(w)
}

// release puts x back in the pool, without the article or its strings.
func (x *extractor) release() {
	x.a = nil
	clear(x.uses)
	x.stemIDs.reset(0)
	extractors.Put(x)
}

// interner numbers strings 0, 1, 2 … in the order they are first given:
// a hash table with open addressing, cheaper than a map for the one
// lookup per word token that Extract makes, and emptied for reuse at the
// cost of its size.
type interner struct {
	seed  maphash.Seed
	slots []int32  // 1 + the id of the string hashed there, or 0
	keys  []string // by id
}

// reset empties in for at most n strings.
func (in *interner) reset(n int) {
	if in.keys == nil {
		in.seed = maphash.MakeSeed()
	}
	size := 16
	for size < 2*n {
		size *= 2
	}
	in.slots = resize(in.slots, size, 0)
	clear(in.keys) // the strings of the last article
	in.keys = in.keys[:0]
}

// id returns the number of s, and whether s is new.
func (in *interner) id(s string) (int32, bool) {
	mask := uint64(len(in.slots) - 1)
	for i := maphash.String(in.seed, s) & mask; ; i = (i + 1) & mask {
		switch v := in.slots[i]; {
		case v == 0:
			in.keys = append(in.keys, s)
			in.slots[i] = int32(len(in.keys))
			return int32(len(in.keys) - 1), true
		case in.keys[v-1] == s:
			return v - 1, false
		}
	}
}

// reusableMap is a map that is emptied for reuse rather than made anew,
// unless it was made for many more entries than are now needed: clearing
// a map costs its capacity, which one long article would keep large.
type reusableMap struct {
	m    map[uint64]int32
	size int // the most entries it had
}

// reset empties r for about n entries.
func (r *reusableMap) reset(n int) {
	r.size = max(r.size, len(r.m))
	if r.m == nil || r.size > 4*n+64 {
		r.m, r.size = make(map[uint64]int32, n), n
		return
	}
	clear(r.m)
}

// resize returns s with length n, its elements set to v, reusing its
// array when large enough.
func resize[T any](s []T, n int, v T) []T {
	if cap(s) < n {
		s = make([]T, n)
	}
	s = s[:n]
	for i := range s {
		s[i] = v
	}
	return s
}

// words fills the per-token slices for article a: the stem id, the stop
// flag and the sentence of each token.
func (x *extractor) words(a *arabic.Analysis) {
	x.a = a
	n := len(a.Tokens)
	x.stem = resize(x.stem, n, -1)
	x.stop = resize(x.stop, n, false)
	x.sent = resize(x.sent, n, 0)
	x.stemIDs.reset(n)
	x.uses = x.uses[:0]
	for si, s := range a.Sentences {
		for k := s.FirstToken; k < s.EndToken && k < n; k++ {
			x.sent[k] = int32(si)
		}
	}
	stems := a.Stems()
	for k, t := range a.Tokens {
		if !t.Kind.IsWord() || !atLeastTwoLetters(t.Norm) {
			continue
		}
		id, isNew := x.stemIDs.id(stems[k])
		if isNew {
			x.uses = append(x.uses, stemUse{})
		}
		u := &x.uses[id]
		u.n++
		if u.norm != t.Norm {
			u.norm, u.stop = t.Norm, isStop(t.Norm)
		}
		x.stem[k], x.stop[k] = id, u.stop
	}
}

// stemUse counts the tokens of a stem, and remembers whether the last
// one was a stop word: a stem mostly comes in one form, and so isStop is
// asked once per form rather than once per token.
type stemUse struct {
	n    int32  // tokens with that stem, stop words included
	norm string // the Norm of the last one
	stop bool   // isStop(norm)
}

// atLeastTwoLetters reports whether s holds two code points or more.
func atLeastTwoLetters(s string) bool {
	return len(s) > 2*utf8.UTFMax || utf8.RuneCountInString(s) >= 2
}

// isStop reports whether a normalized word of two letters or more is a
// stop word (Arabic, or English: the, said), or a conjunction و or ف before a stop word of three letters
// or more (وبعد، فإلى; shorter ones would take ولي).
func isStop(norm string) bool {
	if !stopFilter.MayHold(norm) {
		return false
	}
	if arabic.IsStopWord(norm) || newsStops[norm] || english.IsStopWord(norm) {
		return true
	}
	if rest, ok := strings.CutPrefix(norm, "و"); ok || strings.HasPrefix(norm, "ف") {
		if !ok {
			rest = norm[len("ف"):]
		}
		return utf8.RuneCountInString(rest) >= 3 && (arabic.IsStopWord(rest) || newsStops[rest])
	}
	return false
}

// newsStops are function words and reporting verbs of news prose that the
// general stop list lacks (عبر، وفقا، قالت), normalized; written for alam.
var newsStops = func() map[string]bool {
	m := make(map[string]bool)
	for _, w := range []string{
		"عبر", "وفق", "وفقا", "جراء", "بحسب", "طبقا", "إزاء", "عقب", "قرابة", "حوالي",
		"قالت", "أضاف", "أضافت", "أكدت", "أوضح", "أوضحت", "أشار", "أشارت", "تابع", "تابعت",
		"يتم", "تتم", "العام", "الجاري", "أقل", "مؤخرا", "حاليا", "أيضاً",
	} {
		m[arabic.Normalize(w)] = true
	}
	return m
}()

// stopFilter holds every word isStop accepts, so that most other words
// are told apart without a map lookup.
var stopFilter = func() *wordfilter.Filter {
	f := new(wordfilter.Filter)
	for _, w := range english.StopWords() {
		f.Add(w)
	}
	for _, w := range append(arabic.StopWords(), slices.Collect(maps.Keys(newsStops))...) {
		f.Add(w)
		if utf8.RuneCountInString(w) >= 3 {
			f.Add("و" + w)
			f.Add("ف" + w)
		}
	}
	return f
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

// wordStats computes S(w) for every content word.
func (x *extractor) wordStats() {
	nstems := len(x.uses)
	x.stats = resize(x.stats, nstems, wordStat{})
	x.groupByStem()
	maxTF, sum, sumSq, nw := int32(0), 0.0, 0.0, 0
	for id := range x.stats {
		w := &x.stats[id]
		if w.tf == 0 {
			continue // met only as a stop word
		}
		x.countNeighbours(int32(id))
		maxTF = max(maxTF, w.tf)
		sum += float64(w.tf)
		sumSq += float64(w.tf) * float64(w.tf)
		nw++
	}
	if nw == 0 {
		return
	}
	mean := sum / float64(nw)
	std := math.Sqrt(max(0, sumSq/float64(nw)-mean*mean))
	nsent := float64(max(1, len(x.a.Sentences)))
	for id := range x.stats {
		w := &x.stats[id]
		if w.tf == 0 {
			continue
		}
		dl, dr := 0.0, 0.0
		if w.nl > 0 {
			dl = float64(w.dl) / float64(w.nl)
		}
		if w.nr > 0 {
			dr = float64(w.dr) / float64(w.nr)
		}
		rel := 1 + (dl+dr)*float64(w.tf)/float64(maxTF)
		med, distinct := x.sentences(w)
		pos := position(med)
		freq := float64(w.tf) / (mean + std)
		sent := float64(distinct) / nsent
		w.score = rel * rel * pos / (freq + sent)
	}
}

// groupByStem counts the content occurrences of every stem (tf) and lists
// their tokens in byStem, grouped by stem id, in text order within a
// group.
func (x *extractor) groupByStem() {
	total := int32(0)
	for k, id := range x.stem {
		if x.isContent(k) {
			x.stats[id].tf++
			total++
		}
	}
	end := int32(0)
	for id := range x.stats {
		end += x.stats[id].tf
		x.stats[id].off = end // moved back to the start below
	}
	x.byStem = resize(x.byStem, int(total), 0)
	for k := len(x.stem) - 1; k >= 0; k-- {
		if x.isContent(k) {
			w := &x.stats[x.stem[k]]
			w.off--
			x.byStem[w.off] = int32(k)
		}
	}
	x.seenLeft = resize(x.seenLeft, len(x.stats), 0)
	x.seenRight = resize(x.seenRight, len(x.stats), 0)
}

// occurrences returns the tokens where w occurs as a content word.
func (x *extractor) occurrences(w *wordStat) []int32 {
	return x.byStem[w.off : w.off+w.tf]
}

// countNeighbours counts the left and right neighbours of the word with
// stem id, all and distinct (by stem).
func (x *extractor) countNeighbours(id int32) {
	w := &x.stats[id]
	for _, k := range x.occurrences(w) {
		if k > 0 && x.adjacent(int(k)-1) {
			w.nl++
			if left := x.stem[k-1]; x.seenLeft[left] != id+1 {
				x.seenLeft[left] = id + 1
				w.dl++
			}
		}
		if x.adjacent(int(k)) {
			w.nr++
			if right := x.stem[k+1]; x.seenRight[right] != id+1 {
				x.seenRight[right] = id + 1
				w.dr++
			}
		}
	}
}

// sentences returns the median sentence index of w's occurrences and the
// number of distinct sentences holding it.
func (x *extractor) sentences(w *wordStat) (float64, int) {
	occ := x.occurrences(w)
	n := len(occ)
	var med float64
	if n%2 == 1 {
		med = float64(x.sent[occ[n/2]])
	} else {
		med = float64(x.sent[occ[n/2-1]]+x.sent[occ[n/2]]) / 2
	}
	distinct := 0
	for i, k := range occ {
		if i == 0 || x.sent[k] != x.sent[occ[i-1]] {
			distinct++
		}
	}
	return med, distinct
}

// positions holds Pos for the median sentence indexes 0, 0.5, 1 … below
// len(positions)/2, which cover most words.
var positions = func() []float64 {
	p := make([]float64, 256)
	for i := range p {
		p[i] = math.Log(math.Log(3 + float64(i)/2))
	}
	return p
}()

// position returns YAKE's Pos for a word whose median sentence index is
// med (a multiple of ½): ln(ln(3 + med)).
func position(med float64) float64 {
	if i := int(2 * med); i < len(positions) && float64(i) == 2*med {
		return positions[i]
	}
	return math.Log(math.Log(3 + med))
}

// group is a candidate phrase: the occurrences of one sequence of stems.
type group struct {
	words      int32 // words, stop words included
	tf         int32
	head, tail int32   // its first and last occurrence in extractor.occ
	score      float64 // YAKE's, lower is better
}

// occurrence is one occurrence of a group.
type occurrence struct {
	first, last int32 // its first and last token
	next        int32 // the group's next occurrence in extractor.occ, or -1
}

// form is one written form of a group.
type form struct {
	norm       string // normalized surface, to count forms (see mergeForms)
	start, end int    // code points of its first occurrence
	text       string
	count      int
}

// candidates collects the candidate phrases by their stems, in the order
// of their first occurrence, and scores them. A phrase of several words
// with a stem that the article uses only once occurs only once, and best
// would leave it out: such phrases are not collected.
func (x *extractor) candidates(maxWords int) {
	x.nodeGroup = resize(x.nodeGroup, len(x.stats), -1)
	x.children.reset(len(x.stem))
	x.groups, x.occ = x.groups[:0], x.occ[:0]
	for k := range x.stem {
		if !x.isContent(k) {
			continue
		}
		node := x.stem[k]
		x.addOccurrence(node, k, k)
		if x.uses[x.stem[k]].n < 2 {
			continue
		}
		for j := k + 1; j-k < maxWords && x.adjacent(j-1) && x.uses[x.stem[j]].n >= 2; j++ {
			node = x.child(node, x.stem[j])
			if !x.stop[j] {
				x.addOccurrence(node, k, j)
			}
		}
	}
	for i := range x.groups {
		g := &x.groups[i]
		prod, sum := 1.0, 0.0
		for _, id := range x.contentStems(g) {
			ws := x.stats[id].score
			prod *= ws
			sum += ws
		}
		g.score = prod / (float64(g.tf) * (1 + sum))
	}
}

// child returns the node of the sequence of node followed by stem id,
// making it if new.
func (x *extractor) child(node, id int32) int32 {
	key := uint64(node)<<32 | uint64(uint32(id))
	c, ok := x.children.m[key]
	if !ok {
		c = int32(len(x.nodeGroup))
		x.children.m[key] = c
		x.nodeGroup = append(x.nodeGroup, -1)
	}
	return c
}

// addOccurrence records tokens k to j as an occurrence of the group of
// node, making the group if new.
func (x *extractor) addOccurrence(node int32, k, j int) {
	o := int32(len(x.occ))
	x.occ = append(x.occ, occurrence{first: int32(k), last: int32(j), next: -1})
	gi := x.nodeGroup[node]
	if gi < 0 {
		x.nodeGroup[node] = int32(len(x.groups))
		x.groups = append(x.groups, group{words: int32(j + 1 - k), tf: 1, head: o, tail: o})
		return
	}
	g := &x.groups[gi]
	x.occ[g.tail].next = o
	g.tail = o
	g.tf++
}

// contentStems returns the stem ids of the content words of g, in order.
// The slice is valid until the next call.
func (x *extractor) contentStems(g *group) []int32 {
	x.contentBuf = x.contentBuf[:0]
	o := x.occ[g.head]
	for k := o.first; k <= o.last; k++ {
		if !x.stop[k] {
			x.contentBuf = append(x.contentBuf, x.stem[k])
		}
	}
	return x.contentBuf
}

// tier ranks g by its kind (see best): 0 for the phrases and words met at
// least MinPhraseCount times, 1 for the words met once, 2 for the phrases
// met once, which are left out.
func (g *group) tier() int {
	switch {
	case g.tf >= MinPhraseCount:
		return 0
	case g.words == 1:
		return 1
	}
	return 2
}

// best ranks the groups and returns the first n: the phrases met at
// least MinPhraseCount times, then the single words met once, each tier
// by score, ties to the first met; phrases of several words met once,
// and phrases whose content stems all belong to a phrase chosen before,
// are left out.
func (x *extractor) best(n int) []Keyword {
	x.order = x.order[:0]
	for i := range x.groups {
		if x.groups[i].tier() < 2 {
			x.order = append(x.order, int32(i))
		}
	}
	x.heapify()
	x.chosen, x.ends = x.chosen[:0], x.ends[:0]
	var out []Keyword
	for len(x.order) > 0 {
		g := &x.groups[x.pop()]
		stems := x.contentStems(g)
		if x.covered(stems) {
			continue
		}
		x.chosen = append(x.chosen, stems...)
		x.ends = append(x.ends, int32(len(x.chosen)))
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

// The groups are ranked lazily, with a binary heap in x.order: Extract
// usually needs the first few of hundreds.

// before reports whether group i ranks before group j: by tier, then by
// score, then by first occurrence.
func (x *extractor) before(i, j int32) bool {
	gi, gj := &x.groups[i], &x.groups[j]
	if ti, tj := gi.tier(), gj.tier(); ti != tj {
		return ti < tj
	}
	if gi.score != gj.score {
		return gi.score < gj.score
	}
	return i < j
}

// heapify makes x.order a heap.
func (x *extractor) heapify() {
	for i := len(x.order)/2 - 1; i >= 0; i-- {
		x.down(i)
	}
}

// pop removes the best group from the heap x.order and returns it.
func (x *extractor) pop() int32 {
	h := x.order
	top, last := h[0], len(h)-1
	h[0] = h[last]
	x.order = h[:last]
	x.down(0)
	return top
}

// down moves the group at i of the heap x.order down to its place.
func (x *extractor) down(i int) {
	h := x.order
	for {
		c := 2*i + 1
		if c >= len(h) {
			return
		}
		if r := c + 1; r < len(h) && x.before(h[r], h[c]) {
			c = r
		}
		if !x.before(h[c], h[i]) {
			return
		}
		h[i], h[c] = h[c], h[i]
		i = c
	}
}

// covered reports whether every stem id of s is in one of the chosen
// phrases.
func (x *extractor) covered(s []int32) bool {
	start := int32(0)
	for _, end := range x.ends {
		c := x.chosen[start:end]
		start = end
		all := true
		for _, id := range s {
			if !slices.Contains(c, id) {
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

// form returns the written form of g to show: the most frequent one, ties
// to the first. The occurrences are counted by their text, and the texts
// normalized only when there are several.
func (x *extractor) form(g *group) form {
	x.forms = x.forms[:0]
	toks := x.a.Tokens
	for o := g.head; o >= 0; o = x.occ[o].next {
		k, j := int(x.occ[o].first), int(x.occ[o].last)
		start, runeStart := toks[k].Start, toks[k].RuneStart
		if s, rs, ok := x.withoutConjunction(k); ok {
			start, runeStart = s, rs
		}
		text := x.a.Text[start:toks[j].End]
		if i := x.formOf(text); i >= 0 {
			x.forms[i].count++
			continue
		}
		x.forms = append(x.forms, form{start: runeStart, end: toks[j].RuneEnd, text: text, count: 1})
	}
	if len(x.forms) > 1 {
		x.mergeForms()
	}
	best := x.forms[0]
	for _, f := range x.forms[1:] {
		if f.count > best.count {
			best = f
		}
	}
	return best
}

// formOf returns the index of the form written text, or -1.
func (x *extractor) formOf(text string) int {
	for i := range x.forms {
		if x.forms[i].text == text {
			return i
		}
	}
	return -1
}

// mergeForms counts each form with the first form that normalizes the
// same way, and drops it. The forms stay in the order of their first
// occurrence.
func (x *extractor) mergeForms() {
	kept := x.forms[:0]
next:
	for _, f := range x.forms {
		f.norm = arabic.Normalize(f.text)
		for i := range kept {
			if kept[i].norm == f.norm {
				kept[i].count += f.count
				continue next
			}
		}
		kept = append(kept, f)
	}
	x.forms = kept
}

// withoutConjunction returns where token k starts without a leading
// conjunction و or ف (see Extract), in bytes and code points.
func (x *extractor) withoutConjunction(k int) (int, int, bool) {
	t := x.a.Tokens[k]
	if t.Kind != arabic.Word || !strings.HasPrefix(t.Norm, "و") && !strings.HasPrefix(t.Norm, "ف") {
		return 0, 0, false
	}
	conj, rest := t.Norm[:len("و")], t.Norm[len("و"):]
	article := strings.HasPrefix(rest, "ال") && utf8.RuneCountInString(rest) >= 4
	if !article && !x.isWord(rest) {
		return 0, 0, false
	}
	for _, seg := range arabic.Segment(x.a.Text, t) {
		if seg.Proclitics == conj && seg.Enclitic == "" {
			return seg.Start, seg.RuneStart, true
		}
	}
	return 0, 0, false
}

// isWord reports whether the article writes norm as a word of its own, of
// two letters or more. It is a linear search: it is needed for a few
// tokens of the chosen phrases only.
func (x *extractor) isWord(norm string) bool {
	for k, t := range x.a.Tokens {
		if t.Norm == norm && x.usable(k) {
			return true
		}
	}
	return false
}
