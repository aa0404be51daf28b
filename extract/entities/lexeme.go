package entities

import (
	"hash/maphash"
	"math"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"unicode/utf8"

	"github.com/alam-nlp/alam/arabic"
	"github.com/alam-nlp/alam/extract/nerfeat"
	"github.com/alam-nlp/alam/gazetteer"
	"github.com/alam-nlp/alam/internal/reuse"
)

// lexeme is what recognition knows about one surface form, whatever its
// context: its normalized form, its clitic readings, and its membership in
// every word list of the rules. It is computed once per Recognizer for
// each surface form (see vocab) and never changed, so goroutines share it.
// Room is left for the features of a learned tagger: they are facts of
// the word type too, and belong here.
type lexeme struct {
	text string // the surface form, as written
	norm string // normalized with the Default folds
	kind arabic.Kind
	// stemFrom and stemLen locate arabic.Stem(norm) in norm, for a Word
	// (lexStem; see lexeme.stemOf), in the room the struct's alignment
	// leaves after kind.
	stemFrom, stemLen uint16
	runes             int // code points of norm
	flags             lexFlag
	// class is the word's class as part of a person's name before the
	// context is known: maybeName becomes notName inside a gazetteer name
	// that is not a person's or an organization found by the rules.
	class wordClass
	// readings are the clitic readings of the word (all of them, with an
	// enclitic or not: the tagger's list features were learned from them,
	// and leaving the enclitic ones out loses names, docs/QUALITY.md), the
	// whole word first, without those that remove the article (see
	// article.stems). Their offsets are relative to the word's start.
	readings []arabic.Segmentation
	// lists is the code of the word lists that hold it, for the tagger
	// (see listCode).
	lists string
	// feat is the word's analysis for the tagger's features, when the
	// Recognizer has a model.
	feat *nerfeat.Word
	// gazID is the gazetteer's id of norm (gazetteer.Matcher.TokenID), 0
	// when no name holds it: FindAll reads it rather than looking every
	// token up in the gazetteer's vocabulary.
	gazID uint32
	// gazStarts are the clitic readings of the word that may start a
	// gazetteer name (gazetteer.Matcher.AppendStartsOf), which FindAll
	// would otherwise find again at every token; most words have none.
	gazStarts []gazetteer.Start
	// other caches knownOther(norm): 0 not looked up yet, 1 no, 2 yes.
	// Set atomically, as goroutines share the lexeme; each would store
	// the same value.
	other atomic.Uint32
}

// knownOther is article.knownOther of the word's normalized form, looked
// up once.
func (l *lexeme) knownOther(r *Recognizer) bool {
	switch l.other.Load() {
	case 1:
		return false
	case 2:
		return true
	}
	known := article{r: r}.knownOther(l.norm)
	v := uint32(1)
	if known {
		v = 2
	}
	l.other.Store(v)
	return known
}

// lexFlag is a set of facts about a word, each a list of the rules that
// holds its normalized form (or a test on it).
type lexFlag uint32

