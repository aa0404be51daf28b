package nerfeat

import (
	"slices"
	"testing"
)

func TestSentence(t *testing.T) {
	hint := func(text string) ([]Hint, error) {
		// "محمد" starts at byte 19: قال (6) + space + الرئيس (12) + space.
		return []Hint{{Start: 19, End: len(text), Label: "PERSON"}}, nil
	}
	x := New(hint)
	fs, err := x.Sentence([]string{"قال", "الرئيس", "محمد"})
	if err != nil {
		t.Fatal(err)
	}
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
		{"hint", 2, "h=B-PERSON"},
		{"hint of the next word", 1, "h+1=B-PERSON"},
		{"no hint before", 1, "h-1=-"},
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
