package topics

import (
	"os"
	"testing"

	"github.com/alam-nlp/alam/arabic"
	"github.com/alam-nlp/alam/internal/testutil"
)

func referenceArticle(b *testing.B) (string, *arabic.Analysis) {
	b.Helper()
	text, err := os.ReadFile("../../testdata/000_08d5b8224b143400.txt")
	if err != nil {
		b.Fatal(err)
	}
	return string(text), arabic.Analyze(string(text))
}

// BenchmarkScore scores the reference article with the default taxonomy.
func BenchmarkScore(b *testing.B) {
	tax, err := DefaultTaxonomy()
	if err != nil {
		b.Fatal(err)
	}
	text, a := referenceArticle(b)
	ents := []EntityRef{{ID: "org:isis", Kind: "armed-group", Name: "داعش"}}
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		tax.Score(a, ents)
	}
}

// antSample is the ANT corpus sample; BenchmarkScoreANT is skipped when it
// is absent (it is not shipped).
const antSample = "../../../shared/data/ant_corpus_v2.1_sample"

// BenchmarkScoreANT scores every article of the ANT sample, without entity
// mentions; one op is one article. The analyses are made beforehand, with
// their stems and the stems' index, which matchTerms reads and the
// keywords and the gazetteer's context words read too in the extract
// pipeline (whichever of them comes first builds it).
func BenchmarkScoreANT(b *testing.B) {
	tax, err := DefaultTaxonomy()
	if err != nil {
		b.Fatal(err)
	}
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
		tax.Score(analyses[i%len(analyses)], nil)
		i++
	}
}

// BenchmarkPredict classifies the reference article with a model trained
// on testdata/corpus.
func BenchmarkPredict(b *testing.B) {
	m := trainCorpus(b)
	text, a := referenceArticle(b)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		m.Predict(a)
	}
}
