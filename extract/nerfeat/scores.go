package nerfeat

import "github.com/alam-nlp/alam/tagger"

// The tagger's hot path: the features of a sentence summed into a model's
// emission scores without building or hashing what a word type gives
// whatever its context. A Word holds, once per word type, the hashes of
// the features it gives as a neighbour, and the sum of its own features'
// weight rows (b, w, n, s, sh, the prefixes and suffixes, its cluster:
// the first features of every token, see sentence) for one model; a token then
// only hashes what depends on its context (the pairs of words, the hints,
// the word lists). The scores are those of summing the hashes of
// AppendSentenceHashes: integers, the same in any order (see
// TestScorerMatchesHashes).

// Word is the analysis of one word type with the hashes of its features.
// It is never changed once made: goroutines may share it.
type Word struct {
	// The fields the Scorer reads for every token come first, together
	// (the fewest cache lines to fetch at a word's first touch in an
	// article, all of them loaded by Sentence's first loop): 60 bytes
	// and then the sums; the hashes of the slow path after them.
	model *tagger.Model // the model of sums, nil if none
	norm  string        // the normalized form: read for every neighbour
	lists string        // the code of its word lists, when listed
	// left is the hash of "n-1n="+norm+"|", to which the next word's norm
	// is added; right that of "nn+1="+norm+"|", to which the next word's
	// norm is added for this word's own pair.
	left, right       tagger.Hash
	listed, clustered bool
	// sums holds, when the Word was made for a model of at most 9 labels
	// (model; see Lexicon.Word), five sums of the model's weight rows, in
	// its fixed point (see tagger.Model.AddFeatures), one value per label
	// each: over the word's own features; and over the features it gives
	// the word after it (n-1, s-1, c-1), the word two after (n-2), the
	// word before it (n+1, s+1, c+1) and the word two before (n+2); for a
	// Word made with its word lists (listed, see SetWordLists) their
	// features too (l=, l-1=, l-2=, l+1=). Integer sums are the same in
	// any order, so a token adds these five rows of its words for the 14
	// to 21 rows of their features. A Word made for a model of more
	// labels has no sums (model is nil): the Scorer sums its features
	// one by one.
	sums [5 * maxSumLabels]int32
	// inline holds the bytes of norm when they fit (97% of the ANT
	// sample's tokens), in the line of the last sums, which Sentence's
	// first loop loads: a neighbour's norm, hashed into every token's
	// word pairs, is read there rather than from a line of its own.
	inline [inlineNorm]byte
	// The hashes of "n-1="+norm, "s-1="+stem, "n-2="+norm, "n+1="+norm,
	// "s+1="+stem and "n+2="+norm: the features the word gives the words
	// around it.
	prev1, prevStem1, prev2, next1, nextStem1, next2 tagger.Hash
	// With clusters (clustered): the hashes of "c-1=" and "c+1=" with
	// the first prefix of its cluster path ("-" when it has none), the
	// features it gives its neighbours.
	prevCl, nextCl tagger.Hash
	// own holds the hashes of the word's own features (appendOwn), the
	// first nOwn of them: the Word keeps no strings of its analysis but
	// norm, so that the garbage collector has three pointers of it to
	// follow rather than seventeen.
	own  [maxOwn]tagger.Hash
	nOwn uint8
}

// maxSumLabels is the most labels of a model whose sums a Word holds (the
// default model's O and B/I of four types); maxOwn the most features of a
// word's own: b, w, n, s, sh, three prefixes and suffixes, the prefixes of
// its cluster path; inlineNorm the size of Word.inline.
const (
	maxSumLabels = 9
	maxOwn       = 5 + 2*3 + len(clusterBits)
	inlineNorm   = 16
)

// The hashes of the sentence's edges and of the hints' absence.
var (
	startPrev1, startPrevStem1, startPrev2 = hashOf("n-1=", "<s>"), hashOf("s-1=", "<s>"), hashOf("n-2=", "<s>")
	endNext1, endNextStem1, endNext2       = hashOf("n+1=", "</s>"), hashOf("s+1=", "</s>"), hashOf("n+2=", "</s>")
	startLeft                              = hashOf("n-1n=", "<s>|")
	edgePrevCl, edgeNextCl                 = hashOf("c-1=-"), hashOf("c+1=-")
	endNorm                                = "</s>"
)

func hashOf(parts ...string) tagger.Hash {
	h := tagger.NewHash()
	for _, p := range parts {
		h = h.Add(p)
	}
	return h
}

