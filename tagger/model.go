package tagger

import (
	"math"
	"math/bits"
	"slices"
)

// Model is a trained tagger. It is never modified after training or
// loading, so one Model may be shared by any number of goroutines.
type Model struct {
	info    Info
	labels  []string
	mask    uint64    // len(feature table) - 1; the table has 1<<Bits rows
	weights []float32 // row-major: feature bucket × label
	trans   []float32 // (prev label + 1) × label; row 0 is the sentence start
	allow   []bool    // same shape as trans: whether the transition is valid BIO
	// from[c] lists the labels p that BIO lets label c follow, and to[p]
	// the labels that may follow p, both in increasing order: the loops of
	// Viterbi and forward-backward go over them alone (I-X follows only
	// B-X and I-X), the same sums as over every pair with the others left
	// out, where their factor is 0.
	from, to [][]int32
	// live has a bit set for every feature bucket with a non-zero weight
	// (see index), so that emissions skip the others without reading
	// their rows; nil means every bucket may be live.
	live []uint64
	// rank and fixed are the live rows of weights packed together, in
	// fixed point, for the tagging methods: fixed holds a row of zeros
	// and then the rows of the live buckets in order (n int32 each, the
	// weights times 2^shift, rounded), and rank has, for each 64 buckets,
	// which are live and how many live ones come before them, so that a
	// bucket's row is found in 64 KB that stay in cache. The 2^18 buckets
	// of the default model have 52,000 live rows (1.9 MB) where the full
	// table is 9.4 MB of mostly zeros read at random. Integer sums are the
	// same in any order: a word's features may be summed once per word
	// type, those of its neighbours too, and the scores are still those of
	// adding every row one by one (see AddFeatures).
	rank  []rankWord
	fixed []int32
	shift int     // the weights' fixed point: 2^shift units to 1
	unit  float64 // 2^-shift
	// expTrans caches transFactors (see index); nil means compute them,
	// and the factor edges of forward-backward (see marginalsIn) with them.
	expTrans []float64
	factors  factorTable
	// viterbi holds the edges of the Viterbi loop (see viterbiWith), made
	// once; nil edges mean make them at each call.
	viterbi viterbiTable
}

// rankWord is 64 buckets of the table: which are live, and how many live
// buckets come before them.
type rankWord struct {
	live   uint64
	before uint32
}

// index sets m.live, m.rank, m.fixed and its shift from m.weights; the
// model must not change after.
func (m *Model) index() *Model {
	n := len(m.labels)
	buckets := len(m.weights) / n
	m.shift = fixedShift(m.weights)
	m.unit = math.Ldexp(1, -m.shift)
	m.live = make([]uint64, (buckets+63)/64)
	m.rank = make([]rankWord, len(m.live))
	m.fixed = make([]int32, n, n*(1+buckets/8)) // row 0: zeros
	for b := range buckets {
		row := m.weights[b*n : (b+1)*n]
		for _, v := range row {
			if v != 0 {
				m.live[b/64] |= 1 << (b % 64)
				for _, v := range row {
					m.fixed = append(m.fixed, m.toFixed(v))
				}
				break
			}
		}
	}
	before := 0
	for i, w := range m.live {
		m.rank[i] = rankWord{live: w, before: uint32(before)}
		before += bits.OnesCount64(w)
	}
	m.viterbi.make(m.trans, m.from, n)
	m.setFactors()
	return m
}

// fixedShift returns the fixed point of the weights w: the greatest shift
// (at most 24) at which any 16 of them, times 2^shift, sum within an
// int32 (a word's own features are 15 at most; see AddFeatures). The
// default model's weights, at most 55.5, get 21: a weight is rounded to
// 2^-21 (4.8e-7), finer than float32 sums of some 30 of them were
// (2^-17 for a sum between 64 and 128).
func fixedShift(w []float32) int {
	mx := 0.0
	for _, v := range w {
		mx = max(mx, math.Abs(float64(v)))
	}
	shift := 24
	for shift > -60 && mx*16*math.Ldexp(1, shift) >= 1<<31 {
		shift--
	}
	return shift
}

