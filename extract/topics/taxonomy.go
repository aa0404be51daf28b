package topics

import (
	"cmp"
	"math"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/alam-nlp/alam/arabic"
	"github.com/alam-nlp/alam/internal/reuse"
	"github.com/alam-nlp/alam/internal/shortkeys"
	"github.com/alam-nlp/alam/internal/wordfilter"
)

// Scoring constants. The score of a topic in an article is
//
//	raw     = Σ weight × (1 + ln tf)      over the topic's terms and hints found
//	density = raw / (max(words, MinWords) / 100)
//	score   = 1 − exp(−density / ScaleK)
//
// where tf is how often a term (or a hinted entity or kind) occurs and
// words is the number of word tokens of the article. The density is the
// evidence per hundred words, so a long article does not score higher
// just for being long; MinWords keeps a short article (a title, a brief)
// from being inflated by one or two words. The squash maps the density
// onto [0, 1): a density of ScaleK gives 0.63, twice ScaleK 0.86.
//
// They were chosen on the train split of the ANT Corpus v2.1 sample, never
// on its test split, with the sections culture, economy, sport and
// technology standing for their IPTC topics. How words are normalized
// hardly mattered there (the area under the ROC curve of the density,
// section topic against the others, was 0.962 to 0.963 for MinWords from
// 1 to 200 and for dividing by the length or its square root), since news
// articles are mostly 150 to 300 words long; the floor is there for briefs
// and titles. ScaleK puts DefaultThreshold at a density of 3.57, in the
// plateau of the F1 of "the section's topic is reported" between 3.5 and
// 5.5 on four fifths of those articles, at its lower end so that an
// article's second topic is kept more often.
const (
	MinWords = 150
	ScaleK   = 10.0
)

// DefaultThreshold is the score below which a topic is not reported: a
// density of 3.57 (see ScaleK): about one term of weight 3 and one of
// weight 2.5 in an article of up to 150 words. On the held-out fifth of the ANT
// train articles above (240 articles), the section's topic was reported
// for 83% of them, with 1.2 topics reported per article.
const DefaultThreshold = 0.3

// DefaultFirstThreshold is the score the best topic of an article needs
// to be reported; the others need Threshold. An article whose best topic
// is weak (a density of 1.05: a term of weight 1.5 in 150 words) still
// gets it, while second topics need the stronger evidence of
// DefaultThreshold. Measured on the train split of the ANT sample (1,200
// articles of culture, economy, sport and technology), with second topics
// at 0.3: the best topic was the section's for 77.2% of the articles at a
// first threshold of 0.1, against 74.0% at 0.3 (where 85 articles got no
// topic), 77.0% at 0.15 and 77.25% with no threshold at all; 1.24 topics
// per article against 1.17. Second topics at 0.2 would report 1.6 topics
// per article, of which 55% the section's; at 0.3, 67%; at 0.5, 76%, but
// then the section's topic is among those reported for 78% instead of 83%.
const DefaultFirstThreshold = 0.1

// DefaultMaxTopics is the number of topics reported at most.
const DefaultMaxTopics = 3

// MaxEvidence is the number of evidence strings a Topic holds at most.
const MaxEvidence = 5

// Topic is a topic found in an article.
type Topic struct {
	ID      string // the taxonomy's id: medtop:16000000
	Label   string // English label
	LabelAr string // Arabic label, or ""
	// Score is in [0, 1); higher means more of the article's words speak
	// of the topic. It is comparable across articles (see ScaleK).
	Score float64
	// Evidence holds, most important first, up to MaxEvidence terms as
	// they stand in the text (see Taxonomy.Score) and the names of hinted
	// entities.
	Evidence []string
}

// ScoreOptions tune which topics Score reports. The zero value gives the
// defaults.
type ScoreOptions struct {
	// Threshold leaves out topics scoring below it, but for the best one;
	// 0 means DefaultThreshold, and a negative value keeps every topic
	// with any evidence.
	Threshold float64
	// FirstThreshold leaves out the best topic if it scores below it; 0
	// means the lower of DefaultFirstThreshold and Threshold (so a
	// negative Threshold keeps every topic), and a negative value keeps it
	// whenever it has any evidence.
	FirstThreshold float64
	// MaxTopics is the number of topics reported at most; 0 means
	// DefaultMaxTopics, and a negative value means no limit.
	MaxTopics int
}

