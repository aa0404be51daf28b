package nerfeat

import (
	"slices"
	"testing"
)

func TestSentence(t *testing.T) {
	x := New()
	fs := x.Sentence([]string{"قال", "الرئيس", "محمد"})
	if len(fs) != 3 {
		t.Fatalf("got %d feature lists for 3 words", len(fs))
	}
	tests := []struct {
		name string
		tok  int
		want string
	}{
		{"word", 1, "w=الرئيس"},
		{"stem drops the article", 1, "s=رئيس"},
		{"left context at start", 0, "n-1=<s>"},
		{"right context at end", 2, "n+1=</s>"},
		{"previous word", 2, "n-1=الرئيس"},
		{"shape", 2, "sh=a"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if !slices.Contains(fs[tc.tok], tc.want) {
				t.Errorf("features of token %d lack %q: %q", tc.tok, tc.want, fs[tc.tok])
			}
		})
	}
}

func TestShape(t *testing.T) {
	for _, tc := range []struct{ in, want string }{{"2007", "d"}, {"CNN", "L"}, {"،", "p1"}, {"عام2007", "ad"}} {
		if got := shape(tc.in); got != tc.want {
			t.Errorf("shape(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}
