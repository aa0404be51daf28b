package keywords

import (
	"github.com/alam-nlp/alam/internal/reuse"
)

// group is a candidate phrase: the occurrences of one sequence of stems.
// Only the first occurrence is kept; eachOccurrence finds the others (a
// list of them all took up to 36 bytes a token in a long article).
type group struct {
	words       int32 // words, stop words included
	tf          int32
	first, last int32   // the first and last token of its first occurrence
	score       float64 // YAKE's, lower is better
}

// candidates collects the candidate phrases by their stems, in the order
// of their first occurrence, and scores them. A phrase of several words
// with a stem that the article uses only once occurs only once, and best
// would leave it out: such phrases are not collected.
func (x *extractor) candidates(maxWords int) {
	x.nodeGroup = reuse.Resize(x.nodeGroup, len(x.stats), -1)
	// Sequences are made of stems met twice or more: there are about as
	// many as stems, far fewer than tokens in a long article.
	x.children.reset(len(x.stats))
	x.groups = x.groups[:0]
	for k := range x.stem {
		if !x.isContent(k) {
			continue
		}
		node := x.stem[k]
		x.addOccurrence(node, k, k)
		if x.uses[x.stem[k]].n < 2 {
			continue
		}
		if x.english && x.isName[k] {
			continue // a name is a keyword alone (Al Hilal, not Al Hilal beat)
		}
		for j := k + 1; j-k < maxWords && x.adjacent(j-1) && x.uses[x.stem[j]].n >= 2 && !(x.english && x.isName[j]); j++ {
			node = x.child(node, x.stem[j])
			if !x.stop[j] {
				x.addOccurrence(node, k, j)
			}
		}
	}
	for i := range x.groups {
		g := &x.groups[i]
		prod, sum := 1.0, 0.0
		for _, id := range x.contentStems(g) {
			ws := x.stats[id].score
			prod *= ws
			sum += ws
		}
		g.score = prod / (float64(g.tf) * (1 + sum))
	}
}

// child returns the node of the sequence of node followed by stem id,
// making it if new.
func (x *extractor) child(node, id int32) int32 {
	key := uint64(node)<<32 | uint64(uint32(id))
	c, ok := x.children.m[key]
	if !ok {
		c = int32(len(x.nodeGroup))
		x.children.m[key] = c
		x.nodeGroup = append(x.nodeGroup, -1)
	}
	return c
}

// addOccurrence records tokens k to j as an occurrence of the group of
// node, making the group if new.
func (x *extractor) addOccurrence(node int32, k, j int) {
	gi := x.nodeGroup[node]
	if gi < 0 {
		x.nodeGroup[node] = int32(len(x.groups))
		x.groups = append(x.groups, group{words: int32(j + 1 - k), tf: 1, first: int32(k), last: int32(j)})
		return
	}
	x.groups[gi].tf++
}

// eachOccurrence calls fn with the first and last token of each
// occurrence of g, in text order: the occurrences that candidates counted,
// found again from the content words with g's first stem, under the same
// conditions (the same stems, adjacent words, each stem met twice or more,
// no stop word at the end).
func (x *extractor) eachOccurrence(g *group, fn func(k, j int)) {
	first, span := int(g.first), int(g.last-g.first)
	for _, k32 := range x.occurrences(&x.stats[x.stem[first]]) {
		k := int(k32)
		j := k + span
		if span > 0 {
			if j >= len(x.stem) || x.stop[j] {
				continue
			}
			ok := true
			for i := k + 1; ok && i <= j; i++ {
				ok = x.adjacent(i-1) && x.stem[i] == x.stem[first+i-k] && x.uses[x.stem[i]].n >= 2
			}
			if !ok {
				continue
			}
		}
		fn(k, j)
	}
}

// contentStems returns the stem ids of the content words of g, in order.
// The slice is valid until the next call.
func (x *extractor) contentStems(g *group) []int32 {
	x.contentBuf = x.contentBuf[:0]
	for k := g.first; k <= g.last; k++ {
		if !x.stop[k] {
			x.contentBuf = append(x.contentBuf, x.stem[k])
		}
	}
	return x.contentBuf
}
