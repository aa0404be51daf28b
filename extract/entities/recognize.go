package entities

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/alam-nlp/alam/arabic"
	"github.com/alam-nlp/alam/extract/nerfeat"
	"github.com/alam-nlp/alam/gazetteer"
	"github.com/alam-nlp/alam/internal/reuse"
	"github.com/alam-nlp/alam/pipeline"
	"github.com/alam-nlp/alam/tagger"
)

// A Recognizer finds the people, countries, places and organizations named
// in analyzed text: the names of a gazetteer, the demonyms that point at its
// countries, and names that rules find after titles and heads. It is
// immutable and safe for concurrent use.
type Recognizer struct {
	gaz   *gazetteer.Matcher
	tok   *arabic.Tokenizer
	rules *rules
	// personWords are the words of the gazetteer's people's names.
	personWords set
	// NoRules turns the rules off: only gazetteer names are found.
	noRules bool
	// vocab holds the lexemes of the surface forms met, bounded; it is
	// the one part that changes, behind its own lock.
	vocab *vocab
	// scratch pools the buffers of recognition between articles.
	scratch sync.Pool
	// model is the learned tagger, or nil (see model.go); words caches
	// the analyses of the words its features read (and TaggerFeatures').
	model *model
	words *nerfeat.Lexicon
	// hintLabels are the labels of the tagger's hint features.
	hintLabels hintLabels
}

// Options configure a Recognizer; the zero value is the default.
type Options struct {
	// NoRules finds only the names of the gazetteer.
	NoRules bool
	// Model, if set, is a tagger trained on the features of TaggerFeatures
	// (nerfeat.Version): its names join the candidates of the gazetteer
	// and the rules (see TaggerFeatures and extract.NERExamples).
	Model *tagger.Model
	// ModelOnly, with Model, finds only the model's names: to score the
	// model alone.
	ModelOnly bool
	// Clusters are the word clusters the tagger's features read (nil for
	// none): the ones Model was trained with (its feature set names them,
	// nerfeat.FeatureSet).
	Clusters *nerfeat.Clusters
}

// New returns a Recognizer over the compiled gazetteer m.
func New(m *gazetteer.Matcher, opt Options) (*Recognizer, error) {
	tok := arabic.NewTokenizer(arabic.Default)
	rr, err := loadRules(tok)
	if err != nil {
		return nil, err
	}
	r := &Recognizer{gaz: m, tok: tok, rules: rr, noRules: opt.NoRules, personWords: set{}, words: nerfeat.NewLexicon(opt.Clusters)}
	if opt.Model != nil {
		if fs, want := opt.Model.Info().FeatureSet, nerfeat.FeatureSet(opt.Clusters); fs != want {
			return nil, fmt.Errorf("entities: the tagger model was trained on features %q; these are %q", fs, want)
		}
		r.model = &model{m: opt.Model, only: opt.ModelOnly}
	}
	r.vocab = newVocab(defaultVocabSize)
	for i := range m.Entries() {
		e := &m.Entries()[i]
		if e.Type != gazetteer.Person {
			continue
		}
		for _, name := range append([]string{e.NameAr}, e.Aliases...) {
			for _, w := range normWords(tok, name) {
				if !arabic.IsStopWord(w) && !rr.connectors[w] && utf8.RuneCountInString(w) >= minNameRunes {
					r.personWords[w] = true
				}
			}
		}
	}
	rr.addFacts(r.personWords)
	return r, nil
}

// Recognize returns the mentions of a, in text order, and the entities
// they denote, in the order of their first mention. Overlapping candidates
// are resolved: the longest wins, then a gazetteer name over a rule's, then
// a name over a demonym. An ambiguous gazetteer name is decided by the
// context words of its entries and by a rule's type for the same span.
// When that evidence does not single one entry out, the name is left out,
// unless the tied entries share a type: then it is a mention of that type
// with an entity of its own (person:~رايس, score 0.5). A person's
// last name after the full name refers to the same person (آلن after جون
// آلن).
func (r *Recognizer) Recognize(a *arabic.Analysis) []Mention {
	out, _ := r.RecognizeContext(context.Background(), a) // Background is never done
	return out
}

