package tagger

// Model is a trained tagger. It is never modified after training or
// loading, so one Model may be shared by any number of goroutines.
type Model struct {
	info    Info
	labels  []string
	mask    uint64    // len(feature table) - 1; the table has 1<<Bits rows
	weights []float32 // row-major: feature bucket × label
	trans   []float32 // (prev label + 1) × label; row 0 is the sentence start
	allow   []bool    // same shape as trans: whether the transition is valid BIO
	// live has a bit set for every feature bucket with a non-zero weight
	// (see index), so that emissions skip the others without reading
	// their rows; nil means every bucket may be live.
	live []uint64
	// expTrans caches transFactors (see index); nil means compute them.
	expTrans []float64
}

// index sets m.live from m.weights; the model must not change after.
func (m *Model) index() *Model {
	n := len(m.labels)
	m.live = make([]uint64, (len(m.weights)/n+63)/64)
	for b := 0; b*n < len(m.weights); b++ {
		for _, v := range m.weights[b*n : (b+1)*n] {
			if v != 0 {
				m.live[b/64] |= 1 << (b % 64)
				break
			}
		}
	}
	m.expTrans = m.transFactors()
	return m
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

// emissions returns the score of every label at every token. live, if
// not nil, marks the buckets with a weight (see Model.index).
func emissions(w []float32, rows [][]int, n int, live []uint64) []float32 {
	e := make([]float32, len(rows)*n)
	for i, r := range rows {
		row := e[i*n : (i+1)*n]
		for _, off := range r {
			if live != nil {
				if b := off / n; live[b/64]&(1<<(b%64)) == 0 {
					continue
				}
			}
			for c, v := range w[off : off+n] {
				row[c] += v
			}
		}
	}
	return e
}

// viterbi returns the best valid label sequence given emission scores.
func viterbi(e, trans []float32, allow []bool, n, length int) []int {
	if length == 0 {
		return nil
	}
	const minusInf = float32(-1e30)
	score := make([]float32, length*n)
	back := make([]int, length*n)
	for c := range n {
		if allow[c] {
			score[c] = trans[c] + e[c]
		} else {
			score[c] = minusInf
		}
	}
	for i := 1; i < length; i++ {
		for c := range n {
			best, arg := minusInf, 0
			for p := range n {
				if !allow[(p+1)*n+c] {
					continue
				}
				s := score[(i-1)*n+p] + trans[(p+1)*n+c]
				if s > best {
					best, arg = s, p
				}
			}
			score[i*n+c] = best + e[i*n+c]
			back[i*n+c] = arg
		}
	}
	best, arg := minusInf, 0
	for c := range n {
		if s := score[(length-1)*n+c]; s > best {
			best, arg = s, c
		}
	}
	path := make([]int, length)
	path[length-1] = arg
	for i := length - 1; i > 0; i-- {
		path[i-1] = back[i*n+path[i]]
	}
	return path
}

// Tag labels one sentence: features[i] are the feature strings of token i.
// The result is a valid BIO sequence of the model's labels.
func (m *Model) Tag(features [][]string) []string {
	n := len(m.labels)
	e := emissions(m.weights, m.rows(features), n, m.live)
	path := viterbi(e, m.trans, m.allow, n, len(features))
	out := make([]string, len(path))
	for i, c := range path {
		out[i] = m.labels[c]
	}
	return out
}
