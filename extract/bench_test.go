package extract_test

import (
	"context"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/alam-nlp/alam/extract"
	"github.com/alam-nlp/alam/gazetteer"
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

// benchExtractors returns the default extractor and the same without the
// tagger model.
func benchExtractors(b *testing.B) (x, rules *extract.Extractor) {
	cfg, err := extract.DefaultConfig()
	if err != nil {
		b.Fatal(err)
	}
	if x, err = extract.New(cfg); err != nil {
		b.Fatal(err)
	}
	cfg.NERModel = nil
	if rules, err = extract.New(cfg); err != nil {
		b.Fatal(err)
	}
	return x, rules
}

// BenchmarkExtract measures the whole extractor (analysis, entities,
// topics, keywords) on one goroutine: the default, and (-no-model) without
// the tagger model, to compare in one run what the model costs. cpu-ns/op
// is the process's CPU time a pass.
func BenchmarkExtract(b *testing.B) {
	x, rules := benchExtractors(b)
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
			cpu := testutil.CPUTime()
			for b.Loop() {
				for _, a := range articles {
					doc := &pipeline.Document{Text: a}
					if err := stage.Process(context.Background(), doc); err != nil {
						b.Fatal(err)
					}
				}
			}
			b.ReportMetric(float64(len(articles)*b.N)/b.Elapsed().Seconds(), "articles/s")
			b.ReportMetric(float64((testutil.CPUTime()-cpu).Nanoseconds())/float64(b.N), "cpu-ns/op")
		})
	}
}

// BenchmarkExtractModelCost measures what the tagger model costs the
// whole extractor, as BenchmarkExtract/ant against ant-no-model, but in
// one process with the two interleaved: an op is a pass of the ANT
// sample with the default extractor and one without the model, both warm
// (they have met every form of the sample before the timer starts), run
// in turn 100 articles at a time (some 30 ms of work), so that the
// machine's load, which moves by a third from minute to minute on a
// shared host, falls on both alike. It reports the processor time of a
// pass of each (model-cpu-ns, rules-cpu-ns, the garbage collector's work
// included) and the ratio of their sums (model/rules: issue 11's ceiling
// is 1.5).
func BenchmarkExtractModelCost(b *testing.B) {
	x, rules := benchExtractors(b)
	articles := benchArticles(b)["ant"]
	if len(articles) == 0 {
		b.Skip("corpus absent: " + antSample)
	}
	size := 0
	for _, a := range articles {
		size += len(a)
	}
	run := func(stage pipeline.Stage, articles []string) time.Duration {
		t0 := testutil.CPUTime()
		for _, a := range articles {
			if err := stage.Process(context.Background(), &pipeline.Document{Text: a}); err != nil {
				b.Fatal(err)
			}
		}
		return testutil.CPUTime() - t0
	}
	withModel, without := x.Stage(), rules.Stage()
	run(withModel, articles)
	run(without, articles)
	b.SetBytes(int64(2 * size))
	b.ReportAllocs()
	var inModel, inRules time.Duration
	for b.Loop() {
		for first := 0; first < len(articles); first += 100 {
			chunk := articles[first:min(first+100, len(articles))]
			inModel += run(withModel, chunk)
			inRules += run(without, chunk)
		}
	}
	n := float64(b.N)
	b.ReportMetric(float64(inModel.Nanoseconds())/n, "model-cpu-ns")
	b.ReportMetric(float64(inRules.Nanoseconds())/n, "rules-cpu-ns")
	b.ReportMetric(float64(inModel)/float64(inRules), "model/rules")
}

// BenchmarkTopicsShare measures the share of the topics and keywords
// stages in the extractor's time: "front" runs Analyze and Entities (with
// the default configuration's recognizer), "topics+keywords" runs the
// default taxonomy's Topics stage and the Keywords stage on the documents
// front annotated. With -count, the two alternate, so that a change in
// the machine's load hits both; their share is tk / (front + tk).
func BenchmarkTopicsShare(b *testing.B) {
	def, err := extract.DefaultConfig()
	if err != nil {
		b.Fatal(err)
	}
	front := def
	front.Taxonomy, front.Keywords = nil, 0
	x, err := extract.New(front)
	if err != nil {
		b.Fatal(err)
	}
	g, err := gazetteer.Default()
	if err != nil {
		b.Fatal(err)
	}
	tk := pipeline.Chain(extract.Topics(def.Taxonomy, nil, g), extract.Keywords(def.Keywords))
	sets := benchArticles(b)
	for _, set := range []string{"reference", "ant"} {
		articles := sets[set]
		if len(articles) > 300 {
			articles = articles[:300]
		}
		var docs []*pipeline.Document
		size := 0
		for _, a := range articles {
			doc := &pipeline.Document{Text: a}
			if err := x.Stage().Process(context.Background(), doc); err != nil {
				b.Fatal(err)
			}
			docs = append(docs, doc)
			size += len(a)
		}
		b.Run(set+"/front", func(b *testing.B) {
			if len(articles) == 0 {
				b.Skip("corpus absent: " + antSample)
			}
			b.SetBytes(int64(size))
			b.ReportAllocs()
			for b.Loop() {
				for _, a := range articles {
					if err := x.Stage().Process(context.Background(), &pipeline.Document{Text: a}); err != nil {
						b.Fatal(err)
					}
				}
			}
		})
		b.Run(set+"/topics+keywords", func(b *testing.B) {
			if len(articles) == 0 {
				b.Skip("corpus absent: " + antSample)
			}
			b.SetBytes(int64(size))
			b.ReportAllocs()
			for b.Loop() {
				for _, doc := range docs {
					if err := tk.Process(context.Background(), doc); err != nil {
						b.Fatal(err)
					}
				}
			}
		})
	}
}