// toFixed returns the weight v in m's fixed point.
func (m *Model) toFixed(v float32) int32 {
	return int32(math.Round(math.Ldexp(float64(v), m.shift)))
}

// setFactors sets m.expTrans and m.factors from m's transitions and
// temperature.
func (m *Model) setFactors() {
	m.expTrans = m.transFactors()
	m.factors.make(m.expTrans, m.from, m.to, len(m.labels))
}

// row returns the offset in m.fixed of bucket b's row: 0, a row of
// zeros, when the bucket has no weight. It does not branch on whether
// the bucket is live, which is as good as random.
func (m *Model) row(b uint64) int {
	w := m.rank[b>>6]
	bit := uint64(1) << (b & 63)
	k := int(w.before) + bits.OnesCount64(w.live&(bit-1)) + 1
	live := int((w.live >> (b & 63)) & 1)
	return (k & -live) * len(m.labels)
}

// Info describes how a model was made. It is stored in the model file.
type Info struct {
	// FeatureSet names the feature extractor and its version; a model is
	// only meaningful with the features it was trained on.
	FeatureSet string `json:"feature_set"`
	// Data lists the training files with their licences.
	Data []string `json:"data,omitempty"`
	// Settings records the training settings, e.g. "epochs=10 seed=1 bits=18".
	Settings string `json:"settings,omitempty"`
	// Bits is log2 of the number of feature buckets.
	Bits int `json:"bits"`
	// Temperature divides the scores in TagProb (see Calibrate); 0 is 1.
	Temperature float64 `json:"temperature,omitempty"`
}

// Info returns how the model was made.
func (m *Model) Info() Info { return m.info }

// Labels returns the model's labels; the caller must not modify the slice.
func (m *Model) Labels() []string { return m.labels }

func hashFeature(f string) uint64 { return uint64(NewHash().Add(f)) }

// Hash is the 64-bit FNV-1a hash of a feature string, built in parts
// without the string: NewHash().Add("n-1=").Add(word) is the hash of the
// feature "n-1="+word, as the model hashes the strings of Tag.
type Hash uint64

// NewHash returns the hash of the empty string.
func NewHash() Hash { return 14695981039346656037 }

// Add returns the hash of the string hashed so far followed by s.
func (h Hash) Add(s string) Hash {
	for i := 0; i < len(s); i++ {
		h ^= Hash(s[i])
		h *= 1099511628211
	}
	return h
}

func newModel(info Info, labels []string) *Model {
	n := len(labels)
	m := &Model{
		info:    info,
		labels:  append([]string(nil), labels...),
		mask:    1<<uint(info.Bits) - 1,
		weights: make([]float32, (1<<uint(info.Bits))*n),
		trans:   make([]float32, (n+1)*n),
		allow:   make([]bool, (n+1)*n),
	}
	for p := -1; p < n; p++ {
		prev := ""
		if p >= 0 {
			prev = labels[p]
		}
		for c := range n {
			m.allow[(p+1)*n+c] = allowed(prev, labels[c])
		}
	}
	m.from, m.to = make([][]int32, n), make([][]int32, n)
	for p := range n {
		for c := range n {
			if m.allow[(p+1)*n+c] {
				m.from[c] = append(m.from[c], int32(p))
				m.to[p] = append(m.to[p], int32(c))
			}
		}
	}
	return m
}

// rows turns each token's features into bucket row offsets.
func (m *Model) rows(features [][]string) [][]int {
	n := len(m.labels)
	out := make([][]int, len(features))
	for i, fs := range features {
		r := make([]int, len(fs))
		for j, f := range fs {
			r[j] = int(hashFeature(f)&m.mask) * n
		}
		out[i] = r
	}
	return out
}

// emissions returns the score of every label at every token, in float32
// over the weights as they are: training's, whose weights change at
// every step (a model's tagging methods sum its fixed point rows).
func emissions(w []float32, rows [][]int, n int) []float32 {
	e := make([]float32, len(rows)*n)
	for i, r := range rows {
		row := e[i*n : (i+1)*n]
		for _, off := range r {
			for c, v := range w[off : off+n] {
				row[c] += v
			}
		}
	}
	return e
}