// Taxonomy is a compiled topic taxonomy. It is immutable and safe for
// concurrent use.
type Taxonomy struct {
	topics []topicInfo
	// byFirst maps the stem of a first word to the terms starting with
	// it, a range of terms: the longest first, then in file order. Most
	// first stems are short enough for its slots (shortkeys.MaxKey).
	byFirst *shortkeys.Table[termRange]
	// terms holds the terms, those of a first word together (see
	// byFirst), and rest the stems of their words after the first, each
	// term's together: a match reads a few bytes in each, where a term
	// that held its own slice of stems cost a cache miss more (the
	// taxonomy is read between the other stages' work, which evicts it).
	terms []term
	rest  []string
	// firsts holds the keys of byFirst, to skip most lookups of words
	// that start no term.
	firsts   *wordfilter.Filter
	entities map[string][]hint // entity id → hints
	kinds    map[string][]hint // kind → hints
	nterms   int
	scorers  sync.Pool // of *scorer for this taxonomy
	// topicIndex maps a topic id to its index in topics.
	topicIndex map[string]int
}

type topicInfo struct {
	id, label, labelAr string
	hinted             map[string]bool // entity ids with a hint in this topic
}

// term is a term of a topic. Its first word's stem is its key in
// Taxonomy.byFirst, the stems of the others are Taxonomy.rest[rest:rest+words-1].
type term struct {
	topic  int32
	id     int32 // index among all terms
	words  int32
	rest   int32
	weight float64
}

// termRange is the range of Taxonomy.terms [start, end) of one first word.
type termRange struct{ start, end int32 }

type hint struct {
	topic  int
	weight float64
}

// compile builds a Taxonomy from validated topics.
func compile(specs []topicSpec) *Taxonomy {
	t := &Taxonomy{
		byFirst:    new(shortkeys.Table[termRange]),
		firsts:     new(wordfilter.Filter),
		entities:   map[string][]hint{},
		kinds:      map[string][]hint{},
		topicIndex: map[string]int{},
	}
	// The terms of each first word, in the order the first words are
	// first met, with their specs' stems.
	type spec struct {
		term
		stems []string
	}
	var lists [][]spec
	var firsts []string // of lists
	listOf := map[string]int{}
	for i, s := range specs {
		t.topicIndex[s.id] = i
		info := topicInfo{id: s.id, label: s.label, labelAr: s.labelAr, hinted: map[string]bool{}}
		for _, ts := range s.terms {
			first := ts.stems[0]
			li, ok := listOf[first]
			if !ok {
				li = len(lists)
				listOf[first] = li
				lists = append(lists, nil)
				firsts = append(firsts, first)
			}
			tm := term{topic: int32(i), id: int32(t.nterms), words: int32(len(ts.stems)), weight: ts.weight}
			lists[li] = append(lists[li], spec{tm, ts.stems})
			t.firsts.Add(first)
			t.nterms++
		}
		for _, e := range s.entities {
			t.entities[e.key] = append(t.entities[e.key], hint{topic: i, weight: e.weight})
			info.hinted[e.key] = true
		}
		for _, k := range s.kinds {
			t.kinds[k.key] = append(t.kinds[k.key], hint{topic: i, weight: k.weight})
		}
		t.topics = append(t.topics, info)
	}
	for li, list := range lists {
		slices.SortStableFunc(list, func(a, b spec) int { return cmp.Compare(b.words, a.words) })
		r := termRange{int32(len(t.terms)), int32(len(t.terms) + len(list))}
		for _, sp := range list {
			sp.term.rest = int32(len(t.rest))
			t.rest = append(t.rest, sp.stems[1:]...)
			t.terms = append(t.terms, sp.term)
		}
		t.byFirst.Set(firsts[li], r)
	}
	t.scorers.New = func() any { return t.newScorer() }
	return t
}

