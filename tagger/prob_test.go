package tagger

import (
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"testing"
)

// bruteMarginals enumerates every valid label sequence of a short
// sentence and sums exp(score/T) by the label at each token, the scores
// less the best first so that no exponential overflows.
func bruteMarginals(m *Model, features [][]string, t float64) [][]float64 {
	n, length := len(m.labels), len(features)
	var sc Scratch
	e := m.floats(&sc, m.sums(&sc, features))
	out := make([][]float64, length)
	for i := range out {
		out[i] = make([]float64, n)
	}
	var seqs [][]int
	var scores []float64
	seq := make([]int, length)
	var walk func(i int)
	walk = func(i int) {
		if i == length {
			s := 0.0
			for k, c := range seq {
				p := 0
				if k > 0 {
					p = seq[k-1] + 1
				}
				if !m.allow[p*n+c] {
					return
				}
				s += float64(m.trans[p*n+c]) + float64(e[k*n+c])
			}
			seqs = append(seqs, slices.Clone(seq))
			scores = append(scores, s)
			return
		}
		for c := range n {
			seq[i] = c
			walk(i + 1)
		}
	}
	walk(0)
	best := slices.Max(scores)
	z := 0.0
	for j, sq := range seqs {
		w := math.Exp((scores[j] - best) / t)
		z += w
		for k, c := range sq {
			out[k][c] += w
		}
	}
	for i := range out {
		for c := range out[i] {
			out[i][c] /= z
		}
	}
	return out
}

// TestTagProbExtremeTransitions checks the marginals where exp(trans/T)
// is out of float64's range: transition weights far above 709·T (a low
// temperature, or large weights) gave +Inf factors and NaN marginals
// before transFactors took the greatest weight off.
func TestTagProbExtremeTransitions(t *testing.T) {
	base, err := Train(toy(), Config{Epochs: 2, Seed: 3, Bits: 10})
	if err != nil {
		t.Fatal(err)
	}
	shifted := func(by float32) *Model {
		c := *base
		c.trans = slices.Clone(base.trans)
		for i := range c.trans {
			c.trans[i] += by // the same for every sequence: marginals unchanged
		}
		return c.index()
	}
	tests := []struct {
		name string
		m    *Model
		temp float64
	}{
		{"weights shifted by +1000 at T=1", shifted(1000), 1},
		{"weights shifted by -1000 at T=1", shifted(-1000), 1},
		{"low temperature T=0.01", base, 0.01},
		{"shifted by +50 at T=0.05", shifted(50), 0.05},
	}
	index := map[string]int{}
	for i, l := range base.labels {
		index[l] = i
	}
	fs := toyFeatures([]string{"mr", "Zaki", "went", "to", "rome"}, []string{"paris", "cairo", "rome"})
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			labels, prob := tc.m.WithTemperature(tc.temp).TagProb(fs)
			brute := bruteMarginals(tc.m, fs, tc.temp)
			for i, l := range labels {
				want := brute[i][index[l]]
				if math.IsNaN(prob[i]) || math.Abs(prob[i]-want) > 1e-9 {
					t.Errorf("token %d (%s): marginal %v, enumeration %.9f", i, l, prob[i], want)
				}
			}
		})
	}
}

func TestTagProbMatchesEnumeration(t *testing.T) {
	m, err := Train(toy(), Config{Epochs: 2, Seed: 3, Bits: 10})
	if err != nil {
		t.Fatal(err)
	}
	places := []string{"paris", "cairo", "rome"}
	for _, temp := range []float64{0.5, 1, 4} {
		mt := m.WithTemperature(temp)
		fs := toyFeatures([]string{"mr", "Zaki", "went", "to", "rome"}, places)
		labels, prob := mt.TagProb(fs)
		if want := m.Tag(fs); !slices.Equal(labels, want) {
			t.Fatalf("TagProb labels %q, Tag %q", labels, want)
		}
		brute := bruteMarginals(m, fs, temp)
		index := map[string]int{}
		for i, l := range m.labels {
			index[l] = i
		}
		for i, l := range labels {
			if want := brute[i][index[l]]; math.Abs(prob[i]-want) > 1e-9 {
				t.Errorf("T=%g token %d (%s): marginal %.12f, enumeration %.12f", temp, i, l, prob[i], want)
			}
		}
	}
}