// checkEvery is how many sentences, matches or tokens pass between two
// looks at the context in RecognizeContext.
const checkEvery = 256

// RecognizeContext is Recognize that gives up when ctx is done: it returns
// ctx's error and no mentions. The context is checked between sentences
// and rules and every few hundred matches, so that a long article does not
// hold up a cancelled run.
func (r *Recognizer) RecognizeContext(ctx context.Context, a *arabic.Analysis) ([]Mention, error) {
	return r.recognize(ctx, nil, a, nil)
}

// AppendContext is RecognizeContext that appends the mentions to dst and
// returns the extended slice (dst on an error): a caller that drops the
// mentions of each article once it has read them can keep one array for
// them.
func (r *Recognizer) AppendContext(ctx context.Context, dst []Mention, a *arabic.Analysis) ([]Mention, error) {
	return r.recognize(ctx, dst, a, nil)
}

// recognize is AppendContext (RecognizeContext for a nil dst); with
// collect set, it stores there the tagger's input instead of running the
// model (see TaggerFeatures).
func (r *Recognizer) recognize(ctx context.Context, dst []Mention, a *arabic.Analysis, collect *[]TaggerSentence) ([]Mention, error) {
	scr := r.getScratch()
	defer r.putScratch(scr)
	d := r.newArticle(a, scr)
	names, cands, err := d.candidates(ctx)
	defer func() { scr.cands = cands }() // cleared at its length by putScratch
	if err != nil {
		return dst, err
	}
	// 5b. The learned tagger's names, if there is a model (model.go).
	if cands, err = d.withModel(ctx, names, cands, collect); err != nil {
		return dst, err
	}
	// 6. The candidates that win their overlaps.
	scr.taken = reuse.Resize(scr.taken, len(a.Tokens), false)
	chosen, _ := selectInto(slices.Grow(scr.chosen[:0], len(cands)), cands, scr.taken, &scr.order)
	scr.chosen = chosen[:0]
	// 7. People's short forms after their full names.
	chosen = d.shortForms(chosen)
	// The last look: ctx's error comes with no mentions (dst as it was).
	if err := ctx.Err(); err != nil {
		return dst, err
	}
	out := dst
	if out == nil {
		out = make([]Mention, 0, len(chosen))
	}
	for i := range chosen {
		out = append(out, chosen[i].public())
	}
	return out, nil
}

// candidates makes the gazetteer's names of d and the candidates of the
// rules and the gazetteer (steps 1 to 5 of recognize), in d's scratch
// (the candidates in its cands).
func (d article) candidates(ctx context.Context) (gazNames, []mention, error) {
	r := d.r
	// 1. The gazetteer's names, and the longest one over each token.
	names, err := d.findGazNames(ctx)
	if err != nil {
		return names, d.scr.cands[:0], err
	}
	// Most candidates are gazetteer matches: made at about its final size,
	// the list is not copied as it grows (a mention takes 144 bytes).
	cands := slices.Grow(d.scr.cands[:0], len(names.matches)+len(names.matches)/4)
	if !r.noRules {
		// 2. Organizations after a head: the other rules read them.
		if cands, err = (orgFinder{d, names}).orgCandidates(ctx, cands); err != nil {
			return names, cands, err
		}
		inOrg := d.orgTokens(cands)
		// 3. The class of every token as a word of a person's name.
		classes := d.tokenClasses(names, inOrg)
		// 4. Places after a head; people after a title, by a given name,
		// after a verb of saying.
		if cands, err = (nameFinder{d, names, inOrg, classes}).personPlaceCandidates(ctx, cands); err != nil {
			return names, cands, err
		}
	}
	// 5. Each gazetteer name becomes a mention of one entry, or none.
	if cands, err = d.decisions(ctx, names, cands); err != nil {
		return names, cands, err
	}
	return names, cands, nil
}

// commonWord reports whether a one-word gazetteer match is also a common
// word, with or without its article (البيضاء، الجزيرة).
func (d article) commonWord(gm gazetteer.Match) bool {
	if gm.EndToken-gm.FirstToken != 1 {
		return false
	}
	w := d.a.Tokens[gm.FirstToken].Norm
	if gm.Proclitics != "" {
		w = strings.TrimPrefix(w, gm.Proclitics)
	}
	return d.r.rules.isCommon(w) || d.r.rules.isCommon(strings.TrimPrefix(w, "ال"))
}