// Word returns the analysis of the word w, as the Extractors of l make
// it (with l's clusters), with the hashes of its features and, if m is
// not nil and has at most 9 labels, the sums of m's weights over its own
// features and those it gives its neighbours (see Scorer). It keeps w's
// normalized form. The analysis is not kept in l's table: the caller keeps the
// Word (entities keeps it in its lexeme, one per word type).
func (l *Lexicon) Word(w string, m *tagger.Model) *Word {
	wd := new(Word)
	l.SetWord(wd, w, m)
	return wd
}

// SetWord sets *wd, a zero Word, to what Word(w, m) returns, for a caller
// that holds the Word inside a value of its own (one allocation for both).
// Once set, *wd must not change.
func (l *Lexicon) SetWord(wd *Word, w string, m *tagger.Model) {
	l.setWord(wd, w, "", false, m)
}

// SetWordLists is SetWord for a word that the word lists coded lists
// hold (see Extractor.Hinted): the Word's sums take in its word list
// features too (l=, and l-1=, l-2=, l+1= of its neighbours), so that a
// Scorer sums them once per word type, for a sentence whose lists are
// the codes of its Words. Once set, *wd must not change.
func (l *Lexicon) SetWordLists(wd *Word, w, lists string, m *tagger.Model) {
	l.setWord(wd, w, lists, true, m)
}

func (l *Lexicon) setWord(wd *Word, w, lists string, listed bool, m *tagger.Model) {
	wd.lists, wd.listed = lists, listed
	var lx lexeme
	analyseInto(&lx, w, l.clusters)
	wd.norm = lx.norm
	if len(lx.norm) <= len(wd.inline) {
		copy(wd.inline[:], lx.norm)
	}
	wd.prev1, wd.prevStem1, wd.prev2 = hashOf("n-1=", lx.norm), hashOf("s-1=", lx.stem), hashOf("n-2=", lx.norm)
	wd.next1, wd.nextStem1, wd.next2 = hashOf("n+1=", lx.norm), hashOf("s+1=", lx.stem), hashOf("n+2=", lx.norm)
	wd.left, wd.right = hashOf("n-1n=", lx.norm, "|"), hashOf("nn+1=", lx.norm, "|")
	if l.clusters != nil {
		wd.clustered = true
		cl := "-"
		if lx.cl[0] != "" {
			cl = lx.cl[0]
		}
		wd.prevCl, wd.nextCl = hashOf("c-1=", cl), hashOf("c+1=", cl)
	}
	wd.nOwn = uint8(len(ownHashes(wd.own[:0], w, &lx)))
	if m == nil || len(m.Labels()) > maxSumLabels {
		return
	}
	n := len(m.Labels())
	var own [maxOwn]tagger.Hash
	var acc [5 * maxSumLabels]int64
	sums := acc[:5*n]
	m.AddFeatures(sums[:n], wd.appendOwn(own[:0]))
	m.AddFeatures(sums[n:2*n], wd.givesAfter1(own[:0]))
	m.AddFeatures(sums[2*n:3*n], append(own[:0], wd.prev2))
	m.AddFeatures(sums[3*n:4*n], wd.givesBefore1(own[:0]))
	m.AddFeatures(sums[4*n:], append(own[:0], wd.next2))
	if listed {
		// l=, when it has a code; l-1=, l-2= and l+1= always.
		if lists != "" {
			m.AddFeatures(sums[:n], append(own[:0], prefixL.Add(lists)))
		}
		m.AddFeatures(sums[n:2*n], append(own[:0], prefixLPrev.Add(lists)))
		m.AddFeatures(sums[2*n:3*n], append(own[:0], prefixLPrev2.Add(lists)))
		m.AddFeatures(sums[3*n:4*n], append(own[:0], prefixLNext.Add(lists)))
	}
	if fitInt32(wd.sums[:5*n], sums) {
		wd.model = m
	}
}

// givesAfter1 appends the hashes of the features the word gives the word
// after it: n-1, s-1 and, with clusters, c-1.
func (w *Word) givesAfter1(dst []tagger.Hash) []tagger.Hash {
	dst = append(dst, w.prev1, w.prevStem1)
	if w.clustered {
		dst = append(dst, w.prevCl)
	}
	return dst
}