// Topics returns the taxonomy's topics in file order, with their ids and
// labels; Score and Evidence are empty.
func (t *Taxonomy) Topics() []Topic {
	out := make([]Topic, len(t.topics))
	for i, info := range t.topics {
		out[i] = Topic{ID: info.id, Label: info.label, LabelAr: info.labelAr}
	}
	return out
}

// Score returns the article's topics with the default options: the best
// if it scores at least DefaultFirstThreshold, the others at least
// DefaultThreshold, at most DefaultMaxTopics of them; see ScoreWith.
func (t *Taxonomy) Score(a *arabic.Analysis, ents []EntityRef) []Topic {
	return t.ScoreWith(a, ents, ScoreOptions{})
}

// ScoreWith scores every topic of the taxonomy on article a and its entity
// mentions ents (one EntityRef per mention), and returns the topics that
// opt lets through, by decreasing score; ties keep the taxonomy's order.
// A nil or empty article with no mentions gives no topics.
//
// A term matches consecutive word tokens whose light stems equal its own;
// punctuation or a number between two words breaks a phrase. The words of
// a hashtag (#وقف_إطلاق_النار: the parts between the # and the underscores)
// are matched as words too, a phrase within one hashtag. Within one
// topic, matches do not overlap: at each word the topic's longest term
// wins. A mention counts for a topic's entity hint on its id, or else for
// its kind hint, and evidence counts once: a mention with a byte span
// (EntityRef.End > 0) whose words overlap a match of a term of the same
// topic, of at least the hint's weight, does not count for that hint
// (ناسا and org:nasa, المحكمة الجنائية الدولية and the court kind).
//
// Evidence lists the strongest contributions first (ties: the earlier in
// the text, terms before entities). A term is shown as the text of its
// first occurrence whose first word has no proclitic but the article ال;
// failing that, of its first occurrence after a conjunction (وزير, and
// والحرب shown as الحرب); failing that, of its first occurrence
// (للتحالف). An entity hint is shown as the Name (or ID) of the first mention that fired it.
// Repeated strings are shown once.
func (t *Taxonomy) ScoreWith(a *arabic.Analysis, ents []EntityRef, opt ScoreOptions) []Topic {
	if opt.Threshold == 0 {
		opt.Threshold = DefaultThreshold
	}
	if opt.FirstThreshold == 0 {
		opt.FirstThreshold = min(DefaultFirstThreshold, opt.Threshold)
	}
	if opt.MaxTopics == 0 {
		opt.MaxTopics = DefaultMaxTopics
	}
	s, ok := t.scorers.Get().(*scorer)
	if !ok { // a zero Taxonomy
		s = t.newScorer()
	}
	defer s.release()
	s.a = a
	s.matchTerms()
	s.matchEntities(ents)
	return s.topics(opt)
}

// contribution is one term or hint found in an article.
type contribution struct {
	topic int
	term  int // the term's id; -1 for a hint
	tf    int
	order int // the first occurrence: token index, or len(tokens) + mention index
	// The evidence: the text of a term's first occurrence of the best
	// class, or an entity's name.
	first  span
	class  int
	text   string
	weight float64
	val    float64 // value(), once the counts are done
}

type span struct{ start, end int } // bytes; end 0 when unset

// scorer holds the state of one ScoreWith call. Scorers are reused, with
// their buffers, through Taxonomy.scorers.
type scorer struct {
	t     *Taxonomy
	a     *arabic.Analysis
	segs  []arabic.Segmentation // scratch for evidenceStart
	words int
	// found holds the terms found, in the order first met, then the
	// hints, in the order first met; termAt and hintAt index it.
	found  []contribution
	termAt []int32 // by term id: 1 + its index in found, or 0
	hintAt map[hintKey]int
	per    [][]*contribution // by topic: its contributions
	next   []int             // by topic: the first token a new match may use
	hnext  []int             // by topic: the first part of a hashtag a new match may use
	parts  []hashPart        // scratch for matchHashtag
	list   []scoredTopic     // topics' scratch for the topics scored
	// byID holds, by the number of a stem in the article's StemIndex, the
	// range of Taxonomy.terms it starts (Taxonomy.startingWith), or
	// notLookedUp.
	byID []termRange
	// matched holds the bytes of the term matches outside hashtags, in
	// text order, for coveredHint.
	matched []termSpan
	longest int // the most bytes a span of matched covers
}