func TestTemperatureSharpens(t *testing.T) {
	m, _ := Train(toy(), Config{Epochs: 2, Seed: 3, Bits: 10})
	fs := toyFeatures([]string{"mr", "Zaki", "went"}, nil)
	_, cold := m.WithTemperature(0.25).TagProb(fs)
	_, hot := m.WithTemperature(50).TagProb(fs)
	for i := range cold {
		if !(cold[i] >= hot[i]) {
			t.Errorf("token %d: probability %.4f at T=0.25 below %.4f at T=50", i, cold[i], hot[i])
		}
	}
	if hot[1] > 0.9 {
		t.Errorf("at T=50 the probability of the name is %.4f; a high temperature should flatten it", hot[1])
	}
}

func TestPruned(t *testing.T) {
	m, _ := Train(toy(), Config{Epochs: 2, Seed: 3, Bits: 10})
	p, kept := m.Pruned(0.5)
	nz := 0
	for i, v := range p.weights {
		if v != 0 {
			nz++
			if math.Abs(float64(v)) < 0.5 || v != m.weights[i] {
				t.Fatalf("weight %d: pruned %g from %g", i, v, m.weights[i])
			}
		} else if math.Abs(float64(m.weights[i])) >= 0.5 {
			t.Fatalf("weight %d = %g dropped", i, m.weights[i])
		}
	}
	if nz != kept {
		t.Errorf("Pruned reports %d kept, %d non-zero", kept, nz)
	}
}

func TestCalibrate(t *testing.T) {
	m, _ := Train(toy(), Config{Epochs: 2, Seed: 3, Bits: 10})
	// Spans that are right half of the time: the best temperature is the
	// one whose confidence is nearest 0.5.
	spans := func(mt *Model) ([]float64, []bool) {
		_, p := mt.TagProb(toyFeatures([]string{"mr", "Zaki"}, nil))
		return []float64{p[1], p[1]}, []bool{true, false}
	}
	temps := []float64{0.1, 1, 1000}
	got := Calibrate(m, temps, spans)
	best := math.Inf(1)
	var want float64
	for _, tt := range temps {
		c, _ := spans(m.WithTemperature(tt))
		if d := math.Abs(c[0] - 0.5); d < best {
			best, want = d, tt
		}
	}
	if got != want {
		t.Errorf("Calibrate = %g, want %g", got, want)
	}
}

func TestHashMatchesStrings(t *testing.T) {
	m, _ := Train(toy(), Config{Epochs: 2, Seed: 3, Bits: 10})
	words := []string{"mr", "Zaki", "went", "to", "rome"}
	fs := toyFeatures(words, []string{"rome"})
	hs := make([][]Hash, len(fs))
	for i, f := range fs {
		for _, s := range f {
			// Build each hash in two parts, split anywhere.
			k := len(s) / 2
			hs[i] = append(hs[i], NewHash().Add(s[:k]).Add(s[k:]))
			if uint64(hs[i][len(hs[i])-1]) != hashFeature(s) {
				t.Fatalf("hash of %q in parts differs from the whole", s)
			}
		}
	}
	l1, p1 := m.TagProb(fs)
	l2, p2 := m.TagProbHashed(hs)
	if !slices.Equal(l1, l2) || !slices.Equal(p1, p2) {
		t.Errorf("TagProbHashed = %q %v, TagProb = %q %v", l2, p2, l1, p1)
	}
}

