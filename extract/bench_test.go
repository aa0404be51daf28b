package extract_test

import (
	"context"
	"os"
	"strings"
	"syscall"
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

// BenchmarkExtract measures the whole extractor (analysis, entities,
// topics, keywords) on one goroutine: the default, and (-no-model) without
// the tagger model, to compare in one run what the model costs. cpu-ns/op
// is the process's CPU time a pass.
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
			cpu := cpuTime()
			for b.Loop() {
				for _, a := range articles {
					doc := &pipeline.Document{Text: a}
					if err := stage.Process(context.Background(), doc); err != nil {
						b.Fatal(err)
					}
				}
			}
			b.ReportMetric(float64(len(articles)*b.N)/b.Elapsed().Seconds(), "articles/s")
			b.ReportMetric(float64((cpuTime()-cpu).Nanoseconds())/float64(b.N), "cpu-ns/op")
		})
	}
}

// cpuTime returns the process's CPU time so far, user and system (the
// garbage collector's workers included): on a shared machine it varies
// less than the time on the clock.
func cpuTime() time.Duration {
	var u syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &u)
	return time.Duration(u.Utime.Nano() + u.Stime.Nano())
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
