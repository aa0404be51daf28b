package gazetteer

import (
	stdcontext "context" // the package has a type context: an entry's context words
	"fmt"
	"slices"
	"unicode/utf8"

	"github.com/alam-nlp/alam/arabic"
)

// Match is a name of the gazetteer found in a text.
type Match struct {
	// Offsets locate the name in the original text, proclitics excluded:
	// Start and End in bytes (text[m.Start:m.End] is the name), RuneStart
	// and RuneEnd in code points (the unit of pipeline.Mention's Start and
	// End).
	arabic.Offsets
	// FirstToken and EndToken delimit the tokens the name spans:
	// tokens[FirstToken:EndToken]. The first may hold proclitics that the
	// Offsets leave out.
	FirstToken, EndToken int
	// Proclitics are the normalized letters stripped before the name.
	Proclitics string
	// Candidates are the entries the name may denote, at least one. More
	// than one means the name is ambiguous; Evidence helps to decide.
	Candidates []Candidate
}

// Candidate is an entry that a matched name may denote.
type Candidate struct {
	Entry *Entry
	Index int // the entry's index in the matcher
	Form  Form
	// Vocalized reports that the text's tashkeel confirms the vocalized
	// name of the entry (عمّان written with its shadda): evidence that
	// outweighs the words around it.
	Vocalized bool
}

// FindAll returns, for each token where a name starts, the longest name
// that starts there, in text order. Matches do not cross sentences; they
// may overlap when a shorter name starts inside a longer one (the caller
// resolves overlaps). A name's first token may carry proclitics; its
// other tokens must match whole. When the text under a name is vocalized
// and contradicts the vocalization of an entry's name (عُمان against
// عَمّان), that entry is not a candidate.
func (m *Matcher) FindAll(a *arabic.Analysis) []Match {
	out, _ := m.FindAllContext(stdcontext.Background(), a) // Background is never done
	return out
}

// checkEvery is how many tokens pass between two looks at the context in
// FindAllContext: often enough that a cancelled run waits milliseconds,
// rarely enough that the look costs nothing.
const checkEvery = 4096

// FindAllContext is FindAll that gives up when ctx is done, returning
// ctx's error (checked every few thousand tokens) and no matches.
func (m *Matcher) FindAllContext(ctx stdcontext.Context, a *arabic.Analysis) ([]Match, error) {
	return m.findAll(ctx, nil, a, nil, nil)
}

// TokenID returns the id of the normalized token t in the vocabulary of
// the names' tokens, or 0 when no name holds t. The ids are those that
// FindAllIDsContext takes; they stay the same for the matcher's lifetime.
func (m *Matcher) TokenID(t string) uint32 { return m.vocab.ID(t) }

// FindAllIDsContext is FindAllContext given the token ids of a's tokens:
// ids[i] must be m.TokenID(a.Tokens[i].Norm). A caller that meets the same
// words again and again can keep each word's id rather than have FindAll
// look every token up in the vocabulary. It returns an error when ids and
// a.Tokens differ in length.
func (m *Matcher) FindAllIDsContext(ctx stdcontext.Context, a *arabic.Analysis, ids []uint32) ([]Match, error) {
	return m.FindAllStartsContext(ctx, a, ids, nil)
}

// FindAllStartsContext is FindAllIDsContext given also the starts of a's
// tokens, when starts is not nil: starts[i] must be what AppendStarts
// returns for token i. A caller that keeps each word's starts spares
// FindAll the clitic readings of every token. It returns an error when
// ids or starts and a.Tokens differ in length.
func (m *Matcher) FindAllStartsContext(ctx stdcontext.Context, a *arabic.Analysis, ids []uint32, starts [][]Start) ([]Match, error) {
	return m.AppendAllStartsContext(ctx, nil, a, ids, starts)
}

// AppendAllStartsContext is FindAllStartsContext that appends the matches
// to dst and returns the extended slice (dst on an error): a caller that
// drops the matches of each text can keep one array for them. The matches'
// Candidates are never in dst's array.
func (m *Matcher) AppendAllStartsContext(ctx stdcontext.Context, dst []Match, a *arabic.Analysis, ids []uint32, starts [][]Start) ([]Match, error) {
	if len(ids) != len(a.Tokens) {
		return dst, fmt.Errorf("gazetteer: %d token ids for %d tokens", len(ids), len(a.Tokens))
	}
	if starts != nil && len(starts) != len(a.Tokens) {
		return dst, fmt.Errorf("gazetteer: the starts of %d tokens for %d tokens", len(starts), len(a.Tokens))
	}
	return m.findAll(ctx, dst, a, ids, starts)
}

