package tagger

import (
	"math"
	"slices"
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
