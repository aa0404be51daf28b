package gazetteer

import (
	"testing"

	"github.com/alam-nlp/alam/arabic"
	"github.com/alam-nlp/alam/internal/testutil"
)

// BenchmarkMatch measures FindAll alone, on the ANT sample analysed
// beforehand: the matcher's share of BenchmarkFindAll.
func BenchmarkMatch(b *testing.B) {
	texts, size := testutil.TextFiles("../../shared/data/ant_corpus_v2.1_sample")
	if len(texts) == 0 {
		b.Skip("ANT sample absent")
	}
	g, err := Default()
	if err != nil {
		b.Fatal(err)
	}
	m := Compile(g)
	analyses := make([]*arabic.Analysis, len(texts))
	for i, t := range texts {
		analyses[i] = arabic.Analyze(t)
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	for b.Loop() {
		for _, a := range analyses {
			m.FindAll(a)
		}
	}
}
