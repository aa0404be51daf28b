package nerfeat

import (
	"fmt"
	"slices"

	"github.com/alam-nlp/alam/eval"
	"github.com/alam-nlp/alam/tagger"
)

// Alias maps corpus type names onto alam's tagger types: AQMAR's PER is
// ANERcorp's PERS.
var alias = map[string]string{"PER": "PERS"}

// canonical rewrites one corpus tag ("B-PER", "I-PERS", "O") with Alias.
func canonical(tag string) string {
	if len(tag) > 2 && (tag[:2] == "B-" || tag[:2] == "I-") {
		if a, ok := alias[tag[2:]]; ok {
			return tag[:2] + a
		}
	}
	return tag
}

// Examples turns CoNLL sentences into tagger training sentences, with the
// corpus type names mapped (PER → PERS); MISC and other types are kept.
// Consecutive sentences are read as documents of eval.DocSentences
// sentences, as eval.NER reads them, so that document features count.
func Examples(x *Extractor, sents []eval.Sentence) ([]tagger.Sentence, error) {
	out := make([]tagger.Sentence, 0, len(sents))
	for from := 0; from < len(sents); from += eval.DocSentences {
		block := sents[from:min(from+eval.DocSentences, len(sents))]
		words := make([][]string, len(block))
		for i, s := range block {
			words[i] = s.Tokens
		}
		fs, err := x.Document(words)
		if err != nil {
			return nil, fmt.Errorf("sentences %d to %d: %w", from+1, from+len(block), err)
		}
		for i, s := range block {
			labels := make([]string, len(s.Tags))
			for j, t := range s.Tags {
				labels[j] = canonical(t)
			}
			out = append(out, tagger.Sentence{Features: fs[i], Labels: labels})
		}
	}
	return out, nil
}

// Score tags the examples with m sentence by sentence and scores exact
// entity matches of the given types, as eval.NER does.
func Score(m *tagger.Model, ex []tagger.Sentence, types []string) eval.NERReport {
	rep := eval.NERReport{Sentences: len(ex), Types: slices.Sorted(slices.Values(types)), ByType: map[string]eval.Counts{}}
	scored := map[string]bool{}
	for _, t := range types {
		scored[t] = true
	}
	for _, s := range ex {
		rep.Tokens += len(s.Labels)
		gold := map[eval.Chunk]bool{}
		for _, c := range eval.Chunks(s.Labels) {
			if scored[c.Type] {
				gold[c] = true
			}
		}
		pred := map[eval.Chunk]bool{}
		for _, c := range eval.Chunks(m.Tag(s.Features)) {
			if scored[c.Type] {
				pred[c] = true
			}
		}
		add := func(c eval.Chunk, f func(*eval.Counts)) {
			k := rep.ByType[c.Type]
			f(&k)
			rep.ByType[c.Type] = k
			f(&rep.Micro)
		}
		for c := range pred {
			if gold[c] {
				add(c, func(k *eval.Counts) { k.TP++ })
			} else {
				add(c, func(k *eval.Counts) { k.FP++ })
			}
		}
		for c := range gold {
			if !pred[c] {
				add(c, func(k *eval.Counts) { k.FN++ })
			}
		}
	}
	return rep
}

// SpanConfidences tags the examples with m and returns, for every
// predicted entity of the given types, its confidence (the least marginal
// probability of its labels, tagger.Model.TagProb) and whether it is an
// exact match of a gold entity: the data of tagger.Calibrate and of a
// reliability table.
func SpanConfidences(m *tagger.Model, ex []tagger.Sentence, types []string) (conf []float64, right []bool) {
	scored := map[string]bool{}
	for _, t := range types {
		scored[t] = true
	}
	for _, s := range ex {
		gold := map[eval.Chunk]bool{}
		for _, c := range eval.Chunks(tagger.ToBIO(s.Labels)) {
			gold[c] = true
		}
		labels, prob := m.TagProb(s.Features)
		for _, c := range eval.Chunks(labels) {
			if !scored[c.Type] {
				continue
			}
			p := 1.0
			for i := c.Start; i < c.End; i++ {
				p = min(p, prob[i])
			}
			conf = append(conf, p)
			right = append(right, gold[c])
		}
	}
	return conf, right
}
