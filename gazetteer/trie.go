package gazetteer

import (
	"slices"
)

// trie maps sequences of token ids to values. Its nodes are numbered
// breadth first from the root, node 0, so that the children of a node are
// consecutive nodes in the order of their tokens: the children of node n
// are nodes first[n] to first[n+1]-1, and label[c] is the token of the
// edge into node c. The root's children are nodes 1 to first[1]-1, one
// for each token that starts a name, in id order: the child by token id
// is node 1 + the number of such tokens below id, which the rank set
// starts counts, so that no array over the whole vocabulary is kept.
//
// A node that ends names is in the rank set valued; the r-th such node
// has its value at values[r], or, when it names several entries (a
// value list), its values further on in values (valueList). The whole
// trie is a handful of flat slices without pointers, which costs the
// garbage collector nothing to scan.
type trie struct {
	starts rankSet  // token ids that start a name
	label  []uint32 // node → the token id of the edge into it
	first  []uint32 // node → its first child; first[len(label)] ends the last node
	valued rankSet  // nodes that end a name
	values []value  // the value of each valued node, then the lists of values
}

// child returns the node reached from node by the token id, or 0.
func (t *trie) child(node, id uint32) uint32 {
	if node == 0 {
		if t.starts.has(id) {
			return 1 + t.starts.rank(id)
		}
		return 0
	}
	lo, hi := t.first[node], t.first[node+1]
	if i, ok := slices.BinarySearch(t.label[lo:hi], id); ok {
		return lo + uint32(i)
	}
	return 0
}

// ends reports whether names end at node.
func (t *trie) ends(node uint32) bool { return t.valued.has(node) }

// nodeValues returns the values of node, in gazetteer order; none when no
// name ends there.
func (t *trie) nodeValues(node uint32) []value {
	if !t.valued.has(node) {
		return nil
	}
	r := t.valued.rank(node)
	if start, n, ok := t.values[r].list(); ok {
		return t.values[start : start+n]
	}
	return t.values[r : r+1]
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
		starts: newRankSet(vocabSize),
		label:  make([]uint32, 1, nodes),
		first:  make([]uint32, 0, nodes+1),
		valued: newRankSet(nodes),
		values: make([]value, 0, len(b.names)+len(b.names)/64),
	}
	// level holds the runs of names under the nodes of one depth, the
	// first of which is node levelFirst, in node order; next those of the
	// depth below. A node has at least one name under it, so neither
	// holds more runs than there are names.
	level := make([]run, 1, max(1, len(b.names)))
	level[0] = run{0, uint32(len(b.names))}
	next := make([]run, 0, len(b.names))
	levelFirst := uint32(0)
	var lists, scratch []value
	for depth := 0; len(level) > 0; depth++ {
		nextFirst := uint32(len(t.label))
		for k, r := range level {
			next, lists, scratch = b.layNode(&t, levelFirst+uint32(k), depth, r, next, lists, scratch)
		}
		level, next = next, level[:0]
		levelFirst = nextFirst
	}
	t.first = append(t.first, uint32(len(t.label)))
	t.starts.count()
	t.valued.count()
	// The lists go after the values of the nodes; their starts were
	// counted from the first list.
	direct := uint32(len(t.values))
	for k := range t.values {
		if start, n, ok := t.values[k].list(); ok {
			t.values[k] = listValue(direct+start, n)
		}
	}
	if n := len(t.values) + len(lists); n > cap(t.values) || n < cap(t.values)-cap(t.values)/16 {
		// A name adds at most one value, but a list adds one more
		// for its node; names that repeat another of the same entry add
		// none. Copy rather than keep spare room or grow by a quarter.
		t.values = append(make([]value, 0, n), t.values...)
	}
	t.values = append(t.values, lists...)
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
// names under the children. A node that names several entries gets a list
// appended to lists; scratch is reused for the node's values.
func (b *trieBuilder) layNode(t *trie, node uint32, depth int, r run, next []run, lists, scratch []value) ([]run, []value, []value) {
	// Names that end here sort first.
	i := r.lo
	scratch = scratch[:0]
	for ; i < r.hi && len(b.tokens(i)) == depth; i++ {
		scratch = addValue(scratch, b.names[i].value)
	}
	switch len(scratch) {
	case 0:
	case 1:
		t.valued.add(node)
		t.values = append(t.values, scratch[0])
	default:
		t.valued.add(node)
		t.values = append(t.values, listValue(uint32(len(lists)), uint32(len(scratch))))
		lists = append(lists, scratch...)
	}
	t.first = append(t.first, uint32(len(t.label)))
	for i < r.hi {
		id := b.tokens(i)[depth]
		j := i + 1
		for j < r.hi && b.tokens(j)[depth] == id {
			j++
		}
		if node == 0 {
			t.starts.add(id)
		}
		t.label = append(t.label, id)
		next = append(next, run{i, j})
		i = j
	}
	return next, lists, scratch
}

// addValue adds v to the values of a node, except that a second value for
// the same entry is dropped and a name replaces an adjective of the same
// entry (السعودية is the country's name and a demonym).
func addValue(values []value, v value) []value {
	// Names are added entry by entry, so a value of the same entry can
	// only be the node's last one.
	if n := len(values); n > 0 && values[n-1].entry == v.entry {
		if old := &values[n-1]; old.form() == FormAdjective && v.form() == FormName {
			*old = v
		}
		return values
	}
	return append(values, v)
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
