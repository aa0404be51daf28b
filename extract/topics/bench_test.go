package topics

import (
	"os"
	"testing"

	"github.com/alam-nlp/alam/arabic"
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
