package tagger

import (
	"math"
	"math/rand/v2"
	"slices"
	"testing"
)

// fullViterbi and fullMarginals are Viterbi and forward-backward over
// every pair of labels, the disallowed ones skipped by test (Viterbi) or
// weighted 0 (forward-backward): what Scratch.viterbi and Model.marginals
// computed before they went over the allowed transitions alone.
func fullViterbi(e, trans []float32, allow []bool, n, length int) []int {
	if length == 0 {
		return nil
	}
	const minusInf = float32(-1e30)
	score := make([]float32, length*n)
	back := make([]int, length*n)
	for c := range n {
		score[c] = minusInf
		if allow[c] {
			score[c] = trans[c] + e[c]
		}
	}
	for i := 1; i < length; i++ {
		for c := range n {
			best, arg := minusInf, 0
			for p := range n {
				if !allow[(p+1)*n+c] {
					continue
				}
				if v := score[(i-1)*n+p] + trans[(p+1)*n+c]; v > best {
					best, arg = v, p
				}
			}
			score[i*n+c] = best + e[i*n+c]
			back[i*n+c] = arg
		}
	}
	best, arg := minusInf, 0
	for c := range n {
		if v := score[(length-1)*n+c]; v > best {
			best, arg = v, c
		}
	}
	path := make([]int, length)
	path[length-1] = arg
	for i := length - 1; i > 0; i-- {
		path[i-1] = back[i*n+path[i]]
	}
	return path
}

