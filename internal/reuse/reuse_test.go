package reuse

import (
	"slices"
	"testing"
)

func TestResize(t *testing.T) {
	tests := []struct {
		name string
		s    []int
		n, v int
		want []int
	}{
		{"nil", nil, 3, -1, []int{-1, -1, -1}},
		{"shrink", []int{1, 2, 3, 4}, 2, 0, []int{0, 0}},
		{"grow", []int{1}, 3, 7, []int{7, 7, 7}},
		{"zero length", []int{1, 2}, 0, 5, []int{}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := Resize(tc.s, tc.n, tc.v); !slices.Equal(got, tc.want) {
				t.Errorf("Resize(%v, %d, %d) = %v, want %v", tc.s, tc.n, tc.v, got, tc.want)
			}
		})
	}
	s := make([]int, 2, 10)
	if got := Resize(s, 8, 1); &got[0] != &s[0] {
		t.Error("Resize did not reuse an array with room")
	}
}
