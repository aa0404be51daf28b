package keywords

import (
	"os"
	"testing"

	"github.com/alam-nlp/alam/arabic"
	"github.com/alam-nlp/alam/internal/testutil"
)

// antSample is the ANT corpus sample; BenchmarkExtractANT is skipped when
// it is absent (it is not shipped).
const antSample = "../../../shared/data/ant_corpus_v2.1_sample"

// BenchmarkExtract extracts the keywords of the reference article.
func BenchmarkExtract(b *testing.B) {
	text, err := os.ReadFile("../../testdata/000_08d5b8224b143400.txt")
	if err != nil {
		b.Fatal(err)
	}
	a := arabic.Analyze(string(text))
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		Extract(a, DefaultN, Options{})
	}
}

// BenchmarkExtractANT extracts the keywords of every article of the ANT
// sample; one op is one article. The analyses are made beforehand, with
// their stems and the stems' index, as the extract pipeline has them when
// keywords run.
func BenchmarkExtractANT(b *testing.B) {
	texts, size := testutil.TextFiles(antSample)
	var analyses []*arabic.Analysis
	for _, text := range texts {
		a := arabic.Analyze(text)
		a.StemIndex()
		analyses = append(analyses, a)
	}
	if len(analyses) == 0 {
		b.Skip("corpus absent: " + antSample)
	}
	b.SetBytes(int64(size / len(analyses)))
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		Extract(analyses[i%len(analyses)], DefaultN, Options{})
		i++
	}
}