const (
	lexStop           lexFlag = 1 << iota // arabic.IsStopWord
	lexFiller                             // person_fillers
	lexNameStop                           // name_stops
	lexTitle                              // starts a person title
	lexCommon                             // common_words
	lexCommonish                          // rules.isCommon
	lexCommonBare                         // rules.isCommon without its article ال
	lexSpeechVerb                         // speech_verbs
	lexPlacePrefix                        // place_prefixes
	lexFuture                             // futureVerb
	lexDefinite                           // definite
	lexArticleAfterWa                     // ال after an optional و
	lexGivenAfterWa                       // a given name after an optional و
	lexConjoined                          // و + a word that is no name (see article.conjoined)
	lexAfterConnector                     // can follow a connector (see article.afterConnector)
	lexPronounSuffix                      // ends in a pronoun suffix, as written (see pronounSuffix)
	lexSingleName                         // a gazetteer person's word or an unambiguous given name
	lexCompoundTail                       // الله، الدين، الرحمن
	lexGiven                              // given names
	// Facts of the clitic readings (lexeme.readings), so that a rule
	// reads the lexeme's flags rather than looking up each reading's stem
	// in its list at every token.
	lexOrgHeadReading   // a reading's stem is an organization head (org_heads)
	lexTitleReading     // a reading's stem starts a person title
	lexPlaceHeadReading // a reading's stem starts a place head
	lexGivenReading     // a reading is a given name with no enclitic, alone or after و
	// lexOwnNorm: the lexeme's norm is its text normalized by the
	// Recognizer's tokenizer (it was made from an analysis of that
	// tokenizer, arabic.Analysis.Tokenizer), so that the tokens of such an
	// analysis with its text have its norm.
	lexOwnNorm
	// lexStem: stemFrom and stemLen hold the stem of the lexeme's norm.
	lexStem
)

func (l *lexeme) has(f lexFlag) bool { return l.flags&f != 0 }

// stemOf returns arabic.Stem of the lexeme's norm, when it holds it (a
// Word), as a part of norm, a string equal to the lexeme's norm.
func (l *lexeme) stemOf(norm string) (string, bool) {
	if !l.has(lexStem) {
		return "", false
	}
	return norm[l.stemFrom : int(l.stemFrom)+int(l.stemLen)], true
}

