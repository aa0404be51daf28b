package tagger

import "math"

// TagProb labels one sentence as Tag does and gives, for each token, the
// marginal probability of its label under the distribution over valid
// label sequences p(y) ∝ exp(score(y)/T), computed by forward-backward;
// T is the model's temperature (Info.Temperature, 1 when unset). The
// perceptron's scores are not probabilities by themselves: T is chosen on
// held-out data (see Calibrate) so that they behave as such.
func (m *Model) TagProb(features [][]string) ([]string, []float64) {
	n := len(m.labels)
	e := emissions(m.weights, m.rows(features), n)
	path := viterbi(e, m.trans, m.allow, n, len(features))
	out := make([]string, len(path))
	for i, c := range path {
		out[i] = m.labels[c]
	}
	return out, m.marginals(e, path)
}

// marginals returns p(y_i = path[i]) for every token i.
func (m *Model) marginals(e []float32, path []int) []float64 {
	n, length := len(m.labels), len(path)
	if length == 0 {
		return nil
	}
	t := m.info.Temperature
	if t <= 0 {
		t = 1
	}
	inv := 1 / t
	negInf := math.Inf(-1)
	trans := func(p, c int) float64 { // p = -1 is the sentence start
		if !m.allow[(p+1)*n+c] {
			return negInf
		}
		return float64(m.trans[(p+1)*n+c]) * inv
	}
	alpha := make([]float64, length*n)
	beta := make([]float64, length*n)
	buf := make([]float64, n)
	for c := range n {
		alpha[c] = trans(-1, c) + float64(e[c])*inv
	}
	for i := 1; i < length; i++ {
		for c := range n {
			for p := range n {
				buf[p] = alpha[(i-1)*n+p] + trans(p, c)
			}
			alpha[i*n+c] = logSumExp(buf) + float64(e[i*n+c])*inv
		}
	}
	// beta of the last token is 0 (log 1).
	for i := length - 2; i >= 0; i-- {
		for p := range n {
			for c := range n {
				buf[c] = trans(p, c) + float64(e[(i+1)*n+c])*inv + beta[(i+1)*n+c]
			}
			beta[i*n+p] = logSumExp(buf)
		}
	}
	z := logSumExp(alpha[(length-1)*n : length*n])
	out := make([]float64, length)
	for i, c := range path {
		out[i] = math.Exp(alpha[i*n+c] + beta[i*n+c] - z)
	}
	return out
}

func logSumExp(xs []float64) float64 {
	mx := math.Inf(-1)
	for _, x := range xs {
		mx = max(mx, x)
	}
	if math.IsInf(mx, -1) {
		return mx
	}
	s := 0.0
	for _, x := range xs {
		s += math.Exp(x - mx)
	}
	return mx + math.Log(s)
}

// WithTemperature returns a copy of m whose TagProb uses temperature t
// (t > 0). The copy shares m's weights; neither is ever modified.
func (m *Model) WithTemperature(t float64) *Model {
	c := *m
	c.info.Temperature = t
	return &c
}

// Pruned returns a copy of m without the feature weights whose absolute
// value is below min, to make the model file smaller, and the number of
// weights left.
func (m *Model) Pruned(min float32) (*Model, int) {
	c := *m
	c.weights = make([]float32, len(m.weights))
	kept := 0
	for i, v := range m.weights {
		if v >= min || v <= -min {
			c.weights[i] = v
			kept++
		}
	}
	return &c, kept
}

// Calibrate returns the temperature, among those tried, that makes span
// confidences best match their correctness on held-out data: the one of
// the least Brier score. spans(m) must tag the held-out sentences with m
// and return each predicted span's confidence and whether it was right.
func Calibrate(m *Model, temps []float64, spans func(m *Model) (conf []float64, right []bool)) float64 {
	best, bestT := math.Inf(1), 1.0
	for _, t := range temps {
		conf, right := spans(m.WithTemperature(t))
		s := 0.0
		for i, c := range conf {
			y := 0.0
			if right[i] {
				y = 1
			}
			s += (c - y) * (c - y)
		}
		if len(conf) > 0 {
			s /= float64(len(conf))
		}
		if s < best {
			best, bestT = s, t
		}
	}
	return bestT
}
