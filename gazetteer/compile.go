package gazetteer

import (
	"slices"
	"strings"

	"github.com/alam-nlp/alam/arabic"
	"github.com/alam-nlp/alam/internal/intern"
)

// Form says how a matched name points at its entity.
type Form uint8

const (
	// FormName is a name of the entity: its name, Arabic name or an alias.
	FormName Form = iota + 1
	// FormAdjective is a demonym: an adjective that points at a country or
	// a place (الأميركي، الكويتية).
	FormAdjective
)

// String returns "name" or "adjective", as in the output records.
func (f Form) String() string {
	switch f {
	case FormName:
		return "name"
	case FormAdjective:
		return "adjective"
	}
	return "invalid"
}

// A Matcher finds the names of a gazetteer in analyzed text. It is compiled
// once from a gazetteer, is immutable, and is safe for concurrent use.
//
// Names are matched on their normalized tokens (arabic.Default folds), so
// spelling differences that normalization folds (أ/ا, ة/ه, ى/ي, tashkeel,
// tatweel, case) do not matter. The first token of a name may carry
// proclitics in the text (والإمارات، بالكويت، للتحالف); they stay outside the
// match. Compilation adds, for every name, the variants with the compounds
// عبد X, أبو X, X الله and X الدين joined or split, and for every demonym its
// nisba inflections (ـية، ـيون، ـيين، ـيات، ـيان) with and without the article.
type Matcher struct {
	tok     *arabic.Tokenizer
	entries []Entry
	vocab   *intern.Table   // the tokens of the names
	trie                    // the names, as sequences of token ids
	firsts  firstFilter     // the first tokens of the names
	context map[int]context // per entry index, for entries with context words
	marks   []string        // vocalized names; marks[0] is ""
	// firstOpt are the readings FindAll asks for, made once by newMatcher:
	// the method value m.isFirst would allocate at each call.
	firstOpt arabic.SegmentOptions
}

// newMatcher returns a Matcher of entries, its other fields to be filled.
func newMatcher(entries []Entry) *Matcher {
	m := &Matcher{tok: arabic.NewTokenizer(arabic.Default), entries: entries, context: make(map[int]context)}
	m.firstOpt = arabic.SegmentOptions{Keep: m.isFirst, NoEnclitics: true}
	return m
}

// value is one entry that a trie node's name denotes, in 8 bytes, or a
// value list: where in the trie's values the values of a node that names
// several entries are.
type value struct {
	// entry is the entry's index; in a list, the index of the first value.
	entry int32
	// bits holds the Form in its low two bits (0 in a list) and above
	// them marks: the index in Matcher.marks of the name as written in the
	// gazetteer when it has tashkeel (عُمان، عمّان), to check against
	// vocalized text, or 0 when it has none; in a list, the number of
	// values.
	bits uint32
}

// maxMarks bounds the vocalized names a matcher keeps (the bits of
// value.marks); names past it are matched as if they had no tashkeel.
const maxMarks = 1 << 30

func newValue(entry int32, form Form, marks int32) value {
	return value{entry: entry, bits: uint32(marks)<<2 | uint32(form)}
}

// listValue returns the value that points at the n values from start.
func listValue(start, n uint32) value { return value{entry: int32(start), bits: n << 2} }

func (v value) form() Form   { return Form(v.bits & 3) }
func (v value) marks() int32 { return int32(v.bits >> 2) }

// list returns the values a list value points at, and whether v is one.
func (v value) list() (start, n uint32, ok bool) {
	return uint32(v.entry), v.bits >> 2, v.bits&3 == 0
}

// context is an entry's context words, as sequences of light stems.
type context struct {
	favour, against [][]string
}

