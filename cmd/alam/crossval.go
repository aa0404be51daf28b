package main

import (
	"fmt"
	"io"
	"strings"

	"github.com/alam-nlp/alam/eval"
	"github.com/alam-nlp/alam/extract"
	"github.com/alam-nlp/alam/extract/nerfeat"
	"github.com/alam-nlp/alam/tagger"
)

// foldBounds returns the sentence bounds of k contiguous folds of n
// sentences: fold i is [b[i], b[i+1]), the sizes differing by at most one.
func foldBounds(n, k int) []int {
	b := make([]int, k+1)
	for i := range b {
		b[i] = i * n / k
	}
	return b
}

// cvResult is the dev score of one model of a cross-validation.
type cvResult struct {
	seed uint64
	fold int
	rep  eval.NERReport
}

// crossValidate splits the sentences of the first file into k contiguous
// folds and, for every seed and every fold, trains a model on the other
// folds followed by the sentences of the other files (always trained on),
// prunes it as train ner does, and scores the model alone on the fold
// (nerfeat.Score, exact match over PERS, LOC and ORG). Each fold's
// features are made from the fold alone, so its documents of
// eval.DocSentences sentences begin at its first sentence, as they would
// in a file of its own. It writes one line a model and the means to w.
func crossValidate(w io.Writer, x *extract.Extractor, first []eval.Sentence, others []tagger.Sentence,
	k int, seeds []uint64, cfg tagger.Config, prune float64,
	train func([]tagger.Sentence, tagger.Config) (*tagger.Model, error)) ([]cvResult, error) {
	if k < 2 || k > len(first) {
		return nil, fmt.Errorf("--folds %d: want 2 to %d (the sentences of the first file)", k, len(first))
	}
	b := foldBounds(len(first), k)
	folds := make([][]tagger.Sentence, k)
	for i := range k {
		ex, err := extract.NERExamples(x, first[b[i]:b[i+1]], 0)
		if err != nil {
			return nil, fmt.Errorf("fold %d: %w", i+1, err)
		}
		folds[i] = ex
	}
	var out []cvResult
	for _, seed := range seeds {
		c := cfg
		c.Seed = seed
		c.Epoch = nil
		for i := range k {
			var data []tagger.Sentence
			for j, f := range folds {
				if j != i {
					data = append(data, f...)
				}
			}
			data = append(data, others...)
			m, err := train(data, c)
			if err != nil {
				return nil, err
			}
			if prune > 0 {
				m, _ = m.Pruned(float32(prune))
			}
			rep := nerfeat.Score(m, folds[i], nerScored)
			out = append(out, cvResult{seed: seed, fold: i, rep: rep})
			fmt.Fprintf(w, "seed %d fold %d/%d (sentences %d-%d): %s\n", seed, i+1, k, b[i]+1, b[i+1], cvScores(rep.Micro.F1(), func(t string) float64 { return rep.ByType[t].F1() }))
		}
		var seedRes []cvResult
		for _, r := range out {
			if r.seed == seed {
				seedRes = append(seedRes, r)
			}
		}
		fmt.Fprintf(w, "seed %d mean of %d folds: %s\n", seed, k, cvMean(seedRes))
	}
	if len(seeds) > 1 {
		fmt.Fprintf(w, "mean of %d seeds × %d folds: %s\n", len(seeds), k, cvMean(out))
	}
	return out, nil
}

// cvMean formats the means of the results' micro F1 and of each type's.
func cvMean(rs []cvResult) string {
	var micro float64
	by := map[string]float64{}
	for _, r := range rs {
		micro += r.rep.Micro.F1()
		for _, t := range nerScored {
			by[t] += r.rep.ByType[t].F1()
		}
	}
	n := float64(len(rs))
	return cvScores(micro/n, func(t string) float64 { return by[t] / n })
}

func cvScores(micro float64, typ func(string) float64) string {
	var s strings.Builder
	fmt.Fprintf(&s, "micro F1 %.4f", micro)
	for _, t := range nerScored {
		fmt.Fprintf(&s, " %s %.4f", t, typ(t))
	}
	return s.String()
}
