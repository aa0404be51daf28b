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
// with AdaGrad step sizes (rate cfg.Rate, 0 means 0.1; a rate or L2 that
// is negative, NaN or infinite is an error). It regularises
// by stopping early (cfg.Epochs) and, as cfg asks, by an L2 penalty
// (cfg.L2: every weight shrinks at every step by its AdaGrad step size
// times L2/N, applied lazily when a sentence reads the weight) and by
// averaging the weights over all steps (cfg.Average, as the perceptron
// does). The same data and Config give the same model.
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
	if r := cfg.Rate; r < 0 || math.IsNaN(r) || math.IsInf(r, 0) {
		return nil, fmt.Errorf("tagger: learning rate %g: want 0 (the default, 0.1) or a positive finite number", r)
	}
	if l := cfg.L2; l < 0 || math.IsNaN(l) || math.IsInf(l, 0) {
		return nil, fmt.Errorf("tagger: L2 penalty %g: want 0 (none) or a positive finite number", l)
	}
	rate := cfg.Rate
	if rate == 0 {
		rate = 0.1
	}
	labels, index, gold, err := labelSet(data)
	if err != nil {
		return nil, err
	}
	info := Info{FeatureSet: cfg.FeatureSet, Data: cfg.Data, Bits: cfg.Bits,
		Settings: fmt.Sprintf("crf epochs=%d seed=%d bits=%d rate=%g", cfg.Epochs, cfg.Seed, cfg.Bits, rate)}
	if cfg.L2 > 0 {
		info.Settings += fmt.Sprintf(" l2=%g", cfg.L2)
	}
	if cfg.Average {
		info.Settings += " average"
	}
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
	lazy := newLazy(m, cfg, rate, len(data), gw, gt)
	t := 0 // steps taken (sentences seen)
	for epoch := 1; epoch <= cfg.Epochs; epoch++ {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		wrong := 0
		for _, k := range order {
			t++
			clear(tgrad)
			lazy.syncRows(rows[k], len(labels), t)
			m.gradient(rows[k], ys[k], tgrad, func(i int, g float64) {
				lazy.sync(i, t)
				s := float64(gw[i])
				m.weights[i] += float32(step(g, &s))
				gw[i] = float32(s)
			})
			for i, g := range tgrad {
				lazy.sync(len(m.weights)+i, t)
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
			c := lazy.model(t) // its own index of the weights so far
			c.viterbi, c.factors = viterbiTable{}, factorTable{}
			cfg.Epoch(epoch, float64(wrong)/float64(max(tokens, 1)), c.index())
		}
	}
	return lazy.model(t).index(), nil
}

// lazy applies TrainCRF's L2 penalty and averages its weights without
// touching every weight at every step. Weight i (emission weights first,
// then transitions) was last brought up to date at step last[i]: since
// then it has only decayed, by the factor r = 1 - eta*l2 a step, where eta
// is its AdaGrad step size, unchanged since it was last touched. sum[i]
// holds the sum of its values at every step before last[i]. With neither
// L2 nor averaging, lazy does nothing.
type lazy struct {
	m       *Model
	l2      float64 // the penalty of one step: cfg.L2 / sentences
	rate    float64
	average bool
	gw      []float32
	gt      []float64
	last    []int32
	sum     []float64
}

func newLazy(m *Model, cfg Config, rate float64, sentences int, gw []float32, gt []float64) *lazy {
	z := &lazy{m: m, l2: cfg.L2 / float64(sentences), rate: rate, average: cfg.Average, gw: gw, gt: gt}
	if z.l2 > 0 || z.average {
		size := len(m.weights) + len(m.trans)
		z.last = make([]int32, size)
		for i := range z.last {
			z.last[i] = 1
		}
		if z.average {
			z.sum = make([]float64, size)
		}
	}
	return z
}

// syncRows brings up to step t the weights that the gradient of a
// sentence of these rows reads: its emission rows and the transitions.
func (z *lazy) syncRows(rows [][]int, n, t int) {
	if z.l2 == 0 {
		return // only the sums are behind, and gradient reads none
	}
	for _, r := range rows {
		for _, off := range r {
			for c := range n {
				z.sync(off+c, t)
			}
		}
	}
	for i := range z.m.trans {
		z.sync(len(z.m.weights)+i, t)
	}
}

// get and set read and write weight i (emission weights, then transitions).
func (z *lazy) get(i int) (float64, float64) {
	if n := len(z.m.weights); i >= n {
		return float64(z.m.trans[i-n]), z.gt[i-n]
	}
	return float64(z.m.weights[i]), float64(z.gw[i])
}

func (z *lazy) set(i int, v float64) {
	if n := len(z.m.weights); i >= n {
		z.m.trans[i-n] = float32(v)
		return
	}
	z.m.weights[i] = float32(v)
}

// sync brings weight i up to step t: the decay of the steps since it was
// last touched, t's included, and its values of the steps before t added
// to its sum.
func (z *lazy) sync(i, t int) {
	if z.last == nil || int(z.last[i]) == t {
		return
	}
	k := t - int(z.last[i])
	z.last[i] = int32(t)
	w, g := z.get(i)
	if w == 0 {
		return
	}
	r := z.decay(g)
	if z.average {
		// Its value at step last and the k-1 decayed values after.
		z.sum[i] += w * geom(r, k)
	}
	if r != 1 {
		z.set(i, w*math.Pow(r, float64(k)))
	}
}

// decay returns the factor by which a weight shrinks a step: 1 without
// L2; g is its AdaGrad sum of squared gradients.
func (z *lazy) decay(g float64) float64 {
	if z.l2 > 0 && g > 0 {
		return max(0, 1-z.l2*z.rate/(math.Sqrt(g)+1e-8))
	}
	return 1
}

// geom returns 1 + r + ... + r^(k-1).
func geom(r float64, k int) float64 {
	if r == 1 {
		return float64(k)
	}
	return (1 - math.Pow(r, float64(k))) / (1 - r)
}

// model returns the model after t steps, leaving the training state as
// it is: a copy of m with every weight decayed up to step t, or, when
// averaging, with the mean of each weight's values at steps 1 to t.
func (z *lazy) model(t int) *Model {
	c := *z.m
	if z.last == nil {
		return &c
	}
	c.weights = make([]float32, len(z.m.weights))
	c.trans = make([]float32, len(z.m.trans))
	for i := range z.last {
		w, g := z.get(i)
		var v float64
		if w != 0 || z.average {
			r, k := z.decay(g), t-int(z.last[i])
			if z.average {
				v = (z.sum[i] + w*geom(r, k+1)) / float64(t)
			} else {
				v = w * math.Pow(r, float64(k))
			}
		}
		if n := len(c.weights); i >= n {
			c.trans[i-n] = float32(v)
		} else {
			c.weights[i] = float32(v)
		}
	}
	return &c
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