// decide turns a gazetteer match into a mention of one entry, or reports
// false when the evidence rules every entry out or does not single one out.
// ruleType is the type a rule gave the same span, if any.
func (d article) decide(gm gazetteer.Match, ev *gazetteer.Evidence, ruleType gazetteer.Type) (mention, bool) {
	if p := gm.Proclitics; strings.HasSuffix(p, "ال") || strings.HasSuffix(p, "لل") {
		var ok bool
		if gm, ok = d.withArticle(gm); !ok {
			return mention{}, false
		}
	}
	type scored struct {
		c      gazetteer.Candidate
		favour int
	}
	var keep []scored
	for _, c := range gm.Candidates {
		favour, against := ev.Count(c.Index, gm)
		if c.Vocalized {
			// The writer's tashkeel outweighs the words around the name.
			favour, against = favour+1, 0
		}
		if against == 0 {
			keep = append(keep, scored{c, favour})
		}
	}
	if len(keep) > 1 && ruleType != typeNone {
		var typed []scored
		for _, s := range keep {
			if s.c.Entry.Type == ruleType {
				typed = append(typed, s)
			}
		}
		if len(typed) > 0 {
			keep = typed
		}
	}
	if len(keep) > 1 {
		slices.SortStableFunc(keep, func(x, y scored) int { return y.favour - x.favour })
		if keep[0].favour == keep[1].favour {
			// Too weak to choose an entry. When the tied entries are all
			// of one type and form (رايس: two people), the mention is
			// still certain: it gets the type and an entity of its own.
			tied := keep[:1]
			for _, s := range keep[1:] {
				if s.favour == keep[0].favour {
					tied = append(tied, s)
				}
			}
			c := tied[0].c
			for _, s := range tied[1:] {
				if s.c.Entry.Type != c.Entry.Type || s.c.Form != c.Form {
					return mention{}, false
				}
			}
			if keep[0].favour == 0 && d.commonWord(gm) {
				// البيضاء with nothing for either town is the adjective.
				return mention{}, false
			}
			m := mention{
				Offsets: gm.Offsets, first: gm.FirstToken, end: gm.EndToken,
				typ: c.Entry.Type, form: c.Form, source: pipeline.SourceGazetteer, score: scoreUndecided,
				cands: gm.Candidates, entity: noEntity,
			}
			m.key = d.key(gm.FirstToken, gm.EndToken, gm.Proclitics)
			return m, true
		}
		keep = keep[:1]
	}
	if len(keep) == 0 {
		return mention{}, false
	}
	score := scoreGazetteer
	if len(gm.Candidates) > 1 {
		score = scoreResolved
	}
	c := keep[0].c
	return mention{
		Offsets: gm.Offsets, first: gm.FirstToken, end: gm.EndToken,
		typ: c.Entry.Type, form: c.Form, source: pipeline.SourceGazetteer, score: score,
		cands: gm.Candidates, entity: c.Index,
	}, true
}

