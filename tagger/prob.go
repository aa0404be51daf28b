package tagger

import (
	"math"
	"math/bits"
)

// TagProb labels one sentence as Tag does and gives, for each token, the
// marginal probability of its label under the distribution over valid
// label sequences p(y) ∝ exp(score(y)/T), computed by forward-backward;
// T is the model's temperature (Info.Temperature, 1 when unset). The
// perceptron's scores are not probabilities by themselves: T is chosen on
// held-out data (see Calibrate) so that they behave as such.
func (m *Model) TagProb(features [][]string) ([]string, []float64) {
	s := new(Scratch)
	return m.TagProbScores(s, m.sums(s, features))
}

// TagProbHashed is TagProb over features already hashed (see Hash).
func (m *Model) TagProbHashed(features [][]Hash) ([]string, []float64) {
	return m.TagProbHashedWith(new(Scratch), features)
}

// Scratch holds the buffers that TagProbHashedWith reuses from call to
// call (emission scores, the Viterbi lattice and back-pointers, the
// forward-backward tables, the results), so that tagging sentence after
// sentence allocates nothing once they have grown to the longest. A
// Scratch is for one goroutine at a time; the zero value is ready to use.
type Scratch struct {
	sums []int64 // the emission scores in fixed point (see Scores)
	rows []int   // the rows of AddSentenceFeatures
	// rowEnds holds the end of each token's rows in rows.
	rowEnds []int32
	e       []float32 // the same, in float32 for decoding
	score   []float32
	back    []int32
	path    []int
	fb      []float64 // phi, alpha, beta
	labels  []string
	prob    []float64
	// vt and factors are the transitions of the Viterbi loop and the
	// factors of forward-backward, for a model that has none made (see
	// Model.viterbi and Model.factors).
	vt      viterbiTable
	factors factorTable
}

// factorTable holds forward-backward's transition factors: into[c] the
// factors of the allowed transitions into each label c, in the order of
// Model.from[c], outOf[p] those out of each label p, in the order of
// Model.to[p], each label's edges ending at its ends (see factorEdges).
type factorTable struct {
	into, outOf       []factorEdge
	intoEnds, outEnds []int32
	// nine is the same factors for 9 labels, when each label follows
	// all 9 or 2 and is followed by at most 6 (O, B-X and I-X of four
	// types, as the default model); nil otherwise.
	nine *nineFactors
}

// nineFactors are the factors of a factorTable of 9 labels, for
// forward9 and backward9: into each label (see nineInto), and out of
// each label p to the labels to[p][:6], factors tw[p], where a label
// followed by only 5 has a sixth edge of factor 0 (to label 0), which
// adds 0 to the sum: the same sums as over the edges, bit for bit.
type nineFactors struct {
	nineInto[float64]
	to [9][6]int32
	tw [9][6]float64
}

// make sets t to the factors of tr (see transFactors), in t's arrays.
func (t *factorTable) make(tr []float64, from, to [][]int32, n int) {
	t.into, t.intoEnds = factorEdges(t.into[:0], grow(t.intoEnds, n), from, func(c, p int) float64 { return tr[(p+1)*n+c] })
	t.outOf, t.outEnds = factorEdges(t.outOf[:0], grow(t.outEnds, n), to, func(p, c int) float64 { return tr[(p+1)*n+c] })
	t.nine = makeNineFactors(tr, from, to, n)
}

// makeNineFactors returns the factors tr of 9 labels in the shape of
// nineFactors, or nil when they have another shape.
func makeNineFactors(tr []float64, from, to [][]int32, n int) *nineFactors {
	if n != 9 {
		return nil
	}
	nine := new(nineFactors)
	if !nine.set(tr, from) {
		return nil
	}
	for p := range n {
		cs := to[p]
		if len(cs) < 5 || len(cs) > 6 {
			return nil
		}
		for k, c := range cs {
			nine.to[p][k], nine.tw[p][k] = c, tr[(p+1)*n+int(c)]
		}
	}
	return nine
}

// factorEdge is an allowed transition's factor f, with the label k at its
// other end.
type factorEdge struct {
	k int32
	f float64
}

