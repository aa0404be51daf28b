package keywords

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/alam-nlp/alam/arabic"
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
// their stems, as the extract pipeline has them when keywords run.
func BenchmarkExtractANT(b *testing.B) {
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
		Extract(analyses[i%len(analyses)], DefaultN, Options{})
		i++
	}
}