// selectInto appends to out (empty: its array is reused) the candidates
// that win their overlaps, in text order: the longest first, then
// gazetteer names before rules' names, then names before demonyms, then
// the earliest. It marks the tokens taken
// in taken (all false, one per token), and returns both. order is scratch
// space: the candidates' order is sorted, not the candidates (a mention
// is 144 bytes), which are left as they were; a stable sort gives one
// order whatever it moves.
func selectInto(out, cands []mention, taken []bool, order *[]int32) ([]mention, []bool) {
	ord := (*order)[:0]
	for i := range cands {
		ord = append(ord, int32(i))
	}
	*order = ord
	// The comparison returns at the first key that differs (cmp.Or would
	// compute all four).
	slices.SortStableFunc(ord, func(i, j int32) int {
		x, y := &cands[i], &cands[j]
		if c := cmp.Compare(y.runes(), x.runes()); c != 0 {
			return c
		}
		if c := cmp.Compare(sourceRank(x.source), sourceRank(y.source)); c != 0 {
			return c
		}
		if c := cmp.Compare(x.form, y.form); c != 0 {
			return c
		}
		return cmp.Compare(x.Start, y.Start)
	})
	// The winners' indices, kept in ord's first places, are sorted into
	// text order, then copied: the sort makes the same moves on indices
	// as it would on the mentions (it only reads the comparisons).
	won := ord[:0]
	for _, i := range ord {
		c := &cands[i]
		free := true
		for k := c.first; k < c.end && free; k++ {
			free = !taken[k]
		}
		if !free {
			continue
		}
		for k := c.first; k < c.end; k++ {
			taken[k] = true
		}
		won = append(won, i)
	}
	slices.SortFunc(won, func(i, j int32) int { return cmp.Compare(cands[i].Start, cands[j].Start) })
	for _, i := range won {
		out = append(out, cands[i])
	}
	return out, taken
}

// withArticle returns the gazetteer match gm, read after the article
// (المالي as ال + مالي, الألمانية as ال + ألمانية), as docs/GUIDELINES.md
// has it (rule 2: the article is inside): a name is not found inside a
// word with the article (المالي is "financial", not Mali), so only the
// demonyms stay, with the article moved inside (الألمانية). It reports
// false when no candidate is left.
func (d article) withArticle(gm gazetteer.Match) (gazetteer.Match, bool) {
	var adj []gazetteer.Candidate
	for _, c := range gm.Candidates {
		if c.Form == gazetteer.FormAdjective {
			adj = append(adj, c)
		}
	}
	if len(adj) == 0 {
		return gm, false
	}
	gm.Candidates = adj
	// Back over the article's letters as written: ال, or the ل of لل
	// (للألمانية gives لألمانية, as للتحالف gives لتحالف).
	back := "ال"
	if strings.HasSuffix(gm.Proclitics, "لل") {
		back = "ل"
	}
	if gm.Start >= len(back) && d.a.Text[gm.Start-len(back):gm.Start] == back {
		gm.Start -= len(back)
		gm.RuneStart -= utf8.RuneCountInString(back)
		gm.Proclitics = strings.TrimSuffix(gm.Proclitics, back)
	}
	return gm, true
}

func sourceRank(s pipeline.Source) int {
	if s == pipeline.SourceGazetteer {
		return 0
	}
	return 1
}

// shortForm is a way to refer to a person met earlier: the person's mention
// and where the full name ends.
type shortForm struct {
	m     *mention
	after int // bytes: the short form counts after this offset
}

// shortScratch holds the buffers of shortForms, pooled with the rest of
// the recognition's scratch.
type shortScratch struct {
	opts            arabic.SegmentOptions // Keep is firstWords.has
	keys            map[string]*shortForm
	ambiguous       map[string]bool
	loose           map[int]int
	firstWords      set
	forms           []shortForm
	words, firsts   []string
	taken, replaced []bool
	// The tails of the article's tokens (see tokenTail), made by the
	// first call of shortForms on an article and read by the next (with a
	// model, the hints' and the output's): empty until then.
	tails []uint16
}

// release drops what the buffers hold of an article (its strings, its
// mentions).
func (sc *shortScratch) release() {
	sc.reset(0)
	sc.tails = sc.tails[:0]
	clear(sc.words[:cap(sc.words)])
	clear(sc.firsts[:cap(sc.firsts)])
}

// reset empties the buffers for an article of n chosen mentions.
func (sc *shortScratch) reset(n int) {
	if sc.keys == nil {
		sc.keys, sc.ambiguous, sc.loose, sc.firstWords = map[string]*shortForm{}, map[string]bool{}, map[int]int{}, set{}
		// Made once: a method value allocates.
		sc.opts = arabic.SegmentOptions{Keep: sc.firstWords.has, NoEnclitics: true}
	}
	clear(sc.keys)
	clear(sc.ambiguous)
	clear(sc.loose)
	clear(sc.firstWords)
	clear(sc.forms)
	if cap(sc.forms) < n {
		sc.forms = make([]shortForm, 0, n)
	}
	sc.forms = sc.forms[:0]
}

