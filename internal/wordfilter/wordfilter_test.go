package wordfilter

import (
	"fmt"
	"testing"
)

// TestFilter checks that every string added is held, and that the filter
// turns away most strings it was not given.
func TestFilter(t *testing.T) {
	var f Filter
	added := []string{"", "و", "في", "الذي", "عن", "التحالف", "word", "a longer string of bytes"}
	for _, s := range added {
		f.Add(s)
	}
	for _, s := range added {
		if !f.MayHold(s) {
			t.Errorf("MayHold(%q) = false after Add (% x)", s, s)
		}
	}
	held := 0
	for i := range 10000 {
		if f.MayHold(fmt.Sprintf("other-%d", i)) {
			held++
		}
	}
	if held > 100 {
		t.Errorf("%d of 10000 strings not added pass the filter, want at most 100", held)
	}
}