// A Start is a clitic reading of a word that may start one of a matcher's
// names: its stem after proclitics starts a name. It is a fact of the word
// and the matcher, whatever the text; see AppendStarts.
type Start struct {
	proclitics string
	node       uint32 // the trie's node of the stem
	// start and runeStart are the stem's offsets from the word's start.
	start, runeStart int32
}

// Proclitics returns the normalized letters the reading strips before
// its stem.
func (s Start) Proclitics() string { return s.proclitics }

// AppendStarts appends to dst the starts of the word word, a token of
// kind kind normalized to norm, in the order FindAll tries them after the
// whole word, and returns dst. Most words have none. The starts hold
// parts of norm, never of word.
func (m *Matcher) AppendStarts(dst []Start, word string, kind arabic.Kind, norm string) []Start {
	tok := arabic.Token{Kind: kind, Norm: norm, Offsets: arabic.Offsets{End: len(word), RuneEnd: utf8.RuneCountInString(word)}}
	var segBuf [8]arabic.Segmentation // a word has a few readings
	return m.appendStarts(dst, word, tok, segBuf[:0])
}

// AppendStartsOf is AppendStarts for a word whose clitic readings the
// caller has made: readings are every reading of the word tok, the whole
// word first, as arabic.NewTokenizer(arabic.Default).AppendSegments gives
// them (its text, tok.Norm and tok.Offsets); it appends the starts that
// AppendStarts would, without reading the word again. The starts hold
// parts of the readings' strings.
func (m *Matcher) AppendStartsOf(dst []Start, tok arabic.Token, readings []arabic.Segmentation) []Start {
	if tok.Kind != arabic.Word || len(readings) == 0 || !m.firsts.cliticMayStart(tok.Norm) {
		return dst
	}
	return m.startsOf(dst, tok, readings[1:])
}

// appendStarts is AppendStarts for the token tok of text, segs scratch
// space for its clitic readings.
func (m *Matcher) appendStarts(dst []Start, text string, tok arabic.Token, segs []arabic.Segmentation) []Start {
	if tok.Kind != arabic.Word || !m.firsts.cliticMayStart(tok.Norm) {
		return dst // no reading but the whole word may start a name
	}
	// The first reading is the whole word, with no enclitic: FindAll
	// tries it first, whatever the starts.
	return m.startsOf(dst, tok, m.tok.AppendSegmentsWith(segs, text, tok, m.firstOpt)[1:])
}

// startsOf appends the starts of the readings of tok, the whole word left
// out: those with no enclitic whose stem starts a name (the readings that
// m.firstOpt keeps, of those AppendSegments makes: the readings are made
// in one order and sorted stably, so that those kept come in the same
// order either way).
func (m *Matcher) startsOf(dst []Start, tok arabic.Token, readings []arabic.Segmentation) []Start {
	for _, seg := range readings {
		if seg.Enclitic != "" || !m.firsts.has(seg.Stem, 0) {
			continue // names do not take pronoun suffixes
		}
		if node := m.child(0, seg.Stem); node != 0 {
			dst = append(dst, Start{proclitics: seg.Proclitics, node: node, start: int32(seg.Start - tok.Start), runeStart: int32(seg.RuneStart - tok.RuneStart)})
		}
	}
	return dst
}

