package nerfeat

import (
	"testing"

	"github.com/alam-nlp/alam/tagger"
)

// TestHintedSentenceHashes checks that the hashed features are the hashes
// of the feature strings, in the same order.
func TestHintedSentenceHashes(t *testing.T) {
	tests := []struct {
		name             string
		words, hint, raw []string
		seen             map[string]string
	}{
		{"bare", []string{"قال", "الوزير", "منير", "الزعبي"}, []string{"", "", "", ""}, nil, nil},
		{"short words", []string{"و", "في", "A", "2014", "."}, []string{"", "", "", "", ""}, []string{"", "", "", "", ""}, nil},
		{"hints", []string{"قال", "الوزير", "منير", "الزعبي", "إن"},
			[]string{"", "", "B-PERSON/rule/name", "I-PERSON/rule/name", ""},
			[]string{"", "B-ORG/name", "", "", ""},
			map[string]string{"ان": "LOC/gazetteer/name", "الزعبي": "PERSON/rule/name"}},
		{"empty", nil, nil, nil, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			x := New(nil)
			want := x.HintedSentence(tc.words, tc.hint, tc.raw, tc.seen)
			got := x.HintedSentenceHashes(tc.words, tc.hint, tc.raw, tc.seen)
			if len(got) != len(want) {
				t.Fatalf("%d words hashed, want %d", len(got), len(want))
			}
			for i := range want {
				if len(got[i]) != len(want[i]) {
					t.Fatalf("word %d (%q): %d hashes, want %d: %q", i, tc.words[i], len(got[i]), len(want[i]), want[i])
				}
				for j, f := range want[i] {
					if got[i][j] != tagger.HashFeature(f) {
						t.Errorf("word %d feature %d: hash %x is not that of %q (% x)", i, j, got[i][j], f, f)
					}
				}
			}
		})
	}
}
