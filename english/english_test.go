package english_test

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/alam-nlp/alam/arabic"
	"github.com/alam-nlp/alam/english"
)

func TestSplitPossessives(t *testing.T) {
	type tok struct {
		text, norm         string
		runeStart, runeEnd int
	}
	tests := []struct {
		name string
		text string
		want []tok
	}{
		{"none", "Kuwait said", []tok{{"Kuwait", "kuwait", 0, 6}, {"said", "said", 7, 11}}},
		{"straight apostrophe", "Kuwait's emir", []tok{{"Kuwait", "kuwait", 0, 6}, {"'s", "'s", 6, 8}, {"emir", "emir", 9, 13}}},
		{"curly apostrophe", "the UAE’s army", []tok{{"the", "the", 0, 3}, {"UAE", "uae", 4, 7}, {"’s", "'s", 7, 9}, {"army", "army", 10, 14}}},
		// é is two bytes and one code point; “ is three bytes.
		{"non-ASCII name", "“Stéphane’s” view", []tok{{"“", "“", 0, 1}, {"Stéphane", "stéphane", 1, 9}, {"’s", "'s", 9, 11}, {"”", "”", 11, 12}, {"view", "view", 13, 17}}},
		{"arabic before", "قال آلن (Allen's) —", []tok{{"قال", "قال", 0, 3}, {"آلن", "الن", 4, 7}, {"(", "(", 8, 9}, {"Allen", "allen", 9, 14}, {"'s", "'s", 14, 16}, {")", ")", 16, 17}, {"—", "—", 18, 19}}},
		{"plural possessive left alone", "officials' view", []tok{{"officials", "officials", 0, 9}, {"'", "'", 9, 10}, {"view", "view", 11, 15}}},
		{"s alone is a word", "'s", []tok{{"'", "'", 0, 1}, {"s", "s", 1, 2}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := english.SplitPossessives(arabic.Analyze(tt.text))
			var got []tok
			for _, k := range a.Tokens {
				got = append(got, tok{k.Text(a.Text), k.Norm, k.RuneStart, k.RuneEnd})
			}
			if len(got) != len(tt.want) {
				t.Fatalf("tokens %+v\nwant %+v", got, tt.want)
			}
			for i := range got {
				if got[i] != tt.want[i] {
					t.Errorf("token %d = %+v, want %+v", i, got[i], tt.want[i])
				}
			}
			if n := len(a.Sentences); n > 0 && a.Sentences[n-1].EndToken != len(a.Tokens) {
				t.Errorf("last sentence ends at token %d of %d", a.Sentences[n-1].EndToken, len(a.Tokens))
			}
		})
	}
}

func TestIsStopWord(t *testing.T) {
	for _, tt := range []struct {
		name      string
		w         string
		stop, say bool
	}{
		{"article (Snowball)", "the", true, false},
		{"rare pronoun (Snowball)", "yourselves", true, false},
		{"contraction (Snowball)", "don't", true, false},
		{"modal Snowball leaves out", "will", true, false},
		{"news adverb", "according", true, false},
		{"us, left out of Snowball", "us", true, false},
		{"day", "monday", true, false},
		{"possessive token", "'s", true, false},
		{"possessive token, curly", "’s", true, false},
		{"contraction, curly apostrophe", "we’ve", true, false},
		{"contraction, left single quote", "we‘ve", false, false},
		{"verb of saying", "said", true, true},
		{"verb of saying, present", "says", true, true},
		{"verb of saying, told", "told", true, true},
		{"speech verb of englishnames", "tweeted", true, true},
		{"Snowball's commented mine", "mine", false, false},
		{"noun like a verb of saying", "states", false, false},
		{"name", "kuwait", false, false},
		{"title", "minister", false, false},
		{"not lower-cased", "The", false, false},
		{"not lower-cased verb", "Said", false, false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if got := english.IsStopWord(tt.w); got != tt.stop {
				t.Errorf("IsStopWord(%q) = %v, want %v", tt.w, got, tt.stop)
			}
			if got := english.IsSayingVerb(tt.w); got != tt.say {
				t.Errorf("IsSayingVerb(%q) = %v, want %v", tt.w, got, tt.say)
			}
		})
	}
}

// TestStopWordLists checks the size of the lists: the Snowball English list
// has 174 words (its us and its commented-out words excluded).
func TestStopWordLists(t *testing.T) {
	snowball := english.SnowballStopWords()
	if len(snowball) != 174 {
		t.Errorf("Snowball list: %d words, want 174", len(snowball))
	}
	for _, w := range snowball {
		if w != strings.ToLower(w) || strings.ContainsAny(w, " |#") || !english.IsStopWord(w) {
			t.Errorf("Snowball word %q: not a lower-case stop word", w)
		}
	}
	all := english.StopWords()
	if len(all) <= len(snowball) {
		t.Errorf("%d stop words, no more than Snowball's %d", len(all), len(snowball))
	}
}

func FuzzSplitPossessives(f *testing.F) {
	for _, s := range []string{"Kuwait's emir", "“Stéphane’s”", "UAE’S", "'s's", "قال آلن (Allen's)"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			return
		}
		before := arabic.Analyze(s)
		a := english.SplitPossessives(before)
		prevEnd, prevRune := 0, 0
		var joined strings.Builder
		for i, k := range a.Tokens {
			if k.Start < prevEnd || k.End <= k.Start || k.End > len(s) {
				t.Fatalf("token %d bytes [%d,%d) after %d in %q", i, k.Start, k.End, prevEnd, s)
			}
			if k.RuneStart < prevRune || k.RuneStart != utf8.RuneCountInString(s[:k.Start]) || k.RuneEnd != utf8.RuneCountInString(s[:k.End]) {
				t.Fatalf("token %d code points [%d,%d) do not match bytes [%d,%d) in %q", i, k.RuneStart, k.RuneEnd, k.Start, k.End, s)
			}
			prevEnd, prevRune = k.End, k.RuneEnd
			joined.WriteString(k.Text(s))
		}
		var want strings.Builder
		for _, k := range before.Tokens {
			want.WriteString(k.Text(s))
		}
		if joined.String() != want.String() {
			t.Fatalf("split tokens cover %q, the tokens %q", joined.String(), want.String())
		}
		end := 0
		for i, st := range a.Sentences {
			if st.FirstToken != end || st.EndToken < st.FirstToken {
				t.Fatalf("sentence %d tokens [%d,%d) after %d", i, st.FirstToken, st.EndToken, end)
			}
			end = st.EndToken
		}
		if len(a.Sentences) > 0 && end != len(a.Tokens) {
			t.Fatalf("sentences end at token %d of %d", end, len(a.Tokens))
		}
	})
}

func TestSplitPossessivesNil(t *testing.T) {
	if a := english.SplitPossessives(nil); a != nil {
		t.Errorf("SplitPossessives(nil) = %+v, want nil", a)
	}
}
