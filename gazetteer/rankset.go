package gazetteer

import "math/bits"

// rankSet is a set of the numbers below a bound that also tells, in
// constant time, how many of its members are smaller than a number: a bit
// a number, and beside each word of 64 bits the count of members before
// it. It lets the trie keep a number per member instead of one per number
// (see trie).
type rankSet struct {
	words []rankWord
}

type rankWord struct {
	bits   uint64
	before uint32 // members in the words before this one
}

// newRankSet returns an empty set of the numbers below n. Fill it with
// add, then call count before has and rank.
func newRankSet(n int) rankSet {
	return rankSet{words: make([]rankWord, (n+63)/64)}
}

// add adds i, which must be below the set's bound.
func (s rankSet) add(i uint32) { s.words[i/64].bits |= 1 << (i % 64) }

// count fills in the counts of members before each word and returns the
// number of members.
func (s rankSet) count() int {
	n := 0
	for k := range s.words {
		s.words[k].before = uint32(n)
		n += bits.OnesCount64(s.words[k].bits)
	}
	return n
}

// has reports whether i is a member; numbers past the bound are not.
func (s rankSet) has(i uint32) bool {
	k := i / 64
	return int(k) < len(s.words) && s.words[k].bits&(1<<(i%64)) != 0
}

// rank returns the number of members below i, which must be below the
// set's bound.
func (s rankSet) rank(i uint32) uint32 {
	w := s.words[i/64]
	return w.before + uint32(bits.OnesCount64(w.bits&(1<<(i%64)-1)))
}
