package gazetteer

import (
	"fmt"
	"math/rand/v2"
	"runtime"
	"runtime/metrics"
	"strings"
	"testing"
	"time"

	"github.com/alam-nlp/alam/arabic"
	"github.com/alam-nlp/alam/internal/testutil"
)

// syntheticGazetteer returns n entries whose Arabic names are two to four
// words drawn from a vocabulary of 40³ made-up words, each with an alias
// that adds the article, as a large real gazetteer would have.
func syntheticGazetteer(n int) *Gazetteer {
	letters := []rune("ابتثجحخدذرزسشصضطظعغفقكلمنهويءأإآةى")
	rng := rand.New(rand.NewPCG(7, 7))
	word := func() string {
		r := make([]rune, 3+rng.IntN(4))
		for i := range r {
			r[i] = letters[rng.IntN(len(letters))]
		}
		return string(r)
	}
	g := &Gazetteer{Entries: make([]Entry, n)}
	for i := range g.Entries {
		name := make([]string, 2+rng.IntN(3))
		for k := range name {
			name[k] = word()
		}
		g.Entries[i] = Entry{
			ID: fmt.Sprintf("org:e%d", i), Type: Org, Name: fmt.Sprintf("Entity %d", i),
			NameAr: strings.Join(name, " "), Aliases: []string{"ال" + strings.Join(name, " ")},
		}
	}
	return g
}

// BenchmarkCompile reports, besides time and total allocation (B/op):
// heap-MB, the live heap after the loop, gazetteer and matcher included;
// matcher-MB, the part of it that the matcher adds; peak-MB, the largest
// heap seen while compiling, garbage not yet collected included, sampled
// every millisecond; and cpu-s/op, the processor time of the process
// (user and system, the collector's included) per compile, which other
// processes on a shared machine disturb less than the wall-clock time.
func BenchmarkCompile(b *testing.B) {
	for _, n := range []int{10_000, 1_000_000} {
		g := syntheticGazetteer(n)
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			b.ReportAllocs()
			before := liveHeap()
			stop := samplePeakHeap()
			cpu := cpuSeconds()
			var m *Matcher
			for b.Loop() {
				m = Compile(g)
			}
			cpu = cpuSeconds() - cpu
			peak := stop()
			after := liveHeap()
			b.ReportMetric(float64(after)/(1<<20), "heap-MB")
			b.ReportMetric((float64(after)-float64(before))/(1<<20), "matcher-MB")
			b.ReportMetric(float64(peak)/(1<<20), "peak-MB")
			if cpu > 0 {
				b.ReportMetric(cpu/float64(b.N), "cpu-s/op")
			}
			runtime.KeepAlive(m)
		})
	}
}

// liveHeap returns the bytes of live heap objects after a collection.
func liveHeap() uint64 {
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	return ms.HeapAlloc
}

// samplePeakHeap samples the heap's objects, live or not yet freed, every
// millisecond until the returned function is called, which returns the
// largest sample.
func samplePeakHeap() (stop func() uint64) {
	const name = "/memory/classes/heap/objects:bytes"
	done := make(chan struct{})
	result := make(chan uint64)
	go func() {
		sample := []metrics.Sample{{Name: name}}
		var peak uint64
		tick := time.NewTicker(time.Millisecond)
		defer tick.Stop()
		for {
			metrics.Read(sample)
			peak = max(peak, sample[0].Value.Uint64())
			select {
			case <-done:
				result <- peak
				return
			case <-tick.C:
			}
		}
	}()
	return func() uint64 {
		close(done)
		return <-result
	}
}

// antMatcher returns the ANT sample's texts, their size in bytes and the
// default gazetteer compiled, skipping b when the corpus is absent.
func antMatcher(b *testing.B) ([]string, int, *Matcher) {
	b.Helper()
	texts, size := testutil.TextFiles("../../shared/data/ant_corpus_v2.1_sample")
	if len(texts) == 0 {
		b.Skip("ANT sample absent")
	}
	g, err := Default()
	if err != nil {
		b.Fatal(err)
	}
	return texts, size, Compile(g)
}

// BenchmarkFindAll measures analysis plus matching with the default
// gazetteer over the ANT sample, skipped when the corpus is absent.
func BenchmarkFindAll(b *testing.B) {
	texts, size, m := antMatcher(b)
	b.SetBytes(int64(size))
	b.ReportAllocs()
	for b.Loop() {
		for _, t := range texts {
			m.FindAll(arabic.Analyze(t))
		}
	}
}

// BenchmarkCompileDefault measures loading and compiling the embedded
// default gazetteer.
func BenchmarkCompileDefault(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		g, err := Default()
		if err != nil {
			b.Fatal(err)
		}
		Compile(g)
	}
}
