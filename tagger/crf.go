package tagger

import (
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
)

// TrainCRF learns a linear-chain conditional random field over the same
// hashed features, labels and transitions as Train, so that the result is
// a *Model like the perceptron's, decoded by the same Viterbi. It
// maximizes the conditional log-likelihood of the gold label sequences
// (valid BIO sequences only, as decoding) by stochastic gradient ascent
// with AdaGrad step sizes (rate cfg.Rate, 0 means 0.1) and no
// regularisation other than stopping early (cfg.Epochs). The same data
// and Config give the same model.
func TrainCRF(data []Sentence, cfg Config) (*Model, error) {
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
	rate := cfg.Rate
	if rate <= 0 {
		rate = 0.1
	}
	labels, index, gold, err := labelSet(data)
	if err != nil {
		return nil, err
	}
	info := Info{FeatureSet: cfg.FeatureSet, Data: cfg.Data, Bits: cfg.Bits,
		Settings: fmt.Sprintf("crf epochs=%d seed=%d bits=%d rate=%g", cfg.Epochs, cfg.Seed, cfg.Bits, rate)}
	m := newModel(info, labels)
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
	gw := make([]float32, len(m.weights)) // AdaGrad's sums of squared gradients
	gt := make([]float64, len(m.trans))
	tgrad := make([]float64, len(m.trans))
	order := make([]int, len(data))
	for i := range order {
		order[i] = i
	}
	rng := rand.New(rand.NewPCG(cfg.Seed, 0x9e3779b97f4a7c15))
	step := func(g float64, sum *float64) float64 {
		*sum += g * g
		return rate * g / (math.Sqrt(*sum) + 1e-8)
	}
	for epoch := 1; epoch <= cfg.Epochs; epoch++ {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		wrong := 0
		for _, k := range order {
			clear(tgrad)
			m.gradient(rows[k], ys[k], tgrad, func(i int, g float64) {
				s := float64(gw[i])
				m.weights[i] += float32(step(g, &s))
				gw[i] = float32(s)
			})
			for i, g := range tgrad {
				if g != 0 {
					m.trans[i] += float32(step(g, &gt[i]))
				}
			}
			pred := viterbi(emissions(m.weights, rows[k], len(labels)), m.trans, m.allow, m.from, len(labels), len(ys[k]))
			for i := range pred {
				if pred[i] != ys[k][i] {
					wrong++
				}
			}
		}
		if cfg.Epoch != nil {
			c := *m // its own index of the weights so far
			c.viterbi, c.factors = viterbiTable{}, factorTable{}
			cfg.Epoch(epoch, float64(wrong)/float64(max(tokens, 1)), c.index())
		}
	}
	return m.index(), nil
}

// gradient computes the gradient of the log-likelihood of the gold labels
// y of one sentence (feature rows rows) at the model's weights: it calls
// emit(weight index, gradient) for every emission weight the sentence
// touches (once per feature occurrence) and adds the transitions'
// gradient to trans. It returns the log-likelihood.
func (m *Model) gradient(rows [][]int, y []int, trans []float64, emit func(i int, g float64)) float64 {
	n, length := len(m.labels), len(y)
	if length == 0 {
		return 0
	}
	e := emissions(m.weights, rows, n)
	negInf := math.Inf(-1)
	tr := func(p, c int) float64 {
		if !m.allow[(p+1)*n+c] {
			return negInf
		}
		return float64(m.trans[(p+1)*n+c])
	}
	alpha := make([]float64, length*n)
	beta := make([]float64, length*n)
	buf := make([]float64, n)
	for c := range n {
		alpha[c] = tr(-1, c) + float64(e[c])
	}
	for i := 1; i < length; i++ {
		for c := range n {
			for p := range n {
				buf[p] = alpha[(i-1)*n+p] + tr(p, c)
			}
			alpha[i*n+c] = logSumExp(buf) + float64(e[i*n+c])
		}
	}
	for i := length - 2; i >= 0; i-- {
		for p := range n {
			for c := range n {
				buf[c] = tr(p, c) + float64(e[(i+1)*n+c]) + beta[(i+1)*n+c]
			}
			beta[i*n+p] = logSumExp(buf)
		}
	}
	z := logSumExp(alpha[(length-1)*n : length*n])
	gold := 0.0
	for i, c := range y {
		p := -1
		if i > 0 {
			p = y[i-1]
		}
		gold += tr(p, c) + float64(e[i*n+c])
	}
	marg := make([]float64, n)
	for i := range length {
		for c := range n {
			marg[c] = math.Exp(alpha[i*n+c] + beta[i*n+c] - z)
		}
		for _, off := range rows[i] {
			for c := range n {
				g := -marg[c]
				if c == y[i] {
					g++
				}
				if g != 0 {
					emit(off+c, g)
				}
			}
		}
		// Transitions into token i: observed minus expected.
		if i == 0 {
			for c := range n {
				trans[c] -= marg[c]
			}
			trans[y[0]]++
			continue
		}
		for p := range n {
			for c := range n {
				if !m.allow[(p+1)*n+c] {
					continue
				}
				trans[(p+1)*n+c] -= math.Exp(alpha[(i-1)*n+p] + tr(p, c) + float64(e[i*n+c]) + beta[i*n+c] - z)
			}
		}
		trans[(y[i-1]+1)*n+y[i]]++
	}
	return gold - z
}