// factorEdges appends to dst, for each label a in turn, an edge for each
// label b of lists[a] with the factor f(a, b), and sets ends[a] to the
// end of a's edges.
func factorEdges(dst []factorEdge, ends []int32, lists [][]int32, f func(a, b int) float64) ([]factorEdge, []int32) {
	for a, bs := range lists {
		for _, b := range bs {
			dst = append(dst, factorEdge{k: b, f: f(a, int(b))})
		}
		ends[a] = int32(len(dst))
	}
	return dst, ends
}

// grow returns xs resliced to n elements, reallocated if too short; the
// elements are not cleared.
func grow[T any](xs []T, n int) []T {
	if cap(xs) < n {
		return make([]T, n, n+n/4)
	}
	return xs[:n]
}

// TagProbHashedWith is TagProbHashed with its buffers in s: the labels
// and probabilities it returns are s's, good until s is used again.
func (m *Model) TagProbHashedWith(s *Scratch, features [][]Hash) ([]string, []float64) {
	n := len(m.labels)
	e := s.Scores(m, len(features))
	for i, fs := range features {
		m.AddFeatures(e[i*n:(i+1)*n:(i+1)*n], fs)
	}
	return m.TagProbScores(s, e)
}

// Scores returns s's buffer of emission scores for a sentence of tokens
// tokens, set to 0: tokens rows of len(m.Labels()) scores in the model's
// fixed point (see AddFeatures), which AddFeatures fills and
// TagProbScores decodes.
func (s *Scratch) Scores(m *Model, tokens int) []int64 {
	s.sums = grow(s.sums, tokens*len(m.labels))
	clear(s.sums)
	return s.sums
}

// AddFeatures adds to row, the scores of one token (one per label), the
// weights of the features hs. The scores are integers, the model's
// weights in a fixed point chosen when it is made or read (each weight
// rounded to some 2^-21 for the default model), and integer sums are the
// same in any order: a word's features, or a neighbour's, may be summed
// once into a row kept for the word, and added to the token's row, and
// the sums are those of adding every feature, bit for bit. A row of
// sums of at most 16 features each fits an int32.
func (m *Model) AddFeatures(row []int64, hs []Hash) {
	n := len(m.labels)
	row = row[:n:n]
	if n == 9 {
		m.addFeatures9((*[9]int64)(row), hs)
		return
	}
	for _, h := range hs {
		k := m.row(uint64(h) & m.mask)
		for c, v := range m.fixed[k : k+n] {
			row[c] += int64(v)
		}
	}
}

// addFeatures9 is AddFeatures for a model of 9 labels (O and B/I of four
// types, as the default), with the sums in registers.
func (m *Model) addFeatures9(row *[9]int64, hs []Hash) {
	// The rows' offsets first, then their sums: the loads of the rows,
	// which miss the cache, are not held up behind those of the ranks
	// (more of them in flight at once).
	// (A small buffer: Go clears it at each call.)
	var buf [32]int
	for len(hs) > len(buf) {
		m.addFeatures9(row, hs[:len(buf)])
		hs = hs[len(buf):]
	}
	ks := buf[:len(hs)]
	for i, h := range hs {
		ks[i] = m.row(uint64(h) & m.mask)
	}
	m.sumRows9(row, ks)
}

