package gazetteer

import (
	"hash/maphash"
)

// vocab numbers the distinct normalized tokens of a gazetteer's names from
// 1, in the order they are added. It keeps all the tokens in one byte
// slice and finds them with an open-addressing hash table, so that a
// vocabulary of millions of tokens costs a few flat slices without
// pointers, which the garbage collector does not scan, instead of a map
// with a string header and an allocation a token.
//
// A vocab is not safe for concurrent use while tokens are added; once
// filled, id only reads it.
type vocab struct {
	seed maphash.Seed
	text []byte   // the tokens, one after another
	ends []uint32 // ends[id] is where token id ends in text; ends[0] = 0
	// slots hold a token's hash in the high 32 bits and its id in the low
	// ones, or 0 when free. A token sits at the first free slot from its
	// hash modulo len(slots), a power of 2. Comparing hashes first leaves
	// the text of other tokens unread.
	slots []uint64
}

// newVocab returns an empty vocabulary with room for about n tokens before
// it grows.
func newVocab(n int) *vocab {
	size := 16
	for size < 2*n {
		size *= 2
	}
	return &vocab{seed: maphash.MakeSeed(), ends: []uint32{0}, slots: make([]uint64, size)}
}

// len returns the number of tokens; ids run from 1 to len.
func (v *vocab) len() int { return len(v.ends) - 1 }

// token returns the token with id.
func (v *vocab) token(id uint32) []byte { return v.text[v.ends[id-1]:v.ends[id]] }

// id returns the id of token t, or 0 if t is not in the vocabulary.
func (v *vocab) id(t string) uint32 {
	id, _, _ := v.find(t)
	return id
}

// find returns the id of t and its hash, or 0, its hash and the free
// slot where t would go.
func (v *vocab) find(t string) (id uint32, hash uint32, slot int) {
	hash = uint32(maphash.String(v.seed, t))
	mask := len(v.slots) - 1
	for i := int(hash) & mask; ; i = (i + 1) & mask {
		s := v.slots[i]
		if s == 0 {
			return 0, hash, i
		}
		if id := uint32(s); uint32(s>>32) == hash && string(v.token(id)) == t {
			return id, hash, i
		}
	}
}

// add returns the id of t, adding t when it is new.
func (v *vocab) add(t string) uint32 {
	id, hash, slot := v.find(t)
	if id != 0 {
		return id
	}
	v.text = append(v.text, t...)
	v.ends = append(v.ends, uint32(len(v.text)))
	id = uint32(v.len())
	v.slots[slot] = uint64(hash)<<32 | uint64(id)
	// Keep the table at most three quarters full, so that runs of taken
	// slots stay short.
	if 4*v.len() > 3*len(v.slots) {
		v.grow()
	}
	return id
}

// grow doubles the hash table and puts every token back in it.
func (v *vocab) grow() {
	old := v.slots
	v.slots = make([]uint64, 2*len(old))
	mask := len(v.slots) - 1
	for _, s := range old {
		if s == 0 {
			continue
		}
		i := int(s>>32) & mask
		for v.slots[i] != 0 {
			i = (i + 1) & mask
		}
		v.slots[i] = s
	}
}