// TestScratchReuse tags sentences of different lengths through one
// Scratch, longest first and then shorter, and checks each result against
// a fresh TagProb: nothing left in the buffers from an earlier sentence
// may leak into a later one.
func TestScratchReuse(t *testing.T) {
	m, _ := Train(toy(), Config{Epochs: 2, Seed: 3, Bits: 10})
	places := []string{"paris", "cairo", "rome"}
	sentences := [][]string{
		{"mr", "Zaki", "went", "to", "rome", "and", "paris"},
		{"Zaki"},
		{"to", "cairo", "went", "mr", "Zaki"},
		{},
		{"mr", "Zaki"},
	}
	var s Scratch
	for _, words := range sentences {
		fs := toyFeatures(words, places)
		hs := make([][]Hash, len(fs))
		for i, f := range fs {
			for _, x := range f {
				hs[i] = append(hs[i], NewHash().Add(x))
			}
		}
		wantL, wantP := m.TagProb(fs)
		gotL, gotP := m.TagProbHashedWith(&s, hs)
		if !slices.Equal(gotL, wantL) || !slices.Equal(gotP, wantP) {
			t.Errorf("%q: with a reused Scratch %q %v, fresh %q %v", words, gotL, gotP, wantL, wantP)
		}
	}
}

// TestPackedRows checks, for every bucket of a trained and pruned model,
// that the packed row TagProbHashed reads is the bucket's row of the full
// table (zeros for a bucket without weights).
func TestPackedRows(t *testing.T) {
	m, _ := Train(toy(), Config{Epochs: 2, Seed: 3, Bits: 10})
	for _, tc := range []struct {
		name string
		m    *Model
	}{{"trained", m}, {"pruned", func() *Model { p, _ := m.Pruned(0.5); return p }()}} {
		t.Run(tc.name, func(t *testing.T) {
			n := len(tc.m.labels)
			live := 0
			for b := 0; b*n < len(tc.m.weights); b++ {
				want := make([]int32, n)
				for c, v := range tc.m.weights[b*n : (b+1)*n] {
					want[c] = tc.m.toFixed(v)
				}
				k := tc.m.row(uint64(b))
				if got := tc.m.fixed[k : k+n]; !slices.Equal(got, want) {
					t.Fatalf("bucket %d: packed row %v, table %v", b, got, want)
				}
				if k != 0 {
					live++
				}
			}
			if live == 0 || live*n+n != len(tc.m.fixed) {
				t.Errorf("%d live rows, %d packed values", live, len(tc.m.fixed))
			}
		})
	}
}

// TestScoresInParts sums each token's features in two parts, the first k
// into a row of their own (as a word's features are summed once per word
// type) and the rest after a copy of it, and checks that TagProbScores
// gives TagProbHashed's labels and probabilities bit for bit, for every
// split point.
func TestScoresInParts(t *testing.T) {
	m, _ := Train(toy(), Config{Epochs: 2, Seed: 3, Bits: 10})
	pruned, _ := m.Pruned(0.5)
	words := []string{"mr", "Zaki", "went", "to", "rome", "and", "paris"}
	fs := toyFeatures(words, []string{"rome", "paris"})
	hs := make([][]Hash, len(fs))
	for i, f := range fs {
		for _, x := range f {
			hs[i] = append(hs[i], NewHash().Add(x))
		}
	}
	for _, tc := range []struct {
		name string
		m    *Model
	}{{"trained", m}, {"pruned", pruned}, {"temperature 0.3", m.WithTemperature(0.3)}} {
		t.Run(tc.name, func(t *testing.T) {
			wantL, wantP := tc.m.TagProbHashed(hs)
			n := len(tc.m.Labels())
			var s Scratch
			for k := 0; k <= 5; k++ {
				e := s.Scores(tc.m, len(hs))
				for i, h := range hs {
					k := min(k, len(h))
					word := make([]int64, n)
					tc.m.AddFeatures(word, h[:k])
					row := e[i*n : (i+1)*n]
					copy(row, word)
					tc.m.AddFeatures(row, h[k:])
				}
				gotL, gotP := tc.m.TagProbScores(&s, e)
				if !slices.Equal(gotL, wantL) || !slices.Equal(gotP, wantP) {
					t.Errorf("split at %d: %q %v, all at once %q %v", k, gotL, gotP, wantL, wantP)
				}
				// The labels alone, then their probabilities.
				gotL = slices.Clone(tc.m.TagScores(&s, e))
				if gotP := tc.m.MarginalsScores(&s, e); !slices.Equal(gotL, wantL) || !slices.Equal(gotP, wantP) {
					t.Errorf("split at %d, TagScores then MarginalsScores: %q %v, TagProbHashed %q %v", k, gotL, gotP, wantL, wantP)
				}
			}
		})
	}
}