// newLexeme analyses the surface form text, of kind kind and normalized
// form norm. It keeps copies of the strings, never the article's text.
// own says that norm was made by r's tokenizer (see lexOwnNorm). segs is
// scratch space for the clitic readings.
func (r *Recognizer) newLexeme(text string, kind arabic.Kind, norm string, own bool, segs *[]arabic.Segmentation) *lexeme {
	// One copy holds both strings.
	both := strings.Clone(text + norm)
	var l *lexeme
	var room []arabic.Segmentation
	var gazRoom []gazetteer.Start
	b := new(lexemeBlock)
	l, room, gazRoom = &b.lexeme, b.readings[:], b.starts[:]
	if r.model != nil {
		// An allocation of its own: the collector scans small objects (512
		// bytes at most) a span at a time, larger ones one by one, and a
		// block with the Word in it was larger (its scans took half the
		// collector's time with the default model).
		l.feat = new(nerfeat.Word)
	}
	l.text, l.norm, l.kind = both[:len(text)], both[len(text):], kind
	w := l.norm
	if kind == arabic.Word && len(w) <= math.MaxUint16 {
		// The stem is a part of w after at most و and an article, 8
		// bytes: the first part of w that is the stem, as a string, is it.
		stem := arabic.Stem(w)
		for from := 0; from+len(stem) <= len(w); from += 2 {
			if w[from:from+len(stem)] == stem {
				l.stemFrom, l.stemLen = uint16(from), uint16(len(stem))
				l.flags |= lexStem
				break
			}
		}
	}
	l.runes = utf8.RuneCountInString(w)
	l.gazID = r.gaz.TokenID(w)
	rr := r.rules
	set := func(f lexFlag, ok bool) {
		if ok {
			l.flags |= f
		}
	}
	// The facts of w, of w after و and of w without ال, each looked up
	// once.
	fw := rr.facts.get(w)
	stop := arabic.IsStopWord(w)
	commonish := commonFact(fw, w)
	afterWa, wa := strings.CutPrefix(w, "و")
	fAfterWa := fw
	if wa {
		fAfterWa = rr.facts.get(afterWa)
	}
	commonBare := commonish
	if bare, ok := strings.CutPrefix(w, "ال"); ok {
		commonBare = commonFact(rr.facts.get(bare), bare)
	}
	set(lexStop, stop)
	set(lexFiller, fw&factFiller != 0)
	set(lexNameStop, fw&factNameStop != 0)
	set(lexTitle, fw&factTitle != 0)
	set(lexCommon, fw&factCommon != 0)
	set(lexCommonish, commonish)
	set(lexCommonBare, commonBare)
	set(lexSpeechVerb, fw&factSpeechVerb != 0)
	set(lexPlacePrefix, fw&factPlacePrefix != 0)
	set(lexFuture, futureVerb(w))
	set(lexDefinite, definite(w))
	set(lexArticleAfterWa, strings.HasPrefix(afterWa, "ال"))
	set(lexGivenAfterWa, fAfterWa&factGiven != 0)
	set(lexGiven, fw&factGiven != 0)
	set(lexCompoundTail, isCompoundTail(w))
	set(lexSingleName, fw&(factPersonWord|factGiven) != 0)
	if wa && utf8.RuneCountInString(afterWa) >= minNameRunes {
		set(lexConjoined, fw&(factGiven|factGivenAmbiguous|factPersonWord|factConnector) == 0)
	}
	set(lexAfterConnector, kind == arabic.Word && (!stop || l.runes >= 4))
	set(lexPronounSuffix, pronounSuffix(l.text))
	set(lexOwnNorm, own)

	tok := arabic.Token{Kind: kind, Norm: l.norm, Offsets: arabic.Offsets{
		End: len(l.text), RuneEnd: utf8.RuneCountInString(l.text),
	}}
	*segs = r.tok.AppendSegments((*segs)[:0], l.text, tok)
	// The gazetteer's starts from these readings (r.tok is the Default
	// tokenizer, as AppendStartsOf asks), rather than its reading the word
	// again.
	if starts := r.gaz.AppendStartsOf(gazRoom[:0], tok, *segs); len(starts) > 0 {
		l.gazStarts = starts
	}
	kept := 0
	for _, s := range *segs {
		if !strings.HasSuffix(s.Proclitics, "ال") && !strings.HasSuffix(s.Proclitics, "لل") {
			kept++
		}
	}
	if kept > 0 {
		if kept <= len(room) {
			l.readings = room[:0:kept]
		} else {
			l.readings = make([]arabic.Segmentation, 0, kept)
		}
		for _, s := range *segs {
			if !strings.HasSuffix(s.Proclitics, "ال") && !strings.HasSuffix(s.Proclitics, "لل") {
				l.readings = append(l.readings, s)
			}
		}
	}
	var procl wordFact // the facts of the stems after a proclitic (listCode)
	for _, seg := range l.readings {
		f := fw
		if seg.Stem != w {
			f = rr.facts.get(seg.Stem)
		}
		if seg.Proclitics != "" {
			procl |= f
		}
		set(lexOrgHeadReading, f&factOrgHead != 0)
		set(lexTitleReading, f&factTitle != 0)
		set(lexPlaceHeadReading, f&factPlaceHead != 0)
		set(lexGivenReading, f&factGiven != 0 && seg.Enclitic == "" && (seg.Proclitics == "" || seg.Proclitics == "و"))
	}
	l.class = r.wordClass(l, tok, segs, fw, stop, commonish)
	l.lists = listCode(l, fw, procl)
	if r.model != nil {
		r.words.SetWordLists(l.feat, l.text, l.lists, r.model.m)
	}
	return l
}

// A lexemeBlock is a lexeme with room for the clitic readings of most
// words (87% of the ANT sample's forms have one or two): a new lexeme is
// one allocation, its strings another and, with a model, its analysis
// for the tagger's features (lexeme.feat) a third.
type lexemeBlock struct {
	lexeme
	readings [2]arabic.Segmentation
	starts   [1]gazetteer.Start
}

