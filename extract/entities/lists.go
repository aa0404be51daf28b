package entities

import (
	"bytes"
	"embed"
	"fmt"
	"hash/maphash"
	"maps"
	"slices"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/alam-nlp/alam/arabic"
)

// data holds the rules' word lists, written for alam (see the files'
// headers): triggers.yaml, given_names.txt and common_words.txt.
//
//go:embed data
var data embed.FS

// triggers are the word lists of the rules, as written in
// data/triggers.yaml.
type triggers struct {
	Version        int      `yaml:"version"`
	PersonTitles   []string `yaml:"person_titles"`
	PersonFillers  []string `yaml:"person_fillers"`
	NameStops      []string `yaml:"name_stops"`
	NameConnectors []string `yaml:"name_connectors"`
	OrgHeads       []string `yaml:"org_heads"`
	PlaceHeads     []string `yaml:"place_heads"`
	KindHeads      []string `yaml:"kind_heads"`
	Epithets       []string `yaml:"epithets"`
	PlacePrefixes  []string `yaml:"place_prefixes"`
	ShortFormStops []string `yaml:"short_form_stops"`
	NotNameWords   []string `yaml:"not_name_words"`
	OrgGeneric     []string `yaml:"org_generic"`
	SpeechVerbs    []string `yaml:"speech_verbs"`
}

// rules holds the compiled word lists. Every word is normalized.
type rules struct {
	titles         phrases
	placeHeads     phrases
	kindHeads      set // place heads that a gazetteer name leaves out (مدينة غزة → غزة)
	epithets       set // words of praise or state after a place's name (مكة المكرمة → مكة)
	fillers        set
	stops          set
	connectors     set
	orgHeads       set
	placePrefixes  set
	shortFormStops set
	notNameWords   set // given or family names that are mostly ordinary words
	orgGeneric     set // head and complement that name no one organization, words joined by a space
	speechVerbs    set // verbs of saying, with و or ف and without
	given          set // given names that start a name on their own
	givenAmbiguous set // given names that are also common words
	common         set // common words that are not names
	// facts holds, for every word of the lists above, the lists that
	// hold it (and whether a gazetteer person's name has it, see
	// Recognizer.personWords): a new lexeme looks its form up once rather
	// than in each list. Made by addFacts once the lists are complete.
	facts factTable
}

type set map[string]bool

// phrases maps the first word of each phrase to the phrases, as word
// lists, longest first.
type phrases map[string][][]string

func loadRules(tok *arabic.Tokenizer) (*rules, error) {
	triggersYAML, err := data.ReadFile("data/triggers.yaml")
	if err != nil {
		return nil, fmt.Errorf("entities: %w", err)
	}
	givenNames, err := data.ReadFile("data/given_names.txt")
	if err != nil {
		return nil, fmt.Errorf("entities: %w", err)
	}
	// The common words are optional.
	commonWords, _ := data.ReadFile("data/common_words.txt")
	var t triggers
	dec := yaml.NewDecoder(bytes.NewReader(triggersYAML))
	dec.KnownFields(true)
	if err := dec.Decode(&t); err != nil {
		return nil, fmt.Errorf("entities: data/triggers.yaml: %w", err)
	}
	if t.Version != 1 {
		return nil, fmt.Errorf("entities: data/triggers.yaml: version %d, want 1", t.Version)
	}
	r := &rules{
		titles:         makePhrases(tok, t.PersonTitles),
		placeHeads:     makePhrases(tok, t.PlaceHeads),
		kindHeads:      makeSet(tok, t.KindHeads),
		epithets:       makeSet(tok, t.Epithets),
		fillers:        makeSet(tok, t.PersonFillers),
		stops:          makeSet(tok, t.NameStops),
		connectors:     makeSet(tok, t.NameConnectors),
		orgHeads:       makeSet(tok, t.OrgHeads),
		placePrefixes:  makeSet(tok, t.PlacePrefixes),
		shortFormStops: makeSet(tok, t.ShortFormStops),
		notNameWords:   makeSet(tok, t.NotNameWords),
		orgGeneric:     makePhraseSet(tok, t.OrgGeneric),
		speechVerbs:    withConjunctions(makeSet(tok, t.SpeechVerbs)),
		given:          set{},
		givenAmbiguous: set{},
		common:         set{},
	}
	for w := range r.kindHeads {
		if r.placeHeads[w] == nil {
			return nil, fmt.Errorf("entities: data/triggers.yaml: kind head %q is not a place head", w)
		}
	}
	ambiguous := false
	for line := range strings.Lines(string(givenNames)) {
		line = strings.TrimSpace(line)
		switch {
		case line == "# ambiguous":
			ambiguous = true
		case line == "" || strings.HasPrefix(line, "#"):
		default:
			toks := normWords(tok, line)
			if len(toks) != 1 {
				continue // compound names: their first word is listed too
			}
			if ambiguous {
				r.givenAmbiguous[toks[0]] = true
			} else {
				r.given[toks[0]] = true
			}
		}
	}
	for line := range strings.Lines(string(commonWords)) {
		if line = strings.TrimSpace(line); line != "" && !strings.HasPrefix(line, "#") {
			for _, w := range normWords(tok, line) {
				r.common[w] = true
			}
		}
	}
	return r, nil
}

// wordFact is a set of the word lists of rules that hold a word.
type wordFact uint16