// AddSentenceFeatures adds to the scores of each token of a sentence (e,
// a row of len(m.Labels()) scores per token, as Scores gives) the
// weights of its features: token i's are hs[ends[i-1]:ends[i]], from 0
// for the first. The sums are those of AddFeatures token by token; the
// rows of all the tokens are found first, then summed, so that their
// loads, which miss the cache, are in flight together rather than a
// token's few at a time. s holds the rows found.
func (m *Model) AddSentenceFeatures(s *Scratch, e []int64, hs []Hash, ends []int32) {
	n := len(m.labels)
	s.rows = grow(s.rows, len(hs))
	s.rowEnds = grow(s.rowEnds, len(ends))
	rows, rowEnds := s.rows, s.rowEnds
	// The rows of buckets without weights (row 0, of zeros: four in ten
	// of the default model's lookups on the ANT sample) are left out,
	// without a branch on each: they add nothing, and the sums are
	// shorter.
	j, start := 0, int32(0)
	for t, end := range ends {
		for _, h := range hs[start:end] {
			r := m.row(uint64(h) & m.mask)
			rows[j] = r
			j += int(uint(-r) >> (bits.UintSize - 1)) // 1 unless r is 0 (r >= 0)
		}
		start = end
		rowEnds[t] = int32(j)
	}
	first := int32(0)
	for i, end := range rowEnds {
		ks := rows[first:end]
		first = end
		if n == 9 {
			m.sumRows9((*[9]int64)(e[i*9:(i+1)*9]), ks)
			continue
		}
		row := e[i*n : (i+1)*n : (i+1)*n]
		for _, k := range ks {
			for c, v := range m.fixed[k : k+n] {
				row[c] += int64(v)
			}
		}
	}
}

// sumRows9 adds to row the rows of m.fixed at the offsets ks, for a
// model of 9 labels, with the sums in registers.
func (m *Model) sumRows9(row *[9]int64, ks []int) {
	r0, r1, r2, r3, r4, r5, r6, r7, r8 := row[0], row[1], row[2], row[3], row[4], row[5], row[6], row[7], row[8]
	for _, k := range ks {
		d := (*[9]int32)(m.fixed[k : k+9])
		r0 += int64(d[0])
		r1 += int64(d[1])
		r2 += int64(d[2])
		r3 += int64(d[3])
		r4 += int64(d[4])
		r5 += int64(d[5])
		r6 += int64(d[6])
		r7 += int64(d[7])
		r8 += int64(d[8])
	}
	row[0], row[1], row[2], row[3], row[4], row[5], row[6], row[7], row[8] = r0, r1, r2, r3, r4, r5, r6, r7, r8
}

// TagProbScores is TagProbHashedWith over emission scores already summed
// (see Scores): e holds a row of len(m.Labels()) scores per token. e may
// be s's own buffer.
func (m *Model) TagProbScores(s *Scratch, e []int64) ([]string, []float64) {
	return m.decodeProb(s, m.floats(s, e), len(e)/len(m.labels))
}

// floats returns the scores e, in m's fixed point, as float32 in s's
// buffer: each the float32 nearest the exact sum of its rows.
func (m *Model) floats(s *Scratch, e []int64) []float32 {
	s.e = grow(s.e, len(e))
	f, unit := s.e, m.unit
	for i, v := range e {
		f[i] = float32(float64(v) * unit)
	}
	return f
}

// TagScores is TagProbScores without the probabilities: the best labels
// alone, in s's buffer. MarginalsScores then gives their probabilities,
// for a caller that needs them only for some sentences (those with a name
// it keeps): forward-backward costs more than Viterbi.
func (m *Model) TagScores(s *Scratch, e []int64) []string {
	path := m.viterbiIn(s, m.floats(s, e), len(e)/len(m.labels))
	s.labels = grow(s.labels, len(path))
	for i, c := range path {
		s.labels[i] = m.labels[c]
	}
	return s.labels
}

// MarginalsScores returns the probabilities of the labels that the last
// TagScores through s gave for the same scores e, as TagProbScores gives
// them, in s's buffer.
func (m *Model) MarginalsScores(s *Scratch, e []int64) []float64 {
	return m.MarginalsScoresIn(s, e, 0, len(e)/len(m.labels))
}

// MarginalsScoresIn is MarginalsScores for the tokens [from, to) alone,
// the others left 0: forward-backward stops short of the tokens it need
// not reach. The probabilities of [from, to) are those of
// MarginalsScores, bit for bit.
//
// Both read the scores as TagScores left them in s, in float32, rather
// than convert e again.
func (m *Model) MarginalsScoresIn(s *Scratch, e []int64, from, to int) []float64 {
	return m.marginalsIn(s, s.e[:len(e)], s.path[:len(e)/len(m.labels)], from, to)
}

