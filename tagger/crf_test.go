package tagger

import (
	"math"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
)

// TestCRFGradient compares the gradient of the log-likelihood with
// finite differences on a model with random weights.
func TestCRFGradient(t *testing.T) {
	m, err := Train(toy()[:4], Config{Epochs: 1, Seed: 1, Bits: 6})
	if err != nil {
		t.Fatal(err)
	}
	for i := range m.weights {
		m.weights[i] = float32(math.Sin(float64(i))) * 0.5
	}
	for i := range m.trans {
		m.trans[i] = float32(math.Cos(float64(i))) * 0.5
	}
	s := toy()[1]
	rows := m.rows(s.Features)
	index := map[string]int{}
	for i, l := range m.labels {
		index[l] = i
	}
	y := make([]int, len(s.Labels))
	for i, l := range s.Labels {
		y[i] = index[l]
	}
	gw := map[int]float64{}
	gt := make([]float64, len(m.trans))
	m.gradient(rows, y, gt, func(i int, g float64) { gw[i] += g })
	ll := func() float64 { return m.gradient(rows, y, make([]float64, len(m.trans)), func(int, float64) {}) }
	const h = 1e-3
	check := func(name string, w *float32, want float64) {
		old := *w
		*w = old + h
		up := ll()
		*w = old - h
		down := ll()
		*w = old
		if got := (up - down) / (2 * h); math.Abs(got-want) > 1e-3 {
			t.Errorf("%s: finite difference %.6f, gradient %.6f", name, got, want)
		}
	}
	n := 0
	for i, g := range gw {
		check("weight", &m.weights[i], g)
		if n++; n > 40 {
			break
		}
	}
	for i := range m.trans {
		if m.allow[i] {
			check("transition", &m.trans[i], gt[i])
		}
	}
}

func TestCRFLearnsPattern(t *testing.T) {
	m, err := TrainCRF(toy(), Config{Epochs: 5, Seed: 1, Bits: 12})
	if err != nil {
		t.Fatal(err)
	}
	places := []string{"paris", "cairo", "rome", "tunis"}
	got := m.Tag(toyFeatures([]string{"mr", "Zaki", "Smith", "went", "to", "paris"}, places))
	if want := []string{"O", "B-PERS", "I-PERS", "O", "O", "B-LOC"}; !slices.Equal(got, want) {
		t.Errorf("Tag = %q, want %q", got, want)
	}
	a, _ := TrainCRF(toy(), Config{Epochs: 2, Seed: 4, Bits: 10})
	b, _ := TrainCRF(toy(), Config{Epochs: 2, Seed: 4, Bits: 10})
	if !slices.Equal(encode(t, a), encode(t, b)) {
		t.Error("same data and seed gave different CRF model bytes")
	}
}

// TestCRFLazyL2 checks TrainCRF's lazy L2 decay and averaging against
// the plain way: every weight decayed at every step and summed after it.
func TestCRFLazyL2(t *testing.T) {
	data := toy()
	for _, avg := range []bool{false, true} {
		cfg := Config{Epochs: 3, Seed: 5, Bits: 8, Rate: 0.3, L2: 4, Average: avg}
		got, err := TrainCRF(data, cfg)
		if err != nil {
			t.Fatal(err)
		}
		want := denseCRF(data, cfg)
		for i, w := range want.weights {
			if math.Abs(float64(got.weights[i]-w)) > 1e-4*(1+math.Abs(float64(w))) {
				t.Fatalf("average %v: weight %d = %g, want %g", avg, i, got.weights[i], w)
			}
		}
		for i, w := range want.trans {
			if math.Abs(float64(got.trans[i]-w)) > 1e-4*(1+math.Abs(float64(w))) {
				t.Fatalf("average %v: transition %d = %g, want %g", avg, i, got.trans[i], w)
			}
		}
		// The penalty shrinks the weights.
		plain, _ := TrainCRF(data, Config{Epochs: 3, Seed: 5, Bits: 8, Rate: 0.3, Average: avg})
		if norm(got.weights) >= norm(plain.weights) {
			t.Errorf("average %v: L2 gave weights of norm %g, without it %g", avg, norm(got.weights), norm(plain.weights))
		}
	}
}

func norm(w []float32) float64 {
	s := 0.0
	for _, v := range w {
		s += float64(v) * float64(v)
	}
	return math.Sqrt(s)
}