// givesBefore1 appends the hashes of the features the word gives the
// word before it: n+1, s+1 and, with clusters, c+1.
func (w *Word) givesBefore1(dst []tagger.Hash) []tagger.Hash {
	dst = append(dst, w.next1, w.nextStem1)
	if w.clustered {
		dst = append(dst, w.nextCl)
	}
	return dst
}

// fitInt32 sets dst to src and reports whether every value fits an int32
// (a sum of at most 16 rows does, see tagger.Model.AddFeatures).
func fitInt32(dst []int32, src []int64) bool {
	for i, v := range src {
		if int64(int32(v)) != v {
			return false
		}
		dst[i] = int32(v)
	}
	return true
}

// Norm returns the word's normalized form.
func (w *Word) Norm() string { return w.norm }

// addNorm returns h.Add(w.norm), from w.inline when it holds the norm.
func (w *Word) addNorm(h tagger.Hash) tagger.Hash {
	if n := len(w.norm); n <= len(w.inline) {
		return addBytes(h, w.inline[:n])
	}
	return h.Add(w.norm)
}

// addNorm2 returns a.Add(w.norm) and b.Add(w.norm) (see add2), from
// w.inline when it holds the norm.
func (w *Word) addNorm2(a, b tagger.Hash) (tagger.Hash, tagger.Hash) {
	if n := len(w.norm); n <= len(w.inline) {
		for _, c := range w.inline[:n] {
			a ^= tagger.Hash(c)
			b ^= tagger.Hash(c)
			a *= 1099511628211
			b *= 1099511628211
		}
		return a, b
	}
	return add2(a, b, w.norm)
}

// addBytes returns h.Add(string(s)), without the string.
func addBytes(h tagger.Hash, s []byte) tagger.Hash {
	for _, c := range s {
		h ^= tagger.Hash(c)
		h *= 1099511628211
	}
	return h
}

// appendOwn appends the hashes of the word's own features, in the order
// of sentence.
func (w *Word) appendOwn(dst []tagger.Hash) []tagger.Hash {
	return append(dst, w.own[:w.nOwn]...)
}

// ownHashes appends the hashes of the own features of the word w, whose
// analysis is l, in the order of sentence.
func ownHashes(dst []tagger.Hash, w string, l *lexeme) []tagger.Hash {
	dst = append(dst, hashB, prefixW.Add(w), prefixN.Add(l.norm), prefixS.Add(l.stem), prefixSh.Add(l.shape))
	for k := range 3 {
		if l.pre[k] != "" {
			dst = append(dst, hashOf(prefixNames[k], l.pre[k]), hashOf(suffixNames[k], l.suf[k]))
		}
	}
	if l.cl[0] != "" {
		for k := range clusterBits {
			dst = append(dst, hashOf(clusterNames[k], l.cl[k]))
		}
	}
	return dst
}

// The hashes of the own features' names.
var hashB, prefixW, prefixN, prefixS, prefixSh = hashOf("b"), hashOf("w="), hashOf("n="), hashOf("s="), hashOf("sh=")

// Seen is what the hints of a document say of its words, for a Scorer:
// the type of the hint of each hinted word's normalized form (as
// Extractor.NoteHints records them in its seen map), with a filter of
// those forms' hashes, so that a word never hinted, as most are, is
// answered without a lookup in the map. The zero Seen is empty and ready
// to use; one goroutine at a time.
type Seen struct {
	types  map[string]string
	filter [seenFilterBits / 64]uint64
	// noted holds Words already noted, by a part of their filter bit: a
	// name met again in the document (most are) is found noted without a
	// lookup, as its norm is in types until Reset.
	noted [seenNoted]*Word
}

// seenFilterBits is the size of Seen's filter: a document's hinted forms,
// some tens, set a few percent of it.
const (
	seenFilterLog  = 10
	seenFilterBits = 1 << seenFilterLog
	seenNoted      = 256
)

// Reset empties s for the next document.
func (s *Seen) Reset() {
	clear(s.types)
	s.filter = [len(s.filter)]uint64{}
	s.noted = [len(s.noted)]*Word{}
}

// NoteWords adds to s the normalized forms of the words of one sentence
// that have a hint, with the hint's type, unless s has them already: as
// Extractor.NoteHints does, over Words. Called on every sentence of a
// document, in order, it makes the document's Seen.
func (s *Seen) NoteWords(words []*Word, hint []string) {
	for wi, w := range words {
		h := hint[wi]
		if !hinted(h) {
			continue
		}
		b := seenBit(w)
		n := &s.noted[b%seenNoted]
		if *n == w {
			continue
		}
		*n = w
		// A norm whose bit is clear is not in types yet.
		if s.filter[b/64]&(1<<(b%64)) != 0 {
			if _, ok := s.types[w.norm]; ok {
				continue
			}
		}
		if s.types == nil {
			s.types = map[string]string{}
		}
		s.types[w.norm] = hintType(h)
		s.filter[b/64] |= 1 << (b % 64)
	}
}

