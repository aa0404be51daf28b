package entities

import (
	"context"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/alam-nlp/alam/arabic"
	"github.com/alam-nlp/alam/extract/nerfeat"
	"github.com/alam-nlp/alam/gazetteer"
	"github.com/alam-nlp/alam/pipeline"
	"github.com/alam-nlp/alam/tagger"
)

// The learned tagger joins recognition at one place: after the rules and
// the gazetteer have made their candidates, and before the overlaps are
// resolved (selectMentions). It reads, beside the words, what the rules and
// the gazetteer found (as nerfeat hints), and decides where their evidence
// is weak: a rule's name stays only when the model tags the same tokens
// with the same type, and then takes the model's probability as its score;
// the model's other names are added (source model). What the lists know
// well wins: every gazetteer name and demonym stays, and where the model's
// name covers the same tokens as a gazetteer name, the gazetteer's mention
// (its type, entity and clitics) is kept. Overlaps are then resolved as
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
	// scratch holds *tagger.Scratch: the tagger's buffers, taken by one
	// article's withModel for all its sentences and given back after.
	scratch sync.Pool
}

// TaggerSentence is one sentence as the tagger sees it: the tokens
// [FirstToken, EndToken) of the analysis and their features.
type TaggerSentence struct {
	FirstToken, EndToken int
	Features             [][]string
	hashes               [][]tagger.Hash // the features hashed, when tagging
}

// TaggerFeatures returns the sentences of a with the features that
// Recognize gives its tagger model, computed from the rules' and the
// gazetteer's mentions alone: what a model is trained on (see
// extract.NERExamples).
func (r *Recognizer) TaggerFeatures(a *arabic.Analysis) []TaggerSentence {
	var out []TaggerSentence
	r.recognize(context.Background(), a, &out) // Background is never done
	return out
}

