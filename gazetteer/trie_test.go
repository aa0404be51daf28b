package gazetteer

import (
	"fmt"
	"math/rand/v2"
	"testing"
)

// TestTrieNodes checks that build makes one node for each distinct
// prefix of the names (the empty one is the root), the count nodes gives
// before laying the trie out, and that every name leads to a node holding
// its value: on names that repeat, that are prefixes of others, and at
// random.
func TestTrieNodes(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	random := make([][]uint32, 500)
	for i := range random {
		random[i] = make([]uint32, 1+rng.IntN(4))
		for k := range random[i] {
			random[i][k] = 1 + uint32(rng.IntN(6))
		}
	}
	tests := []struct {
		name  string
		names [][]uint32
	}{
		{"none", nil},
		{"one", [][]uint32{{1, 2, 3}}},
		{"repeated", [][]uint32{{1, 2}, {1, 2}, {1, 2}}},
		{"prefixes", [][]uint32{{1, 2, 3}, {1}, {1, 2}, {2}}},
		{"shared tails", [][]uint32{{1, 3}, {2, 3}, {3}}},
		{"random", random},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			b := newTrieBuilder(len(tc.names))
			prefixes := map[string]bool{"": true}
			vocab := uint32(0)
			for i, name := range tc.names {
				b.ids = append(b.ids, name...)
				b.names = append(b.names, trieKey{start: uint32(len(b.ids) - len(name)), end: uint32(len(b.ids)), value: newValue(int32(i), FormName, 0)})
				for k := range name {
					prefixes[fmt.Sprint(name[:k+1])] = true
					vocab = max(vocab, name[k])
				}
			}
			tr := b.build(int(vocab) + 1)
			if got, want := b.nodes(), len(prefixes); got != want {
				t.Errorf("nodes() = %d, want %d distinct prefixes", got, want)
			}
			if got, want := len(tr.label), len(prefixes); got != want || cap(tr.label) != want {
				t.Errorf("%d nodes (capacity %d), want %d", got, cap(tr.label), want)
			}
			for i, name := range tc.names {
				node := uint32(0)
				for _, id := range name {
					node = tr.child(node, id)
				}
				found := false
				for _, v := range tr.nodeValues(node) {
					found = found || v.entry == int32(i)
				}
				if node == 0 || !found {
					t.Errorf("name %d %v: node %d, values %v; want entry %d", i, name, node, tr.nodeValues(node), i)
				}
			}
		})
	}
}