// Types returns the types s holds by normalized form; the caller must not
// change the map.
func (s *Seen) Types() map[string]string { return s.types }

// typeOf returns the type s holds for w's normalized form, if any; a
// nil s holds none.
func (s *Seen) typeOf(w *Word) (string, bool) {
	if s == nil {
		return "", false
	}
	if b := seenBit(w); s.filter[b/64]&(1<<(b%64)) == 0 {
		return "", false
	}
	t, ok := s.types[w.norm]
	return t, ok
}

// seenBit is w's bit in Seen's filter: of left, the hash of
// "n-1n="+norm+"|", which only the normalized form decides (and which the
// Scorer reads for every word already).
func seenBit(w *Word) uint64 { return uint64(w.left) >> (64 - seenFilterLog) }

// A Scorer sums the weights of a model over the features of sentences
// of Words, made for the same model (Lexicon.Word) to be fast: a
// sentence with a word made for another model or none is summed feature
// by feature. It keeps buffers: one goroutine at a time.
type Scorer struct {
	m     *tagger.Model
	buf   []tagger.Hash
	ends  []int32     // the end of each token's hashes in buf
	touch tagger.Hash // the loads of Sentence's first loop, kept
	// edges[k] (k 1 with clusters, 0 without) holds, as a Word's sums do,
	// what the sentence's edges give the words near them: the sums of the
	// features of the word before the first (n-1=<s>, s-1=<s>, c-1=-),
	// of the one before that (n-2=<s>), of the word after the last
	// (n+1=</s>, s+1=</s>, c+1=-) and of the one after that (n+2=</s>);
	// edges[k][1], for Words made with their word lists, also l-1=|,
	// l-2=| and l+1=|.
	edges [2][2][]int32
	// absent[mask] is the sum of the features of the absent hints whose
	// bits mask sets (see absentHashes), which most tokens have.
	absent [1 << len(absentHashes)][]int32
	// labels holds the hashes of the hint labels met, and hints those of
	// each token of the sentence (see sentenceHints).
	labels hintCache
	hints  sentenceHints
}

// absentHashes are the features of a hint's absence, in the order of
// appendPresent's bits: h-1=-, h+1=-, h-1h=-|-, g-1=-, g+1=-.
var absentHashes = [...]tagger.Hash{noHintPrev, noHintNext, noHintPair, noRawPrev, noRawNext}

// NewScorer returns a Scorer for the model m.
func NewScorer(m *tagger.Model) *Scorer {
	sc := &Scorer{m: m}
	n := len(m.Labels())
	// One array for all the sums: a Scorer is made with each scratch.
	block := make([]int32, (4*4+len(sc.absent))*n)
	sums := make([]int64, 4*n)
	for k := range sc.edges {
		for listed := range sc.edges[k] {
			clear(sums)
			m.AddFeatures(sums[:n], []tagger.Hash{startPrev1, startPrevStem1})
			m.AddFeatures(sums[n:2*n], []tagger.Hash{startPrev2})
			m.AddFeatures(sums[2*n:3*n], []tagger.Hash{endNext1, endNextStem1})
			m.AddFeatures(sums[3*n:], []tagger.Hash{endNext2})
			if k == 1 {
				m.AddFeatures(sums[:n], []tagger.Hash{edgePrevCl})
				m.AddFeatures(sums[2*n:3*n], []tagger.Hash{edgeNextCl})
			}
			if listed == 1 {
				m.AddFeatures(sums[:n], []tagger.Hash{prefixLPrev.Add("|")})
				m.AddFeatures(sums[n:2*n], []tagger.Hash{prefixLPrev2.Add("|")})
				m.AddFeatures(sums[2*n:3*n], []tagger.Hash{prefixLNext.Add("|")})
			}
			sc.edges[k][listed], block = block[:4*n:4*n], block[4*n:]
			fitInt32(sc.edges[k][listed], sums) // sums of at most 4 rows
		}
	}
	var buf [len(absentHashes)]tagger.Hash
	for mask := range sc.absent {
		hs := buf[:0]
		for b, h := range absentHashes {
			if mask&(1<<b) != 0 {
				hs = append(hs, h)
			}
		}
		clear(sums)
		m.AddFeatures(sums[:n], hs)
		sc.absent[mask], block = block[:n:n], block[n:]
		fitInt32(sc.absent[mask], sums[:n]) // of at most 5 rows
	}
	return sc
}

