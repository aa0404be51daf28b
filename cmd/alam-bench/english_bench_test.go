package main

import (
	"context"
	"os"
	"path/filepath"
	"regexp"
	"testing"

	"github.com/jdkato/prose/v2"
	punkt "gopkg.in/neurosnap/sentences.v1/english"

	"github.com/alam-nlp/alam/arabic"
	"github.com/alam-nlp/alam/english"
	"github.com/alam-nlp/alam/extract"
)

// englishArticles returns the written English evaluation articles of
// extract/englishnames with their [[name|TYPE]] marks taken off.
func englishArticles(b *testing.B) ([]string, int64) {
	b.Helper()
	files, err := filepath.Glob(filepath.Join("..", "..", "extract", "englishnames", "testdata", "*", "*.txt"))
	if err != nil || len(files) == 0 {
		b.Fatalf("no English articles: %v", err)
	}
	mark := regexp.MustCompile(`\[\[([^|\]]+)\|[A-Z]+\]\]`)
	var texts []string
	var n int64
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		t := mark.ReplaceAllString(string(raw), "$1")
		texts = append(texts, t)
		n += int64(len(t))
	}
	return texts, n
}

// BenchmarkEnglish runs the English articles through the whole alam
// extractor (entities, topics, keywords; English tokens from prose), the
// English analysis alone (english.Analyzer: alam's tokens refined with
// prose's) beside the arabic package's analysis it starts from, the Punkt
// sentence segmenter that prose wraps, built once (prose builds it on
// every NewDocument), and, in the same run, prose v2's NewDocument with
// what each of its stages adds: sentences, part-of-speech tags, and named
// entities. MB/s are per core (one goroutine).
func BenchmarkEnglish(b *testing.B) {
	texts, n := englishArticles(b)
	cfg, err := extract.DefaultConfig()
	if err != nil {
		b.Fatal(err)
	}
	x, err := extract.New(cfg)
	if err != nil {
		b.Fatal(err)
	}
	ctx := context.Background()
	b.Run("alam-extract", func(b *testing.B) {
		b.SetBytes(n)
		b.ReportAllocs()
		for b.Loop() {
			for _, t := range texts {
				if _, err := x.Annotate(ctx, t); err != nil {
					b.Fatal(err)
				}
			}
		}
	})
	an := english.NewAnalyzer()
	b.Run("english-analyzer", func(b *testing.B) {
		b.SetBytes(n)
		b.ReportAllocs()
		for b.Loop() {
			for _, t := range texts {
				if _, err := an.Analyze(ctx, t); err != nil {
					b.Fatal(err)
				}
			}
		}
	})
	b.Run("arabic-analyze", func(b *testing.B) {
		b.SetBytes(n)
		b.ReportAllocs()
		for b.Loop() {
			for _, t := range texts {
				english.SplitPossessives(arabic.Analyze(t))
			}
		}
	})
	seg, err := punkt.NewSentenceTokenizer(nil)
	if err != nil {
		b.Fatal(err)
	}
	b.Run("punkt-sentences-built-once", func(b *testing.B) {
		b.SetBytes(n)
		b.ReportAllocs()
		for b.Loop() {
			for _, t := range texts {
				seg.Tokenize(t)
			}
		}
	})
	model := prose.ModelFromData("en")
	for _, c := range []struct {
		name string
		opts []prose.DocOpt
	}{
		{"prose-tokens", []prose.DocOpt{prose.WithSegmentation(false), prose.WithTagging(false), prose.WithExtraction(false)}},
		{"prose-sentences", []prose.DocOpt{prose.WithTagging(false), prose.WithExtraction(false)}},
		{"prose-tagging", []prose.DocOpt{prose.WithExtraction(false)}},
		{"prose-entities", nil},
		// The same with prose's tagger and entity model loaded once
		// (prose.UsingModel), as a long-running process would.
		{"prose-tagging-model-once", []prose.DocOpt{prose.WithSegmentation(false), prose.WithExtraction(false), prose.UsingModel(model)}},
		{"prose-entities-model-once", []prose.DocOpt{prose.WithSegmentation(false), prose.UsingModel(model)}},
	} {
		b.Run(c.name, func(b *testing.B) {
			b.SetBytes(n)
			b.ReportAllocs()
			for b.Loop() {
				for _, t := range texts {
					if _, err := prose.NewDocument(t, c.opts...); err != nil {
						b.Fatal(err)
					}
				}
			}
		})
	}
}