// viterbi returns the best valid label sequence given emission scores:
// allow is the shape of trans, and from[c] the labels that may come
// before c (see Model.from).
func viterbi(e, trans []float32, allow []bool, from [][]int32, n, length int) []int {
	return new(Scratch).viterbi(e, trans, allow, from, n, length)
}

// viterbi is viterbi with the lattice, back-pointers and path in s's
// buffers; the path is s's, good until s is used again.
func (s *Scratch) viterbi(e, trans []float32, allow []bool, from [][]int32, n, length int) []int {
	s.vt.make(trans, from, n)
	return s.viterbiWith(&s.vt, e, trans, allow, n, length)
}

// viterbiIn is Scratch.viterbi with m's transitions and edges.
func (m *Model) viterbiIn(s *Scratch, e []float32, length int) []int {
	if m.viterbi.ends == nil {
		return s.viterbi(e, m.trans, m.allow, m.from, len(m.labels), length)
	}
	return s.viterbiWith(&m.viterbi, e, m.trans, m.allow, len(m.labels), length)
}

// viterbiTable holds the allowed transitions into each label c, in the
// order of from[c], with their weights: edges[ends[c-1]:ends[c]], read in
// turn rather than at a stride of n in trans.
type viterbiTable struct {
	edges []edge
	ends  []int32
	// nine is the same edges for 9 labels, each label following all 9
	// or 2 (O, B-X and I-X of four types, as the default model), when
	// they are so; nil otherwise.
	nine *nineEdges
}

// nineEdges are the edges of a viterbiTable of 9 labels, with their
// weights (see nineInto).
type nineEdges = nineInto[float32]

// make sets t to the edges of trans and from (see Model.from), in t's
// arrays.
func (t *viterbiTable) make(trans []float32, from [][]int32, n int) {
	t.edges = t.edges[:0]
	t.ends = grow(t.ends, n)
	for c := range n {
		for _, p := range from[c] {
			t.edges = append(t.edges, edge{p: p, w: trans[int(p+1)*n+c]})
		}
		t.ends[c] = int32(len(t.edges))
	}
	t.nine = nil
	if nine := new(nineEdges); n == 9 && nine.set(trans, from) {
		t.nine = nine
	}
}

// nineInto holds the transitions into each label of a model of 9 labels
// (O and B/I of four types, as the default), as Viterbi's weights
// (float32: nineEdges) or forward-backward's factors (float64, in
// nineFactors): into each label c either from all 9 (full[c], w[c][p]
// from label p) or from the two labels from[c] (fw[c]), in increasing
// order as in Model.from.
type nineInto[T float32 | float64] struct {
	full [9]bool
	w    [9][9]T
	from [9][2]int32
	fw   [9][2]T
}

// set sets t to the transitions v (in trans's shape: v[(p+1)*9+c] from
// p to c) of the labels from (see Model.from), and reports whether every
// label follows all 9 or 2.
func (t *nineInto[T]) set(v []T, from [][]int32) bool {
	const n = 9
	for c := range n {
		switch ps := from[c]; len(ps) {
		case 9: // 0 to 8, in order
			t.full[c] = true
			for p := range n {
				t.w[c][p] = v[(p+1)*n+c]
			}
		case 2:
			for k, p := range ps {
				t.from[c][k], t.fw[c][k] = p, v[int(p+1)*n+c]
			}
		default:
			return false
		}
	}
	return true
}

// viterbiWith is viterbi with the edges of t, made from trans.
func (s *Scratch) viterbiWith(t *viterbiTable, e, trans []float32, allow []bool, n, length int) []int {
	if length == 0 {
		return nil
	}
	const minusInf = float32(-1e30)
	s.score = grow(s.score, length*n)
	s.back = grow(s.back, length*n)
	score, back := s.score, s.back
	for c := range n {
		if allow[c] {
			score[c] = trans[c] + e[c]
		} else {
			score[c] = minusInf
		}
		back[c] = 0
	}
	if t.nine != nil {
		viterbi9(t.nine, score, back, e, length)
	} else {
		viterbiEdges(t, score, back, e, n, length)
	}
	best, arg := minusInf, 0
	for c := range n {
		if v := score[(length-1)*n+c]; v > best {
			best, arg = v, c
		}
	}
	s.path = grow(s.path, length)
	path := s.path
	path[length-1] = arg
	for i := length - 1; i > 0; i-- {
		path[i-1] = int(back[i*n+path[i]])
	}
	return path
}