// Model returns the Scorer's model.
func (sc *Scorer) Model() *tagger.Model { return sc.m }

// Load reads every cache line of the Words that Sentence and
// Seen.NoteWords read, in a loop that does nothing else, for a caller
// about to score a document of them: a Word met first in the document
// misses the cache, and these loads, independent of one another and of
// any other work, are then in flight many at once (some hundreds of
// Words a document) rather than a sentence's at a time. It changes
// nothing but what is in the cache.
func (sc *Scorer) Load(words []*Word) {
	var touch tagger.Hash
	for _, w := range words {
		touch += w.left ^ tagger.Hash(w.sums[0]) ^ tagger.Hash(w.sums[15]) ^ tagger.Hash(w.sums[30]) ^ tagger.Hash(w.sums[44])
	}
	sc.touch += touch
}

// Sentence returns the emission scores of one sentence in s's buffer (see
// tagger.Scratch.Scores), for tagger.Model.TagProbScores: those of the
// features AppendSentenceHashes gives for the words the Words were made of,
// hints, raw hints, word lists and the seen map of seen's Types. lists
// and seen may be nil.
func (sc *Scorer) Sentence(s *tagger.Scratch, words []*Word, hint, raw, lists []string, seen *Seen) []int64 {
	m := sc.m
	n := len(m.Labels())
	e := s.Scores(m, len(words))
	// Each Word's fields are read once first, all of them together: at a
	// word's first use in an article they miss the cache, and these loads,
	// independent of one another, are then in flight at once rather than
	// one by one behind each token's sums.
	// The sums of the Words serve when all were made for m, alike, and
	// with the lists given (or without lists, when none are).
	var touch tagger.Hash
	fast := len(words) > 0
	listed := fast && words[0].listed
	if listed && len(lists) < len(words) || !listed && lists != nil {
		fast = false
	}
	for i, w := range words {
		// A value of each 64 bytes of the sums: every cache line they
		// cover, wherever the Word starts.
		touch += w.left ^ tagger.Hash(w.sums[0]) ^ tagger.Hash(w.sums[15]) ^ tagger.Hash(w.sums[30]) ^ tagger.Hash(w.sums[44])
		if n := len(w.norm); n > len(w.inline) { // its bytes too, read as the next word's norm
			touch += tagger.Hash(w.norm[n-1])
		}
		fast = fast && w.model == m && w.clustered == words[0].clustered && w.listed == listed && (!listed || lists[i] == w.lists)
	}
	sc.touch = touch
	var left tagger.Hash // word i's n-1n, hashed with word i-1's nn+1
	if len(words) > 0 {
		left = words[0].addNorm(startLeft)
	}
	hs := &sc.hints
	hs.set(&sc.labels, hint, raw, len(words))
	if !fast {
		for i, w := range words {
			sc.buf = w.appendOwn(sc.buf[:0])
			sc.buf, left = appendContext(sc.buf, words, hs, lists, seen, i, left)
			m.AddFeatures(e[i*n:(i+1)*n:(i+1)*n], sc.buf)
		}
		return e
	}
	edges := sc.edges[0]
	if words[0].clustered {
		edges = sc.edges[1]
	}
	edgeSums := edges[0]
	if listed {
		edgeSums = edges[1]
	}
	// The features found by hashing, of all the tokens, are summed at the
	// end (AddSentenceFeatures): sc.buf holds them, token i's up to
	// sc.ends[i].
	sc.buf, sc.ends = sc.buf[:0], sc.ends[:0]
	for i, w := range words {
		row := e[i*n : (i+1)*n : (i+1)*n]
		// The word's own sum and its neighbours' (or the edges').
		after1, after2 := edgeSums[:n], edgeSums[n:2*n]
		before1, before2 := edgeSums[2*n:3*n], edgeSums[3*n:]
		if i >= 1 {
			after1 = words[i-1].sums[n : 2*n]
		}
		if i >= 2 {
			after2 = words[i-2].sums[2*n : 3*n]
		}
		if i+1 < len(words) {
			before1 = words[i+1].sums[3*n : 4*n]
		}
		if i+2 < len(words) {
			before2 = words[i+2].sums[4*n : 5*n]
		}
		var absent int
		sc.buf, left, absent = appendPresent(sc.buf, words, hs, lists, seen, i, left, listed)
		sc.ends = append(sc.ends, int32(len(sc.buf)))
		add6(row, w.sums[:n], after1, after2, before1, before2, sc.absent[absent])
	}
	m.AddSentenceFeatures(s, e, sc.buf, sc.ends)
	return e
}