// findAll is FindAllContext appending to out, reading the tokens' ids from
// ids when it is not nil (see FindAllIDsContext) and from the vocabulary
// otherwise, and their starts from starts when it is not nil (see
// FindAllStartsContext). On ctx's error it returns out as it was.
func (m *Matcher) findAll(ctx stdcontext.Context, out []Match, a *arabic.Analysis, ids []uint32, starts [][]Start) ([]Match, error) {
	first := len(out)
	// The matches' candidates share one array (each capped at its own, so
	// that appending to one does not overwrite the next): a few
	// allocations an article rather than one or more a match.
	var cands []Candidate
	var segBuf [8]arabic.Segmentation // a word has a few readings
	var startBuf [8]Start
	for _, s := range a.Sentences {
		for i := s.FirstToken; i < s.EndToken; i++ {
			if i%checkEvery == checkEvery-1 {
				if err := ctx.Err(); err != nil {
					return out[:first], err
				}
			}
			tok := a.Tokens[i]
			wholeNode := uint32(0)
			if ids != nil {
				if id := ids[i]; id != 0 {
					wholeNode = m.trie.child(0, id)
				}
			} else if m.firsts.has(tok.Norm, 0) {
				wholeNode = m.child(0, tok.Norm)
			}
			var sts []Start
			if starts != nil {
				sts = starts[i]
			} else {
				sts = m.appendStarts(startBuf[:0], a.Text, tok, segBuf[:0])
			}
			// The whole word (k = -1), then its starts.
			best, bestEnd, bestNode := -2, 0, uint32(0)
			for k := -1; k < len(sts); k++ {
				node := wholeNode
				if k >= 0 {
					node = sts[k].node
				}
				for j := i + 1; node != 0; j++ {
					if j > bestEnd && m.ends(node) {
						best, bestEnd, bestNode = k, j, node
					}
					if j >= s.EndToken {
						break
					}
					if ids != nil {
						node = m.childID(node, ids[j])
					} else {
						node = m.child(node, a.Tokens[j].Norm)
					}
				}
			}
			if best < -1 {
				continue
			}
			var st Start // the whole word's
			if best >= 0 {
				st = sts[best]
			}
			match := Match{
				Offsets: arabic.Offsets{
					Start: tok.Start + int(st.start), End: a.Tokens[bestEnd-1].End,
					RuneStart: tok.RuneStart + int(st.runeStart), RuneEnd: a.Tokens[bestEnd-1].RuneEnd,
				},
				FirstToken: i,
				EndToken:   bestEnd,
				Proclitics: st.proclitics,
			}
			if cands == nil {
				// On the ANT sample an article has a match every 15
				// tokens (19 in 296), rarely two candidates a match.
				size := len(a.Tokens)/8 + 4
				cands = make([]Candidate, 0, size)
				if out == nil {
					out = make([]Match, 0, size)
				}
			}
			n := len(cands)
			cands = m.appendCandidates(cands, bestNode, a.Text[match.Start:match.End])
			if len(cands) > n {
				match.Candidates = cands[n:len(cands):len(cands)]
				out = append(out, match)
			}
		}
	}
	return out, nil
}

// candidates returns the entries of node whose vocalization the original
// text agrees with, in gazetteer order.
func (m *Matcher) candidates(node uint32, orig string) []Candidate {
	return m.appendCandidates(nil, node, orig)
}

// appendCandidates appends to dst the candidates of node (see candidates).
// The marks of orig are read once, and only when an entry is vocalized.
func (m *Matcher) appendCandidates(dst []Candidate, node uint32, orig string) []Candidate {
	var textBuf, nameBuf [24]marks
	var mt []marks
	read := false
	for _, v := range m.nodeValues(node) {
		c := Candidate{Entry: &m.entries[v.entry], Index: int(v.entry), Form: v.form()}
		if k := v.marks(); k != 0 {
			if !read {
				mt, read = appendLetterMarks(textBuf[:0], orig), true
			}
			mn := appendLetterMarks(nameBuf[:0], m.marks[k])
			if !marksAgree(mn, mt) {
				continue
			}
			c.Vocalized = marksConfirm(mn, mt)
		}
		dst = append(dst, c)
	}
	return dst
}

// marksAgree reports whether the tashkeel of a text (mt, from
// appendLetterMarks) agrees with that of a vocalized name (mn): a shadda (a
// doubled consonant) in the text is on the same letter of the name, and
// wherever both put a vowel mark on the same letter it is the same mark.
// Texts often leave a shadda out, so a shadda of the name need not be in
// the text. When the letters do not line up (a ligature, another spelling)
// there is nothing to compare, and they agree.
func marksAgree(mn, mt []marks) bool {
	if len(mn) != len(mt) {
		return true
	}
	for i := range mn {
		if mt[i].shadda && !mn[i].shadda {
			return false
		}
		if mn[i].vowel != 0 && mt[i].vowel != 0 && mn[i].vowel != mt[i].vowel {
			return false
		}
	}
	return true
}

