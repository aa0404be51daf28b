package keywords

import (
	"github.com/alam-nlp/alam/internal/reuse"
)

// group is a candidate phrase: the occurrences of one sequence of stems.
type group struct {
	words      int32 // words, stop words included
	tf         int32
	head, tail int32   // its first and last occurrence in extractor.occ
	score      float64 // YAKE's, lower is better
}

// occurrence is one occurrence of a group.
type occurrence struct {
	first, last int32 // its first and last token
	next        int32 // the group's next occurrence in extractor.occ, or -1
}

// candidates collects the candidate phrases by their stems, in the order
// of their first occurrence, and scores them. A phrase of several words
// with a stem that the article uses only once occurs only once, and best
// would leave it out: such phrases are not collected.
func (x *extractor) candidates(maxWords int) {
	x.nodeGroup = reuse.Resize(x.nodeGroup, len(x.stats), -1)
	x.children.reset(len(x.stem))
	x.groups, x.occ = x.groups[:0], x.occ[:0]
	for k := range x.stem {
		if !x.isContent(k) {
			continue
		}
		node := x.stem[k]
		x.addOccurrence(node, k, k)
		if x.uses[x.stem[k]].n < 2 {
			continue
		}
		for j := k + 1; j-k < maxWords && x.adjacent(j-1) && x.uses[x.stem[j]].n >= 2; j++ {
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
	o := int32(len(x.occ))
	x.occ = append(x.occ, occurrence{first: int32(k), last: int32(j), next: -1})
	gi := x.nodeGroup[node]
	if gi < 0 {
		x.nodeGroup[node] = int32(len(x.groups))
		x.groups = append(x.groups, group{words: int32(j + 1 - k), tf: 1, head: o, tail: o})
		return
	}
	g := &x.groups[gi]
	x.occ[g.tail].next = o
	g.tail = o
	g.tf++
}

// contentStems returns the stem ids of the content words of g, in order.
// The slice is valid until the next call.
func (x *extractor) contentStems(g *group) []int32 {
	x.contentBuf = x.contentBuf[:0]
	o := x.occ[g.head]
	for k := o.first; k <= o.last; k++ {
		if !x.stop[k] {
			x.contentBuf = append(x.contentBuf, x.stem[k])
		}
	}
	return x.contentBuf
}