const (
	factCommon         wordFact = 1 << iota // common
	factNameStop                            // stops
	factFiller                              // fillers
	factTitle                               // titles (the first word of one)
	factOrgHead                             // orgHeads
	factPlaceHead                           // placeHeads (the first word of one)
	factSpeechVerb                          // speechVerbs
	factPlacePrefix                         // placePrefixes
	factGiven                               // given
	factGivenAmbiguous                      // givenAmbiguous
	factConnector                           // connectors
	factNotName                             // notNameWords
	factPersonWord                          // Recognizer.personWords

	// factCommonish are the lists of isCommon, which also holds the stop
	// words.
	factCommonish = factCommon | factNameStop | factFiller | factTitle | factOrgHead | factPlaceHead
)

// addFacts sets rr.facts from the lists and personWords.
func (rr *rules) addFacts(personWords set) {
	rr.facts = newFactTable()
	add := func(f wordFact, words set) {
		for w, ok := range words {
			if ok {
				rr.facts.add(w, f)
			}
		}
	}
	for _, p := range []struct {
		f wordFact
		m phrases
	}{{factTitle, rr.titles}, {factPlaceHead, rr.placeHeads}} {
		for w, list := range p.m {
			if list != nil {
				rr.facts.add(w, p.f)
			}
		}
	}
	add(factCommon, rr.common)
	add(factNameStop, rr.stops)
	add(factFiller, rr.fillers)
	add(factOrgHead, rr.orgHeads)
	add(factSpeechVerb, rr.speechVerbs)
	add(factPlacePrefix, rr.placePrefixes)
	add(factGiven, rr.given)
	add(factGivenAmbiguous, rr.givenAmbiguous)
	add(factConnector, rr.connectors)
	add(factNotName, rr.notNameWords)
	add(factPersonWord, personWords)
}

// A factTable maps the words of the rules' lists to their facts, with a
// filter in front of the map: a new lexeme looks up its form, its form
// after و and without ال, and the stem of each clitic reading, and most
// of them are words of no list. A lookup in the map of 20,053 words that misses was a cache miss
// on its control word (the lexemes a cold pass makes evict the map):
// mapaccess1_faststr was 9% of a cold pass of the vocabulary
// (BenchmarkLexemesCold). The filter, 32 KB, answers most misses from a
// word of its own, two bits of which every word of the map sets (a
// blocked Bloom filter: about 1 in 40 misses passes it, and the map
// answers those).
type factTable struct {
	m      map[string]wordFact
	seed   maphash.Seed
	filter []uint64 // factFilterWords words
}

// factFilterWords is the length of factTable.filter: 2^12 words of 64
// bits, 32 KB, for 20,053 words, five a filter word.
const (
	factFilterLog   = 12
	factFilterWords = 1 << factFilterLog
)

func newFactTable() factTable {
	return factTable{m: map[string]wordFact{}, seed: maphash.MakeSeed(), filter: make([]uint64, factFilterWords)}
}

// filterBits returns the filter word of w and its two bits there.
func (t *factTable) filterBits(w string) (int, uint64) {
	h := maphash.String(t.seed, w)
	return int(h >> (64 - factFilterLog)), 1<<(h&63) | 1<<(h>>6&63)
}

// add adds the facts f to those of w.
func (t *factTable) add(w string, f wordFact) {
	i, b := t.filterBits(w)
	t.filter[i] |= b
	t.m[w] |= f
}

// get returns the facts of w: 0 when no list holds it.
func (t *factTable) get(w string) wordFact {
	if len(t.filter) == 0 {
		return 0
	}
	if i, b := t.filterBits(w); t.filter[i]&b != b {
		return 0
	}
	return t.m[w]
}

// commonFact is isCommon(w) for the word w whose facts are f.
func commonFact(f wordFact, w string) bool {
	return f&factCommonish != 0 || arabic.IsStopWord(w)
}

// withConjunctions adds to s each of its words after و and after ف.
func withConjunctions(s set) set {
	for _, w := range slices.Collect(maps.Keys(s)) {
		s["و"+w], s["ف"+w] = true, true
	}
	return s
}

// normWords returns the normalized words of s.
func normWords(tok *arabic.Tokenizer, s string) []string {
	var out []string
	for _, t := range tok.Tokens(s) {
		if t.Norm != "" && t.Kind != arabic.Punct {
			out = append(out, t.Norm)
		}
	}
	return out
}

func makeSet(tok *arabic.Tokenizer, words []string) set {
	s := set{}
	for _, w := range words {
		if ws := normWords(tok, w); len(ws) == 1 {
			s[ws[0]] = true
		}
	}
	return s
}

// makePhraseSet returns the set of the phrases, normalized, their words
// joined by a space.
func makePhraseSet(tok *arabic.Tokenizer, list []string) set {
	s := set{}
	for _, p := range list {
		if ws := normWords(tok, p); len(ws) > 0 {
			s[strings.Join(ws, " ")] = true
		}
	}
	return s
}

func makePhrases(tok *arabic.Tokenizer, list []string) phrases {
	p := phrases{}
	for _, s := range list {
		ws := normWords(tok, s)
		if len(ws) == 0 {
			continue
		}
		p[ws[0]] = append(p[ws[0]], ws)
	}
	for _, list := range p {
		for i := 1; i < len(list); i++ {
			for j := i; j > 0 && len(list[j]) > len(list[j-1]); j-- {
				list[j], list[j-1] = list[j-1], list[j]
			}
		}
	}
	return p
}

// match returns the number of tokens of the longest phrase that starts
// with the stem first and goes on with the tokens of a from k+1, or 0.
func (p phrases) match(first string, a *arabic.Analysis, k, end int) int {
	for _, ph := range p[first] {
		if k+len(ph) > end {
			continue
		}
		ok := true
		for i := 1; i < len(ph); i++ {
			ok = ok && a.Tokens[k+i].Norm == ph[i]
		}
		if ok {
			return len(ph)
		}
	}
	return 0
}
