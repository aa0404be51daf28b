package gazetteer

import (
	"slices"
)

// trie maps sequences of token ids to values. Its nodes are numbered
// breadth first from the root, node 0, so that the children of a node are
// consecutive nodes in the order of their tokens: the children of node n
// are nodes first[n] to first[n+1]-1, and label[c] is the token of the
// edge into node c. The whole trie is a handful of flat slices without
// pointers, which costs the garbage collector nothing to scan.
type trie struct {
	roots  []uint32 // token id → the root's child by that token, or 0
	label  []uint32 // node → the token id of the edge into it
	first  []uint32 // node → its first child; first[len(label)] ends the last node
	heads  []int32  // node → its first value in values, or -1
	values []value  // the values of a node, consecutive, in gazetteer order
}

// child returns the node reached from node by the token id, or 0.
func (t *trie) child(node, id uint32) uint32 {
	if node == 0 {
		if int(id) < len(t.roots) {
			return t.roots[id]
		}
		return 0
	}
	lo, hi := t.first[node], t.first[node+1]
	if i, ok := slices.BinarySearch(t.label[lo:hi], id); ok {
		return lo + uint32(i)
	}
	return 0
}

// trieBuilder collects names as sequences of token ids, in the order they
// are added, and then lays out the trie that holds them.
type trieBuilder struct {
	ids   []uint32  // the tokens of all names, one name after another
	names []trieKey // the names, in the order they were added
}

// trieKey is a name: the tokens ids[start:end] of the builder and the
// value it denotes.
type trieKey struct {
	start, end uint32
	value      value
}

// newTrieBuilder returns a builder with room for about names names of
// about three tokens each, and a little more for the variants of
// compounds; it grows as needed.
func newTrieBuilder(names int) *trieBuilder {
	return &trieBuilder{ids: make([]uint32, 0, 3*names), names: make([]trieKey, 0, names+names/64)}
}

// add adds the name toks → v, with intern giving the id of each token.
// Empty names are left out.
func (b *trieBuilder) add(intern func(string) uint32, toks []string, v value) {
	if len(toks) == 0 {
		return
	}
	start := uint32(len(b.ids))
	for _, t := range toks {
		b.ids = append(b.ids, intern(t))
	}
	b.names = append(b.names, trieKey{start: start, end: uint32(len(b.ids)), value: v})
}

// tokens returns the token ids of name k.
func (b *trieBuilder) tokens(k uint32) []uint32 {
	n := &b.names[k]
	return b.ids[n.start:n.end]
}

// build lays out the trie of the names added so far; token ids are below
// vocabSize. A node's values are its names' values in the order the names
// were added, except that a second value for the same entry is dropped and
// a name replaces an adjective of the same entry (السعودية is the
// country's name and a demonym). build sorts the builder's names: call it
// once, after the last add.
//
// It lays out the nodes of one depth after another. With the names sorted
// by their tokens, the names under a node, those whose tokens start with
// the node's path, are a run names[lo:hi] of them.
func (b *trieBuilder) build(vocabSize int) trie {
	b.sort(vocabSize)
	nodes := b.nodes()
	t := trie{
		roots:  make([]uint32, vocabSize),
		label:  make([]uint32, 1, nodes),
		first:  make([]uint32, 0, nodes+1),
		heads:  make([]int32, 0, nodes),
		values: make([]value, 0, len(b.names)),
	}
	// level holds the runs of names under the nodes of one depth, the
	// first of which is node levelFirst, in node order; next those of the
	// depth below. A node has at least one name under it, so neither
	// holds more runs than there are names.
	level := make([]run, 1, max(1, len(b.names)))
	level[0] = run{0, uint32(len(b.names))}
	next := make([]run, 0, len(b.names))
	levelFirst := uint32(0)
	for depth := 0; len(level) > 0; depth++ {
		nextFirst := uint32(len(t.label))
		for k, r := range level {
			next = b.layNode(&t, levelFirst+uint32(k), depth, r, next)
		}
		level, next = next, level[:0]
		levelFirst = nextFirst
	}
	t.first = append(t.first, uint32(len(t.label)))
	return t
}

