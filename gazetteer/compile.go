package gazetteer

import (
	"strings"

	"github.com/alam-nlp/alam/arabic"
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
	vocab   map[string]uint32 // normalized token → token id, from 1
	words   []string          // token id → normalized token
	edges   map[uint64]uint32 // node<<32 | token id → child node
	heads   []int32           // node → its first value in values, or -1
	values  []value
	context []context // per entry
	marks   []string  // vocalized names; marks[0] is ""
}

// value is one entry that a trie node's name denotes.
type value struct {
	entry int32
	form  Form
	// marks indexes, in Matcher.marks, the name as written in the
	// gazetteer when it has tashkeel (عُمان، عمّان), to check against
	// vocalized text; 0 when the name has none.
	marks int32
	next  int32 // the next value of the same node, or -1
}

// context is an entry's context words, as sequences of light stems.
type context struct {
	favour, against [][]string
}

// Compile builds the matcher for the entries of g. The matcher refers to
// g's entries: do not change g afterwards.
func Compile(g *Gazetteer) *Matcher {
	// Size the tables for about three tokens a name, so that they are not
	// rehashed while they grow.
	names := 0
	for i := range g.Entries {
		e := &g.Entries[i]
		names += 2 + len(e.Aliases) + 2*len(nisbaSuffixes)*len(e.Demonyms)
	}
	m := &Matcher{
		tok:     arabic.NewTokenizer(arabic.Default),
		entries: g.Entries,
		vocab:   make(map[string]uint32, names),
		words:   []string{""}, // ids start at 1
		edges:   make(map[uint64]uint32, 3*names),
		heads:   make([]int32, 1, 3*names),
		values:  make([]value, 0, names),
		context: make([]context, len(g.Entries)),
		marks:   []string{""},
	}
	m.heads[0] = -1
	var scratch []arabic.Token
	for i := range m.entries {
		e := &m.entries[i]
		for k := -2; k < len(e.Aliases); k++ {
			name := e.name(k)
			var toks []string
			scratch, toks = m.keyTokens(scratch, name)
			for _, v := range nameVariants(toks) {
				m.insert(v, value{entry: int32(i), form: FormName, marks: m.vocalized(name)})
			}
		}
		for _, d := range e.Demonyms {
			var toks []string
			scratch, toks = m.keyTokens(scratch, d)
			for _, toks := range demonymForms(toks) {
				m.insert(toks, value{entry: int32(i), form: FormAdjective, marks: m.vocalized(d)})
			}
		}
		m.context[i] = context{favour: m.stemPhrases(e.Context.Favour), against: m.stemPhrases(e.Context.Against)}
	}
	m.words = nil // only needed to share strings while building
	return m
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

// keyTokens returns the normalized forms of the tokens of s, leaving out
// tokens that normalize to nothing. Forms already in the vocabulary are
// shared with it. scratch is reused for the tokens.
func (m *Matcher) keyTokens(scratch []arabic.Token, s string) ([]arabic.Token, []string) {
	scratch = m.tok.AppendTokens(scratch[:0], s)
	out := make([]string, 0, len(scratch))
	for _, t := range scratch {
		if t.Norm == "" {
			continue
		}
		if id, ok := m.vocab[t.Norm]; ok && m.words != nil {
			out = append(out, m.words[id])
		} else {
			out = append(out, t.Norm)
		}
	}
	return scratch, out
}

// normTokens returns the normalized forms of the tokens of s, leaving out
// tokens that normalize to nothing.
func (m *Matcher) normTokens(s string) []string {
	_, toks := m.keyTokens(nil, s)
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

// insert adds the name toks → v to the trie. A second value for the same
// entry at the same node is dropped, except that a name replaces an
// adjective (السعودية is the country's name and a demonym).
func (m *Matcher) insert(toks []string, v value) {
	if len(toks) == 0 {
		return
	}
	node := uint32(0)
	for _, t := range toks {
		id, ok := m.vocab[t]
		if !ok {
			id = uint32(len(m.words))
			m.vocab[t] = id
			m.words = append(m.words, t)
		}
		key := uint64(node)<<32 | uint64(id)
		child, ok := m.edges[key]
		if !ok {
			child = uint32(len(m.heads))
			m.edges[key] = child
			m.heads = append(m.heads, -1)
		}
		node = child
	}
	for k := m.heads[node]; k >= 0; k = m.values[k].next {
		if old := &m.values[k]; old.entry == v.entry {
			if old.form == FormAdjective && v.form == FormName {
				old.form, old.marks = FormName, v.marks
			}
			return
		}
	}
	v.next = m.heads[node]
	m.heads[node] = int32(len(m.values))
	m.values = append(m.values, v)
}

// child returns the node reached from node by token t, or 0.
func (m *Matcher) child(node uint32, t string) uint32 {
	id, ok := m.vocab[t]
	if !ok {
		return 0
	}
	return m.edges[uint64(node)<<32|uint64(id)]
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

// hasCompound reports whether toks hold a compound to join or split.
func hasCompound(toks []string) bool {
	for i, t := range toks {
		if i+1 < len(toks) && (isOneOf(t, compoundHeads) || isOneOf(toks[i+1], compoundTails)) {
			return true
		}
		if h, _ := splitCompound(t); h != "" {
			return true
		}
	}
	return false
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
	for _, r := range s {
		if r >= '\u064B' && r <= '\u0652' {
			m.marks = append(m.marks, s)
			return int32(len(m.marks) - 1)
		}
	}
	return 0
}
