package keywords

import (
	"os"
	"strings"
	"testing"

	"github.com/alam-nlp/alam/arabic"
)

// TestEachOccurrence checks that eachOccurrence finds, for every group,
// as many occurrences as candidates counted, the first one first, in text
// order, each spelling the group's stems.
func TestEachOccurrence(t *testing.T) {
	ref, err := os.ReadFile("../../testdata/000_08d5b8224b143400.txt")
	if err != nil {
		t.Fatal(err)
	}
	texts := []struct{ name, text string }{
		{"reference article", string(ref)},
		{"reference article twice", string(ref) + "\n" + string(ref)},
		{"one word repeated", strings.Repeat("كتب ", 50)},
		{"phrases with stop words inside", strings.Repeat("وزير الخارجية في الكويت. وزير الخارجية الكويتي في الكويت، ", 5)},
		{"sentence ends between the words", "الحرب على. داعش الحرب على داعش. الحرب. على داعش"},
	}
	for _, tt := range texts {
		t.Run(tt.name, func(t *testing.T) {
			x := new(extractor)
			x.words(arabic.Analyze(tt.text))
			x.wordStats()
			x.candidates(DefaultMaxWords)
			if len(x.groups) == 0 {
				t.Fatal("no groups")
			}
			for gi := range x.groups {
				g := &x.groups[gi]
				var n int32
				last := -1
				x.eachOccurrence(g, func(k, j int) {
					if n == 0 && (k != int(g.first) || j != int(g.last)) {
						t.Errorf("group %d: first occurrence %d..%d, want %d..%d", gi, k, j, g.first, g.last)
					}
					if k <= last {
						t.Errorf("group %d: occurrence at %d after one at %d", gi, k, last)
					}
					for i := k; i <= j; i++ {
						if x.stem[i] != x.stem[int(g.first)+i-k] {
							t.Errorf("group %d: occurrence %d..%d has other stems", gi, k, j)
						}
					}
					last = k
					n++
				})
				if n != g.tf {
					t.Errorf("group %d (%q): %d occurrences found, tf %d", gi, x.a.Text[x.a.Tokens[g.first].Start:x.a.Tokens[g.last].End], n, g.tf)
				}
			}
		})
	}
}