// add6 sets row to the sums of a, b, c, d, e and f, as long as row.
func add6(row []int64, a, b, c, d, e, f []int32) {
	n := len(row)
	a, b, c, d, e, f = a[:n], b[:n], c[:n], d[:n], e[:n], f[:n]
	for k := range row {
		row[k] = int64(a[k]) + int64(b[k]) + int64(c[k]) + int64(d[k]) + int64(e[k]) + int64(f[k])
	}
}

// appendHashes appends the hashes of all the features of word i of a
// sentence, its own and those of its context.
func appendHashes(dst []tagger.Hash, words []*Word, hint, raw, lists []string, seen *Seen, i int) []tagger.Hash {
	left := startLeft.Add(words[i].norm)
	if i >= 1 {
		left = words[i-1].left.Add(words[i].norm)
	}
	var (
		labels hintCache
		hs     sentenceHints
	)
	hs.set(&labels, hint, raw, len(words))
	dst, _ = appendContext(words[i].appendOwn(dst), words, &hs, lists, seen, i, left)
	return dst
}

// Hashes of features whose value is "-" (no hint) or "|" (no word).
var (
	noHintPrev, noHintNext, noHintPair = hashOf("h-1=-"), hashOf("h+1=-"), hashOf("h-1h=-|-")
	noRawPrev, noRawNext               = hashOf("g-1=-"), hashOf("g+1=-")
)

// The hashes of the context features' names, to which appendContext
// adds their values (FNV-1a is hashed in parts: the same hashes as of
// the whole strings).
var (
	prefixH, prefixHn, prefixHPrev, prefixHNext, prefixHPair     = hashOf("h="), hashOf("hn="), hashOf("h-1="), hashOf("h+1="), hashOf("h-1h=")
	prefixG, prefixGPrev, prefixGNext                            = hashOf("g="), hashOf("g-1="), hashOf("g+1=")
	prefixD                                                      = hashOf("d=")
	prefixL, prefixLPrev, prefixLNext, prefixLPair, prefixLPrev2 = hashOf("l="), hashOf("l-1="), hashOf("l+1="), hashOf("l-1l="), hashOf("l-2=")
)

// appendContext appends the hashes of the features of word i that depend
// on its context, given left, the hash of its n-1n feature, and returns
// the n-1n of word i+1 (see appendPresent). They are those of sentence,
// in another order, which the sums do not see.
func appendContext(dst []tagger.Hash, words []*Word, hs *sentenceHints, lists []string, seen *Seen, i int, left tagger.Hash) ([]tagger.Hash, tagger.Hash) {
	w := words[i]
	// n-1, s-1, n-2, n+1, s+1, n+2.
	if i >= 1 {
		dst = append(dst, words[i-1].prev1, words[i-1].prevStem1)
	} else {
		dst = append(dst, startPrev1, startPrevStem1)
	}
	if i >= 2 {
		dst = append(dst, words[i-2].prev2)
	} else {
		dst = append(dst, startPrev2)
	}
	if i+1 < len(words) {
		dst = append(dst, words[i+1].next1, words[i+1].nextStem1)
	} else {
		dst = append(dst, endNext1, endNextStem1)
	}
	if i+2 < len(words) {
		dst = append(dst, words[i+2].next2)
	} else {
		dst = append(dst, endNext2)
	}
	// The neighbours' clusters: c-1, c+1.
	if w.clustered {
		if i >= 1 {
			dst = append(dst, words[i-1].prevCl)
		} else {
			dst = append(dst, edgePrevCl)
		}
		if i+1 < len(words) {
			dst = append(dst, words[i+1].nextCl)
		} else {
			dst = append(dst, edgeNextCl)
		}
	}
	dst, nextLeft, absent := appendPresent(dst, words, hs, lists, seen, i, left, false)
	for b, h := range absentHashes {
		if absent&(1<<b) != 0 {
			dst = append(dst, h)
		}
	}
	return dst, nextLeft
}

