package gazetteer

import "testing"

// TestMayCompound checks mayCompound, the quick test of hasCompound,
// against the lists it stands for: every head and tail passes it, and so
// does a token that splitCompound splits.
func TestMayCompound(t *testing.T) {
	for _, w := range append(append([]string(nil), compoundHeads...), compoundTails...) {
		if !mayCompound(w) {
			t.Errorf("mayCompound(% x) = false for a head or tail", w)
		}
	}
	tests := []struct {
		name  string
		tok   string
		split bool // splitCompound splits it
	}{
		{"joined head", "عبدالله", true},
		{"joined abu", "ابوظبي", true},
		{"joined tail", "نورالدين", true},
		{"head alone", "عبد", false},
		{"plain word", "مصر", false},
		{"short", "ن", false},
		{"latin", "london", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			h, _ := splitCompound(tc.tok)
			if got := h != ""; got != tc.split {
				t.Fatalf("splitCompound(% x) splits: %v, want %v", tc.tok, got, tc.split)
			}
			if tc.split && !mayCompound(tc.tok) {
				t.Errorf("mayCompound(% x) = false for a token that splits", tc.tok)
			}
		})
	}
}

func TestHasCompound(t *testing.T) {
	tests := []struct {
		name string
		toks []string
		want bool
	}{
		{"split head", []string{"عبد", "الله"}, true},
		{"head last", []string{"محمد", "عبد"}, false},
		{"tail first", []string{"الدين", "محمد"}, false},
		{"tail after a word", []string{"نور", "الدين"}, true},
		{"joined", []string{"عبدالله"}, true},
		{"none", []string{"الامم", "المتحده"}, false},
		{"empty", nil, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := hasCompound(tc.toks); got != tc.want {
				t.Errorf("hasCompound(%q) = %v, want %v", tc.toks, got, tc.want)
			}
		})
	}
}

func TestHasTashkeel(t *testing.T) {
	tests := []struct {
		name string
		s    string
		want bool
	}{
		{"fathatan U+064B", "شكرً", true},
		{"sukun U+0652", "مْ", true},
		{"shadda U+0651", "عمّان", true},
		{"none", "عمان", false},
		{"maddah U+0653 is not", "آ\u0653", false},
		{"tatweel U+0640 is not", "عـمان", false},
		{"empty", "", false},
		{"bad utf-8 then a mark", "\xe0\u064e", true},
		{"lone continuation", "\x8b", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := hasTashkeel(tc.s); got != tc.want {
				t.Errorf("hasTashkeel(% x) = %v, want %v", tc.s, got, tc.want)
			}
		})
	}
}
