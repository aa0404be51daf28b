package keywords

import (
	"os"
	"testing"

	"github.com/alam-nlp/alam/arabic"
)

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
