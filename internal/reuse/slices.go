package reuse

import "sync"

// Slices keeps the arrays of slices of T from one use to the next, for a
// caller that fills a slice, reads it and drops it (a pipeline stage, once
// a document). Get returns a holder whose slice is empty; the caller
// appends to that slice and gives the result back with Put, which clears
// it (so that the array keeps nothing alive) and keeps it for a later Get,
// unless its capacity is above Max: a huge one is left to the garbage
// collector. Safe for concurrent use; a Slices must not be copied.
type Slices[T any] struct {
	Max  int       // the largest capacity kept
	pool sync.Pool // of *[]T, each empty and cleared
}

// Get returns a holder of an empty slice, with an array kept by Put or
// none.
func (p *Slices[T]) Get() *[]T {
	if h, _ := p.pool.Get().(*[]T); h != nil {
		return h
	}
	return new([]T)
}

// Put clears s, the holder h's slice appended to, and keeps its array in h
// for a later Get unless its capacity is above p.Max. Only s's length is
// cleared: what lies beyond it was cleared by an earlier Put.
func (p *Slices[T]) Put(h *[]T, s []T) {
	if cap(s) > p.Max {
		return
	}
	clear(s)
	*h = s[:0]
	p.pool.Put(h)
}