// termSpan is where a term of a topic matched, in bytes.
type termSpan struct {
	topic  int
	weight float64
	sp     span
}

// scoredTopic is a topic's index and its score.
type scoredTopic struct {
	i     int
	score float64
}

// newScorer returns an empty scorer for t.
func (t *Taxonomy) newScorer() *scorer {
	return &scorer{
		t:      t,
		termAt: make([]int32, t.nterms),
		per:    make([][]*contribution, len(t.topics)),
		next:   make([]int, len(t.topics)),
		hnext:  make([]int, len(t.topics)),
	}
}

// release empties s and puts it back in the pool.
func (s *scorer) release() {
	for _, c := range s.found {
		if c.term >= 0 {
			s.termAt[c.term] = 0
		}
	}
	clear(s.found) // its strings
	s.found = s.found[:0]
	clear(s.hintAt)
	for i := range s.per {
		s.per[i] = s.per[i][:0]
	}
	clear(s.next)
	s.matched, s.longest = s.matched[:0], 0
	clear(s.segs[:cap(s.segs)]) // the readings' strings are the article's
	clear(s.parts[:cap(s.parts)])
	s.parts = s.parts[:0]
	s.a, s.words = nil, 0
	if cap(s.byID) > maxPooledIDs {
		s.byID = nil
	}
	s.t.scorers.Put(s)
}

type hintKey struct {
	topic int
	kind  bool   // a kind hint, else an entity hint
	key   string // the entity id or the kind
}

// isWord reports whether tok is a word that terms can match.
func isWord(tok *arabic.Token) bool { return tok.Kind.IsWord() && tok.Norm != "" }

// startingWith returns the range of t.terms whose first word has the
// stem stem (as termStem gives it), empty if none.
func (t *Taxonomy) startingWith(stem string) termRange {
	if f := t.firsts; f != nil && !f.MayHold(stem) {
		return termRange{}
	}
	if t.byFirst == nil {
		return termRange{}
	}
	r, _ := t.byFirst.Get(stem)
	return r
}

// notLookedUp is the termRange of scorer.byID for a stem not looked up
// yet.
var notLookedUp = termRange{-1, -1}

// maxPooledIDs is the longest scorer.byID kept in the pool.
const maxPooledIDs = 1 << 16

// matchTerms finds the terms in the article, comparing the light stems
// of its words (Analysis.Stems, and englishStem for Latin-script words)
// with the terms' stems. The terms a stem starts are looked up once per
// article, by the stem's number in the analysis's StemIndex (which the
// keywords and the gazetteer's context words read too).
func (s *scorer) matchTerms() {
	if s.a == nil || len(s.a.Tokens) == 0 {
		return
	}
	toks := s.a.Tokens
	stems := s.a.Stems()
	index := s.a.StemIndex()
	ids := index.IDs()
	byID := reuse.Resize(s.byID, index.Len(), notLookedUp)
	s.byID = byID
	next := s.next
	for k := range toks {
		if toks[k].Kind == arabic.Hashtag {
			s.matchHashtag(k)
			continue
		}
		if !isWord(&toks[k]) {
			continue
		}
		s.words++
		r := byID[ids[k]]
		if r == notLookedUp {
			r = s.t.startingWith(termStem(stems[k]))
			byID[ids[k]] = r
		}
		for i := r.start; i < r.end; i++ {
			tm := &s.t.terms[i]
			if k < next[tm.topic] || !s.matchAt(toks, stems, k, tm) {
				continue
			}
			end := k + int(tm.words)
			next[tm.topic] = end
			s.record(tm, k, end, stems[k])
		}
	}
}

// hashPart is one word of a hashtag: its stem (as termStem gives it),
// the prefix light stemming took off, and its bytes in the text.
type hashPart struct {
	stem, prefix string
	start, end   int
}