// wordClass returns the class of the word l as part of a person's name,
// before its context is known (see lexeme.class). fw are the facts of its
// normalized form, stop and common whether it is a stop word and a
// common one (rules.isCommon); *segs holds every clitic reading of tok
// (l's text as a token), as newLexeme made them.
func (r *Recognizer) wordClass(l *lexeme, tok arabic.Token, segs *[]arabic.Segmentation, fw wordFact, stop, common bool) wordClass {
	rr := r.rules
	w := l.norm
	switch {
	case l.kind != arabic.Word || l.runes < minNameRunes:
		return notName
	case fw&factConnector != 0:
		return connector
	case w == "علي":
		// The name Ali, and the preposition على once ى is folded: a name
		// only when written with ي.
		if strings.HasSuffix(l.text, "ى") {
			return notName
		}
		return knownName
	case stop, fw&factNotName != 0:
		return notName
	case fw&(factGiven|factGivenAmbiguous|factPersonWord) != 0 || isCompoundTail(w):
		// The tails of compound names (الجار الله، نور الدين) are name
		// words after another; a name never starts with them, as they
		// carry the article.
		return knownName
	case strings.HasPrefix(w, "و") && rr.facts.get(w[len("و"):])&factGiven != 0:
		// ومصطفى: a given name after the conjunction starts a name (and
		// ends the one before it, see conjoined).
		return knownName
	}
	if common || futureVerb(w) {
		return notName
	}
	// The accusative of a common word or a given name (نموذجا، عادلا، أمرا):
	// a name that no list knows seldom takes it.
	if rest, ok := strings.CutSuffix(w, "ا"); ok && l.runes >= 4 {
		if f := rr.facts.get(rest); f&factGiven != 0 || commonFact(f, rest) {
			return notName
		}
	}
	// A proclitic reading that is a common word: بحفظ، والتجارة.
	for _, seg := range *segs {
		if seg.Enclitic != "" || seg.Proclitics == "" || !commonFact(rr.facts.get(seg.Stem), seg.Stem) {
			continue
		}
		// The future prefix س comes before a verb, never a stop word:
		// ساها is not س + آها.
		if future := strings.HasSuffix(seg.Proclitics, "س") && arabic.IsStopWord(seg.Stem); !future {
			return notName
		}
	}
	return maybeName
}

// vocab holds the lexemes of the surface forms a Recognizer has met. It is
// shared by the goroutines that recognize, and bounded: it holds at most
// limit lexemes, in one table. A form found there is marked as used; a
// form found nowhere is analysed and added, and when the table is full a
// lexeme goes first, the next one the clock's hand meets that was not used
// since the hand last passed it (second chance, the CLOCK approximation
// of least-recently-used order). A hit costs a read-locked lookup and, once
// per turn of the hand, an atomic or on its slot, where a list in
// least-recently-used order would need a write on every hit, which
// goroutines would contend for; the forms in use survive, and memory stays
// within limit lexemes however long the process runs and however many new
// forms it meets.
//
// (Until 2026-12-07 the vocabulary kept two generations of limit/2 each,
// the older dropped when the newer was full: a form met again after more
// than one generation was analysed again, though the two had room for it.
// The 2,400 articles of the ANT sample hold 73,100 forms, a generation was
// 65,536: each pass over them analysed 7,600 again.)
//
// The lexemes of an article are looked up under one read lock, and its
// new forms added under one write lock.
type vocab struct {
	mu    sync.RWMutex
	tab   lexTable // of seed
	limit int
	hand  int // the slot the clock's hand looks at next
	// seed is the hash seed of the table; it never changes, so it is read
	// without the lock.
	seed maphash.Seed
}

// defaultVocabSize is the number of lexemes a Recognizer's vocabulary
// holds at most: the surface forms of about 10,000 news articles (the
// 2,400 of the ANT sample hold 73,100 distinct forms and kinds, 103,000
// forms in all). A lexeme is one block of 336 bytes (lexemeBlock; a 352-byte
// allocation) and, with the default model, its nerfeat.Word of 440 (448),
// plus its strings and more readings for a few: so the vocabulary stays
// within about 115 MB (50 MB without a model). Twice as
// many was measured too (docs/QUALITY.md, "Vocabulary size", of two
// generations of 2^17): faster only on repeated passes over one sample,
// for twice the bound.
const defaultVocabSize = 1 << 17