// TestAddFeaturesNineLabels checks the path of AddFeatures for models of
// 9 labels (the default's) against the sums over the full weight table
// in fixed point, from a row that does not start at 0, with lists of
// features shorter and longer than the 64 whose rows it finds at once.
func TestAddFeaturesNineLabels(t *testing.T) {
	rng := rand.New(rand.NewPCG(9, 9))
	labels := []string{"O", "B-PERS", "I-PERS", "B-LOC", "I-LOC", "B-ORG", "I-ORG", "B-MISC", "I-MISC"}
	m := newModel(Info{Bits: 8}, labels)
	for b := 0; b*9 < len(m.weights); b++ {
		if rng.IntN(3) == 0 {
			for c := range 9 {
				m.weights[b*9+c] = rng.Float32()*2 - 1
			}
		}
	}
	m.index()
	for trial := range 200 {
		hs := make([]Hash, rng.IntN(200))
		for i := range hs {
			hs[i] = Hash(rng.Uint64())
		}
		start := make([]int64, 9)
		for c := range start {
			start[c] = rng.Int64N(1<<40) - 1<<39
		}
		want := slices.Clone(start)
		for _, h := range hs {
			b := int(uint64(h) & m.mask)
			for c := range 9 {
				want[c] += int64(m.toFixed(m.weights[b*9+c]))
			}
		}
		got := slices.Clone(start)
		m.AddFeatures(got, hs)
		if !slices.Equal(got, want) {
			t.Fatalf("trial %d: %v, over the full table %v", trial, got, want)
		}
	}
}

// TestAddSentenceFeatures checks AddSentenceFeatures against AddFeatures
// token by token, for models of 9 labels (the path of the default) and
// of 5, over sentences whose tokens have no feature, one or many, and
// scores that do not start at 0.
func TestAddSentenceFeatures(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 11))
	for _, labels := range [][]string{
		{"O", "B-PERS", "I-PERS", "B-LOC", "I-LOC", "B-ORG", "I-ORG", "B-MISC", "I-MISC"},
		{"O", "B-PERS", "I-PERS", "B-LOC", "I-LOC"},
	} {
		n := len(labels)
		m := newModel(Info{Bits: 8}, labels)
		for b := 0; b*n < len(m.weights); b++ {
			if rng.IntN(3) == 0 {
				for c := range n {
					m.weights[b*n+c] = rng.Float32()*2 - 1
				}
			}
		}
		m.index()
		t.Run(fmt.Sprintf("%d labels", n), func(t *testing.T) {
			var s Scratch
			for trial := range 100 {
				tokens := rng.IntN(40)
				var hs []Hash
				var ends []int32
				start := make([]int64, tokens*n)
				for k := range start {
					start[k] = rng.Int64N(1<<40) - 1<<39
				}
				want := slices.Clone(start)
				for i := range tokens {
					first := len(hs)
					for range []int{0, 1, 3, 40}[rng.IntN(4)] {
						hs = append(hs, Hash(rng.Uint64()))
					}
					ends = append(ends, int32(len(hs)))
					m.AddFeatures(want[i*n:(i+1)*n], hs[first:])
				}
				got := slices.Clone(start)
				m.AddSentenceFeatures(&s, got, hs, ends)
				if !slices.Equal(got, want) {
					t.Fatalf("trial %d: %v, token by token %v", trial, got, want)
				}
			}
		})
	}
}
