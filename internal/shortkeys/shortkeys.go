// Package shortkeys holds Table, a hash table keyed by strings that keeps
// the short keys (words, most often) in its slots.
//
// A lookup in a Go map of strings reads the group's control word, a slot
// with the key's string header, and the key's bytes elsewhere in memory:
// when the table is read between other work that evicts it from the
// cache (the stages of the extractor, article after article), each is a
// cache miss. A Table's lookup of a short key most often reads one slot.
package shortkeys

import (
	"hash/maphash"
	"iter"
)

// MaxKey is the longest key a slot holds; longer keys go to a map.
const MaxKey = 23

// Table maps strings to values of type V, by open addressing with linear
// probing. Build it with Set, then read it with Get from any number of
// goroutines; it is not safe to Set while others read. The zero value is
// an empty table.
type Table[V any] struct {
	seed  maphash.Seed
	slots []slot[V] // a power of two long, at most half full
	n     int       // keys in slots
	long  map[string]V
}

type slot[V any] struct {
	size uint8 // 1 + the key's length; 0 for an empty slot
	key  [MaxKey]byte
	val  V
}

// Len returns the number of keys.
func (t *Table[V]) Len() int { return t.n + len(t.long) }

// Set maps k to v.
func (t *Table[V]) Set(k string, v V) {
	if len(k) > MaxKey {
		if t.long == nil {
			t.long = map[string]V{}
		}
		t.long[k] = v
		return
	}
	if t.n > 0 {
		if s := &t.slots[t.slot(k)]; s.size != 0 {
			s.val = v // k is in the table already: no room is needed
			return
		}
	}
	if 2*(t.n+1) > len(t.slots) {
		t.grow()
	}
	s := &t.slots[t.slot(k)]
	s.size = uint8(1 + copy(s.key[:], k))
	t.n++
	s.val = v
}

// Get returns the value of k, and whether the table holds k.
func (t *Table[V]) Get(k string) (V, bool) {
	if len(k) > MaxKey {
		v, ok := t.long[k]
		return v, ok
	}
	if t.n == 0 {
		var zero V
		return zero, false
	}
	s := &t.slots[t.slot(k)]
	return s.val, s.size != 0
}

// All returns the keys and values of the table, in no particular order.
func (t *Table[V]) All() iter.Seq2[string, V] {
	return func(yield func(string, V) bool) {
		for i := range t.slots {
			s := &t.slots[i]
			if s.size != 0 && !yield(string(s.key[:s.size-1]), s.val) {
				return
			}
		}
		for k, v := range t.long {
			if !yield(k, v) {
				return
			}
		}
	}
}

// slot returns the index of k's slot, or of the empty slot where k would
// go; k is at most MaxKey bytes and the table has slots.
func (t *Table[V]) slot(k string) int {
	mask := len(t.slots) - 1
	i := int(maphash.String(t.seed, k)) & mask
	for {
		s := &t.slots[i]
		if s.size == 0 || int(s.size) == len(k)+1 && string(s.key[:len(k)]) == k {
			return i
		}
		i = (i + 1) & mask
	}
}

// grow doubles the slots (or makes the first 16), with a new seed.
func (t *Table[V]) grow() {
	old := t.slots
	t.seed = maphash.MakeSeed()
	t.slots = make([]slot[V], max(16, 2*len(old)))
	for i := range old {
		s := &old[i]
		if s.size != 0 {
			t.slots[t.slot(string(s.key[:s.size-1]))] = *s
		}
	}
}
