package topics

import (
	"os"
	"path/filepath"
	"strings"
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

// antSample is the ANT corpus sample; BenchmarkScoreANT is skipped when it
// is absent (it is not shipped).
const antSample = "../../../shared/data/ant_corpus_v2.1_sample"

// BenchmarkScoreANT scores every article of the ANT sample, without entity
// mentions; one op is one article. The analyses are made beforehand, with
// their stems, as the extract pipeline has them when topics are scored.
func BenchmarkScoreANT(b *testing.B) {
	tax, err := DefaultTaxonomy()
	if err != nil {
		b.Fatal(err)
	}
	var analyses []*arabic.Analysis
	size := 0
	filepath.WalkDir(antSample, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".txt") {
			if data, err := os.ReadFile(p); err == nil {
				a := arabic.Analyze(string(data))
				a.Stems()
				analyses = append(analyses, a)
				size += len(data)
			}
		}
		return nil
	})
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
