package tagger

import (
	"math"
	"math/rand/v2"
	"testing"
)

// BenchmarkTagProbHashed tags sentences of 30 tokens with 38 hashed
// features each (about what nerfeat makes) with a model of the default's
// shape: 9 labels, 2^18 buckets of which one in five has weights.
func BenchmarkTagProbHashed(b *testing.B) {
	rng := rand.New(rand.NewPCG(1, 2))
	labels := []string{"O", "B-PERS", "I-PERS", "B-LOC", "I-LOC", "B-ORG", "I-ORG", "B-MISC", "I-MISC"}
	m := newModel(Info{Bits: 18, Temperature: 1.3}, labels)
	n := len(labels)
	for bucket := 0; bucket*n < len(m.weights); bucket++ {
		if rng.IntN(5) == 0 {
			for c := range n {
				m.weights[bucket*n+c] = rng.Float32()*2 - 1
			}
		}
	}
	for i := range m.trans {
		m.trans[i] = rng.Float32()*4 - 2
	}
	m.index()
	sents := make([][][]Hash, 64)
	tokens := 0
	for i := range sents {
		sents[i] = make([][]Hash, 30)
		for k := range sents[i] {
			for range 38 {
				sents[i][k] = append(sents[i][k], Hash(rng.Uint64()))
			}
		}
		tokens += len(sents[i])
	}
	var s Scratch
	b.ReportAllocs()
	for b.Loop() {
		for _, fs := range sents {
			m.TagProbHashedWith(&s, fs)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*tokens), "ns/token")
}

// BenchmarkDecode decodes emission scores already summed (TagScores,
// then MarginalsScores), as extract/entities does for every sentence,
// with a model of the default's shape: sentences of 30 tokens, 9 labels.
func BenchmarkDecode(b *testing.B) {
	rng := rand.New(rand.NewPCG(3, 4))
	labels := []string{"O", "B-PERS", "I-PERS", "B-LOC", "I-LOC", "B-ORG", "I-ORG", "B-MISC", "I-MISC"}
	m := newModel(Info{Bits: 4, Temperature: 1.3}, labels)
	for i := range m.trans {
		m.trans[i] = rng.Float32()*4 - 2
	}
	m.index()
	n := len(labels)
	sents := make([][]int64, 64)
	tokens := 0
	for i := range sents {
		sents[i] = make([]int64, 30*n)
		for k := range sents[i] {
			sents[i][k] = int64(math.Ldexp(float64(rng.Float32()*8-4), m.shift))
		}
		tokens += 30
	}
	var s Scratch
	b.ReportAllocs()
	for b.Loop() {
		for _, e := range sents {
			m.TagScores(&s, e)
			m.MarginalsScores(&s, e)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*tokens), "ns/token")
}
