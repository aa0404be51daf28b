package reuse

import "testing"

func TestSlicesPut(t *testing.T) {
	tests := []struct {
		name    string
		max     int
		n       int  // elements appended
		cleared bool // whether Put clears them
	}{
		{"kept", 8, 5, true},
		{"at the bound", 8, 8, true},
		{"above the bound", 2, 5, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p := &Slices[*int]{Max: tc.max}
			h := p.Get()
			if len(*h) != 0 {
				t.Fatalf("Get gave %d elements, want 0", len(*h))
			}
			s := make([]*int, 0, tc.n) // capacity n: cap(s) > Max decides
			for range tc.n {
				s = append(s, new(int))
			}
			p.Put(h, s)
			for i, e := range s {
				if got := e == nil; got != tc.cleared {
					t.Errorf("element %d cleared: %v, want %v", i, got, tc.cleared)
				}
			}
			if tc.cleared && (len(*h) != 0 || cap(*h) != cap(s)) {
				t.Errorf("the holder keeps %d of %d, want 0 of %d", len(*h), cap(*h), cap(s))
			}
		})
	}
}

// TestSlicesGetCleared checks that what Get hands out again is empty and
// clear, whatever the pool kept.
func TestSlicesGetCleared(t *testing.T) {
	p := &Slices[*int]{Max: 64}
	for round := range 20 {
		h := p.Get()
		s := *h
		if len(s) != 0 {
			t.Fatalf("round %d: Get gave %d elements, want 0", round, len(s))
		}
		for i, e := range s[:cap(s)] {
			if e != nil {
				t.Fatalf("round %d: element %d of the kept array not cleared", round, i)
			}
		}
		for range round + 1 {
			s = append(s, new(int))
		}
		p.Put(h, s)
	}
}