// matchHashtag matches the terms in the words of hashtag token k, the
// parts of its text between the # and the underscores (#التعريفات_الجمركية
// holds التعريفات الجمركية). A term matches parts of one hashtag only;
// within a topic, the matches in a hashtag do not overlap. Each part
// counts as a word of the article.
func (s *scorer) matchHashtag(k int) {
	tok := &s.a.Tokens[k]
	norm := strings.TrimPrefix(tok.Norm, "#")
	text := s.a.Text[tok.Start:tok.End]
	if len(text) == 0 || text[0] != '#' || strings.Count(norm, "_") != strings.Count(text, "_") {
		return // not one # and parts the normalizer kept apart
	}
	parts := s.parts[:0]
	start := tok.Start + 1
	for w := range strings.SplitSeq(norm, "_") {
		end := tok.End
		if i := strings.IndexByte(s.a.Text[start:tok.End], '_'); i >= 0 {
			end = start + i
		}
		if w != "" {
			stem := w
			if w[0] >= utf8.RuneSelf {
				stem = arabic.Stem(w)
			}
			parts = append(parts, hashPart{stem: termStem(stem), prefix: lightPrefix(w, stem), start: start, end: end})
		}
		start = end + 1
	}
	s.parts = parts
	s.words += len(parts)
	next := s.hnext
	clear(next)
	for p, part := range parts {
		r := s.t.startingWith(part.stem)
		for i := r.start; i < r.end; i++ {
			tm := &s.t.terms[i]
			if p < next[tm.topic] || !s.t.matchParts(parts[p:], tm) {
				continue
			}
			end := p + int(tm.words)
			next[tm.topic] = end
			class, from := classOther, part.start
			switch part.prefix {
			case "", "ال":
				class = classBare
			case "و":
				class = classConj
			case "وال", "فال":
				class, from = classConj, from+len("و")
			}
			s.recordSpan(tm, k, span{from, parts[end-1].end}, class)
		}
	}
}

// matchParts reports whether parts begin with the stems of tm, whose
// first stem is that of parts[0].
func (t *Taxonomy) matchParts(parts []hashPart, tm *term) bool {
	if int(tm.words) > len(parts) {
		return false
	}
	for i, w := range t.rest[tm.rest : tm.rest+tm.words-1] {
		if parts[1+i].stem != w {
			return false
		}
	}
	return true
}

// matchAt reports whether the words from token k on have the stems of
// tm, k being a word whose stem is tm's first.
func (s *scorer) matchAt(toks []arabic.Token, stems []string, k int, tm *term) bool {
	if k+int(tm.words) > len(stems) {
		return false
	}
	for i, w := range s.t.rest[tm.rest : tm.rest+tm.words-1] {
		if !isWord(&toks[k+1+i]) || termStem(stems[k+1+i]) != w {
			return false
		}
	}
	return true
}

// termStem returns the stem a term word is compared on: the light stem
// of an Arabic word, and for a word in Latin script (lower-cased by the
// normalizer) its englishStem.
func termStem(stem string) string {
	if stem != "" && stem[0] < utf8.RuneSelf {
		return englishStem(stem)
	}
	return stem
}

// englishStem removes the English plural and possessive endings of a
// lower-case word, after Harman's S stemmer (JASIS 1991): "ies" → "y"
// (not after e or a: "series", "ways"), "es" → "e" (not after a, e, o:
// "goes"), "s" → "" (not after u or s: "virus", "class"), and a final
// "'s" or "'" first. Words of three letters or fewer are kept.
func englishStem(w string) string {
	w = strings.TrimSuffix(w, "'s")
	w = strings.TrimSuffix(w, "'")
	n := len(w)
	switch {
	case n <= 3:
		return w
	case strings.HasSuffix(w, "ies") && w[n-4] != 'e' && w[n-4] != 'a':
		return w[:n-3] + "y"
	case strings.HasSuffix(w, "es") && w[n-3] != 'a' && w[n-3] != 'e' && w[n-3] != 'o':
		return w[:n-1]
	case w[n-1] == 's' && w[n-2] != 'u' && w[n-2] != 's':
		return w[:n-1]
	}
	return w
}

// termEntry returns tm's entry in s.found, made when tm is first met,
// at token k.
func (s *scorer) termEntry(tm *term, k int) *contribution {
	i := int(s.termAt[tm.id]) - 1
	if i < 0 {
		i = len(s.found)
		s.termAt[tm.id] = int32(i + 1)
		s.found = append(s.found, contribution{topic: int(tm.topic), term: int(tm.id), order: k, weight: tm.weight})
	}
	return &s.found[i]
}