// viterbiEdges is the loop of viterbiWith over the edges of t, for any
// number of labels n: score and back hold the first token's values.
func viterbiEdges(t *viterbiTable, score []float32, back []int32, e []float32, n, length int) {
	const minusInf = float32(-1e30)
	edges, ends := t.edges, t.ends
	for i := 1; i < length; i++ {
		prev := score[(i-1)*n : i*n : i*n]
		cur, bk, ei := score[i*n:(i+1)*n:(i+1)*n], back[i*n:(i+1)*n:(i+1)*n], e[i*n:(i+1)*n:(i+1)*n]
		j := 0
		for c, end := range ends {
			best, arg := minusInf, int32(0)
			for _, ed := range edges[j:end] {
				if v := prev[ed.p] + ed.w; v > best {
					best, arg = v, ed.p
				}
			}
			j = int(end)
			cur[c] = best + ei[c]
			bk[c] = arg
		}
	}
}

// viterbi9 is viterbiEdges over the edges of nine, with the
// scores of the token before in registers rather than read at each edge:
// the same sums and comparisons in the same order.
func viterbi9(nine *nineEdges, score []float32, back []int32, e []float32, length int) {
	const minusInf = float32(-1e30)
	for i := 1; i < length; i++ {
		prev := (*[9]float32)(score[(i-1)*9 : i*9])
		cur, bk, ei := (*[9]float32)(score[i*9:(i+1)*9]), (*[9]int32)(back[i*9:(i+1)*9]), (*[9]float32)(e[i*9:(i+1)*9])
		p0, p1, p2, p3, p4, p5, p6, p7, p8 := prev[0], prev[1], prev[2], prev[3], prev[4], prev[5], prev[6], prev[7], prev[8]
		for c := range 9 {
			best, arg := minusInf, int32(0)
			if nine.full[c] {
				w := &nine.w[c]
				if v := p0 + w[0]; v > best {
					best, arg = v, 0
				}
				if v := p1 + w[1]; v > best {
					best, arg = v, 1
				}
				if v := p2 + w[2]; v > best {
					best, arg = v, 2
				}
				if v := p3 + w[3]; v > best {
					best, arg = v, 3
				}
				if v := p4 + w[4]; v > best {
					best, arg = v, 4
				}
				if v := p5 + w[5]; v > best {
					best, arg = v, 5
				}
				if v := p6 + w[6]; v > best {
					best, arg = v, 6
				}
				if v := p7 + w[7]; v > best {
					best, arg = v, 7
				}
				if v := p8 + w[8]; v > best {
					best, arg = v, 8
				}
			} else {
				a, b := nine.from[c][0], nine.from[c][1]
				if v := prev[a] + nine.fw[c][0]; v > best {
					best, arg = v, a
				}
				if v := prev[b] + nine.fw[c][1]; v > best {
					best, arg = v, b
				}
			}
			cur[c] = best + ei[c]
			bk[c] = arg
		}
	}
}

// edge is an allowed transition from label p, with its weight w, as the
// Viterbi loop reads them.
type edge struct {
	p int32
	w float32
}

// Tag labels one sentence: features[i] are the feature strings of token i.
// The result is a valid BIO sequence of the model's labels.
func (m *Model) Tag(features [][]string) []string {
	s := new(Scratch)
	return slices.Clone(m.TagScores(s, m.sums(s, features)))
}

// sums returns the emission scores of the feature strings, in s's buffer.
func (m *Model) sums(s *Scratch, features [][]string) []int64 {
	n := len(m.labels)
	e := s.Scores(m, len(features))
	var hs []Hash
	for i, fs := range features {
		hs = hs[:0]
		for _, f := range fs {
			hs = append(hs, NewHash().Add(f))
		}
		m.AddFeatures(e[i*n:(i+1)*n:(i+1)*n], hs)
	}
	return e
}