// Compile builds the matcher for the entries of g. The matcher refers to
// g's entries: do not change g afterwards.
//
// Compilation runs in two passes: the first turns every name into a
// sequence of token ids, the second sorts the sequences and lays the trie
// out from them (see trie), so that no table of edges is built on the way.
// In the first pass a second goroutine tokenizes the names (tokenizeNames)
// while the calling one interns their tokens, in entry order, so that the
// ids and the trie are the same as in one goroutine.
func Compile(g *Gazetteer) *Matcher {
	names := 0
	for i := range g.Entries {
		e := &g.Entries[i]
		names += 2 + len(e.Aliases) + 2*len(nisbaSuffixes)*len(e.Demonyms)
	}
	m := newMatcher(g.Entries)
	m.vocab, m.marks = intern.New(names), []string{""}
	b := newTrieBuilder(names)
	batches, free := make(chan *nameBatch, nameBatches), make(chan *nameBatch, nameBatches)
	for range nameBatches {
		free <- &nameBatch{}
	}
	// tokenizeNames alone writes m.marks and m.context until it closes
	// batches; this goroutine alone writes m.vocab and b.
	go m.tokenizeNames(batches, free)
	seen := &entryTokens{vocab: m.vocab}
	entry := int32(-1)
	for bt := range batches {
		start := uint32(0)
		for _, n := range bt.names {
			if n.value.entry != entry {
				entry = n.value.entry
				seen.reset()
			}
			b.add(seen.id, bt.toks[start:n.end], n.value)
			start = n.end
		}
		bt.toks, bt.names = bt.toks[:0], bt.names[:0]
		free <- bt
	}
	m.trie = b.build(m.vocab.Len() + 1)
	m.vocab.Compact() // sized for names, it holds far fewer tokens
	m.buildFirsts()
	return m
}

// nameBatch holds the names of a run of entries as normalized tokens, from
// the goroutine that tokenizes them to the one that interns them.
type nameBatch struct {
	toks  []string
	names []batchName
}

// batchName is a name of a nameBatch: its tokens end at toks[end] and
// start where those of the name before end.
type batchName struct {
	end   uint32
	value value
}

// Batches in flight between the two goroutines of Compile, and the
// entries in each.
const (
	nameBatches     = 4
	entriesPerBatch = 1024
)

func (bt *nameBatch) addName(v value) {
	bt.names = append(bt.names, batchName{end: uint32(len(bt.toks)), value: v})
}

// tokenizeNames sends the names of m's entries, in order, in batches taken
// from free, and closes batches after the last. It also makes the
// vocalized names (m.marks) and the context phrases (m.context).
func (m *Matcher) tokenizeNames(batches chan<- *nameBatch, free <-chan *nameBatch) {
	defer close(batches)
	var scratch []arabic.Token
	var toks []string
	bt := <-free
	for i := range m.entries {
		e := &m.entries[i]
		for k := -2; k < len(e.Aliases); k++ {
			name := e.name(k)
			start := len(bt.toks)
			scratch, bt.toks = m.appendNormTokens(scratch, bt.toks, name)
			v := newValue(int32(i), FormName, m.vocalized(name))
			if !hasCompound(bt.toks[start:]) {
				bt.addName(v)
				continue
			}
			variants := nameVariants(slices.Clone(bt.toks[start:]))
			bt.toks = bt.toks[:start]
			for _, variant := range variants {
				bt.toks = append(bt.toks, variant...)
				bt.addName(v)
			}
		}
		for _, d := range e.Demonyms {
			scratch, toks = m.appendNormTokens(scratch, toks[:0], d)
			v := newValue(int32(i), FormAdjective, m.vocalized(d))
			for _, form := range demonymForms(toks) {
				bt.toks = append(bt.toks, form...)
				bt.addName(v)
			}
		}
		favour, against := m.stemPhrases(e.Context.Favour), m.stemPhrases(e.Context.Against)
		if favour != nil || against != nil {
			m.context[i] = context{favour: favour, against: against}
		}
		if (i+1)%entriesPerBatch == 0 {
			batches <- bt
			bt = <-free
		}
	}
	batches <- bt
}

// entryTokens interns the tokens of one entry's names, which share many
// tokens (an alias that adds the article, the variants of a compound, the
// forms of a demonym): a token already seen in the entry takes its id from
// a short list, in the processor's cache, instead of the vocabulary's hash
// table, whose slots and strings of millions of tokens are not.
type entryTokens struct {
	vocab *intern.Table
	toks  []string
	ids   []uint32
}

// maxEntryTokens bounds the list, so that an entry with many names does
// not make the search slower than the hash table.
const maxEntryTokens = 32