// record counts a match of tm over tokens [k, end), whose first word has
// the light stem stem.
func (s *scorer) record(tm *term, k, end int, stem string) {
	sp := span{s.a.Tokens[k].Start, s.a.Tokens[end-1].End}
	s.matched = append(s.matched, termSpan{int(tm.topic), tm.weight, sp})
	s.longest = max(s.longest, sp.end-sp.start)
	c := s.termEntry(tm, k)
	c.tf++
	if c.first.end > 0 && c.class == classBare {
		return // the best kind of occurrence is there already
	}
	if start, class := evidenceStart(s.a, k, stem, &s.segs); c.first.end == 0 || class < c.class {
		c.first, c.class = span{start, s.a.Tokens[end-1].End}, class
	}
}

// recordSpan counts a match of tm in a hashtag, token k, at text sp of
// occurrence class class.
func (s *scorer) recordSpan(tm *term, k int, sp span, class int) {
	c := s.termEntry(tm, k)
	c.tf++
	if c.first.end == 0 || class < c.class {
		c.first, c.class = sp, class
	}
}

// The kinds of occurrences of a term, the best first: evidence shows the
// first occurrence of the best kind.
const (
	classBare  = iota // no proclitic, or the article ال: الحرب
	classConj         // a conjunction: وزير، والحرب (shown as الحرب)
	classOther        // another proclitic: بالحرب، للتحالف
)

// evidenceStart returns where the evidence text of a match starting at
// token k, whose light stem is stem, begins, and the kind of the occurrence. A conjunction before the
// article (وال، فال) is left out of the text, a lone و is kept: light
// stemming also takes it from words such as وزير.
// segs is scratch space for the clitic readings.
func evidenceStart(a *arabic.Analysis, k int, stem string, segs *[]arabic.Segmentation) (int, int) {
	tok := a.Tokens[k]
	switch lightPrefix(tok.Norm, stem) {
	case "", "ال":
		return tok.Start, classBare
	case "و":
		return tok.Start, classConj
	case "وال", "فال":
		conj := tok.Norm[:len("و")]
		*segs = arabic.AppendSegments((*segs)[:0], a.Text, tok)
		for _, seg := range *segs {
			if seg.Proclitics == conj && seg.Enclitic == "" {
				return seg.Start, classConj
			}
		}
		return tok.Start, classConj
	}
	return tok.Start, classOther
}

// lightPrefixes are the prefixes arabic.Stem removes, longest first.
var lightPrefixes = []string{"وبال", "وكال", "وفال", "وال", "ولل", "بال", "كال", "فال", "ال", "لل", "و", ""}

// lightPrefix returns the prefix arabic.Stem removed from norm to give
// stem.
func lightPrefix(norm, stem string) string {
	for _, p := range lightPrefixes {
		if strings.HasPrefix(norm, p) && strings.HasPrefix(norm[len(p):], stem) {
			return p
		}
	}
	return ""
}

// matchEntities counts the entity and kind hints of the mentions. It runs
// after matchTerms: the hints come after the terms in s.found.
func (s *scorer) matchEntities(ents []EntityRef) {
	base := 0
	if s.a != nil {
		base = len(s.a.Tokens)
	}
	for i, e := range ents {
		name := e.Name
		if name == "" {
			name = e.ID
		}
		for _, h := range s.t.entities[e.ID] {
			if !s.coveredHint(h, e) {
				s.hint(h, hintKey{h.topic, false, e.ID}, base+i, name)
			}
		}
		if e.Kind == "" {
			continue
		}
		for _, h := range s.t.kinds[e.Kind] {
			if !s.t.topics[h.topic].hinted[e.ID] && !s.coveredHint(h, e) {
				s.hint(h, hintKey{h.topic, true, e.Kind}, base+i, name)
			}
		}
	}
}