// modelLabel is the hint label of a candidate: its type, source and form.
func hintLabel(m *mention) string {
	return string(m.typ) + "/" + string(m.source) + "/" + m.form.String()
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
// With hashed, the features are left hashed (TaggerSentence.hashes), for
// the model; otherwise they are the strings, for training.
func (d article) eachTaggerSentence(ctx context.Context, names gazNames, cands []mention, x *nerfeat.Extractor, hashed bool, fn func(TaggerSentence)) error {
	a := d.a
	// What the rules alone would output: the hints.
	rules := d.shortForms(selectMentions(append([]mention(nil), cands...), len(a.Tokens)))
	// The hints of each token, as indices into labels (0 for none): 8 bytes
	// a token where two strings took 32.
	labels := []string{""}
	index := map[string]int32{"": 0}
	label := func(s string) int32 {
		i, ok := index[s]
		if !ok {
			i = int32(len(labels))
			labels = append(labels, s)
			index[s] = i
		}
		return i
	}
	hint := make([]int32, len(a.Tokens))
	raw := make([]int32, len(a.Tokens))
	for i := range rules {
		m := &rules[i]
		b, in := label("B-"+hintLabel(m)), label("I-"+hintLabel(m))
		for k := m.first; k < m.end; k++ {
			if hint[k] == 0 {
				if k == m.first {
					hint[k] = b
				} else {
					hint[k] = in
				}
			}
		}
	}
	for _, gm := range names.matches {
		if len(gm.Candidates) == 0 {
			continue
		}
		c := gm.Candidates[0]
		l := string(c.Entry.Type) + "/" + c.Form.String()
		b, in := label("B-"+l), label("I-"+l)
		for k := gm.FirstToken; k < gm.EndToken; k++ {
			if raw[k] == 0 {
				if k == gm.FirstToken {
					raw[k] = b
				} else {
					raw[k] = in
				}
			}
		}
	}
	var pieces [][2]int // first and end token
	for _, s := range a.Sentences {
		for first := s.FirstToken; first < s.EndToken; first += maxTaggerTokens {
			pieces = append(pieces, [2]int{first, min(first+maxTaggerTokens, s.EndToken)})
		}
	}
	var wordBuf, hintBuf, rawBuf, listBuf []string
	var hashOut [][]tagger.Hash
	var hashBuf []tagger.Hash
	// strs returns the strings of a piece: the words, their hints, their
	// raw hints, in buffers that the next call reuses.
	strs := func(p [2]int) (words, hints, raws []string) {
		wordBuf, hintBuf, rawBuf, listBuf = wordBuf[:0], hintBuf[:0], rawBuf[:0], listBuf[:0]
		for k := p[0]; k < p[1]; k++ {
			wordBuf = append(wordBuf, a.Tokens[k].Text(a.Text))
			hintBuf = append(hintBuf, labels[hint[k]])
			rawBuf = append(rawBuf, labels[raw[k]])
			listBuf = append(listBuf, d.lex[k].lists)
		}
		return wordBuf, hintBuf, rawBuf
	}
	// A word hinted anywhere is a feature everywhere: note them all first.
	seen := map[string]string{}
	for i, p := range pieces {
		if i%checkEvery == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		words, hints, _ := strs(p)
		x.NoteHints(seen, words, hints)
	}
	for _, p := range pieces {
		if err := ctx.Err(); err != nil {
			return err
		}
		words, hints, raws := strs(p)
		if hashed {
			// fn uses the hashes before the next sentence: their arrays are reused.
			hashOut, hashBuf = x.AppendSentenceHashes(hashOut, hashBuf, words, hints, raws, listBuf, seen)
			fn(TaggerSentence{FirstToken: p[0], EndToken: p[1], hashes: hashOut})
			continue
		}
		f := x.HintedSentence(words, hints, raws, listBuf, seen)
		fn(TaggerSentence{FirstToken: p[0], EndToken: p[1], Features: f})
	}
	return nil
}

// minModelProb is the least probability of a name that only the model
// found (not one the lists also name): on the dev splits of ANERcorp and
// AQMAR, such names below 0.5 were right 22% and 26% of the time.
const minModelProb = 0.5

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
	x := d.r.words.Extractor()
	if collect != nil {
		err := d.eachTaggerSentence(ctx, names, cands, x, false, func(s TaggerSentence) { *collect = append(*collect, s) })
		return cands, err
	}
	// The model's spans, by tokens.
	type span struct {
		typ  gazetteer.Type
		prob float64
	}
	spans := map[[2]int]span{}
	var order [][2]int
	scratch, _ := mm.scratch.Get().(*tagger.Scratch)
	if scratch == nil {
		scratch = new(tagger.Scratch)
	}
	defer mm.scratch.Put(scratch)
	err := d.eachTaggerSentence(ctx, names, cands, x, true, func(s TaggerSentence) {
		labels, prob := mm.m.TagProbHashedWith(scratch, s.hashes)
		for _, sp := range tagger.Spans(labels) {
			typ, ok := modelTypes[sp.Type]
			if !ok {
				continue
			}
			p := 1.0
			for i := sp.Start; i < sp.End; i++ {
				p = min(p, prob[i])
			}
			k := [2]int{s.FirstToken + sp.Start, s.FirstToken + sp.End}
			spans[k] = span{typ, p}
			order = append(order, k)
		}
	})
	if err != nil {
		return nil, err
	}
	// Candidates by their tokens, and the first token of each.
	same := map[[2]int]int{}
	startsAt := map[int]int{}
	for i, c := range cands {
		k := [2]int{c.first, c.end}
		if j, ok := same[k]; !ok || cands[j].source != pipeline.SourceGazetteer {
			same[k] = i
		}
		if _, ok := startsAt[c.first]; !ok {
			startsAt[c.first] = i
		}
	}
	var out []mention
	used := make([]bool, len(cands))
	for _, k := range order {
		sp := spans[k]
		if i, ok := same[k]; ok && !mm.only && (cands[i].source == pipeline.SourceGazetteer && cands[i].form == gazetteer.FormName || sameType(sp.typ, cands[i].typ)) {
			// The lists name the same tokens: their mention, which knows
			// its clitics and its entity; a rule's takes the model's score.
			c := cands[i]
			if c.source != pipeline.SourceGazetteer {
				c.score = sp.prob
			}
			used[i] = true
			out = append(out, c)
			continue
		}
		if sp.prob < minModelProb && !mm.only {
			continue
		}
		if m, ok := d.modelMention(k[0], k[1], sp.typ, sp.prob, cands, startsAt); ok {
			out = append(out, m)
		}
	}
	if mm.only {
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
	return out, nil
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
// word of a gazetteer person's name, C a common word, S a stop word.
func (r *Recognizer) listCode(l *lexeme) string {
	rr := r.rules
	var b []byte
	add := func(ok bool, c byte) {
		if ok {
			b = append(b, c)
		}
	}
	add(l.has(lexGiven), 'G')
	given, title, org := false, false, false
	for _, seg := range l.readings {
		if seg.Proclitics == "" {
			continue
		}
		given = given || rr.given[seg.Stem]
		title = title || rr.titles[seg.Stem] != nil
		org = org || rr.orgHeads[seg.Stem]
	}
	add(given && !l.has(lexGiven), 'g')
	add(l.has(lexTitle) || title, 'T')
	add(l.has(lexSpeechVerb), 'V')
	add(rr.orgHeads[l.norm] || org, 'O')
	add(rr.placeHeads[l.norm] != nil, 'P')
	add(l.has(lexFiller), 'F')
	add(rr.connectors[l.norm], 'K')
	add(r.personWords[l.norm], 'N')
	add(l.has(lexCommon), 'C')
	add(l.has(lexStop), 'S')
	return string(b)
}