// mayEndIn reports whether a reading of the normalized word w without
// enclitics (arabic.Tokenizer.AppendSegmentsWith) may have one of stems
// as its stem: such a stem is w, or w without its proclitics (an end of
// w), or after لل the article restored (ا and an end of w). When it
// reports false, no reading has one of stems, and w need not be read.
func mayEndIn(w string, stems []string) bool {
	for _, s := range stems {
		if strings.HasSuffix(w, s) {
			return true
		}
		if rest, ok := strings.CutPrefix(s, "ا"); ok && strings.HasSuffix(w, rest) {
			return true
		}
	}
	return false
}

// A token's tail is what mayEndIn's filter reads of it: the last byte of
// its normalized form, tailEmpty for a word whose form is empty, or
// tailNone for a token that is not a word.
const (
	tailEmpty = 256
	tailNone  = 257
)

// tokenTails returns the tails of d's tokens, made once an article.
func (d article) tokenTails() []uint16 {
	sc := &d.scr.short
	if len(sc.tails) == len(d.a.Tokens) && len(sc.tails) > 0 {
		return sc.tails
	}
	tails := reuse.Resize(sc.tails, len(d.a.Tokens), 0)
	for k := range d.a.Tokens {
		t := &d.a.Tokens[k]
		switch {
		case t.Kind != arabic.Word:
			tails[k] = tailNone
		case t.Norm == "":
			tails[k] = tailEmpty
		default:
			tails[k] = uint16(t.Norm[len(t.Norm)-1])
		}
	}
	sc.tails = tails
	return tails
}

// tailFilter is a set of tails: those of the words for which mayEndIn may
// report true.
type tailFilter [5]uint64

func (f *tailFilter) add(t uint16)      { f[t>>6] |= 1 << (t & 63) }
func (f *tailFilter) has(t uint16) bool { return f[t>>6]&(1<<(t&63)) != 0 }

// mayEndInFilter returns the tails of the words w for which mayEndIn(w,
// stems) may be true: an end of w is a stem or a stem without its first
// ا, so w's last byte is that of a stem; a stem that is empty or ا is an
// end of every word (tailNone is never in the set).
func mayEndInFilter(stems []string) tailFilter {
	var f tailFilter
	for _, s := range stems {
		if s == "" || s == "ا" {
			for t := range uint16(tailEmpty + 1) {
				f.add(t)
			}
			break
		}
		f.add(uint16(s[len(s)-1]))
	}
	return f
}