// nodes returns the number of nodes of the trie of the sorted names, the
// root included: a name adds a node for each of its tokens past the ones
// it shares with the name before it, so that the node arrays are made at
// their size instead of one node a token (a fifth more for the synthetic
// million names of BenchmarkCompile) and copied.
func (b *trieBuilder) nodes() int {
	nodes := 1
	var prev []uint32
	for k := range b.names {
		toks := b.tokens(uint32(k))
		shared := 0
		for shared < len(toks) && shared < len(prev) && toks[shared] == prev[shared] {
			shared++
		}
		nodes += len(toks) - shared
		prev = toks
	}
	return nodes
}

// run is a run names[lo:hi] of the sorted names.
type run struct{ lo, hi uint32 }

// layNode lays out node, at depth, under which are the sorted names r: it
// adds the values of the names that end at the node, then a child for each
// token that follows the node's path, and appends to next the runs of
// names under the children.
func (b *trieBuilder) layNode(t *trie, node uint32, depth int, r run, next []run) []run {
	t.heads = append(t.heads, -1)
	// Names that end here sort first.
	i := r.lo
	for ; i < r.hi && len(b.tokens(i)) == depth; i++ {
		t.addValue(node, b.names[i].value)
	}
	t.first = append(t.first, uint32(len(t.label)))
	for i < r.hi {
		id := b.tokens(i)[depth]
		j := i + 1
		for j < r.hi && b.tokens(j)[depth] == id {
			j++
		}
		if node == 0 {
			t.roots[id] = uint32(len(t.label))
		}
		t.label = append(t.label, id)
		next = append(next, run{i, j})
		i = j
	}
	return next
}

// addValue adds v to the values of node, the node laid out last.
func (t *trie) addValue(node uint32, v value) {
	if t.heads[node] < 0 {
		t.heads[node] = int32(len(t.values))
	} else {
		// Names are added entry by entry, so a value of the same entry
		// can only be the node's last one.
		if old := &t.values[len(t.values)-1]; old.entry == v.entry {
			if old.form == FormAdjective && v.form == FormName {
				old.form, old.marks = FormName, v.marks
			}
			return
		}
		t.values[len(t.values)-1].last = false
	}
	v.last = true
	t.values = append(t.values, v)
}

// sort sorts the names by their tokens, names with equal tokens in the
// order they were added, and moves their tokens in ids to that order, so
// that laying out the trie reads both sequentially.
func (b *trieBuilder) sort(vocabSize int) {
	order := b.sorted(vocabSize)
	ids := make([]uint32, 0, len(b.ids))
	names := make([]trieKey, len(order))
	for k, i := range order {
		toks := b.tokens(i)
		names[k] = trieKey{start: uint32(len(ids)), end: uint32(len(ids) + len(toks)), value: b.names[i].value}
		ids = append(ids, toks...)
	}
	b.ids, b.names = ids, names
}

// sorted returns the indexes of the names sorted by their tokens, names
// with equal tokens in the order they were added. It sorts by the first
// token with a counting sort, then each group of names that share it.
func (b *trieBuilder) sorted(vocabSize int) []uint32 {
	// starts[id] is where the names starting with token id go.
	starts := make([]uint32, vocabSize+1)
	for _, n := range b.names {
		starts[b.ids[n.start]+1]++
	}
	for id := 1; id < len(starts); id++ {
		starts[id] += starts[id-1]
	}
	order := make([]uint32, len(b.names))
	for k, n := range b.names {
		id := b.ids[n.start]
		order[starts[id]] = uint32(k)
		starts[id]++
	}
	// Now starts[id] is where the group of token id ends.
	lo := uint32(0)
	for _, hi := range starts[:vocabSize] {
		if hi-lo > 1 {
			slices.SortStableFunc(order[lo:hi], func(x, y uint32) int {
				return slices.Compare(b.tokens(x)[1:], b.tokens(y)[1:])
			})
		}
		lo = hi
	}
	return order
}