// decodeProb decodes emission scores e of length tokens into s's buffers.
func (m *Model) decodeProb(s *Scratch, e []float32, length int) ([]string, []float64) {
	path := m.viterbiIn(s, e, length)
	s.labels = grow(s.labels, len(path))
	for i, c := range path {
		s.labels[i] = m.labels[c]
	}
	return s.labels, m.marginals(s, e, path)
}

// marginals returns p(y_i = path[i]) for every token i, by
// forward-backward in probability space with each step rescaled (so that
// only one exponential is taken per token and label, not per pair), in
// s's buffers.
func (m *Model) marginals(s *Scratch, e []float32, path []int) []float64 {
	return m.marginalsIn(s, e, path, 0, len(path))
}

// marginalsIn is marginals for the tokens [from, to) alone (the others
// get 0): the forward pass stops at to and the backward pass at from,
// each value computed as marginals computes it.
func (m *Model) marginalsIn(s *Scratch, e []float32, path []int, from, to int) []float64 {
	n, length := len(m.labels), len(path)
	if length == 0 {
		return nil
	}
	from, to = max(from, 0), min(to, length)
	t := m.info.Temperature
	if t <= 0 {
		t = 1
	}
	inv := 1 / t
	tr, ft := m.expTrans, &m.factors
	if tr == nil {
		tr, ft = m.transFactors(), &s.factors
		ft.make(tr, m.from, m.to, n)
	}
	// The emission factors, each token's scaled by its best label.
	s.fb = grow(s.fb, 3*length*n)
	buf := s.fb
	phi, alpha, beta := buf[:length*n], buf[length*n:2*length*n], buf[2*length*n:]
	// The forward pass reads the factors of [0, to), the backward pass
	// those of [from+1, length): with from < to, every token's.
	for i := range length {
		row := e[i*n : (i+1)*n]
		mx := row[0]
		for _, v := range row {
			mx = max(mx, v)
		}
		for c, v := range row {
			phi[i*n+c] = math.Exp((float64(v) - float64(mx)) * inv)
		}
	}
	for c := range n {
		alpha[c] = tr[c] * phi[c]
	}
	normalize(alpha[:n])
	// The factors of the allowed transitions into each label c (forward,
	// in the order of m.from[c]) and out of each label p (backward, in
	// the order of m.to[p]), read in turn rather than at a stride of n.
	into, intoEnds, outOf, outEnds := ft.into, ft.intoEnds, ft.outOf, ft.outEnds
	if ft.nine != nil {
		forward9(ft.nine, alpha, phi, to)
		for c := range n {
			beta[(length-1)*n+c] = 1
		}
		backward9(ft.nine, beta, phi, from, length)
		return m.pathMarginals(s, alpha, beta, path, from, to)
	}
	for i := 1; i < to; i++ {
		prev := alpha[(i-1)*n : i*n : i*n]
		cur, ph := alpha[i*n:(i+1)*n:(i+1)*n], phi[i*n:(i+1)*n:(i+1)*n]
		j := 0
		for c, end := range intoEnds {
			s := 0.0
			for _, ed := range into[j:end] {
				s += prev[ed.k] * ed.f
			}
			j = int(end)
			cur[c] = s * ph[c]
		}
		normalize(cur)
	}
	for c := range n {
		beta[(length-1)*n+c] = 1
	}
	for i := length - 2; i >= from; i-- {
		cur, ph, next := beta[i*n:(i+1)*n:(i+1)*n], phi[(i+1)*n:(i+2)*n:(i+2)*n], beta[(i+1)*n:(i+2)*n:(i+2)*n]
		j := 0
		for p, end := range outEnds {
			s := 0.0
			for _, ed := range outOf[j:end] {
				s += ed.f * ph[ed.k] * next[ed.k]
			}
			j = int(end)
			cur[p] = s
		}
		normalize(cur)
	}
	return m.pathMarginals(s, alpha, beta, path, from, to)
}

