package tagger

import "math"

// TagProb labels one sentence as Tag does and gives, for each token, the
// marginal probability of its label under the distribution over valid
// label sequences p(y) ∝ exp(score(y)/T), computed by forward-backward;
// T is the model's temperature (Info.Temperature, 1 when unset). The
// perceptron's scores are not probabilities by themselves: T is chosen on
// held-out data (see Calibrate) so that they behave as such.
func (m *Model) TagProb(features [][]string) ([]string, []float64) {
	return m.tagProb(m.rows(features))
}

// TagProbHashes is TagProb for features given by their hashes
// (HashFeature of each feature string): the same labels and
// probabilities, without the strings.
func (m *Model) TagProbHashes(features [][]FeatureHash) ([]string, []float64) {
	return m.tagProb(m.hashRows(features))
}

func (m *Model) tagProb(rows [][]int) ([]string, []float64) {
	n := len(m.labels)
	e := emissions(m.weights, rows, n)
	path := viterbi(e, m.trans, m.allow, n, len(rows))
	out := make([]string, len(path))
	for i, c := range path {
		out[i] = m.labels[c]
	}
	return out, m.marginals(e, path)
}

// marginals returns p(y_i = path[i]) for every token i: by the scaled
// forward-backward of scaledMarginals, or in log space (logMarginals)
// for a sentence whose scores are so far apart that the scaled sums
// underflow.
func (m *Model) marginals(e []float32, path []int) []float64 {
	if out, ok := m.scaledMarginals(e, path); ok {
		return out
	}
	return m.logMarginals(e, path)
}

// scaledMarginals computes the marginals with probabilities instead of
// their logarithms: exp is taken once per token and label and once per
// transition, not once per pair of labels at every token, and each
// token's forward and backward vectors are scaled to sum to 1 (Rabiner's
// scaling). The marginal of label c at token i is alpha_i(c)·beta_i(c)
// over the sum of that product at i. It reports false when a scaled sum
// underflows to 0 (scores hundreds apart at one token).
func (m *Model) scaledMarginals(e []float32, path []int) ([]float64, bool) {
	n, length := len(m.labels), len(path)
	if length == 0 {
		return nil, true
	}
	t := m.info.Temperature
	if t <= 0 {
		t = 1
	}
	inv := 1 / t
	// exp of the transitions over T, less their largest: every path takes
	// one start and length-1 other transitions, so a constant taken from
	// all of them scales every path alike and cancels.
	top := math.Inf(-1)
	for i, v := range m.trans {
		if m.allow[i] {
			top = max(top, float64(v)*inv)
		}
	}
	buf := make([]float64, (n+1)*n+3*length*n)
	tr, buf := buf[:(n+1)*n], buf[(n+1)*n:]
	for i, v := range m.trans {
		if m.allow[i] {
			tr[i] = math.Exp(float64(v)*inv - top)
		}
	}
	// ex: exp of the emissions over T, less each token's largest.
	ex, buf := buf[:length*n], buf[length*n:]
	for i := range length {
		row := e[i*n : (i+1)*n]
		mx := math.Inf(-1)
		for _, v := range row {
			mx = max(mx, float64(v)*inv)
		}
		for c, v := range row {
			ex[i*n+c] = math.Exp(float64(v)*inv - mx)
		}
	}
	alpha, beta := buf[:length*n], buf[length*n:]
	scale := func(v []float64) bool {
		s := 0.0
		for _, x := range v {
			s += x
		}
		if !(s > 0) || math.IsInf(s, 1) {
			return false
		}
		for i := range v {
			v[i] /= s
		}
		return true
	}
	for c := range n {
		alpha[c] = tr[c] * ex[c]
	}
	if !scale(alpha[:n]) {
		return nil, false
	}
	for i := 1; i < length; i++ {
		prev, cur := alpha[(i-1)*n:i*n], alpha[i*n:(i+1)*n]
		for c := range n {
			s := 0.0
			for p, a := range prev {
				s += a * tr[(p+1)*n+c]
			}
			cur[c] = s * ex[i*n+c]
		}
		if !scale(cur) {
			return nil, false
		}
	}
	last := beta[(length-1)*n:]
	for c := range n {
		last[c] = 1
	}
	for i := length - 2; i >= 0; i-- {
		next, cur := beta[(i+1)*n:(i+2)*n], beta[i*n:(i+1)*n]
		for p := range n {
			s := 0.0
			for c, b := range next {
				s += tr[(p+1)*n+c] * ex[(i+1)*n+c] * b
			}
			cur[p] = s
		}
		if !scale(cur) {
			return nil, false
		}
	}
	out := make([]float64, length)
	for i, c := range path {
		z := 0.0
		for k := range n {
			z += alpha[i*n+k] * beta[i*n+k]
		}
		if !(z > 0) {
			return nil, false
		}
		out[i] = alpha[i*n+c] * beta[i*n+c] / z
	}
	return out, true
}

// logMarginals is marginals in log space: slower, and safe from
// underflow.
func (m *Model) logMarginals(e []float32, path []int) []float64 {
	n, length := len(m.labels), len(path)
	if length == 0 {
		return nil
	}
	t := m.info.Temperature
	if t <= 0 {
		t = 1
	}
	inv := 1 / t
	// The transitions' scores over T, and for each label the labels that
	// may come before it (after it): a term of an invalid transition is
	// exp(-Inf) = 0 and leaves a sum as it is, so they are skipped.
	tr := make([]float64, (n+1)*n)
	for i, v := range m.trans {
		tr[i] = float64(v) * inv
	}
	prev := make([][]int, n) // prev[c]: the p with allow[(p+1)*n+c]
	next := make([][]int, n) // next[p]: the c with allow[(p+1)*n+c]
	for p := range n {
		for c := range n {
			if m.allow[(p+1)*n+c] {
				prev[c] = append(prev[c], p)
				next[p] = append(next[p], c)
			}
		}
	}
	negInf := math.Inf(-1)
	ab := make([]float64, 2*length*n)
	alpha, beta := ab[:length*n], ab[length*n:]
	buf := make([]float64, n)
	for c := range n {
		if m.allow[c] {
			alpha[c] = tr[c] + float64(e[c])*inv
		} else {
			alpha[c] = negInf + float64(e[c])*inv
		}
	}
	for i := 1; i < length; i++ {
		for c := range n {
			b := buf[:0]
			for _, p := range prev[c] {
				b = append(b, alpha[(i-1)*n+p]+tr[(p+1)*n+c])
			}
			alpha[i*n+c] = logSumExp(b) + float64(e[i*n+c])*inv
		}
	}
	// beta of the last token is 0 (log 1).
	for i := length - 2; i >= 0; i-- {
		for p := range n {
			b := buf[:0]
			for _, c := range next[p] {
				b = append(b, tr[(p+1)*n+c]+float64(e[(i+1)*n+c])*inv+beta[(i+1)*n+c])
			}
			beta[i*n+p] = logSumExp(b)
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
