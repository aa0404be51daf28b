package langid_test

import (
	"testing"

	"github.com/alam-nlp/alam/arabic"
	"github.com/alam-nlp/alam/internal/testutil"
	"github.com/alam-nlp/alam/langid"
)

// antSample is the ANT corpus sample; BenchmarkDetectANT is skipped when
// it is absent (it is not shipped).
const antSample = "../../shared/data/ant_corpus_v2.1_sample"

// BenchmarkDetectANT detects the language of every article of the ANT
// sample, analysed beforehand.
func BenchmarkDetectANT(b *testing.B) {
	texts, size := testutil.TextFiles(antSample)
	if len(texts) == 0 {
		b.Skip("corpus absent: " + antSample)
	}
	analyses := make([]*arabic.Analysis, len(texts))
	for i, text := range texts {
		analyses[i] = arabic.Analyze(text)
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	for b.Loop() {
		for _, a := range analyses {
			langid.Detect(a)
		}
	}
}