// appendPresent appends the hashes of the features of word i that depend
// on its context beyond its neighbours' words: the pairs of words, the
// hints, the raw hints, the document and the word lists, but for the
// absent hints, whose bits (in the order of absentHashes) it returns, and
// with listed (Words made with their lists) the word lists' features of
// one word each, which their sums hold (l=, l-1=, l+1=, l-2=). It
// takes left, the hash of word i's n-1n feature, and returns the n-1n of
// word i+1: hashed in one pass with word i's nn+1, which hashes the same
// bytes (the norm of word i+1) after another state. The hints' features
// are those of their labels' hashes in hs (see hintHashes).
func appendPresent(dst []tagger.Hash, words []*Word, hs *sentenceHints, lists []string, seen *Seen, i int, left tagger.Hash, listed bool) ([]tagger.Hash, tagger.Hash, int) {
	w := words[i]
	// n-1n, nn+1.
	var right, nextLeft tagger.Hash
	if i+1 < len(words) {
		right, nextLeft = words[i+1].addNorm2(w.right, w.left)
	} else {
		right = w.right.Add(endNorm)
	}
	dst = append(dst, left, right)
	// The hints: h, hn, h-1, h+1, h-1h; nil is "-", no hint.
	absent := 0
	hp, h, hn := hs.hint[i], hs.hint[i+1], hs.hint[i+2]
	if h != nil {
		dst = append(dst, h.h, w.addNorm(h.hn))
	}
	if hp == nil {
		absent |= 1
	} else {
		dst = append(dst, hp.prev)
	}
	if hn == nil {
		absent |= 2
	} else {
		dst = append(dst, hn.next)
	}
	switch {
	case hp == nil && h == nil:
		absent |= 4
	case hp == nil:
		dst = append(dst, h.pairAfterNone)
	default:
		dst = append(dst, hp.pairWith(h))
	}
	// The raw hints: g, g-1, g+1.
	if g := hs.raw[i+1]; g != nil {
		dst = append(dst, g.g)
	}
	if g := hs.raw[i]; g == nil {
		absent |= 8
	} else {
		dst = append(dst, g.gPrev)
	}
	if g := hs.raw[i+2]; g == nil {
		absent |= 16
	} else {
		dst = append(dst, g.gNext)
	}
	// The document: d.
	if i >= len(hs.text) || hs.text[i] == "" {
		if d, ok := seen.typeOf(w); ok {
			dst = append(dst, hs.labels.get(d).d)
		}
	}
	// The word lists: l, l-1, l+1, l-1l, l-2.
	if lists != nil {
		listAt := func(k int) string {
			if k < 0 || k >= len(words) {
				return "|"
			}
			if k >= len(lists) {
				return ""
			}
			return lists[k]
		}
		prev := listAt(i - 1)
		if !listed {
			if c := listAt(i); c != "" {
				dst = append(dst, prefixL.Add(c))
			}
			dst = append(dst, prefixLPrev.Add(prev), prefixLNext.Add(listAt(i+1)), prefixLPrev2.Add(listAt(i-2)))
		}
		dst = append(dst, prefixLPair.Add(prev).Add("|").Add(listAt(i)))
	}
	return dst, nextLeft, absent
}

// sentenceHints are the hint labels of the tokens of one sentence, as
// the hashes of their features (nil for none: "" or "-"), with room for
// one token on each side (nil too), so that a token's neighbours are read
// without a bounds test: token i's hint is hint[i+1], and raw[i+1] its raw
// hint; text holds the hints as given.
type sentenceHints struct {
	hint, raw []*hintHashes
	text      []string
	labels    *hintCache
}

// set makes hs the hints of a sentence of tokens tokens, whose hints and
// raw hints are hint and raw (either may be shorter: the tokens beyond
// have none), with their labels' hashes from labels.
func (hs *sentenceHints) set(labels *hintCache, hint, raw []string, tokens int) {
	hs.labels, hs.text = labels, hint
	hs.hint = labels.resolve(hs.hint, hint, tokens)
	hs.raw = labels.resolve(hs.raw, raw, tokens)
}

