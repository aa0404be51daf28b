package tagger

import (
	"hash/fnv"
	"math"
	"slices"
	"testing"
)

// bruteMarginals enumerates every valid label sequence of a short
// sentence and sums exp(score/T) by the label at each token.
func bruteMarginals(m *Model, features [][]string, t float64) [][]float64 {
	n, length := len(m.labels), len(features)
	e := emissions(m.weights, m.rows(features), n)
	out := make([][]float64, length)
	for i := range out {
		out[i] = make([]float64, n)
	}
	z := 0.0
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
			w := math.Exp(s / t)
			z += w
			for k, c := range seq {
				out[k][c] += w
			}
			return
		}
		for c := range n {
			seq[i] = c
			walk(i + 1)
		}
	}
	walk(0)
	for i := range out {
		for c := range out[i] {
			out[i][c] /= z
		}
	}
	return out
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

// TestTagProbHashes checks that features given by their hashes tag as
// the strings do, and that HashFeature is 64-bit FNV-1a (the hash the
// model files were trained with), part by part as whole.
func TestTagProbHashes(t *testing.T) {
	for _, f := range []string{"", "b", "w=Zaki", "n-1n=<s>|مصر", "h-1h=-|B-PERSON/rule/name"} {
		ref := fnv.New64a()
		ref.Write([]byte(f))
		if got := HashFeature(f); uint64(got) != ref.Sum64() {
			t.Errorf("HashFeature(%q) = %x, FNV-1a %x", f, uint64(got), ref.Sum64())
		}
		for cut := range len(f) + 1 {
			if got := NewFeatureHash().Add(f[:cut]).Add(f[cut:]); got != HashFeature(f) {
				t.Errorf("%q cut at %d hashes to %x, whole %x", f, cut, uint64(got), uint64(HashFeature(f)))
			}
		}
	}
	m, err := Train(toy(), Config{Epochs: 2, Seed: 3, Bits: 10})
	if err != nil {
		t.Fatal(err)
	}
	places := []string{"paris", "cairo", "rome"}
	for _, words := range [][]string{{"mr", "Zaki", "went", "to", "rome"}, {"cairo"}, {}} {
		fs := toyFeatures(words, places)
		hs := make([][]FeatureHash, len(fs))
		for i, f := range fs {
			for _, s := range f {
				hs[i] = append(hs[i], HashFeature(s))
			}
		}
		labels, prob := m.TagProb(fs)
		hl, hp := m.TagProbHashes(hs)
		if !slices.Equal(labels, hl) || !slices.Equal(prob, hp) {
			t.Errorf("%q: strings tag %q %v, hashes %q %v", words, labels, prob, hl, hp)
		}
	}
}

// TestMarginalsScaledAndLog checks the scaled forward-backward against the
// log-space one, and that scores too far apart for the scaled sums (a
// tiny temperature) fall back to the log-space marginals.
func TestMarginalsScaledAndLog(t *testing.T) {
	m, err := Train(toy(), Config{Epochs: 2, Seed: 3, Bits: 10})
	if err != nil {
		t.Fatal(err)
	}
	fs := toyFeatures([]string{"mr", "Zaki", "went", "to", "rome", "and", "cairo"}, []string{"paris", "cairo", "rome"})
	n := len(m.labels)
	for _, tc := range []struct {
		name      string
		temp      float64
		underflow bool
	}{
		{"T=1", 1, false},
		{"T=0.25", 0.25, false},
		{"T=1e-6", 1e-6, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			mt := m.WithTemperature(tc.temp)
			e := emissions(mt.weights, mt.rows(fs), n)
			path := viterbi(e, mt.trans, mt.allow, n, len(fs))
			want := mt.logMarginals(e, path)
			got, ok := mt.scaledMarginals(e, path)
			if ok == tc.underflow {
				t.Fatalf("scaled marginals ok = %v, want %v", ok, !tc.underflow)
			}
			if ok {
				for i := range want {
					if math.Abs(got[i]-want[i]) > 1e-12 {
						t.Errorf("token %d: scaled %.15f, log %.15f", i, got[i], want[i])
					}
				}
			}
			for i, p := range mt.marginals(e, path) {
				if math.IsNaN(p) || p < 0 || p > 1+1e-12 || math.Abs(p-want[i]) > 1e-12 {
					t.Errorf("token %d: marginal %v, log %v", i, p, want[i])
				}
			}
		})
	}
}