// shortForms adds the mentions of people by their last name after their
// full name (آلن after جون آلن, ستينغل after ريك ستينغل).
func (d article) shortForms(chosen []mention) []mention {
	rr := d.r.rules
	sc := &d.scr.short
	sc.reset(len(chosen))
	keys, ambiguous := sc.keys, sc.ambiguous
	words := sc.words
	defer func() { sc.words = words }()
	for i := range chosen {
		m := &chosen[i]
		if m.typ != gazetteer.Person || m.end-m.first < 2 {
			continue
		}
		words = d.words(words[:0], m.first, m.end, d.proclitics(m))
		key := words[len(words)-1]
		if len(words) > 2 && isCompoundTail(key) {
			key = words[len(words)-2] + " " + key // الجار الله
		}
		if utf8.RuneCountInString(key) < 3 || arabic.IsStopWord(key) || rr.shortFormStops[key] || rr.givenAmbiguous[key] {
			continue
		}
		if other, ok := keys[key]; ok {
			if !sameEntity(other.m, m) {
				ambiguous[key] = true
			}
			continue
		}
		if last := d.lex[m.end-1]; key == last.norm {
			if last.knownOther(d.r) {
				continue
			}
		} else if d.knownOther(key) {
			continue
		}
		sc.forms = append(sc.forms, shortForm{m: m, after: m.End}) // never grows: cap len(chosen)
		keys[key] = &sc.forms[len(sc.forms)-1]
	}
	for k := range ambiguous {
		delete(keys, k)
	}
	if len(keys) == 0 {
		return chosen
	}
	// A one-word person the rules found (وقال هانت) may be the short form
	// of a full name met earlier: such a token stays free, and a short
	// form found there replaces the rule's mention.
	sc.taken = reuse.Resize(sc.taken, len(d.a.Tokens), false)
	sc.replaced = reuse.Resize(sc.replaced, len(chosen), false)
	taken, replaced := sc.taken, sc.replaced
	loose := sc.loose // token → index in chosen of its one-word rule person
	for i, m := range chosen {
		if m.source != pipeline.SourceGazetteer && m.typ == gazetteer.Person && m.end-m.first == 1 {
			loose[m.first] = i
			continue
		}
		for k := m.first; k < m.end; k++ {
			taken[k] = true
		}
	}
	firstWords := sc.firstWords
	firsts := sc.firsts[:0]
	defer func() { sc.firsts = firsts }()
	for key := range keys {
		w, _, _ := strings.Cut(key, " ") // its first word: keys join words with one space
		if !firstWords[w] {
			firstWords[w] = true
			firsts = append(firsts, w)
		}
	}
	out := chosen
	opts := sc.opts
	tails, filter := d.tokenTails(), mayEndInFilter(firsts)
	for k, tail := range tails {
		// The filter first: a tail is 2 bytes, a Token 56.
		if !filter.has(tail) || taken[k] || !mayEndIn(d.a.Tokens[k].Norm, firsts) {
			continue
		}
		segs := d.r.tok.AppendSegmentsWith(d.scr.segs[:0], d.a.Text, d.a.Tokens[k], opts)
		d.scr.segs = segs
		for _, seg := range segs {
			if seg.Enclitic != "" || !firstWords[seg.Stem] {
				continue
			}
			sf, end := d.shortFormAt(keys, seg, k, taken)
			if sf == nil {
				continue
			}
			last := d.a.Tokens[end-1]
			out = append(out, mention{
				Offsets: arabic.Offsets{Start: seg.Start, End: last.End, RuneStart: seg.RuneStart, RuneEnd: last.RuneEnd},
				first:   k, end: end,
				typ: gazetteer.Person, form: gazetteer.FormName, source: sf.m.source,
				score: scoreShortForm * sf.m.score, entity: sf.m.entity, key: sf.m.key,
			})
			for t := k; t < end; t++ {
				taken[t] = true
				if i, ok := loose[t]; ok {
					replaced[i] = true
				}
			}
			break
		}
	}
	if len(out) == len(chosen) {
		// No short form found, none replaced: chosen is in text order
		// (selectInto's), on tokens of its own each, so that the sort
		// below would leave it as it is.
		return out
	}
	// Drop the replaced rule mentions, in place: out starts with chosen.
	kept := out[:0]
	for i, m := range out {
		if i >= len(replaced) || !replaced[i] {
			kept = append(kept, m)
		}
	}
	out = kept
	slices.SortFunc(out, func(x, y mention) int { return cmp.Compare(x.Start, y.Start) })
	return out
}

// shortFormAt returns the short form that the reading seg of token k
// starts, trying a two-word short form first, and the end of its tokens;
// or nil.
func (d article) shortFormAt(keys map[string]*shortForm, seg arabic.Segmentation, k int, taken []bool) (*shortForm, int) {
	if n := k + 1; n < len(d.a.Tokens) && !taken[n] && d.a.SentenceOf(n) == d.a.SentenceOf(k) {
		if sf, ok := keys[seg.Stem+" "+d.a.Tokens[n].Norm]; ok && sf.after <= seg.Start {
			return sf, n + 1
		}
	}
	if sf, ok := keys[seg.Stem]; ok && sf.after <= seg.Start {
		return sf, k + 1
	}
	return nil, 0
}

// knownOther reports whether the gazetteer knows key as the name of
// something other than a person.
func (d article) knownOther(key string) bool {
	for _, c := range d.r.gaz.Lookup(key) {
		if c.Entry.Type != gazetteer.Person {
			return true
		}
	}
	return false
}

func isCompoundTail(w string) bool {
	return w == "الله" || w == "الدين" || w == "الرحمن"
}