// coveredHint reports whether a term of h's topic, of at least h's
// weight, matched words that overlap mention e, so that the mention's
// words already count for the topic.
func (s *scorer) coveredHint(h hint, e EntityRef) bool {
	if e.End <= e.Start {
		return false
	}
	// s.matched is by increasing start; a match that overlaps e starts
	// before e.End, and not before e.Start − s.longest.
	j, _ := slices.BinarySearchFunc(s.matched, e.End, func(m termSpan, end int) int { return cmp.Compare(m.sp.start, end) })
	for _, m := range slices.Backward(s.matched[:j]) {
		if m.sp.start < e.Start-s.longest {
			break
		}
		if m.topic == h.topic && m.weight >= h.weight && m.sp.end > e.Start {
			return true
		}
	}
	return false
}

// hint counts a mention, the order-th occurrence, for hint h.
func (s *scorer) hint(h hint, key hintKey, order int, name string) {
	i, ok := s.hintAt[key]
	if !ok {
		if s.hintAt == nil {
			s.hintAt = map[hintKey]int{}
		}
		i = len(s.found)
		s.hintAt[key] = i
		s.found = append(s.found, contribution{topic: h.topic, term: -1, order: order, weight: h.weight, text: name})
	}
	s.found[i].tf++
}

// topics sums the contributions per topic and selects the topics to
// report. A topic's terms are summed in the taxonomy's order, then its
// hints in the order first met.
func (s *scorer) topics(opt ScoreOptions) []Topic {
	per := s.per
	for i := range s.found {
		c := &s.found[i]
		c.val = c.value()
		per[c.topic] = append(per[c.topic], c)
	}
	for _, cs := range per {
		// The terms come first in s.found, hints after them.
		terms := slices.IndexFunc(cs, func(c *contribution) bool { return c.term < 0 })
		if terms < 0 {
			terms = len(cs)
		}
		slices.SortFunc(cs[:terms], func(a, b *contribution) int { return cmp.Compare(a.term, b.term) })
	}
	norm := float64(max(s.words, MinWords)) / 100
	list := s.list[:0]
	for i, cs := range per {
		if len(cs) == 0 {
			continue
		}
		raw := 0.0
		for _, c := range cs {
			raw += c.val
		}
		list = append(list, scoredTopic{i, 1 - math.Exp(-raw/norm/ScaleK)})
	}
	s.list = list
	slices.SortStableFunc(list, func(a, b scoredTopic) int { return cmp.Compare(b.score, a.score) })
	// The best topic needs FirstThreshold, the others Threshold.
	keep := list[:0]
	for j, sc := range list {
		thr := opt.Threshold
		if j == 0 {
			thr = opt.FirstThreshold
		}
		if thr < 0 || sc.score >= thr {
			keep = append(keep, sc)
		}
	}
	list = keep
	if opt.MaxTopics > 0 && len(list) > opt.MaxTopics {
		list = list[:opt.MaxTopics]
	}
	if len(list) == 0 {
		return nil
	}
	out := make([]Topic, len(list))
	// The topics' evidence shares one array, each capped at its own.
	ev := make([]string, 0, len(list)*MaxEvidence)
	for j, sc := range list {
		info := s.t.topics[sc.i]
		n := len(ev)
		ev = s.appendEvidence(ev, per[sc.i])
		var evidence []string
		if len(ev) > n {
			evidence = ev[n:len(ev):len(ev)]
		}
		out[j] = Topic{ID: info.id, Label: info.label, LabelAr: info.labelAr, Score: sc.score, Evidence: evidence}
	}
	return out
}

// value is the contribution's share of the raw score.
func (c *contribution) value() float64 { return c.weight * (1 + math.Log(float64(c.tf))) }

// appendEvidence appends to dst the texts of the strongest contributions,
// at most MaxEvidence.
func (s *scorer) appendEvidence(dst []string, cs []*contribution) []string {
	slices.SortFunc(cs, func(a, b *contribution) int {
		if c := cmp.Compare(b.val, a.val); c != 0 {
			return c
		}
		return cmp.Compare(a.order, b.order)
	})
	n := len(dst)
	for _, c := range cs {
		text := c.text
		if c.first.end > 0 {
			text = s.a.Text[c.first.start:c.first.end]
		}
		if text == "" || slices.Contains(dst[n:], text) {
			continue
		}
		dst = append(dst, text)
		if len(dst)-n == MaxEvidence {
			break
		}
	}
	return dst
}