func newVocab(limit int) *vocab {
	seed := maphash.MakeSeed()
	return &vocab{tab: lexTable{seed: seed}, limit: max(1, limit), seed: seed}
}

// len returns the number of lexemes held.
func (v *vocab) len() int {
	v.mu.RLock()
	defer v.mu.RUnlock()
	return v.tab.n
}

// A lexTable is a hash table of lexemes keyed by their surface form, open
// addressing with linear probing. A slot holds the form itself when it is
// short (most are: 18 bytes are 9 Arabic letters) and its kind, so that a
// lookup most often reads one slot, half a cache line, and nothing else; a
// Go map of strings reads its control word, the slot's key, the key's
// bytes elsewhere and then the lexeme for its kind, each a cache miss in a
// table of 131,072 forms. A form is in the table at most once, whatever
// its kind.
//
// A form's home slot is the top bits of its tag (see home), so that a
// slot says where its form belongs without the form: growing the table
// and moving a cluster back after an eviction read the slots alone, where
// hashing each form again read its lexeme, a cache miss each (growing
// took 4.6% of the profile of Extract/ant-no-model's cold pass, where
// every form is new; 1.8% since), and growing writes the new table in
// order (the forms of slot i go to slots 2i and 2i+1 onwards).
type lexTable struct {
	seed  maphash.Seed
	slots []lexSlot // a power of two in length, 1<<bits, at most half full
	bits  uint8
	n     int // lexemes held
}

// hash returns the hash of the form text.
func (t *lexTable) hash(text string) uint64 { return maphash.String(t.seed, text) }

// lexSlotKey is the longest form a slot holds.
const lexSlotKey = 18

type lexSlot struct {
	l *lexeme // nil: the slot is empty
	// tag is the top 31 bits of the form's hash (lexTag), and lexUsed.
	// Lookups under the read lock read it atomically, and set lexUsed
	// with an atomic or.
	tag  uint32
	kind arabic.Kind
	size uint8 // the form's length, or lexSlotKey+1 when longer
	key  [lexSlotKey]byte
}

// lexUsed is the bit of lexSlot.tag that says the lexeme was used since
// the clock's hand last passed it (see vocab).
const lexUsed = 1 << 31

// lexTag returns the tag of the hash h: its top 31 bits, lexUsed clear.
func lexTag(h uint64) uint32 { return uint32(h >> 33) }

// home returns the home slot of the tag tag (lexUsed clear): its top
// bits (a table has at most 1<<31 slots, and tags 31 bits).
func (t *lexTable) home(tag uint32) int { return int(tag >> (31 - t.bits)) }

// match reports whether s holds the form text of kind kind, whose tag is
// tag.
func (s *lexSlot) match(text string, tag uint32, kind arabic.Kind) bool {
	if atomic.LoadUint32(&s.tag)&^lexUsed != tag || s.kind != kind {
		return false
	}
	if len(text) <= lexSlotKey {
		return int(s.size) == len(text) && string(s.key[:len(text)]) == text
	}
	return s.size > lexSlotKey && s.l.text == text
}

// use marks s as used (lexUsed), if it is not yet.
func (s *lexSlot) use() {
	if atomic.LoadUint32(&s.tag)&lexUsed == 0 {
		atomic.OrUint32(&s.tag, lexUsed)
	}
}

// get returns the lexeme of text if t holds it with kind kind, or nil, and
// marks its slot as used. h is text's hash.
func (t *lexTable) get(text string, h uint64, kind arabic.Kind) *lexeme {
	if t.n == 0 {
		return nil
	}
	tag := lexTag(h)
	mask := len(t.slots) - 1
	for i := t.home(tag); ; i = (i + 1) & mask {
		s := &t.slots[i]
		if s.l == nil {
			return nil
		}
		if s.match(text, tag, kind) {
			s.use()
			return s.l
		}
	}
}

