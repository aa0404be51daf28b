package entities

import (
	"context"
	"math"
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

// The learned tagger joins recognition at one place: after the rules and
// the gazetteer have made their candidates, and before the overlaps are
// resolved (selectInto). It reads, beside the words, what the rules and
// the gazetteer found (as nerfeat hints), and decides where their evidence
// is weak: a rule's name stays only when the model tags the same tokens
// with the same type, and then takes the model's probability as its score;
// the model's other names are added (source model). What the lists know
// well wins: every gazetteer name and demonym stays, and where the model's
// name covers the same tokens as a gazetteer name, the gazetteer's mention
// (its type, entity and clitics) is kept, as it is where the model's name
// has the tokens of a gazetteer match whose edges the lists moved in
// (trimName: مدينة غزة gives غزة). But a place's name (not a country's)
// that the model tags as an organization becomes one, with the model's
// score and no entity: a club or a newspaper named after the place
// (docs/GUIDELINES.md, rule 8). Overlaps are then resolved as
// without a model: the longest name first, then a gazetteer name.
//
// A model name's score is the least marginal probability of its labels
// (tagger.Model.TagProb), at the temperature chosen on a dev split when
// the model was trained; docs/QUALITY.md shows how well it matches the
// precision observed.

// model is the tagger and how it is used.
type model struct {
	m    *tagger.Model
	only bool // only the model's names (Options.ModelOnly)
}

// taggerScratch holds the buffers of the tagger's part of one
// recognition (the tagger's own, the tokens' strings, the hashed features,
// the spans found), pooled with the rest of the scratch.
type taggerScratch struct {
	tag                       tagger.Scratch
	labels                    hintLabelCache
	words, hints, raws, lists []string          // per token
	pieces                    [][2]int          // first and end token
	seen                      map[string]string // the document's hinted words, for training
	docSeen                   nerfeat.Seen      // the same, when tagging
	feats                     []*nerfeat.Word   // per token, when tagging
	scorer                    *nerfeat.Scorer
	tspans                    []tagger.Span
	spans                     []modelSpan
	rules                     []mention // the rules' own selection, for the hints
	taken                     []bool
	same, startsAt            map[int]int
	used                      []bool
	out                       []mention // withModel's list, swapped with its input
	order                     []int32   // selectInto's
}

// modelSpan is a name the model found: tokens [first, end).
type modelSpan struct {
	first, end int
	typ        gazetteer.Type
	prob       float64
}

// TaggerSentence is one sentence as the tagger sees it: the tokens
// [FirstToken, EndToken) of the analysis and their features.
type TaggerSentence struct {
	FirstToken, EndToken int
	Features             [][]string
	scores               []int64 // the model's emission scores, when tagging
}

// TaggerFeatures returns the sentences of a with the features that
// Recognize gives its tagger model, computed from the rules' and the
// gazetteer's mentions alone: what a model is trained on (see
// extract.NERExamples).
func (r *Recognizer) TaggerFeatures(a *arabic.Analysis) []TaggerSentence {
	var out []TaggerSentence
	r.recognize(context.Background(), nil, a, &out) // Background is never done
	return out
}

// hintKey names a hint label: a rule's or the gazetteer's candidate (raw:
// a gazetteer match, which has no source), its type, source and form, and
// whether the token begins it.
type hintKey struct {
	typ        gazetteer.Type
	source     pipeline.Source
	form       gazetteer.Form
	begin, raw bool
}

// hintLabels makes the hint labels of the tagger's features once for the
// Recognizer's life, rather than once per mention: "B-"+type+"/"+source+
// "/"+form for a rule's candidate, "B-"+type+"/"+form for a gazetteer
// match ("I-" inside). It holds one string per key met: a few dozen, as
// keys are made of types, sources and forms. Safe for concurrent use.
type hintLabels struct {
	mu sync.RWMutex
	m  map[hintKey]string
}

// fill gives the tokens [first, end) of dst that have no label yet the
// labels of key: B- for first, I- for the others, each looked up once,
// in c first.
func (h *hintLabels) fill(c *hintLabelCache, dst []string, first, end int, key hintKey) {
	in := ""
	for k := first; k < end; k++ {
		if dst[k] != "" {
			continue
		}
		if k == first {
			key.begin = true
			dst[k] = c.label(h, key)
			continue
		}
		if in == "" {
			key.begin = false
			in = c.label(h, key)
		}
		dst[k] = in
	}
}

// hintLabelCache keeps, for one goroutine (a scratch's), the labels of a
// hintLabels last looked up, each in a slot of its key: found again
// without the lock and the map's hashing of the key's two strings.
type hintLabelCache struct {
	slots [64]struct {
		key   hintKey
		label string
	}
}

// label returns h.label(k), from c when c has it.
func (c *hintLabelCache) label(h *hintLabels, k hintKey) string {
	s := &c.slots[k.slot()%uint(len(c.slots))]
	if s.label != "" && s.key == k {
		return s.label
	}
	s.key, s.label = k, h.label(k)
	return s.label
}

// slot returns a number of k's fields for hintLabelCache, which keys of
// different types, sources, forms or positions mostly differ in.
func (k hintKey) slot() uint {
	x := uint(len(k.source))*3 + uint(k.form)*11
	if k.typ != "" {
		x += uint(k.typ[0]) * 7
	}
	if k.begin {
		x++
	}
	if k.raw {
		x += 2
	}
	return x
}

func (h *hintLabels) label(k hintKey) string {
	h.mu.RLock()
	l, ok := h.m[k]
	h.mu.RUnlock()
	if ok {
		return l
	}
	l = "I-"
	if k.begin {
		l = "B-"
	}
	l += string(k.typ) + "/"
	if !k.raw {
		l += string(k.source) + "/"
	}
	l += k.form.String()
	h.mu.Lock()
	if h.m == nil {
		h.m = map[hintKey]string{}
	}
	h.m[k] = l
	h.mu.Unlock()
	return l
}

// maxTaggerTokens bounds the tokens the tagger reads at once. A longer
// sentence (a list, or a text without punctuation: not a sentence of
// news) is tagged in pieces of that many tokens, so that the features,
// some 25 strings a token, never grow with the article.
const maxTaggerTokens = 1024

// eachTaggerSentence calls fn with each sentence of d's analysis (or piece
// of a sentence, see maxTaggerTokens), in order, with the features the
// tagger reads, from the candidates the rules and the gazetteer made. The
// features are made one sentence at a time, so that a long article does
// not hold them all at once. It returns ctx's error when ctx is done
// (looked at before each sentence).
// With a model, the features are summed into its emission scores
// (TaggerSentence.scores); otherwise they are the strings, for training.
// ts holds the buffers.
func (d article) eachTaggerSentence(ctx context.Context, names gazNames, cands []mention, mm *model, ts *taggerScratch, fn func(TaggerSentence)) error {
	a := d.a
	// What the rules alone would output: the hints.
	// selectInto sorts indices, not cands: it reads them in place.
	ts.taken = reuse.Resize(ts.taken, len(a.Tokens), false)
	ts.rules, ts.taken = selectInto(ts.rules[:0], cands, ts.taken, &ts.order)
	rules := d.shortForms(ts.rules)
	ts.rules = rules // shortForms may have grown it
	// The strings of every token, made once: its hint, its raw hint (a
	// gazetteer match), its word lists, and for training the word (the
	// model reads the lexemes' nerfeat.Words).
	labels := &d.r.hintLabels
	ts.hints = reuse.Resize(ts.hints, len(a.Tokens), "")
	ts.raws = reuse.Resize(ts.raws, len(a.Tokens), "")
	ts.lists = reuse.Resize(ts.lists, len(a.Tokens), "")
	hints, raws, lists := ts.hints, ts.raws, ts.lists
	var words []string
	if mm != nil {
		ts.feats = reuse.Resize(ts.feats, len(a.Tokens), nil)
		for k, l := range d.lex {
			ts.feats[k], lists[k] = l.feat, l.lists
		}
		if ts.scorer == nil || ts.scorer.Model() != mm.m {
			ts.scorer = nerfeat.NewScorer(mm.m)
		}
	} else {
		ts.words = reuse.Resize(ts.words, len(a.Tokens), "")
		words = ts.words
		for k := range a.Tokens {
			words[k], lists[k] = a.Tokens[k].Text(a.Text), d.lex[k].lists
		}
	}
	x := d.r.words.Extractor()
	for i := range rules {
		m := &rules[i]
		labels.fill(&ts.labels, hints, m.first, m.end, hintKey{typ: m.typ, source: m.source, form: m.form})
	}
	for _, gm := range names.matches {
		if len(gm.Candidates) == 0 {
			continue
		}
		c := gm.Candidates[0]
		labels.fill(&ts.labels, raws, gm.FirstToken, gm.EndToken, hintKey{typ: c.Entry.Type, form: c.Form, raw: true})
	}
	ts.pieces = ts.pieces[:0]
	for _, s := range a.Sentences {
		for first := s.FirstToken; first < s.EndToken; first += maxTaggerTokens {
			ts.pieces = append(ts.pieces, [2]int{first, min(first+maxTaggerTokens, s.EndToken)})
		}
	}
	// A word hinted anywhere is a feature everywhere: note them all first.
	if ts.seen == nil {
		ts.seen = map[string]string{}
	}
	clear(ts.seen)
	seen := ts.seen
	ts.docSeen.Reset()
	if mm != nil {
		ts.scorer.Load(ts.feats)
	}
	for i, p := range ts.pieces {
		if i%checkEvery == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		if mm != nil {
			ts.docSeen.NoteWords(ts.feats[p[0]:p[1]], hints[p[0]:p[1]])
		} else {
			x.NoteHints(seen, words[p[0]:p[1]], hints[p[0]:p[1]])
		}
	}
	for _, p := range ts.pieces {
		if err := ctx.Err(); err != nil {
			return err
		}
		h, r, l := hints[p[0]:p[1]], raws[p[0]:p[1]], lists[p[0]:p[1]]
		if mm != nil {
			// fn uses the scores before the next sentence: their array is reused.
			e := ts.scorer.Sentence(&ts.tag, ts.feats[p[0]:p[1]], h, r, l, &ts.docSeen)
			fn(TaggerSentence{FirstToken: p[0], EndToken: p[1], scores: e})
			continue
		}
		f := x.HintedSentence(words[p[0]:p[1]], h, r, l, seen)
		fn(TaggerSentence{FirstToken: p[0], EndToken: p[1], Features: f})
	}
	return nil
}

// release drops what ts holds of an article (the words are its text) and
// of the features, once the article is done.
func (ts *taggerScratch) release() {
	// Each article's buffers are cleared at its end: the lengths suffice.
	clear(ts.words)
	clear(ts.feats)
	clear(ts.rules)
	clear(ts.seen)
	ts.docSeen.Reset()
	clear(ts.same)
	clear(ts.startsAt)
}

// minModelProb is the least probability of a name that only the model
// found (not one the lists also name): on the dev splits of ANERcorp and
// AQMAR, such names below 0.5 were right 22% and 26% of the time.
const minModelProb = 0.5

// A name whose tokens the model tagged (a model name, or a rule's name it
// confirmed) has as score its probability p mapped by calibrate:
// σ(calSlope·logit(p) + calBias). The model's probability is of its own
// labels; the join keeps its names where the lists found less, where it
// is wrong more often than p says. The two were fitted (Platt scaling,
// least log loss) on such names held out of training by 5-fold CV of the
// default's recipe over the first 90% of ANERcorp train and over AQMAR
// train (2,258 names), and checked on both dev splits (docs/QUALITY.md,
// "Calibrated scores"). The map keeps the order of the scores, and the
// cut at minModelProb reads p, so it changes no mention but its score.
const (
	calSlope = 0.42
	calBias  = 0.11
)

// calibrate returns the score of a name of the join whose least marginal
// probability is p (see calSlope); the model alone (Options.ModelOnly)
// keeps its probability.
func (mm *model) calibrate(p float64) float64 {
	if mm.only || p <= 0 || p >= 1 {
		return p
	}
	return 1 / (1 + math.Exp(-(calSlope*math.Log(p/(1-p)) + calBias)))
}

// modelTypes maps the tagger's types onto the gazetteer's; MISC and
// other types are not output.
var modelTypes = map[string]gazetteer.Type{"PERS": gazetteer.Person, "LOC": gazetteer.Location, "ORG": gazetteer.Org}

// withModel returns the candidates once the tagger has had its say (see
// the comment at the top of this file).
func (d article) withModel(ctx context.Context, names gazNames, cands []mention, collect *[]TaggerSentence) ([]mention, error) {
	mm := d.r.model
	if mm == nil && collect == nil {
		return cands, nil
	}
	ts := &d.scr.tagger
	defer ts.release()
	if collect != nil {
		err := d.eachTaggerSentence(ctx, names, cands, nil, ts, func(s TaggerSentence) { *collect = append(*collect, s) })
		return cands, err
	}
	// Candidates by their tokens (first·(tokens+1)+end), and the first
	// token of each.
	if ts.same == nil {
		ts.same, ts.startsAt = map[int]int{}, map[int]int{}
	}
	same, startsAt := ts.same, ts.startsAt
	width := len(d.a.Tokens) + 1
	for i, c := range cands {
		k := c.first*width + c.end
		if j, ok := same[k]; !ok || cands[j].source != pipeline.SourceGazetteer {
			same[k] = i
		}
		if _, ok := startsAt[c.first]; !ok {
			startsAt[c.first] = i
		}
	}
	// The model's spans, in order; they never overlap, as the sentences
	// do not.
	spans := ts.spans[:0]
	err := d.eachTaggerSentence(ctx, names, cands, mm, ts, func(s TaggerSentence) {
		labels := mm.m.TagScores(&ts.tag, s.scores)
		ts.tspans = tagger.AppendSpans(ts.tspans[:0], labels)
		// The probabilities of the tokens from the first span kept whose
		// probability is read below to the end of the last, if any: a
		// span on the tokens of a gazetteer name is that name, whatever
		// its probability (but for a place read as an organization), and
		// forward-backward costs more than Viterbi.
		from, to := -1, -1
		for _, sp := range ts.tspans {
			typ, ok := modelTypes[sp.Type]
			if ok && d.needsProb(s.FirstToken+sp.Start, s.FirstToken+sp.End, typ, cands, same, width) {
				if from < 0 {
					from = sp.Start
				}
				to = sp.End
			}
		}
		var prob []float64
		if from >= 0 {
			prob = mm.m.MarginalsScoresIn(&ts.tag, s.scores, from, to)
		}
		for _, sp := range ts.tspans {
			typ, ok := modelTypes[sp.Type]
			if !ok {
				continue
			}
			p := 0.0 // a span whose probability is not read (needsProb)
			if sp.End <= to && sp.Start >= from {
				p = 1
				for i := sp.Start; i < sp.End; i++ {
					p = min(p, prob[i])
				}
			}
			spans = append(spans, modelSpan{s.FirstToken + sp.Start, s.FirstToken + sp.End, typ, p})
		}
	})
	ts.spans = spans
	if err != nil {
		return nil, err
	}
	// out is the list of the article before; cands becomes the next one's
	// (recognize keeps the list returned here as its candidates' buffer).
	out := slices.Grow(ts.out[:0], len(cands)+len(spans))
	ts.used = reuse.Resize(ts.used, len(cands), false)
	used := ts.used
	for _, sp := range spans {
		i, placeAsOrg, keep := d.sameTokens(sp.first, sp.end, sp.typ, cands, same, width)
		if placeAsOrg && sp.prob >= minModelProb {
			// A place's name the model reads as an organization: a club
			// or a newspaper named after it (docs/GUIDELINES.md, rules 7
			// and 8: فاز مانشستر، « الشرق الأوسط »). A country's name stays
			// the country's, as a national team's is.
			c := cands[i]
			c.typ, c.source, c.score, c.entity, c.cands = gazetteer.Org, pipeline.SourceModel, mm.calibrate(sp.prob), noEntity, nil
			c.key = d.key(c.first, c.end, d.proclitics(&c))
			used[i] = true
			out = append(out, c)
			continue
		}
		if keep {
			// The lists name the same tokens: their mention, which knows
			// its clitics and its entity; a rule's takes the model's score.
			c := cands[i]
			if c.source != pipeline.SourceGazetteer {
				c.score = mm.calibrate(sp.prob)
			}
			used[i] = true
			out = append(out, c)
			continue
		}
		if sp.prob < minModelProb && !mm.only {
			continue
		}
		if !mm.only && (d.trimmedMatch(names, sp, cands, same, width) || sp.typ == gazetteer.Person && d.pluralAdjective(sp.first, sp.end)) {
			continue
		}
		if m, ok := d.modelMention(sp.first, sp.end, sp.typ, mm.calibrate(sp.prob), cands, startsAt); ok {
			out = append(out, m)
		}
	}
	if mm.only {
		ts.out = dropMentions(cands)
		return out, nil
	}
	for i, c := range cands {
		if used[i] {
			continue
		}
		// The gazetteer's names and demonyms stay; a rule's name the model
		// did not confirm goes: on the dev split, dropping them gained 0.5
		// points of micro F1 on ANERcorp and AQMAR both, where keeping those
		// the model tags nothing over lost them.
		if c.source == pipeline.SourceGazetteer {
			out = append(out, c)
		}
	}
	ts.out = dropMentions(cands)
	return out, nil
}

// dropMentions clears the mentions of the candidates withModel read and
// returns their array, empty, as the next article's out: what lies beyond
// their length is clear already (the candidates were written from the
// array's start, and every list this array held before was cleared at its
// length in turn, here or by putScratch), so clearing the whole capacity,
// the largest article's, is not needed.
func dropMentions(cands []mention) []mention {
	clear(cands)
	return cands[:0]
}

// sameTokens returns the candidate on the tokens [first, end) of the
// model's span of type typ, which withModel weighs against the span (i is
// -1 when there is none, or the model is alone: Options.ModelOnly).
// placeAsOrg says it is a gazetteer place the model reads as an
// organization (a club or a newspaper named after it, taken when the
// model is sure enough); keep, that the lists' mention stays otherwise: a
// gazetteer name, or a mention of the same type. same maps the
// candidates' tokens as withModel makes it.
func (d article) sameTokens(first, end int, typ gazetteer.Type, cands []mention, same map[int]int, width int) (i int, placeAsOrg, keep bool) {
	i, ok := same[first*width+end]
	if !ok || d.r.model.only {
		return -1, false, false
	}
	c := &cands[i]
	gaz := c.source == pipeline.SourceGazetteer
	return i, gaz && c.typ == gazetteer.Location && typ == gazetteer.Org, gaz && c.form == gazetteer.FormName || sameType(typ, c.typ)
}

// needsProb reports whether withModel reads the probability of the
// model's span of type typ over tokens [first, end): not when it keeps a
// gazetteer's mention on the same tokens as it is (see sameTokens).
func (d article) needsProb(first, end int, typ gazetteer.Type, cands []mention, same map[int]int, width int) bool {
	i, placeAsOrg, keep := d.sameTokens(first, end, typ, cands, same, width)
	return i < 0 || placeAsOrg || !keep || cands[i].source != pipeline.SourceGazetteer
}

// trimmedMatch reports whether the model's span sp is a gazetteer name
// of the lists with words that docs/GUIDELINES.md leaves outside around
// it (see trimName): a kind-of-place head or نادي before it, a demonym or
// an epithet after it (نادي ليفربول الإنجليزي around ليفربول, مدينة غزة
// around غزة). The gazetteer's mention stands, and the model's longer
// name would only undo the edges. same maps the candidates' tokens as
// withModel makes it.
func (d article) trimmedMatch(names gazNames, sp modelSpan, cands []mention, same map[int]int, width int) bool {
	for f := sp.first; f < sp.end; f++ {
		for e := f + 1; e <= sp.end; e++ {
			if f == sp.first && e == sp.end {
				continue
			}
			j, ok := same[f*width+e]
			if !ok || cands[j].source != pipeline.SourceGazetteer || cands[j].form != gazetteer.FormName {
				continue
			}
			edges := true
			for k := sp.first; k < sp.end && edges; k++ {
				if k < f {
					edges = d.outsideBefore(k)
				} else if k >= e {
					edges = names.endsInDemonym(k+1) || d.r.rules.epithets[d.a.Tokens[k].Norm]
				}
			}
			if edges {
				return true
			}
		}
	}
	return false
}

// outsideBefore reports whether token k is a word that the guideline
// leaves outside before a name: a kind-of-place head (مدينة) or نادي.
func (d article) outsideBefore(k int) bool {
	for _, seg := range d.stems(k) {
		if d.r.rules.kindHeads[seg.Stem] || seg.Stem == "نادي" {
			return true
		}
	}
	return false
}

// pluralAdjective reports whether the tokens [first, end) are one word
// that is a definite sound masculine plural (ال…ين or ال…ون: المسلمين،
// الأوروبيين) right after a definite word: an adjective that agrees with
// the noun before it (الشباب المسلمين، العلماء الأوروبيين), which names no
// one (docs/GUIDELINES.md, Types), as demonymAfterNoun reads a country's
// name after its noun. A given name with the article (الحسين، المأمون)
// is a name, and so is a family name of that shape after a title (السفير
// الخيارين); a plural after a noun that is not definite (يد
// المسلمين) or after و (المسيحيين والمسلمين) is left to the model: AQMAR
// tags peoples and dynasties so.
func (d article) pluralAdjective(first, end int) bool {
	if end-first != 1 || first == 0 || d.a.Tokens[first-1].Kind != arabic.Word || !d.lex[first-1].has(lexDefinite) || d.lex[first-1].has(lexTitle) {
		return false
	}
	stem, ok := strings.CutPrefix(d.a.Tokens[first].Norm, "ال")
	if !ok || d.r.rules.given[stem] {
		return false
	}
	for _, suf := range []string{"ين", "ون"} {
		if base, ok := strings.CutSuffix(stem, suf); ok && utf8.RuneCountInString(base) >= 3 {
			return true
		}
	}
	return false
}

// sameType reports whether the model's type t agrees with a candidate's:
// the model's LOC is the gazetteer's Location or Country.
func sameType(t, c gazetteer.Type) bool {
	return t == c || t == gazetteer.Location && c == gazetteer.Country
}

// modelMention makes the mention of a model span over tokens [first, end):
// the proclitics of its first token left outside, as the rules do.
func (d article) modelMention(first, end int, typ gazetteer.Type, prob float64, cands []mention, startsAt map[int]int) (mention, bool) {
	a := d.a
	for first < end && a.Tokens[first].Kind == arabic.Punct {
		first++
	}
	for end > first && a.Tokens[end-1].Kind == arabic.Punct {
		end--
	}
	if first == end {
		return mention{}, false
	}
	t, last := a.Tokens[first], a.Tokens[end-1]
	start, runeStart := t.Start, t.RuneStart
	var procl string
	if i, ok := startsAt[first]; ok {
		// A candidate of the lists starts on the same token: it knows
		// where the name starts (بداعش gives داعش).
		c := cands[i]
		start, runeStart = c.Start, c.RuneStart
		procl = d.a.Text[t.Start:c.Start]
	} else if procl = d.modelProclitics(first); procl != "" {
		start += len(procl)
		runeStart += utf8.RuneCountInString(procl)
	}
	m := mention{
		Offsets: arabic.Offsets{Start: start, End: last.End, RuneStart: runeStart, RuneEnd: last.RuneEnd},
		first:   first, end: end, typ: typ, form: gazetteer.FormName,
		source: pipeline.SourceModel, score: prob, entity: noEntity,
	}
	m.key = d.key(first, end, arabic.Normalize(procl))
	if m.key == "" {
		return mention{}, false
	}
	return m, true
}

// modelProclitics returns the written proclitics to leave out of a model
// mention that starts at token k: و or ف before a word whose rest is
// known (a name word, or the article), and ب, ل or ك before the article.
// The tagger was trained on corpora that do not split clitics; the
// project's mentions leave them out.
func (d article) modelProclitics(k int) string {
	t := d.a.Tokens[k]
	text := d.a.Text[t.Start:t.End]
	norm := t.Norm
	var procl string
	if rest, ok := strings.CutPrefix(norm, "و"); ok && d.knownRest(rest) {
		procl, norm = "و", rest
	} else if rest, ok := strings.CutPrefix(norm, "ف"); ok && strings.HasPrefix(rest, "ال") {
		procl, norm = "ف", rest
	}
	for _, p := range []string{"ب", "ك", "ل"} {
		if rest, ok := strings.CutPrefix(norm, p); ok && (strings.HasPrefix(rest, "ال") || p == "ل" && strings.HasPrefix(rest, "ل")) {
			procl += p
			break
		}
	}
	// The written form starts with the same letters (the folds leave
	// و ف ب ك ل alone).
	if !strings.HasPrefix(text, procl) {
		return ""
	}
	return procl
}

// knownRest reports whether w, a word after the conjunction و, is the
// start of a name: it has the article or the lists know it.
func (d article) knownRest(w string) bool {
	if utf8.RuneCountInString(w) < 3 {
		return false
	}
	for _, p := range []string{"ال", "بال", "كال", "لل"} {
		if strings.HasPrefix(w, p) {
			return true
		}
	}
	rr := d.r.rules
	return rr.given[w] || d.r.personWords[w] || len(d.r.gaz.Lookup(w)) > 0
}

// listCode sums up the word lists of the rules that hold the word l, or
// one of its clitic readings, as letters (the tagger's "l=" features): G a given name, g one after a
// proclitic, T a title's first word, V a verb of saying, O an
// organization head, P a place head, F a filler, K a name connector, N a
// word of a gazetteer person's name, C a common word, S a stop word. fw
// are the facts of l's normalized form (rules.facts), procl those of the
// stems of its readings after a proclitic, or-ed together: newLexeme has
// looked them up. The codes are shared strings (listCodes).
func listCode(l *lexeme, fw, procl wordFact) string {
	var code uint
	add := func(ok bool, bit uint) {
		if ok {
			code |= bit
		}
	}
	add(l.has(lexGiven), 1<<0)
	add(procl&factGiven != 0 && !l.has(lexGiven), 1<<1)
	add(l.has(lexTitle) || procl&factTitle != 0, 1<<2)
	add(l.has(lexSpeechVerb), 1<<3)
	add((fw|procl)&factOrgHead != 0, 1<<4)
	add(fw&factPlaceHead != 0, 1<<5)
	add(l.has(lexFiller), 1<<6)
	add(fw&factConnector != 0, 1<<7)
	add(fw&factPersonWord != 0, 1<<8)
	add(l.has(lexCommon), 1<<9)
	add(l.has(lexStop), 1<<10)
	return listCodes()[code]
}

// listCodes returns the codes of listCode, by their bits: bit i is the
// letter i of listLetters.
var listCodes = sync.OnceValue(func() *[1 << len(listLetters)]string {
	var codes [1 << len(listLetters)]string
	for code := range codes {
		var b []byte
		for i := range len(listLetters) {
			if code&(1<<i) != 0 {
				b = append(b, listLetters[i])
			}
		}
		codes[code] = string(b)
	}
	return &codes
})

// listLetters are the letters of listCode, in their order.
const listLetters = "GgTVOPFKNCS"
