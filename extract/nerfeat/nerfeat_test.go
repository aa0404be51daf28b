package nerfeat

import (
	"slices"
	"testing"

	"github.com/alam-nlp/alam/tagger"
)

func TestSentence(t *testing.T) {
	hint := func(text string) ([]Hint, error) {
		// "محمد" starts at byte 19: قال (6) + space + الرئيس (12) + space.
		return []Hint{{Start: 19, End: len(text), Label: "PERSON"}}, nil
	}
	x := New(hint, nil)
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

func TestHintedHashes(t *testing.T) {
	x := New(nil, nil)
	sents := [][]string{{"قال", "الرئيس", "محمد"}, {"وعاد", "محمد", "إلى", "القاهرة", "."}}
	hint := [][]string{{"", "", "B-PERSON/rule/name"}, {"", "", "", "B-LOCATION/gazetteer/name", ""}}
	raw := [][]string{{"", "", ""}, {"", "B-PERSON/name", "", "", ""}}
	lists := [][]string{{"VS", "T", "G"}, {"", "G", "S", "", ""}}
	fs := x.Hinted(sents, hint, raw, lists)
	hs := x.HintedHashes(sents, hint, raw, lists)
	for si := range fs {
		for wi := range fs[si] {
			if len(fs[si][wi]) != len(hs[si][wi]) {
				t.Fatalf("word %d.%d: %d strings, %d hashes", si, wi, len(fs[si][wi]), len(hs[si][wi]))
			}
			for k, f := range fs[si][wi] {
				if hs[si][wi][k] != tagger.NewHash().Add(f) {
					t.Errorf("word %d.%d feature %q: hash differs", si, wi, f)
				}
			}
		}
	}
	// The document feature: محمد of the second sentence, hinted in the first.
	if !slices.Contains(fs[1][1], "d=PERSON/rule/name") {
		t.Errorf("features of the second محمد lack the document hint: %q", fs[1][1])
	}
	if !slices.Contains(fs[0][1], "l=T") || !slices.Contains(fs[0][1], "l-1l=VS|T") || !slices.Contains(fs[0][0], "l-1=|") {
		t.Errorf("list features missing: %q, %q", fs[0][0], fs[0][1])
	}
}

// TestHintedSentenceHashesReused checks the hashes of sentences made one
// after another in the Extractor's reused buffers, longer then shorter
// then longer again, against the hashes of the feature strings.
func TestHintedSentenceHashesReused(t *testing.T) {
	x := New(nil, nil)
	tests := []struct {
		name               string
		words, hint, lists []string
	}{
		{"five words", []string{"وعاد", "محمد", "إلى", "القاهرة", "."}, []string{"", "B-PERSON/rule/name", "", "B-LOCATION/gazetteer/name", ""}, []string{"", "G", "S", "", ""}},
		{"one word", []string{"قال"}, []string{""}, nil},
		{"empty", nil, nil, nil},
		{"six words", []string{"قال", "الرئيس", "محمد", "بن", "سلمان", "أمس"}, []string{"", "", "B-PERSON/rule/name", "I-PERSON/rule/name", "I-PERSON/rule/name", ""}, nil},
	}
	seen := map[string]string{"محمد": "PERSON/rule/name"}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			fs := x.HintedSentence(tc.words, tc.hint, nil, tc.lists, seen)
			hs := x.HintedSentenceHashes(tc.words, tc.hint, nil, tc.lists, seen)
			if len(hs) != len(fs) {
				t.Fatalf("%d words hashed, want %d", len(hs), len(fs))
			}
			for wi := range fs {
				if len(fs[wi]) != len(hs[wi]) {
					t.Fatalf("word %d (%q): %d strings, %d hashes", wi, tc.words[wi], len(fs[wi]), len(hs[wi]))
				}
				for k, f := range fs[wi] {
					if hs[wi][k] != tagger.NewHash().Add(f) {
						t.Errorf("word %d feature %q (% x): hash differs", wi, f, f)
					}
				}
			}
		})
	}
}

// TestAnalyseAffixes checks the prefixes and suffixes of analyse, taken
// as parts of the normalized form, against those of its runes (how they
// were made before), for words of 1 to 5 runes, Latin, digits, and bytes
// that are not UTF-8.
func TestAnalyseAffixes(t *testing.T) {
	for _, w := range []string{"و", "في", "قال", "محمد", "القاهرة", "CNN", "2007", "عام2007", "a\xffb", "\xff", "ab\xc3", "ليبيا،"} {
		l := analyse(w, nil)
		r := []rune(l.norm)
		for k := 1; k <= 3; k++ {
			var pre, suf string
			if len(r) > k {
				pre, suf = string(r[:k]), string(r[len(r)-k:])
			}
			if l.pre[k-1] != pre || l.suf[k-1] != suf {
				t.Errorf("analyse(%q) (% x): prefix %d %q, suffix %q; of the runes %q, %q", w, w, k, l.pre[k-1], l.suf[k-1], pre, suf)
			}
		}
	}
}

// TestOddHints gives NoteHints, Hinted and Seen.NoteWords hints of other
// shapes than "B-"+type and "I-"+type: they must not panic; "-" is no
// hint, as the features write it, and another hint records itself ("X")
// or what follows B-/I-.
func TestOddHints(t *testing.T) {
	tests := []struct {
		name, hint, want string
	}{
		{"a dash, no hint", "-", ""},
		{"one letter", "X", "X"},
		{"B- alone", "B-", ""},
		{"no dash", "PERSON", "PERSON"},
		{"begin", "B-PERSON/rule/name", "PERSON/rule/name"},
		{"inside", "I-ORG/name", "ORG/name"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			words := []string{"قال", "محمد"}
			hint := []string{"", tt.hint}
			x := New(nil, nil)
			seen := map[string]string{}
			x.NoteHints(seen, words, hint)
			got, noted := seen[x.lex("محمد").norm]
			if got != tt.want || noted != (tt.hint != "-") {
				t.Errorf("NoteHints: type %q (noted %v), want %q", got, noted, tt.want)
			}
			x.Hinted([][]string{words}, [][]string{hint}, nil, nil)
			var s Seen
			l := NewLexicon(nil)
			s.NoteWords([]*Word{l.Word(words[0], nil), l.Word(words[1], nil)}, hint)
			got, noted = s.Types()[x.lex("محمد").norm]
			if got != tt.want || noted != (tt.hint != "-") {
				t.Errorf("Seen.NoteWords: type %q (noted %v), want %q", got, noted, tt.want)
			}
		})
	}
}
