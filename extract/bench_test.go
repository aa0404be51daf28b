package extract_test

import (
	"context"
	"os"
	"strings"
	"testing"

	"github.com/alam-nlp/alam/extract"
	"github.com/alam-nlp/alam/internal/testutil"
	"github.com/alam-nlp/alam/pipeline"
)

// antSample is the ANT corpus sample; the benchmarks that read it are
// skipped when it is absent (it is not shipped).
const antSample = "../../shared/data/ant_corpus_v2.1_sample"

func benchArticles(b *testing.B) map[string][]string {
	ref, err := os.ReadFile(referenceText)
	if err != nil {
		b.Fatal(err)
	}
	sets := map[string][]string{"reference": {string(ref)}}
	sets["ant"], _ = testutil.TextFiles(antSample)
	return sets
}

// BenchmarkExtract measures the whole extractor (analysis, entities,
// topics, keywords) on one goroutine: the default, and (-no-model) without
// the tagger model, to compare in one run what the model costs.
func BenchmarkExtract(b *testing.B) {
	cfg, err := extract.DefaultConfig()
	if err != nil {
		b.Fatal(err)
	}
	x, err := extract.New(cfg)
	if err != nil {
		b.Fatal(err)
	}
	cfg.NERModel = nil
	rules, err := extract.New(cfg)
	if err != nil {
		b.Fatal(err)
	}
	sets := benchArticles(b)
	for _, name := range []string{"reference", "ant", "reference-no-model", "ant-no-model"} {
		stage := x.Stage()
		if strings.HasSuffix(name, "-no-model") {
			stage = rules.Stage()
		}
		articles := sets[strings.TrimSuffix(name, "-no-model")]
		b.Run(name, func(b *testing.B) {
			if len(articles) == 0 {
				b.Skip("corpus absent: " + antSample)
			}
			size := 0
			for _, a := range articles {
				size += len(a)
			}
			b.SetBytes(int64(size))
			b.ReportAllocs()
			for b.Loop() {
				for _, a := range articles {
					doc := &pipeline.Document{Text: a}
					if err := stage.Process(context.Background(), doc); err != nil {
						b.Fatal(err)
					}
				}
			}
			b.ReportMetric(float64(len(articles)*b.N)/b.Elapsed().Seconds(), "articles/s")
		})
	}
}
