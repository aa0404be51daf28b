package pipeline

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"testing"
)

// BenchmarkRun measures the runner's own cost per document, with a stage
// that does nothing.
func BenchmarkRun(b *testing.B) {
	text := strings.Repeat("نص عربي قصير ", 100)
	for _, workers := range []int{1, 4} {
		b.Run(fmt.Sprintf("workers=%d", workers), func(b *testing.B) {
			b.SetBytes(int64(len(text)))
			b.ReportAllocs()
			src := func(yield func(*Document) bool) {
				for range b.N {
					if !yield(&Document{ID: "x", Text: text}) {
						return
					}
				}
			}
			noop := StageFunc(func(context.Context, *Document) error { return nil })
			b.ResetTimer()
			sum, err := Run(context.Background(), Config{Workers: workers}, src, noop, func(*Document) error { return nil })
			if err != nil || sum.Documents != b.N {
				b.Fatalf("Run = %+v, %v; want %d documents", sum, err, b.N)
			}
		})
	}
}

// BenchmarkJSONLines measures the encoder on the record of the reference
// article's golden output (testdata/, read back into a Document, with the
// article's text): bytes are those of the records written.
func BenchmarkJSONLines(b *testing.B) {
	line, err := os.ReadFile("../testdata/000_08d5b8224b143400.golden.jsonl")
	if err != nil {
		b.Fatal(err)
	}
	text, err := os.ReadFile("../testdata/000_08d5b8224b143400.txt")
	if err != nil {
		b.Fatal(err)
	}
	var doc Document
	if err := json.Unmarshal(line, &doc); err != nil {
		b.Fatal(err)
	}
	doc.Text = string(text)
	for _, opt := range []struct {
		name string
		opt  EncodeOptions
	}{{"records", EncodeOptions{}}, {"with-text", EncodeOptions{Text: true}}} {
		b.Run(opt.name, func(b *testing.B) {
			var n countWriter
			enc := NewJSONLines(&n, opt.opt)
			if err := enc.Encode(&doc); err != nil {
				b.Fatal(err)
			}
			b.SetBytes(int64(n))
			b.ReportAllocs()
			for b.Loop() {
				if err := enc.Encode(&doc); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// countWriter counts the bytes written to it.
type countWriter int

func (w *countWriter) Write(p []byte) (int, error) {
	*w += countWriter(len(p))
	return len(p), nil
}

// BenchmarkDecodeBytes measures detecting and decoding the reference
// article (UTF-8: the binary check, the UTF-8 check, the copy).
func BenchmarkDecodeBytes(b *testing.B) {
	raw, err := os.ReadFile("../testdata/000_08d5b8224b143400.txt")
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(raw)))
	b.ReportAllocs()
	for b.Loop() {
		if _, _, err := DecodeBytes(raw, ""); err != nil {
			b.Fatal(err)
		}
	}
}
