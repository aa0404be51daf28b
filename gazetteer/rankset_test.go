package gazetteer

import (
	"math/rand/v2"
	"testing"
)

// TestRankSet checks has and rank against a plain list of members, at the
// edges of the 64-bit words and on random sets.
func TestRankSet(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	tests := []struct {
		name    string
		n       int
		members func(i int) bool
	}{
		{"empty bound", 0, func(int) bool { return false }},
		{"none", 130, func(int) bool { return false }},
		{"all", 130, func(int) bool { return true }},
		{"word edges", 200, func(i int) bool { return i%64 == 0 || i%64 == 63 }},
		{"last only", 129, func(i int) bool { return i == 128 }},
		{"random", 1000, func(int) bool { return rng.IntN(3) == 0 }},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s := newRankSet(tc.n)
			in := make([]bool, tc.n)
			for i := range in {
				if tc.members(i) {
					in[i] = true
					s.add(uint32(i))
				}
			}
			want := 0
			for _, m := range in {
				if m {
					want++
				}
			}
			if got := s.count(); got != want {
				t.Fatalf("count = %d, want %d", got, want)
			}
			below := 0
			for i, m := range in {
				if got := s.has(uint32(i)); got != m {
					t.Errorf("has(%d) = %v, want %v", i, got, m)
				}
				if got := s.rank(uint32(i)); got != uint32(below) {
					t.Errorf("rank(%d) = %d, want %d", i, got, below)
				}
				if m {
					below++
				}
			}
			for _, past := range []uint32{uint32(tc.n), uint32(64*len(s.words) + 1), 1 << 31} {
				if s.has(past) && int(past) >= tc.n {
					t.Errorf("has(%d) past the bound %d", past, tc.n)
				}
			}
		})
	}
}