// holds returns the lexeme of text that t holds, of whatever kind, or
// nil. h is text's hash.
func (t *lexTable) holds(text string, h uint64) *lexeme {
	if t.n == 0 {
		return nil
	}
	tag := lexTag(h)
	mask := len(t.slots) - 1
	for i := t.home(tag); ; i = (i + 1) & mask {
		s := &t.slots[i]
		if s.l == nil {
			return nil
		}
		if atomic.LoadUint32(&s.tag)&^lexUsed == tag && s.l.text == text {
			return s.l
		}
	}
}

// add adds l, whose text hashes to h and is not in t yet, not marked as
// used: a form gets its second chance when it is met again. (Added as
// used, every new form had one: when the hand found all of them used it
// swept the whole table clearing their bits, then evicted the next ones in
// its way, a form met at every article among them, by where its hash put
// it: TestVocabBounded, where one form comes back at every article, failed
// in 3 runs of 100.)
func (t *lexTable) add(l *lexeme, h uint64) {
	if 2*(t.n+1) > len(t.slots) {
		t.grow()
	}
	s := lexSlot{l: l, tag: lexTag(h), kind: l.kind, size: lexSlotKey + 1}
	if len(l.text) <= lexSlotKey {
		s.size = uint8(copy(s.key[:], l.text))
	}
	t.put(s)
	t.n++
}

// put puts s in the first free slot from its home.
func (t *lexTable) put(s lexSlot) {
	mask := len(t.slots) - 1
	i := t.home(s.tag &^ lexUsed)
	for t.slots[i].l != nil {
		i = (i + 1) & mask
	}
	t.slots[i] = s
}

// grow doubles the table (or makes its first 1,024 slots); the slots
// keep their marks of use.
func (t *lexTable) grow() {
	old := t.slots
	t.bits = max(10, t.bits+1)
	t.slots = make([]lexSlot, 1<<t.bits)
	for _, s := range old {
		if s.l != nil {
			t.put(s)
		}
	}
}

// evict removes a lexeme from t, which holds one at least: the first from
// slot *hand on that is not marked as used, clearing the marks it passes
// (each lexeme used since the hand last passed it gets a second chance),
// and moves *hand past it. The caller holds the table alone.
func (t *lexTable) evict(hand *int) {
	mask := len(t.slots) - 1
	for {
		i := *hand & mask
		*hand = i + 1
		s := &t.slots[i]
		if s.l == nil {
			continue
		}
		if s.tag&lexUsed != 0 {
			s.tag &^= lexUsed
			continue
		}
		t.remove(i)
		return
	}
}

// remove empties slot i, moving back the slots after it in its cluster
// that would no longer be found from their hash's slot (deletion in linear
// probing, without tombstones), so that every lexeme held stays found.
func (t *lexTable) remove(i int) {
	mask := len(t.slots) - 1
	for j := (i + 1) & mask; t.slots[j].l != nil; j = (j + 1) & mask {
		home := t.home(t.slots[j].tag &^ lexUsed)
		// The lexeme of slot j may move to i when i lies cyclically from
		// its home slot up to j: its probe passes i before j.
		if (j-home)&mask >= (j-i)&mask {
			t.slots[i] = t.slots[j]
			i = j
		}
	}
	t.slots[i] = lexSlot{}
	t.n--
}

// lexBufs are the scratch buffers of vocab.lexemes.
type lexBufs struct {
	missing []int32  // the tokens whose form the table does not hold
	hashes  []uint64 // per token: its form's hash
	// sum is what readAhead and readAheadLexemes read, kept so that the
	// compiler keeps their loads.
	sum uint32
}

