// Package intern numbers distinct strings: a Table gives every string it
// is given a small integer id, the same one each time, and gives the
// string back from its id.
//
// A Table keeps all its strings in one byte slice and finds them with an
// open-addressing hash table of uint64 slots, so that millions of strings
// cost a few flat slices without pointers, which the garbage collector
// does not scan, instead of a map with a string header and an allocation
// a string. It is the one interner of the module: the gazetteer's token
// vocabulary, and the per-extractor word tables, are Tables.
//
// Memory is bounded by the caller: Bytes says what a Table holds, and
// Reset empties it for reuse (a generational table: drop everything when
// it has grown past a budget, then refill).
package intern

import (
	"hash/maphash"
	"slices"
)

// A Table numbers distinct strings from 1, in the order they are first
// added; 0 is never an id and means "not in the table".
//
// A Table is not safe for concurrent use while strings are added or it is
// reset; lookups alone (ID, IDBytes, String, Bytes, Len) may run
// concurrently. The zero Table is not usable: call New.
type Table struct {
	seed maphash.Seed
	text []byte   // the strings, one after another
	ends []uint32 // ends[id] is where string id ends in text; ends[0] = 0
	// slots hold a string's hash in the high 32 bits and its id in the
	// low ones, or 0 when free. A string sits at the first free slot from
	// home(hash), the hash scaled to len(slots), wrapping at the end.
	// Comparing hashes first leaves the text of other strings unread.
	slots []uint64
}

// New returns an empty table with room for about n strings before it
// grows.
func New(n int) *Table {
	return &Table{seed: maphash.MakeSeed(), ends: []uint32{0}, slots: make([]uint64, tableSize(n))}
}

// tableSize returns the number of slots for n strings: a power of 2, at
// least 16 and at least 2n, so that a table that grows from New stays at
// most half full after each doubling.
func tableSize(n int) int {
	size := 16
	for size < 2*n {
		size *= 2
	}
	return size
}

// Len returns the number of strings; ids run from 1 to Len.
func (t *Table) Len() int { return len(t.ends) - 1 }

// Bytes returns the bytes held by t's arrays (text, ends and slots, at
// their capacity), for callers that bound a table's memory.
func (t *Table) Bytes() int { return cap(t.text) + 4*cap(t.ends) + 8*cap(t.slots) }

// Text returns the string with id as a slice of t's storage, without
// copying: the caller must not change it, and it stays valid until Reset.
// It panics if id is not in 1..Len.
func (t *Table) Text(id uint32) []byte { return t.text[t.ends[id-1]:t.ends[id]:t.ends[id]] }

// String returns the string with id (a copy). It panics if id is not in
// 1..Len.
func (t *Table) String(id uint32) string { return string(t.Text(id)) }

// ID returns the id of s, or 0 if s is not in t.
func (t *Table) ID(s string) uint32 {
	id, _ := t.find(s, uint32(maphash.String(t.seed, s)))
	return id
}

// IDBytes returns the id of b, or 0 if b is not in t, without converting
// b to a string.
func (t *Table) IDBytes(b []byte) uint32 {
	id, _ := t.find(string(b), uint32(maphash.Bytes(t.seed, b)))
	return id
}

// find returns the id of s, whose hash is hash, or 0 and the free slot
// where s would go.
func (t *Table) find(s string, hash uint32) (id uint32, slot int) {
	for i := t.home(hash); ; i = t.nextSlot(i) {
		v := t.slots[i]
		if v == 0 {
			return 0, i
		}
		if id := uint32(v); uint32(v>>32) == hash && string(t.Text(id)) == s {
			return id, i
		}
	}
}

// Add returns the id of s, adding s when it is new.
func (t *Table) Add(s string) uint32 {
	id, _ := t.AddNew(s)
	return id
}

// AddNew returns the id of s, and whether s was new and has been added.
func (t *Table) AddNew(s string) (uint32, bool) {
	hash := uint32(maphash.String(t.seed, s))
	id, slot := t.find(s, hash)
	if id != 0 {
		return id, false
	}
	if len(t.text)+len(s) > cap(t.text) {
		// Double: append grows a large slice by a quarter, which for
		// millions of strings copies the text five times over.
		t.text = slices.Grow(t.text, max(len(s), cap(t.text)))
	}
	if len(t.ends) == cap(t.ends) {
		t.ends = slices.Grow(t.ends, cap(t.ends))
	}
	t.text = append(t.text, s...)
	t.ends = append(t.ends, uint32(len(t.text)))
	id = uint32(t.Len())
	t.slots[slot] = uint64(hash)<<32 | uint64(id)
	// Keep the table at most three quarters full, so that runs of taken
	// slots stay short.
	if 4*t.Len() > 3*len(t.slots) {
		t.grow()
	}
	return id, true
}

// Compact shrinks t's hash table to the size its strings need, two
// thirds full (not a power of 2: a table made by New and filled is
// between a quarter and three quarters full), and its other arrays to
// their length.
// Call it once a table is filled, when New was given a generous guess: a
// smaller table is faster to search, for it stays in the processor's
// caches. Ids do not change.
func (t *Table) Compact() {
	t.text = shrink(t.text)
	t.ends = shrink(t.ends)
	if size := compactSize(t.Len()); size < len(t.slots) {
		t.rehash(size)
	}
}

// compactSize returns the number of slots Compact keeps for n strings:
// 3n/2, at least 16. Linear probing at two thirds full looks at about 2
// slots to find a string and 5 to miss one, against 1.4 and 2 at the
// fill of a fresh table of New, mostly in the same cache line.
func compactSize(n int) int { return max(16, n+n/2) }

// home returns the first slot to look at for hash: hash scaled to
// len(slots), by the multiply that maps a 32-bit number onto 0..len-1
// (the table's size need not be a power of 2).
func (t *Table) home(hash uint32) int { return int(uint64(hash) * uint64(len(t.slots)) >> 32) }

// nextSlot returns the slot after i, wrapping at the end.
func (t *Table) nextSlot(i int) int {
	if i++; i == len(t.slots) {
		return 0
	}
	return i
}

// shrink returns s without spare capacity: s itself when the spare is
// small, else a copy (slicing alone would keep the whole array alive).
func shrink[T any](s []T) []T {
	if cap(s)-len(s) <= len(s)/16 {
		return slices.Clip(s)
	}
	return slices.Clone(s)
}

// grow doubles the hash table and puts every string back in it.
func (t *Table) grow() { t.rehash(2 * len(t.slots)) }

// rehash puts every string in a new hash table of size slots.
func (t *Table) rehash(size int) {
	old := t.slots
	t.slots = make([]uint64, size)
	for _, v := range old {
		if v == 0 {
			continue
		}
		i := t.home(uint32(v >> 32))
		for t.slots[i] != 0 {
			i = t.nextSlot(i)
		}
		t.slots[i] = v
	}
}

// Reset empties t, keeping its arrays for reuse, so that ids start from 1
// again. Ids and Text slices from before Reset are no longer valid.
func (t *Table) Reset() {
	t.text = t.text[:0]
	t.ends = t.ends[:1]
	clear(t.slots)
}