// pathMarginals returns, in s's buffer, the marginal probability of the
// label path[i] of each token i of [from, to) from the tables of
// forward-backward, 0 for the other tokens.
func (m *Model) pathMarginals(s *Scratch, alpha, beta []float64, path []int, from, to int) []float64 {
	n, length := len(m.labels), len(path)
	s.prob = grow(s.prob, length)
	out := s.prob
	clear(out)
	for i := from; i < to; i++ {
		c := path[i]
		z := 0.0
		for k := range n {
			z += alpha[i*n+k] * beta[i*n+k]
		}
		if z > 0 {
			out[i] = alpha[i*n+c] * beta[i*n+c] / z
		}
	}
	return out
}

// forward9 is the forward pass of marginalsIn over the factors of nine,
// for tokens 1 to to-1 (alpha holds token 0's values), with the values
// of the token before in registers: the same sums in the same order as
// over the factor edges.
func forward9(nine *nineFactors, alpha, phi []float64, to int) {
	for i := 1; i < to; i++ {
		prev := (*[9]float64)(alpha[(i-1)*9 : i*9])
		cur, ph := (*[9]float64)(alpha[i*9:(i+1)*9]), (*[9]float64)(phi[i*9:(i+1)*9])
		p0, p1, p2, p3, p4, p5, p6, p7, p8 := prev[0], prev[1], prev[2], prev[3], prev[4], prev[5], prev[6], prev[7], prev[8]
		for c := range 9 {
			s := 0.0
			if nine.full[c] {
				w := &nine.w[c]
				s += p0 * w[0]
				s += p1 * w[1]
				s += p2 * w[2]
				s += p3 * w[3]
				s += p4 * w[4]
				s += p5 * w[5]
				s += p6 * w[6]
				s += p7 * w[7]
				s += p8 * w[8]
			} else {
				s += prev[nine.from[c][0]] * nine.fw[c][0]
				s += prev[nine.from[c][1]] * nine.fw[c][1]
			}
			cur[c] = s * ph[c]
		}
		normalize(cur[:])
	}
}

// backward9 is the backward pass of marginalsIn over the factors of
// nine, from token length-2 down to from (beta holds the last token's
// values): the same products and sums in the same order as over the
// factor edges, and a sixth edge of factor 0 where a label has five,
// which adds 0.
func backward9(nine *nineFactors, beta, phi []float64, from, length int) {
	for i := length - 2; i >= from; i-- {
		cur, ph, next := (*[9]float64)(beta[i*9:(i+1)*9]), (*[9]float64)(phi[(i+1)*9:(i+2)*9]), (*[9]float64)(beta[(i+1)*9:(i+2)*9])
		for p := range 9 {
			k, f := &nine.to[p], &nine.tw[p]
			s := 0.0
			s += f[0] * ph[k[0]] * next[k[0]]
			s += f[1] * ph[k[1]] * next[k[1]]
			s += f[2] * ph[k[2]] * next[k[2]]
			s += f[3] * ph[k[3]] * next[k[3]]
			s += f[4] * ph[k[4]] * next[k[4]]
			s += f[5] * ph[k[5]] * next[k[5]]
			cur[p] = s
		}
		normalize(cur[:])
	}
}

// transFactors returns exp((trans - max)/T) for every transition, 0 where
// BIO forbids it, max being the greatest allowed transition weight: every
// label sequence of a sentence takes one transition per token, so the
// common factor exp(-max/T) cancels in the marginals, and with it exp
// never overflows however low T is (exp(trans/T) did, to +Inf and then
// NaN, for a weight above 709·T).
func (m *Model) transFactors() []float64 {
	t := m.info.Temperature
	if t <= 0 {
		t = 1
	}
	mx := math.Inf(-1)
	for i, v := range m.trans {
		if m.allow[i] {
			mx = max(mx, float64(v))
		}
	}
	tr := make([]float64, len(m.trans))
	for i, v := range m.trans {
		if m.allow[i] {
			tr[i] = math.Exp((float64(v) - mx) / t)
		}
	}
	return tr
}

// normalize scales xs to sum to 1 (when they sum to more than 0).
func normalize(xs []float64) {
	s := 0.0
	for _, x := range xs {
		s += x
	}
	if s > 0 {
		for i := range xs {
			xs[i] /= s
		}
	}
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
	c.factors = factorTable{}
	c.setFactors()
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
	return c.index(), kept
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
