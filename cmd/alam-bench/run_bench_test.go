package main

import (
	"context"
	"fmt"
	"testing"

	"github.com/alam-nlp/alam/internal/testutil"
)

// BenchmarkAlamRun runs alam's side of the comparison alone, as Bench
// runs it (pipeline.Run over the sample held in memory, Decode and the
// extractor's stage, JSON Lines to io.Discard), with one and two workers:
// profile it with -cpuprofile to see the whole run, the runner, decoding
// and encoding included. It is skipped when the sample is absent.
func BenchmarkAlamRun(b *testing.B) {
	c, err := loadCorpus("../../../shared/data/ant_corpus_v2.1_sample")
	if err != nil {
		b.Skip(err)
	}
	alam, err := alamEngine()
	if err != nil {
		b.Fatal(err)
	}
	for _, w := range []int{1, 2} {
		b.Run(fmt.Sprintf("j=%d", w), func(b *testing.B) {
			b.SetBytes(c.Bytes)
			b.ReportAllocs()
			cpu := testutil.CPUTime()
			for b.Loop() {
				if err := alam.Run(context.Background(), c, w); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64((testutil.CPUTime()-cpu).Nanoseconds())/float64(b.N), "cpu-ns/op")
		})
	}
}
