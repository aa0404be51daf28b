package main

import (
	"context"
	"os"
	"path/filepath"
	"regexp"
	"testing"

	"github.com/jdkato/prose/v2"

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
// extractor (entities, topics, keywords) and, in the same run, through
// prose v2's NewDocument with what each of its stages adds: sentences
// only, part-of-speech tags, and named entities. MB/s are per core (one
// goroutine).
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
	for _, c := range []struct {
		name string
		opts []prose.DocOpt
	}{
		{"prose-tokens", []prose.DocOpt{prose.WithSegmentation(false), prose.WithTagging(false), prose.WithExtraction(false)}},
		{"prose-sentences", []prose.DocOpt{prose.WithTagging(false), prose.WithExtraction(false)}},
		{"prose-tagging", []prose.DocOpt{prose.WithExtraction(false)}},
		{"prose-entities", nil},
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