// readAhead reads the home slot of each hash in t (read-locked), so
// that the lookups that follow find them in the cache.
func (b *lexBufs) readAhead(t *lexTable, hashes []uint64) {
	if len(t.slots) == 0 {
		return
	}
	sum := b.sum
	for _, h := range hashes {
		sum += atomic.LoadUint32(&t.slots[t.home(lexTag(h))].tag)
	}
	b.sum = sum
}

// readAheadLexemes reads the fields of each lexeme in lex that the first
// phases read at every token (gazIDs, tokenClasses).
func (b *lexBufs) readAheadLexemes(lex []*lexeme) {
	sum := b.sum
	for _, l := range lex {
		if l != nil {
			sum += uint32(l.flags) + l.gazID + uint32(len(l.gazStarts))
		}
	}
	b.sum = sum
}

// lexemes sets dst[k] to the lexeme of token k of a, analysing the forms
// not met before with r, and returns dst. b and segs are scratch space.
// Each form is hashed once: a new lexeme is added with its token's hash.
//
// The table's slots and the lexemes are read ahead, each in a loop of its
// own (see readAhead), before the lookups and the rules read them: the
// first read of a form's slot and of its lexeme is a cache miss (140 ns on
// the machine of docs/QUALITY.md, the table is 8 MB and the lexemes of
// the ANT sample 30 MB), and the processor overlaps the misses of a loop
// that only adds what it loads, where a lookup's branches on what it read
// made it wait for each (lexTable.get and lexeme.has in gazIDs were 15% of
// the Extract/ant-no-model profile).
func (v *vocab) lexemes(r *Recognizer, a *arabic.Analysis, dst []*lexeme, b *lexBufs, segs *[]arabic.Segmentation) []*lexeme {
	dst = reuse.Resize(dst, len(a.Tokens), nil)
	hashes := slices.Grow(b.hashes[:0], len(a.Tokens))[:len(a.Tokens)]
	b.hashes = hashes
	missing := b.missing[:0]
	seed := v.seed
	for k := range a.Tokens {
		t := &a.Tokens[k]
		hashes[k] = maphash.String(seed, a.Text[t.Start:t.End])
	}
	v.mu.RLock()
	b.readAhead(&v.tab, hashes)
	for k := range a.Tokens {
		t := &a.Tokens[k]
		if l := v.tab.get(a.Text[t.Start:t.End], hashes[k], t.Kind); l != nil {
			dst[k] = l
			continue
		}
		missing = append(missing, int32(k))
	}
	v.mu.RUnlock()
	b.readAheadLexemes(dst)
	b.missing = missing
	if len(missing) == 0 {
		return dst
	}
	// New forms, analysed outside the lock.
	// A form met several times in the article is analysed once.
	own := a.Tokenizer() == r.tok
	var fresh map[string]*lexeme
	for _, k := range missing {
		if dst[k] != nil {
			continue
		}
		t := &a.Tokens[k]
		text := a.Text[t.Start:t.End]
		if l := fresh[text]; l != nil && l.kind == t.Kind {
			dst[k] = l
			continue
		}
		if fresh == nil {
			// Room for every missing token's form: growing the map
			// (rehash) was 2.4% of a cold pass (BenchmarkLexemesCold).
			fresh = make(map[string]*lexeme, len(missing))
		}
		dst[k] = r.newLexeme(text, t.Kind, t.Norm, own, segs)
		fresh[dst[k].text] = dst[k]
	}
	v.mu.Lock()
	for _, k := range missing {
		l := dst[k]
		h := hashes[k] // the hash of l.text, which is token k's form
		if prev := v.tab.holds(l.text, h); prev != nil {
			if prev.kind == l.kind {
				dst[k] = prev // added by another goroutine, or earlier in this article
			}
			continue
		}
		if v.tab.n >= v.limit {
			v.tab.evict(&v.hand)
		}
		v.tab.add(l, h)
	}
	v.mu.Unlock()
	return dst
}
