package main

import (
	"context"
	"math"
	"runtime"
	"runtime/debug"
	"sync"

	"github.com/alam-nlp/alam/pipeline"
)

// perArticleBytes is the memory alam budgets for each byte of the
// articles in flight: the analysis, the candidates and the tagger's
// features of a long article hold some 20 bytes a byte of it at their
// peak (docs/QUALITY.md, Reliability).
const perArticleBytes = 24

// memoryBudget keeps the garbage collector's soft memory limit
// (runtime/debug.SetMemoryLimit) at base plus perArticleBytes for each byte
// of the articles being annotated. Without it the heap of a 15 MB article
// grows to twice what is live, and the process, with the pages not yet
// returned, to 50 times the article; with it, the collector runs sooner
// when a long article is in flight, and as before otherwise (base is well
// above what short articles need). A limit set by the user (GOMEMLIMIT) is
// left alone.
type memoryBudget struct {
	set      func(int64) int64 // debug.SetMemoryLimit
	base     int64
	mu       sync.Mutex
	inFlight int64 // bytes of the articles in flight
}

// newMemoryBudget returns the budget of this process, or nil when the user
// set a limit. base is twice the heap in use now (the gazetteer, the
// models), plus 64 MiB.
func newMemoryBudget() *memoryBudget {
	if debug.SetMemoryLimit(-1) != math.MaxInt64 {
		return nil // GOMEMLIMIT
	}
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	return &memoryBudget{set: debug.SetMemoryLimit, base: 2*int64(ms.HeapAlloc) + 64<<20}
}

// add counts n more bytes in flight (n < 0: fewer) and moves the limit.
func (b *memoryBudget) add(n int64) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.inFlight += n
	b.set(b.base + perArticleBytes*b.inFlight)
}

// stage returns s run with the bytes of each document counted in flight
// from the moment read has read them until s is done. A nil budget returns
// read and s chained.
func (b *memoryBudget) stage(read, s pipeline.Stage) pipeline.Stage {
	if b == nil {
		return pipeline.Chain(read, s)
	}
	return pipeline.StageFunc(func(ctx context.Context, doc *pipeline.Document) error {
		if err := read.Process(ctx, doc); err != nil {
			return err
		}
		n := int64(len(doc.Raw) + len(doc.Text))
		b.add(n)
		defer b.add(-n)
		return s.Process(ctx, doc)
	})
}

// release sets the limit back to none.
func (b *memoryBudget) release() {
	if b != nil {
		b.set(math.MaxInt64)
	}
}