func fullMarginals(m *Model, e []float32, path []int) []float64 {
	n, length := len(m.labels), len(path)
	if length == 0 {
		return nil
	}
	t := m.info.Temperature
	if t <= 0 {
		t = 1
	}
	inv := 1 / t
	tr := m.transFactors()
	phi, alpha, beta := make([]float64, length*n), make([]float64, length*n), make([]float64, length*n)
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
	for i := 1; i < length; i++ {
		for c := range n {
			s := 0.0
			for p := range n {
				s += alpha[(i-1)*n+p] * tr[(p+1)*n+c]
			}
			alpha[i*n+c] = s * phi[i*n+c]
		}
		normalize(alpha[i*n : (i+1)*n])
	}
	for c := range n {
		beta[(length-1)*n+c] = 1
	}
	for i := length - 2; i >= 0; i-- {
		for p := range n {
			s := 0.0
			for c := range n {
				s += tr[(p+1)*n+c] * phi[(i+1)*n+c] * beta[(i+1)*n+c]
			}
			beta[i*n+p] = s
		}
		normalize(beta[i*n : (i+1)*n])
	}
	out := make([]float64, length)
	for i, c := range path {
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

// TestAllowedPathsMatchFull decodes random emissions with random models
// (label sets of 1 to 4 types in shuffled order, random transition
// weights and temperatures, sentences of 0 to 40 tokens, some emissions
// far apart) through one reused Scratch, and checks that the path and the
// marginals are those of the loops over every pair, bit for bit.
func TestAllowedPathsMatchFull(t *testing.T) {
	rng := rand.New(rand.NewPCG(10, 11))
	types := []string{"PERS", "LOC", "ORG", "MISC"}
	var s Scratch
	nineTrials := 0 // 9 labels (four types), decoded by viterbi9
	for trial := range 300 {
		labels := []string{"O"}
		for _, typ := range types[:1+rng.IntN(len(types))] {
			labels = append(labels, "B-"+typ, "I-"+typ)
		}
		rng.Shuffle(len(labels), func(i, j int) { labels[i], labels[j] = labels[j], labels[i] })
		m := newModel(Info{Bits: 4, Temperature: []float64{0, 0.3, 1, 2.5}[rng.IntN(4)]}, labels)
		scale := float32([]float64{0.1, 1, 10, 100}[rng.IntN(4)])
		for i := range m.trans {
			m.trans[i] = (rng.Float32()*2 - 1) * scale
		}
		m.index()
		n, length := len(labels), rng.IntN(41)
		e := make([]float32, length*n)
		for i := range e {
			e[i] = (rng.Float32()*2 - 1) * scale
		}
		want := fullViterbi(e, m.trans, m.allow, n, length)
		if got := s.viterbi(e, m.trans, m.allow, m.from, n, length); !slices.Equal(got, want) {
			t.Fatalf("trial %d, labels %q: path %v, over every pair %v", trial, labels, got, want)
		}
		if (s.vt.nine != nil) != (n == 9) {
			t.Fatalf("trial %d, labels %q: the 9-label loop (viterbi9) is used: %v, want %v", trial, labels, s.vt.nine != nil, n == 9)
		}
		if n == 9 && length > 1 {
			nineTrials++
		}
		if (m.factors.nine != nil) != (n == 9) {
			t.Fatalf("trial %d, labels %q: the 9-label forward-backward (forward9) is used: %v, want %v", trial, labels, m.factors.nine != nil, n == 9)
		}
		if got := m.viterbiIn(&s, e, length); !slices.Equal(got, want) {
			t.Fatalf("trial %d, labels %q: path with the model's edges %v, over every pair %v", trial, labels, got, want)
		}
		wantP := fullMarginals(m, e, want)
		if got := m.marginals(&s, e, want); !slices.Equal(got, wantP) {
			t.Fatalf("trial %d, labels %q: marginals %v, over every pair %v", trial, labels, got, wantP)
		}
		// The factors made at each call, as for a model that has none.
		bare := *m
		bare.expTrans, bare.factors = nil, factorTable{}
		if got := bare.marginals(&s, e, want); !slices.Equal(got, wantP) {
			t.Fatalf("trial %d, labels %q: marginals without the model's factors %v, over every pair %v", trial, labels, got, wantP)
		}
		// A range of tokens alone: the same values there, 0 elsewhere.
		from := rng.IntN(length + 1)
		to := from + rng.IntN(length-from+1)
		got := m.marginalsIn(&s, e, want, from, to)
		for i := range got {
			w := 0.0
			if i >= from && i < to {
				w = wantP[i]
			}
			if got[i] != w {
				t.Fatalf("trial %d, tokens [%d, %d) of %d: token %d %v, want %v", trial, from, to, length, i, got[i], w)
			}
		}
	}
	if nineTrials < 30 {
		t.Errorf("%d trials of 9 labels and 2 or more tokens went through viterbi9, want at least 30", nineTrials)
	}
}

// nineLabels are the labels of a model of the default's shape.
var nineLabels = []string{"O", "B-PERS", "I-PERS", "B-LOC", "I-LOC", "B-ORG", "I-ORG", "B-MISC", "I-MISC"}

// latticeValue returns a weight or an emission of one of three kinds:
// a small integer (0: ties), one within ±wide (1), or within ±1.
func latticeValue(rng *rand.Rand, kind int, wide float32) float32 {
	switch kind {
	case 0:
		return float32(rng.IntN(5) - 2)
	case 1:
		return (rng.Float32()*2 - 1) * wide
	default:
		return rng.Float32()*2 - 1
	}
}

// shuffledNineModel returns a model of info with the labels of
// nineLabels in a random order, its labels, and the kind of latticeValue
// (within ±wide) its transitions were drawn of.
func shuffledNineModel(rng *rand.Rand, info Info, wide float32) (*Model, []string, int) {
	ls := slices.Clone(nineLabels)
	rng.Shuffle(len(ls), func(i, j int) { ls[i], ls[j] = ls[j], ls[i] })
	m := newModel(info, ls)
	kind := rng.IntN(3)
	for i := range m.trans {
		m.trans[i] = latticeValue(rng, kind, wide)
	}
	return m.index(), ls, kind
}

// TestViterbi9MatchesEdges checks viterbi9 against viterbiEdges, the
// general loop, on the whole lattice (every score and back-pointer, bit
// for bit), for models of 9 labels in shuffled orders, with emissions
// and transitions that tie (small integers), where one label dominates
// and at random, and with labels the sentence may not start with (the
// lattice's -1e30).
func TestViterbi9MatchesEdges(t *testing.T) {
	rng := rand.New(rand.NewPCG(21, 22))
	value := func(kind int) float32 { return latticeValue(rng, kind, 50) }
	for trial := range 400 {
		m, ls, kind := shuffledNineModel(rng, Info{Bits: 4}, 50)
		if m.viterbi.nine == nil {
			t.Fatalf("trial %d, labels %q: no 9-label edges", trial, ls)
		}
		length := 1 + rng.IntN(30)
		e := make([]float32, length*9)
		for i := range length {
			dominant := rng.IntN(12) // one label far above the others in most tokens
			for c := range 9 {
				e[i*9+c] = value(kind)
				if c == dominant {
					e[i*9+c] += 100
				}
			}
		}
		first := func() ([]float32, []int32) {
			score, back := make([]float32, length*9), make([]int32, length*9)
			for c := range 9 {
				score[c] = float32(-1e30)
				if m.allow[c] {
					score[c] = m.trans[c] + e[c]
				}
			}
			return score, back
		}
		wantS, wantB := first()
		viterbiEdges(&m.viterbi, wantS, wantB, e, 9, length)
		gotS, gotB := first()
		viterbi9(m.viterbi.nine, gotS, gotB, e, length)
		if !slices.Equal(gotS, wantS) || !slices.Equal(gotB, wantB) {
			t.Fatalf("trial %d, labels %q: viterbi9 %v %v, the general loop %v %v", trial, ls, gotS, gotB, wantS, wantB)
		}
	}
}

// TestMarginals9MatchesEdges checks forward9 and backward9 against the
// general loops over the factor edges: the marginals of random ranges of
// tokens, bit for bit, for models of 9 labels in shuffled orders, with
// transitions and emissions that tie, that are wide apart (factors that
// underflow to 0) and at random, and at several temperatures.
func TestMarginals9MatchesEdges(t *testing.T) {
	rng := rand.New(rand.NewPCG(31, 32))
	value := func(kind int) float32 { return latticeValue(rng, kind, 500) }
	var s Scratch
	for trial := range 400 {
		m, ls, kind := shuffledNineModel(rng, Info{Bits: 4, Temperature: []float64{0, 0.3, 1, 2.5}[rng.IntN(4)]}, 500)
		if m.factors.nine == nil {
			t.Fatalf("trial %d, labels %q: no 9-label factors", trial, ls)
		}
		edges := *m
		edges.factors.nine = nil
		length := 1 + rng.IntN(40)
		e := make([]float32, length*9)
		for i := range e {
			e[i] = value(kind)
		}
		path := slices.Clone(m.viterbiIn(&s, e, length))
		from := rng.IntN(length)
		to := from + 1 + rng.IntN(length-from)
		want := slices.Clone(edges.marginalsIn(&s, e, path, from, to))
		got := m.marginalsIn(&s, e, path, from, to)
		if !slices.Equal(got, want) {
			t.Fatalf("trial %d, labels %q, tokens [%d, %d) of %d: forward9/backward9 %v, the edges %v", trial, ls, from, to, length, got, want)
		}
	}
}
