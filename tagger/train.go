package tagger

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"slices"
)

// Sentence is one training example: the feature strings of each token and
// its gold label ("O", "B-PERS", "I-PERS", ...). Labels in IO form are
// accepted and read as BIO (see ToBIO).
type Sentence struct {
	Features [][]string
	Labels   []string
}

// Config holds the training settings.
type Config struct {
	Epochs int    // passes over the data; 0 means 10
	Seed   uint64 // seed of the per-epoch shuffle
	Bits   int    // log2 of the number of feature buckets; 0 means 18
	// FeatureSet names the feature extractor and its version (stored in the model).
	FeatureSet string
	// Data names the training files and their licences (stored in the model).
	Data []string
	// Rate is the learning rate of TrainCRF; 0 means 0.1. Train ignores it.
	Rate float64
	// L2 is TrainCRF's penalty on the squared weights: it maximizes the
	// log-likelihood of the data minus L2/2 times the sum of the squared
	// weights, spread over the steps (L2/(2N) at each of the N sentences
	// of an epoch). 0 means none. Train ignores it.
	L2 float64
	// Average makes TrainCRF return the mean of the weights over all its
	// steps rather than the last ones (averaged SGD). Train always
	// averages.
	Average bool
	// Epoch, if set, is called after every epoch with the epoch number
	// (from 1), the fraction of training tokens mistagged in that epoch and
	// the averaged model so far (e.g. to score a dev split).
	Epoch func(epoch int, errRate float64, m *Model)
}

// Train learns a model with the averaged structured perceptron. The weights
// are averaged over all updates with the standard trick of keeping, beside
// the weights w, a sum u of each update times its step c, so that the
// average is w - u/c without touching every weight at every step. The same
// sentences and Config give the same model, byte for byte.
func Train(data []Sentence, cfg Config) (*Model, error) {
	if len(data) == 0 {
		return nil, errors.New("tagger: no training sentences")
	}
	if cfg.Epochs <= 0 {
		cfg.Epochs = 10
	}
	if cfg.Bits <= 0 {
		cfg.Bits = 18
	}
	if cfg.Bits > 26 {
		return nil, fmt.Errorf("tagger: %d feature bits is too many (at most 26)", cfg.Bits)
	}
	labels, index, gold, err := labelSet(data)
	if err != nil {
		return nil, err
	}

	info := Info{FeatureSet: cfg.FeatureSet, Data: cfg.Data, Bits: cfg.Bits,
		Settings: fmt.Sprintf("perceptron epochs=%d seed=%d bits=%d", cfg.Epochs, cfg.Seed, cfg.Bits)}
	m := newModel(info, labels)
	n := len(labels)
	rows := make([][][]int, len(data))
	ys := make([][]int, len(data))
	tokens := 0
	for i, s := range data {
		rows[i] = m.rows(s.Features)
		ys[i] = make([]int, len(gold[i]))
		for j, l := range gold[i] {
			ys[i][j] = index[l]
		}
		tokens += len(ys[i])
	}
	uw := make([]float32, len(m.weights))
	ut := make([]float32, len(m.trans))
	w, t := m.weights, m.trans
	order := make([]int, len(data))
	for i := range order {
		order[i] = i
	}
	rng := rand.New(rand.NewPCG(cfg.Seed, 0x9e3779b97f4a7c15))
	c := float32(1)
	for epoch := 1; epoch <= cfg.Epochs; epoch++ {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		wrong := 0
		for _, k := range order {
			y, r := ys[k], rows[k]
			pred := viterbi(emissions(w, r, n), t, m.allow, m.from, n, len(y))
			for i := range y {
				prevG, prevP := 0, 0
				if i > 0 {
					prevG, prevP = y[i-1]+1, pred[i-1]+1
				}
				if y[i] == pred[i] && prevG == prevP {
					continue
				}
				if y[i] != pred[i] {
					wrong++
					for _, off := range r[i] {
						w[off+y[i]]++
						uw[off+y[i]] += c
						w[off+pred[i]]--
						uw[off+pred[i]] -= c
					}
				}
				t[prevG*n+y[i]]++
				ut[prevG*n+y[i]] += c
				t[prevP*n+pred[i]]--
				ut[prevP*n+pred[i]] -= c
			}
			c++
		}
		if cfg.Epoch != nil {
			cfg.Epoch(epoch, float64(wrong)/float64(max(tokens, 1)), averaged(m, uw, ut, c))
		}
	}
	return averaged(m, uw, ut, c), nil
}

// labelSet returns the labels of the data, "O" first and then sorted
// (with both B- and I- of every type), their indexes, and every sentence's
// labels in strict BIO.
func labelSet(data []Sentence) ([]string, map[string]int, [][]string, error) {
	set := map[string]bool{"O": true}
	gold := make([][]string, len(data))
	for i, s := range data {
		if len(s.Features) != len(s.Labels) {
			return nil, nil, nil, fmt.Errorf("tagger: sentence %d has %d tokens but %d labels", i, len(s.Features), len(s.Labels))
		}
		gold[i] = ToBIO(s.Labels)
		for _, l := range gold[i] {
			set[l] = true
			if typ, _ := typeOf(l); typ != "" {
				set["B-"+typ], set["I-"+typ] = true, true
			}
		}
	}
	labels := make([]string, 0, len(set))
	for l := range set {
		if l != "O" {
			labels = append(labels, l)
		}
	}
	slices.Sort(labels)
	labels = append([]string{"O"}, labels...)
	index := make(map[string]int, len(labels))
	for i, l := range labels {
		index[l] = i
	}
	return labels, index, gold, nil
}

// averaged returns a copy of m with the averaged weights w - u/c.
func averaged(m *Model, uw, ut []float32, c float32) *Model {
	a := *m
	a.weights = make([]float32, len(m.weights))
	for i, v := range m.weights {
		a.weights[i] = v - uw[i]/c
	}
	a.trans = make([]float32, len(m.trans))
	for i, v := range m.trans {
		a.trans[i] = v - ut[i]/c
	}
	return a.index()
}