// sameEntity reports whether two mentions name the same entity: the same
// gazetteer entry, or, both found by a rule, the same type and key.
func sameEntity(a, b *mention) bool {
	if a.entity != noEntity || b.entity != noEntity {
		return a.entity == b.entity
	}
	return a.typ == b.typ && a.key == b.key
}

// EntityID returns the id of a mention's entity: the gazetteer entry's
// id, or for a name found by the rules its type and normalized name,
// marked with ~: person:~ريك-ستينغل.
func (r *Recognizer) EntityID(m *Mention) string {
	if m.Entry != NoEntry {
		return r.gaz.Entries()[m.Entry].ID
	}
	// One string, written once: the prefix, ":~" and the key with its
	// spaces as hyphens.
	prefix := idPrefix[m.Type]
	var b strings.Builder
	b.Grow(len(prefix) + 2 + len(m.Key))
	b.WriteString(prefix)
	b.WriteString(":~")
	for i := 0; i < len(m.Key); i++ {
		c := m.Key[i]
		if c == ' ' {
			c = '-'
		}
		b.WriteByte(c)
	}
	return b.String()
}

// AppendEntityID appends the id of a mention's entity, as EntityID
// returns it, to dst and returns the extended buffer: a caller that
// compares ids can do so without making a string of each.
func (r *Recognizer) AppendEntityID(dst []byte, m *Mention) []byte {
	if m.Entry != NoEntry {
		return append(dst, r.gaz.Entries()[m.Entry].ID...)
	}
	dst = append(dst, idPrefix[m.Type]...)
	dst = append(dst, ":~"...)
	for i := 0; i < len(m.Key); i++ {
		c := m.Key[i]
		if c == ' ' {
			c = '-'
		}
		dst = append(dst, c)
	}
	return dst
}

// idPrefix is the prefix of the ids of the entities that a rule found, by
// type.
var idPrefix = map[gazetteer.Type]string{
	gazetteer.Person: "person", gazetteer.Org: "org", gazetteer.Location: "place", gazetteer.Country: "country",
}

// Matcher returns the recognizer's compiled gazetteer.
func (r *Recognizer) Matcher() *gazetteer.Matcher { return r.gaz }

// Entries returns the entries of the recognizer's gazetteer; Mention.Entry
// indexes it.
func (r *Recognizer) Entries() []gazetteer.Entry { return r.gaz.Entries() }

// proclitics returns the normalized letters of m's first token before m.
func (d article) proclitics(m *mention) string {
	t := d.a.Tokens[m.first]
	if m.Start == t.Start {
		return ""
	}
	return arabic.Normalize(d.a.Text[t.Start:m.Start])
}

