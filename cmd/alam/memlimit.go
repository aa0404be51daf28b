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
// peak (at most 18.6 measured, docs/QUALITY.md, Reliability).
const perArticleBytes = 20

// memoryBudget keeps the garbage collector's soft memory limit
// (runtime/debug.SetMemoryLimit) at base plus perArticleBytes for each byte
// of the articles being annotated, and GOGC at 50 while longInFlight bytes
// or more are. Without it the heap of a 15 MB article grows to twice what
// is live, and the process, with the pages not yet returned, to 50 times
// the article; with it, the collector runs sooner while a long article is
// in flight, and as before otherwise (base is well above what short
// articles need). A limit set by the user (GOMEMLIMIT) is left alone, and
// so is a GOGC other than 100.
type memoryBudget struct {
	set      func(int64) int64 // debug.SetMemoryLimit
	percent  func(int) int     // debug.SetGCPercent, or nil to leave GOGC alone
	base     int64
	mu       sync.Mutex
	inFlight int64 // bytes of the articles in flight
}

// longInFlight is the size in flight from which the heap may grow by half
// (GOGC 50) between two collections instead of doubling (GOGC 100, the
// default), as long as it is in flight.
const longInFlight = 1 << 20

// newMemoryBudget returns the budget of this process, or nil when the user
// set a limit. base is twice the heap live now (the gazetteer, the models:
// it collects the garbage of loading them first), plus 128 MiB. GOGC is
// managed only when it has its default, 100.
func newMemoryBudget() *memoryBudget {
	if debug.SetMemoryLimit(-1) != math.MaxInt64 {
		return nil // GOMEMLIMIT
	}
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	b := &memoryBudget{set: debug.SetMemoryLimit, base: 2*int64(ms.HeapAlloc) + 128<<20}
	if p := debug.SetGCPercent(100); p == 100 {
		b.percent = debug.SetGCPercent
	} else {
		debug.SetGCPercent(p)
	}
	return b
}

// add counts n more bytes in flight (n < 0: fewer) and moves the limit
// and, when managed, GOGC.
func (b *memoryBudget) add(n int64) {
	b.mu.Lock()
	defer b.mu.Unlock()
	long := b.inFlight >= longInFlight
	b.inFlight += n
	b.set(b.base + perArticleBytes*b.inFlight)
	if now := b.inFlight >= longInFlight; b.percent != nil && now != long {
		if now {
			b.percent(50)
		} else {
			b.percent(100)
		}
	}
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

// release sets the limit back to none, and GOGC to 100.
func (b *memoryBudget) release() {
	if b != nil {
		b.set(math.MaxInt64)
		if b.percent != nil {
			b.percent(100)
		}
	}
}