// denseCRF is TrainCRF with its L2 decay applied to every weight at every
// step (at the AdaGrad step size of the sums before the step) and its
// average summed over every weight after every step.
func denseCRF(data []Sentence, cfg Config) *Model {
	labels, index, gold, _ := labelSet(data)
	m := newModel(Info{Bits: cfg.Bits}, labels)
	rows := make([][][]int, len(data))
	ys := make([][]int, len(data))
	for i, s := range data {
		rows[i] = m.rows(s.Features)
		for _, l := range gold[i] {
			ys[i] = append(ys[i], index[l])
		}
	}
	gw := make([]float64, len(m.weights))
	gt := make([]float64, len(m.trans))
	sw := make([]float64, len(m.weights))
	st := make([]float64, len(m.trans))
	l2 := cfg.L2 / float64(len(data))
	decay := func(w *float32, g float64) {
		if g > 0 {
			*w = float32(float64(*w) * max(0, 1-l2*cfg.Rate/(math.Sqrt(g)+1e-8)))
		}
	}
	step := func(g float64, sum *float64) float64 {
		*sum += g * g
		return cfg.Rate * g / (math.Sqrt(*sum) + 1e-8)
	}
	order := make([]int, len(data))
	for i := range order {
		order[i] = i
	}
	rng := rand.New(rand.NewPCG(cfg.Seed, 0x9e3779b97f4a7c15))
	steps := 0
	tgrad := make([]float64, len(m.trans))
	for range cfg.Epochs {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		for _, k := range order {
			steps++
			for i := range m.weights {
				decay(&m.weights[i], gw[i])
			}
			for i := range m.trans {
				decay(&m.trans[i], gt[i])
			}
			clear(tgrad)
			m.gradient(rows[k], ys[k], tgrad, func(i int, g float64) {
				s := float64(float32(gw[i]))
				m.weights[i] += float32(step(g, &s))
				gw[i] = float64(float32(s))
			})
			for i, g := range tgrad {
				if g != 0 {
					m.trans[i] += float32(step(g, &gt[i]))
				}
			}
			for i, w := range m.weights {
				sw[i] += float64(w)
			}
			for i, w := range m.trans {
				st[i] += float64(w)
			}
		}
	}
	if cfg.Average {
		for i := range m.weights {
			m.weights[i] = float32(sw[i] / float64(steps))
		}
		for i := range m.trans {
			m.trans[i] = float32(st[i] / float64(steps))
		}
	}
	return m
}

func TestCRFRegularisedLearnsPattern(t *testing.T) {
	for _, cfg := range []Config{
		{Epochs: 5, Seed: 1, Bits: 12, L2: 1},
		{Epochs: 5, Seed: 1, Bits: 12, L2: 1, Average: true},
		{Epochs: 5, Seed: 1, Bits: 12, Average: true},
	} {
		m, err := TrainCRF(toy(), cfg)
		if err != nil {
			t.Fatal(err)
		}
		places := []string{"paris", "cairo", "rome", "tunis"}
		got := m.Tag(toyFeatures([]string{"mr", "Zaki", "Smith", "went", "to", "paris"}, places))
		if want := []string{"O", "B-PERS", "I-PERS", "O", "O", "B-LOC"}; !slices.Equal(got, want) {
			t.Errorf("%+v: Tag = %q, want %q", cfg, got, want)
		}
		cfg.Epochs = 2
		a, _ := TrainCRF(toy(), cfg)
		b, _ := TrainCRF(toy(), cfg)
		if !slices.Equal(encode(t, a), encode(t, b)) {
			t.Errorf("%+v: same data and seed gave different CRF model bytes", cfg)
		}
		if s := a.Info().Settings; !strings.Contains(s, "l2=") && cfg.L2 > 0 || !strings.Contains(s, "average") && cfg.Average {
			t.Errorf("settings %q do not name the L2 penalty or averaging", s)
		}
	}
}

// TestCRFBadSettings checks that TrainCRF refuses a rate or an L2 penalty
// that is negative, NaN or infinite (a rate of +Inf once wrote a model
// with no weights), and takes 0 for either as its default.
func TestCRFBadSettings(t *testing.T) {
	for _, tc := range []struct {
		name     string
		rate, l2 float64
		wantErr  bool
	}{
		{"defaults", 0, 0, false},
		{"rate and L2 given", 1, 3, false},
		{"negative rate", -0.1, 0, true},
		{"NaN rate", math.NaN(), 0, true},
		{"infinite rate", math.Inf(1), 0, true},
		{"negative L2", 0.1, -1, true},
		{"NaN L2", 0.1, math.NaN(), true},
		{"infinite L2", 0.1, math.Inf(1), true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m, err := TrainCRF(toy(), Config{Epochs: 1, Seed: 1, Bits: 10, Rate: tc.rate, L2: tc.l2})
			if (err != nil) != tc.wantErr {
				t.Fatalf("rate %g, L2 %g: error %v, want an error: %v", tc.rate, tc.l2, err, tc.wantErr)
			}
			if err == nil && m == nil {
				t.Fatalf("rate %g, L2 %g: no model and no error", tc.rate, tc.l2)
			}
		})
	}
}