// marksConfirm reports whether the tashkeel of a text agrees with that of a
// vocalized name and shares at least one mark with it on the same letter.
func marksConfirm(mn, mt []marks) bool {
	if len(mn) != len(mt) || !marksAgree(mn, mt) {
		return false
	}
	for i := range mn {
		if mt[i].shadda && mn[i].shadda || mt[i].vowel != 0 && mt[i].vowel == mn[i].vowel {
			return true
		}
	}
	return false
}

// marks are the tashkeel on one letter.
type marks struct {
	shadda bool
	vowel  rune // fatha, damma, kasra, sukun or a tanwin; 0 for none
}

const shadda = '\u0651'

// appendLetterMarks appends to out the tashkeel written on each letter of
// s.
func appendLetterMarks(out []marks, s string) []marks {
	for _, r := range s {
		switch {
		case r == shadda:
			if len(out) > 0 {
				out[len(out)-1].shadda = true
			}
		case r >= '\u064B' && r <= '\u0652':
			if len(out) > 0 {
				out[len(out)-1].vowel = r
			}
		case r == '\u0640' || r >= '\u200C' && r <= '\u200F':
			// tatweel and controls carry nothing
		default:
			out = append(out, marks{})
		}
	}
	return out
}

// Lookup returns the entries that name matches as a whole, after
// normalization and, for a one-word name, after removing proclitics
// (بالكويت finds country:KW).
func (m *Matcher) Lookup(name string) []Candidate {
	a := m.tok.Analyze(name)
	if len(a.Tokens) == 0 {
		return nil
	}
	segs := m.tok.AppendSegments(nil, name, a.Tokens[0])
	for _, seg := range segs {
		if seg.Enclitic != "" {
			continue
		}
		var node uint32
		for i, norm := range appendPossessive(nil, arabic.Token{Kind: a.Tokens[0].Kind, Norm: seg.Stem}) {
			if i == 0 || node != 0 {
				node = m.child(node, norm)
			}
		}
		for j := 1; node != 0 && j < len(a.Tokens); j++ {
			for _, norm := range appendPossessive(nil, a.Tokens[j]) {
				if node != 0 {
					node = m.child(node, norm)
				}
			}
		}
		if node != 0 && m.ends(node) {
			return m.candidates(node, name[seg.Start:])
		}
	}
	return nil
}

// Entries returns the matcher's entries; Candidate.Index indexes it.
func (m *Matcher) Entries() []Entry { return m.entries }

// Evidence finds the context words of entries in one analyzed text. Make
// one per text with NewEvidence; it is not safe for concurrent use.
type Evidence struct {
	m     *Matcher
	a     *arabic.Analysis
	stems []string // light stems of the tokens, computed on first use
	// index numbers the stems (the analysis's, shared with the other
	// stages), and next chains the tokens of each stem in text order:
	// next[k] is the next token with the stem of token k, or -1. Both are
	// made on first use, so that a phrase is found without scanning the
	// text.
	index *arabic.StemIndex
	next  []int32
	// favour counts, per entry index, its favour phrases in the whole text;
	// an article has a few such entries, kept in favourBuf.
	favour    []entryCount
	favourBuf [8]entryCount
}

// entryCount is a count for one entry.
type entryCount struct{ entry, n int }

// NewEvidence returns an Evidence for the text a.
func (m *Matcher) NewEvidence(a *arabic.Analysis) *Evidence {
	e := &Evidence{m: m, a: a}
	e.favour = e.favourBuf[:0]
	return e
}

