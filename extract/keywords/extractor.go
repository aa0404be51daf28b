package keywords

import (
	"sync"

	"github.com/alam-nlp/alam/arabic"
)

// extractors keeps extractors, and so their buffers, from one Extract
// call to the next.
var extractors = sync.Pool{New: func() any { return new(extractor) }}

// extractor holds the state of one Extract call. A word is known by a
// small integer, the id of its light stem (its number in the analysis's
// arabic.StemIndex), so that the statistics live in slices indexed by id
// rather than in maps keyed by strings.
type extractor struct {
	a    *arabic.Analysis
	segs []arabic.Segmentation // scratch for withoutConjunction
	// normBuf holds the normalized forms of one group (see mergeForms).
	normBuf []byte

	// For an English article (Options.English): per token of a.
	english bool
	isName  []bool // a merged name (see englishView)
	initial []bool // the capitalized first word of its sentence

	// Per token.
	stem []int32 // id of its light stem; -1 if it cannot be part of a phrase
	stop []bool  // a stop word (see isStop)
	sent []int32 // its sentence

	// Per stem id.
	uses  []stemUse
	stats []wordStat

	// Per content word occurrence, grouped by stem id: the token.
	byStem []int32
	// Per stem id, seen as a distinct left and right neighbour of the word
	// being counted (its id + 1; 0 for none).
	seenLeft, seenRight []int32

	// The candidates. A node stands for a sequence of stems: nodes below
	// len(stats) are single stems (node = id), longer sequences are the
	// children of their sequence without the last stem.
	children  reusableMap // node<<32 | next stem id → node
	nodeGroup []int32     // node → group, or -1
	groups    []group     // in the order of their first occurrence

	// Scratch for best.
	order      []ranked // the groups to rank, a heap (see before)
	later      []ranked // those of tier 1, heaped when order runs out
	contentBuf []int32  // content stem ids of a group
	chosen     []int32  // content stem ids of the phrases chosen, one after another
	ends       []int32  // end of each chosen phrase in chosen
	forms      []form
	known      map[string]bool // isWord's answers for this article
}

// maxPooledTokens bounds the buffers kept for the next article: those of
// a long article are left to the garbage collector.
const maxPooledTokens = 1 << 16

// release puts x back in the pool, without the article or its strings.
func (x *extractor) release() {
	if cap(x.stem) > maxPooledTokens {
		return
	}
	x.a = nil
	x.english, x.isName, x.initial = false, nil, nil
	clear(x.segs[:cap(x.segs)]) // the readings' strings are the article's
	clear(x.uses)
	clear(x.known)
	extractors.Put(x)
}

// reusableMap is a map that is emptied for reuse rather than made anew,
// unless it was made for many more entries than are now needed: clearing
// a map costs its capacity, which one long article would keep large.
type reusableMap struct {
	m    map[uint64]int32
	size int // the most entries it had
}

// reset empties r for about n entries.
func (r *reusableMap) reset(n int) {
	r.size = max(r.size, len(r.m))
	if r.m == nil || r.size > 4*n+64 {
		r.m, r.size = make(map[uint64]int32, n), n
		return
	}
	clear(r.m)
}
