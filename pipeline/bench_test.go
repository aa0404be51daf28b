package pipeline

import (
	"context"
	"fmt"
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