// Count counts the context words of entry i around match. favour counts
// the entry's favour phrases found anywhere in the text. against counts its
// against phrases within AgainstWindow tokens of the match, in its
// sentence, and only when the match is one word: a longer name (سلطنة
// عمان) is not the common word the against phrases rule out (قطر as
// "diameter" in نصف قطر الدائرة). Phrases are compared by light stems, so
// clitics and inflection do not matter; the match's own tokens are not
// counted.
func (e *Evidence) Count(i int, match Match) (favour, against int) {
	c := e.m.context[i]
	if len(c.favour) == 0 && len(c.against) == 0 {
		return 0, 0
	}
	if e.stems == nil {
		e.stems = e.a.Stems()
		e.chain()
	}
	// The favour phrases of an entry are counted over the whole text once;
	// each match only takes away those that overlap it, so that an article
	// with many ambiguous names is not read again for each.
	k := slices.IndexFunc(e.favour, func(c entryCount) bool { return c.entry == i })
	if k < 0 {
		total := 0
		for _, p := range c.favour {
			total += e.countPhrase(p, 0, len(e.stems), Match{})
		}
		k = len(e.favour)
		e.favour = append(e.favour, entryCount{i, total})
	}
	favour = e.favour[k].n
	for _, p := range c.favour {
		favour -= e.overlapping(p, match)
	}
	if match.EndToken-match.FirstToken == 1 && len(c.against) > 0 {
		sent := e.a.Sentences[e.a.SentenceOf(match.FirstToken)]
		from := max(sent.FirstToken, match.FirstToken-AgainstWindow)
		to := min(sent.EndToken, match.EndToken+AgainstWindow)
		for _, p := range c.against {
			against += e.countPhrase(p, from, to, match)
		}
	}
	return favour, against
}

// AgainstWindow is how many tokens on each side of a one-word name are
// searched for the words that rule an entry out.
const AgainstWindow = 3

// countPhrase counts the occurrences of phrase that start in tokens
// [from, to) and end by to, outside the match itself.
func (e *Evidence) countPhrase(phrase []string, from, to int, match Match) int {
	n := 0
	for i32 := e.first(phrase[0]); i32 >= 0; i32 = e.next[i32] {
		i := int(i32)
		if i+len(phrase) > to {
			break // the chain is in text order: no later start ends by to
		}
		if i < from || i < match.EndToken && i+len(phrase) > match.FirstToken {
			continue
		}
		ok := true
		for k := 1; k < len(phrase) && ok; k++ {
			ok = e.stems[i+k] == phrase[k]
		}
		if ok {
			n++
		}
	}
	return n
}

// chain builds e.index and e.next.
func (e *Evidence) chain() {
	e.index = e.a.StemIndex()
	ids := e.index.IDs()
	buf := make([]int32, len(ids)+e.index.Len())
	last := buf[len(ids):]
	e.next = buf[:len(ids):len(ids)]
	for id := range last {
		last[id] = -1
	}
	for k := len(ids) - 1; k >= 0; k-- {
		e.next[k] = last[ids[k]] // -1 when no later token has the stem
		last[ids[k]] = int32(k)
	}
}

// first returns the first token whose stem is stem, or -1.
func (e *Evidence) first(stem string) int32 { return int32(e.index.FirstToken(stem)) }

// overlapping counts the occurrences of phrase that overlap the tokens of
// match.
func (e *Evidence) overlapping(phrase []string, match Match) int {
	n := 0
	for i := max(0, match.FirstToken-len(phrase)+1); i < match.EndToken && i+len(phrase) <= len(e.stems); i++ {
		ok := true
		for k := 0; k < len(phrase) && ok; k++ {
			ok = e.stems[i+k] == phrase[k]
		}
		if ok {
			n++
		}
	}
	return n
}

// Ambiguity is a name that several entries share.
type Ambiguity struct {
	Name string   // the name as first written in the gazetteer
	IDs  []string // the ids of the entries that have it, in gazetteer order
}

// Ambiguous returns the names that several entries share, with their
// entries, in the order the names first appear in the gazetteer. Names are
// compared after normalization, as the matcher compares them.
func (m *Matcher) Ambiguous() []Ambiguity {
	var out []Ambiguity
	seen := map[uint32]bool{}
	for i := range m.entries {
		e := &m.entries[i]
		for k := -2; k < len(e.Aliases); k++ {
			name := e.name(k)
			node := uint32(0)
			for _, t := range m.normTokens(name) {
				if node = m.child(node, t); node == 0 {
					break
				}
			}
			if node == 0 || seen[node] {
				continue
			}
			seen[node] = true
			var ids []string
			for _, c := range m.candidates(node, "") {
				if len(ids) == 0 || ids[len(ids)-1] != c.Entry.ID {
					ids = append(ids, c.Entry.ID)
				}
			}
			if len(ids) > 1 {
				out = append(out, Ambiguity{Name: name, IDs: ids})
			}
		}
	}
	return out
}
