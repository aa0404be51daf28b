package extract

import (
	"context"
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/alam-nlp/alam/arabic"
	"github.com/alam-nlp/alam/eval"
	"github.com/alam-nlp/alam/extract/nerfeat"
	"github.com/alam-nlp/alam/pipeline"
	"github.com/alam-nlp/alam/tagger"
)

// nerAlias maps corpus type names onto the tagger's: AQMAR's PER is
// ANERcorp's PERS.
var nerAlias = map[string]string{"PER": "PERS"}

// NERExamples turns CoNLL sentences into training sentences for the
// tagger of Config.NERModel, with the features the recognizer of x gives
// its model (x should have no model of its own: the features read what
// the gazetteer and the rules find). Consecutive sentences are joined into
// documents of docSentences sentences (eval.DocSentences if 0), the tokens
// by spaces and the sentences by newlines, as eval.NER joins them, and
// analysed as alam analyses an article; each token of the analysis gets
// the tag of the corpus token it falls in (an I- tag after the first
// piece of a token the analysis splits). Type names are mapped (PER →
// PERS); MISC and other types are kept.
func NERExamples(x *Extractor, sents []eval.Sentence, docSentences int) ([]tagger.Sentence, error) {
	if docSentences <= 0 {
		docSentences = eval.DocSentences
	}
	var out []tagger.Sentence
	for from := 0; from < len(sents); from += docSentences {
		block := sents[from:min(from+docSentences, len(sents))]
		var b strings.Builder
		var starts, lens []int // byte start and length of every corpus token
		var tags []string
		for si, s := range block {
			if si > 0 {
				b.WriteByte('\n')
			}
			for ti, t := range s.Tokens {
				if ti > 0 {
					b.WriteByte(' ')
				}
				starts, lens = append(starts, b.Len()), append(lens, len(t))
				b.WriteString(t)
				tags = append(tags, canonicalTag(s.Tags[ti]))
			}
		}
		a, err := analyze(b.String())
		if err != nil {
			return nil, fmt.Errorf("sentences %d to %d: %w", from+1, from+len(block), err)
		}
		labelled := -1 // the last corpus token a word of the analysis was labelled from
		for _, ts := range x.recognizer.TaggerFeatures(a) {
			labels := make([]string, 0, ts.EndToken-ts.FirstToken)
			for k := ts.FirstToken; k < ts.EndToken; k++ {
				c := sort.SearchInts(starts, a.Tokens[k].Start+1) - 1
				tag := "O"
				switch {
				case c < 0:
				case a.Tokens[k].Kind == arabic.Punct && tags[c] != "O" && a.Tokens[k].End-a.Tokens[k].Start < lens[c]:
					// The corpus token's punctuation, split off: (القاهرة، gives ( O.
				case c == labelled && strings.HasPrefix(tags[c], "B-"):
					tag = "I-" + tags[c][2:]
				default:
					tag = tags[c]
					labelled = c
				}
				labels = append(labels, tag)
			}
			out = append(out, tagger.Sentence{Features: ts.Features, Labels: labels})
		}
	}
	return out, nil
}

// analyze analyses text as the Analyze stage does.
func analyze(text string) (*arabic.Analysis, error) {
	doc := &pipeline.Document{Text: text}
	if err := Analyze().Process(context.Background(), doc); err != nil {
		return nil, err
	}
	return analysis(doc)
}

func canonicalTag(tag string) string {
	if len(tag) > 2 && (tag[:2] == "B-" || tag[:2] == "I-") {
		if a, ok := nerAlias[tag[2:]]; ok {
			return tag[:2] + a
		}
	}
	return tag
}

// ReadNERModel reads a tagger model for Config.NERModel from r and checks
// that it was trained on the features this build computes (nerfeat.Version,
// with or without word clusters; Config.NERClusters must then be the
// model's): a model of other features would tag, but badly. name (a path,
// or any label) prefixes the error.
func ReadNERModel(name string, r io.Reader) (*tagger.Model, error) {
	m, err := tagger.Read(r)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	if fs := m.Info().FeatureSet; fs != nerfeat.Version && !strings.HasPrefix(fs, nerfeat.Version+" clusters ") {
		return nil, fmt.Errorf("%s: the model was trained on features %q; this build computes %q", name, fs, nerfeat.Version)
	}
	return m, nil
}

// NERWords returns the words of each CoNLL sentence as the recognizer's
// tagger sees them (its tokens joined by spaces and analysed as alam
// analyses an article): the text nerfeat.BuildClusters learns from.
func NERWords(sents []eval.Sentence) ([][]string, error) {
	out := make([][]string, 0, len(sents))
	for i, s := range sents {
		a, err := analyze(strings.Join(s.Tokens, " "))
		if err != nil {
			return nil, fmt.Errorf("sentence %d: %w", i+1, err)
		}
		words := make([]string, len(a.Tokens))
		for k, t := range a.Tokens {
			words[k] = t.Text(a.Text)
		}
		out = append(out, words)
	}
	return out, nil
}
