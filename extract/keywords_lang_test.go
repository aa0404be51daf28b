package extract_test

import (
	"context"
	"os"
	"testing"

	"github.com/alam-nlp/alam/extract"
	"github.com/alam-nlp/alam/pipeline"
)

// TestKeywordsByLang: an article of a language alam cannot tell gets no
// keywords (its function words would come first), while Arabic and English
// articles get theirs.
func TestKeywordsByLang(t *testing.T) {
	tests := []struct {
		name, text, lang string
		some             bool
	}{
		{"french", "Le président de la République a annoncé mardi une nouvelle réforme des retraites, qui sera présentée au Parlement dans les prochaines semaines. Les syndicats ont appelé à la grève générale.", "und", false},
		{"german", "Der Bundeskanzler hat am Dienstag eine neue Reform angekündigt, die in den nächsten Wochen dem Bundestag vorgelegt werden soll. Die Gewerkschaften riefen zum Streik auf.", "und", false},
		{"english", readText(t, "testdata/en_001_gcc_talks.txt"), "en", true},
		{"arabic", readText(t, "../testdata/000_08d5b8224b143400.txt"), "ar", true},
	}
	stages := pipeline.Chain(extract.Analyze(), extract.Keywords(10))
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := &pipeline.Document{ID: tt.name, Text: tt.text}
			if err := stages.Process(context.Background(), doc); err != nil {
				t.Fatal(err)
			}
			if doc.Lang != tt.lang {
				t.Fatalf("lang %q, want %q", doc.Lang, tt.lang)
			}
			if got := len(doc.Keywords) > 0; got != tt.some {
				t.Errorf("keywords %v, want some: %v", doc.Keywords, tt.some)
			}
		})
	}
}

func readText(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