// hintHashes holds the hashes of the features of one hint label l, made
// once per label (hintCache) rather than at every token it labels: as a
// token's hint, h=l and the start of hn=l|norm; as its neighbours', h-1=l
// and h+1=l; the pairs h-1h=-|l, and l|…, whose last one is kept (pair);
// as a raw hint, g=l, g-1=l and g+1=l; as a document's type, d=l.
type hintHashes struct {
	label               string
	h, hn, prev, next   tagger.Hash
	pairAfterNone       tagger.Hash // h-1h=-|l
	pairPrefix          tagger.Hash // h-1h=l|
	g, gPrev, gNext, d  tagger.Hash
	pairLabel           *hintHashes // the last label after l in a pair, nil for none
	pairHash, pairToNil tagger.Hash // h-1h=l|pairLabel and h-1h=l|-
}

// pairWith returns the hash of h-1h=l|c, with l the label of p and c that
// of c ("-" if nil).
func (p *hintHashes) pairWith(c *hintHashes) tagger.Hash {
	if c == nil {
		return p.pairToNil
	}
	if p.pairLabel != c {
		p.pairLabel, p.pairHash = c, p.pairPrefix.Add(c.label)
	}
	return p.pairHash
}

func newHintHashes(l string) *hintHashes {
	return &hintHashes{
		label: l,
		h:     prefixH.Add(l), hn: prefixHn.Add(l).Add("|"),
		prev: prefixHPrev.Add(l), next: prefixHNext.Add(l),
		pairAfterNone: prefixHPair.Add("-|").Add(l),
		pairPrefix:    prefixHPair.Add(l).Add("|"),
		pairToNil:     prefixHPair.Add(l).Add("|-"),
		g:             prefixG.Add(l), gPrev: prefixGPrev.Add(l), gNext: prefixGNext.Add(l),
		d: prefixD.Add(l),
	}
}

// A hintCache holds the hashes of the hint labels met (a few dozen: they
// are made of types, sources and forms), each label's found by a slot
// of a few of its bytes and, when another label holds the slot, in a map.
type hintCache struct {
	slots [hintSlots]*hintHashes
	all   map[string]*hintHashes
}

const hintSlots = 256

// get returns the hashes of label l.
func (c *hintCache) get(l string) *hintHashes {
	k := hintSlot(l)
	if e := c.slots[k]; e != nil && e.label == l {
		return e
	}
	e, ok := c.all[l]
	if !ok {
		if c.all == nil {
			c.all = map[string]*hintHashes{}
		}
		e = newHintHashes(l)
		c.all[l] = e
	}
	c.slots[k] = e
	return e
}

// resolve returns dst set to the hashes of the labels of tokens tokens,
// from labels, with a nil on each side: nil for a token with no label
// ("" or "-", as the features write an absent hint, or beyond labels).
// The slot after the last token holds the label after the sentence's
// when labels has one, as the features of AppendSentenceHashes read it.
func (c *hintCache) resolve(dst []*hintHashes, labels []string, tokens int) []*hintHashes {
	if cap(dst) < tokens+2 {
		dst = make([]*hintHashes, tokens+2, tokens+2+tokens/4)
	}
	dst = dst[:tokens+2]
	clear(dst)
	for i, l := range labels[:min(len(labels), tokens+1)] {
		if hinted(l) {
			dst[i+1] = c.get(l)
		}
	}
	return dst
}

// hintSlot is the slot of label l in a hintCache: of its length and some
// of its bytes, where labels differ (their first, last and middle ones).
func hintSlot(l string) uint {
	n := len(l)
	x := uint64(n)
	if n >= 8 {
		x ^= load8(l, 0) ^ load8(l, n/2-4)*0xC2B2AE3D27D4EB4F ^ load8(l, n-8)*0x165667B19E3779F9
	} else {
		for i := range n {
			x = x<<8 | uint64(l[i])
		}
	}
	return uint((x * 0x9E3779B97F4A7C15) >> 56)
}

// load8 returns the 8 bytes of s from i, little-endian.
func load8(s string, i int) uint64 {
	_ = s[i+7]
	return uint64(s[i]) | uint64(s[i+1])<<8 | uint64(s[i+2])<<16 | uint64(s[i+3])<<24 | uint64(s[i+4])<<32 | uint64(s[i+5])<<40 | uint64(s[i+6])<<48 | uint64(s[i+7])<<56
}

// add2 returns a.Add(s) and b.Add(s), hashed in one pass over s: the two
// chains of multiplications, independent, run side by side.
func add2(a, b tagger.Hash, s string) (tagger.Hash, tagger.Hash) {
	for i := 0; i < len(s); i++ {
		a ^= tagger.Hash(s[i])
		b ^= tagger.Hash(s[i])
		a *= 1099511628211
		b *= 1099511628211
	}
	return a, b
}