// trimName moves the edges of the gazetteer's name m to where
// docs/GUIDELINES.md puts them. A place head that only says what kind of
// place follows is outside (rule 6): مدينة غزة gives غزة, linked to the
// same entry, unless the rest is one given name (مدينة عيسى); so is the
// word نادي before a club's name (rule 8). A demonym
// after an organization's or a place's own name is outside too (rule 7):
// بنفيكا البرتغالي gives بنفيكا and the demonym, when the rest is a name
// of the same entry and the organization is not named by its head
// (وزارة الخارجية الكويتية, حزب الله اللبناني stay whole); and so is an
// epithet after a place's or a country's name (rule 6): مكة المكرمة gives
// مكة and الصين الشعبية gives الصين, where the rest is a name of the
// entry, and مشهد المقدسة gives مشهد, where the entry has the rest after a
// kind head (مدينة مشهد); but المدينة المنورة stays whole.
func (d article) trimName(m mention, g gazNames) mention {
	if m.end-m.first < 2 || m.entity == noEntity {
		return m
	}
	rr := d.r.rules
	if m.typ == gazetteer.Location {
		for _, seg := range d.stems(m.first) {
			if !rr.kindHeads[seg.Stem] {
				continue
			}
			next := d.a.Tokens[m.first+1]
			if next.Kind == arabic.Punct || m.end-m.first == 2 && rr.given[next.Norm] {
				return m
			}
			m.first++
			m.Start, m.RuneStart = next.Start, next.RuneStart
			return m
		}
	}
	if m.typ == gazetteer.Org && d.r.gaz.Entries()[m.entity].Attrs["kind"] == "club" {
		// نادي before a club's name is outside (rule 8): نادي السد gives السد.
		for _, seg := range d.stems(m.first) {
			if seg.Stem == "نادي" {
				next := d.a.Tokens[m.first+1]
				m.first++
				m.Start, m.RuneStart = next.Start, next.RuneStart
				break
			}
		}
		if m.end-m.first < 2 {
			return m
		}
	}
	epithet := rr.epithets[d.a.Tokens[m.end-1].Norm]
	switch {
	case m.typ == gazetteer.Country && epithet:
		// الصين الشعبية gives الصين; a demonym after a country's name
		// stays (جمهورية مصر العربية).
	case m.typ != gazetteer.Org && m.typ != gazetteer.Location || !g.endsInDemonym(m.end) && !epithet:
		return m
	}
	if m.typ == gazetteer.Org {
		for _, seg := range d.stems(m.first) {
			if rr.orgHeads[seg.Stem] || rr.orgHeads[strings.TrimPrefix(seg.Stem, "ال")] {
				return m // البنك التجاري القطري
			}
		}
	}
	last := d.a.Tokens[m.end-2]
	rest := d.a.Text[m.Start:last.End]
	named := d.namesEntry(rest, m.entity)
	if !named && m.typ == gazetteer.Location && epithet {
		// مشهد المقدسة: the gazetteer has مشهد only after a kind head
		// (مدينة مشهد, as مشهد alone is "scene"), which says it is the
		// city's own name (rule 6: مدينة [مشهد]).
		for h := range rr.kindHeads {
			if named = d.namesEntry(h+" "+rest, m.entity); named {
				break
			}
		}
	}
	if named {
		m.end--
		m.End, m.RuneEnd = last.End, last.RuneEnd
	}
	return m
}

// demonymAfterNoun makes the one-word name of a country that is also its
// demonym's feminine form (السعودية, سعودي) a demonym (form adjective),
// right after a definite noun that ends in ة: an adjective after its noun
// agrees with it, so الحكومة السعودية and العاصمة السعودية are "Saudi",
// not Saudi Arabia (docs/GUIDELINES.md, Types), while بقيادة السعودية and
// في السعودية are the country. A proclitic on the name (والسعودية) or
// العربية before it (العربية السعودية) leaves the name.
func (d article) demonymAfterNoun(m *mention) {
	if m.typ != gazetteer.Country || m.form != gazetteer.FormName || m.entity == noEntity ||
		m.end-m.first != 1 || m.first == 0 || m.Start != d.a.Tokens[m.first].Start {
		return
	}
	prev := d.a.Tokens[m.first-1]
	if !d.lex[m.first-1].has(lexDefinite) || !strings.HasSuffix(prev.Norm, "ه") || prev.Norm == "العربيه" {
		return
	}
	stem, definite := strings.CutPrefix(d.a.Tokens[m.first].Norm, "ال")
	stem, feminine := strings.CutSuffix(stem, "ه")
	if !definite || !feminine {
		return
	}
	for _, dem := range d.r.gaz.Entries()[m.entity].Demonyms {
		if arabic.Normalize(dem) == stem {
			m.form = gazetteer.FormAdjective
			return
		}
	}
}

// namesEntry reports whether name is a name (not a demonym) of the
// gazetteer's entry i.
func (d article) namesEntry(name string, i int) bool {
	for _, c := range d.r.gaz.Lookup(name) {
		if c.Index == i && c.Form == gazetteer.FormName {
			return true
		}
	}
	return false
}

// endsInDemonym reports whether a one-token demonym of the gazetteer
// covers token end-1.
func (g gazNames) endsInDemonym(end int) bool {
	k := end - 1
	i, _ := slices.BinarySearchFunc(g.matches, k, func(m gazetteer.Match, k int) int { return cmp.Compare(m.FirstToken, k) })
	for ; i < len(g.matches) && g.matches[i].FirstToken == k; i++ {
		m := g.matches[i]
		if m.EndToken == end && len(m.Candidates) > 0 && m.Candidates[0].Form == gazetteer.FormAdjective {
			return true
		}
	}
	return false
}