func (c *entryTokens) reset() { c.toks, c.ids = c.toks[:0], c.ids[:0] }

// id returns the vocabulary id of t, adding t when it is new.
func (c *entryTokens) id(t string) uint32 {
	for k, s := range c.toks {
		if s == t {
			return c.ids[k]
		}
	}
	id := c.vocab.Add(t)
	if len(c.toks) < maxEntryTokens {
		c.toks, c.ids = append(c.toks, t), append(c.ids, id)
	}
	return id
}

// name returns the entry's names that are matched as names: for k = -2 its
// Arabic name, for -1 its English name, then its aliases.
func (e *Entry) name(k int) string {
	switch k {
	case -2:
		return e.NameAr
	case -1:
		return e.Name
	}
	return e.Aliases[k]
}

// appendNormTokens appends to out the normalized forms of the tokens of s,
// leaving out tokens that normalize to nothing, and returns scratch, which
// it reuses for the tokens, and out.
func (m *Matcher) appendNormTokens(scratch []arabic.Token, out []string, s string) ([]arabic.Token, []string) {
	scratch = m.tok.AppendTokens(scratch[:0], s)
	for _, t := range scratch {
		if t.Norm != "" {
			out = appendPossessive(out, t)
		}
	}
	return scratch, out
}

// appendPossessive appends the Norm of t to out, as two forms when t is
// a Latin word with a possessive 's or ’s (Moody's: moody and 's), as
// english.SplitPossessives cuts the tokens of a text, so that a name
// written with one matches the text.
func appendPossessive(out []string, t arabic.Token) []string {
	if t.Kind == arabic.Latin {
		for _, end := range [...]string{"'s", "’s"} {
			if len(t.Norm) > len(end) && strings.HasSuffix(t.Norm, end) {
				return append(out, t.Norm[:len(t.Norm)-len(end)], "'s")
			}
		}
	}
	return append(out, t.Norm)
}

// normTokens returns the normalized forms of the tokens of s, leaving out
// tokens that normalize to nothing.
func (m *Matcher) normTokens(s string) []string {
	_, toks := m.appendNormTokens(nil, nil, s)
	return toks
}

// stemPhrases turns context phrases into sequences of light stems.
func (m *Matcher) stemPhrases(phrases []string) [][]string {
	var out [][]string
	for _, p := range phrases {
		toks := m.normTokens(p)
		for i, t := range toks {
			toks[i] = arabic.Stem(t)
		}
		if len(toks) > 0 {
			out = append(out, toks)
		}
	}
	return out
}

// child returns the node reached from node by token t, or 0.
func (m *Matcher) child(node uint32, t string) uint32 {
	id := m.vocab.ID(t)
	if id == 0 {
		return 0
	}
	return m.trie.child(node, id)
}

// childID is child given the token's vocabulary id (0 for a token no name
// holds).
func (m *Matcher) childID(node, id uint32) uint32 {
	if id == 0 {
		return 0
	}
	return m.trie.child(node, id)
}

// Compound words that news writes both joined and split.
var (
	compoundHeads = []string{"عبد", "ابو"}              // عبد الله / عبدالله, أبو ظبي / أبوظبي
	compoundTails = []string{"الله", "الدين", "الرحمن"} // الجار الله / الجارالله
)

// nameVariants returns toks and its variants with the compounds joined or
// split, without duplicates.
func nameVariants(toks []string) [][]string {
	out := [][]string{toks}
	if !hasCompound(toks) {
		return out
	}
	seen := map[string]bool{strings.Join(toks, " "): true}
	add := func(v []string) {
		if k := strings.Join(v, " "); !seen[k] {
			seen[k] = true
			out = append(out, v)
		}
	}
	// Each pass joins or splits one compound of each variant so far; two
	// passes cover names such as عبد الله أبو X.
	for range 2 {
		for _, v := range out {
			for i, t := range v {
				if i+1 < len(v) && (isOneOf(t, compoundHeads) || isOneOf(v[i+1], compoundTails)) {
					add(joined(v, i))
				}
				if h, rest := splitCompound(t); h != "" {
					add(split(v, i, h, rest))
				}
			}
		}
	}
	return out
}

// hasCompound reports whether toks hold a compound to join or split. It
// is called for every name and must be cheap: a token takes part in a
// compound only when it starts with the first letter of a head (ع or ا)
// or ends with the last letter of a tail (ه or ن), a test of two bytes
// that most tokens fail.
func hasCompound(toks []string) bool {
	for i, t := range toks {
		if !mayCompound(t) {
			continue
		}
		if i+1 < len(toks) && isOneOf(t, compoundHeads) {
			return true
		}
		if i > 0 && isOneOf(t, compoundTails) {
			return true
		}
		if h, _ := splitCompound(t); h != "" {
			return true
		}
	}
	return false
}

// mayCompound reports whether t may be, or hold, a head or a tail of
// compoundHeads and compoundTails: whether it starts with ع or ا, or ends
// with ه or ن (TestMayCompound checks the lists against this).
func mayCompound(t string) bool {
	if len(t) < 6 {
		return false // every head and tail has three letters or more
	}
	if t[0] == 0xD8 && (t[1] == 0xB9 || t[1] == 0xA7) { // ع ا
		return true
	}
	return t[len(t)-2] == 0xD9 && (t[len(t)-1] == 0x87 || t[len(t)-1] == 0x86) // ه ن
}

// splitCompound splits a joined compound token into its two words, or
// returns "" when t is none.
func splitCompound(t string) (string, string) {
	for _, h := range compoundHeads {
		if rest, ok := strings.CutPrefix(t, h); ok && len(rest) >= 4 {
			return h, rest
		}
	}
	for _, tail := range compoundTails {
		if head, ok := strings.CutSuffix(t, tail); ok && len(head) >= 4 {
			return head, tail
		}
	}
	return "", ""
}

func joined(v []string, i int) []string {
	out := append([]string(nil), v[:i]...)
	out = append(out, v[i]+v[i+1])
	return append(out, v[i+2:]...)
}

func split(v []string, i int, a, b string) []string {
	out := append([]string(nil), v[:i]...)
	out = append(out, a, b)
	return append(out, v[i+1:]...)
}

func isOneOf(s string, list []string) bool {
	for _, x := range list {
		if s == x {
			return true
		}
	}
	return false
}

// nisbaSuffixes inflect a nisba adjective ending in ي: feminine (ة, which
// normalizes to ه), masculine plural (nominative, oblique), feminine plural,
// and dual.
var nisbaSuffixes = []string{"", "ه", "ون", "ين", "ات", "ان", "تان", "تين"}

// demonymForms returns the forms of a demonym: each nisba inflection of its
// tokens that end in ي, each with and without the article.
func demonymForms(toks []string) [][]string {
	if len(toks) == 0 {
		return nil
	}
	var out [][]string
	for _, suf := range nisbaSuffixes {
		if suf != "" && !strings.HasSuffix(toks[len(toks)-1], "ي") {
			break
		}
		plain := make([]string, len(toks))
		withArticle := make([]string, len(toks))
		for i, t := range toks {
			if strings.HasSuffix(t, "ي") {
				t += suf
			}
			plain[i] = t
			if strings.HasPrefix(t, "ال") {
				withArticle[i] = t
			} else {
				withArticle[i] = "ال" + t
			}
		}
		out = append(out, plain, withArticle)
	}
	return out
}

// vocalized returns the index in m.marks of s when s carries tashkeel,
// adding it, and 0 otherwise.
func (m *Matcher) vocalized(s string) int32 {
	if hasTashkeel(s) && len(m.marks) < maxMarks {
		m.marks = append(m.marks, s)
		return int32(len(m.marks) - 1)
	}
	return 0
}

// hasTashkeel reports whether s holds a mark from U+064B to U+0652, in
// UTF-8 the bytes D9 8B to D9 92, without decoding s: a byte 0x8B to
// 0x92 after 0xD9 is always such a mark, in valid UTF-8 or not.
func hasTashkeel(s string) bool {
	for i := 1; i < len(s); i++ {
		if s[i]-0x8B <= 0x92-0x8B && s[i-1] == 0xD9 {
			return true
		}
	}
	return false
}
